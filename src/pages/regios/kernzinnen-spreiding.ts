/**
 * The scatter's headline sentences: how start level and growth go together (r as the subtitle
 * prints it), the regions with the highest and lowest growth with their start level, and the
 * hidden points with their reasons. Read from the scatter's protected table (spreiding.ts) only.
 */
import type { ChartData } from '../../lib/charts/spec.ts';
import { procentInWoorden } from '../../lib/briefing/alinea.ts';
import { isOnderdrukt } from '../../lib/format/disclosure.ts';
import { formatAantal, formatGetal, formatKwartaalVoluit } from '../../lib/format/nl.ts';
import { correlatieZin, type VeiligStartniveau } from './spreiding.ts';
import { metTeken, verborgenZin } from './kernzinnen.ts';

export function spreidingKernzinnen(s: Pick<VeiligStartniveau, 'maat' | 'basis' | 'eind' | 'r' | 'fit' | 'n'>, data: ChartData): string[] {
  const uit: string[] = [];
  const aandeel = s.maat === 'aandeel_werkzaam';
  if (s.r === null || s.fit === null) uit.push(correlatieZin(s));
  else {
    const start = aandeel ? 'een groter deel van het register werkte' : 'meer banen per 1.000 personen in het register waren';
    const hoe = s.r < -0.1 ? 'gemiddeld minder' : s.r > 0.1 ? 'gemiddeld meer' : null;
    const r = `correlatie r = ${formatGetal(s.r, 2)} over ${s.n} regio's`;
    uit.push(hoe
      ? `Regio's waar in het ${formatKwartaalVoluit(s.basis)} ${start}, groeiden tot het ${formatKwartaalVoluit(s.eind)} ${hoe} in banen (${r}).`
      : `Tussen het startniveau in het ${formatKwartaalVoluit(s.basis)} en de groei van het aantal banen tot het ${formatKwartaalVoluit(s.eind)} is nauwelijks samenhang (${r}).`);
  }
  const punten = data.rijen
    .filter((p) => typeof p.x === 'number' && typeof p.y === 'number')
    .map((p) => ({ naam: String(p.regio_naam), x: p.x as number, y: p.y as number }))
    .sort((a, b) => b.y - a.y);
  if (punten.length > 1) {
    const start = (x: number) => (aandeel ? `${procentInWoorden(x, { decimalen: 1 })} werkzaam` : `${formatAantal(x, 1)} banen per 1.000 personen`);
    const [h, l] = [punten[0], punten.at(-1)!];
    uit.push(`De groei was het hoogst in ${h.naam} (${metTeken(h.y)}; bij de start ${start(h.x)}) en het laagst in ${l.naam} (${metTeken(l.y)}; bij de start ${start(l.x)}).`);
  }
  // A point needs both values: a region is counted once, by the reason of its first hidden value.
  const verborgen = verborgenZin(data.rijen.map((p) => (isOnderdrukt(p.y) ? p.y : p.x)), 'het punt');
  if (verborgen) uit.push(verborgen, "Die regio's tellen niet mee in de lijn en in r.");
  return uit;
}

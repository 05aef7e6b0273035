/**
 * ChartData of places against the taakstelling per peildatum, for Nederland, a region or one
 * gemeente (its places protected against its region through lib/disclosure: beveiliging.ts), with the published
 * national counts of people on a beschut werkplek as separate points (never mixed into the line).
 */
import type { BronVermelding, ChartData } from '../../lib/charts/spec.ts';
import { X_BESCHERMING } from '../../lib/disclosure/zinnen.ts';
import { AFGELEID, BESCHERMD, isOnderdrukt, KLEIN, DREMPEL, onderdrukteSoorten } from '../../lib/format/disclosure.ts';
import type { GemeentePlekRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { PlekkenRij } from '../../lib/metrics/beschut.ts';
import type { BeschutCijfer } from '../../lib/published/beschut.ts';
import { bronVermelding } from '../../lib/published/bronvermelding.ts';
import { bronVelden, NOOT_AANVULLEND, type Context, type Eenheid } from './context.ts';

/** The quarter of a quarter-end date: '2017-12-31' → '2017Q4'. */
function kwartaal(d: string): string {
  return `${d.slice(0, 4)}Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
}

export interface PlekPunt {
  peildatum: string;
  plekken: number;
  taakstelling: number;
  /** Hidden by disclosure control (a gemeente's places). */
  verborgen: boolean;
}

/** A gemeente's places from its region's rows, with the cells disclosure control hides. */
export function gemeentePunten(rijen: readonly GemeentePlekRij[], gemeente: string, verborgen: ReadonlySet<string>): PlekPunt[] {
  return rijen
    .filter((r) => r.gemeente === gemeente)
    .map((r) => ({ peildatum: r.peildatum, plekken: r.plekken, taakstelling: r.taakstelling, verborgen: verborgen.has(`${gemeente}@${r.peildatum}`) || r.plekken < DREMPEL }));
}

/** Nederland's or a region's places (sums of many gemeenten; only primary suppression). */
export function totaalPunten(rijen: readonly PlekkenRij[]): PlekPunt[] {
  return rijen.map((r) => ({ peildatum: r.peildatum, plekken: r.plekken, taakstelling: r.taakstelling, verborgen: r.plekken < DREMPEL }));
}

export function plekkenData(punten: readonly PlekPunt[], e: Eenheid, gepubliceerd: readonly BeschutCijfer[], ctx: Context): ChartData {
  const landelijk = e.soort === 'nederland';
  const pub = landelijk ? gepubliceerd.filter((c) => c.berekening.soort === 'plekken' && c.berekening.maat === 'plekken') : [];
  const bronnen: BronVermelding[] = pub.map((c) => bronVermelding(`${c.omschrijving}, ${c.periode}`, c.citatie));
  const rijen = punten.map((p) => {
    const gevonden = pub.find((c) => c.berekening.soort === 'plekken' && c.berekening.peildatum === p.peildatum);
    return {
      kwartaal: kwartaal(p.peildatum),
      // Hidden to protect a small gemeente elsewhere ("x" with that reason), or small itself.
      plekken: p.verborgen ? (p.plekken < DREMPEL ? KLEIN : BESCHERMD) : p.plekken,
      taakstelling: p.taakstelling > 0 ? p.taakstelling : null,
      realisatie: p.taakstelling > 0 ? (p.verborgen ? (p.plekken < DREMPEL ? AFGELEID : BESCHERMD) : p.plekken / p.taakstelling) : null,
      ...(landelijk ? { gepubliceerd: gevonden ? gevonden.waarde : null } : {}),
    };
  });
  const noten = [
    'Plekken: mensen met een positief advies die op de peildatum op een beschut werkplek werken. Taakstelling: het aantal plekken dat gemeenten volgens de ministeriële regeling aan het eind van het jaar moeten bieden; in een jaar zonder regeling staat er "–".',
  ];
  if (landelijk && pub.length) noten.push('Gepubliceerd (ruiten): het aantal mensen op een beschut werkplek volgens UWV en SZW, met de bron per cijfer. De bron van 5.536 noemt 31 maart 2020; de reeks wijst op 31 maart 2021 en daar staat het.');
  if (rijen.some((r) => isOnderdrukt(r.plekken))) noten.push(NOOT_AANVULLEND);
  if (onderdrukteSoorten(rijen).has('bescherming')) noten.push(X_BESCHERMING);
  return {
    titel: `Plekken beschut werk en taakstelling per kwartaal, ${e.soort === 'nederland' ? 'Nederland' : e.soort === 'regio' ? `arbeidsmarktregio ${e.naam}` : `gemeente ${e.naam}`}`,
    ondertitel: ctx.selectie,
    ...bronVelden(ctx),
    kolommen: [
      { key: 'kwartaal', label: 'Kwartaal', type: 'kwartaal' },
      { key: 'plekken', label: 'Plekken (mensen aan het werk)', type: 'aantal' },
      { key: 'taakstelling', label: 'Taakstelling', type: 'aantal' },
      { key: 'realisatie', label: 'Gerealiseerd (% van de taakstelling)', type: 'pct', decimalen: 0 },
      ...(landelijk ? [{ key: 'gepubliceerd', label: 'Gepubliceerd (UWV/SZW)', type: 'aantal' as const }] : []),
    ],
    rijen,
    voetnoten: noten,
    ...(bronnen.length ? { bronnen } : {}),
  };
}

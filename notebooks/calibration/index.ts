/**
 * Calibration: every published figure next to its computed twin, with the difference and whether
 * it is within tolerance — percentages within 1 percentage point, counts, banen and euros within 1%
 * (never tighter than half the last published digit, so "6,1 miljard" is not held to the euro).
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import type { PublishedSet } from '../../src/lib/published/reference.ts';
import { Rekenaar } from './bereken.ts';
import { figuren, type Eenheid, type Figuur } from './figuren.ts';

export type Status = 'binnen' | 'buiten' | 'uitzondering' | 'niet berekenbaar';

export interface CalibratieRij extends Figuur {
  berekend: number | null;
  verschil: number | null;
  tolerantie: number | null;
  binnenTolerantie: boolean | null;
  status: Status;
}

function decimalen(v: number): number {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

export function tolerantie(gepubliceerd: number, eenheid: Eenheid): number {
  if (eenheid === 'pct') return 1;
  return Math.max(0.01 * Math.abs(gepubliceerd), 0.5 * 10 ** -decimalen(gepubliceerd));
}

export async function kalibreer(engine: QueryEngine, pub: PublishedSet): Promise<CalibratieRij[]> {
  const rekenaar = new Rekenaar(engine);
  const uit: CalibratieRij[] = [];
  for (const f of figuren(pub)) {
    if (!f.berekening) {
      uit.push({ ...f, berekend: null, verschil: null, tolerantie: null, binnenTolerantie: null, status: 'niet berekenbaar' });
      continue;
    }
    let berekend = await rekenaar.waarde(f.berekening);
    if (berekend !== null && f.eenheid === 'mld') berekend /= 1000;
    const tol = tolerantie(f.gepubliceerd, f.eenheid);
    const verschil = berekend === null ? null : berekend - f.gepubliceerd;
    const binnen = verschil === null ? false : Math.abs(verschil) <= tol + 1e-9;
    uit.push({
      ...f, berekend, verschil, tolerantie: tol, binnenTolerantie: binnen,
      status: binnen ? 'binnen' : f.uitzondering ? 'uitzondering' : 'buiten',
    });
  }
  return uit;
}

export function samenvatting(rijen: readonly CalibratieRij[]): Record<Status, number> & { totaal: number } {
  const s = { binnen: 0, buiten: 0, uitzondering: 0, 'niet berekenbaar': 0, totaal: rijen.length };
  for (const r of rijen) s[r.status]++;
  return s;
}

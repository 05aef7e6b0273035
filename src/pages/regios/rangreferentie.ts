import type { ChartData } from '../../lib/charts/spec.ts';
import type { PaginaIndicator } from './grafieken.ts';

/**
 * The reference in the ranking. Totals (banen, groei, register) of Nederland are the sum of the
 * regions: on the regional axis they squash every bar to the left, so the ranking compares with
 * the average region instead (Nederland stays in the subtitle). Shares and rates compare with
 * Nederland itself.
 */
const TOTALEN: ReadonlySet<PaginaIndicator> = new Set(['banen', 'groei', 'register']);

export interface RangReferentie {
  waarde: number;
  label: string;
}

export function rangReferentie(indicator: PaginaIndicator, rijen: readonly Record<string, unknown>[], landelijk: unknown): RangReferentie | null {
  // A hidden national value ("x") is no reference either.
  if (!TOTALEN.has(indicator)) return typeof landelijk === 'number' ? { waarde: landelijk, label: 'Nederland' } : null;
  // Only values that are shown: a suppressed region ("x", "<10") does not weigh in the average.
  const getallen = rijen.map((r) => r.waarde).filter((v): v is number => typeof v === 'number');
  if (getallen.length === 0) return null;
  return { waarde: getallen.reduce((a, b) => a + b, 0) / getallen.length, label: 'Gemiddelde regio' };
}

/**
 * The ranking's data with the reference as its own bar at its place among the regions (no line
 * across the value labels). Only for the bar chart: map, table and CSV keep the 35 regions.
 */
export function rangMetReferentie(data: ChartData, ref: RangReferentie | null): ChartData {
  if (!ref) return data;
  const rij = { regio_naam: ref.label, regio_code: '', waarde: ref.waarde, rang: null };
  const rijen = [...data.rijen];
  // Rows are in rank order; suppressed regions may sit between them, regions without data at the end.
  const lager = rijen.findIndex((r) => typeof r.waarde === 'number' && r.waarde < ref.waarde);
  const laatsteGetal = rijen.reduce((l, r, i) => (typeof r.waarde === 'number' ? i : l), -1);
  rijen.splice(lager === -1 ? laatsteGetal + 1 : lager, 0, rij);
  return { ...data, rijen };
}

import { formatKwartaal } from '../../lib/format/nl.ts';
import { indexToKwartaal, kwartaalToIndex, type Kwartaal } from '../../lib/kwartaal.ts';
import { cohortBasis } from '../../lib/metrics/regio.ts';
import type { Filters } from '../../lib/state/url.ts';

/**
 * The period the Regio's page shows. Absent in the link (van/tot null) means the latest in the
 * loaded data: the last quarter, with growth over the year before it (or since the first quarter
 * when the data hold less than a year). The UWV study's period is a preset, one click away.
 */
export interface Periode {
  van: Kwartaal;
  tot: Kwartaal;
}

/** The period of the published UWV study (end 2015 → end 2017). */
export const UWV_PERIODE: Periode = { van: '2015Q4', tot: '2017Q4' };

/** The period shown for the link's van/tot in data with these quarters (sorted); null without data. */
export function gekozenPeriode(van: Kwartaal | null, tot: Kwartaal | null, kwartalen: readonly Kwartaal[]): Periode | null {
  if (kwartalen.length === 0) return van && tot ? { van, tot } : null;
  const laatste = kwartalen[kwartalen.length - 1];
  const eind = tot ?? laatste;
  if (van) return { van, tot: eind };
  const jaarEerder = indexToKwartaal(kwartaalToIndex(eind) - 4);
  const begin = kwartalen.includes(jaarEerder) ? jaarEerder : kwartalen[0];
  // A single quarter of data has no period to grow over; the page says so through its period message.
  return { van: begin, tot: eind };
}

/** The page's filters with the period filled in: what every view reads. */
export type RegioFilters = Omit<Filters<'regios'>, 'van' | 'tot'> & Periode;

/** `f` with van/tot read from `periode` (reactive getters); other properties read and write `f`. */
export function metPeriode(f: Filters<'regios'>, periode: () => Periode): RegioFilters {
  const obj = {} as RegioFilters;
  for (const key of Object.keys(f)) {
    Object.defineProperty(obj, key, {
      enumerable: true,
      get: () => (key === 'van' || key === 'tot' ? periode()[key] : (f as Record<string, unknown>)[key]),
      set: (v: unknown) => ((f as Record<string, unknown>)[key] = v),
    });
  }
  return obj;
}

/** True when the link asks for the latest period (no van/tot), false for the UWV preset or an own choice. */
export function isUwvPeriode(p: Periode | null): boolean {
  return p !== null && p.van === UWV_PERIODE.van && p.tot === UWV_PERIODE.tot;
}

/** The warning for an end quarter without a cohort a year before it (map and funnel views). */
export function geenCohortMelding(tot: Kwartaal): string {
  return `Voor het eindkwartaal ${formatKwartaal(tot)} is er geen cohort een jaar eerder (${formatKwartaal(cohortBasis(tot))}) in de gegevens. Kies een later eindkwartaal.`;
}

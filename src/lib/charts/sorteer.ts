/**
 * Sort order of table cells: numbers by value, suppressed cells ("<10", "x") below every number,
 * text in Dutch collation, missing values last in both directions.
 */
import { isOnderdrukt } from '../format/disclosure.ts';

const ontbreekt = (v: unknown) => v === null || v === undefined || v === '';
const rang = (v: unknown) => (isOnderdrukt(v) ? -Infinity : typeof v === 'number' ? v : NaN);

export function vergelijkCellen(a: unknown, b: unknown, oplopend: boolean): number {
  if (ontbreekt(a) || ontbreekt(b)) return ontbreekt(a) === ontbreekt(b) ? 0 : ontbreekt(a) ? 1 : -1;
  const richting = oplopend ? 1 : -1;
  const ra = rang(a);
  const rb = rang(b);
  if (!Number.isNaN(ra) && !Number.isNaN(rb)) return ra === rb ? 0 : (ra < rb ? -1 : 1) * richting;
  return String(a).localeCompare(String(b), 'nl') * richting;
}

export function sorteerRijen<T extends Record<string, unknown>>(rijen: readonly T[], key: string, oplopend: boolean): T[] {
  return [...rijen].sort((a, b) => vergelijkCellen(a[key], b[key], oplopend));
}

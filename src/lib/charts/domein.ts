/**
 * Value domains for the charts' scales, before d3's nice(): one place that decides how far an
 * axis reaches beyond the data.
 */

/** From the data to 0 (bars, counts): [min(0, lo), max(0, hi)], never empty. */
export function domeinMetNul(waarden: readonly number[]): [number, number] {
  const lo = Math.min(0, ...waarden);
  const hi = Math.max(0, ...waarden);
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/** Just the data (shares in a narrow band); a single value gets a unit of room above it. */
export function domeinVanData(waarden: readonly number[]): [number, number] {
  if (waarden.length === 0) return [0, 1];
  const lo = Math.min(...waarden);
  const hi = Math.max(...waarden);
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/**
 * The data plus a margin of `rand` times its range on both sides (points must not sit on the
 * frame); when all values are equal, `randEnkel` times the value, or 1.
 */
export function domeinMetRand(waarden: readonly number[], rand: number, randEnkel = rand): [number, number] {
  if (waarden.length === 0) return [0, 1];
  const lo = Math.min(...waarden);
  const hi = Math.max(...waarden);
  const r = (hi - lo) * rand || Math.abs(hi) * randEnkel || 1;
  return [lo - r, hi + r];
}

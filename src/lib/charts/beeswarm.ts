/**
 * Layout of a beeswarm: every dot keeps its x (its value) and moves up or down from the centre
 * line just enough not to overlap the dots already placed. Dots are placed from left to right
 * (ties in input order), each at the free offset closest to the centre line; deterministic, so the
 * server render, the export and the golden files agree. O(n·k) with k the dots within reach.
 */

/** Offsets from the centre line (same order as `xs`) for dots of radius `r` (plus `gap` between dots). */
export function beeswarmY(xs: readonly number[], r: number, gap = 0.5): number[] {
  const d = 2 * r + gap;
  const volgorde = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
  const ys = new Array<number>(xs.length).fill(0);
  const geplaatst: { x: number; y: number }[] = [];
  let begin = 0;
  for (const i of volgorde) {
    const x = xs[i];
    // Placed dots are in x order: those more than d to the left can never touch this one or later ones.
    while (begin < geplaatst.length && geplaatst[begin].x < x - d) begin++;
    const buren = geplaatst.slice(begin);
    const kandidaten = [0];
    for (const b of buren) {
      const dy = Math.sqrt(Math.max(0, d * d - (x - b.x) ** 2));
      kandidaten.push(b.y + dy, b.y - dy);
    }
    kandidaten.sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
    const vrij = kandidaten.find((y) => buren.every((b) => (x - b.x) ** 2 + (y - b.y) ** 2 >= d * d - 1e-6))!;
    ys[i] = vrij;
    geplaatst.push({ x, y: vrij });
  }
  return ys;
}

/**
 * The largest radius (from `rMax` down to `rMin`) whose swarm fits within `halfHoogte` above and
 * below the centre line; the offsets for that radius.
 */
export function passendeZwerm(xs: readonly number[], halfHoogte: number, rMax = 4.5, rMin = 1.5): { r: number; ys: number[] } {
  let r = rMax;
  for (;;) {
    const ys = beeswarmY(xs, r);
    const uiterst = Math.max(0, ...ys.map((y) => Math.abs(y))) + r;
    if (uiterst <= halfHoogte || r <= rMin) return { r, ys };
    r = Math.max(rMin, r - 0.5);
  }
}

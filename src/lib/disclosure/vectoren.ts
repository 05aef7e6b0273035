/**
 * The small vectors over the members of one dimension of a product table (units: months, sums of
 * months, gemeenten, regions) that keep its sums: a part +1 and a sibling −1; a part +1 and its
 * total +1, and so on up the sums. kubus.ts multiplies them with a block of cells per member.
 */

/** A dimension's sums: totaal = Σ delen (members of the dimension). */
export interface DimensieSom {
  readonly totaal: string;
  readonly delen: readonly string[];
}

/** A vector over the members of one dimension (+1 / −1), the member itself +1. */
export type Vector = ReadonlyMap<string, number>;

/**
 * Every vector through `lid` with at most `steun` members (the smallest first) that keeps each
 * sum, at most `limiet` of them (and at most 50·`limiet` steps of the search). Built by fixing
 * the first broken sum with one more member.
 */
export function dimensieVectoren(sommen: readonly DimensieSom[], lid: string, steun: number, limiet = 400): Vector[] {
  // Per member the sums it is in.
  const perLid = new Map<string, number[]>();
  sommen.forEach((s, i) => {
    for (const l of [s.totaal, ...s.delen]) {
      const lijst = perLid.get(l) ?? [];
      lijst.push(i);
      perLid.set(l, lijst);
    }
  });
  const leden = (i: number) => [sommen[i].totaal, ...sommen[i].delen];
  const coef = (i: number, l: string) => (sommen[i].totaal === l ? 1 : -1);
  const uit: Vector[] = [];
  const gezien = new Set<string>();
  // Steps of the search, not only vectors found, are bounded: on a grid of sums (gemeenten ×
  // months) the branches grow fast while few close.
  let stappen = 0;
  const zoek = (v: Map<string, number>, max: number) => {
    if (uit.length >= limiet || ++stappen > limiet * 50) return;
    let open: { i: number; saldo: number } | null = null;
    for (const l of v.keys()) {
      for (const i of perLid.get(l) ?? []) {
        const saldo = leden(i).reduce((t, x) => t + coef(i, x) * (v.get(x) ?? 0), 0);
        if (saldo !== 0) {
          open = { i, saldo };
          break;
        }
      }
      if (open) break;
    }
    if (!open) {
      const sleutel = [...v].sort(([a], [b]) => (a < b ? -1 : 1)).map(([l, k]) => `${l}${k}`).join(',');
      if (!gezien.has(sleutel)) {
        gezien.add(sleutel);
        uit.push(new Map(v));
      }
      return;
    }
    if (v.size >= max || Math.abs(open.saldo) !== 1) return;
    for (const l of leden(open.i)) {
      if (v.has(l)) continue;
      v.set(l, -open.saldo * coef(open.i, l));
      zoek(v, max);
      v.delete(l);
    }
  };
  // Smallest first: a move over fewer members hides fewer cells.
  for (let max = 1; max <= steun && uit.length < limiet; max++) zoek(new Map([[lid, 1]]), max);
  return uit;
}

/**
 * The page queries every metric split by achtergrond (the base quarter's value, like a filter)
 * and applies the achtergrond filter here, by adding up the selected groups. Counts add up
 * exactly, so the sum equals the same query with the filter in SQL — and changing the
 * achtergrond filter needs no new query. Percentages are recomputed from the summed counts.
 */
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import { onderDrempel } from '../../lib/metrics/duurzaamheid/aandelen.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';

export const TOTAAL = 'totaal';

/** Keep a row when its group is selected; an empty selection means all groups. */
function gekozen(groep: string, groepen: readonly string[]): boolean {
  return groepen.length === 0 || groepen.includes(groep);
}

function pct(t: number, n: number): number {
  return n > 0 ? (t / n) * 100 : 0;
}

/** Rows per base quarter, in the order they come. */
export function perBasis<T extends { basis: Kwartaal }>(rijen: readonly T[]): Map<Kwartaal, T[]> {
  const m = new Map<Kwartaal, T[]>();
  for (const r of rijen) {
    const l = m.get(r.basis);
    if (l) l.push(r);
    else m.set(r.basis, [r]);
  }
  return m;
}

/** One 'totaal' row per base quarter: the sum over the selected groups (bases in input order). */
export function somUitkomst(rijen: readonly UitkomstRij[], groepen: readonly string[] = []): UitkomstRij[] {
  const uit: UitkomstRij[] = [];
  for (const [basis, lijst] of perBasis(rijen.filter((r) => gekozen(r.groep, groepen)))) {
    const s = { cohort: 0, werkzaam: 0, werkVerloren: 0, uitRegister: 0, steedsWerkzaam: 0, zelfdeBaan: 0 };
    for (const r of lijst) {
      s.cohort += r.cohort;
      s.werkzaam += r.werkzaam;
      s.werkVerloren += r.werkVerloren;
      s.uitRegister += r.uitRegister;
      s.steedsWerkzaam += r.steedsWerkzaam;
      s.zelfdeBaan += r.zelfdeBaan;
    }
    uit.push({
      basis, eind: lijst[0].eind, horizon: lijst[0].horizon, groep: TOTAAL, ...s,
      werkzaamPct: pct(s.werkzaam, s.cohort),
      werkVerlorenPct: pct(s.werkVerloren, s.cohort),
      uitRegisterPct: pct(s.uitRegister, s.cohort),
      steedsWerkzaamPct: pct(s.steedsWerkzaam, s.cohort),
      zelfdeBaanPct: pct(s.zelfdeBaan, s.cohort),
      onderDrempel: onderDrempel(s.cohort),
    });
  }
  return uit;
}

function somNull(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

function pctNull(t: number | null, n: number): number | null {
  return t === null || n <= 0 ? null : (t / n) * 100;
}

/** One 'totaal' starters row per base quarter over the selected groups. */
export function somStarters(rijen: readonly StartersRij[], groepen: readonly string[] = []): StartersRij[] {
  const uit: StartersRij[] = [];
  for (const [basis, lijst] of perBasis(rijen.filter((r) => gekozen(r.groep, groepen)))) {
    let starters = 0;
    let na1: number | null = 0;
    let zelfde: number | null = 0;
    let na2: number | null = 0;
    for (const r of lijst) {
      starters += r.starters;
      na1 = somNull(na1, r.werkzaamNa1Jaar);
      zelfde = somNull(zelfde, r.zelfdeBaanNa1Jaar);
      na2 = somNull(na2, r.werkzaamNa2Jaar);
    }
    uit.push({
      basis, vanaf: lijst[0].vanaf, groep: TOTAAL, starters,
      werkzaamNa1Jaar: na1, zelfdeBaanNa1Jaar: zelfde, werkzaamNa2Jaar: na2,
      werkzaamNa1JaarPct: pctNull(na1, starters),
      zelfdeBaanNa1JaarPct: pctNull(zelfde, starters),
      werkzaamNa2JaarPct: pctNull(na2, starters),
      onderDrempel: onderDrempel(starters),
    });
  }
  return uit;
}

/** Uitstroom reasons per base quarter over the selected groups (every reason kept, in order). */
export function somUitstroom(rijen: readonly UitstroomRij[], groepen: readonly string[] = []): UitstroomRij[] {
  const uit: UitstroomRij[] = [];
  for (const [, lijst] of perBasis(rijen.filter((r) => gekozen(r.groep, groepen)))) {
    const perReden = new Map<string, UitstroomRij>();
    const groepTotaal = new Map<string, number>();
    for (const r of lijst) {
      groepTotaal.set(r.groep, r.uitRegister);
      const s = perReden.get(r.reden);
      if (s) s.aantal += r.aantal;
      else perReden.set(r.reden, { ...r, groep: TOTAAL });
    }
    const totaal = [...groepTotaal.values()].reduce((a, b) => a + b, 0);
    for (const r of perReden.values()) {
      uit.push({ ...r, uitRegister: totaal, pct: pct(r.aantal, totaal), onderDrempel: onderDrempel(totaal) });
    }
  }
  return uit;
}

/** Rows of one base quarter. */
export function vanBasis<T extends { basis: Kwartaal }>(rijen: readonly T[], basis: Kwartaal): T[] {
  return rijen.filter((r) => r.basis === basis);
}

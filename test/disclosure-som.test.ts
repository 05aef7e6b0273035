/**
 * The solver-free bounds of a cell in one sum (lp.ts somGrenzen) against two oracles on seeded
 * random tables: every table of whole numbers (brute force, small boxes) and the integer linear
 * program (yalps), and a hand-worked case.
 */
import { describe, expect, it } from 'vitest';
import { solve } from 'yalps';
import { somGrenzen, verbonden, type Lin } from '../src/lib/disclosure/lp.ts';
import { prng } from './prng.ts';

const rij = (termen: [string, number][], min?: number, max?: number): Lin => ({ termen: new Map(termen), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });

/** Every whole-number assignment within 0..grens per unknown that meets the rows: the min and max of `doel`. */
function alles(doel: string, ids: readonly string[], rijen: readonly Lin[], grens: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  const x = new Map<string, number>();
  const stap = (i: number) => {
    if (i === ids.length) {
      for (const r of rijen) {
        let s = 0;
        for (const [id, k] of r.termen) s += k * x.get(id)!;
        if ((r.min !== undefined && s < r.min - 1e-9) || (r.max !== undefined && s > r.max + 1e-9)) return;
      }
      min = Math.min(min, x.get(doel)!);
      max = Math.max(max, x.get(doel)!);
      return;
    }
    for (let v = 0; v <= grens; v++) {
      x.set(ids[i], v);
      stap(i + 1);
    }
  };
  stap(0);
  return { min, max };
}

function ilp(doel: string, rijen: readonly Lin[], richting: 'minimize' | 'maximize'): number {
  const constraints = new Map(rijen.map((r, i) => [`r${i}`, { ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) }]));
  const variables = new Map<string, Map<string, number>>();
  rijen.forEach((r, i) => {
    for (const [id, k] of r.termen) (variables.get(id) ?? variables.set(id, new Map()).get(id)!).set(`r${i}`, k);
  });
  variables.get(doel)!.set('doel', 1);
  const s = solve({ direction: richting, objective: 'doel', constraints, variables, integers: true });
  return s.status === 'unbounded' ? Infinity : Math.round(s.result);
}

/** One sum over 2–4 unknowns (coefficients ±1, an equality or one side) with marks as in the audit. */
function trek(r: () => number): { ids: string[]; rijen: Lin[] } {
  const n = 2 + Math.floor(r() * 3);
  const ids = Array.from({ length: n }, (_, i) => `x${i}`);
  const waar = ids.map(() => Math.floor(r() * 16));
  const k = ids.map(() => (r() < 0.75 ? 1 : -1));
  const som = waar.reduce((t, v, i) => t + k[i] * v, 0);
  const soort = r();
  const rijen: Lin[] = [rij(ids.map((id, i) => [id, k[i]]), soort < 0.6 ? som : soort < 0.8 ? som - Math.floor(r() * 3) : undefined, soort < 0.6 || soort >= 0.8 ? som + (soort < 0.6 ? 0 : Math.floor(r() * 3)) : undefined)];
  ids.forEach((id, i) => {
    // The marks: "<10" (0–9) or "x" (at least 10), some unknowns unmarked; 15 caps the brute force.
    if (r() < 0.8) rijen.push(waar[i] < 10 ? rij([[id, 1]], undefined, 9) : rij([[id, 1]], 10));
    rijen.push(rij([[id, 1]], undefined, 15));
  });
  return { ids, rijen };
}

describe('bounds of a cell in one sum without a solver', () => {
  it('a hand-worked case: a region of 25 with gemeenten A (<10), B (<10) and C (x, at least 10)', () => {
    // A = 25 − B − C with B ∈ [0, 9], C ≥ 10: A ≤ 15 and A ≤ 9 by its mark → [0, 9]; C ∈ [25 − 18, 25] ∩ [10, ∞) = [10, 25].
    const rijen = [rij([['A', 1], ['B', 1], ['C', 1]], 25, 25), rij([['A', 1]], undefined, 9), rij([['B', 1]], undefined, 9), rij([['C', 1]], 10)];
    expect(somGrenzen('A', verbonden('A', rijen))).toEqual({ min: 0, max: 9, exact: true });
    expect(somGrenzen('C', verbonden('C', rijen))).toEqual({ min: 10, max: 25, exact: true });
    // With B printed as 9 the region gives A + C = 16: A ≤ 6, C ≥ 10 → A ∈ [0, 6] (narrowed), C ∈ [10, 16].
    const na = [rij([['A', 1], ['C', 1]], 16, 16), rij([['A', 1]], undefined, 9), rij([['C', 1]], 10)];
    expect(somGrenzen('A', verbonden('A', na))).toEqual({ min: 0, max: 6, exact: true });
    expect(somGrenzen('C', verbonden('C', na))).toEqual({ min: 10, max: 16, exact: true });
  });

  it('declines two sums and coefficients other than ±1', () => {
    expect(somGrenzen('a', [rij([['a', 1], ['b', -1]], 0, 0), rij([['a', 1], ['c', -1]], 0, 0)])).toBeNull();
    expect(somGrenzen('a', [rij([['a', 1], ['b', -0.5]], 0)])).toBeNull();
  });

  it('equals every-table enumeration and the integer program on 400 seeded tables', () => {
    const r = prng(20261206);
    let gezien = 0;
    for (let t = 0; t < 400; t++) {
      const { ids, rijen } = trek(r);
      for (const id of ids) {
        const eigen = verbonden(id, rijen);
        const g = somGrenzen(id, eigen)!;
        expect(g, `tafel ${t} ${id}`).not.toBeNull();
        const b = alles(id, ids, rijen, 15);
        expect([g.min, g.max], `tafel ${t} ${id}: enumeration`).toEqual([b.min, b.max]);
        expect([g.min, g.max], `tafel ${t} ${id}: ILP`).toEqual([ilp(id, eigen, 'minimize'), ilp(id, eigen, 'maximize')]);
        gezien++;
      }
    }
    expect(gezien).toBeGreaterThan(1000);
  });
});

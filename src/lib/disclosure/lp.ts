/**
 * Bounds of one unknown count under linear constraints, by integer linear programming (yalps,
 * pure JavaScript: runs in the browser and in Node without anything from the network). All
 * unknowns are whole numbers ≥ 0. Only the constraints connected to the unknown are solved.
 *
 * When the solver does not prove an optimum (it gives up, or cycles), the bound returned is the
 * best whole-number table it did find, or the true value: never wider than what is certain, so
 * a doubtful cell counts as unprotected rather than protected.
 */
import { solve, type Constraint, type Model } from 'yalps';

/** Σ termen[id]·x[id] within [min, max] (a missing side is open). */
export interface Lin {
  readonly termen: ReadonlyMap<string, number>;
  readonly min?: number;
  readonly max?: number;
}

export interface Grenzen {
  /** Smallest whole value possible. */
  readonly min: number;
  /** Largest whole value possible (Infinity when nothing bounds it). */
  readonly max: number;
  /** false when a bound is a fallback (see the module comment). */
  readonly exact: boolean;
}

const DOEL = '\u0000doel';
const OPTIES = { precision: 1e-9, maxIterations: 4096, checkCycles: true } as const;

/** The constraints that reach `doel` through shared unknowns. */
export function verbonden(doel: string, rijen: readonly Lin[]): Lin[] {
  const perVar = new Map<string, number[]>();
  rijen.forEach((r, i) => {
    for (const id of r.termen.keys()) {
      const l = perVar.get(id);
      if (l) l.push(i);
      else perVar.set(id, [i]);
    }
  });
  const gezien = new Set<string>([doel]);
  const rij = new Set<number>();
  const stapel = [doel];
  while (stapel.length) {
    for (const i of perVar.get(stapel.pop()!) ?? []) {
      if (rij.has(i)) continue;
      rij.add(i);
      for (const id of rijen[i].termen.keys()) {
        if (!gezien.has(id)) {
          gezien.add(id);
          stapel.push(id);
        }
      }
    }
  }
  return [...rij].sort((a, b) => a - b).map((i) => rijen[i]);
}

function model(doel: string, rijen: readonly Lin[], richting: 'minimize' | 'maximize'): Model {
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>([[doel, new Map([[DOEL, 1]])]]);
  rijen.forEach((r, i) => {
    const naam = `r${i}`;
    constraints.set(naam, { ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) });
    for (const [id, k] of r.termen) {
      let v = variables.get(id);
      if (!v) variables.set(id, (v = new Map()));
      v.set(naam, k);
    }
  });
  return { direction: richting, objective: DOEL, constraints, variables, integers: true };
}

/** Integer value of a solver result, tolerant of floating-point noise. */
function heel(x: number, richting: 'minimize' | 'maximize'): number {
  const r = Math.round(x) + 0; // + 0 turns -0 into 0
  if (Math.abs(x - r) < 1e-6) return r;
  return richting === 'minimize' ? Math.ceil(x) : Math.floor(x);
}

function grens(doel: string, rijen: readonly Lin[], richting: 'minimize' | 'maximize', waarde: number): { v: number; exact: boolean } {
  const s = solve(model(doel, rijen, richting), OPTIES);
  if (s.status === 'optimal') return { v: heel(s.result, richting), exact: true };
  if (s.status === 'unbounded') return { v: richting === 'maximize' ? Infinity : 0, exact: true };
  if (s.status === 'infeasible') throw new Error(`disclosure: the true table does not satisfy the constraints on "${doel}"`);
  // timed out or cycled: what is certain is the true value and any whole-number table found.
  const gevonden = Number.isFinite(s.result) ? heel(s.result, richting) : waarde;
  return { v: richting === 'maximize' ? Math.max(gevonden, waarde) : Math.min(gevonden, waarde), exact: false };
}

/** Smallest and largest whole value of `doel` (true value `waarde`) under the constraints. */
export function grenzen(doel: string, rijen: readonly Lin[], waarde: number): Grenzen {
  const eigen = verbonden(doel, rijen);
  if (eigen.length === 0) return { min: 0, max: Infinity, exact: true };
  const lo = grens(doel, eigen, 'minimize', waarde);
  const hi = grens(doel, eigen, 'maximize', waarde);
  return { min: lo.v, max: hi.v, exact: lo.exact && hi.exact };
}

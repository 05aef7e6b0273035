/**
 * Bounds of one unknown count under linear constraints, by integer linear programming (yalps,
 * pure JavaScript: runs in the browser and in Node without anything from the network; or HiGHS
 * once `highs.ts` has loaded it, a hundred times faster on tables of a few hundred unknowns). All
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
const OPTIES = { precision: 1e-9, maxIterations: 4096, checkCycles: true, includeZeroVariables: true } as const;

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

function model(doel: string, rijen: readonly Lin[], richting: Richting): Model {
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

export type Richting = 'minimize' | 'maximize';

/** A solver's answer for one model: the optimum of the objective and the table that attains it. */
export interface Antwoord {
  /** 'anders': no optimum proved (gave up, cycled, hit a limit); `result` is then the best table found, if any. */
  readonly status: 'optimal' | 'unbounded' | 'infeasible' | 'anders';
  readonly result: number;
  readonly variables: readonly (readonly [string, number])[];
}

/** Minimises or maximises `doel` over whole numbers ≥ 0 under `rijen`. */
export type Solver = (doel: string, rijen: readonly Lin[], richting: Richting) => Antwoord;

/** yalps, with at most `maxPivots` simplex steps per relaxation (a bigger model answers 'anders'). */
export function yalpsSolver(maxPivots?: number): Solver {
  const opties = maxPivots === undefined ? OPTIES : { ...OPTIES, maxPivots };
  return (doel, rijen, richting) => {
    const s = solve(model(doel, rijen, richting), opties);
    const status = s.status === 'optimal' || s.status === 'unbounded' || s.status === 'infeasible' ? s.status : 'anders';
    return { status, result: s.result, variables: s.variables };
  };
}

export const yalps: Solver = yalpsSolver();

let solver: Solver = yalps;

/** The solver in use. */
export const actieveSolver = (): Solver => solver;

/** Solve with `s` from now on (null: yalps again). */
export function gebruikSolver(s: Solver | null): void {
  solver = s ?? yalps;
}

/** Integer value of a solver result, tolerant of floating-point noise. */
function heel(x: number, richting: Richting): number {
  const r = Math.round(x) + 0; // + 0 turns -0 into 0
  if (Math.abs(x - r) < 1e-6) return r;
  return richting === 'minimize' ? Math.ceil(x) : Math.floor(x);
}

/**
 * Unknowns that rows of one unknown pin to a single whole value (n = b − p with b and p printed),
 * filled in everywhere, again until nothing changes: the same whole-number tables, fewer
 * unknowns, and the rest falls apart into small independent parts.
 */
export function vereenvoudig(rijen: readonly Lin[]): { rijen: Lin[]; vast: Map<string, number> } {
  const vast = new Map<string, number>();
  let over: Lin[] = [...rijen];
  for (;;) {
    const grens = new Map<string, { lo: number; hi: number }>();
    for (const r of over) {
      if (r.termen.size !== 1) continue;
      const [[id, k]] = r.termen;
      const a = r.min !== undefined ? r.min / k : k > 0 ? -Infinity : Infinity;
      const b = r.max !== undefined ? r.max / k : k > 0 ? Infinity : -Infinity;
      const g = grens.get(id) ?? { lo: 0, hi: Infinity };
      g.lo = Math.max(g.lo, Math.ceil(Math.min(a, b) - 1e-9));
      g.hi = Math.min(g.hi, Math.floor(Math.max(a, b) + 1e-9));
      grens.set(id, g);
    }
    const nieuw = [...grens].filter(([, g]) => g.lo === g.hi);
    if (nieuw.length === 0) return { rijen: over, vast };
    for (const [id, g] of nieuw) vast.set(id, g.lo);
    over = over.flatMap((r): Lin[] => {
      if (![...r.termen.keys()].some((id) => vast.has(id))) return [r];
      let los = 0;
      const termen = new Map<string, number>();
      for (const [id, k] of r.termen) {
        const v = vast.get(id);
        if (v === undefined) termen.set(id, k);
        else los += k * v;
      }
      if (termen.size === 0) return [];
      return [{ termen, ...(r.min !== undefined ? { min: r.min - los } : {}), ...(r.max !== undefined ? { max: r.max - los } : {}) }];
    });
  }
}

/**
 * The unknowns within `diepte` rows of `start` (breadth first; stops growing at `tot`), and
 * whether that is every unknown linked to it. `perVar`: the rows each unknown is in.
 */
export function buurt(
  start: string,
  perVar: ReadonlyMap<string, readonly number[]>,
  rijen: readonly { readonly termen: ReadonlyMap<string, number> }[],
  diepte: number,
  tot = Infinity,
): { vars: Set<string>; alles: boolean } {
  const vars = new Set<string>([start]);
  let rand = [start];
  for (let d = 0; d < diepte && rand.length && vars.size < tot; d++) {
    const volgende: string[] = [];
    for (const x of rand) {
      for (const i of perVar.get(x) ?? []) {
        for (const y of rijen[i].termen.keys()) {
          if (vars.has(y)) continue;
          vars.add(y);
          volgende.push(y);
        }
      }
    }
    rand = volgende;
  }
  return { vars, alles: rand.length === 0 };
}

/**
 * Exact bounds without a solver when `doel` is linked to the rest by at most ONE row with
 * coefficients ±1 (a sum: a gemeente's share of a printed or hidden region total), besides rows
 * of one unknown (its marks). With whole-number boxes [lo_i, hi_i] for the others, Σ a_i·x_i
 * takes every whole value between its smallest and largest, so a_j·x_j ranges exactly over
 * [min − Σ max(a_i·x_i), max − Σ min(a_i·x_i)] within its own box. Null for anything else (the
 * solver decides). `rijen`: the rows connected to `doel` (verbonden).
 */
export function somGrenzen(doel: string, rijen: readonly Lin[]): Grenzen | null {
  const meer = rijen.filter((r) => r.termen.size > 1);
  if (meer.length > 1 || (meer.length === 1 && [...meer[0].termen.values()].some((k) => Math.abs(k) !== 1))) return null;
  const doos = new Map<string, { lo: number; hi: number }>();
  const box = (id: string) => doos.get(id) ?? doos.set(id, { lo: 0, hi: Infinity }).get(id)!;
  for (const r of rijen) {
    if (r.termen.size !== 1) continue;
    const [[id, k]] = r.termen;
    const a = r.min !== undefined ? r.min / k : k > 0 ? -Infinity : Infinity;
    const b = r.max !== undefined ? r.max / k : k > 0 ? Infinity : -Infinity;
    const g = box(id);
    g.lo = Math.max(g.lo, Math.ceil(Math.min(a, b) - 1e-9));
    g.hi = Math.min(g.hi, Math.floor(Math.max(a, b) + 1e-9));
  }
  const eigen = box(doel);
  if (meer.length === 0) return { min: eigen.lo, max: eigen.hi, exact: true };
  const r = meer[0];
  let laag = 0;
  let hoog = 0;
  for (const [id, k] of r.termen) {
    if (id === doel) continue;
    const g = box(id);
    laag += k > 0 ? g.lo : -g.hi;
    hoog += k > 0 ? g.hi : -g.lo;
  }
  // a_j·x_j = (row) − Σ others.
  const onder = r.min !== undefined ? Math.ceil(r.min - 1e-9) - hoog : -Infinity;
  const boven = r.max !== undefined ? Math.floor(r.max + 1e-9) - laag : Infinity;
  const k = r.termen.get(doel)!;
  const [min, max] = k > 0 ? [onder, boven] : [-boven, -onder];
  return { min: Math.max(eigen.lo, min) + 0, max: Math.min(eigen.hi, max) + 0, exact: true };
}

/**
 * Bounds of the unknowns under one set of constraints. Every whole-number table the solver
 * finds is kept: it is a table the reader cannot rule out, so the values a cell takes in those
 * tables (the true table included) already show how wide its interval is at least —
 * `spreiding` gives that without solving.
 */
export class Oplosser {
  private readonly tabellen: ReadonlyMap<string, number>[];
  private readonly bekend = new Map<string, Grenzen>();
  private readonly rijen: readonly Lin[];

  constructor(
    rijen: readonly Lin[],
    /** The true values of the unknowns. */
    private readonly waar: ReadonlyMap<string, number>,
  ) {
    this.tabellen = [waar];
    const v = vereenvoudig(rijen);
    this.rijen = v.rijen;
    for (const [id, x] of v.vast) this.bekend.set(id, { min: x, max: x, exact: true });
    this.rijen.forEach((r, i) => {
      for (const id of r.termen.keys()) {
        const l = this.perVar.get(id);
        if (l) l.push(i);
        else this.perVar.set(id, [i]);
      }
    });
  }

  private readonly perVar = new Map<string, number[]>();

  /** How many unknowns share constraints with `doel`, directly or through others (stops counting at `tot`). */
  omvang(doel: string, tot = Infinity): number {
    return this.buurt(doel, Infinity, tot).size;
  }

  private buurt(doel: string, diepte: number, tot = Infinity): Set<string> {
    return buurt(doel, this.perVar, this.rijen, diepte, tot).vars;
  }


  /**
   * Bounds of `doel` when only the unknowns within `diepte` constraints of it may differ from the
   * true table (the others keep their true values): each bound is a whole-number table the reader
   * cannot rule out, so every value between them is possible — an inner bound of grenzen(), found
   * on a small problem. Null when the solver proves nothing.
   */
  binnen(doel: string, diepte: number): { min: number; max: number } | null {
    const vars = this.buurt(doel, diepte);
    const rijen: Lin[] = [];
    const gezien = new Set<number>();
    for (const x of vars) {
      for (const i of this.perVar.get(x) ?? []) {
        if (gezien.has(i)) continue;
        gezien.add(i);
        const r = this.rijen[i];
        let los = 0;
        const termen = new Map<string, number>();
        for (const [id, k] of r.termen) {
          if (vars.has(id)) termen.set(id, k);
          else los += k * (this.waar.get(id) ?? 0);
        }
        rijen.push({ termen, ...(r.min !== undefined ? { min: r.min - los } : {}), ...(r.max !== undefined ? { max: r.max - los } : {}) });
      }
    }
    const uit = { min: 0, max: 0 };
    for (const richting of ['minimize', 'maximize'] as const) {
      const s = solver(doel, rijen, richting);
      if (s.status === 'unbounded' && richting === 'maximize') uit.max = Infinity;
      else if (s.status !== 'optimal') return null;
      else {
        this.bewaar(s.variables);
        uit[richting === 'minimize' ? 'min' : 'max'] = heel(s.result, richting);
      }
    }
    return uit;
  }

  /** The smallest and largest value of `doel` among the tables found so far. */
  spreiding(doel: string): { min: number; max: number } {
    let min = Infinity;
    let max = -Infinity;
    for (const t of this.tabellen) {
      const v = t.get(doel);
      if (v === undefined) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return { min, max };
  }

  private bewaar(variabelen: readonly (readonly [string, number])[]): void {
    if (variabelen.every(([, v]) => Number.isFinite(v) && Math.abs(v - Math.round(v)) < 1e-6)) {
      this.tabellen.push(new Map(variabelen.map(([id, v]) => [id, Math.round(v) + 0])));
    }
  }

  /** Smallest and largest whole value of `doel`. */
  grenzen(doel: string): Grenzen {
    const klaar = this.bekend.get(doel);
    if (klaar) return klaar;
    const eigen = verbonden(doel, this.rijen);
    const waarde = this.waar.get(doel) ?? 0;
    let g: Grenzen;
    const som = somGrenzen(doel, eigen);
    if (som) g = som;
    else {
      const lo = this.grens(doel, eigen, 'minimize', waarde);
      const hi = this.grens(doel, eigen, 'maximize', waarde);
      g = { min: lo.v, max: hi.v, exact: lo.exact && hi.exact };
    }
    this.bekend.set(doel, g);
    return g;
  }

  private grens(doel: string, rijen: readonly Lin[], richting: Richting, waarde: number): { v: number; exact: boolean } {
    const s = solver(doel, rijen, richting);
    if (s.status === 'unbounded') return { v: richting === 'maximize' ? Infinity : 0, exact: true };
    if (s.status === 'infeasible') throw new Error(`disclosure: the true table does not satisfy the constraints on "${doel}"`);
    if (Number.isFinite(s.result)) this.bewaar(s.variables);
    if (s.status === 'optimal') return { v: heel(s.result, richting), exact: true };
    // Timed out or cycled: what is certain is the true value and any whole-number table found.
    const gevonden = Number.isFinite(s.result) ? heel(s.result, richting) : waarde;
    return { v: richting === 'maximize' ? Math.max(gevonden, waarde) : Math.min(gevonden, waarde), exact: false };
  }
}

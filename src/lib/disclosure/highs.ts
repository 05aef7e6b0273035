/**
 * HiGHS (University of Edinburgh's LP/MIP solver, compiled to WebAssembly: the `highs` package)
 * as the audit's solver. yalps builds a dense tableau and takes seconds per bound on a table of a
 * few hundred unknowns (a region's gemeenten month by month); HiGHS tens of milliseconds. Loaded
 * on demand: `await laadHighs()` once, and lp.ts solves with it from then on (yalps still first).
 */
import type { Highs } from 'highs';
import { gebruikSolver, yalpsSolver, type Antwoord, type Lin, type Richting, type Solver } from './lp.ts';

// An optimum to the unit: the objective is a whole number of persons. A bound the solver cannot
// prove in time is reported as unproven ('anders'), never guessed.
const OPTIES = { output_flag: false, log_to_console: false, mip_rel_gap: 0, time_limit: 60 };

/** The model in CPLEX LP format, unknowns renamed x0, x1, … (ids hold characters LP names may not). */
export function lpTekst(doel: string, rijen: readonly Lin[], richting: Richting): { tekst: string; namen: string[] } {
  const namen: string[] = [doel];
  const index = new Map([[doel, 0]]);
  const naam = (id: string) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = namen.push(id) - 1));
    return `x${i}`;
  };
  const regels: string[] = [];
  rijen.forEach((r, i) => {
    const som = [...r.termen].map(([id, k]) => `${k < 0 ? '-' : '+'} ${Math.abs(k)} ${naam(id)}`).join(' ');
    if (r.min !== undefined && r.min === r.max) regels.push(` r${i}: ${som} = ${r.min}`);
    else {
      if (r.min !== undefined) regels.push(` r${i}l: ${som} >= ${r.min}`);
      if (r.max !== undefined) regels.push(` r${i}h: ${som} <= ${r.max}`);
    }
  });
  const vars = namen.map((_, i) => `x${i}`);
  const tekst = [
    richting === 'minimize' ? 'Minimize' : 'Maximize',
    ' doel: x0',
    'Subject To',
    ...(regels.length ? regels : [' leeg: x0 >= 0']),
    'Bounds',
    ...vars.map((v) => ` ${v} >= 0`),
    'General',
    ` ${vars.join(' ')}`,
    'End',
  ].join('\n');
  return { tekst, namen };
}

/**
 * Simplex steps yalps may take before HiGHS takes over: a fresh HiGHS instance costs 3–13 ms, a
 * small or easy model takes yalps a fraction of that, a degenerate one seconds.
 */
const STAPPEN = 200;

export function highsSolver(highs: Highs, stappen = STAPPEN): Solver {
  const eerst = stappen > 0 ? yalpsSolver(stappen) : null;
  return (doel, rijen, richting): Antwoord => {
    const snel = eerst?.(doel, rijen, richting);
    if (snel && snel.status !== 'anders') return snel;
    const { tekst, namen } = lpTekst(doel, rijen, richting);
    const s = highs.solve(tekst, OPTIES);
    const primal = (i: number) => (s.Columns[`x${i}`] as { Primal?: number } | undefined)?.Primal ?? NaN;
    const variables = namen.map((id, i) => [id, primal(i)] as const);
    if (s.Status === 'Optimal') return { status: 'optimal', result: s.ObjectiveValue, variables };
    if (s.Status === 'Infeasible') return { status: 'infeasible', result: NaN, variables: [] };
    if (s.Status === 'Unbounded' || s.Status === 'Primal infeasible or unbounded') return { status: 'unbounded', result: NaN, variables: [] };
    // A limit: the incumbent (if any) is a whole-number table the reader cannot rule out.
    const gevonden = variables.every(([, v]) => Number.isFinite(v));
    return { status: 'anders', result: gevonden ? primal(0) : NaN, variables: gevonden ? variables : [] };
  };
}

let geladen: Promise<Solver> | null = null;

/**
 * Loads HiGHS (once) and makes it the audit's solver. `wasm`: where the browser finds
 * `highs.wasm` (a bundler's URL); Node finds it next to the package.
 */
export async function laadHighs(wasm?: string): Promise<void> {
  geladen ??= import('highs').then(async (m) => highsSolver(await m.default(wasm ? { locateFile: () => wasm } : {})));
  gebruikSolver(await geladen);
}

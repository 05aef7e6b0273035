/**
 * HiGHS as the audit's solver (lib/disclosure/highs.ts): the same whole-number bounds as yalps,
 * worked out by hand on small tables, and the model text it is given.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { highsSolver, laadHighs, lpTekst } from '../src/lib/disclosure/highs.ts';
import { actieveSolver, gebruikSolver, Oplosser, yalps, type Lin, type Solver } from '../src/lib/disclosure/lp.ts';

const lin = (termen: [string, number][], min?: number, max?: number): Lin => ({ termen: new Map(termen), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });

/**
 * A 2 × 2 table, the four inner cells hidden, every sum printed:
 *   a  b | 15
 *   c  d | 25
 *  18 22 | 40        true a = 8, b = 7, c = 10, d = 15.
 * b = 15 − a ≥ 0, c = 18 − a ≥ 0, d = 7 + a ≥ 0: a runs over 0 … 15.
 */
const tabel: Lin[] = [
  lin([['a', 1], ['b', 1]], 15, 15),
  lin([['c', 1], ['d', 1]], 25, 25),
  lin([['a', 1], ['c', 1]], 18, 18),
  lin([['b', 1], ['d', 1]], 22, 22),
];
const waar = new Map([['a', 8], ['b', 7], ['c', 10], ['d', 15]]);

afterAll(() => gebruikSolver(null));

describe('HiGHS as the audit solver', () => {
  it('writes the model in LP format with the ids renamed', () => {
    const { tekst, namen } = lpTekst('a', [lin([['a', 1], ['b', -1]], 2), lin([['a|x', 1], ['b', 1]], 3, 3)], 'maximize');
    expect(namen).toEqual(['a', 'b', 'a|x']);
    expect(tekst).toBe(['Maximize', ' doel: x0', 'Subject To', ' r0l: + 1 x0 - 1 x1 >= 2', ' r1: + 1 x2 + 1 x1 = 3', 'Bounds', ' x0 >= 0', ' x1 >= 0', ' x2 >= 0', 'General', ' x0 x1 x2', 'End'].join('\n'));
  });

  it('gives the hand-worked bounds, as yalps does', async () => {
    const { default: laad } = await import('highs');
    // 0 steps for yalps first: HiGHS answers every model (the default lets yalps take these small ones).
    const highs = highsSolver(await laad(), 0);
    const vragen: [string, Lin[], number, number][] = [
      ['a', tabel, 0, 15],
      // c marked "hidden to protect another" (at least 10): a = 18 − c ≤ 8.
      ['a', [...tabel, lin([['c', 1]], 10)], 0, 8],
      // d marked "<10" (at most 9): a = d − 7 ≤ 2, and b = 15 − a ≥ 13.
      ['a', [...tabel, lin([['d', 1]], undefined, 9)], 0, 2],
      ['b', [...tabel, lin([['d', 1]], undefined, 9)], 13, 15],
    ];
    for (const [doel, rijen, min, max] of vragen) {
      for (const s of [highs, null] as (Solver | null)[]) {
        gebruikSolver(s);
        // Two multi-term rows hold every cell: no shortcut, the solver decides.
        expect(new Oplosser(rijen, waar).grenzen(doel)).toEqual({ min, max, exact: true });
      }
    }
  });

  it('answers unbounded and infeasible models as such', async () => {
    const { default: laad } = await import('highs');
    // 0 steps for yalps first: HiGHS answers every model (the default lets yalps take these small ones).
    const highs = highsSolver(await laad(), 0);
    expect(highs('a', [lin([['a', 1], ['b', -1]], 0)], 'maximize').status).toBe('unbounded');
    expect(highs('a', [lin([['a', 1], ['b', 1]], 5, 5), lin([['a', 1]], 6)], 'minimize').status).toBe('infeasible');
    const o = highs('a', [lin([['a', 1], ['b', 1]], 5, 5), lin([['a', 1]], 2)], 'minimize');
    expect(o).toEqual({ status: 'optimal', result: 2, variables: [['a', 2], ['b', 3]] });
  });

  it('laadHighs makes it the solver of every Oplosser, once', async () => {
    gebruikSolver(null);
    expect(actieveSolver()).toBe(yalps);
    await Promise.all([laadHighs(), laadHighs()]);
    expect(actieveSolver()).not.toBe(yalps);
    expect(new Oplosser([...tabel, lin([['c', 1]], 10)], waar).grenzen('a')).toEqual({ min: 0, max: 8, exact: true });
  });
});

/**
 * Disclosure module, for pages that show one count in two tables: a cell decided elsewhere stays
 * as it was decided (hidden there: hidden here; printed there: never chosen here), and the
 * solver's presolve (rows of one unknown pin it) gives the same tables with fewer unknowns.
 * Answers worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { beveilig } from '../src/lib/disclosure/beveilig.ts';
import { Oplosser, vereenvoudig } from '../src/lib/disclosure/lp.ts';
import { WeergaveBouwer } from '../src/lib/disclosure/tabel.ts';

describe('cells decided in another table', () => {
  it('a cell printed elsewhere is never the complement: the next cheapest is', () => {
    // 50 = a 5 + b 20 + c 25: a is small; b (20) is the cheapest complement, unless b is printed elsewhere.
    const tabel = (b: { vast?: boolean }) => new WeergaveBouwer().cel('t', 50).cel('a', 5).cel('b', 20, b).cel('c', 25).som('t', ['a', 'b', 'c']).weergave();
    const vrij = beveilig(tabel({}));
    expect(Object.fromEntries(vrij.onderdrukt)).toEqual({ a: 'klein', b: 'bescherming' });
    const vast = beveilig(tabel({ vast: true }));
    expect(Object.fromEntries(vast.onderdrukt)).toEqual({ a: 'klein', c: 'bescherming' });
    // a + c = 30 with a ≤ 9 and c ≥ 10: a ∈ [0, 9], c ∈ [21, 30].
    expect(vast.audit.cellen.map((c) => [c.id, c.min, c.max])).toEqual([['a', 0, 9], ['c', 21, 30]]);
  });

  it('a cell hidden elsewhere stays hidden, and what would give it back is hidden too', () => {
    // 40 = b 17 + c 23, c hidden in another table: b must go too, or c = 40 − 17.
    const b = beveilig(new WeergaveBouwer().cel('t', 40).cel('b', 17).cel('c', 23, { verborgen: 'bescherming' }).som('t', ['b', 'c']).weergave());
    expect(Object.fromEntries(b.onderdrukt)).toEqual({ b: 'bescherming', c: 'bescherming' });
    expect(b.verlies).toEqual({ primair: 0, secundair: 2, personenSecundair: 40, cellen: 3 });
    // b + c = 40, both ≥ 10 (their marks): b ∈ [10, 30], c ∈ [10, 30].
    expect(b.audit.cellen.map((c) => [c.id, c.min, c.max])).toEqual([['b', 10, 30], ['c', 10, 30]]);
  });

  it('refuses a cell both printed and hidden elsewhere', () => {
    expect(() => new WeergaveBouwer().cel('a', 20, { vast: true, verborgen: 'klein' }).weergave()).toThrow(/both printed and hidden/);
  });
});

describe('presolve', () => {
  it('pins unknowns that rows of one unknown fix, and fills them in', () => {
    // x + y + z = 10, y = 3 (two rows 2y ≥ 6 and 2y ≤ 6), z ≤ 2: y is pinned, then x + z = 7.
    const rijen = [
      { termen: new Map([['x', 1], ['y', 1], ['z', 1]]), min: 10, max: 10 },
      { termen: new Map([['y', 2]]), min: 6 },
      { termen: new Map([['y', 2]]), max: 6 },
      { termen: new Map([['z', 1]]), max: 2 },
    ];
    const v = vereenvoudig(rijen);
    expect(Object.fromEntries(v.vast)).toEqual({ y: 3 });
    expect(v.rijen.map((r) => [Object.fromEntries(r.termen), r.min, r.max])).toEqual([[{ x: 1, z: 1 }, 7, 7], [{ z: 1 }, undefined, 2]]);
    // x = 7 − z with z ∈ [0, 2]: x ∈ [5, 7]; y exactly 3.
    const o = new Oplosser(rijen, new Map([['x', 6], ['y', 3], ['z', 1]]));
    expect(o.grenzen('x')).toEqual({ min: 5, max: 7, exact: true });
    expect(o.grenzen('y')).toEqual({ min: 3, max: 3, exact: true });
    // Only x may move (z keeps its true 1): x = 6 exactly.
    expect(o.binnen('x', 0)).toEqual({ min: 6, max: 6 });
    expect(o.binnen('x', 1)).toEqual({ min: 5, max: 7 });
  });
});

/**
 * Suppression of product tables by hypercubes (lib/disclosure/kubus.ts), declared as Beschut werk
 * declares them (pages/beschut-werk/tabel.ts AdviesTabel): a hand-worked table, and seeded random
 * small tables where the independent exact audit (audit.ts, integer programming) must find every
 * hidden cell as wide as the proofs say and nothing recoverable.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import { kubussen } from '../src/lib/disclosure/kubus.ts';
import { AdviesTabel, cel } from '../src/pages/beschut-werk/tabel.ts';
import { prng } from './prng.ts';

describe('a total T of two units A and B (one aanvrager: burgers could not ask yet)', () => {
  // A: 20 beoordelingen, 7 positive (the small group), 13 negative; B: 30, 15, 15; T: 50, 22, 28.
  // Negatives are never printed. To let A's 7 reach 9, the cheapest change moves 2 from A's
  // negatives to its positives and back in B (B's positives 15 → 13: cost 15 persons per person
  // moved; through T instead: T's positives, 22 persons and a total). To reach 0: 7 the other way
  // (B's positives 15 → 22). So B's positives are hidden to protect, and can be anything 13–22.
  const t = new AdviesTabel();
  const tel = (b: number, p: number) => () => ({ b, p });
  t.eenheid('A', tel(20, 7), { burgerNul: true }).eenheid('B', tel(30, 15), { burgerNul: true }).eenheid('T', tel(50, 22), { burgerNul: true });
  t.som('T', ['A', 'B']);
  const k = kubussen(t.weergave(), t.blokken());
  const { b } = t.bescherm();

  it('hides the 7 as small and B’s 15 to protect it, nothing else printed', () => {
    expect([...k.onderdrukt].filter(([id]) => !id.startsWith('n|'))).toEqual([
      [cel('p', 'A', 'totaal'), 'klein'],
      [cel('p', 'B', 'totaal'), 'bescherming'],
    ]);
    expect(k.onbewezen).toEqual([]);
  });

  it('proves 0–9 for the small cell and 13–22 for its complement', () => {
    const bewijs = (id: string) => {
      const r = k.bewijs.get(id)!;
      const x = t.weergave().cellen.find((c) => c.id === id)!.aantal;
      return [x - r.neer, x + r.op];
    };
    expect(bewijs(cel('p', 'A', 'totaal'))).toEqual([0, 9]);
    expect(bewijs(cel('p', 'B', 'totaal'))).toEqual([13, 22]);
  });

  it('the exact audit agrees: the same intervals, nothing recoverable', () => {
    const a = audit(b.weergave, b.onderdrukt);
    const iv = (id: string) => a.cellen.find((c) => c.id === id)!;
    expect([iv(cel('p', 'A', 'totaal')).min, iv(cel('p', 'A', 'totaal')).max]).toEqual([0, 9]);
    expect([iv(cel('p', 'B', 'totaal')).min, iv(cel('p', 'B', 'totaal')).max]).toEqual([13, 22]);
    expect(a.lekken).toEqual([]);
    expect(b.audit.lekken).toEqual([]);
  });
});

describe('seeded random regions of 2–4 gemeenten, both aanvragers, counts 0–40', () => {
  const r = prng(20261207);
  const getal = (max: number) => Math.floor(r() * (max + 1));
  for (let n = 0; n < 12; n++) {
    const gemeenten = Array.from({ length: 2 + getal(2) }, (_, i) => {
      const gb = getal(40);
      const bb = getal(25);
      return { code: `G${i}`, gemeente: { b: gb, p: getal(gb) }, burger: { b: bb, p: getal(bb) } };
    });
    it(`table ${n + 1}: every hidden cell proven, and the exact audit finds nothing`, () => {
      const t = new AdviesTabel();
      const som = (a: 'gemeente' | 'burger', k: 'b' | 'p') => gemeenten.reduce((s, g) => s + g[a][k], 0);
      for (const g of gemeenten) {
        t.eenheid(g.code, (a) => (a === 'totaal' ? { b: g.gemeente.b + g.burger.b, p: g.gemeente.p + g.burger.p } : g[a]));
      }
      t.eenheid('R', (a) => (a === 'totaal' ? { b: som('gemeente', 'b') + som('burger', 'b'), p: som('gemeente', 'p') + som('burger', 'p') } : { b: som(a, 'b'), p: som(a, 'p') }));
      t.som('R', gemeenten.map((g) => g.code));
      const { b } = t.bescherm();
      const a = audit(b.weergave, b.onderdrukt);
      expect(a.lekken.map((c) => `${c.id} ${c.waarde} in ${c.min}–${c.max}`)).toEqual([]);
      expect(a.kleinGetoond).toEqual([]);
      // Every cell under 10 is hidden as small; every other hidden cell protects.
      for (const c of b.weergave.cellen) if (c.aantal < 10) expect(b.onderdrukt.get(c.id)).toBe('klein');
      for (const [id, reden] of b.onderdrukt) if (reden === 'bescherming') expect(b.weergave.cellen.find((c) => c.id === id)!.aantal).toBeGreaterThanOrEqual(10);
    });
  }
});

/**
 * Beschut werk's declaration to the disclosure module (pages/beschut-werk/tabel.ts and
 * beveiliging.ts) on hand-built panels: a region of two gemeenten over two months of 2018, and
 * the comparison of gemeenten, two regions and Nederland in two layers (lib/disclosure/lagen.ts;
 * the page uses its top layer, see the module comment): these tests hold the declaration to the rule set.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import type { Gebied } from '../src/lib/metrics/beschut-afleiden.ts';
import type { GemeenteMaandRij } from '../src/lib/metrics/beschut-gemeenten.ts';
import { beschermGebieden, beschermGemeentePlekken, regioMaandenTabel } from '../src/pages/beschut-werk/beveiliging.ts';
import { JAAR_TOT_NU, PERIODE } from '../src/pages/beschut-werk/onderdrukking.ts';
import { cel } from '../src/pages/beschut-werk/tabel.ts';

const rij = (gemeente: string, maand: string, aanvrager: 'gemeente' | 'burger', beoordelingen: number, positief: number): GemeenteMaandRij => ({ gemeente, maand, aanvrager, beoordelingen, positief });

describe('a region of two gemeenten, January and February 2018', () => {
  // G1 January: 20 beoordelingen on request of the gemeente, 7 positive (the small group);
  // every other count (negatives too) is 10 or more.
  const rijen = [
    rij('G1', '2018-01', 'gemeente', 20, 7), rij('G1', '2018-01', 'burger', 30, 15),
    rij('G1', '2018-02', 'gemeente', 40, 25), rij('G1', '2018-02', 'burger', 35, 20),
    rij('G2', '2018-01', 'gemeente', 50, 30), rij('G2', '2018-01', 'burger', 45, 25),
    rij('G2', '2018-02', 'gemeente', 60, 35), rij('G2', '2018-02', 'burger', 55, 30),
  ];
  const sommen = [{ id: PERIODE, van: '2018-01', tot: '2018-02' }, { id: JAAR_TOT_NU, van: '2018-01', tot: '2018-02' }];
  const { b, verborgen } = regioMaandenTabel(rijen, 'R', ['G1', 'G2'], ['2018-01', '2018-02'], sommen, null).bescherm();
  // One unit's hidden cells, named as its own months table names them (`soort|month or sum|aanvrager`).
  const eenheid = (u: string) => ({ get: (id: string) => {
    const [s, e, a] = id.split('|');
    return verborgen.get(`${s}|${u}@${e}|${a}`);
  } });
  const g1 = eenheid('G1');
  const g2 = eenheid('G2');
  const regio = eenheid('R');

  it('hides the 7 positive adviezen as "<10"', () => {
    expect(g1.get(cel('p', '2018-01', 'gemeente'))).toBe('klein');
    expect(b.verlies.primair).toBe(1);
  });

  it('the year to date minus the other month does not give it back', () => {
    // The period (= year to date: one cell) and February cannot both be shown.
    expect(g1.get(cel('p', PERIODE, 'gemeente')) ?? g1.get(cel('p', '2018-02', 'gemeente'))).toBe('bescherming');
    expect(g1.get(cel('p', JAAR_TOT_NU, 'gemeente'))).toBe(g1.get(cel('p', PERIODE, 'gemeente')));
  });

  it('the region minus the other gemeente does not give it back', () => {
    expect(regio.get(cel('p', '2018-01', 'gemeente')) ?? g2.get(cel('p', '2018-01', 'gemeente'))).toBe('bescherming');
  });

  it('the audit finds every hidden cell wide enough, and the small one anywhere in 0–9', () => {
    expect(b.audit.lekken).toEqual([]);
    expect(b.audit.kleinGetoond).toEqual([]);
    const klein = b.audit.cellen.find((c) => c.id === cel('p', 'G1@2018-01', 'gemeente'))!;
    expect([klein.min, klein.max]).toEqual([0, 9]);
    // Nothing under 10 is hidden only "to protect": each hidden cell of 10 or more has reason bescherming.
    for (const c of b.audit.cellen) expect(c.reden).toBe(c.waarde < 10 ? 'klein' : 'bescherming');
  });
});

describe('the comparison of gemeenten, a region and Nederland', () => {
  const gebied = (code: string, regio: string | null, gb: number, gp: number, bb: number, bp: number, plekken: number): Gebied => ({
    code, naam: code, regio,
    beoordelingen: { gemeente: gb, burger: bb, totaal: gb + bb }, positief: { gemeente: gp, burger: bp, totaal: gp + bp },
    taakstelling: 50, plekken, plekkenPeildatum: '2018-03-31',
  });
  // Two regions; A1 holds a gemeente with 7 positive adviezen on request of the gemeente.
  const gemeenten = [
    gebied('GA', 'A1', 20, 7, 30, 15, 40), gebied('GB', 'A1', 50, 30, 45, 25, 60),
    gebied('GC', 'A2', 400, 250, 300, 150, 300), gebied('GD', 'A2', 500, 300, 350, 200, 400),
  ];
  const som = (code: string, regio: string | null, delen: Gebied[]) =>
    gebied(code, regio, ...(['gemeente', 'burger'] as const).flatMap((a) => [delen.reduce((t, d) => t + d.beoordelingen[a], 0), delen.reduce((t, d) => t + d.positief[a], 0)]) as [number, number, number, number], delen.reduce((t, d) => t + d.plekken!, 0));
  const regios = [som('A1', 'A1', gemeenten.slice(0, 2)), som('A2', 'A2', gemeenten.slice(2))];
  const nederland = som('NL', null, gemeenten);
  const v = beschermGebieden({ gemeenten, regios, nederland }, '2018-03');

  it('hides the small group and protects it within its region; Nederland (over 100) is never the complement', () => {
    expect(v.adviezen.get(cel('p', 'GA', 'gemeente'))).toBe('klein');
    // Every hidden cell proven in the two layers, and the exact audit of the whole table agrees.
    expect(v.onbewezen).toEqual([]);
    const cellen = new Set(v.weergave.cellen.map((c) => c.id));
    const a = audit(v.weergave, new Map([...v.adviezen].filter(([id]) => cellen.has(id))));
    expect(a.lekken).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
    for (const [id, r] of v.adviezen) if (id.split('|')[1] === 'NL') expect([id, r]).toEqual([id, 'klein']);
    // The other region (all counts of 150 or more) loses nothing.
    expect([...v.adviezen.keys()].filter((id) => ['GC', 'GD', 'A2'].includes(id.split('|')[1]))).toEqual([]);
  });

  it('places: nothing small, nothing hidden', () => {
    expect(v.plekken.size).toBe(0);
  });
});

describe("a gemeente's places per peildatum", () => {
  it('a small gemeente and its only neighbour are hidden; the region total (printed on its own view) stays', () => {
    // 31 March: G1 5, G2 40 (region 45). 30 June: G1 12, G2 41 (region 53): nothing small.
    const p = (gemeente: string, peildatum: string, plekken: number) => ({ gemeente, peildatum, plekken, taakstelling: 50 });
    const { verborgen, tabellen } = beschermGemeentePlekken([p('G1', '2018-03-31', 5), p('G2', '2018-03-31', 40), p('G1', '2018-06-30', 12), p('G2', '2018-06-30', 41)]);
    expect(Object.fromEntries(verborgen)).toEqual({ 'G1@2018-03-31': 'klein', 'G2@2018-03-31': 'bescherming' });
    // G1 = 45 − G2 with G2 ≥ 10: G1 ∈ [0, 9], G2 ∈ [36, 45].
    expect(tabellen[0].audit.cellen.map((c) => [c.id, c.min, c.max])).toEqual([['G1', 0, 9], ['G2', 36, 45]]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  exacteGrenzen, funnel, funnelCurve, funnelGrenzen, kleinsteKwadraten, NIVEAU_95, NIVEAU_998, normaleGrenzen,
  oordeel, pearsonR, rangschik, wilsonInterval,
} from '../src/lib/metrics/stats.ts';

describe('kleinste kwadraten en Pearson', () => {
  // x = 1,2,3,4; y = 2,3,5,6. x̄ = 2,5, ȳ = 4.
  // Sxx = 2,25+0,25+0,25+2,25 = 5; Syy = 4+1+1+4 = 10; Sxy = 3+0,5+0,5+3 = 7.
  // helling = 7/5 = 1,4; intercept = 4 − 1,4·2,5 = 0,5; r = 7/√50 = 0,989949…
  const punten = [
    { x: 1, y: 2 },
    { x: 2, y: 3 },
    { x: 3, y: 5 },
    { x: 4, y: 6 },
  ];

  it('fits the hand-computed line through four points', () => {
    const fit = kleinsteKwadraten(punten)!;
    expect(fit.helling).toBeCloseTo(1.4, 12);
    expect(fit.intercept).toBeCloseTo(0.5, 12);
  });

  it('gives the hand-computed correlation', () => {
    expect(pearsonR(punten)).toBeCloseTo(0.989949, 6);
  });

  it('gives a negative correlation when y falls with x', () => {
    // Mirror y: Sxy = −7, so r = −0,989949.
    expect(pearsonR(punten.map((p) => ({ x: p.x, y: -p.y })))).toBeCloseTo(-0.989949, 6);
  });

  it('returns null instead of dividing by zero', () => {
    expect(kleinsteKwadraten([{ x: 1, y: 2 }])).toBeNull();
    expect(kleinsteKwadraten([{ x: 3, y: 1 }, { x: 3, y: 5 }])).toBeNull();
    expect(pearsonR([{ x: 1, y: 4 }, { x: 2, y: 4 }, { x: 3, y: 4 }])).toBeNull();
  });

  it('refuses missing values rather than fitting on them', () => {
    expect(() => kleinsteKwadraten([{ x: 1, y: 2 }, { x: Number.NaN, y: 3 }])).toThrow(/geen eindig getal/);
  });
});

describe('funnel-grenzen (normale benadering)', () => {
  it('gives p0 ± z·√(p0(1−p0)/n) for p0 = 0,85 and n = 100', () => {
    // √(0,85·0,15/100) = √0,001275 = 0,0357071
    // 95%:   1,96·0,0357071 = 0,0699859 → 0,7800 – 0,9200
    // 99,8%: 3,09·0,0357071 = 0,1103349 → 0,7397 – 0,9603
    const g95 = normaleGrenzen(0.85, 100, 1.96);
    const g998 = normaleGrenzen(0.85, 100, 3.09);
    expect(g95.onder).toBeCloseTo(0.7800, 4);
    expect(g95.boven).toBeCloseTo(0.9200, 4);
    expect(g998.onder).toBeCloseTo(0.7397, 4);
    expect(g998.boven).toBeCloseTo(0.9603, 4);
  });

  it('clips the limits to [0, 1]', () => {
    // p0 = 0,95, n = 10: √(0,0475/10) = 0,0689202; 3,09· = 0,2129634 → 0,7370 – 1,1630 → boven 1.
    const g = normaleGrenzen(0.95, 10, 3.09);
    expect(g.onder).toBeCloseTo(0.7370, 4);
    expect(g.boven).toBe(1);
    // p0 = 0,05 mirrors it: lower limit clipped to 0.
    expect(normaleGrenzen(0.05, 10, 3.09).onder).toBe(0);
  });

  it('narrows with n (limits shrink by √4 = 2 when n grows fourfold)', () => {
    const a = normaleGrenzen(0.5, 100, 1.96);
    const b = normaleGrenzen(0.5, 400, 1.96);
    expect((a.boven - 0.5) / (b.boven - 0.5)).toBeCloseTo(2, 10);
  });
});

describe('funnel-grenzen (exact binomiaal)', () => {
  // Binomiaal(10; 0,5): P(R ≤ r)·1024 = 1, 11, 56, 176, 386, 638, 848, 968, 1013, 1023, 1024.
  it('gives the step limits for n = 10, p0 = 0,5 at 95%', () => {
    // boven: kleinste r met P(R ≤ r) ≥ 0,975 → 1013/1024 = 0,9893 bij r = 8 → 0,8
    // onder: kleinste r met P(R ≤ r) > 0,025 → 56/1024 = 0,0547 bij r = 2 → 0,2
    expect(exacteGrenzen(0.5, 10, 0.025)).toEqual({ onder: 0.2, boven: 0.8 });
  });

  it('gives the step limits for n = 10, p0 = 0,5 at 99,8%', () => {
    // boven: 1023/1024 = 0,99902 ≥ 0,999 bij r = 9 → 0,9; onder: 11/1024 = 0,0107 > 0,001 bij r = 1 → 0,1
    expect(exacteGrenzen(0.5, 10, 0.001)).toEqual({ onder: 0.1, boven: 0.9 });
  });

  it('flags only counts the exact test rejects', () => {
    // k = 9: P(R ≥ 9) = 11/1024 = 0,0107 < 0,025 → boven; k = 8: P(R ≥ 8) = 56/1024 = 0,0547 → binnen.
    const g = exacteGrenzen(0.5, 10, 0.025);
    expect(oordeel(9 / 10, g)).toBe('boven');
    expect(oordeel(8 / 10, g)).toBe('binnen');
    expect(oordeel(1 / 10, g)).toBe('onder');
  });

  it('agrees with the normal approximation for large n', () => {
    // n = 20.000, p0 = 0,85: sd = √(0,1275/20000) = 0,0025249; 1,96·sd = 0,004949.
    const exact = exacteGrenzen(0.85, 20000, 0.025);
    expect(exact.boven).toBeCloseTo(0.85 + 0.004949, 3);
    expect(exact.onder).toBeCloseTo(0.85 - 0.004949, 3);
  });

  it('handles p0 of 0 and 1 without dividing by zero', () => {
    expect(exacteGrenzen(1, 25, 0.025)).toEqual({ onder: 1, boven: 1 });
    expect(exacteGrenzen(0, 25, 0.025)).toEqual({ onder: 0, boven: 0 });
  });

  it('auto uses exact limits only when n·p0 or n·(1−p0) is below 10', () => {
    // n = 10, p0 = 0,5: n·p0 = 5 < 10 → exact; n = 100: 50 ≥ 10 → normaal.
    expect(funnelGrenzen(0.5, 10, NIVEAU_95, 'auto')).toEqual({ onder: 0.2, boven: 0.8 });
    const g = funnelGrenzen(0.5, 100, NIVEAU_95, 'auto');
    expect(g.boven).toBeCloseTo(0.5 + 1.96 * 0.05, 12);
  });
});

describe('funnel over regio-rijen', () => {
  // Σn = 100+900+1000+50 = 2050, Σk = 70+800+810+42 = 1722 → p0 = 0,84; √(0,84·0,16) = √0,1344.
  // A n=100:  sd 0,036661; 95% 0,7681–0,9119; 99,8% 0,7267–0,9533; p 0,70   → onder / onder
  // B n=900:  sd 0,012220; 95% 0,8160–0,8640; 99,8% 0,8022–0,8778; p 0,8889 → boven / boven
  // C n=1000: sd 0,011593; 95% 0,8173–0,8627; 99,8% 0,8042–0,8758; p 0,81   → onder / binnen
  // D n=50:   sd 0,051846; 95% 0,7384–0,9416; 99,8% 0,6798–1 (geknipt); p 0,84 → binnen / binnen
  const rijen = [
    { code: 'A', n: 100, k: 70 },
    { code: 'B', n: 900, k: 800 },
    { code: 'C', n: 1000, k: 810 },
    { code: 'D', n: 50, k: 42 },
  ];

  it('computes the national rate as Σk/Σn', () => {
    const f = funnel(rijen);
    expect(f.n).toBe(2050);
    expect(f.k).toBe(1722);
    expect(f.p0).toBeCloseTo(0.84, 12);
  });

  it('gives each region its limits and flags', () => {
    const f = funnel(rijen);
    const [a, b, c, d] = f.punten;
    expect(a.grenzen95!.onder).toBeCloseTo(0.7681, 4);
    expect(a.grenzen998!.onder).toBeCloseTo(0.7267, 4);
    expect([a.oordeel95, a.oordeel998]).toEqual(['onder', 'onder']);
    expect(b.grenzen95!.boven).toBeCloseTo(0.8640, 4);
    expect(b.grenzen998!.boven).toBeCloseTo(0.8778, 4);
    expect([b.oordeel95, b.oordeel998]).toEqual(['boven', 'boven']);
    expect(c.grenzen95!.onder).toBeCloseTo(0.8173, 4);
    expect(c.grenzen998!.onder).toBeCloseTo(0.8042, 4);
    expect([c.oordeel95, c.oordeel998]).toEqual(['onder', 'binnen']);
    expect(d.grenzen998!.boven).toBe(1);
    expect([d.oordeel95, d.oordeel998]).toEqual(['binnen', 'binnen']);
    expect(d.code).toBe('D');
  });

  it('keeps a row with n = 0 without a rate instead of dropping it', () => {
    const f = funnel([...rijen, { code: 'E', n: 0, k: 0 }]);
    expect(f.punten).toHaveLength(5);
    expect(f.punten[4]).toMatchObject({ code: 'E', p: null, oordeel95: null });
  });

  it('refuses k > n', () => {
    expect(() => funnel([{ n: 5, k: 6 }])).toThrow(/0 ≤ k ≤ n/);
  });

  it('draws curves that narrow as n grows', () => {
    const c = funnelCurve(0.84, 10, 10000, 50);
    expect(c[0].n).toBe(10);
    expect(c[c.length - 1].n).toBe(10000);
    expect(c[c.length - 1].boven95 - c[c.length - 1].onder95).toBeLessThan(c[0].boven95 - c[0].onder95);
    // At n = 10000: 1,96·√(0,1344/10000) = 0,0071855.
    expect(c[c.length - 1].boven95).toBeCloseTo(0.8471855, 6);
  });

  it('nests the 95% limits inside the 99,8% limits for every region', () => {
    for (const p of funnel(rijen).punten) {
      expect(p.grenzen998!.onder).toBeLessThan(p.grenzen95!.onder);
      expect(p.grenzen998!.boven).toBeGreaterThan(p.grenzen95!.boven);
    }
  });
});

describe('Wilson-interval', () => {
  it('gives the hand-computed interval for 8 of 10', () => {
    // midden = (8 + 1,9208)/(13,8416) = 0,716738; marge = 1,96·√(1,6 + 0,9604)/13,8416 = 0,226581
    const w = wilsonInterval(8, 10);
    expect(w.onder).toBeCloseTo(0.4902, 4);
    expect(w.boven).toBeCloseTo(0.9433, 4);
  });
});

describe('rangschikken', () => {
  it('shares ranks on ties and skips the next rank (1, 1, 3, 4), missing values last', () => {
    const rijen = [
      { code: 'a', v: 5 },
      { code: 'b', v: 7 },
      { code: 'c', v: 7 },
      { code: 'd', v: 3 },
      { code: 'e', v: null },
    ];
    const r = rangschik(rijen, (x) => x.v);
    expect(r.map((x) => [x.rij.code, x.rang, x.gedeeld])).toEqual([
      ['b', 1, true],
      ['c', 1, true],
      ['a', 3, false],
      ['d', 4, false],
      ['e', null, false],
    ]);
  });

  it('ranks ascending when asked', () => {
    const r = rangschik([{ v: 2 }, { v: 1 }, { v: 2 }], (x) => x.v, { richting: 'oplopend' });
    expect(r.map((x) => [x.waarde, x.rang])).toEqual([
      [1, 1],
      [2, 2],
      [2, 2],
    ]);
  });

  it('treats values equal up to rounding as a tie', () => {
    // 0,1 + 0,2 = 0,30000000000000004 in binary floating point.
    const r = rangschik([{ v: 0.3 }, { v: 0.1 + 0.2 }, { v: 0.2 }], (x) => x.v);
    expect(r.map((x) => x.rang)).toEqual([1, 1, 3]);
  });
});

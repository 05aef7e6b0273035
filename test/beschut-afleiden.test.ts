import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import {
  cumulatiefMetExtrapolatie, extrapoleer, gebieden, jaarTotNu, landelijkeVerhouding, maandenVan, periodeUitMaanden, verhoudingen, type Gebied,
} from '../src/lib/metrics/beschut-afleiden.ts';
import { poissonCdf, poissonFunnelCurve, poissonFunnelGrenzen, poissonInterval } from '../src/lib/metrics/beschut-stats.ts';
import { gemeentenQuery, rangordeQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import { periodeTotaalQuery, perMaandQuery, type MaandRij } from '../src/lib/metrics/beschut.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschutEngine } from './fixtures/beschut.ts';

describe('Poisson interval (exact, Garwood)', () => {
  it('gives the textbook limits for k = 0, 1 and 10', () => {
    // k = 0: [0; −ln 0,025]; k = 1: [−ln 0,975; U] with e^−U (1 + U) = 0,025; k = 10: tables give [4,795; 18,390].
    const nul = poissonInterval(0);
    expect(nul.onder).toBe(0);
    expect(nul.boven).toBeCloseTo(-Math.log(0.025), 8);
    const een = poissonInterval(1);
    expect(een.onder).toBeCloseTo(-Math.log(0.975), 8);
    expect(Math.exp(-een.boven) * (1 + een.boven)).toBeCloseTo(0.025, 10);
    expect(een.boven).toBeCloseTo(5.5716, 4);
    const tien = poissonInterval(10);
    expect(tien.onder).toBeCloseTo(4.7954, 4);
    expect(tien.boven).toBeCloseTo(18.3904, 4);
  });

  it('computes the Poisson distribution function, also for large counts', () => {
    expect(poissonCdf(2, 1)).toBeCloseTo(Math.exp(-1) * 2.5, 12);
    expect(poissonCdf(0, 3)).toBeCloseTo(Math.exp(-3), 12);
    // For 601 the limits satisfy their defining equations.
    const g = poissonInterval(601);
    expect(poissonCdf(600, g.onder)).toBeCloseTo(0.975, 8);
    expect(poissonCdf(601, g.boven)).toBeCloseTo(0.025, 8);
    // And lie near the normal approximation 601 ± 1,96·√601 = 601 ± 48,05.
    expect(g.onder).toBeGreaterThan(601 - 50);
    expect(g.boven).toBeLessThan(601 + 51);
    expect(() => poissonInterval(-1)).toThrow(/Ongeldig aantal/);
  });
});

describe('year-end extrapolation', () => {
  it("reproduces the ministry's 601 in five months → 1.442, with the tempo's interval", () => {
    const e = extrapoleer(2017, '2017-05', 601);
    expect(e.extrapolatieJaar).toBeCloseTo(1442.4, 10);
    expect(Math.round(e.extrapolatieJaar)).toBe(1442);
    expect(e.label).toBe('extrapolatie, geen meting');
    expect(e.tempo).toBeCloseTo(120.2, 10);
    // Measured 601 stays; the seven months to come at the tempo's bounds: 601 + 7 × L/5 and 601 + 7 × U/5.
    const ci = poissonInterval(601);
    expect(e.onder).toBeCloseTo(601 + (7 * ci.onder) / 5, 10);
    expect(e.boven).toBeCloseTo(601 + (7 * ci.boven) / 5, 10);
    expect(e.onder).toBeLessThan(1442.4);
    expect(e.boven).toBeGreaterThan(1442.4);
    expect(e.volledig).toBe(false);
  });

  it('does not extrapolate a complete year', () => {
    const e = extrapoleer(2018, '2018-12', 1928);
    expect([e.extrapolatieJaar, e.onder, e.boven, e.volledig]).toEqual([1928, 1928, 1928, true]);
    expect(() => extrapoleer(2018, '2017-12', 5)).toThrow(/ligt niet in 2018/);
  });

  it('draws the measured cumulative line to the last month and the extrapolation from there to December', () => {
    // Positive: January 3, February 0 (a month without adviezen), March 6 → 9 in 3 months, tempo 3.
    const rij = (maand: string, positief: number): MaandRij => ({
      maand, aanvrager: 'totaal', beoordelingen: positief, positief, pctPositief: null, wilsonOnder: null, wilsonBoven: null,
    });
    const rijen = [rij('2019-01', 3), rij('2019-02', 0), rij('2019-03', 6)];
    const c = cumulatiefMetExtrapolatie(rijen, '2019-03', 'totaal');
    expect(c).toHaveLength(12);
    expect(c.slice(0, 4).map((p) => [p.maand, p.gemeten, p.extrapolatie])).toEqual([
      ['2019-01', 3, null], ['2019-02', 3, null], ['2019-03', 9, 9], ['2019-04', null, 12],
    ]);
    expect(c[11]).toMatchObject({ maand: '2019-12', gemeten: null, extrapolatie: 36 });
    const ci = poissonInterval(9);
    expect(c[2].onder).toBe(9);
    expect(c[11].onder).toBeCloseTo(9 + (9 * ci.onder) / 3, 10);
    expect(c[11].boven).toBeCloseTo(9 + (9 * ci.boven) / 3, 10);
    expect(jaarTotNu(rijen, '2019-03', 'totaal').periode).toMatchObject({ van: '2019-01', tot: '2019-03', positief: 9, maanden: 3, gemiddeldPerMaand: 3 });
  });
});

describe('funnel for positive adviezen relative to the taakstelling', () => {
  it('puts the limits at r0 ± z·√(r0 / taakstelling), not below 0', () => {
    const g = poissonFunnelGrenzen(0.5, 8, 1.96);
    expect(g.onder).toBeCloseTo(0.5 - 1.96 * 0.25, 12);
    expect(g.boven).toBeCloseTo(0.5 + 1.96 * 0.25, 12);
    expect(poissonFunnelGrenzen(0.5, 1, 3.09).onder).toBe(0);
    const curve = poissonFunnelCurve(0.5, 1, 100, 3);
    expect(curve.map((c) => c.n)).toEqual([1, 10, 100]);
    expect(curve[2].boven95).toBeCloseTo(0.5 + 1.96 * Math.sqrt(0.005), 12);
  });

  it('does not let a gemeente with taakstelling 1 top the list by chance: its 2 positive adviezen lie inside the 99,8% limits', () => {
    const unit = (code: string, taakstelling: number, positief: number): Gebied => ({
      code, naam: code, regio: null, taakstelling, plekken: null, plekkenPeildatum: null,
      beoordelingen: { gemeente: positief, burger: 0, totaal: positief },
      positief: { gemeente: positief, burger: 0, totaal: positief },
    });
    // Nederland: 50 + 2 + 3 positive adviezen, taakstelling 100 + 1 + 0; r0 = 55 / 101 (also the 3
    // of "leeg", which has no taakstelling: Nederland's own ratio, not a sum over the others).
    const land = unit('NL', 101, 55);
    const { r0, rijen } = verhoudingen([unit('groot', 100, 50), unit('klein', 1, 2), unit('leeg', 0, 3)], 'totaal', landelijkeVerhouding(land, 'totaal'));
    expect(r0).toBeCloseTo(55 / 101, 12);
    const klein = rijen.find((r) => r.code === 'klein')!;
    expect(klein.verhouding).toBe(2);
    // 95%: r0 + 1,96·√r0 = 1,991 < 2 → above; 99,8%: r0 + 3,09·√r0 = 2,825 > 2 → inside.
    expect([klein.oordeel95, klein.oordeel998, klein.signaal]).toEqual(['boven', 'binnen', 'boven95']);
    expect(rijen.find((r) => r.code === 'groot')!.signaal).toBe('binnen');
    expect(rijen.find((r) => r.code === 'leeg')).toMatchObject({ verhouding: null, signaal: 'binnen' });
  });
});

describe('derived figures equal the SQL on the same data', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await beschutEngine();
  });
  afterAll(() => engine.close());

  it('lists the months of a period across a year end', () => {
    expect(maandenVan('2016-11', '2017-02')).toEqual(['2016-11', '2016-12', '2017-01', '2017-02']);
  });

  it('totals any period inside the months asked exactly as periodeTotaalQuery', async () => {
    const maanden = await runMetric(engine, perMaandQuery({ van: '2016-10', tot: '2017-06' }));
    for (const [van, tot] of [['2016-10', '2017-06'], ['2017-01', '2017-02'], ['2017-03', '2017-04'], ['2016-12', '2016-12']]) {
      expect(periodeUitMaanden(maanden, van, tot), `${van} t/m ${tot}`).toEqual(await runMetric(engine, periodeTotaalQuery({ van, tot })));
    }
  });

  it('sums gemeenten to regions and Nederland as the SQL ranking does', async () => {
    const g = gebieden(await runMetric(engine, gemeentenQuery({ van: '2017-01', tot: '2018-12' })));
    expect(g.regios).toHaveLength(35);
    const am01 = g.regios.find((r) => r.code === 'AM01')!;
    // Groningen (2 gemeente-beoordelingen, 1 positive; 1 burger, negative) + Stadskanaal (none); taakstelling 4 + 1.
    expect(am01).toMatchObject({ naam: 'Groningen', taakstelling: 5, plekken: 5 });
    expect(am01.beoordelingen).toEqual({ gemeente: 2, burger: 1, totaal: 3 });
    expect(am01.positief).toEqual({ gemeente: 1, burger: 0, totaal: 1 });
    expect(g.nederland.positief.totaal).toBe(4);
    expect(g.nederland.taakstelling).toBe(11);
    const sql = await runMetric(engine, rangordeQuery({ niveau: 'regio', van: '2017-01-01', tot: '2018-12-31', taakstellingJaar: 2018 }));
    const { rijen } = verhoudingen(g.regios, 'totaal', landelijkeVerhouding(g.nederland, 'totaal'));
    for (const s of sql.filter((x) => x.verhouding !== null)) {
      expect(rijen.find((r) => r.code === s.code)!.verhouding, s.code).toBeCloseTo(s.verhouding!, 12);
    }
  });
});

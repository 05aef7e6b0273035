import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { cumulatiefQuery, landelijkQuery, perGemeenteQuery, spreidingQuery } from '../src/lib/metrics/buig.ts';
import { runMetric } from '../src/lib/sql/query.ts';

/**
 * Hand-built BUIG (euros; GM0014 Groningen AM01, GM0034 Almere AM11, GM0050 Zeewolde AM06):
 *            voorlopig  definitief  uitgaven   saldo   saldo %
 * 2015 GM0014     90        100        110       −10     −10
 *      GM0034    190        200        190       +10      +5
 *      GM0050     48         50         53        −3      −6
 *   totaal       328        350        353        −3     −3/350
 * 2016 GM0014    100        120        114        +6      +5
 *      GM0034    200        210        231       −21     −10
 *      GM0050     50         50         50         0       0
 *   totaal       350        380        395       −15    −15/380
 */
const BUIG: [string, number, number, number, number][] = [
  ['GM0014', 2015, 90, 100, 110], ['GM0034', 2015, 190, 200, 190], ['GM0050', 2015, 48, 50, 53],
  ['GM0014', 2016, 100, 120, 114], ['GM0034', 2016, 200, 210, 231], ['GM0050', 2016, 50, 50, 50],
];

describe('BUIG metrics on a hand-built table', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await engine.exec('CREATE TABLE buig_gemeente (gemeente_code VARCHAR, jaar SMALLINT, budget_voorlopig DOUBLE, budget_definitief DOUBLE, uitgaven DOUBLE)');
    for (const r of BUIG) await engine.exec('INSERT INTO buig_gemeente VALUES (?, ?, ?, ?, ?)', r);
  });
  afterAll(() => engine.close());

  it('adds up budgets and uitgaven per year, with the saldo in euros and as % of the definitief budget', async () => {
    const [j15, j16] = await runMetric(engine, landelijkQuery());
    expect([j15.jaar, j15.voorlopig, j15.definitief, j15.uitgaven, j15.saldo, j15.bijstelling]).toEqual([2015, 328, 350, 353, -3, 22]);
    expect(j15.saldoPct).toBeCloseTo((-3 / 350) * 100, 10);
    expect([j16.jaar, j16.voorlopig, j16.definitief, j16.uitgaven, j16.saldo, j16.bijstelling]).toEqual([2016, 350, 380, 395, -15, 30]);
    expect(j16.saldoPct).toBeCloseTo((-15 / 380) * 100, 10);
  });

  it('gives year-on-year changes (none for the first year) and the cumulative result', async () => {
    const [j15, j16] = await runMetric(engine, landelijkQuery());
    expect([j15.mutatieDefinitief, j15.mutatieDefinitiefPct, j15.mutatieUitgavenPct]).toEqual([null, null, null]);
    expect(j16.mutatieDefinitief).toBe(30);
    expect(j16.mutatieDefinitiefPct).toBeCloseTo((380 / 350 - 1) * 100, 10);
    expect(j16.mutatieUitgavenPct).toBeCloseTo((395 / 353 - 1) * 100, 10);
    expect([j15.cumulatiefSaldo, j15.cumulatiefBudget, j16.cumulatiefSaldo, j16.cumulatiefBudget]).toEqual([-3, 350, -18, 730]);
  });

  it('counts gemeenten with a tekort, and with a tekort of at least 5% (a saldo of 0 is no tekort)', async () => {
    const [j15, j16] = await runMetric(engine, landelijkQuery());
    expect([j15.gemeenten, j15.gemeentenTekort, j15.gemeentenTekort5]).toEqual([3, 2, 2]);
    expect(j15.pctGemeentenTekort).toBeCloseTo(200 / 3, 10);
    expect([j16.gemeentenTekort, j16.gemeentenTekort5]).toEqual([1, 1]);
    expect(j16.pctGemeentenTekort5).toBeCloseTo(100 / 3, 10);
  });

  it('limits the national view to regions', async () => {
    const flevoland = await runMetric(engine, landelijkQuery({ regio: ['AM11'] }));
    expect(flevoland.map((r) => [r.jaar, r.definitief, r.saldo, r.gemeentenTekort])).toEqual([[2015, 200, 10, 0], [2016, 210, -21, 1]]);
  });

  it('sums the saldo over a range of years', async () => {
    const c = await runMetric(engine, cumulatiefQuery({ van: 2015, tot: 2016 }));
    expect([c.van, c.tot, c.saldo, c.budget]).toEqual([2015, 2016, -18, 730]);
    expect(c.saldoPct).toBeCloseTo((-18 / 730) * 100, 10);
    expect(await runMetric(engine, cumulatiefQuery({ van: 2020, tot: 2021 }))).toEqual({ van: 2020, tot: 2021, saldo: 0, budget: 0, saldoPct: null });
  });

  it('lists gemeenten from largest tekort to largest overschot, with name and region', async () => {
    const g = await runMetric(engine, perGemeenteQuery({ jaar: 2016 }));
    expect(g.map((r) => [r.gemeente_code, r.naam, r.regio_code, r.saldo, r.saldoPct])).toEqual([
      ['GM0034', 'Almere', 'AM11', -21, -10], ['GM0050', 'Zeewolde', 'AM06', 0, 0], ['GM0014', 'Groningen', 'AM01', 6, 5],
    ]);
  });

  it('describes the spread of the saldo % over gemeenten with interpolated quantiles', async () => {
    // 2015: −10, −6, +5 → sorted −10, −6, 5; p25 at position 0,5 = −8; p75 at 1,5 = −0,5; p10 at 0,2 = −9,2; p90 at 1,8 = 2,8.
    const s = await runMetric(engine, spreidingQuery({ jaar: 2015 }));
    expect(s.jaar).toBe(2015);
    expect(s.gemeenten).toBe(3);
    expect(s.mediaan).toBeCloseTo(-6, 10);
    expect(s.p25).toBeCloseTo(-8, 10);
    expect(s.p75).toBeCloseTo(-0.5, 10);
    expect(s.p10).toBeCloseTo(-9.2, 10);
    expect(s.p90).toBeCloseTo(2.8, 10);
    expect(s.pctTekort).toBeCloseTo(200 / 3, 10);
  });

  it('refuses bad years and regions with a Dutch message', async () => {
    expect(() => cumulatiefQuery({ van: 2016, tot: 2015 })).toThrow(/ligt voor het beginjaar/);
    expect(() => perGemeenteQuery({ jaar: 20.5 })).toThrow(/Ongeldig jaar/);
    expect(() => landelijkQuery({ regio: ['Flevoland'] })).toThrow(/Onbekende arbeidsmarktregio/);
  });
});

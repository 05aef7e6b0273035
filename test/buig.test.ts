import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import {
  cumulatiefQuery, cumulatiefUitJaren, gemeentenQuery, landelijkQuery, perGemeenteQuery, regioQuery, spreidingPerJaarQuery, spreidingQuery,
} from '../src/lib/metrics/buig.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { buigEngine, type BuigRij } from './fixtures/buig.ts';

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
const BUIG: BuigRij[] = [
  ['GM0014', 2015, 90, 100, 110], ['GM0034', 2015, 190, 200, 190], ['GM0050', 2015, 48, 50, 53],
  ['GM0014', 2016, 100, 120, 114], ['GM0034', 2016, 200, 210, 231], ['GM0050', 2016, 50, 50, 50],
];

describe('BUIG metrics on a hand-built table', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await buigEngine(BUIG);
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

/**
 * A second hand-built table (euros), with a tekort year, an overschot year, gemeenten exactly at
 * the 5% threshold, a gemeente without budget, size classes and regions:
 *                         voorlopig  definitief  uitgaven     saldo   saldo %   klasse   regio
 * 2020 GM0014 Groningen    110 mln    120 mln    126 mln    −6 mln    −5 (!)   100plus  AM01
 *      GM0037 Stadskanaal    9 mln      8 mln      8,2 mln  −0,2 mln  −2,5     5-10     AM01
 *      GM0034 Almere        40 mln     42 mln     40 mln    +2 mln   +4,76     25-100   AM11
 *      GM0050 Zeewolde       3 mln      3 mln      3,3 mln  −0,3 mln −10       tot5     AM06
 *      GM0060 Ameland        0          0          0,1 mln  −0,1 mln  n.v.t.   tot5     AM02
 *   totaal                 162 mln    173 mln    177,6 mln  −4,6 mln (tekort)
 * 2021 GM0014              125 mln    118 mln    110 mln    +8 mln   +6,78
 *      GM0037                8 mln      8 mln      8,4 mln  −0,4 mln  −5 (!)
 *      GM0034               42 mln     44 mln     41 mln    +3 mln   +6,82
 *      GM0050                3 mln      3,2 mln    3,2 mln   0        0 (neither)
 *      GM0060                0          0          0         0        n.v.t.
 *   totaal                 178 mln    173,2 mln  162,6 mln +10,6 mln (overschot)
 */
const M = 1e6;
const BUIG2: [string, number, number, number, number][] = [
  ['GM0014', 2020, 110 * M, 120 * M, 126 * M], ['GM0037', 2020, 9 * M, 8 * M, 8_200_000], ['GM0034', 2020, 40 * M, 42 * M, 40 * M],
  ['GM0050', 2020, 3 * M, 3 * M, 3_300_000], ['GM0060', 2020, 0, 0, 100_000],
  ['GM0014', 2021, 125 * M, 118 * M, 110 * M], ['GM0037', 2021, 8 * M, 8 * M, 8_400_000], ['GM0034', 2021, 42 * M, 44 * M, 41 * M],
  ['GM0050', 2021, 3 * M, 3_200_000, 3_200_000], ['GM0060', 2021, 0, 0, 0],
];

describe('BUIG metrics: tekort and overschot year, threshold, zero budget, classes, regions', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await engine.exec('CREATE TABLE buig_gemeente (gemeente_code VARCHAR, jaar SMALLINT, budget_voorlopig DOUBLE, budget_definitief DOUBLE, uitgaven DOUBLE)');
    for (const r of BUIG2) await engine.exec('INSERT INTO buig_gemeente VALUES (?, ?, ?, ?, ?)', r);
  });
  afterAll(() => engine.close());

  it('gives a tekort in 2020 and an overschot in 2021, with the bijstelling up and down', async () => {
    const [a, b] = await runMetric(engine, landelijkQuery());
    expect([a.jaar, a.voorlopig, a.definitief, a.uitgaven, a.saldo, a.bijstelling]).toEqual([2020, 162 * M, 173 * M, 177_600_000, -4_600_000, 11 * M]);
    expect(a.saldoPct).toBeCloseTo((-4.6 / 173) * 100, 10);
    expect([b.jaar, b.voorlopig, b.definitief, b.uitgaven, b.saldo, b.bijstelling]).toEqual([2021, 178 * M, 173_200_000, 162_600_000, 10_600_000, -4_800_000]);
    expect(b.saldoPct).toBeCloseTo((10.6 / 173.2) * 100, 10);
    expect([b.mutatieDefinitief, b.cumulatiefSaldo, b.cumulatiefBudget]).toEqual([200_000, 6 * M, 346_200_000]);
  });

  it('counts a gemeente exactly at the threshold as a tekort of at least 5%, a saldo of 0 as no tekort, and a zero budget with uitgaven as a tekort', async () => {
    const [a, b] = await runMetric(engine, landelijkQuery());
    // 2020: tekort GM0014 (−5% exactly), GM0037, GM0050, GM0060 (no budget); ≥ 5%: GM0014, GM0050, GM0060.
    expect([a.gemeenten, a.gemeentenTekort, a.gemeentenTekort5, a.drempel, a.gemeentenDrempel, a.gemeentenZonderBudget]).toEqual([5, 4, 3, 5, 3, 1]);
    expect([a.pctGemeentenTekort, a.pctGemeentenTekort5, a.pctGemeentenDrempel]).toEqual([80, 60, 60]);
    // 2021: only GM0037 (−5% exactly); GM0050 (0) and GM0060 (no budget, no uitgaven) have none.
    expect([b.gemeentenTekort, b.gemeentenTekort5, b.gemeentenZonderBudget]).toEqual([1, 1, 1]);
    const [c] = await runMetric(engine, landelijkQuery({ drempel: 6 }));
    expect([c.drempel, c.gemeentenDrempel, c.pctGemeentenDrempel, c.gemeentenTekort5]).toEqual([6, 2, 40, 3]);
  });

  it('gives a gemeente without budget no saldo % (n.v.t.) and puts it last', async () => {
    const g = await runMetric(engine, perGemeenteQuery({ jaar: 2020 }));
    expect(g.map((r) => r.gemeente_code)).toEqual(['GM0050', 'GM0014', 'GM0037', 'GM0034', 'GM0060']);
    expect(g.map((r) => r.klasse)).toEqual(['tot5', '100plus', '5-10', '25-100', 'tot5']);
    expect(g[4]).toMatchObject({ naam: 'Ameland', regio_code: 'AM02', definitief: 0, saldo: -100_000, saldoPct: null });
    expect(g[1].saldoPct).toBe(-5);
    const alle = await runMetric(engine, gemeentenQuery());
    expect(alle.map((r) => `${r.jaar} ${r.gemeente_code}`)).toEqual([
      '2020 GM0050', '2020 GM0014', '2020 GM0037', '2020 GM0034', '2020 GM0060',
      '2021 GM0037', '2021 GM0050', '2021 GM0014', '2021 GM0034', '2021 GM0060', // +8/118 = 6,78% before +3/44 = 6,82%
    ]);
  });

  it('sums the cumulative range in SQL and from the yearly rows alike', async () => {
    const sql = await runMetric(engine, cumulatiefQuery({ van: 2020, tot: 2021 }));
    expect([sql.saldo, sql.budget]).toEqual([6 * M, 346_200_000]);
    expect(sql.saldoPct).toBeCloseTo((6 / 346.2) * 100, 10);
    const jaren = await runMetric(engine, landelijkQuery());
    expect(cumulatiefUitJaren(jaren, 2020, 2021)).toEqual(sql);
    expect(cumulatiefUitJaren(jaren, 2021, 2021)).toEqual(await runMetric(engine, cumulatiefQuery({ van: 2021, tot: 2021 })));
    expect(cumulatiefUitJaren(jaren, 2030, 2031)).toEqual({ van: 2030, tot: 2031, saldo: 0, budget: 0, saldoPct: null });
  });

  it('sums gemeenten per region, and narrows every figure to a region or a size class', async () => {
    const r = (await runMetric(engine, regioQuery())).filter((x) => x.jaar === 2020);
    expect(r.map((x) => [x.regio_code, x.gemeenten, x.definitief, x.uitgaven, x.saldo, x.gemeentenTekort])).toEqual([
      ['AM01', 2, 128 * M, 134_200_000, -6_200_000, 2],
      ['AM02', 1, 0, 100_000, -100_000, 1],
      ['AM06', 1, 3 * M, 3_300_000, -300_000, 1],
      ['AM11', 1, 42 * M, 40 * M, 2 * M, 0],
    ]);
    expect(r[0].saldoPct).toBeCloseTo((-6.2 / 128) * 100, 10);
    expect(r[1].saldoPct).toBeNull();
    const [groningen] = await runMetric(engine, landelijkQuery({ regio: ['AM01'] }));
    expect([groningen.voorlopig, groningen.definitief, groningen.saldo, groningen.gemeenten]).toEqual([119 * M, 128 * M, -6_200_000, 2]);
    const [klein2020, klein2021] = await runMetric(engine, landelijkQuery({ klasse: 'tot5' }));
    expect([klein2020.definitief, klein2020.uitgaven, klein2020.saldo, klein2020.gemeenten, klein2020.gemeentenTekort]).toEqual([3 * M, 3_400_000, -400_000, 2, 2]);
    expect([klein2021.definitief, klein2021.saldo, klein2021.gemeentenTekort]).toEqual([3_200_000, 0, 0]);
    const kleinRegio = (await runMetric(engine, regioQuery({ klasse: 'tot5' }))).filter((x) => x.jaar === 2020);
    expect(kleinRegio.map((x) => x.regio_code)).toEqual(['AM02', 'AM06']);
  });

  it('gives percentiles over the gemeenten with a budget, per year', async () => {
    // 2020 with a budget: −10, −5, −2,5, +4,76…; positions (n − 1)·p = 3p.
    const [s20, s21] = await runMetric(engine, spreidingPerJaarQuery());
    const p76 = (2 / 42) * 100;
    expect([s20.jaar, s20.gemeenten, s20.pctTekort]).toEqual([2020, 4, 75]);
    expect(s20.mediaan).toBeCloseTo(-3.75, 10);
    expect(s20.p25).toBeCloseTo(-6.25, 10);
    expect(s20.p10).toBeCloseTo(-8.5, 10);
    expect(s20.p75).toBeCloseTo(-2.5 + 0.25 * (p76 + 2.5), 10);
    expect(s20.p90).toBeCloseTo(-2.5 + 0.7 * (p76 + 2.5), 10);
    expect(s21.jaar).toBe(2021);
    expect(await runMetric(engine, spreidingQuery({ jaar: 2020 }))).toEqual(s20);
    expect(await runMetric(engine, spreidingQuery({ jaar: 2019 }))).toMatchObject({ jaar: 2019, gemeenten: 0, mediaan: null });
  });

  it('refuses an unknown size class and an impossible threshold', () => {
    expect(() => landelijkQuery({ klasse: 'reus' as never })).toThrow(/Onbekende grootteklasse/);
    expect(() => landelijkQuery({ drempel: 0 })).toThrow(/Ongeldige drempel/);
    expect(() => landelijkQuery({ drempel: 2.5 })).toThrow(/Ongeldige drempel/);
  });
});

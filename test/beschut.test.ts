import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import { gemeentenQuery, perMaandGemeentenQuery, plekkenGemeentenQuery, rangordeQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import {
  cumulatiefPositiefQuery, jaarExtrapolatieQuery, periodeTotaalQuery, perJaarQuery, perMaandQuery, plekkenQuery,
} from '../src/lib/metrics/beschut.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschutEngine } from './fixtures/beschut.ts';

/** Fixture: test/fixtures/beschut.ts (adviezen 1–7 in 2016–2017, plekken of GM0014, GM0034, GM0037). */
describe('beschut werk metrics on hand-built adviezen and plekken', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await beschutEngine();
  });
  afterAll(() => engine.close());

  it('counts beoordelingen and positive adviezen per month and aanvrager, with a total per month', async () => {
    const m = await runMetric(engine, perMaandQuery({ van: '2017-01', tot: '2017-02' }));
    expect(m.map((r) => [r.maand, r.aanvrager, r.beoordelingen, r.positief])).toEqual([
      ['2017-01', 'burger', 1, 1], ['2017-01', 'gemeente', 2, 1], ['2017-01', 'totaal', 3, 2],
      ['2017-02', 'burger', 1, 1], ['2017-02', 'gemeente', 1, 1], ['2017-02', 'totaal', 2, 2],
    ]);
    expect(m[1].pctPositief).toBe(50);
    expect(m[2].pctPositief).toBeCloseTo(200 / 3, 10);
  });

  it('gives every month of the period a row: a month without adviezen has 0, a month with only burger requests has gemeente 0', async () => {
    const m = await runMetric(engine, perMaandQuery({ van: '2017-03', tot: '2017-04' }));
    // March: only advies 7 (burger, negatief). April: nothing at all.
    expect(m.map((r) => [r.maand, r.aanvrager, r.beoordelingen, r.positief, r.pctPositief])).toEqual([
      ['2017-03', 'burger', 1, 0, 0], ['2017-03', 'gemeente', 0, 0, null], ['2017-03', 'totaal', 1, 0, 0],
      ['2017-04', 'burger', 0, 0, null], ['2017-04', 'gemeente', 0, 0, null], ['2017-04', 'totaal', 0, 0, null],
    ]);
    // An aanvrager filter keeps the grid: every month, the asked aanvrager and the total.
    const burger = await runMetric(engine, perMaandQuery({ van: '2017-01', tot: '2017-04', aanvrager: ['burger'] }));
    expect(burger.map((r) => [r.maand, r.aanvrager, r.beoordelingen])).toEqual([
      ['2017-01', 'burger', 1], ['2017-01', 'totaal', 1], ['2017-02', 'burger', 1], ['2017-02', 'totaal', 1],
      ['2017-03', 'burger', 1], ['2017-03', 'totaal', 1], ['2017-04', 'burger', 0], ['2017-04', 'totaal', 0],
    ]);
  });

  it('gives a 95% Wilson interval with the percentage, also at 0% and 100%', async () => {
    const m = await runMetric(engine, perMaandQuery({ van: '2017-02', tot: '2017-03' }));
    const z2 = 1.96 * 1.96;
    // February, burger: 1 of 1 positive → [1 / (1 + z²); 1] = [0,2065; 1].
    const feb = m.find((r) => r.maand === '2017-02' && r.aanvrager === 'burger')!;
    expect(feb.pctPositief).toBe(100);
    expect(feb.wilsonOnder).toBeCloseTo((100 * 1) / (1 + z2), 10);
    expect(feb.wilsonOnder).toBeCloseTo(20.654, 3);
    expect(feb.wilsonBoven).toBe(100);
    // March, burger: 0 of 1 → [0; z² / (1 + z²)] = [0; 0,7935].
    const mrt = m.find((r) => r.maand === '2017-03' && r.aanvrager === 'burger')!;
    expect(mrt.pctPositief).toBe(0);
    expect(mrt.wilsonOnder).toBeCloseTo(0, 12);
    expect(mrt.wilsonBoven).toBeCloseTo((100 * z2) / (1 + z2), 10);
    // No beoordelingen: no percentage and no interval.
    const leeg = m.find((r) => r.maand === '2017-03' && r.aanvrager === 'gemeente')!;
    expect([leeg.pctPositief, leeg.wilsonOnder, leeg.wilsonBoven]).toEqual([null, null, null]);
  });

  it('counts per calendar year of the extract, for one gemeente too', async () => {
    const j = await runMetric(engine, perJaarQuery());
    expect(j.map((r) => [r.jaar, r.aanvrager, r.beoordelingen, r.positief])).toEqual([
      [2016, 'burger', 0, 0], [2016, 'gemeente', 1, 1], [2016, 'totaal', 1, 1],
      [2017, 'burger', 3, 2], [2017, 'gemeente', 3, 2], [2017, 'totaal', 6, 4],
    ]);
    // Almere (GM0034): nothing in 2016 → a row with 0; 2017: adviezen 3, 4 (burger) and 5 (gemeente).
    const almere = await runMetric(engine, perJaarQuery({ gemeente: ['GM0034'] }));
    expect(almere.map((r) => [r.jaar, r.aanvrager, r.beoordelingen, r.positief])).toEqual([
      [2016, 'burger', 0, 0], [2016, 'gemeente', 0, 0], [2016, 'totaal', 0, 0],
      [2017, 'burger', 2, 2], [2017, 'gemeente', 1, 1], [2017, 'totaal', 3, 3],
    ]);
  });

  it('filters months by region and by gemeente', async () => {
    // Groningen region AM01 holds GM0014 and GM0037: January advies 1 and 2 (gemeente), March 7 (burger).
    const am01 = await runMetric(engine, periodeTotaalQuery({ van: '2017-01', tot: '2017-03', regio: ['AM01'] }));
    expect(am01.map((r) => [r.aanvrager, r.beoordelingen, r.positief])).toEqual([['gemeente', 2, 1], ['burger', 1, 0], ['totaal', 3, 1]]);
    const almere = await runMetric(engine, perMaandQuery({ van: '2017-01', tot: '2017-01', gemeente: ['GM0034'] }));
    expect(almere.map((r) => [r.aanvrager, r.beoordelingen, r.positief])).toEqual([['burger', 1, 1], ['gemeente', 0, 0], ['totaal', 1, 1]]);
    expect(() => perMaandQuery({ van: '2017-01', tot: '2017-01', gemeente: ['GM9999'] })).toThrow(/Onbekende gemeente: "GM9999"/);
  });

  it('gives every gemeente its adviezen per aanvrager, the taakstelling of the last year and the places at the last peildatum', async () => {
    const g = await runMetric(engine, gemeentenQuery({ van: '2017-01', tot: '2018-06' }));
    expect(g).toHaveLength(GEMEENTEN.length);
    const rij = (code: string) => g.find((r) => r.code === code)!;
    // Groningen: 1 and 2 (gemeente, 1 positive), 7 (burger, negative); taakstelling 2018 = 4; places at 2017-12-31 (the last peildatum ≤ 2018-06-30) = 3.
    expect(rij('GM0014')).toEqual({
      code: 'GM0014', naam: 'Groningen', regio: 'AM01', beoordelingenGemeente: 2, positiefGemeente: 1, beoordelingenBurger: 1, positiefBurger: 0,
      taakstelling: 4, plekken: 3, plekkenPeildatum: '2017-12-31',
    });
    expect(rij('GM0034')).toMatchObject({ beoordelingenGemeente: 1, positiefGemeente: 1, beoordelingenBurger: 2, positiefBurger: 2, taakstelling: 6, plekken: 0 });
    // Stadskanaal: taakstelling 1 in 2018, no adviezen in the period; a gemeente without plekken rows has nulls.
    expect(rij('GM0037')).toMatchObject({ beoordelingenGemeente: 0, positiefGemeente: 0, taakstelling: 1, plekken: 0 });
    expect(rij('GM0047')).toMatchObject({ beoordelingenGemeente: 0, taakstelling: null, plekken: null, plekkenPeildatum: null });
    // A year without peildatum in the extract: no taakstelling.
    const later = await runMetric(engine, gemeentenQuery({ van: '2019-01', tot: '2019-03' }));
    expect(later.find((r) => r.code === 'GM0014')).toMatchObject({ taakstelling: null, plekken: 5, plekkenPeildatum: '2018-12-31' });
  });

  it("lists one region's gemeenten per month and per peildatum", async () => {
    // AM01: Groningen (adviezen 1, 2 in January, 7 in March; 6 in December 2016 is outside) and Stadskanaal (none).
    const m = await runMetric(engine, perMaandGemeentenQuery({ van: '2017-01', tot: '2017-03', regio: 'AM01' }));
    expect(m).toEqual([
      { maand: '2017-01', gemeente: 'GM0014', aanvrager: 'gemeente', beoordelingen: 2, positief: 1 },
      { maand: '2017-03', gemeente: 'GM0014', aanvrager: 'burger', beoordelingen: 1, positief: 0 },
    ]);
    const p = await runMetric(engine, plekkenGemeentenQuery({ regio: 'AM01' }));
    expect(p.map((r) => [r.peildatum, r.gemeente, r.plekken, r.taakstelling])).toEqual([
      ['2017-12-31', 'GM0014', 3, 4], ['2017-12-31', 'GM0037', 0, 1], ['2018-12-31', 'GM0014', 5, 4], ['2018-12-31', 'GM0037', 0, 1],
    ]);
  });

  it('totals a period per aanvrager with the average per month', async () => {
    const t = await runMetric(engine, periodeTotaalQuery({ van: '2017-01', tot: '2017-02' }));
    expect(t.map((r) => [r.aanvrager, r.beoordelingen, r.positief, r.maanden])).toEqual([
      ['gemeente', 3, 2, 2], ['burger', 2, 2, 2], ['totaal', 5, 4, 2],
    ]);
    expect(t[0].gemiddeldPerMaand).toBe(1.5);
    expect(t[0].pctPositief).toBeCloseTo(200 / 3, 10);
    expect(t[2].pctPositief).toBe(80);
  });

  it('filters by aanvrager and by region, and shows an aanvrager without beoordelingen as zero', async () => {
    const burger = await runMetric(engine, periodeTotaalQuery({ van: '2017-01', tot: '2017-02', aanvrager: ['burger'] }));
    expect(burger.map((r) => [r.aanvrager, r.beoordelingen, r.positief])).toEqual([['burger', 2, 2], ['totaal', 2, 2]]);
    const flevoland = await runMetric(engine, periodeTotaalQuery({ van: '2017-01', tot: '2017-02', regio: ['AM11'] }));
    expect(flevoland.map((r) => [r.aanvrager, r.beoordelingen, r.positief])).toEqual([['gemeente', 1, 1], ['burger', 2, 2], ['totaal', 3, 3]]);
    const leeg = await runMetric(engine, periodeTotaalQuery({ van: '2019-01', tot: '2019-12', aanvrager: ['gemeente'] }));
    expect(leeg.map((r) => [r.aanvrager, r.beoordelingen, r.pctPositief])).toEqual([['gemeente', 0, null], ['totaal', 0, null]]);
  });

  it('counts positive adviezen cumulatively up to a date (inclusive)', async () => {
    expect(await runMetric(engine, cumulatiefPositiefQuery({ tot: '2017-01-25' }))).toBe(3); // 6, 1, 3
    expect(await runMetric(engine, cumulatiefPositiefQuery({ tot: '2017-12-31' }))).toBe(5);
    expect(await runMetric(engine, cumulatiefPositiefQuery({ tot: '2017-12-31', regio: ['AM01'] }))).toBe(2);
  });

  it('extrapolates positive adviezen linearly to the year end, labelled as an extrapolation', async () => {
    // Jan–Feb 2017: adviezen 1, 3, 4, 5 positive = 4 → 4 × 12 / 2 = 24.
    expect(await runMetric(engine, jaarExtrapolatieQuery({ jaar: 2017, totMaand: '2017-02' }))).toEqual({
      jaar: 2017, totMaand: '2017-02', maanden: 2, positiefTotNu: 4, extrapolatieJaar: 24, label: 'lineaire extrapolatie',
    });
  });

  it('sums plekken and taakstelling per peildatum with the share of gemeenten without a place', async () => {
    const p = await runMetric(engine, plekkenQuery());
    expect(p.map((r) => [r.peildatum, r.plekken, r.taakstelling, r.gemeenten, r.gemeentenZonderPlek])).toEqual([
      ['2017-12-31', 3, 7, 3, 2],
      ['2018-12-31', 6, 11, 3, 1],
    ]);
    expect(p[0].realisatiePct).toBeCloseTo((100 * 3) / 7, 10);
    expect(p[0].pctGemeentenZonderPlek).toBeCloseTo((100 * 2) / 3, 10);
    expect(p[1].realisatiePct).toBeCloseTo((100 * 6) / 11, 10);
    const stadskanaal = await runMetric(engine, plekkenQuery({ gemeente: ['GM0037'] }));
    expect(stadskanaal.map((r) => [r.peildatum, r.plekken, r.taakstelling, r.realisatiePct])).toEqual([['2017-12-31', 0, 1, 0], ['2018-12-31', 0, 1, 0]]);
    const flevoland = await runMetric(engine, plekkenQuery({ regio: ['AM11'], tot: '2017-12-31' }));
    expect(flevoland.map((r) => [r.peildatum, r.plekken, r.taakstelling, r.realisatiePct, r.pctGemeentenZonderPlek])).toEqual([['2017-12-31', 0, 2, 0, 100]]);
  });

  it('ranks gemeenten by positive adviezen relative to the taakstelling of a year', async () => {
    const r = await runMetric(engine, rangordeQuery({ niveau: 'gemeente', van: '2017-01-01', tot: '2017-12-31', taakstellingJaar: 2018 }));
    // Almere 3 positive / taak 6 = 0,5; Groningen 1 / 4 = 0,25; every other gemeente has no taakstelling.
    expect(r.slice(0, 2).map((x) => [x.rang, x.code, x.naam, x.positief, x.taakstelling, x.verhouding])).toEqual([
      [1, 'GM0034', 'Almere', 3, 6, 0.5], [2, 'GM0014', 'Groningen', 1, 4, 0.25],
    ]);
    expect(r).toHaveLength(GEMEENTEN.length);
    // Stadskanaal: taakstelling 1, no positive advies → 0; every other gemeente has no taakstelling.
    expect([r[2].code, r[2].verhouding]).toEqual(['GM0037', 0]);
    expect(r[3].verhouding).toBeNull();
  });

  it('ranks regions the same way', async () => {
    const r = await runMetric(engine, rangordeQuery({ niveau: 'regio', van: '2017-01-01', tot: '2017-12-31', taakstellingJaar: 2018 }));
    // AM01 = Groningen (1 / 4) + Stadskanaal (0 / 1) = 1 / 5.
    expect(r.slice(0, 2).map((x) => [x.code, x.positief, x.taakstelling, x.verhouding])).toEqual([['AM11', 3, 6, 0.5], ['AM01', 1, 5, 0.2]]);
    expect(r).toHaveLength(35);
  });

  it('refuses bad months, dates, regions and aanvragers with a Dutch message', async () => {
    expect(() => perMaandQuery({ van: '2017-13', tot: '2017-12' })).toThrow(/Ongeldige beginmaand: "2017-13"/);
    expect(() => perMaandQuery({ van: '2017-05', tot: '2017-01' })).toThrow(/is leeg/);
    expect(() => cumulatiefPositiefQuery({ tot: '31-12-2017' })).toThrow(/Ongeldige datum/);
    expect(() => plekkenQuery({ regio: ['XX'] })).toThrow(/Onbekende arbeidsmarktregio/);
    expect(() => periodeTotaalQuery({ van: '2017-01', tot: '2017-02', aanvrager: ['werkgever' as never] })).toThrow(/Onbekende aanvrager/);
  });
});

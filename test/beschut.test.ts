import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import {
  cumulatiefPositiefQuery, jaarExtrapolatieQuery, periodeTotaalQuery, perMaandQuery, plekkenQuery, rangordeQuery,
} from '../src/lib/metrics/beschut.ts';
import { runMetric } from '../src/lib/sql/query.ts';

/**
 * Hand-built adviezen (GM0014 Groningen in AM01, GM0034 Almere in AM11):
 *   1 2017-01-10 GM0014 gemeente positief      5 2017-02-15 GM0034 gemeente positief
 *   2 2017-01-20 GM0014 gemeente negatief      6 2016-12-30 GM0014 gemeente positief
 *   3 2017-01-25 GM0034 burger   positief      7 2017-03-01 GM0014 burger   negatief
 *   4 2017-02-03 GM0034 burger   positief
 * Plekken:  2017-12-31 GM0014 3 (taak 4), GM0034 0 (taak 2);  2018-12-31 GM0014 5 (taak 4), GM0034 1 (taak 6)
 */
const ADVIEZEN: [number, string, string, string, string][] = [
  [1, '2017-01-10', 'GM0014', 'gemeente', 'positief'],
  [2, '2017-01-20', 'GM0014', 'gemeente', 'negatief'],
  [3, '2017-01-25', 'GM0034', 'burger', 'positief'],
  [4, '2017-02-03', 'GM0034', 'burger', 'positief'],
  [5, '2017-02-15', 'GM0034', 'gemeente', 'positief'],
  [6, '2016-12-30', 'GM0014', 'gemeente', 'positief'],
  [7, '2017-03-01', 'GM0014', 'burger', 'negatief'],
];
const PLEKKEN: [string, string, number, number][] = [
  ['GM0014', '2017-12-31', 3, 4],
  ['GM0034', '2017-12-31', 0, 2],
  ['GM0014', '2018-12-31', 5, 4],
  ['GM0034', '2018-12-31', 1, 6],
];

describe('beschut werk metrics on hand-built adviezen and plekken', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await engine.exec('CREATE TABLE beschut_adviezen (advies_id INTEGER, besluitdatum DATE, gemeente_code VARCHAR, aanvrager VARCHAR, uitkomst VARCHAR)');
    for (const r of ADVIEZEN) await engine.exec('INSERT INTO beschut_adviezen VALUES (?, ?::DATE, ?, ?, ?)', r);
    await engine.exec('CREATE TABLE beschut_plekken (gemeente_code VARCHAR, peildatum DATE, plekken INTEGER, taakstelling INTEGER)');
    for (const r of PLEKKEN) await engine.exec('INSERT INTO beschut_plekken VALUES (?, ?::DATE, ?, ?)', r);
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
    expect(p.map((r) => [r.peildatum, r.plekken, r.taakstelling, r.realisatiePct, r.gemeenten, r.gemeentenZonderPlek, r.pctGemeentenZonderPlek])).toEqual([
      ['2017-12-31', 3, 6, 50, 2, 1, 50],
      ['2018-12-31', 6, 10, 60, 2, 0, 0],
    ]);
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
    expect(r[2].verhouding).toBeNull();
  });

  it('ranks regions the same way', async () => {
    const r = await runMetric(engine, rangordeQuery({ niveau: 'regio', van: '2017-01-01', tot: '2017-12-31', taakstellingJaar: 2018 }));
    expect(r.slice(0, 2).map((x) => [x.code, x.positief, x.taakstelling, x.verhouding])).toEqual([['AM11', 3, 6, 0.5], ['AM01', 1, 4, 0.25]]);
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

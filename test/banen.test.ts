import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { banenQuery, extraBanenQuery, groeiQuery, registerQuery, UREN_PER_BAAN } from '../src/lib/metrics/banen.ts';
import { runMetric } from '../src/lib/sql/query.ts';

/**
 * Hand-built panel; 1 baan = 25,5 × 13 = 331,5 verloonde uren in a quarter.
 *
 * 2012Q4 (nulmeting)  p1 Wajong AM01 331,5 markt/regulier
 *                     p2 Wsw    AM01 663   overheid/detachering
 *                     p3 Pw     AM02 niet werkzaam
 *   → 3 personen, 2 werkzaam; banen (331,5 + 663) / 331,5 = 3 (markt 1, overheid 2; regulier 1, inleen 2)
 * 2013Q1              p1 331,5 markt/regulier, p2 331,5 overheid/detachering, p3 165,75 markt/uitzend,
 *                     p4 Wajong AM02 niet werkzaam
 *   → 4 personen, 3 werkzaam; banen 828,75 / 331,5 = 2,5 (markt 1,5, overheid 1; regulier 1, inleen 1,5)
 * 2013Q2              p1 niet werkzaam, p2 663 overheid/regulier, p3 331,5 markt/uitzend (p4 weg)
 *   → 3 personen, 2 werkzaam; banen 994,5 / 331,5 = 3 (markt 1, overheid 2; regulier 2, inleen 1)
 */
type Rij = [id: number, peildatum: string, achtergrond: string, regio: string, uren: number, sector: string | null, dv: string | null];
const PANEEL: Rij[] = [
  [1, '2012-12-31', 'Wajong', 'AM01', 331.5, 'markt', 'regulier'],
  [2, '2012-12-31', 'Wsw', 'AM01', 663, 'overheid', 'detachering'],
  [3, '2012-12-31', 'Participatiewet', 'AM02', 0, null, null],
  [1, '2013-03-31', 'Wajong', 'AM01', 331.5, 'markt', 'regulier'],
  [2, '2013-03-31', 'Wsw', 'AM01', 331.5, 'overheid', 'detachering'],
  [3, '2013-03-31', 'Participatiewet', 'AM02', 165.75, 'markt', 'uitzend'],
  [4, '2013-03-31', 'Wajong', 'AM02', 0, null, null],
  [1, '2013-06-30', 'Wajong', 'AM01', 0, null, null],
  [2, '2013-06-30', 'Wsw', 'AM01', 663, 'overheid', 'regulier'],
  [3, '2013-06-30', 'Participatiewet', 'AM02', 331.5, 'markt', 'uitzend'],
];

describe('banen metrics on a hand-built panel', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await engine.exec(`CREATE TABLE doelgroep_kwartaal (persoon_id INTEGER, peildatum DATE, achtergrond VARCHAR, regio_code VARCHAR,
      gemeente_code VARCHAR, werkzaam BOOLEAN, baan_id INTEGER, sector VARCHAR, dienstverband VARCHAR, contract VARCHAR,
      uren DOUBLE, baan_startdatum DATE)`);
    for (const [id, pd, a, r, uren, sec, dv] of PANEEL) {
      await engine.exec(`INSERT INTO doelgroep_kwartaal VALUES (?, ?::DATE, ?, ?, 'GM0014', ?, ?, ?, ?, ?, ?, ?::DATE)`,
        [id, pd, a, r, uren > 0, uren > 0 ? id : null, sec, dv, uren > 0 ? 'onbepaald' : null, uren, uren > 0 ? '2010-01-01' : null]);
    }
  });
  afterAll(() => engine.close());

  it('uses 25.5 hours a week over 13 weeks for one baan', () => {
    expect(UREN_PER_BAAN).toBe(331.5);
  });

  it('counts persons and werkzamen in the register per quarter', async () => {
    const r = await runMetric(engine, registerQuery());
    expect(r.map((x) => [x.kwartaal, x.peildatum, x.personen, x.werkzaam])).toEqual([
      ['2012Q4', '2012-12-31', 3, 2],
      ['2013Q1', '2013-03-31', 4, 3],
      ['2013Q2', '2013-06-30', 3, 2],
    ]);
    expect(r[1].werkzaamPct).toBeCloseTo(75, 10);
    expect(r[0].werkzaamPct).toBeCloseTo(200 / 3, 10);
  });

  it('splits the register by region', async () => {
    const r = await runMetric(engine, registerQuery({ split: 'regio_code' }));
    expect(r.filter((x) => x.kwartaal === '2013Q1').map((x) => [x.groep, x.personen, x.werkzaam])).toEqual([['AM01', 2, 2], ['AM02', 2, 1]]);
  });

  it('turns verloonde uren into banen per quarter', async () => {
    const b = await runMetric(engine, banenQuery());
    expect(b.map((x) => [x.kwartaal, x.banen, x.werkzamen])).toEqual([['2012Q4', 3, 2], ['2013Q1', 2.5, 3], ['2013Q2', 3, 2]]);
  });

  it('splits banen by sector, by inleen and by both', async () => {
    const sector = await runMetric(engine, banenQuery({ split: 'sector' }));
    expect(sector.filter((x) => x.kwartaal === '2013Q1').map((x) => [x.groep, x.banen])).toEqual([['markt', 1.5], ['overheid', 1]]);
    const inleen = await runMetric(engine, banenQuery({ split: 'inleen' }));
    // uitzend and detachering together are inleen.
    expect(inleen.filter((x) => x.kwartaal === '2013Q1').map((x) => [x.groep, x.banen])).toEqual([['inleen', 1.5], ['regulier', 1]]);
    const beide = await runMetric(engine, banenQuery({ split: 'sector_inleen' }));
    expect(beide.filter((x) => x.kwartaal === '2013Q1').map((x) => [x.groep, x.banen])).toEqual([
      ['markt inleen', 0.5], ['markt regulier', 1], ['overheid inleen', 1],
    ]);
  });

  it('splits by dienstverband and region, and filters by quarter range', async () => {
    const dv = await runMetric(engine, banenQuery({ split: 'dienstverband', van: '2013Q2', tot: '2013Q2' }));
    expect(dv.map((x) => [x.kwartaal, x.groep, x.banen])).toEqual([['2013Q2', 'regulier', 2], ['2013Q2', 'uitzend', 1]]);
    const regio = await runMetric(engine, banenQuery({ split: 'regio_code', regio: ['AM02'] }));
    expect(regio.map((x) => [x.kwartaal, x.groep, x.banen])).toEqual([['2013Q1', 'AM02', 0.5], ['2013Q2', 'AM02', 1]]);
  });

  it('computes extra banen against the first quarter as nulmeting', async () => {
    const e = await runMetric(engine, extraBanenQuery());
    expect(e.map((x) => [x.kwartaal, x.nulmeting, x.banenNulmeting, x.extraBanen])).toEqual([
      ['2012Q4', '2012Q4', 3, 0], ['2013Q1', '2012Q4', 3, -0.5], ['2013Q2', '2012Q4', 3, 0],
    ]);
  });

  it('computes extra banen per group against the nulmeting of that group (0 when the group had no banen)', async () => {
    const e = await runMetric(engine, extraBanenQuery({ split: 'sector_inleen', nulmeting: '2012Q4', van: '2013Q2' }));
    // 2013Q2: markt inleen 1 − 0, overheid regulier 2 − 0; only groups with banen in 2013Q2 appear.
    expect(e.map((x) => [x.groep, x.banenNulmeting, x.extraBanen])).toEqual([['markt inleen', 0, 1], ['overheid regulier', 0, 2]]);
  });

  it('computes growth between two quarters, absolute and in percent', async () => {
    const g = await runMetric(engine, groeiQuery({ van: '2012Q4', tot: '2013Q1' }));
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ groep: 'totaal', van: '2012Q4', tot: '2013Q1', banenVan: 3, banenTot: 2.5, groei: -0.5 });
    expect(g[0].groeiPct).toBeCloseTo((-0.5 / 3) * 100, 10);
    const s = await runMetric(engine, groeiQuery({ van: '2012Q4', tot: '2013Q2', split: 'sector' }));
    expect(s.map((x) => [x.groep, x.banenVan, x.banenTot, x.groei, x.groeiPct])).toEqual([['markt', 1, 1, 0, 0], ['overheid', 2, 2, 0, 0]]);
  });

  it('has no growth percentage for a group without banen at the start', async () => {
    const g = await runMetric(engine, groeiQuery({ van: '2012Q4', tot: '2013Q1', regio: ['AM02'] }));
    expect(g).toEqual([{ groep: 'totaal', van: '2012Q4', tot: '2013Q1', banenVan: 0, banenTot: 0.5, groei: 0.5, groeiPct: null }]);
  });

  it('refuses unknown regions, quarters and splits with a Dutch message', async () => {
    expect(() => banenQuery({ regio: ['AM99'] })).toThrow(/Onbekende arbeidsmarktregio: "AM99"/);
    expect(() => banenQuery({ van: '2013-03' as never })).toThrow(/Ongeldig beginkwartaal/);
    expect(() => banenQuery({ split: 'gemeente' as never })).toThrow(/Onbekende splitsing/);
    expect(() => registerQuery({ split: 'sector' as never })).toThrow(/splitsing voor het register/);
  });
});

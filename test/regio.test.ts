import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../src/lib/engine/rows.ts';
import { kwartaalToIndex } from '../src/lib/kwartaal.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import {
  beschikbareKwartalenQuery, regioDuurzaamQuery, regioOverzichtQuery, regioReeksenQuery, type RegioOverzicht,
} from '../src/lib/metrics/regio.ts';
import { aandeelTabel, regioFunnel } from '../src/lib/metrics/regio-aandeel.ts';
import { geindexeerdeReeksen } from '../src/lib/metrics/regio-index.ts';
import { indicatorTabel, regioProfiel } from '../src/lib/metrics/regio-indicatoren.ts';
import { UREN_PER_BAAN } from '../src/lib/metrics/regio-sommen.ts';
import { startniveauVersusGroei } from '../src/lib/metrics/regio-startniveau.ts';
import { Coordinator } from '../src/lib/query/Coordinator.ts';
import { runMetric } from '../src/lib/sql/query.ts';

/**
 * Hand-built panel (1 baan = 25,5 × 13 = 331,5 uren per kwartaal).
 *
 * 2015Q4  AM01: p1 331,5 markt/regulier, p2 331,5 overheid/uitzend, p3 niet werkzaam
 *               → 663 uren = 2 banen; 3 personen, 2 werkzaam
 *         AM02: p4 663 markt/detachering, p5 niet werkzaam → 2 banen; 2 personen, 1 werkzaam
 *         AM03: p6 165,75 markt/regulier → 0,5 baan; 1 persoon, 1 werkzaam
 *         landelijk: 4,5 banen; 6 personen, 4 werkzaam
 * 2016Q4  AM01: p1 331,5 markt/regulier, p2 en p3 niet werkzaam → 1 baan; 3 personen, 1 werkzaam
 *         AM02: p4 663, p5 niet → 2 banen; AM03: p6 165,75 → 0,5 baan
 *         landelijk: 3,5 banen
 * 2017Q4  AM01: p1 331,5 markt/regulier, p2 331,5 overheid/uitzend, p3 331,5 markt/regulier,
 *               p7 nieuw, niet werkzaam → 3 banen (markt 2, overheid 1; regulier 2, uitzend 1);
 *               4 personen, 3 werkzaam
 *         AM02: p4 663 markt/detachering, p5 994,5 markt/regulier → 5 banen; 2 personen, 2 werkzaam
 *         AM03: p6 niet werkzaam → 0 banen; 1 persoon, 0 werkzaam
 *         landelijk: 8 banen; 7 personen, 5 werkzaam
 */
type Rij = [id: number, peildatum: string, regio: string | null, uren: number, sector: string | null, dienstverband: string | null];
const PANEEL: Rij[] = [
  [1, '2015-12-31', 'AM01', 331.5, 'markt', 'regulier'],
  [2, '2015-12-31', 'AM01', 331.5, 'overheid', 'uitzend'],
  [3, '2015-12-31', 'AM01', 0, null, null],
  [4, '2015-12-31', 'AM02', 663, 'markt', 'detachering'],
  [5, '2015-12-31', 'AM02', 0, null, null],
  [6, '2015-12-31', 'AM03', 165.75, 'markt', 'regulier'],
  [1, '2016-12-31', 'AM01', 331.5, 'markt', 'regulier'],
  [2, '2016-12-31', 'AM01', 0, null, null],
  [3, '2016-12-31', 'AM01', 0, null, null],
  [4, '2016-12-31', 'AM02', 663, 'markt', 'detachering'],
  [5, '2016-12-31', 'AM02', 0, null, null],
  [6, '2016-12-31', 'AM03', 165.75, 'markt', 'regulier'],
  [1, '2017-12-31', 'AM01', 331.5, 'markt', 'regulier'],
  [2, '2017-12-31', 'AM01', 331.5, 'overheid', 'uitzend'],
  [3, '2017-12-31', 'AM01', 331.5, 'markt', 'regulier'],
  [7, '2017-12-31', 'AM01', 0, null, null],
  [4, '2017-12-31', 'AM02', 663, 'markt', 'detachering'],
  [5, '2017-12-31', 'AM02', 994.5, 'markt', 'regulier'],
  [6, '2017-12-31', 'AM03', 0, null, null],
];

async function paneel(rijen: Rij[]): Promise<NodeEngine> {
  const engine = await NodeEngine.create();
  await engine.exec(`CREATE TABLE doelgroep_kwartaal (
    persoon_id BIGINT, peildatum DATE, achtergrond VARCHAR, regio_code VARCHAR, gemeente_code VARCHAR,
    werkzaam BOOLEAN, baan_id BIGINT, sector VARCHAR, dienstverband VARCHAR, contract VARCHAR,
    uren DOUBLE, baan_startdatum DATE)`);
  for (const [id, peildatum, regio, uren, sector, dienstverband] of rijen) {
    await engine.exec(
      `INSERT INTO doelgroep_kwartaal VALUES (?, CAST(? AS DATE), 'Wajong', ?, 'GM0014', ?, ?, ?, ?, ?, ?, NULL)`,
      [id, peildatum, regio, uren > 0, uren > 0 ? id * 10 : null, sector, dienstverband, uren > 0 ? 'onbepaald' : null, uren],
    );
  }
  return engine;
}

const regio = (o: RegioOverzicht, code: string) => o.regios.find((r) => r.regio_code === code)!;

describe('regio-metrieken op een handgemaakt paneel', () => {
  let engine: NodeEngine;
  let overzicht: RegioOverzicht;

  beforeAll(async () => {
    engine = await paneel(PANEEL);
    overzicht = await runMetric(engine, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
  });
  afterAll(() => engine.close());

  it('converts uren to banen at 331,5 uren per kwartaal', () => {
    expect(UREN_PER_BAAN).toBe(331.5);
  });

  it('builds the pre-aggregation as its setup: a regular table of region × quarter sums', async () => {
    const q = regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' });
    // The overview reads only the small table; the panel is read by the setup statement alone.
    expect(q.sql).not.toContain('doelgroep_kwartaal');
    expect(q.setup?.map((s) => s.name)).toEqual(['agg_regio_kwartaal']);
    expect(q.setup?.[0].sql).toContain('FROM doelgroep_kwartaal');
    const agg = toRows<Record<string, unknown>>(await engine.query('SELECT * FROM agg_regio_kwartaal'));
    // One row per region × quarter: 3 regions × 3 quarters = 9.
    expect(agg).toHaveLength(9);
    const cel = agg.find((r) => r.regio_code === 'AM01' && r.kw === kwartaalToIndex('2017Q4'))!;
    // p1, p2, p3, p7: 4 personen, 3 werkzaam, 994,5 uren = 3 banen; markt p1+p3 = 663, overheid p2 = 331,5
    expect(cel).toMatchObject({ personen: 4, werkzaam: 3, uren: 994.5, uren_markt: 663, uren_overheid: 331.5, uren_uitzend: 331.5 });
    const [t] = toRows<{ temporary: boolean }>(await engine.query(`SELECT temporary FROM duckdb_tables() WHERE table_name = 'agg_regio_kwartaal'`));
    // Not TEMP: the browser engine gives each slot its own connection, and temp tables are per connection.
    expect(t.temporary).toBe(false);
  });

  it('runs the setup once per data version through the coordinator; a period seen before sends no query', async () => {
    const gestuurd: string[] = [];
    const c = new Coordinator({ send: (sql) => (gestuurd.push(sql), engine.query(sql)) });
    c.setCatalog([{ extract: 'doelgroep_kwartaal', soort: 'demo', bestand: 'x.parquet', bron: 'demo', synthetisch: true, peildatumVan: null, peildatumTot: null, schemaVersie: 1, geladenOp: '', versie: 1 }]);
    const client = {};
    await c.request(client, beschikbareKwartalenQuery());
    const a = await c.request(client, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
    await c.request(client, regioOverzichtQuery({ basis: '2016Q4', eind: '2017Q4' }));
    const terug = await c.request(client, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
    expect(gestuurd.filter((s) => s.startsWith('CREATE OR REPLACE TABLE agg_regio_kwartaal'))).toHaveLength(1);
    expect(c.stats).toMatchObject({ sent: 3, cacheHits: 1 });
    expect(terug.data).toBe(a.data);
    // A new version of the panel: the table is built again before the next question.
    c.setCatalog([{ extract: 'doelgroep_kwartaal', soort: 'eigen', bestand: 'eigen.parquet', bron: 'eigen bestand eigen.parquet', synthetisch: false, peildatumVan: null, peildatumTot: null, schemaVersie: 1, geladenOp: '', versie: 2 }]);
    const nieuw = await c.request(client, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
    expect(gestuurd.filter((s) => s.startsWith('CREATE OR REPLACE TABLE agg_regio_kwartaal'))).toHaveLength(2);
    expect(nieuw.herkomst.extracts.map((e) => e.bestand)).toEqual(['eigen.parquet']);
    expect(nieuw.data.landelijk.eind.banen).toBe(8);
  });

  it('lists the quarters present', async () => {
    expect(await runMetric(engine, beschikbareKwartalenQuery())).toEqual(['2015Q4', '2016Q4', '2017Q4']);
  });

  it('gives werkzaam na 1 jaar per region for the cohort a year before the end quarter, none outside the data', async () => {
    const kwartalen = await runMetric(engine, beschikbareKwartalenQuery());
    // Cohort 2016Q4 (werkzaam then): p1 AM01, p4 AM02, p6 AM03; in 2017Q4 p1 and p4 still work, p6 not.
    // With the base quarter's counts per region (for its disclosure table): AM01 p1–p3, AM02 p4–p5, AM03 p6.
    const q = regioDuurzaamQuery('2017Q4', kwartalen)!;
    expect(await runMetric(engine, q)).toEqual({
      eind: '2017Q4',
      rijen: [
        { regio_code: 'AM01', n: 1, k: 1 },
        { regio_code: 'AM02', n: 1, k: 1 },
        { regio_code: 'AM03', n: 1, k: 0 },
      ],
      basisKwartaal: [
        { regio_code: 'AM01', personen: 3, werkzaam: 1 },
        { regio_code: 'AM02', personen: 2, werkzaam: 1 },
        { regio_code: 'AM03', personen: 1, werkzaam: 1 },
      ],
    });
    // Base 2015Q1 lies before the data, 2018Q4 after it: nothing to ask.
    expect(regioDuurzaamQuery('2016Q1', kwartalen)).toBeNull();
    expect(regioDuurzaamQuery('2018Q4', kwartalen)).toBeNull();
    expect(regioDuurzaamQuery('2017Q4', [])).toBeNull();
  });

  it('counts banen, register and werkzaam per region at base and end', () => {
    const a = regio(overzicht, 'AM01');
    // 2 personen × 331,5 uren = 663 uren → 663 / 331,5 = 2 banen
    expect(a.basis.banen).toBe(2);
    expect([a.basis.personen, a.basis.werkzaam]).toEqual([3, 2]);
    expect(a.basis.aandeel_werkzaam).toBeCloseTo(2 / 3, 12);
    expect(a.eind.banen).toBe(3);
    expect([a.eind.personen, a.eind.werkzaam, a.eind.aandeel_werkzaam]).toEqual([4, 3, 0.75]);
    // 3 banen / 4 personen × 1000 = 750
    expect(a.eind.banen_per_1000).toBe(750);
    expect(regio(overzicht, 'AM02').eind.banen).toBe(5);
    expect(regio(overzicht, 'AM03').basis.banen).toBe(0.5);
    expect(regio(overzicht, 'AM03').eind.aandeel_werkzaam).toBe(0);
  });

  it('splits banen by sector and dienstverband, adding up to the total', () => {
    const a = regio(overzicht, 'AM01').eind;
    expect([a.banen_markt, a.banen_overheid, a.banen_sector_onbekend]).toEqual([2, 1, 0]);
    expect([a.banen_regulier, a.banen_uitzend, a.banen_detachering, a.banen_dienstverband_onbekend]).toEqual([2, 1, 0, 0]);
    const b = regio(overzicht, 'AM02').eind;
    // p4 663 detachering = 2, p5 994,5 regulier = 3; beide markt
    expect([b.banen_markt, b.banen_overheid]).toEqual([5, 0]);
    expect([b.banen_regulier, b.banen_uitzend, b.banen_detachering]).toEqual([3, 0, 2]);
  });

  it('computes growth in banen, absolute and relative', () => {
    // AM01 2 → 3: +1 (+50%); AM02 2 → 5: +3 (+150%); AM03 0,5 → 0: −0,5 (−100%)
    expect([regio(overzicht, 'AM01').groei_banen, regio(overzicht, 'AM01').groei_banen_rel]).toEqual([1, 0.5]);
    expect([regio(overzicht, 'AM02').groei_banen, regio(overzicht, 'AM02').groei_banen_rel]).toEqual([3, 1.5]);
    expect([regio(overzicht, 'AM03').groei_banen, regio(overzicht, 'AM03').groei_banen_rel]).toEqual([-0.5, -1]);
  });

  it('sums regions into the national figures', () => {
    const l = overzicht.landelijk;
    // 4,5 → 8 banen: +3,5 (+77,78%); 6 → 7 personen; 4 → 5 werkzaam
    expect([l.basis.banen, l.eind.banen, l.groei_banen]).toEqual([4.5, 8, 3.5]);
    expect(l.groei_banen_rel).toBeCloseTo(3.5 / 4.5, 12);
    expect([l.basis.personen, l.eind.personen, l.basis.werkzaam, l.eind.werkzaam]).toEqual([6, 7, 4, 5]);
  });

  it("gives each region's share of national growth, adding up to 100%", () => {
    // +1/3,5 = 28,57%; +3/3,5 = 85,71%; −0,5/3,5 = −14,29%
    expect(regio(overzicht, 'AM01').aandeel_landelijke_groei).toBeCloseTo(0.285714, 6);
    expect(regio(overzicht, 'AM02').aandeel_landelijke_groei).toBeCloseTo(0.857143, 6);
    expect(regio(overzicht, 'AM03').aandeel_landelijke_groei).toBeCloseTo(-0.142857, 6);
    const som = overzicht.regios.reduce((a, r) => a + r.aandeel_landelijke_groei!, 0);
    expect(som).toBeCloseTo(1, 12);
  });

  it('ranks regions for an indicator with the national value beside it', () => {
    const t = indicatorTabel(overzicht, 'groei_banen_rel');
    expect(t.rijen.map((r) => [r.regio_code, r.waarde, r.rang])).toEqual([
      ['AM02', 1.5, 1],
      ['AM01', 0.5, 2],
      ['AM03', -1, 3],
    ]);
    expect(t.landelijk).toBeCloseTo(0.777778, 6);
    expect(t.rijen[0].regio_naam).toBe('Friesland');
  });

  it('shares ranks when regions tie', () => {
    // werkzaam in 2015Q4 → eind = 2015Q4: AM01 2, AM02 1, AM03 1 → rangen 1, 2, 2
    return runMetric(engine, regioOverzichtQuery({ basis: '2015Q4', eind: '2015Q4' })).then((o) => {
      const t = indicatorTabel(o, 'werkzaam');
      expect(t.rijen.map((r) => [r.regio_code, r.rang, r.gedeeld])).toEqual([
        ['AM01', 1, false],
        ['AM02', 2, true],
        ['AM03', 2, true],
      ]);
      // No growth between a quarter and itself: national growth 0 → no shares.
      expect(o.landelijk.aandeel_landelijke_groei).toBeNull();
    });
  });

  it("builds a region profile with its rank among the regions for each indicator", () => {
    const p = regioProfiel(overzicht, 'AM01')!;
    expect(p.regio_naam).toBe('Groningen');
    const pos = Object.fromEntries(p.posities.map((x) => [x.indicator, x]));
    // banen eind: AM02 5, AM01 3, AM03 0 → AM01 2e van 3; landelijk 8
    expect(pos.banen).toMatchObject({ waarde: 3, rang: 2, van: 3, landelijk: 8 });
    // personen eind: AM01 4, AM02 2, AM03 1 → 1e
    expect(pos.personen).toMatchObject({ waarde: 4, rang: 1 });
    // banen_overheid: AM01 1, AM02 0, AM03 0 → 1e
    expect(pos.banen_overheid).toMatchObject({ waarde: 1, rang: 1 });
    expect(regioProfiel(overzicht, 'AM05')).toBeNull();
  });

  it('relates start level to growth with a fitted line and r', () => {
    // x = aandeel werkzaam 2015Q4: AM01 2/3, AM02 1/2, AM03 1; y = groei: 0,5; 1,5; −1
    // x̄ = 13/18, ȳ = 1/3; dx = −1/18, −4/18, 5/18; dy = 1/6, 7/6, −8/6
    // Sxy = (−1 − 28 − 40)/108 = −69/108; Sxx = 42/324; Syy = 114/36
    // helling = −207/42 = −4,928571; intercept = 1/3 + 4,928571·13/18 = 3,892857
    // r = (−69/108)/√(42/324 · 114/36) = −0,997176
    const s = startniveauVersusGroei(overzicht, 'aandeel_werkzaam');
    expect(s.n).toBe(3);
    expect(s.fit!.helling).toBeCloseTo(-4.928571, 6);
    expect(s.fit!.intercept).toBeCloseTo(3.892857, 6);
    expect(s.r).toBeCloseTo(-0.997176, 6);
    expect(s.landelijk.x).toBeCloseTo(4 / 6, 12);
  });

  it('indexes region and national series to the base quarter', async () => {
    const reeksen = await runMetric(engine, regioReeksenQuery({ van: '2015Q4', tot: '2017Q4', regios: ['AM01'] }));
    expect(reeksen.regios.map((r) => r.regio_code)).toEqual(['AM01']);
    const [nl, am01] = geindexeerdeReeksen(reeksen, 'banen', '2015Q4');
    // landelijk 4,5 → 3,5 → 8: 100; 77,78; 177,78.  AM01 2 → 1 → 3: 100; 50; 150
    expect(nl.landelijk).toBe(true);
    expect(nl.punten.map((p) => p.kwartaal)).toEqual(['2015Q4', '2016Q4', '2017Q4']);
    expect(nl.punten[0].index).toBe(100);
    expect(nl.punten[1].index).toBeCloseTo(77.7778, 4);
    expect(nl.punten[2].index).toBeCloseTo(177.7778, 4);
    expect(am01.punten.map((p) => p.index)).toEqual([100, 50, 150]);
  });

  it('returns every region when no regions are chosen, and none but national for an empty choice', async () => {
    const alle = await runMetric(engine, regioReeksenQuery({ van: '2016Q4', tot: '2016Q4' }));
    expect(alle.regios.map((r) => [r.regio_code, r.punten[0].banen])).toEqual([
      ['AM01', 1],
      ['AM02', 2],
      ['AM03', 0.5],
    ]);
    const geen = await runMetric(engine, regioReeksenQuery({ van: '2016Q4', tot: '2016Q4', regios: [] }));
    expect(geen.regios).toEqual([]);
    expect(geen.landelijk.punten[0].banen).toBe(3.5);
  });

  it('refuses malformed quarters with a Dutch message', async () => {
    expect(() => regioOverzichtQuery({ basis: '2015-4', eind: '2017Q4' })).toThrow(/Ongeldig basiskwartaal "2015-4"/);
    expect(() => regioReeksenQuery({ van: '2017Q4', tot: '2015Q4' })).toThrow(/ligt na/);
  });

  it('refuses an unknown indicator', () => {
    expect(() => indicatorTabel(overzicht, 'drop table' as never)).toThrow(/Onbekende indicator/);
  });
});

describe('onbekende regiocodes en sectoren worden niet weggelaten', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await paneel([
      [1, '2020-03-31', 'AM01', 331.5, 'markt', 'regulier'],
      // Code outside the 35, and a werkzaam person without sector/dienstverband.
      [2, '2020-03-31', 'AM99', 663, null, null],
      [3, '2020-03-31', 'AM99', 331.5, 'overheid', 'onbekend'],
    ]);
  });
  afterAll(() => engine.close());

  it('keeps an unknown code as its own row and in the national total', async () => {
    const o = await runMetric(engine, regioOverzichtQuery({ basis: '2020Q1', eind: '2020Q1' }));
    expect(o.regios.map((r) => [r.regio_code, r.regio_naam, r.eind.banen])).toEqual([
      ['AM01', 'Groningen', 1],
      ['AM99', null, 3],
    ]);
    expect(o.onbekendeCodes).toEqual(['AM99']);
    expect(o.landelijk.eind.banen).toBe(4);
  });

  it('books uren without a known sector or dienstverband as onbekend, so splits add up', async () => {
    const o = await runMetric(engine, regioOverzichtQuery({ basis: '2020Q1', eind: '2020Q1' }));
    const e = o.regios[1].eind;
    // p2 663 uren zonder sector = 2 banen; p3 331,5 overheid met dienstverband 'onbekend' = 1 baan
    expect([e.banen_markt, e.banen_overheid, e.banen_sector_onbekend]).toEqual([0, 1, 2]);
    expect([e.banen_regulier, e.banen_uitzend, e.banen_detachering, e.banen_dienstverband_onbekend]).toEqual([0, 0, 0, 3]);
  });
});

describe('het overzicht houdt elke regiocode, ook als die maar in één kwartaal voorkomt', () => {
  /**
   * 2015Q4: AM01 p1 331,5 (markt, regulier) + p2 165,75 (overheid, uitzend); NULL region p3 100
   *         (no sector, detachering); AM99 p4 not working.
   * 2016Q4: AM01 p1 331,5.
   * 2017Q4: AM01 p1 663, p2 not working; AM02 p5 200 (markt, no dienstverband); NULL region p3 50.
   */
  let engine: NodeEngine;
  let o: RegioOverzicht;
  beforeAll(async () => {
    engine = await paneel([
      [1, '2015-12-31', 'AM01', 331.5, 'markt', 'regulier'],
      [2, '2015-12-31', 'AM01', 165.75, 'overheid', 'uitzend'],
      [3, '2015-12-31', null, 100, null, 'detachering'],
      [4, '2015-12-31', 'AM99', 0, null, null],
      [1, '2016-12-31', 'AM01', 331.5, 'markt', 'regulier'],
      [1, '2017-12-31', 'AM01', 663, 'markt', 'regulier'],
      [2, '2017-12-31', 'AM01', 0, null, null],
      [5, '2017-12-31', 'AM02', 200, 'markt', null],
      [3, '2017-12-31', null, 50, null, 'detachering'],
    ]);
    o = await runMetric(engine, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
  });
  afterAll(() => engine.close());

  it('orders the regions by code with the empty code last, and names the unknown ones', () => {
    expect(o.regios.map((r) => r.regio_code)).toEqual(['AM01', 'AM02', 'AM99', null]);
    expect(o.onbekendeCodes).toEqual(['AM99', null]);
  });

  it('counts a region without rows in a quarter as zero there', () => {
    const [am01, am02, am99, leeg] = o.regios;
    // AM01: 497,25 uren = 1,5 banen → 663 uren = 2 banen: +0,5 (+33,3%)
    expect([am01.basis.banen, am01.eind.banen, am01.groei_banen]).toEqual([1.5, 2, 0.5]);
    expect(am01.groei_banen_rel).toBeCloseTo(1 / 3, 12);
    // AM02 only at the end: 200 uren, no dienstverband; no growth rate without a base.
    expect([am02.basis.banen, am02.eind.uren, am02.eind.uren_dienstverband_onbekend]).toEqual([0, 200, 200]);
    expect(am02.groei_banen_rel).toBeNull();
    // AM99 only at the base, one person not working; nobody at the end → no share.
    expect([am99.basis.personen, am99.basis.aandeel_werkzaam, am99.eind.personen, am99.eind.aandeel_werkzaam]).toEqual([1, 0, 0, null]);
    // Empty code: 100 uren without sector at the base, 50 uren detachering at the end.
    expect([leeg.basis.uren_sector_onbekend, leeg.eind.uren_detachering]).toEqual([100, 50]);
  });

  it('adds every code to the national figures', () => {
    // base 331,5 + 165,75 + 100 = 597,25 uren; end 663 + 200 + 50 = 913 uren
    expect([o.landelijk.basis.uren, o.landelijk.eind.uren]).toEqual([597.25, 913]);
    expect(o.landelijk.groei_banen).toBeCloseTo((913 - 597.25) / 331.5, 12);
    expect([o.landelijk.basis.personen, o.landelijk.eind.personen]).toEqual([4, 4]);
  });
});

describe('aandeel per regio als kaarttabel', () => {
  it('ranks rates and gives the national rate from the summed counts', () => {
    // AM01 45/50 = 0,9; AM02 60/80 = 0,75; AM03 9/10 = 0,9 → rang 1, 1, 3; landelijk 114/140 = 0,814286
    const t = aandeelTabel(
      [
        { regio_code: 'AM01', n: 50, k: 45 },
        { regio_code: 'AM02', n: 80, k: 60 },
        { regio_code: 'AM03', n: 10, k: 9 },
      ],
      'Werkzaam na een jaar',
    );
    expect(t.rijen.map((r) => [r.regio_code, r.waarde, r.rang, r.personen])).toEqual([
      ['AM01', 0.9, 1, 50],
      ['AM03', 0.9, 1, 10],
      ['AM02', 0.75, 3, 80],
    ]);
    expect(t.landelijk).toBeCloseTo(0.814286, 6);
  });
});

describe('funnel per regio', () => {
  it('flags regions against the national rate with their own n', () => {
    // Σn = 2050, Σk = 1722 → p0 = 0,84 (zie stats.test.ts voor de grenzen)
    const f = regioFunnel([
      { regio_code: 'AM01', n: 100, k: 70 },
      { regio_code: 'AM02', n: 900, k: 800 },
      { regio_code: 'AM03', n: 1000, k: 810 },
      { regio_code: 'AM05', n: 50, k: 42 },
    ]);
    expect(f.p0).toBeCloseTo(0.84, 12);
    expect(f.punten.map((p) => [p.regio_naam, p.oordeel95, p.oordeel998])).toEqual([
      ['Groningen', 'onder', 'onder'],
      ['Friesland', 'boven', 'boven'],
      ['Drenthe', 'onder', 'binnen'],
      ['Twente', 'binnen', 'binnen'],
    ]);
  });
});

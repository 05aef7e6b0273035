/**
 * `npm run compute`: the voorberekende tabellen equal what the page's own queries compute on the
 * microdata (hand-built panel with small cells, and the demo data), small cells are written empty
 * and marked, the manifest is what the site accepts, and the site's reading path (hyparquet →
 * create statement) gives the page the same numbers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { toRows } from '../src/lib/engine/rows.ts';
import { banenQuery, type BanenRij } from '../src/lib/metrics/banen.ts';
import { cumulatiefQuery, gemeentenQuery, landelijkQuery, perGemeenteQuery, regioQuery, spreidingPerJaarQuery } from '../src/lib/metrics/buig.ts';
import { beschikbareKwartalenQuery, regioDuurzaamQuery, regioOverzichtQuery, regioReeksenQuery } from '../src/lib/metrics/regio.ts';
import { literal } from '../src/lib/sql/quote.ts';
import { runMetric, type MetricQuery } from '../src/lib/sql/query.ts';
import { compute } from '../src/lib/voorberekend/bereken.ts';
import { leesVoorberekend } from '../src/lib/voorberekend/laden.ts';
import { leesMap, opVoorberekend } from './voorberekend-hulp.ts';
import { parseVoorberekendManifest, type VoorberekendManifest } from '../src/lib/voorberekend/manifest.ts';
import { NIET_VOORBEREKEND, voorberekendeSetup } from '../src/lib/voorberekend/setup.ts';
import { banenTegel } from '../src/pages/overzicht/banen.ts';
import { duurzaamheidTegel, duurzaamheidTrendQuery, tegelBereikQuery } from '../src/pages/overzicht/duurzaamheid.ts';
import { leesGepubliceerdeDuurzaamheid } from '../src/lib/published/duurzaamheid.ts';

const tmp = mkdtempSync(join(tmpdir(), 'pm-compute-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Floats summed in another order may differ in the last bits; everything else must be equal. */
function rond(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6;
  if (Array.isArray(v)) return v.map(rond);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rond(x)]));
  return v;
}

describe('compute on a hand-built panel with small cells', () => {
  // 2020Q1 and 2020Q2 (kw 8080, 8081):
  //   AM01: 20 persons, all werkzaam, 100 uren markt/regulier each → written (2.000 uren)
  //   AM02 2020Q1: 5 persons → small (personen < 10)
  //   AM02 2020Q2: 15 persons, 12 × 50 uren markt, 3 × 40 uren overheid → small (overheid from 3 persons)
  //   AM03: 30 persons, 20 werkzaam with 10 uren markt/uitzend, 10 without work → written
  //   Each quarter has one small cell, so its smallest other cell (AM01, 20 persons) goes too:
  //   national minus the written AM03 then gives AM01 + AM02 = 25, not AM02.
  const map = join(tmp, 'klein');
  const uit = join(tmp, 'klein-uit');
  let manifest: VoorberekendManifest;
  let micro: NodeEngine;

  beforeAll(async () => {
    micro = await NodeEngine.create();
    const rij = (id: string, datum: string, regio: string, werkzaam: string, uren: string, sector: string, dv: string) =>
      `SELECT ${id} AS persoon_id, DATE ${literal(datum)} AS peildatum, ${literal(regio)} AS regio_code, ${werkzaam} AS werkzaam,
        CAST(${uren} AS DOUBLE) AS uren, ${sector} AS sector, ${dv} AS dienstverband, 'Wajong' AS achtergrond`;
    const delen = ['2020-03-31', '2020-06-30'].flatMap((d) => [
      `${rij('i', d, 'AM01', 'true', '100', "'markt'", "'regulier'")} FROM range(1, 21) t(i)`,
      `${rij('i', d, 'AM03', 'i <= 220', 'CASE WHEN i <= 220 THEN 10 ELSE 0 END', "CASE WHEN i <= 220 THEN 'markt' END", "CASE WHEN i <= 220 THEN 'uitzend' END")} FROM range(201, 231) t(i)`,
    ]);
    delen.push(`${rij('i', '2020-03-31', 'AM02', 'true', '50', "'markt'", "'regulier'")} FROM range(101, 106) t(i)`);
    delen.push(`${rij('i', '2020-06-30', 'AM02', 'true', 'CASE WHEN i <= 112 THEN 50 ELSE 40 END', "CASE WHEN i <= 112 THEN 'markt' ELSE 'overheid' END", "'regulier'")} FROM range(101, 116) t(i)`);
    await micro.exec(`CREATE TABLE doelgroep_kwartaal AS ${delen.join('\nUNION ALL\n')}`);
    mkdirSync(map, { recursive: true });
    await micro.exec(`COPY doelgroep_kwartaal TO ${literal(join(map, 'doelgroep_kwartaal.parquet'))} (FORMAT parquet)`);
    manifest = await compute(map, { uit });
  });
  afterAll(() => micro.close());

  it('writes small cells empty and marked, the rest as computed', async () => {
    expect(manifest.source).toBe('eigen extract doelgroep_kwartaal.parquet');
    expect(manifest.synthetic).toBe(false);
    expect([manifest.peildatumVan, manifest.peildatumTot]).toEqual(['2020-03-31', '2020-06-30']);
    // Two quarters: no base quarter has its outcome a year later, so the cohort table is empty.
    expect(manifest.tables.map((t) => [t.name, t.rows, t.suppressedCells])).toEqual([
      ['agg_regio_kwartaal', 6, 4], ['agg_regio_cohort', 0, 0], ['agg_banen_kwartaal', 2, 0], ['agg_duurzaamheid_tegel', 0, 0],
    ]);
    const e = await NodeEngine.create();
    const rijen = toRows<Record<string, unknown>>(await e.query(
      `SELECT regio_code, kw, personen, werkzaam, uren, uren_markt, uren_overheid, uren_uitzend, onderdrukt FROM read_parquet(${literal(join(uit, 'agg_regio_kwartaal.parquet'))})`,
    ));
    await e.close();
    expect(rijen.map((r) => Object.values(r))).toEqual([
      ['AM01', 8080, null, null, null, null, null, null, true],
      ['AM01', 8081, null, null, null, null, null, null, true],
      ['AM02', 8080, null, null, null, null, null, null, true],
      ['AM02', 8081, null, null, null, null, null, null, true],
      ['AM03', 8080, 30, 20, 200, 200, 0, 200, false],
      ['AM03', 8081, 30, 20, 200, 200, 0, 200, false],
    ]);
  });

  it('is read by the site: the Regio\'s page shows its suppressed cells as hidden (test/voorberekend-regios.test.ts)', async () => {
    const { tabellen } = await leesMap(uit);
    expect([...tabellen.keys()]).toEqual(['agg_regio_kwartaal', 'agg_regio_cohort', 'agg_banen_kwartaal', 'agg_duurzaamheid_tegel']);
  });

  it('refuses a changed file and an unknown table', async () => {
    const m = JSON.parse(readFileSync(join(uit, 'manifest.json'), 'utf8'));
    expect(() => parseVoorberekendManifest({ ...m, tables: [{ ...m.tables[0], name: 'doelgroep_kwartaal' }] })).toThrow(/onbekende tabel/);
    const kapot = leesVoorberekend(async (naam) => {
      const b = readFileSync(join(uit, naam));
      if (naam.endsWith('.parquet')) b[b.length - 10] ^= 1;
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    });
    await expect(kapot).rejects.toThrow('agg_regio_kwartaal.parquet is niet het bestand dat het manifest noemt (de SHA-256 verschilt).');
  });

  it('refuses a query that reads microdata, with the Dutch note', () => {
    const tabellen = new Map([['agg_regio_kwartaal', 'SELECT 1']]);
    expect(() => voorberekendeSetup([], 'SELECT count(*) FROM doelgroep_kwartaal', tabellen)).toThrow(NIET_VOORBEREKEND);
    const q = regioOverzichtQuery({ basis: '2020Q1', eind: '2020Q2' });
    expect(() => voorberekendeSetup(q.setup!, `${q.sql} UNION ALL SELECT * FROM doelgroep_kwartaal`, tabellen)).toThrow(NIET_VOORBEREKEND);
    expect(voorberekendeSetup(q.setup!, q.sql, tabellen)).toEqual([{ name: 'agg_regio_kwartaal', sql: 'SELECT 1' }]);
  });
});

describe('compute: the cohort per region, with a small cell', () => {
  // Base quarter 2020Q1 (kw 8080), outcome 2021Q1:
  //   AM01: 30 werkzaam, 15 still werkzaam a year later, 15 gone → not small itself
  //   AM02: 12 werkzaam, 5 still werkzaam → small (werkzaam < 10)
  //   AM03: 40 werkzaam, 20 still werkzaam → written
  // One small cell in the quarter, so its smallest other cell (AM01, cohort 30) goes too.
  const map = join(tmp, 'cohort');
  const uit = join(tmp, 'cohort-uit');

  it('writes AM03 as computed and AM01, AM02 empty and marked', async () => {
    const e = await NodeEngine.create();
    const groep = (regio: string, van: number, tot: number, blijft: number) => `
      SELECT i AS persoon_id, DATE '2020-03-31' AS peildatum, ${literal(regio)} AS regio_code, true AS werkzaam, i AS baan_id,
        CAST(100 AS DOUBLE) AS uren, 'markt' AS sector, 'regulier' AS dienstverband, 'Wajong' AS achtergrond FROM range(${van}, ${tot}) t(i)
      UNION ALL
      SELECT i, DATE '2021-03-31', ${literal(regio)}, true, i, CAST(100 AS DOUBLE), 'markt', 'regulier', 'Wajong' FROM range(${van}, ${van + blijft}) t(i)`;
    await e.exec(`CREATE TABLE doelgroep_kwartaal AS ${[groep('AM01', 1, 31, 15), groep('AM02', 101, 113, 5), groep('AM03', 201, 241, 20)].join(' UNION ALL ')}`);
    mkdirSync(map, { recursive: true });
    await e.exec(`COPY doelgroep_kwartaal TO ${literal(join(map, 'doelgroep_kwartaal.parquet'))} (FORMAT parquet)`);
    const m = await compute(map, { uit });
    expect(m.tables.find((t) => t.name === 'agg_regio_cohort')).toMatchObject({ rows: 3, suppressedCells: 2 });
    const rijen = toRows<Record<string, unknown>>(await e.query(`SELECT * FROM read_parquet(${literal(join(uit, 'agg_regio_cohort.parquet'))})`));
    await e.close();
    expect(rijen.map((r) => Object.values(r))).toEqual([
      // AM02 (k = 5) is small itself; AM01 is emptied to protect it (the one small cell of the quarter).
      [8080, 'AM01', null, null, true, 'bescherming'],
      [8080, 'AM02', null, null, true, 'klein'],
      [8080, 'AM03', 40, 20, false, null],
    ]);
  });
});

describe('compute: national banen with a small quarter', () => {
  // 2020Q1: 12 werkzaam × 100 uren → written (1.200 uren = 1.200 / 331,5 banen);
  // 2020Q2: 5 werkzaam × 100 uren (and 20 without work) → fewer than 10 werkzamen, written empty.
  const map = join(tmp, 'banen');
  const uit = join(tmp, 'banen-uit');

  it('writes the small quarter empty and marked, and the tile then does not show its banen', async () => {
    const e = await NodeEngine.create();
    const rij = (datum: string, werkzaam: boolean, van: number, tot: number) => `SELECT i AS persoon_id, DATE ${literal(datum)} AS peildatum, 'AM01' AS regio_code,
      ${werkzaam} AS werkzaam, CAST(${werkzaam ? 100 : 0} AS DOUBLE) AS uren, ${werkzaam ? "'markt'" : 'NULL'} AS sector, ${werkzaam ? "'regulier'" : 'NULL'} AS dienstverband, 'Wajong' AS achtergrond FROM range(${van}, ${tot}) t(i)`;
    await e.exec(`CREATE TABLE doelgroep_kwartaal AS ${[rij('2020-03-31', true, 1, 13), rij('2020-06-30', true, 1, 6), rij('2020-06-30', false, 6, 26)].join(' UNION ALL ')}`);
    mkdirSync(map, { recursive: true });
    await e.exec(`COPY doelgroep_kwartaal TO ${literal(join(map, 'doelgroep_kwartaal.parquet'))} (FORMAT parquet)`);
    const m = await compute(map, { uit });
    expect(m.tables.find((t) => t.name === 'agg_banen_kwartaal')).toMatchObject({ rows: 2, suppressedCells: 1 });
    const rijen = toRows<BanenRij & { onderdrukt: boolean }>(await e.query(`SELECT * FROM read_parquet(${literal(join(uit, 'agg_banen_kwartaal.parquet'))})`));
    await e.close();
    expect(rijen.map((r) => Object.values(r))).toEqual([
      ['2020Q1', '2020-03-31', 'totaal', 1200, 1200 / (25.5 * 13), 12, false, null],
      ['2020Q2', '2020-06-30', 'totaal', null, null, null, true, 'klein'],
    ]);
    const tegel = banenTegel(rijen, [], [])!;
    expect(tegel.uitleg).toMatch(/^Het aantal banen wordt niet getoond voor mensen uit het doelgroepregister in het 2e kwartaal 2020/);
    expect(tegel.trend!.punten.map((p) => p.waarde)).toEqual([1200 / (25.5 * 13), null]);
  });
});

describe('compute: the Duurzaamheid tile with a small part', () => {
  // Third quarters 2019, 2020 and 2021 (all Wajong, AM01):
  //   persons 1–20 werkzaam in all three; 21–30 werkzaam in 2019, in the register without work in
  //   2020, gone in 2021; 31–40 werkzaam in 2019, gone after; 41–55 werkzaam in 2020 and 2021.
  //   (kw = 4 × year + quarter − 1: 2019Q3 = 8078, 2020Q3 = 8082.)
  //   Base 2019Q3: cohort 40 → 20 werkzaam, 10 werk verloren, 10 uit het register → written (50,0%).
  //   Base 2020Q3: cohort 35 → 35 werkzaam, 0 werk verloren, 0 uit het register → parts under 10: empty.
  const map = join(tmp, 'tegel');
  const uit = join(tmp, 'tegel-uit');

  it('writes the small base quarter empty; the tile shows it as "x" and the earlier one as computed', async () => {
    const e = await NodeEngine.create();
    const rij = (datum: string, van: number, tot: number, werkzaam: boolean) => `SELECT i AS persoon_id, DATE ${literal(datum)} AS peildatum, 'Wajong' AS achtergrond,
      'AM01' AS regio_code, 'GM0014' AS gemeente_code, ${werkzaam} AS werkzaam, ${werkzaam ? 'i' : 'NULL'} AS baan_id,
      ${werkzaam ? "'markt'" : 'NULL'} AS sector, ${werkzaam ? "'regulier'" : 'NULL'} AS dienstverband, CAST(NULL AS VARCHAR) AS contract,
      CAST(${werkzaam ? 100 : 0} AS DOUBLE) AS uren, CAST(NULL AS DATE) AS baan_startdatum FROM range(${van}, ${tot}) t(i)`;
    await e.exec(`CREATE TABLE doelgroep_kwartaal AS ${[
      rij('2019-09-30', 1, 41, true), rij('2020-09-30', 1, 21, true), rij('2020-09-30', 21, 31, false), rij('2020-09-30', 41, 56, true),
      rij('2021-09-30', 1, 21, true), rij('2021-09-30', 41, 56, true),
    ].join(' UNION ALL ')}`);
    mkdirSync(map, { recursive: true });
    await e.exec(`COPY doelgroep_kwartaal TO ${literal(join(map, 'doelgroep_kwartaal.parquet'))} (FORMAT parquet)`);
    const m = await compute(map, { uit });
    expect(m.tables.find((t) => t.name === 'agg_duurzaamheid_tegel')).toMatchObject({ rows: 2, suppressedCells: 1 });
    const rijen = toRows<Record<string, unknown>>(await e.query(`SELECT * FROM read_parquet(${literal(join(uit, 'agg_duurzaamheid_tegel.parquet'))})`));
    expect(rijen.map((r) => Object.values(r))).toEqual([[8078, 40, 20, 10, 10, false, null], [8082, null, null, null, null, true, 'klein']]);
    const v = await NodeEngine.create();
    const { tabellen } = await leesMap(uit);
    const bereik = await opVoorberekend(v, tabellen, tegelBereikQuery());
    expect(bereik).toEqual({ eerste: '2019Q3', laatste: '2021Q3' });
    const tegel = duurzaamheidTegel(await opVoorberekend(v, tabellen, duurzaamheidTrendQuery(bereik!)), [])!;
    await v.close();
    await e.close();
    expect(tegel.waarde).toBe('x');
    expect(tegel.uitleg).toBe('In de voorberekende gegevens is het cohort van het 3e kwartaal 2020 leeg gelaten (een groep kleiner dan 10 personen): het aandeel wordt niet getoond.');
    expect(tegel.regels).toEqual(['Werk verloren: x; uit het register: x.']);
    expect(tegel.trend!.punten.map((p) => p.waarde)).toEqual([0.5, null]);
  });
});

describe('compute on the demo data', () => {
  const uit = join(tmp, 'demo');
  let manifest: VoorberekendManifest;
  let micro: NodeEngine;
  let vb: NodeEngine;
  let tabellen: ReadonlyMap<string, string>;

  beforeAll(async () => {
    manifest = await compute('data/extracts', { uit });
    micro = await NodeEngine.create();
    await micro.attachParquet({ doelgroep_kwartaal: 'data/extracts/doelgroep_kwartaal.parquet', buig_gemeente: 'data/extracts/buig_gemeente.parquet' });
    vb = await NodeEngine.create();
    tabellen = (await leesMap(uit)).tabellen;
  }, 120_000);
  afterAll(async () => {
    await micro.close();
    await vb.close();
  });

  it('names the demo source, synthetic, with the manifest peildatum range; the Duurzaamheid page\'s and Beschut werk\'s tables have suppressed cells', () => {
    const demo = JSON.parse(readFileSync('data/manifest.json', 'utf8')).extracts[0];
    expect(manifest.source).toBe(demo.source);
    expect(manifest.synthetic).toBe(true);
    expect([manifest.peildatumVan, manifest.peildatumTot]).toEqual([demo.peildatumVan, demo.peildatumTot]);
    // 35 regions × 49 quarters (2012Q4–2024Q4), each with ≥ 10 persons in every split; the cohort
    // table has the 45 base quarters with an outcome a year later (2012Q4–2023Q4), the Duurzaamheid
    // tile the 11 third quarters among them (2013Q3–2023Q3); BUIG is
    // 342 gemeenten × 14 years (2011–2024), euros only, so nothing is ever suppressed. The
    // Duurzaamheid page's table: 45 base quarters with horizon 4 and 41 with horizon 8, 4
    // achtergronden and their total, 6 outcome counts and 6 uitstroom reasons each (the first 9
    // base quarters, before 2015, have no Participatiewet); and 780 counts of the starters of 41
    // base quarters (2013Q4–2023Q4; 4 per achtergrond and total where known); empty: mostly
    // reasons of small achtergronden (test/compute-duurzaamheid.test.ts).
    expect(manifest.tables.map((t) => [t.name, t.rows, t.suppressedCells])).toEqual([
      ['agg_regio_kwartaal', 35 * 49, 0], ['agg_regio_cohort', 35 * 45, 0], ['agg_banen_kwartaal', 49, 0],
      ['agg_duurzaamheid_tegel', 11, 0], ['agg_duurzaamheid_cohort', (45 + 41) * 5 * 12 - 2 * 9 * 12 + 780, 1175],
      // The contract trend: 49 quarters with no achtergrond and each of the 4 (Participatiewet from 2015Q1).
      ['agg_duurzaamheid_contract', 49 * 5 - 9, 0],
      // Beschut werk, 10 calendar years (2015–2024): 342 gemeenten, 35 regions and Nederland with
      // 6 adviezen counts (beoordelingen and positief per aanvrager), places and taakstelling;
      // Nederland's 12 months, the year and 10 years to date × 6 counts; places on 40 peildata,
      // the first (0 places) empty. Hidden: most gemeente counts (test/compute-beschut.test.ts).
      // The published figures' 34 twins (36 figures; 2017's three taakstellingen share one): 5 shares hidden.
      ['agg_beschut_gebied', 10 * 378 * 8, 21558], ['agg_beschut_maand', 10 * 23 * 6, 189], ['agg_beschut_gepubliceerd', 34, 5], ['agg_beschut_plekken', 40, 1],
      ['buig_gj', 342 * 14, 0],
    ]);
  });

  it("equals the page's queries on the microdata: quarters, overviews and series", async () => {
    const vragen: MetricQuery<unknown>[] = [
      beschikbareKwartalenQuery(),
      regioOverzichtQuery({ basis: '2015Q4', eind: '2024Q4' }),
      regioOverzichtQuery({ basis: '2021Q3', eind: '2022Q3' }),
      regioReeksenQuery({ van: '2013Q1', tot: '2024Q4' }),
      regioReeksenQuery({ van: '2016Q1', tot: '2020Q4', regios: ['AM01', 'AM35'] }),
    ];
    for (const q of vragen) expect(rond(await opVoorberekend(vb, tabellen, q))).toEqual(rond(await runMetric(micro, q)));
    const o = await opVoorberekend(vb, tabellen, regioOverzichtQuery({ basis: '2015Q4', eind: '2024Q4' }));
    expect(o.regios).toHaveLength(35);
  }, 120_000);

  it('equals the per-quarter cohort query on the microdata: werkzaam na 1 jaar per region', async () => {
    const kwartalen = await runMetric(micro, beschikbareKwartalenQuery());
    for (const eind of ['2013Q4', '2017Q4', '2021Q2', '2024Q4'] as const) {
      const q = regioDuurzaamQuery(eind, kwartalen)!;
      const vb1 = await opVoorberekend(vb, tabellen, q);
      const m = await runMetric(micro, q);
      // The cohort per region (what the folder holds); the base quarter's own counts come from the overview's table.
      expect([vb1.eind, vb1.rijen]).toEqual([m.eind, m.rijen]);
      expect(vb1.rijen).toHaveLength(35);
    }
  }, 120_000);

  it('equals the Overzicht Banen tile\'s query (national banen per quarter) on the microdata; a selection still reads microdata', async () => {
    const q = banenQuery();
    const vb1 = await opVoorberekend(vb, tabellen, q);
    expect(rond(vb1)).toEqual(rond(await runMetric(micro, q)));
    expect(vb1).toHaveLength(49);
    expect(vb1[0]).toMatchObject({ kwartaal: '2012Q4', peildatum: '2012-12-31', groep: 'totaal' });
    await expect(opVoorberekend(vb, tabellen, banenQuery({ regio: ['AM01'] }))).rejects.toThrow(NIET_VOORBEREKEND);
  }, 120_000);

  it("equals the Overzicht Duurzaamheid tile's queries (bereik, national trend per third quarter) on the microdata", async () => {
    const bereik = await opVoorberekend(vb, tabellen, tegelBereikQuery());
    expect(bereik).toEqual(await runMetric(micro, tegelBereikQuery()));
    const pub = leesGepubliceerdeDuurzaamheid(readFileSync('data/published/duurzaamheid.csv', 'utf8'));
    const q = duurzaamheidTrendQuery(bereik!);
    const tegel = duurzaamheidTegel(await opVoorberekend(vb, tabellen, q), pub)!;
    // As printed (the tile carries formatting functions, so compare its JSON).
    const json = (v: unknown) => JSON.parse(JSON.stringify(v));
    expect(json(tegel)).toEqual(json(duurzaamheidTegel(await runMetric(micro, q), pub)));
    expect(tegel.waarde).toMatch(/^\d{1,2},\d%$/);
    expect(tegel.trend!.punten).toHaveLength(11);
  }, 120_000);

  it("equals the BUIG page's and tile's queries on the extract: national, selections, gemeenten, spread, regions", async () => {
    const vragen: MetricQuery<unknown>[] = [
      landelijkQuery(),
      landelijkQuery({ regio: ['AM01', 'AM20'], klasse: '5-10', drempel: 10 }),
      cumulatiefQuery({ van: 2015, tot: 2020 }),
      perGemeenteQuery({ jaar: 2019 }),
      gemeentenQuery(),
      spreidingPerJaarQuery({ klasse: '100plus' }),
      regioQuery(),
    ];
    for (const q of vragen) expect(rond(await opVoorberekend(vb, tabellen, q))).toEqual(rond(await runMetric(micro, q)));
    const l = await opVoorberekend(vb, tabellen, landelijkQuery());
    expect(l.map((r) => r.jaar)).toEqual(Array.from({ length: 14 }, (_, i) => 2011 + i));
  }, 120_000);
});

describe('compute on a folder with only a BUIG extract', () => {
  // Two gemeenten, 2021 and 2022: one with a budget of € 1.000 (a tiny one is written as it is).
  const map = join(tmp, 'buig');
  const uit = join(tmp, 'buig-uit');

  it('writes buig_gj with the peildatum range of its years, nothing suppressed, and the page reads it', async () => {
    const e = await NodeEngine.create();
    await e.exec(`CREATE TABLE buig_gemeente AS SELECT * FROM (VALUES
      ('GM0363', 2021, 900000000.0, 950000000.0, 1000000000.0), ('GM0363', 2022, 910000000.0, 960000000.0, 940000000.0),
      ('GM0088', 2021, 1000.0, 1000.0, 1500.0), ('GM0088', 2022, 1000.0, 1200.0, 900.0)
    ) v(gemeente_code, jaar, budget_voorlopig, budget_definitief, uitgaven)`);
    mkdirSync(map, { recursive: true });
    await e.exec(`COPY buig_gemeente TO ${literal(join(map, 'buig_gemeente.parquet'))} (FORMAT parquet)`);
    const m = await compute(map, { uit });
    expect([m.source, m.peildatumVan, m.peildatumTot]).toEqual(['eigen extract buig_gemeente.parquet', '2021-01-01', '2022-12-31']);
    expect(m.tables.map((t) => [t.name, t.rows, t.suppressedCells])).toEqual([['buig_gj', 4, 0]]);
    const v = await NodeEngine.create();
    const { tabellen: t } = await leesMap(uit);
    const l = await opVoorberekend(v, t, landelijkQuery());
    await v.close();
    await e.close();
    // 2021: definitief 950.001.000 − uitgaven 1.000.001.500 = −50.000.500; 2022: 960.001.200 − 940.000.900 = 20.000.300.
    expect(l.map((r) => [r.jaar, r.definitief, r.saldo])).toEqual([[2021, 950001000, -50000500], [2022, 960001200, 20000300]]);
  });
});

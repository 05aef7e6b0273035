/**
 * The browser engine in Debian Chromium, on the bench page (the same engine modules as the app,
 * built apart by vite.bench.config.ts into dist-bench/ and served by its own vite preview):
 * DuckDB-WASM starts in its worker, the demo extracts load (decoded in the browser from Parquet),
 * a query gives the same numbers as native DuckDB on the same Parquet files, an aborted query of the
 * query layer is interrupted and its connection stays usable, a bad user file is refused without touching the loaded data, a
 * reload takes the extracts from the OPFS cache, and nothing is fetched from another origin.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureBuilt, startPreview, type Preview } from '../../bench/browser.ts';
import { parseManifest, type Manifest } from '../../src/lib/extracts/manifest.ts';
import { ROOT, launchBrowser, newMonitoredContext, type PageReport } from './harness.ts';

let bench: Preview;
let baseUrl: string;
let origin: string;
/** The data folder the served site was built from (native DuckDB reads the same Parquet files). */
const DATA = process.env.PM_DATA_DIR ?? join(ROOT, 'data');

let browser: Browser;
let page: Page;
let report: PageReport;
let manifest: Manifest;

/** Aggregates that touch every column type: counts, a double sum, dates as text, ENUM groups. */
const CHECK_SQL = `SELECT count(*)::BIGINT AS n, count(DISTINCT persoon_id)::BIGINT AS personen,
    count(*) FILTER (WHERE werkzaam)::BIGINT AS werkzaam, count(baan_id)::BIGINT AS banen,
    round(sum(uren), 6) AS uren, CAST(min(peildatum) AS VARCHAR) AS van, CAST(max(baan_startdatum) AS VARCHAR) AS laatste_start,
    count(*) FILTER (WHERE achtergrond = 'Wajong')::BIGINT AS wajong, count(*) FILTER (WHERE sector = 'overheid')::BIGINT AS overheid,
    count(DISTINCT gemeente_code)::BIGINT AS gemeenten, string_agg(DISTINCT CAST(regio_code AS VARCHAR), ',' ORDER BY CAST(regio_code AS VARCHAR)) AS regios
  FROM doelgroep_kwartaal`;
const GROUP_SQL = `SELECT CAST(achtergrond AS VARCHAR) AS achtergrond, CAST(contract AS VARCHAR) AS contract, count(*)::BIGINT AS n
  FROM doelgroep_kwartaal GROUP BY ALL ORDER BY achtergrond, contract NULLS LAST`;

type Row = Record<string, unknown>;

async function native(sql: string): Promise<Row[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run('SET threads = 1');
  const entry = manifest.extracts.find((e) => e.name === 'doelgroep_kwartaal')!;
  await conn.run(`CREATE VIEW doelgroep_kwartaal AS SELECT * FROM read_parquet('${join(DATA, entry.file)}')`);
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
  conn.closeSync();
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/** Make an engine on the bench page (cache on/off) and load the demo extracts. */
async function loadDemo(p: Page, cache: boolean) {
  return p.evaluate(async (cache) => {
    const pm = window.__pm;
    if (!cache) await pm.removeCacheFiles();
    const t0 = performance.now();
    const e = new pm.WasmEngine({ dataBase: pm.dataBase, cache });
    (window as unknown as { __e: unknown }).__e = e;
    await e.ready();
    const fasen: string[] = [];
    const res = await e.loadDemo((p) => {
      if (!fasen.includes(`${p.extract}:${p.fase}`)) fasen.push(`${p.extract}:${p.fase}`);
    });
    return { ms: performance.now() - t0, res, fasen, timings: structuredClone(e.timings) };
  }, cache);
}

async function query(p: Page, sql: string): Promise<Row[]> {
  return p.evaluate(async (sql) => {
    const e = (window as unknown as { __e: import('../../src/lib/engine/browser.ts').WasmEngine }).__e;
    const t = await e.query(sql);
    return t.toArray().map((r) => {
      const o = r.toJSON() as Record<string, unknown>;
      for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
      return o;
    });
  }, sql);
}

/** Newest mtime below `path` (files only). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  return st.isDirectory() ? Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f)))) : st.mtimeMs;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => res(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

beforeAll(async () => {
  manifest = parseManifest(JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')));
  // The bench page is rebuilt when the engine or the bench changed after its last build.
  const built = newest(join(ROOT, 'dist-bench/bench/index.html'));
  const stale = ['src', 'bench/index.html', 'bench/page.ts', 'bench/cases.ts', 'bench/cases', 'vite.bench.config.ts', 'package-lock.json'].some((p) => newest(join(ROOT, p)) > built);
  ensureBuilt(ROOT, 'dist-bench', stale);
  bench = await startPreview(ROOT, 'dist-bench', await freePort());
  origin = bench.origin;
  baseUrl = `${bench.origin}/`;
  browser = await launchBrowser();
  const monitored = await newMonitoredContext(browser, origin);
  report = monitored.report;
  page = await monitored.context.newPage();
  await page.goto(`${baseUrl}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
});

afterAll(async () => {
  await browser?.close();
  await bench?.stop();
});

test('the demo extracts load in the browser, with progress per extract, and give the same numbers as native DuckDB', async () => {
  const load = await loadDemo(page, true);
  console.log(`[engine] koude start: ${Math.round(load.ms)} ms`, JSON.stringify(load.timings.loads));
  expect(load.timings.bundle === 'eh' || load.timings.bundle === 'mvp').toBe(true);
  for (const entry of manifest.extracts) {
    const r = load.res.find((x) => (x.ok ? x.extract === entry.name : x.bestand === entry.file));
    expect(r, entry.name).toMatchObject({ ok: true, extract: entry.name, rijen: entry.rows, bron: 'demo' });
    expect(load.fasen).toContain(`${entry.name}:klaar`);
  }
  expect(load.fasen).toContain('doelgroep_kwartaal:invoegen');
  const [wasm] = await query(page, CHECK_SQL);
  const [nat] = await native(CHECK_SQL);
  expect(wasm).toEqual(nat);
  expect(await query(page, GROUP_SQL)).toEqual(await native(GROUP_SQL));
});

test('the query layer path: an aborted query is interrupted, the connection stays usable, categories come back as text', async () => {
  const r = await page.evaluate(async () => {
    const e = (window as unknown as { __e: import('../../src/lib/engine/browser.ts').WasmEngine }).__e;
    const slowSql = 'SELECT count(DISTINCT persoon_id * 7 + year(peildatum)) AS n, count(DISTINCT baan_id + persoon_id) AS m FROM doelgroep_kwartaal';
    const ctrl = new AbortController();
    const slow = e.send(slowSql, ctrl.signal).then(() => 'klaar', (err: Error) => err.name);
    await new Promise((res) => setTimeout(res, 100));
    ctrl.abort();
    const afgebroken = await slow;
    const next = await e.send('SELECT 42 AS n', new AbortController().signal);
    // Categories as text, as every metric query returns them (an ENUM column would stream
    // without its dictionary and is refused).
    const groepen = await e.send(
      'SELECT CAST(achtergrond AS VARCHAR) AS achtergrond, count(*)::BIGINT AS n FROM doelgroep_kwartaal GROUP BY 1 ORDER BY 1',
      new AbortController().signal,
    );
    // The background cache copy (its CHECKPOINT waits for open transactions) still finishes.
    await e.persisted();
    return {
      afgebroken,
      next: Number(next.getChild('n')!.get(0)),
      groepen: groepen.toArray().map((row) => ({ achtergrond: String(row.achtergrond), n: Number(row.n) })),
    };
  });
  expect(r.afgebroken).toBe('SupersededError');
  expect(r.next).toBe(42);
  const verwacht = await native(
    'SELECT CAST(achtergrond AS VARCHAR) AS achtergrond, count(*)::BIGINT AS n FROM doelgroep_kwartaal GROUP BY 1 ORDER BY 1',
  );
  expect(r.groepen).toEqual(verwacht);
});

test('a bad user file is refused in Dutch and the loaded data stays as it was', async () => {
  const before = await query(page, 'SELECT count(*)::BIGINT AS n FROM doelgroep_kwartaal');
  const res = await page.evaluate(async () => {
    const e = (window as unknown as { __e: import('../../src/lib/engine/browser.ts').WasmEngine }).__e;
    const csv = new File(['persoon_id;peildatum\n1;2021-09-30\n'], 'mijn_extract.parquet');
    return e.loadUserFile(csv);
  });
  expect(res.ok).toBe(false);
  if (!res.ok) expect(res.problemen[0].bericht).toMatch(/^mijn_extract\.parquet is geen geldig Parquet-bestand/);
  expect(await query(page, 'SELECT count(*)::BIGINT AS n FROM doelgroep_kwartaal')).toEqual(before);
  // No staging table is left behind.
  expect(await query(page, `SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name LIKE '\\_laden\\_%' ESCAPE '\\'`)).toEqual([{ n: 0 }]);
});

test('after the background copy a reload takes every extract from the OPFS cache, with the same numbers', async () => {
  const persisted = await page.evaluate(async () => {
    const e = (window as unknown as { __e: import('../../src/lib/engine/browser.ts').WasmEngine }).__e;
    await e.persisted();
    return structuredClone(e.timings.persisted);
  });
  for (const entry of manifest.extracts) expect(persisted[entry.name], entry.name).toHaveProperty('ms');
  const [expected] = await query(page, CHECK_SQL);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const load = await loadDemo(page, true);
  console.log(`[engine] herladen: ${Math.round(load.ms)} ms`, JSON.stringify(load.timings.loads));
  for (const entry of manifest.extracts) expect(load.timings.loads[entry.name]?.bron, entry.name).toBe('cache');
  expect(load.fasen).toContain('doelgroep_kwartaal:uit cache');
  const [again] = await query(page, CHECK_SQL);
  expect(again).toEqual(expected);
});

test('release (a fresh DuckDB worker on the cache file) keeps every extract, with the same numbers', async () => {
  const [expected] = await query(page, CHECK_SQL);
  const ms = await page.evaluate(async () => {
    const e = (window as unknown as { __e: import('../../src/lib/engine/browser.ts').WasmEngine }).__e;
    return e.release();
  });
  expect(ms).not.toBeNull();
  const [again] = await query(page, CHECK_SQL);
  expect(again).toEqual(expected);
  expect(await query(page, GROUP_SQL)).toEqual(await native(GROUP_SQL));
});

test('nothing was fetched from another origin, and the page logged no errors', () => {
  expect(report.requests.some((u) => u.includes('/data/extracts/'))).toBe(true);
  expect(report.foreignRequests).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(report.consoleErrors).toEqual([]);
});

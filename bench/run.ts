/**
 * `npm run bench` — a report, not a pass/fail test. In Debian Chromium (built site, vite preview):
 * DuckDB-WASM start (instantiate, first query), time until each demo extract is queryable on a cold
 * start (no cache) and on a reload (OPFS cache), what the tab costs (renderer memory, CPU), and the
 * bench cases (bench/cases/*.ts) in WASM and in native DuckDB (@duckdb/node-api) on the same
 * Parquet files, median of N runs. Writes bench/results/latest.json and prints a table.
 *
 * Options: --runs N (default 5), --native-threads N (default 1: the same single core DuckDB-WASM
 * gets), --no-native, --no-cases, --no-nocache (skip the cold start without OPFS cache),
 * --build (force vite build), --dist DIR (default dist-bench), --data DIR (native side; default data),
 * --port P, --no-app (skip the site's Duurzaamheid page), --no-readme (leave README.md alone),
 * --readme-only (rewrite README.md's table from bench/results/latest.json, measure nothing),
 * --scale N (the same on a panel N times the national scale, bench/schaal.ts; its figures go to
 * bench/results/latest-schaal-N.json and into the README table with the next ordinary run).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { parseManifest } from '../src/lib/extracts/manifest.ts';
import { literal } from '../src/lib/sql/quote.ts';
import { ensureBuilt, launch, startPreview, tabCost } from './browser.ts';
import { loadCases, runCase, type BenchCaseDef } from './cases.ts';
import { figures } from './figures.ts';
import { informatieverlies, verliesTabel, type VerliesRij } from './informatieverlies.ts';
import { benchTable, writeReadmeTable } from './readme.ts';
import { fmt, printReport, type CaseResult, type Timing } from './report.ts';
import { lastScaleRun, prepareScale } from './schaal.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const RUNS = Math.max(1, Number(option('runs', '5')));
const NATIVE_THREADS = Math.max(1, Number(option('native-threads', '1')));
const DIST = option('dist', 'dist-bench');
const SCALE = Math.max(1, Number(option('scale', '1')));
// Before the site's harness is imported (app.ts): it reads the build's env once.
const SCHAAL = prepareScale(ROOT, SCALE, process.argv.includes('--data') ? option('data', 'data') : null);
const DATA = SCHAAL.dataDir;
const PORT = Number(option('port', '4488'));


const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function main(): Promise<void> {
  if (flag('readme-only')) {
    const last = JSON.parse(readFileSync(join(ROOT, 'bench/results/latest.json'), 'utf8'));
    last.figures = figures(last);
    last.scaleRuns = scaleRuns();
    console.log(writeReadmeTable(join(ROOT, 'README.md'), last.informatieverlies ? `${benchTable(last)}\n\n${verliesTabel(last.informatieverlies)}` : benchTable(last)) ? 'README.md: tabel bijgewerkt' : 'README.md: geen bench-markeringen');
    return;
  }
  if (!existsSync(join(DATA, 'manifest.json'))) {
    console.error(`Geen demodata: ${join(DATA, 'manifest.json')} ontbreekt. Bouw die eerst met \`npm run data\` (of geef --data DIR).`);
    process.exit(1);
  }
  const started = new Date();
  const load0 = loadavg()[0];
  const built = ensureBuilt(ROOT, DIST, flag('build'));
  const preview = await startPreview(ROOT, DIST, PORT);
  const browser = await launch();
  const result: Record<string, unknown> = {
    startedAt: started.toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), loadAvgAtStart: load0, loadAvg1_5_15AtStart: loadavg() },
    chromium: browser.version(),
    built,
    runs: RUNS,
    scale: SCALE,
  };
  try {
    const browserCdp = await browser.newBrowserCDPSession();
    // ---- the site as a user meets it (first, on a quiet tab: the numbers the issue's targets name)
    const { measureApp } = await import('./app.ts');
    // The demo's first view from the answers computed ahead (at every scale, from that scale's own
    // data), and the same first visit computed in the tab (as for a user's own file).
    if (!flag('no-app')) result.app = await measureApp(browser, browserCdp, { shipped: true, pages: true });
    const context = await browser.newContext();
    const foreign: string[] = [];
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(preview.origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    context.on('console', (m) => {
      if (m.type() === 'error') console.error(`[tab] ${m.text()}`);
    });
    const page = await context.newPage();
    await page.goto(`${preview.origin}/bench/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');

    // ---- cold start: no OPFS cache
    const start = await page.evaluate(async () => {
      const pm = window.__pm;
      await pm.removeCacheFiles();
      const t0 = performance.now();
      // No release by itself after the copy: the bench measures the copy and the release apart.
      const e = new pm.WasmEngine({ dataBase: pm.dataBase, release: false });
      (window as unknown as { __e: unknown }).__e = e;
      await e.ready();
      const readyMs = performance.now() - t0;
      const t1 = performance.now();
      await e.query('SELECT 42 AS antwoord');
      return { readyMs, firstQueryMs: performance.now() - t1, timings: structuredClone(e.timings) };
    });
    const costStart = await tabCost(browserCdp, page);
    const cold = await loadDemo(page);
    const costCold = await tabCost(browserCdp, page);
    const persist = await page.evaluate(async () => {
      const e = (window as unknown as { __e: import('../src/lib/engine/browser.ts').WasmEngine }).__e;
      const t0 = performance.now();
      await e.persisted();
      return { waitedMs: performance.now() - t0, persisted: structuredClone(e.timings.persisted) };
    });
    const costPersisted = await tabCost(browserCdp, page);
    // ---- investigation (target 3): a fresh DuckDB worker on the cache file after the copy
    const released: { ms: number | null; fout?: string; scanMs?: number | null } = await page.evaluate(async () => {
      const e = (window as unknown as { __e: import('../src/lib/engine/browser.ts').WasmEngine }).__e;
      try {
        return { ms: await e.release() } as { ms: number | null; fout?: string };
      } catch (err) {
        return { ms: null, fout: String((err as Error)?.message ?? err) };
      }
    });
    const costReleased = await tabCost(browserCdp, page);
    released.scanMs = await page
      .evaluate(async () => {
        const e = (window as unknown as { __e: import('../src/lib/engine/browser.ts').WasmEngine }).__e;
        const t0 = performance.now();
        await e.query('SELECT count(*) AS n, sum(uren) AS uren FROM doelgroep_kwartaal');
        return performance.now() - t0;
      })
      .catch(() => null);
    const costReleasedScan = await tabCost(browserCdp, page);

    // ---- reload: same profile, the OPFS cache is there
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.evaluate(async () => {
      const pm = window.__pm;
      const e = new pm.WasmEngine({ dataBase: pm.dataBase });
      (window as unknown as { __e: unknown }).__e = e;
      await e.ready();
    });
    const warm = await loadDemo(page);
    const firstScan = await page.evaluate(async () => {
      const e = (window as unknown as { __e: import('../src/lib/engine/browser.ts').WasmEngine }).__e;
      const t0 = performance.now();
      await e.query('SELECT count(*) AS n, sum(uren) AS uren FROM doelgroep_kwartaal');
      return performance.now() - t0;
    }).catch(() => null);
    const costReload = await tabCost(browserCdp, page);

    // ---- cases in WASM (after the reload: tables from the cache, as a returning user has them)
    const cases: CaseResult[] = [];
    if (!flag('no-cases')) {
      const list = await page.evaluate(async () => (await window.__pm.cases()).map((c) => ({ name: c.name, module: c.module })));
      for (const [i, c] of list.entries()) {
        const t = await page.evaluate(
          async ({ i, runs }) => {
            const e = (window as unknown as { __e: import('../src/lib/engine/browser.ts').WasmEngine }).__e;
            const c = (await window.__pm.cases())[i];
            const times: number[] = [];
            try {
              for (let k = 0; k <= runs; k++) {
                const t0 = performance.now();
                if (c.run) await c.run(e);
                else await e.query(c.sql!, c.params);
                times.push(performance.now() - t0);
              }
              return { times };
            } catch (err) {
              return { times, error: String((err as Error)?.message ?? err) };
            }
          },
          { i, runs: RUNS },
        );
        cases.push({ ...c, wasm: timing(t.times, t.error) });
        console.log(`  wasm   ${fmt(cases.at(-1)!.wasm!)}  ${c.name}`);
      }
    }
    const costCases = await tabCost(browserCdp, page);
    await context.close();

    // ---- cold start without the cache (browsers without OPFS, a second tab): ENUMs filled directly
    let nocache: Record<string, unknown> | null = null;
    if (!flag('no-nocache')) {
      const b2 = await launch();
      try {
        const cdp2 = await b2.newBrowserCDPSession();
        const p2 = await (await b2.newContext()).newPage();
        await p2.goto(`${preview.origin}/bench/index.html`);
        await p2.waitForFunction(() => document.body.dataset.ready === 'true');
        await p2.evaluate(async () => {
          const pm = window.__pm;
          const e = new pm.WasmEngine({ dataBase: pm.dataBase, cache: false });
          (window as unknown as { __e: unknown }).__e = e;
          await e.ready();
        });
        const before = await tabCost(cdp2, p2);
        const load = await loadDemo(p2);
        nocache = { ...load, cost: { start: before, loaded: await tabCost(cdp2, p2) } };
      } finally {
        await b2.close();
      }
    }

    result.wasm = {
      start,
      cold,
      persist,
      released,
      reload: { ...warm, firstFullScanMs: firstScan },
      nocache,
      cost: { start: costStart, cold: costCold, persisted: costPersisted, released: costReleased, releasedScan: costReleasedScan, reload: costReload, afterCases: costCases },
      foreignRequests: foreign,
    };

    // ---- native DuckDB on the same Parquet files
    let native: Record<string, unknown> | null = null;
    if (!flag('no-native')) native = await runNative(cases);
    result.native = native;
    result.cases = cases;
    result.loadAvgAtEnd = loadavg()[0];
  } finally {
    await browser.close();
    await preview.stop();
  }
  result.figures = figures(result);
  // Information loss of disclosure control per view (Node, demo data; bench/informatieverlies.ts).
  if (SCALE === 1) result.informatieverlies = await informatieverlies(DATA);
  if (SCALE === 1) result.scaleRuns = scaleRuns();
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(SCHAAL.resultFile, JSON.stringify(result, null, 2));
  printReport(result, SCHAAL.resultFile);
  if (SCALE === 1 && !flag('no-readme') && writeReadmeTable(join(ROOT, 'README.md'), `${benchTable(result as unknown as Parameters<typeof benchTable>[0])}\n\n${verliesTabel(result.informatieverlies as VerliesRij[])}`))
    console.log('README.md: benchtabel bijgewerkt uit deze run');
}

/** The last run at twice the scale, with its figures, for the README table (rows marked 2×). */
function scaleRuns() {
  const r = lastScaleRun(ROOT, 2) as Parameters<typeof benchTable>[0] | null;
  return r ? [{ scale: 2, startedAt: r.startedAt, machine: r.machine, loadAvgAtEnd: r.loadAvgAtEnd, figures: figures(r) }] : [];
}

async function loadDemo(page: Page) {
  return page.evaluate(async () => {
    const e = (window as unknown as { __e: import('../src/lib/engine/browser.ts').WasmEngine }).__e;
    let events = 0;
    const fasen = new Set<string>();
    const t0 = performance.now();
    const res = await e.loadDemo((p) => {
      events++;
      fasen.add(`${p.extract}:${p.fase}`);
    });
    return {
      totalMs: performance.now() - t0,
      results: res.map((r) => (r.ok ? { ok: true, extract: r.extract, rijen: r.rijen, ms: r.ms } : { ok: false, bestand: r.bestand, problemen: r.problemen.map((p) => p.bericht) })),
      loads: structuredClone(e.timings.loads),
      cache: e.timings.cache,
      cacheReden: e.timings.cacheReden,
      progressEvents: events,
      fasen: [...fasen],
    };
  });
}

function timing(times: number[], error?: string): Timing {
  const runs = times.slice(1);
  return { firstMs: times[0] ?? NaN, medianMs: median(runs.length ? runs : times), runs, ...(error ? { error } : {}) };
}

async function runNative(cases: CaseResult[]): Promise<Record<string, unknown>> {
  const manifest = parseManifest(JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')));
  const engine = await NodeEngine.create();
  await engine.exec(`SET threads = ${NATIVE_THREADS}`);
  const loads: Record<string, number> = {};
  for (const e of manifest.extracts) {
    const t0 = performance.now();
    // The same compact layout questions do not arise natively: a table straight from the Parquet file.
    await engine.exec(`CREATE TABLE ${e.name} AS SELECT * FROM read_parquet(${literal(join(DATA, e.file))})`);
    loads[e.name] = performance.now() - t0;
  }
  const modules = Object.fromEntries(
    readdirSync(join(ROOT, 'bench/cases'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [`./cases/${f}`, () => import(pathToFileURL(join(ROOT, 'bench/cases', f)).href)]),
  );
  const defs: BenchCaseDef[] = await loadCases(modules);
  for (const c of cases) {
    const def = defs.find((d) => d.name === c.name);
    if (!def) continue;
    const times: number[] = [];
    let error: string | undefined;
    try {
      for (let k = 0; k <= RUNS; k++) {
        const t0 = performance.now();
        await runCase(def, engine);
        times.push(performance.now() - t0);
      }
    } catch (err) {
      error = String((err as Error)?.message ?? err);
    }
    c.native = timing(times, error);
    console.log(`  native ${fmt(c.native)}  ${c.name}`);
  }
  await engine.close();
  return { threads: NATIVE_THREADS, loadMs: loads };
}

await main();

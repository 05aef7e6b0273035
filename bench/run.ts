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
import { ensureBuilt, launch, startPreview, tabCost, type TabCost } from './browser.ts';
import { loadCases, runCase, type BenchCaseDef } from './cases.ts';
import { figures } from './figures.ts';
import { benchTable, writeReadmeTable } from './readme.ts';
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

interface CaseResult {
  name: string;
  module?: string;
  wasm?: Timing;
  native?: Timing;
}
interface Timing {
  medianMs: number;
  firstMs: number;
  runs: number[];
  error?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function main(): Promise<void> {
  if (flag('readme-only')) {
    const last = JSON.parse(readFileSync(join(ROOT, 'bench/results/latest.json'), 'utf8'));
    last.figures = figures(last);
    last.scaleRuns = scaleRuns();
    console.log(writeReadmeTable(join(ROOT, 'README.md'), benchTable(last)) ? 'README.md: tabel bijgewerkt' : 'README.md: geen bench-markeringen');
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
    // The demo's first view from the answers computed ahead at 1×; at another scale computed in the tab.
    if (!flag('no-app')) result.app = await measureApp(browser, browserCdp, { shipped: SCALE === 1, pages: true });
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
  if (SCALE === 1) result.scaleRuns = scaleRuns();
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(SCHAAL.resultFile, JSON.stringify(result, null, 2));
  printReport(result);
  if (SCALE === 1 && !flag('no-readme') && writeReadmeTable(join(ROOT, 'README.md'), benchTable(result as unknown as Parameters<typeof benchTable>[0])))
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

const ms = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const fmt = (t: Timing) => (t.error ? `FOUT ${t.error.slice(0, 60)}` : `${ms(t.medianMs).padStart(8)} (1e ${ms(t.firstMs)})`);
const mb = (c: TabCost) => `${c.rssMB} MB (piek ${c.peakMB} MB, JS-heap pagina ${c.jsHeapMB} MB, CPU ${c.cpuS.toFixed(1)} s)`;

function printReport(r: Record<string, any>): void {
  const w = r.wasm;
  const lines: string[] = [];
  lines.push('', `Participatiemonitor — bench (${r.startedAt}, ${r.machine.cpus} cores, load ${r.machine.loadAvgAtStart.toFixed(1)} → ${r.loadAvgAtEnd?.toFixed(1)}, Chromium ${r.chromium})`);
  if (w) {
    lines.push('', 'DuckDB-WASM in Chromium');
    lines.push(`  bundel ${w.start.timings.bundle}; instantiate ${ms(w.start.timings.instantiateMs)}; open ${ms(w.start.timings.openMs)}; eerste query ${ms(w.start.firstQueryMs)}`);
    lines.push(`  cache: ${w.cold.cache ? 'OPFS' : `geen (${w.cold.cacheReden})`}`);
    lines.push('', '  Koude start (geen cache): tijd tot bevraagbaar per extract');
    for (const [name, l] of Object.entries<any>(w.cold.loads))
      lines.push(
        `    ${name.padEnd(22)} ${ms(l.ms).padStart(8)}  ${String(l.rijen).padStart(10)} rijen  (lezen ${ms(l.readMs)}, decoderen ${ms(l.decodeMs)}, invoegen ${ms(l.insertMs)}, wachten ${ms(l.waitMs)}; ${l.categorical})`,
      );
    for (const f of w.cold.results.filter((x: any) => !x.ok)) lines.push(`    NIET GELADEN ${f.bestand}: ${f.problemen.join(' ')}`);
    lines.push(`    totaal loadDemo ${ms(w.cold.totalMs)}; ${w.cold.progressEvents} voortgangsmeldingen; CPU van het tabblad ${(w.cost.cold.cpuS - w.cost.start.cpuS).toFixed(1)} s`);
    lines.push(`  Achtergrondkopie naar OPFS-cache: ${Object.entries<any>(w.persist.persisted).map(([n, p]) => `${n} ${'ms' in p ? ms(p.ms) : `fout: ${p.fout}`}`).join(', ') || '—'}`);
    if (w.nocache) {
      lines.push('', '  Koude start zonder OPFS-cache (categorieën direct als ENUM)');
      for (const [name, l] of Object.entries<any>(w.nocache.loads))
        lines.push(`    ${name.padEnd(22)} ${ms(l.ms).padStart(8)}  (lezen ${ms(l.readMs)}, decoderen ${ms(l.decodeMs)}, invoegen ${ms(l.insertMs)}; ${l.categorical})`);
      lines.push(`    totaal loadDemo ${ms(w.nocache.totalMs)}; geheugen ${mb(w.nocache.cost.loaded)}; CPU ${(w.nocache.cost.loaded.cpuS - w.nocache.cost.start.cpuS).toFixed(1)} s`);
    }
    lines.push('', '  Herladen (cache)');
    for (const [name, l] of Object.entries<any>(w.reload.loads)) lines.push(`    ${name.padEnd(22)} ${ms(l.ms).padStart(8)}  (${l.bron})`);
    lines.push(`    totaal loadDemo ${ms(w.reload.totalMs)}; eerste volledige scan van doelgroep_kwartaal ${ms(w.reload.firstFullScanMs)}`);
    lines.push('', '  Geheugen van het tabblad (renderer-proces, RSS uit /proc; alle threads incl. workers en WASM)');
    lines.push(`    na start           ${mb(w.cost.start)}`);
    lines.push(`    na koude load      ${mb(w.cost.cold)}`);
    lines.push(`    na cachekopie      ${mb(w.cost.persisted)}`);
    lines.push(`    na vrijgeven       ${mb(w.cost.released)} (nieuwe DuckDB-worker op het cachebestand: ${w.released.ms === null ? `niet gedaan${w.released.fout ? `: ${w.released.fout}` : ''}` : ms(w.released.ms)})`);
    lines.push(`    en een volle scan  ${mb(w.cost.releasedScan)} (${ms(w.released.scanMs)})`);
    lines.push(`    na herladen        ${mb(w.cost.reload)}`);
    lines.push(`    na de cases        ${mb(w.cost.afterCases)}`);
    lines.push(`  Verzoeken naar een andere origin: ${w.foreignRequests.length === 0 ? 'geen' : w.foreignRequests.join(', ')}`);
  }
  if (r.cases?.length) {
    lines.push('', `Cases: mediaan van ${r.runs} runs na één eerste run (WASM na herladen uit cache; native @duckdb/node-api, ${r.native?.threads ?? '?'} thread(s))`);
    lines.push(`  ${'WASM'.padStart(8)} ${'native'.padStart(8)} ${'×'.padStart(5)}  case`);
    for (const c of r.cases as CaseResult[]) {
      const ratio = c.wasm && c.native && !c.wasm.error && !c.native.error ? (c.wasm.medianMs / c.native.medianMs).toFixed(1) : '';
      const cell = (t?: Timing) => (t ? (t.error ? 'FOUT' : ms(t.medianMs)) : '—');
      lines.push(`  ${cell(c.wasm).padStart(8)} ${cell(c.native).padStart(8)} ${ratio.padStart(5)}  ${c.name}`);
    }
  }
  if (r.native) lines.push('', `Native laden (CREATE TABLE AS read_parquet): ${Object.entries<number>(r.native.loadMs).map(([n, v]) => `${n} ${ms(v)}`).join(', ')}`);
  if (r.figures?.length) {
    lines.push('', 'Cijfers tegen native DuckDB van deze run (verhouding; doel uit issue 15)');
    for (const f of r.figures as ReturnType<typeof figures>) {
      const v = f.value === null ? '—' : f.unit === 'MB' ? `${Math.round(f.value)} MB` : ms(f.value);
      const doel = f.target === null ? '' : `  doel ≤ ${f.target}${f.unit === 'MB' ? ' MB' : '×'}: ${f.met === null ? '?' : f.met ? 'gehaald' : 'NIET gehaald'}`;
      lines.push(`  ${v.padStart(8)} ${f.native === null ? ''.padStart(8) : ms(f.native).padStart(8)} ${f.ratio === null ? ''.padStart(5) : f.ratio.toFixed(2).padStart(5)}  ${f.what}${doel}`);
    }
  }
  lines.push('', `Resultaten: ${SCHAAL.resultFile}`, '');
  console.log(lines.join('\n'));
}

await main();

/**
 * Shared helpers for the end-to-end tests (and scripts/screenshots.ts): build the site when
 * needed, serve it with `vite preview` on a free port, drive Debian Chromium via playwright-core,
 * and check each page for console errors, foreign-origin requests and WCAG 2.1 AA (axe-core).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
/**
 * E2E_VITE_CONFIG runs build and preview with another Vite config (e.g. one whose data plugin
 * serves a different data folder); E2E_DIST_DIR then names its output folder for the staleness check.
 */
const CONFIG_ARGS = process.env.E2E_VITE_CONFIG ? ['--config', resolve(ROOT, process.env.E2E_VITE_CONFIG)] : [];
const DIST = resolve(ROOT, process.env.E2E_DIST_DIR ?? 'dist');

/** Every page of the app (hash routes) with the Dutch name shown in navigation and heading. */
export const ROUTES = [
  { hash: '#/', name: 'Overzicht' },
  { hash: '#/duurzaamheid', name: 'Duurzaamheid' },
  { hash: '#/regios', name: "Regio's" },
  { hash: '#/beschut-werk', name: 'Beschut werk' },
  { hash: '#/buig', name: 'BUIG' },
  { hash: '#/briefing', name: 'Briefing' },
  { hash: '#/data', name: 'Data' },
] as const;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

// ---------------------------------------------------------------------------------------------
// Build

/** Newest mtime below `path` (files only); 0 when it does not exist. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The built site is stale when any input changed after dist/index.html was written. */
export function buildIsStale(): boolean {
  const built = join(DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'data/manifest.json', 'data/antwoorden.arrow', 'data/extracts', 'data/published', 'data/geo'];
  return inputs.some((p) => newestMtime(join(ROOT, p)) > builtAt);
}

/** Build the site with `vite build` unless dist/ is up to date (E2E_REBUILD=1 forces it). */
export function ensureBuilt(): void {
  if (process.env.E2E_REBUILD !== '1' && !buildIsStale()) return;
  const started = Date.now();
  const res = spawnSync(process.execPath, [VITE, 'build', ...CONFIG_ARGS, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) {
    throw new Error(`vite build faalde (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  console.log(`[e2e] vite build klaar in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// Preview server

export interface PreviewServer {
  url: string;
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the whole process group: vite plus anything it spawned
  } catch {
    /* already gone */
  }
}

/**
 * Runs vite (its arguments follow) and stops it when its own stdin closes, which happens when the
 * process that started it ends in any way, even by SIGKILL: no orphaned server holding a port.
 */
const WATCHDOG = `
const vite = require('node:child_process').spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => { vite.kill('SIGKILL'); process.exit(0); };
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, () => vite.kill('SIGTERM'));
vite.on('exit', (code) => process.exit(code ?? 0));
`;

/**
 * Start `vite preview` on the built site directly with node (not npx: npx leaves a child
 * holding the port), under a small watchdog, in its own process group so stop() ends it completely.
 */
export async function startPreview(port?: number): Promise<PreviewServer> {
  const p = port ?? (await freePort());
  const args = [VITE, 'preview', ...CONFIG_ARGS, '--host', '127.0.0.1', '--port', String(p), '--strictPort'];
  const child = spawn(process.execPath, ['-e', WATCHDOG, ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  let exited: number | null | undefined;
  const exitPromise = new Promise<void>((res) => child.on('exit', (code) => ((exited = code), res())));
  // If this process ends without stop() (crash, Ctrl+C), take the server down with it.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);
  void exitPromise.then(() => process.off('exit', onExit));

  const origin = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`vite preview stopte meteen (exit ${exited}):\n${output}`);
    try {
      const r = await fetch(`${origin}/`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      throw new Error(`vite preview antwoordde niet binnen 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url: `${origin}/`,
    origin,
    pid: child.pid!,
    async stop() {
      if (exited !== undefined) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Browser

export async function launchBrowser(): Promise<Browser> {
  // playwright-core gives Chromium a fresh temporary profile (--user-data-dir) per launch.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface PageReport {
  consoleErrors: string[];
  pageErrors: string[];
  /** Responses with HTTP status ≥ 400. */
  httpErrors: string[];
  requests: string[];
  /** Requests whose origin differs from the preview origin (data: and blob: are fine). */
  foreignRequests: string[];
}

/** Whether a request URL stays on our own origin (data: and blob: URLs never leave the tab). */
export function isOwnOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * A browser context that records everything a page does. Requests to other origins are
 * recorded and aborted, so a test never depends on (or leaks to) the internet.
 */
export async function newMonitoredContext(
  browser: Browser,
  origin: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; report: PageReport; reset(): void }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true, ...options });
  const report: PageReport = { consoleErrors: [], pageErrors: [], httpErrors: [], requests: [], foreignRequests: [] };
  await context.route(
    (url) => !isOwnOrigin(url.href, origin),
    (route) => route.abort('blockedbyclient'),
  );
  // Context-level events also see requests made by workers (DuckDB-WASM runs in one).
  context.on('request', (req) => {
    const url = req.url();
    report.requests.push(url);
    if (!isOwnOrigin(url, origin)) report.foreignRequests.push(url);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) report.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  context.on('page', (page) => attachPageListeners(page, report));
  return {
    context,
    report,
    reset() {
      for (const key of Object.keys(report) as (keyof PageReport)[]) report[key].length = 0;
    },
  };
}

function attachPageListeners(page: Page, report: PageReport): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      report.consoleErrors.push(`${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => report.pageErrors.push(`${err.name}: ${err.message}`));
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') report.consoleErrors.push(`[worker] ${msg.text()}`);
    });
  });
}

/**
 * Wait until the page has finished loading data: network quiet, no busy region or progress
 * indicator left (aria-busy="true", role="progressbar", <progress>) and no loading status text.
 */
export async function settle(page: Page, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await page.waitForLoadState('load', { timeout: timeoutMs });
  await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
  // The predicate is a function (sent via the DevTools protocol, so the page's CSP does not
  // block it) without named inner functions (tsx would wrap those in a __name helper the page
  // lacks). The status line says "Rekenmodule starten…" / "Gegevens laden — …" before any
  // progress bar exists.
  await page.waitForFunction(
    () => {
      for (const el of document.querySelectorAll('[aria-busy="true"], [role="progressbar"], progress')) {
        if (el.getClientRects().length > 0) return false;
      }
      return !/Rekenmodule starten|Gegevens laden/.test(document.body.innerText);
    },
    undefined,
    { timeout: Math.max(1_000, deadline - Date.now()), polling: 100 },
  );
  // One more quiet spell: results arriving after the progress bar went away may trigger queries.
  await page.waitForLoadState('networkidle', { timeout: Math.max(1_000, deadline - Date.now()) }).catch(() => undefined);
  await page.waitForTimeout(200);
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

let axeSource: string | undefined;

/** Run axe-core (WCAG 2.1 A + AA rules) on the page as it is now. */
export async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; summary: string }> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so a Content-Security-Policy cannot block it.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
    }));
  })()`)) as AxeViolation[];
  return { violations, summary: summariseAxe(violations) };
}

/** One readable line per violation plus up to three offending elements. */
export function summariseAxe(violations: AxeViolation[]): string {
  if (violations.length === 0) return 'geen WCAG 2.1 AA-overtredingen';
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 3)
        .map((n) => `    - ${n.target.join(' ')}: ${n.html.slice(0, 160)}`)
        .join('\n');
      const more = v.nodes.length > 3 ? `\n    … en ${v.nodes.length - 3} meer` : '';
      return `${v.id} (${v.impact ?? '?'}): ${v.help} [${v.nodes.length}×]\n${nodes}${more}`;
    })
    .join('\n');
}

/** Human-readable dump of a page report, for assertion messages. */
export function describeReport(r: PageReport): string {
  const part = (label: string, items: string[]) => (items.length ? `${label}:\n  ${items.slice(0, 10).join('\n  ')}` : '');
  return (
    [
      part('console-fouten', r.consoleErrors),
      part('paginafouten', r.pageErrors),
      part('HTTP-fouten', r.httpErrors),
      part('verzoeken naar andere origin', r.foreignRequests),
    ]
      .filter(Boolean)
      .join('\n') || 'geen problemen'
  );
}

/** Opens the Data page at `baseUrl`, loads the file at `pad` as the user's own extract and waits until it is in use. */
export async function laadEigenBestand(page: Page, baseUrl: string, pad: string): Promise<void> {
  await page.goto(`${baseUrl}#/data`);
  await settle(page, 300_000);
  await page.locator('input[type="file"]').first().setInputFiles(pad);
  await page.getByRole('status').filter({ hasText: basename(pad) }).first().waitFor({ timeout: 60_000 });
  await settle(page, 120_000);
}


import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

/**
 * The browser half of `npm run bench`: build the site when needed, serve it with `vite preview`
 * (started by pid, stopped at the end), drive Debian Chromium via playwright-core, and read what
 * the tab costs (renderer process memory from /proc, CPU time from the DevTools protocol).
 */

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Build the bench page (vite.bench.config.ts, apart from the site) when it is missing, or its
 * sources (the engine, the bench page and cases) or data/ changed after the build.
 */
export function ensureBuilt(root: string, outDir: string, force: boolean): boolean {
  const dist = join(root, outDir);
  const built = join(dist, 'bench/index.html');
  const inputs = ['src', 'bench/index.html', 'bench/page.ts', 'bench/cases.ts', 'bench/cases', 'vite.bench.config.ts', 'package-lock.json', 'data/manifest.json', 'data/extracts'];
  const stale = force || !existsSync(built) || inputs.some((p) => newest(join(root, p)) > statSync(built).mtimeMs);
  if (!stale) return false;
  const res = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.bench.config.ts', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`vite build faalde:\n${res.stdout}\n${res.stderr}`);
  return true;
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export interface Preview {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** `node node_modules/vite/bin/vite.js preview` in its own process group, so stop() ends it completely. */
export async function startPreview(root: string, outDir: string, port: number): Promise<Preview> {
  const child = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.bench.config.ts', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  let exited = false;
  const exit = new Promise<void>((r) => child.on('exit', () => ((exited = true), r())));
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* gone */
    }
  };
  process.once('exit', () => kill('SIGKILL'));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`vite preview stopte meteen:\n${output}`);
    try {
      if ((await fetch(`${origin}/bench/index.html`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      kill('SIGKILL');
      throw new Error(`vite preview antwoordde niet binnen 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    pid: child.pid!,
    async stop() {
      if (exited) return;
      kill('SIGTERM');
      const t = setTimeout(() => kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(t);
    },
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface TabCost {
  /** Resident memory of the tab's renderer process (all its threads: page, workers, WASM heaps). */
  rssMB: number;
  /** Peak resident memory of that process so far (VmHWM). */
  peakMB: number;
  /** CPU seconds of that process so far (all threads). */
  cpuS: number;
  /** JS heap in use on the page's main thread (DevTools Performance.getMetrics). */
  jsHeapMB: number;
}

/**
 * Memory and CPU of the renderer process that runs `page`. Chromium gives each site its own
 * renderer; we take the renderer with the most resident memory among those of this browser,
 * which is the bench tab (the others are spare/utility renderers of a few MB).
 */
export async function tabCost(browserCdp: CDPSession, page: Page): Promise<TabCost> {
  const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
  let best: TabCost | null = null;
  for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
    const m = procMemory(p.id);
    if (!m) continue;
    if (!best || m.rssMB > best.rssMB) best = { ...m, cpuS: p.cpuTime, jsHeapMB: 0 };
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return { rssMB: best?.rssMB ?? 0, peakMB: best?.peakMB ?? 0, cpuS: best?.cpuS ?? 0, jsHeapMB: Math.round(heap / 2 ** 20) };
}

function procMemory(pid: number): { rssMB: number; peakMB: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
    return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

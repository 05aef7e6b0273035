import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm run bench -- --scale 2` (issue 15, target 4): the same bench on a panel twice the national
 * scale (≈ 24M rows). The generator writes it to a folder of its own (default
 * <tmp>/pm-schaal-2; `--data DIR` to choose; generated when missing, data/extracts is never
 * touched), its first views are computed ahead from that panel as the 1× site's are from
 * data/ (notebooks/generate-antwoorden.ts), the site is built from it into dist-schaal-2/
 * (PM_DATA_DIR, PM_DIST_DIR in vite.config.ts), and the figures go to bench/results/latest-schaal-2.json; the next ordinary
 * run puts them in the README table as rows marked 2×.
 */

export interface Schaal {
  scale: number;
  dataDir: string;
  resultFile: string;
}

export function resultFile(root: string, scale: number): string {
  return join(root, 'bench/results', scale === 1 ? 'latest.json' : `latest-schaal-${scale}.json`);
}

/** Data folder and build for `scale`; call before the site's harness module is imported (it reads the env once). */
export function prepareScale(root: string, scale: number, data: string | null): Schaal {
  if (scale === 1) {
    const dataDir = resolve(root, data ?? 'data');
    freshAnswers(root, dataDir);
    return { scale, dataDir, resultFile: resultFile(root, 1) };
  }
  const dataDir = resolve(root, data ?? join(tmpdir(), `pm-schaal-${scale}`));
  if (!existsSync(join(dataDir, 'manifest.json'))) {
    console.log(`Panel op schaal ${scale} genereren in ${dataDir} (npm run data -- --scale ${scale} --out …)`);
    const res = spawnSync('npm', ['run', 'data', '--', '--scale', String(scale), '--out', join(dataDir, 'extracts')], { cwd: root, stdio: 'inherit' });
    if (res.status !== 0) throw new Error(`genereren op schaal ${scale} mislukt (exit ${res.status})`);
  }
  freshAnswers(root, dataDir);
  const dist = `dist-schaal-${scale}`;
  process.env.PM_DATA_DIR = dataDir;
  process.env.PM_DIST_DIR = dist;
  process.env.E2E_DIST_DIR = dist;
  // The harness checks data/ for staleness, not this folder: always build this site afresh.
  process.env.E2E_REBUILD = '1';
  return { scale, dataDir, resultFile: resultFile(root, scale) };
}

/** The demo's answers computed ahead, made again when missing or older than the manifest or src/ (as npm start does). */
function freshAnswers(root: string, dataDir: string): void {
  const file = join(dataDir, 'antwoorden.arrow');
  const manifest = join(dataDir, 'manifest.json');
  if (!existsSync(manifest)) return;
  const t = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (t >= statSync(manifest).mtimeMs && t >= newest(join(root, 'src'))) return;
  console.log('Eerste weergaven van de demodata vooraf berekenen (notebooks/generate-antwoorden.ts)');
  const res = spawnSync('npx', ['tsx', 'notebooks/generate-antwoorden.ts', '--data', dataDir], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`vooraf berekenen mislukt (exit ${res.status})`);
}

function newest(path: string): number {
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), st.mtimeMs) : st.mtimeMs;
}

/** The last run at another scale, to show next to this run's figures (null when there is none). */
export function lastScaleRun(root: string, scale: number): Record<string, unknown> | null {
  const f = resultFile(root, scale);
  if (!existsSync(f)) return null;
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

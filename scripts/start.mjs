#!/usr/bin/env node
// `npm start`: serve the dashboard on the bundled demo data at http://127.0.0.1:4173.
// Steps, each only when needed: npm packages (npm ci), demo data (npm run data), the demo's
// first views computed ahead (notebooks/generate-antwoorden.ts), then always
// `vite build` and `vite preview`. Plain Node, no dependencies, so it runs on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 4173);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, args, label, { fatal = true } = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0 && !fatal) return false;
  if (res.status !== 0) {
    console.error(`✗ ${label} mislukt (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
  return true;
}

/** node_modules is missing or does not match package-lock.json (versions of required packages). */
function depsStale() {
  const hidden = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(hidden)) return true;
  const want = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
  const have = JSON.parse(readFileSync(hidden, 'utf8')).packages;
  return Object.entries(want).some(([key, pkg]) => key !== '' && !pkg.optional && have[key]?.version !== pkg.version);
}

/** The manifest is missing or unreadable, or names an extract file that is not there. */
function demoDataMissing() {
  const manifest = join(root, 'data/manifest.json');
  if (!existsSync(manifest)) return true;
  try {
    const { extracts } = JSON.parse(readFileSync(manifest, 'utf8'));
    return !Array.isArray(extracts) || extracts.length === 0 || extracts.some((e) => !existsSync(join(root, 'data', e.file)));
  } catch {
    return true;
  }
}

/** Newest modification time of a file or of any file below a folder. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), st.mtimeMs);
}

/**
 * The demo's answers computed ahead (data/antwoorden.arrow) are missing, or older than the manifest
 * or the source (a changed SQL builder gives other keys: the answers would still be right, but unused).
 */
function answersStale() {
  const file = join(root, 'data/antwoorden.arrow');
  if (!existsSync(file)) return true;
  const t = statSync(file).mtimeMs;
  return t < statSync(join(root, 'data/manifest.json')).mtimeMs || t < newest(join(root, 'src'));
}

// npm ci refuses this lock file: it cannot list @duckdb/node-api's optional macOS/Windows/arm64
// bindings (absent from the registry used here); npm install then installs the locked versions.
if (depsStale() && !run(npm, ['ci', '--no-audit', '--no-fund'], 'npm-pakketten installeren', { fatal: false })) {
  run(npm, ['install', '--no-audit', '--no-fund'], 'npm-pakketten installeren (npm install)');
}
if (demoDataMissing()) run(npm, ['run', 'data'], 'demodata bouwen (ontbreekt)');
if (answersStale()) run(npx, ['tsx', 'notebooks/generate-antwoorden.ts'], 'eerste weergaven van de demodata vooraf berekenen');
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], 'site bouwen');

// Started directly with node (not npx), so stopping this script stops the server completely.
const preview = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => preview.kill(sig));
preview.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

const url = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(url)).ok) {
      console.log(`\n✓ Participatiemonitor draait op ${url}  (stoppen: Ctrl+C)`);
      break;
    }
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 100));
}

/**
 * CLI: build the synthetic demo extracts and data/manifest.json.
 *   npx tsx notebooks/generate.ts [--seed N] [--out data/extracts] [--scale 1] [--threads N]
 * Same seed and scale → identical rows. Then the answers of the demo's default first views
 * (generate-antwoorden.ts) next to the manifest. See notebooks/ASSUMPTIONS.md for what is assumed where
 * nothing is published, and `npm run notebook` for the calibration report.
 */
import { dirname, join, resolve } from 'node:path';
import { genereerAntwoorden } from './generate-antwoorden.ts';
import { genereer, STANDAARD_SEED } from './generator/index.ts';

function arg(naam: string): string | undefined {
  const i = process.argv.indexOf(`--${naam}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`--${naam} verwacht een waarde`);
  return v;
}

function getal(naam: string, standaard: number): number {
  const v = arg(naam);
  if (v === undefined) return standaard;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${naam}: geen getal (${v})`);
  return n;
}

try {
  const start = performance.now();
  const out = arg('out');
  const res = await genereer({
    seed: getal('seed', STANDAARD_SEED),
    scale: getal('scale', 1),
    out: out ? resolve(out) : undefined,
    threads: arg('threads') ? getal('threads', 0) : undefined,
    log: (r) => console.log(`  ${r}`),
  });
  for (const e of res.manifest.extracts) {
    console.log(`  ${e.file}: ${e.rows.toLocaleString('nl-NL')} rijen, ${(e.bytes / 1048576).toFixed(1)} MiB`);
  }
  // The demo's default first views, computed ahead on these extracts (issue 15, target 1).
  const antwoorden = await genereerAntwoorden(dirname(out ? resolve(out) : join(import.meta.dirname, '..', 'data', 'extracts')));
  console.log(`  ${antwoorden.pad}: ${antwoorden.aantal} antwoorden vooraf berekend, ${(antwoorden.bytes / 1024).toFixed(1)} KiB`);
  const [lo, hi] = res.urenFactorBereik;
  console.log(`  urenfactoren ${lo.toFixed(2)}–${hi.toFixed(2)}`);
  console.log(`Klaar in ${((performance.now() - start) / 1000).toFixed(1)} s (synthetische demodata, seed ${res.manifest.extracts[0]?.seed}).`);
} catch (e) {
  console.error(`Genereren mislukt: ${(e as Error).message}`);
  process.exit(1);
}

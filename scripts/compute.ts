/**
 * npm run compute -- <extract folder> [--uit <folder>] [--bron "<naam>"]
 *
 * Computes the voorberekende tabellen of the pages on native DuckDB (all threads) from a folder
 * of extracts (e.g. data/extracts) and writes them, disclosure-controlled, as small Parquet files
 * with a manifest.json. The site loads such a folder instead of microdata (README: "Browser,
 * compute of native DuckDB").
 */
import { resolve } from 'node:path';
import { compute } from '../src/lib/voorberekend/bereken.ts';

function arg(naam: string): string | undefined {
  const i = process.argv.indexOf(naam);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const map = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !['--uit', '--bron'].includes(all[i - 1] ?? ''));
if (!map) {
  console.error('Gebruik: npm run compute -- <map met extracten> [--uit <map>] [--bron "<naam van de bron>"]');
  process.exit(2);
}
const uit = resolve(arg('--uit') ?? 'voorberekend');
const t0 = performance.now();
try {
  const m = await compute(map, { uit, bron: arg('--bron') });
  console.log(`Voorberekend uit ${m.source} (peildatum ${m.peildatumVan} t/m ${m.peildatumTot}), in ${((performance.now() - t0) / 1000).toFixed(1)} s:`);
  for (const t of m.tables) console.log(`  ${t.file}: ${t.rows} rijen, ${t.bytes} bytes, ${t.suppressedCells} cellen onderdrukt (<10)`);
  console.log(`Manifest: ${resolve(uit, 'manifest.json')}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { buildPaths } from './build-paths.ts';
import { EXTRACT_NAMES } from '../lib/extracts/contracts.ts';
import { VOORBEELD_SQL, voorbeeldPad } from '../lib/extracts/voorbeelden.ts';
import { literal } from '../lib/sql/quote.ts';

/**
 * The example extract per contract (src/lib/extracts/voorbeelden.ts), written as Parquet with
 * native DuckDB: into dist/data/voorbeelden/ at build time, and on first request in `vite`
 * (into node_modules/.cache). Small files, never committed, always in step with the contracts.
 */
export function voorbeeldenPlugin(): Plugin {
  const paths = buildPaths();

  return {
    name: 'participatiemonitor-voorbeelden',
    configResolved: paths.configResolved,
    configureServer(server) {
      server.middlewares.use(serveer(() => join(paths.root, 'node_modules/.cache/pm-voorbeelden')));
    },
    async closeBundle() {
      // Only into a build folder, never into the project's own data/ (a build with outDir '.').
      if (resolve(paths.outDir) === resolve(paths.root)) return;
      await schrijfVoorbeelden(join(paths.outDir, 'data/voorbeelden'));
    },
  };
}

/** Write every example into `dir` (file names as voorbeeldPad gives them). */
async function schrijfVoorbeelden(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    for (const naam of EXTRACT_NAMES) {
      const file = join(dir, voorbeeldPad(naam).split('/').pop()!);
      await conn.run(`COPY (${VOORBEELD_SQL[naam]}) TO ${literal(file)} (FORMAT parquet)`);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

function serveer(dir: () => string): Connect.NextHandleFunction {
  let klaar: Promise<void> | null = null;
  return (req, res, next) => {
    const naam = EXTRACT_NAMES.find((n) => new URL(req.url ?? '/', 'http://x').pathname.endsWith(`/${voorbeeldPad(n)}`));
    if (!naam) return next();
    const file = join(dir(), voorbeeldPad(naam).split('/').pop()!);
    klaar ??= existsSync(file) ? Promise.resolve() : schrijfVoorbeelden(dir());
    klaar.then(
      () => {
        res.setHeader('Content-Type', 'application/vnd.apache.parquet');
        res.end(readFileSync(file));
      },
      (e: unknown) => next(e),
    );
  };
}

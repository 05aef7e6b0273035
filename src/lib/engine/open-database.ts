import * as duckdb from '@duckdb/duckdb-wasm';
import { CACHE_DB, CACHE_FILE, CACHE_META, opfsAvailable } from './cache.ts';
import { ident } from '../sql/quote.ts';
import { dbFout } from './db-fout.ts';

/**
 * Open DuckDB-WASM's database: the OPFS cache file as default database when the browser has OPFS
 * (and the cache is wanted), else a plain in-memory database. Says which, and why not.
 */
export async function openDatabase(db: duckdb.AsyncDuckDB, wantCache: boolean): Promise<{ cache: boolean; reden: string | null }> {
  const config: duckdb.DuckDBConfig = {
    query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
    allowUnsignedExtensions: false,
  };
  let reden: string;
  if (!wantCache) reden = 'uitgezet';
  else if (!(await opfsAvailable())) reden = 'deze browser heeft geen OPFS';
  else {
    try {
      await db.open({ ...config, path: CACHE_FILE, accessMode: duckdb.DuckDBAccessMode.READ_WRITE, opfs: { fileHandling: 'auto' } });
      const c = await db.connect();
      try {
        await c.query(
          `CREATE TABLE IF NOT EXISTS ${CACHE_META} (extract VARCHAR PRIMARY KEY, sleutel VARCHAR NOT NULL, rijen BIGINT NOT NULL, bestand VARCHAR, opgeslagen VARCHAR)`,
        );
        // Codes tables of a cold load whose background copy did not finish (the tab was closed).
        const rest = await c.query(
          `SELECT table_name AS n FROM duckdb_tables() WHERE database_name = '${CACHE_DB}' AND schema_name = 'main' AND contains(table_name, '__codes')`,
        );
        for (const r of rest.toArray()) await c.query(`DROP TABLE ${CACHE_DB}.main.${ident(String(r.n))}`);
      } finally {
        await c.close();
      }
      return { cache: true, reden: null };
    } catch (e) {
      // Another tab holds the file, or it is unusable: work without a cache.
      reden = `cache niet te openen: ${dbFout(e)}`;
    }
  }
  await db.open(config);
  return { cache: false, reden };
}

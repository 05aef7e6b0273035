import type * as duckdb from '@duckdb/duckdb-wasm';
import { ident, literal } from '../sql/quote.ts';
import { CACHE_DB, CACHE_META, WORK_DB } from './cache.ts';
import { codesTable } from './ingest.ts';
import type { ExtractName } from './types.ts';

/** Table swaps in the work database and what the cache file holds, on a DuckDB-WASM connection. */

type Conn = duckdb.AsyncDuckDBConnection;

/**
 * Put a new table or view under the contract name in one transaction: drop what is there now in
 * the work database (table or view, and a codes table behind it), then run `statements`.
 */
export async function swapTable(conn: Conn, name: ExtractName, statements: string[]): Promise<void> {
  const existing = await conn.query(
    `SELECT 'VIEW' AS k, view_name AS n FROM duckdb_views() WHERE database_name = '${WORK_DB}' AND schema_name = 'main' AND view_name = ${literal(name)}
     UNION ALL SELECT 'TABLE', table_name FROM duckdb_tables() WHERE database_name = '${WORK_DB}' AND schema_name = 'main'
       AND table_name IN (${literal(name)}, ${literal(codesTable(name))})`,
  );
  // Views first: a view may read the codes table.
  const drops = existing
    .toArray()
    .map((r) => ({ k: String(r.k), n: String(r.n) }))
    .sort((a, b) => (a.k === b.k ? 0 : a.k === 'VIEW' ? -1 : 1))
    .map((r) => `DROP ${r.k} ${WORK_DB}.main.${ident(r.n)}`);
  await conn.query('BEGIN TRANSACTION');
  try {
    for (const s of [...drops, ...statements]) await conn.query(s);
    await conn.query('COMMIT');
  } catch (e) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The extracts the cache file holds a table of, with their key and rows (empty when it cannot be read). */
export async function cachedKeys(conn: Conn): Promise<Map<string, { sleutel: string; rijen: number }>> {
  const out = new Map<string, { sleutel: string; rijen: number }>();
  try {
    const t = await conn.query(
      `SELECT m.extract, m.sleutel, m.rijen FROM ${CACHE_META} m
       JOIN duckdb_tables() t ON t.database_name = '${CACHE_DB}' AND t.schema_name = 'main' AND t.table_name = m.extract`,
    );
    for (const row of t.toArray()) out.set(String(row.extract), { sleutel: String(row.sleutel), rijen: Number(row.rijen) });
  } catch {
    // Unreadable cache: decode everything.
  }
  return out;
}

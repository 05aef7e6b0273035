/** A small hand-built panel (rows of SQL VALUES in the doelgroep_kwartaal columns) as a Parquet file, and native DuckDB on it. */
import { DuckDBInstance } from '@duckdb/node-api';
import { NodeEngine } from '../../src/lib/engine/node.ts';

/** Writes the rows to `pad` as Parquet. */
export async function schrijfPaneel(pad: string, rijen: readonly string[]): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (SELECT * FROM (VALUES ${rijen.join(',\n')}) AS t(persoon_id, peildatum, achtergrond, regio_code, gemeente_code,
    werkzaam, baan_id, sector, dienstverband, contract, uren, baan_startdatum)) TO '${pad}' (FORMAT parquet)`);
  conn.closeSync();
  db.closeSync();
}

/** Writes the rows to `pad` and returns an engine with them as `doelgroep_kwartaal`. */
export async function paneelAlsParquet(pad: string, rijen: readonly string[]): Promise<NodeEngine> {
  await schrijfPaneel(pad, rijen);
  const engine = await NodeEngine.create();
  await engine.attachParquet({ doelgroep_kwartaal: pad });
  return engine;
}

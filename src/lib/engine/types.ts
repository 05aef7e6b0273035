import type { Table } from 'apache-arrow';

/** A value bound to a `?` placeholder. Metric functions pass typed values, never user strings spliced into SQL. */
export type SqlParam = string | number | boolean | null;

/**
 * The one interface every analysis talks to. The browser adapter runs DuckDB-WASM in a Web Worker,
 * the Node adapter runs @duckdb/node-api (same DuckDB version, same SQL). Both return an
 * apache-arrow Table; BIGINT/HUGEINT/DECIMAL arrive as doubles in both.
 */
export interface QueryEngine {
  query(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  close(): Promise<void>;
}

/** Names of the tables the engine exposes; one per extract contract. */
export type ExtractName =
  | 'doelgroep_kwartaal'
  | 'doelgroep_uitstroom'
  | 'beschut_adviezen'
  | 'beschut_plekken'
  | 'buig_gemeente';

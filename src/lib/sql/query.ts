/**
 * An SQL statement with its `?` parameters, and how a metric turns the engine's answer into the
 * rows a page shows. Metric modules build `SqlQuery`s from typed parameters; `run` executes one
 * on any engine (native DuckDB in tests and notebooks, DuckDB-WASM through the query layer).
 */
import type { Table } from 'apache-arrow';
import type { ExtractName, QueryEngine, SqlParam } from '../engine/types.ts';
import { literal } from './quote.ts';

export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

/** What a view asks: the SQL, the extracts it reads (for provenance and caching) and the shaping. */
export interface MetricQuery<T> extends SqlQuery {
  extracts: readonly ExtractName[];
  shape: (table: Table) => T;
  /**
   * Statements the query needs to have run once per data version, e.g. a pre-aggregated table
   * (`CREATE OR REPLACE TABLE … AS …`). The query layer runs each once; `runMetric` every time.
   */
  setup?: readonly { name: string; sql: string }[];
  /**
   * The same question on voorberekende tabellen (`npm run compute`), when it cannot be the main SQL
   * on a setup table: its own SQL and setup, answering with the columns `shape` reads, or with its
   * own `shape` to the same type (a table of one row per count read back into the page's rows).
   */
  voorberekend?: Voorberekend & { shape?: (table: Table) => T };
}

/** A query's SQL on voorberekende tabellen with the setup tables it reads from the folder. */
export type Voorberekend = SqlQuery & { setup: readonly { name: string; sql: string }[] };

/** Run a query and shape its answer, on any engine. */
export async function run<T>(engine: QueryEngine, q: SqlQuery, shape: (table: Table) => T): Promise<T> {
  return shape(await engine.query(q.sql, q.params));
}

/** Run a metric query on any engine (tests, notebooks, bench). */
export async function runMetric<T>(engine: QueryEngine, q: MetricQuery<T>): Promise<T> {
  for (const s of q.setup ?? []) await engine.query(s.sql);
  return run(engine, q, q.shape);
}

/**
 * The statement with every `?` replaced by its parameter as a literal, so it can be sent as plain
 * text: cached by its text, and interrupted in the engine when a newer question supersedes it
 * (a prepared statement in DuckDB-WASM cannot be interrupted). Question marks inside string
 * literals, quoted identifiers and comments are left alone.
 */
export function inlineParams(q: SqlQuery): string {
  const { sql, params } = q;
  let out = '';
  let next = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      if (next >= params.length) throw new Error(`Te weinig parameters voor de query (${params.length})`);
      out += literal(params[next++]);
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  if (next !== params.length) throw new Error(`De query gebruikt ${next} van de ${params.length} parameters`);
  return out;
}

/** Index just past the quote that closes the one at `start` (a doubled quote is an escaped one). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import {
  Bool, DateDay, Float64, Int32, Utf8, Table, vectorFromArray, type DataType, type Vector,
} from 'apache-arrow';
import type { ExtractName, QueryEngine, SqlParam } from './types.ts';
import { literal } from '../sql/quote.ts';

/**
 * Native DuckDB adapter (tests, notebooks, CLI, bench). Results are converted to apache-arrow
 * with the same type mapping the WASM adapter gets from `castBigIntToDouble` /
 * `castDecimalToDouble`, so metric code cannot tell the engines apart.
 */
export class NodeEngine implements QueryEngine {
  /**
   * One connection runs one statement at a time: @duckdb/node-api fails with "Failed to execute
   * prepared statement" when two prepared statements overlap on a connection, so calls queue here.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly instance: DuckDBInstance, private readonly conn: DuckDBConnection) {}

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  static async create(path = ':memory:'): Promise<NodeEngine> {
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    return new NodeEngine(instance, conn);
  }

  /** Expose Parquet files as views named after their contract (native DuckDB reads Parquet itself). */
  async attachParquet(files: Partial<Record<ExtractName, string>>): Promise<void> {
    for (const [name, file] of Object.entries(files)) {
      if (!/^[a-z_]+$/.test(name)) throw new Error(`ongeldige tabelnaam ${name}`);
      await this.exec(`CREATE OR REPLACE VIEW ${name} AS SELECT * FROM read_parquet(${literal(file!)})`);
    }
  }

  /** Run a statement without a result (DDL, COPY, INSERT). */
  async exec(sql: string, params?: readonly SqlParam[]): Promise<void> {
    await this.serial(() => this.conn.run(sql, params ? [...params] : undefined));
  }

  async query(sql: string, params?: readonly SqlParam[]): Promise<Table> {
    const reader = await this.serial(() => this.conn.runAndReadAll(sql, params ? [...params] : undefined));
    const names = reader.columnNames();
    const types = reader.columnTypes();
    const cols = reader.getColumnsJS();
    const vectors: Record<string, Vector> = {};
    names.forEach((name, i) => {
      vectors[name] = toVector(types[i].typeId, (cols[i] ?? []) as unknown[], name); // no columns come back for 0 rows
    });
    if (names.length === 0) return new Table();
    return new Table(vectors);
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync?.();
  }
}

function toVector(typeId: DuckDBTypeId, values: unknown[], name: string): Vector {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return vectorFromArray(values as (boolean | null)[], new Bool());
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return vectorFromArray(values as (number | null)[], new Int32());
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.DECIMAL:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : Number(v))), new Float64());
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
      return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : String(v))), new Utf8());
    case DuckDBTypeId.DATE:
      return vectorFromArray(values as (Date | null)[], new DateDay());
    case DuckDBTypeId.SQLNULL:
      return vectorFromArray(values.map(() => null), new Int32() as DataType);
    default:
      throw new Error(`Kolom ${name}: DuckDB-type ${DuckDBTypeId[typeId]} wordt niet ondersteund in resultaten; cast in SQL.`);
  }
}


import type { FileMetaData, SchemaElement } from 'hyparquet';
import type { ColumnContract, ExtractContract } from '../extracts/contracts.ts';
import { GEMEENTEN } from '../extracts/gemeenten.ts';
import { REGIO_CODES } from '../extracts/regions.ts';
import { ident, listLiteral, literal } from '../sql/quote.ts';
import { DecodeError, flatColumns, type DecodeTarget, codeBook } from './parquet-decode.ts';

/**
 * From a Parquet file's metadata and an extract contract to (1) the DuckDB type names the
 * validator checks, and (2) the compact column layout the browser engine loads: INTEGER where
 * the values fit, DATE, BOOLEAN, DOUBLE, and ENUMs for the categorical columns.
 */

/** One column as DuckDB would name its type when reading the Parquet file. */
export interface ParquetKolom {
  name: string;
  type: string;
}

/** DuckDB's name for the type of each top-level Parquet column (for checkSchema). */
export function parquetColumnTypes(md: FileMetaData): ParquetKolom[] {
  return [...flatColumns(md).entries()].map(([name, el]) => ({ name, type: duckTypeName(el) }));
}

function duckTypeName(el: SchemaElement): string {
  if (!el.type) return el.converted_type === 'LIST' || el.logical_type?.type === 'LIST' ? 'LIST' : 'STRUCT';
  if (el.repetition_type === 'REPEATED') return 'LIST';
  const ct = el.converted_type;
  const lt = el.logical_type;
  if (ct === 'DECIMAL' || lt?.type === 'DECIMAL') return `DECIMAL(${el.precision ?? 18},${el.scale ?? 0})`;
  switch (el.type) {
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'INT32':
      if (ct === 'DATE' || lt?.type === 'DATE') return 'DATE';
      if (ct === 'TIME_MILLIS' || lt?.type === 'TIME') return 'TIME';
      if (lt?.type === 'INTEGER') return intName(lt.bitWidth, lt.isSigned);
      if (ct === 'INT_8') return 'TINYINT';
      if (ct === 'INT_16') return 'SMALLINT';
      if (ct === 'UINT_8') return 'UTINYINT';
      if (ct === 'UINT_16') return 'USMALLINT';
      if (ct === 'UINT_32') return 'UINTEGER';
      return 'INTEGER';
    case 'INT64':
      if (ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS' || lt?.type === 'TIMESTAMP') return 'TIMESTAMP';
      if (ct === 'TIME_MICROS' || lt?.type === 'TIME') return 'TIME';
      if (ct === 'UINT_64' || (lt?.type === 'INTEGER' && !lt.isSigned)) return 'UBIGINT';
      return 'BIGINT';
    case 'INT96':
      return 'TIMESTAMP';
    case 'FLOAT':
      return 'FLOAT';
    case 'DOUBLE':
      return 'DOUBLE';
    case 'BYTE_ARRAY':
      if (ct === 'UTF8' || ct === 'ENUM' || ct === 'JSON' || lt?.type === 'STRING' || lt?.type === 'ENUM' || lt?.type === 'JSON') return 'VARCHAR';
      return 'BLOB';
    case 'FIXED_LEN_BYTE_ARRAY':
      if (lt?.type === 'UUID') return 'UUID';
      if (lt?.type === 'FLOAT16') return 'FLOAT';
      return 'BLOB';
  }
  return 'BLOB';
}

function intName(bits: number, signed: boolean): string {
  const n = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[bits] ?? 'BIGINT';
  return signed ? n : `U${n}`;
}

/** How one contract column is loaded. */
export interface ColumnPlan {
  name: string;
  target: DecodeTarget;
  /** DuckDB column type, e.g. INTEGER or ENUM('a', 'b'). */
  duckType: string;
  /** Categorical columns: the ENUM values (code i = values[i]) and the integer type of the codes. */
  values?: string[];
  codeType?: 'UTINYINT' | 'USMALLINT';
}

export interface TablePlan {
  columns: ColumnPlan[];
  rows: number;
  rowGroups: number;
}

/** Most distinct values an ENUM column may get (USMALLINT codes); more means the column is not categorical. */
export const MAX_ENUM_WAARDEN = 65535;

/**
 * The values a categorical column's ENUM is built from: the contract's domain or reference list
 * plus anything else the file holds (so validation can name an unknown value), in byte order so
 * that ORDER BY on the ENUM equals ORDER BY on text, as in native DuckDB on the Parquet file.
 */
export function enumValues(col: ColumnContract, found: Iterable<string>): string[] {
  const all = new Set<string>(found);
  for (const v of col.domain ?? []) all.add(v);
  if (col.reference === 'regio') for (const v of REGIO_CODES) all.add(v);
  if (col.reference === 'gemeente') for (const g of GEMEENTEN) all.add(g.code);
  return [...all].sort(byteOrder);
}

/** Binary (UTF-8 byte) order, DuckDB's default collation for VARCHAR. */
export function byteOrder(a: string, b: string): number {
  const ea = utf8.encode(a);
  const eb = utf8.encode(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}
const utf8 = new TextEncoder();

/**
 * The load plan of a contract for a file whose schema already passed `checkSchema`.
 * `distinct` holds the distinct text values per categorical column (from the dictionary pages).
 */
export function planTable(
  contract: ExtractContract,
  md: FileMetaData,
  distinct: ReadonlyMap<string, Iterable<string>>,
  options: { grow?: boolean } = {},
): TablePlan {
  const elements = flatColumns(md);
  const columns = contract.columns.map((col): ColumnPlan => {
    const el = elements.get(col.name);
    if (!el) throw new DecodeError(`kolom ${col.name} ontbreekt`, col.name);
    switch (col.kind) {
      case 'integer': {
        const fits = fitsInt32(md, col.name, el);
        return { name: col.name, target: { kind: fits ? 'int32' : 'int64' }, duckType: fits ? 'INTEGER' : 'BIGINT' };
      }
      case 'double':
        return { name: col.name, target: { kind: 'float64' }, duckType: 'DOUBLE' };
      case 'date':
        return { name: col.name, target: { kind: 'date' }, duckType: 'DATE' };
      case 'boolean':
        return { name: col.name, target: { kind: 'bool' }, duckType: 'BOOLEAN' };
      case 'varchar': {
        const values = enumValues(col, distinct.get(col.name) ?? []);
        if (values.length > MAX_ENUM_WAARDEN) throw new DecodeError(`kolom ${col.name} heeft meer dan ${MAX_ENUM_WAARDEN} verschillende waarden`, col.name);
        // A growing book (values not known in advance) keeps room for unexpected values.
        const wide = values.length > (options.grow ? 200 : 255);
        return {
          name: col.name,
          target: { kind: 'code', book: codeBook(values), width: wide ? 16 : 8, grow: options.grow },
          duckType: enumType(values),
          values,
          codeType: wide ? 'USMALLINT' : 'UTINYINT',
        };
      }
    }
  });
  return {
    columns,
    rows: Number(md.num_rows),
    rowGroups: md.row_groups.length,
  };
}

/** INT32 columns always fit; INT64 only when every row group's statistics say so. */
function fitsInt32(md: FileMetaData, name: string, el: SchemaElement): boolean {
  if (el.type === 'INT32') return el.converted_type !== 'UINT_32' && !(el.logical_type?.type === 'INTEGER' && !el.logical_type.isSigned && el.logical_type.bitWidth === 32);
  for (const rg of md.row_groups) {
    const c = rg.columns.find((x) => x.meta_data?.path_in_schema[0] === name)?.meta_data;
    const s = c?.statistics;
    const lo = s?.min_value ?? s?.min;
    const hi = s?.max_value ?? s?.max;
    if (Number(rg.num_rows) === 0) continue;
    if (typeof lo !== 'bigint' && typeof lo !== 'number') {
      // All-null chunks carry no min/max; anything else without statistics: be safe.
      if (s?.null_count !== undefined && Number(s.null_count) === Number(rg.num_rows)) continue;
      return false;
    }
    if (typeof hi !== 'bigint' && typeof hi !== 'number') return false;
    if (Number(lo) < -2147483648 || Number(hi) > 2147483647) return false;
  }
  return true;
}

/** Column descriptions after decoding: a grown code book gives the final ENUM (values sorted, codes in book order). */
export function finalColumns(plan: TablePlan): { name: string; duckType: string; values?: string[]; codeType?: string }[] {
  return plan.columns.map((c) => {
    if (c.target.kind !== 'code') return { name: c.name, duckType: c.duckType };
    const values = [...c.target.book.values];
    return { name: c.name, duckType: enumType([...values].sort(byteOrder)), values, codeType: c.codeType };
  });
}

export function enumType(values: readonly string[]): string {
  return `ENUM(${values.map(literal).join(', ')})`;
}

/**
 * The view that shows a codes table (categorical columns as small integers, the fastest thing to
 * insert) with the contract's columns and ENUM types. The code → value lists are constants that
 * DuckDB folds once per query.
 */
export function codesViewSql(view: string, codesTable: string, columns: readonly { name: string; duckType: string; values?: string[] }[]): string {
  const cols = columns.map((c) =>
    c.values
      ? `(${listLiteral(c.values)}::${c.duckType}[])[CAST(${ident(c.name)} AS INTEGER) + 1] AS ${ident(c.name)}`
      : ident(c.name),
  );
  return `CREATE VIEW ${view} AS SELECT ${cols.join(', ')} FROM ${codesTable}`;
}

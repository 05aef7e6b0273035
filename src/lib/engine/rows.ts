import { DataType, type Table } from 'apache-arrow';

/**
 * Small aggregated results only (tens to thousands of rows): turns an Arrow table into plain
 * objects, numbers as numbers (BigInt → number), dates as ISO strings (yyyy-mm-dd).
 * Never call this on microdata-sized results.
 */
export function toRows<T = Record<string, unknown>>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((n) => table.getChild(n));
  const isDate = table.schema.fields.map((f) => DataType.isDate(f.type));
  const out: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = normalise(cols[j]?.get(i), isDate[j]);
    out[i] = row as T;
  }
  return out;
}

function normalise(v: unknown, isDate: boolean): unknown {
  if (v === null || v === undefined) return null;
  // apache-arrow 17 returns DATE values as epoch milliseconds.
  if (isDate) return new Date(Number(v)).toISOString().slice(0, 10);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v ?? null;
}

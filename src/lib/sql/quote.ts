/**
 * The one place where values and names become SQL text. Literals are written by
 * @uwdata/mosaic-sql (`literal`: strings with doubled quotes, numbers, booleans, NULL, dates),
 * identifiers are checked against a closed pattern and double-quoted. Nothing a user typed ever
 * reaches SQL as text: URL values are parsed into closed sets before a metric sees them, and a
 * file's values only travel as data.
 */
import { literal as mosaicLiteral } from '@uwdata/mosaic-sql';
import type { SqlParam } from '../engine/types.ts';

/** A value as an SQL literal: 'O''Brien', 42, TRUE, NULL. Non-finite numbers become NULL. */
export function literal(value: SqlParam): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'NULL';
  return String(mosaicLiteral(value));
}

/** A table or column name from the contracts or the engine; anything else is refused. */
export function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Ongeldige naam: ${name}`);
  return `"${name}"`;
}

/** `(v1, v2, …)` for an IN clause; an empty list is `(NULL)`, which matches nothing. */
export function inList(values: readonly SqlParam[]): string {
  return values.length === 0 ? '(NULL)' : `(${values.map(literal).join(', ')})`;
}

/** `[v1, v2, …]`: a DuckDB list literal. */
export function listLiteral(values: readonly SqlParam[]): string {
  return `[${values.map(literal).join(', ')}]`;
}

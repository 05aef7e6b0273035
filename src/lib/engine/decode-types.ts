import type { SchemaElement } from 'hyparquet';

/** The shapes the Parquet decoder (parquet-decode.ts) works with, and its error. */

/** What one decoded column becomes. `code` maps text to a small integer via a code book. */
export type DecodeTarget =
  | { kind: 'int32' }
  | { kind: 'int64' }
  | { kind: 'float64' }
  | { kind: 'date' }
  | { kind: 'bool' }
  | { kind: 'code'; book: CodeBook; width?: 8 | 16; grow?: boolean };

/**
 * Text values and their codes (index in `values`); `values` is what the ENUM is built from.
 * A target with `grow` appends values it has not seen (codes stay stable); `width` fixes the code
 * array type (8 or 16 bits) so a growing book cannot change it half-way.
 */
export interface CodeBook {
  values: string[];
  index: Map<string, number>;
}

export function codeBook(values: readonly string[]): CodeBook {
  const v = [...values];
  return { values: v, index: new Map(v.map((s, i) => [s, i])) };
}

export type ValueArray = Int32Array | BigInt64Array | Float64Array | Uint8Array | Uint16Array;

export interface DecodedColumn {
  name: string;
  /** int32/date → Int32Array, int64 → BigInt64Array, float64 → Float64Array, bool → bitmap, code → Uint8/Uint16. */
  values: ValueArray;
  /** Arrow-style validity bitmap (bit set = valid), null when there are no nulls. */
  valid: Uint8Array | null;
  nullCount: number;
}

/** A value a column cannot hold in the chosen target (e.g. text outside the code book). */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly kolom: string,
    readonly rij?: number,
    readonly waarde?: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Bytes of (part of) a Parquet file: `bytes[i]` is file byte `base + i`. */
export interface FileWindow {
  bytes: Uint8Array;
  base: number;
}

export interface ChunkSpec {
  name: string;
  target: DecodeTarget;
}

/** Per-chunk output being filled. */
export interface Sink {
  spec: ChunkSpec;
  element: SchemaElement;
  values: ValueArray;
  valid: Uint8Array | null;
  nullCount: number;
  /** Next row to write. */
  row: number;
  rows: number;
  rowStart: number;
  /** Dictionary converted to the target representation. */
  dict: ValueArray | null;
  /** Collect mode: unknown text values are added to the book instead of refused. */
  collect: boolean;
  /**
   * Dictionary entries that do not fit the target (e.g. an unsigned value ≥ 2^63): only an error
   * when a row uses one, so the message can name that row. Index → the value as text.
   */
  slecht: Map<number, { waarde: string; doel: string }> | null;
}

export function allocate(t: DecodeTarget, rows: number): ValueArray {
  switch (t.kind) {
    case 'int32':
    case 'date':
      return new Int32Array(rows);
    case 'int64':
      return new BigInt64Array(rows);
    case 'float64':
      return new Float64Array(rows);
    case 'bool':
      return new Uint8Array((rows + 7) >> 3);
    case 'code':
      if (t.width) return t.width === 8 ? new Uint8Array(rows) : new Uint16Array(rows);
      // Sized for the final book; a book can only grow in collect mode, where 16 bits are plenty.
      return t.book.values.length > 255 || t.book.values.length === 0 ? new Uint16Array(rows) : new Uint8Array(rows);
  }
}

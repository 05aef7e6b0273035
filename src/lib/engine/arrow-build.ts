import {
  Bool, DateDay, Dictionary, Field, Float64, Int32, Int64, makeData, makeVector, RecordBatch, Schema, Struct, Table, tableToIPC, Uint16, Uint8,
  Utf8, type Data, type DataType, type Vector,
} from 'apache-arrow';
import type { DecodedColumn } from './parquet-decode.ts';
import type { ColumnPlan } from './extract-schema.ts';

/**
 * Decoded typed arrays → one Arrow IPC stream (one record batch) for
 * `insertArrowFromIPCStream`. The arrays are wrapped, not copied; categorical codes travel as
 * dictionary-encoded text so DuckDB turns them into the table's ENUM values.
 */
export class ArrowBuilder {
  private readonly dictionaries = new Map<string, Vector>();

  constructor(
    private readonly plan: readonly ColumnPlan[],
    private readonly categorical: 'codes' | 'dictionary' = 'dictionary',
  ) {
    plan.forEach((c) => {
      if (c.target.kind === 'code') this.dictionaries.set(c.name, utf8Vector(c.target.book.values));
    });
  }

  /** One IPC stream for one row group. */
  ipc(cols: readonly DecodedColumn[], rows: number): Uint8Array {
    return this.stream([this.batch(cols, rows)]);
  }

  /** One IPC stream for several record batches (fewer, larger inserts into DuckDB). */
  stream(batches: readonly RecordBatch[]): Uint8Array {
    return tableToIPC(new Table(batches as RecordBatch[]), 'stream');
  }

  batch(cols: readonly DecodedColumn[], rows: number): RecordBatch {
    const fields: Field[] = [];
    const children: Data[] = [];
    this.plan.forEach((c, i) => {
      const col = cols[i];
      if (col.name !== c.name) throw new Error(`kolomvolgorde klopt niet: ${col.name} ≠ ${c.name}`);
      const type = this.type(c, col, i);
      fields.push(new Field(c.name, type, true));
      const props: Record<string, unknown> = {
        type,
        length: rows,
        nullCount: col.nullCount,
        data: col.values,
        nullBitmap: col.valid ?? undefined,
      };
      if (c.target.kind === 'code' && this.categorical === 'dictionary') props.dictionary = this.dictionaries.get(c.name);
      children.push(makeData(props as never));
    });
    const schema = new Schema(fields);
    return new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }));
  }

  private type(c: ColumnPlan, col: DecodedColumn, i: number): DataType {
    switch (c.target.kind) {
      case 'int32':
        return new Int32();
      case 'int64':
        return new Int64();
      case 'float64':
        return new Float64();
      case 'date':
        return new DateDay();
      case 'bool':
        return new Bool();
      case 'code': {
        const index = col.values instanceof Uint16Array ? new Uint16() : new Uint8();
        return this.categorical === 'dictionary' ? new Dictionary(new Utf8(), index, i) : index;
      }
    }
  }
}

/**
 * Text values as an Arrow Utf8 vector, built from offsets and bytes. apache-arrow's own builders
 * (vectorFromArray) compile a null check with `new Function`, which the site's
 * Content-Security-Policy (no 'unsafe-eval', also in workers) forbids.
 */
function utf8Vector(values: readonly string[]): Vector<Utf8> {
  const enc = new TextEncoder();
  const parts = values.map((v) => enc.encode(v));
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const data = new Uint8Array(offsets[parts.length]);
  parts.forEach((p, i) => data.set(p, offsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: parts.length, nullCount: 0, valueOffsets: offsets, data }));
}

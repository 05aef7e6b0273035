import type { SchemaElement } from 'hyparquet';
import { kortWaarde } from '../extracts/meldingen.ts';
import { DecodeError, allocate, type Sink, type ValueArray } from './decode-types.ts';

/**
 * From the values hyparquet reads (typed arrays, or arrays of byte strings) to the decoder's target
 * representation: integer widths, unsigned integers without sign wrap, DECIMAL in any physical
 * type as DuckDB casts it to DOUBLE, FLOAT16, text through the code book.
 */

const utf8 = new TextDecoder();

/**
 * Bring plain-decoded values (typed array or JS array from hyparquet) to the target representation.
 * Bool values come back one byte per value; they are packed into bits in `scatter`.
 * `row` is the first row the values belong to (-1 for dictionary pages), used in messages.
 */
export function convertValues(sink: Sink, plain: unknown, count: number, row: number): ValueArray {
  const { target, name } = sink.spec;
  // A page of nulls only has no values (hyparquet gives a plain empty array).
  if (count === 0) return target.kind === 'code' ? new Uint16Array(0) : allocate(target, 0);
  const type = sink.element.type;
  const ctype = sink.element.converted_type;
  const lt = sink.element.logical_type;
  // UINT_8 … UINT_64: the same bits as the signed type; reading them signed would wrap 2^31 and up.
  const unsigned = isUnsigned(sink.element);
  switch (target.kind) {
    case 'int32':
    case 'date': {
      if (target.kind === 'date' && !(ctype === 'DATE' || lt?.type === 'DATE'))
        throw new DecodeError(`kolom ${name} is geen DATE`, name);
      if (plain instanceof Int32Array) {
        if (unsigned) checkUnsigned32(plain, sink, row);
        return plain;
      }
      if (plain instanceof BigInt64Array) return narrowInt64(plain, sink, row, unsigned);
      throw new DecodeError(`kolom ${name}: type ${type} is geen geheel getal`, name);
    }
    case 'int64': {
      if (plain instanceof BigInt64Array) {
        if (unsigned) for (let i = 0; i < count; i++) if (plain[i] < 0n) tooBig(sink, row, i, BigInt.asUintN(64, plain[i]), 'BIGINT');
        return plain;
      }
      if (plain instanceof Int32Array) return BigInt64Array.from(plain, unsigned ? (v) => BigInt(v >>> 0) : (v) => BigInt(v));
      throw new DecodeError(`kolom ${name}: type ${type} is geen geheel getal`, name);
    }
    case 'float64': {
      // DECIMAL(p, s) as INT32, INT64, FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY: the unscaled integer / 10^s,
      // as DuckDB casts a DECIMAL to DOUBLE.
      const deler = ctype === 'DECIMAL' || lt?.type === 'DECIMAL' ? 10 ** (sink.element.scale ?? 0) : 1;
      if (plain instanceof Float64Array && deler === 1) return plain;
      const out = new Float64Array(count);
      if (plain instanceof Float64Array || plain instanceof Float32Array) {
        for (let i = 0; i < count; i++) out[i] = plain[i] / deler;
      } else if (plain instanceof Int32Array) {
        if (unsigned) for (let i = 0; i < count; i++) out[i] = (plain[i] >>> 0) / deler;
        else for (let i = 0; i < count; i++) out[i] = plain[i] / deler;
      } else if (plain instanceof BigInt64Array) {
        for (let i = 0; i < count; i++) out[i] = Number(unsigned ? BigInt.asUintN(64, plain[i]) : plain[i]) / deler;
      } else if (Array.isArray(plain) && (type === 'FIXED_LEN_BYTE_ARRAY' || type === 'BYTE_ARRAY')) {
        const half = lt?.type === 'FLOAT16';
        if (!half && deler === 1 && ctype !== 'DECIMAL' && lt?.type !== 'DECIMAL') throw new DecodeError(`kolom ${name}: type ${type} is geen getal`, name);
        for (let i = 0; i < count; i++) out[i] = half ? float16(plain[i] as Uint8Array) : bigEndianInt(plain[i] as Uint8Array) / deler;
      } else throw new DecodeError(`kolom ${name}: type ${type} is geen getal`, name);
      return out;
    }
    case 'bool': {
      if (type !== 'BOOLEAN') throw new DecodeError(`kolom ${name} is geen BOOLEAN`, name);
      const out = new Uint8Array(count);
      const src = plain as ArrayLike<boolean | number>;
      for (let i = 0; i < count; i++) out[i] = src[i] ? 1 : 0;
      return out;
    }
    case 'code': {
      if (type !== 'BYTE_ARRAY') throw new DecodeError(`kolom ${name} is geen tekst`, name);
      const book = target.book;
      const src = plain as Uint8Array[];
      // Uint16 with 0xffff as "not in the book" (checked in scatter, where the row is known).
      const out = new Uint16Array(count);
      for (let i = 0; i < count; i++) {
        const s = tekst(src[i]);
        let c = book.index.get(s);
        if (c === undefined) {
          if (!sink.collect) {
            // Dictionary values are checked when used; report the row only for data pages.
            if (row < 0) {
              c = 0xffff;
            } else {
              throw new DecodeError(`kolom ${name}: onverwachte waarde '${kortWaarde(s)}'`, name, sink.rowStart + row + i, s);
            }
          } else {
            c = book.values.length;
            const limit = target.width === 8 ? 255 : 65535;
            if (c >= limit) throw new DecodeError(`kolom ${name}: meer dan ${limit} verschillende waarden`, name);
            book.values.push(s);
            book.index.set(s, c);
          }
        }
        out[i] = c;
      }
      return out;
    }
  }
}

export function isUnsigned(el: SchemaElement): boolean {
  return el.converted_type?.startsWith('UINT_') === true || (el.logical_type?.type === 'INTEGER' && !el.logical_type.isSigned);
}

/**
 * UTF-8 text as the engine stores it: a NUL byte becomes the visible ␀ (DuckDB's SQL text cannot
 * hold a NUL, and such a value can only be refused, naming it readably).
 */
export function tekst(b: Uint8Array): string {
  const s = utf8.decode(b);
  return s.includes('\0') ? s.replaceAll('\0', '␀') : s;
}

/** A big-endian two's-complement integer (DECIMAL as FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY), as a double. */
function bigEndianInt(b: Uint8Array): number {
  if (b.length === 0) return 0;
  if (b.length <= 6) {
    let v = 0;
    for (let i = 0; i < b.length; i++) v = v * 256 + b[i];
    return b[0] & 0x80 ? v - 2 ** (8 * b.length) : v;
  }
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return Number(BigInt.asIntN(8 * b.length, v));
}

/** IEEE 754 half precision (FLOAT16, little-endian). */
function float16(b: Uint8Array): number {
  const h = b[0] | (b[1] << 8);
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/**
 * A value that does not fit the target: on a data page an error naming the row; in a dictionary
 * it is noted and becomes an error only when a row uses it (checkSlecht).
 */
function tooBig(sink: Sink, row: number, i: number, v: bigint, doel: string): void {
  if (row < 0) {
    (sink.slecht ??= new Map()).set(i, { waarde: String(v), doel });
    return;
  }
  const name = sink.spec.name;
  throw new DecodeError(`kolom ${name}: waarde ${v} past niet in ${doel}`, name, sink.rowStart + row + i, String(v));
}

/** Dictionary indices of a data page that point at a value that does not fit: the first one is an error with its row. */
export function checkSlecht(sink: Sink, idx: Int32Array, defs: Uint8Array | null): void {
  for (let j = 0; j < idx.length; j++) {
    const fout = sink.slecht!.get(idx[j]);
    if (!fout) continue;
    let row = sink.row + j;
    if (defs) {
      let seen = -1;
      for (let i = 0; i < defs.length; i++) if (defs[i] && ++seen === j) { row = sink.row + i; break; }
    }
    const name = sink.spec.name;
    throw new DecodeError(`kolom ${name}: waarde ${fout.waarde} past niet in ${fout.doel}`, name, sink.rowStart + row, fout.waarde);
  }
}

/** UINT_32 read as Int32: a negative number means 2^31 or more, which INTEGER cannot hold. */
function checkUnsigned32(v: Int32Array, sink: Sink, row: number): void {
  for (let i = 0; i < v.length; i++) if (v[i] < 0) tooBig(sink, row, i, BigInt(v[i] >>> 0), 'INTEGER');
}

/** INT64 → Int32 when every value fits; reads the low/high words without BigInt per value. */
function narrowInt64(v: BigInt64Array, sink: Sink, row: number, unsigned = false): Int32Array {
  const words = new Int32Array(v.buffer, v.byteOffset, v.length * 2);
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const lo = words[2 * i];
    if (words[2 * i + 1] !== lo >> 31 || (unsigned && lo < 0)) tooBig(sink, row, i, unsigned ? BigInt.asUintN(64, v[i]) : v[i], 'INTEGER');
    out[i] = lo;
  }
  return out;
}

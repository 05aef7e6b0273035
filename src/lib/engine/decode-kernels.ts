import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import type { ValueArray } from './decode-types.ts';

/**
 * The decoder's inner loops on typed arrays: dictionary gather, null scatter (one monomorphic
 * function per element type, branch-free), validity bitmaps, and the RLE/bit-packed hybrid.
 */

export function gather(dict: ValueArray, idx: Int32Array): ValueArray {
  if (dict instanceof BigInt64Array) return gatherI64(dict, idx);
  if (dict instanceof Float64Array) return gatherF64(dict, idx);
  if (dict instanceof Int32Array) return gatherI32(dict, idx);
  if (dict instanceof Uint16Array) return gatherU16(dict, idx);
  throw new Error('onverwacht woordenboektype');
}

function gatherI64(dict: BigInt64Array, idx: Int32Array): BigInt64Array {
  const out = new BigInt64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = dict[idx[i]];
  return out;
}

function gatherF64(dict: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = dict[idx[i]];
  return out;
}

function gatherI32(dict: Int32Array, idx: Int32Array): Int32Array {
  const out = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = dict[idx[i]];
  return out;
}

function gatherU16(dict: Uint16Array, idx: Int32Array): Uint16Array {
  const out = new Uint16Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = dict[idx[i]];
  return out;
}

export function setAllValid(valid: Uint8Array, at: number, n: number): void {
  for (let i = at; i < at + n; i++) valid[i >> 3] |= 1 << (i & 7);
}

export function setValidity(valid: Uint8Array, defs: Uint8Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) valid[(at + i) >> 3] |= defs[i] << ((at + i) & 7);
}

export function scatterBits(out: Uint8Array, d: Uint8Array, defs: Uint8Array, at: number, n: number): void {
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[(at + i) >> 3] |= (d[j < last ? j : last] & defs[i]) << ((at + i) & 7);
    j += defs[i];
  }
}

export function scatterI64(out: BigInt64Array, d: BigInt64Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

export function scatterF64(out: Float64Array, d: Float64Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

export function scatterI32(out: Int32Array, d: Int32Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

export function scatterU16(out: Uint16Array, d: Uint16Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

export function scatterU8(out: Uint8Array, d: Uint16Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

export function packBits(out: Uint8Array, bytes: Uint8Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) if (bytes[i]) out[(at + i) >> 3] |= 1 << ((at + i) & 7);
}

/**
 * The RLE / bit-packed hybrid (levels, dictionary indices, booleans) from `bytes[pos..end)` into
 * `out` (fills out.length values). Reads bytes from a Uint8Array; widths above 24 bits use hyparquet.
 */
export function rleHybrid(bytes: Uint8Array, pos: number, end: number, width: number, out: Uint8Array | Uint16Array | Int32Array): void {
  const n = out.length;
  if (width > 24) {
    readRleBitPackedHybrid({ view: new DataView(bytes.buffer, bytes.byteOffset + pos, end - pos), offset: 0 }, width, out as never, end - pos);
    return;
  }
  const mask = (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let o = 0;
  while (o < n && pos < end) {
    // ULEB128 run header
    let header = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[pos++];
      header += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    if (header % 2 === 1) {
      // bit-packed: (header >> 1) groups of 8 values, `width` bytes per group
      const groups = Math.floor(header / 2);
      const count = groups * 8;
      const stop = Math.min(n, o + count);
      if (width === 1) {
        for (let i = o; i < stop; i++) {
          const k = i - o;
          out[i] = (bytes[pos + (k >> 3)] >> (k & 7)) & 1;
        }
      } else {
        let buf = 0;
        let bits = 0;
        let p = pos;
        for (let i = o; i < stop; i++) {
          while (bits < width) {
            buf |= bytes[p++] << bits;
            bits += 8;
          }
          out[i] = buf & mask;
          buf >>>= width;
          bits -= width;
        }
      }
      pos += groups * width;
      o = stop;
    } else {
      const count = Math.floor(header / 2);
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= bytes[pos++] << (8 * i);
      const stop = Math.min(n, o + count);
      out.fill(value, o, stop);
      o = stop;
    }
  }
}

/**
 * rleHybrid fused with the dictionary lookup: `out[at + i] = dict[index i]` for n values. An RLE
 * run becomes one fill(); sorted extracts (by quarter) have long runs.
 */
export function rleMapped(bytes: Uint8Array, pos: number, end: number, width: number, dict: Int32Array, out: Int32Array, at: number, n: number): void {
  if (width > 24) {
    const idx = new Int32Array(n);
    rleHybrid(bytes, pos, end, width, idx);
    for (let i = 0; i < n; i++) out[at + i] = dict[idx[i]];
    return;
  }
  const mask = (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  const stop = at + n;
  let o = at;
  while (o < stop && pos < end) {
    let header = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[pos++];
      header += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    if (header % 2 === 1) {
      const groups = Math.floor(header / 2);
      const last = Math.min(stop, o + groups * 8);
      let buf = 0;
      let bits = 0;
      let p = pos;
      for (; o < last; o++) {
        while (bits < width) {
          buf |= bytes[p++] << bits;
          bits += 8;
        }
        out[o] = dict[buf & mask];
        buf >>>= width;
        bits -= width;
      }
      pos += groups * width;
    } else {
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= bytes[pos++] << (8 * i);
      const last = Math.min(stop, o + Math.floor(header / 2));
      out.fill(dict[value], o, last);
      o = last;
    }
  }
}

export function scatterMapped(out: Int32Array, dict: Int32Array, idx: Int32Array, defs: Uint8Array, at: number, n: number): void {
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = dict[idx[j]];
    j += defs[i];
  }
}

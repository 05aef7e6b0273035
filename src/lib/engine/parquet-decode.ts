import type { ColumnChunk, ColumnMetaData, Compressors, CompressionCodec, FileMetaData, PageHeader, SchemaElement } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { byteStreamSplit } from 'hyparquet/src/encoding.js';
import { deltaBinaryUnpack, deltaByteArray, deltaLengthByteArray } from 'hyparquet/src/delta.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { snappyUncompress } from 'hyparquet/src/snappy.js';
import {
  gather, packBits, rleHybrid, rleMapped, scatterBits, scatterF64, scatterI32, scatterI64, scatterMapped, scatterU16, scatterU8,
  setAllValid, setValidity,
} from './decode-kernels.ts';
import { DecodeError, allocate, type ChunkSpec, type CodeBook, type DecodedColumn, type FileWindow, type Sink, type ValueArray } from './decode-types.ts';
import { checkSlecht, convertValues, isUnsigned, tekst } from './decode-values.ts';

export { DecodeError, codeBook, type ChunkSpec, type DecodeTarget, type DecodedColumn, type FileWindow } from './decode-types.ts';
export { rleHybrid } from './decode-kernels.ts';

/**
 * A Parquet column-chunk decoder for flat columns that writes straight into typed arrays
 * (no per-row JS values), so an 11M-row panel can be decoded in the browser within seconds.
 * hyparquet supplies the metadata, page headers and encoding primitives; we only do the part
 * where hyparquet would build JS arrays (dictionary lookup, null scatter, type conversion).
 * Types in decode-types.ts, value conversion in decode-values.ts, inner loops in decode-kernels.ts.
 */

/** Physical byte range [start, end) of a column chunk, dictionary page included. */
export function chunkRange(meta: ColumnMetaData): [number, number] {
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  return [start, start + Number(meta.total_compressed_size)];
}

/** Byte range of a whole row group (all its column chunks). */
export function rowGroupRange(md: FileMetaData, rg: number): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (const c of md.row_groups[rg].columns) {
    const [s, e] = chunkRange(meta(c));
    lo = Math.min(lo, s);
    hi = Math.max(hi, e);
  }
  return [lo, hi];
}

function meta(c: ColumnChunk): ColumnMetaData {
  if (c.file_path) throw new Error('Parquet met kolommen in andere bestanden wordt niet ondersteund');
  if (!c.meta_data) throw new Error('Parquet-kolom zonder metadata');
  return c.meta_data;
}

/** Leaf schema elements by top-level column name; nested columns are refused. */
export function flatColumns(md: FileMetaData): Map<string, SchemaElement> {
  const out = new Map<string, SchemaElement>();
  const schema = md.schema;
  let i = 1;
  while (i < schema.length) {
    const el = schema[i];
    if (el.num_children) {
      // Nested group: skip it and all its descendants; it can never match a flat contract column.
      let todo = el.num_children;
      i++;
      while (todo > 0 && i < schema.length) {
        todo += (schema[i].num_children ?? 0) - 1;
        i++;
      }
      out.set(el.name, { ...el, type: undefined });
      continue;
    }
    out.set(el.name, el);
    i++;
  }
  return out;
}

/** Decode the given columns of row group `rg`. `file` must cover the row group's bytes. */
export function decodeRowGroup(
  md: FileMetaData,
  rg: number,
  file: FileWindow,
  specs: readonly ChunkSpec[],
  compressors: Compressors,
): DecodedColumn[] {
  const group = md.row_groups[rg];
  const rows = Number(group.num_rows);
  const elements = flatColumns(md);
  const rowStart = md.row_groups.slice(0, rg).reduce((s, g) => s + Number(g.num_rows), 0);
  return specs.map((spec) => {
    const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === spec.name);
    const element = elements.get(spec.name);
    if (!chunk || !element || !element.type) throw new DecodeError(`kolom ${spec.name} ontbreekt of is genest`, spec.name);
    return decodeChunk(meta(chunk), element, rows, rowStart, file, spec, compressors);
  });
}

/** Distinct text values of a column over the whole file (for ENUM types), reading dictionary pages where possible. */
export function distinctText(md: FileMetaData, name: string, file: FileWindow, compressors: Compressors): Set<string> {
  const out = new Set<string>();
  const elements = flatColumns(md);
  const element = elements.get(name);
  if (!element || element.type !== 'BYTE_ARRAY') throw new DecodeError(`kolom ${name} is geen tekst`, name);
  for (let rg = 0; rg < md.row_groups.length; rg++) {
    const chunk = md.row_groups[rg].columns.find((c) => c.meta_data?.path_in_schema[0] === name);
    if (!chunk) continue;
    const m = meta(chunk);
    if (dictionaryOnly(m)) {
      const [start, end] = chunkRange(m);
      const reader = readerAt(file, start, end);
      const header = parquetHeader(reader) as PageHeader;
      if (header.type === 'DICTIONARY_PAGE' && header.dictionary_page_header) {
        const page = decompress(pageBytes(reader, header), header, m.codec, compressors);
        const dict = readPlain(viewReader(page), 'BYTE_ARRAY', header.dictionary_page_header.num_values, undefined) as Uint8Array[];
        for (const b of dict) out.add(tekst(b));
        continue;
      }
    }
    // Not (purely) dictionary-encoded: decode the text itself.
    const collect: CodeBook = { values: [], index: new Map() };
    decodeChunk(m, element, Number(md.row_groups[rg].num_rows), 0, file, { name, target: { kind: 'code', book: collect } }, compressors, true);
    for (const v of collect.values) out.add(v);
  }
  return out;
}

/** True when every data page of the chunk is dictionary-encoded, so the dictionary page lists all values. */
function dictionaryOnly(m: ColumnMetaData): boolean {
  if (m.dictionary_page_offset === undefined && !m.encodings.some((e) => e.endsWith('_DICTIONARY'))) return false;
  if (m.encoding_stats?.length) {
    return m.encoding_stats
      .filter((s) => s.page_type === 'DATA_PAGE' || s.page_type === 'DATA_PAGE_V2')
      .every((s) => s.encoding === 'PLAIN_DICTIONARY' || s.encoding === 'RLE_DICTIONARY');
  }
  // Without encoding stats: DuckDB lists only PLAIN_DICTIONARY; a PLAIN entry may mean fallback pages.
  return !m.encodings.includes('PLAIN') && !m.encodings.some((e) => e.startsWith('DELTA'));
}

interface Reader {
  view: DataView;
  offset: number;
}

function readerAt(file: FileWindow, start: number, end: number): Reader {
  const s = start - file.base;
  const e = end - file.base;
  if (s < 0 || e > file.bytes.byteLength) throw new Error(`Parquet-bytes ${start}-${end} vallen buiten het gelezen deel`);
  return { view: new DataView(file.bytes.buffer, file.bytes.byteOffset + s, e - s), offset: 0 };
}

function viewReader(bytes: Uint8Array): Reader {
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
}

function pageBytes(reader: Reader, header: PageHeader): Uint8Array {
  const b = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, header.compressed_page_size);
  reader.offset += header.compressed_page_size;
  return b;
}

function decompress(bytes: Uint8Array, header: PageHeader, codec: CompressionCodec, compressors: Compressors, size = header.uncompressed_page_size): Uint8Array {
  if (codec === 'UNCOMPRESSED') return bytes;
  const fn = compressors[codec];
  let out: Uint8Array;
  if (fn) out = fn(bytes, size);
  else if (codec === 'SNAPPY') {
    out = new Uint8Array(size);
    snappyUncompress(bytes, out);
  } else throw new Error(`Parquet-compressie ${codec} wordt niet ondersteund`);
  if (out.length !== size) throw new Error(`Parquet-pagina heeft ${out.length} bytes na uitpakken, verwacht ${size}`);
  return out;
}

function decodeChunk(
  m: ColumnMetaData,
  element: SchemaElement,
  rows: number,
  rowStart: number,
  file: FileWindow,
  spec: ChunkSpec,
  compressors: Compressors,
  collect = false,
): DecodedColumn {
  const sink: Sink = {
    spec,
    element,
    values: allocate(spec.target, rows),
    valid: null,
    nullCount: 0,
    row: 0,
    rows,
    rowStart,
    dict: null,
    collect: collect || (spec.target.kind === 'code' && spec.target.grow === true),
    slecht: null,
  };
  const optional = element.repetition_type === 'OPTIONAL';
  if (element.repetition_type === 'REPEATED') throw new DecodeError(`kolom ${spec.name} is een lijst`, spec.name);
  const [start, end] = chunkRange(m);
  const reader = readerAt(file, start, end);
  while (sink.row < rows && reader.offset < reader.view.byteLength) {
    const header = parquetHeader(reader) as PageHeader;
    const raw = pageBytes(reader, header);
    if (header.type === 'DICTIONARY_PAGE') {
      const dh = header.dictionary_page_header!;
      const page = decompress(raw, header, m.codec, compressors);
      const plain = readPlain(viewReader(page), m.type, dh.num_values, element.type_length);
      sink.slecht = null;
      sink.dict = convertValues(sink, plain, dh.num_values, -1);
    } else if (header.type === 'DATA_PAGE') {
      const dh = header.data_page_header!;
      const page = decompress(raw, header, m.codec, compressors);
      const r = viewReader(page);
      const n = dh.num_values;
      const defs = optional ? readLevels(r, n) : null;
      const present = defs ? countPresent(defs) : n;
      writePage(sink, r, dh.encoding, m, present, n, defs, page.byteLength);
    } else if (header.type === 'DATA_PAGE_V2') {
      const dh = header.data_page_header_v2!;
      const n = dh.num_values;
      const levelsLen = dh.repetition_levels_byte_length + dh.definition_levels_byte_length;
      if (dh.repetition_levels_byte_length) throw new DecodeError(`kolom ${spec.name} is een lijst`, spec.name);
      let defs: Uint8Array | null = null;
      if (optional && dh.definition_levels_byte_length) {
        defs = defLevels(raw, dh.repetition_levels_byte_length, levelsLen, n);
      }
      let body = raw.subarray(levelsLen);
      if (dh.is_compressed !== false) body = decompress(body, header, m.codec, compressors, header.uncompressed_page_size - levelsLen);
      const present = n - dh.num_nulls;
      writePage(sink, viewReader(body), dh.encoding, m, present, n, defs && dh.num_nulls ? defs : null, body.byteLength);
    }
    // Index pages and unknown page types are skipped.
  }
  if (sink.row !== rows) throw new DecodeError(`kolom ${spec.name}: ${sink.row} van ${rows} rijen gevonden`, spec.name);
  return { name: spec.name, values: sink.values, valid: sink.valid, nullCount: sink.nullCount };
}

/** Definition levels of a flat optional column (max level 1) with the 4-byte length prefix of page v1. */
function readLevels(r: Reader, n: number): Uint8Array | null {
  const len = r.view.getUint32(r.offset, true);
  const start = r.view.byteOffset + r.offset + 4;
  r.offset += 4 + len;
  return defLevels(new Uint8Array(r.view.buffer), start, start + len, n);
}

/** Definition levels (0/1 per row), or null when a single run says every row is present. */
function defLevels(bytes: Uint8Array, pos: number, end: number, n: number): Uint8Array | null {
  // Common case (no nulls): one RLE run of n ones, header = n << 1 as ULEB128, then value byte 1.
  let header = 0;
  let shift = 0;
  let p = pos;
  let b: number;
  do {
    b = bytes[p++];
    header += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80 && p < end);
  if (header % 2 === 0 && Math.floor(header / 2) >= n && bytes[p] === 1) return null;
  const defs = new Uint8Array(n);
  rleHybrid(bytes, pos, end, 1, defs);
  return defs;
}

function countPresent(defs: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < defs.length; i++) c += defs[i];
  return c;
}

/** Decode one data page's values (dense, `present` of them) and scatter them over `n` rows. */
function writePage(sink: Sink, r: Reader, encoding: string, m: ColumnMetaData, present: number, n: number, defs: Uint8Array | null, pageLen: number): void {
  let dense: ValueArray;
  if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') {
    if (!sink.dict) throw new DecodeError(`kolom ${sink.spec.name}: woordenboekpagina ontbreekt`, sink.spec.name);
    const width = r.view.getUint8(r.offset++);
    if (!defs && width && present === n && dictionaryDirect(sink)) {
      // No nulls: runs and bit-packed indices go through the dictionary straight into the output.
      rleMapped(new Uint8Array(r.view.buffer), r.view.byteOffset + r.offset, r.view.byteOffset + pageLen, width, sink.dict as Int32Array, sink.values as Int32Array, sink.row, n);
      if (sink.valid) setAllValid(sink.valid, sink.row, n);
      sink.row += n;
      return;
    }
    if (defs && width && present > 0 && present < n && dictionaryDirect(sink)) {
      // With nulls: indices of the present values, then one branch-free pass through defs and dictionary.
      const idx = new Int32Array(present + 1); // one slack slot for the branch-free pass
      rleHybrid(new Uint8Array(r.view.buffer), r.view.byteOffset + r.offset, r.view.byteOffset + pageLen, width, idx.subarray(0, present));
      if (!sink.valid) {
        sink.valid = new Uint8Array((sink.rows + 7) >> 3);
        setAllValid(sink.valid, 0, sink.row);
      }
      setValidity(sink.valid, defs, sink.row, n);
      scatterMapped(sink.values as Int32Array, sink.dict as Int32Array, idx, defs, sink.row, n);
      sink.nullCount += n - present;
      sink.row += n;
      return;
    }
    const idx = new Int32Array(present);
    const start = r.view.byteOffset + r.offset;
    if (width && present) rleHybrid(new Uint8Array(r.view.buffer), start, r.view.byteOffset + pageLen, width, idx);
    if (sink.slecht) checkSlecht(sink, idx, defs);
    dense = gather(sink.dict, idx);
  } else if (encoding === 'RLE' && m.type === 'BOOLEAN') {
    const bits = new Uint8Array(present);
    const len = r.view.getUint32(r.offset, true);
    const start = r.view.byteOffset + r.offset + 4;
    rleHybrid(new Uint8Array(r.view.buffer), start, start + len, 1, bits);
    dense = convertValues(sink, bits, present, sink.row);
  } else if (encoding === 'PLAIN' && m.type === 'BOOLEAN') {
    // Already bit-packed, LSB first: unpack to one byte per value without a JS array.
    if (sink.spec.target.kind !== 'bool') throw new DecodeError(`kolom ${sink.spec.name} is geen BOOLEAN`, sink.spec.name);
    const src = new Uint8Array(r.view.buffer, r.view.byteOffset + r.offset, (present + 7) >> 3);
    dense = new Uint8Array(present);
    for (let i = 0; i < present; i++) dense[i] = (src[i >> 3] >> (i & 7)) & 1;
  } else {
    let plain: unknown;
    if (encoding === 'PLAIN') plain = readPlain(r, m.type, present, sink.element.type_length);
    else if (encoding === 'DELTA_BINARY_PACKED') {
      if (m.type === 'INT32' && isUnsigned(sink.element)) {
        // hyparquet's 32-bit path loses the top bit of UINT_32 values: unpack in 64 bits, keep the 32-bit pattern.
        const wide = new BigInt64Array(present);
        deltaBinaryUnpack(r, present, wide);
        plain = Int32Array.from(wide, (v) => Number(BigInt.asIntN(32, v)));
      } else {
        plain = m.type === 'INT32' ? new Int32Array(present) : new BigInt64Array(present);
        deltaBinaryUnpack(r, present, plain as Int32Array);
      }
    } else if (encoding === 'BYTE_STREAM_SPLIT') plain = streamSplit(r, present, m.type) ?? byteStreamSplit(r, present, m.type, sink.element.type_length);
    else if (encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
      plain = new Array(present);
      deltaLengthByteArray(r, present, plain as Uint8Array[]);
    } else if (encoding === 'DELTA_BYTE_ARRAY') {
      plain = new Array(present);
      deltaByteArray(r, present, plain as Uint8Array[]);
    } else throw new DecodeError(`kolom ${sink.spec.name}: Parquet-codering ${encoding} wordt niet ondersteund`, sink.spec.name);
    dense = convertValues(sink, plain, present, sink.row);
  }
  scatter(sink, dense, present, n, defs);
}

/** Write `present` dense values to rows sink.row … sink.row+n, leaving nulls where defs[i] = 0. */
function scatter(sink: Sink, dense: ValueArray, present: number, n: number, defs: Uint8Array | null): void {
  const at = sink.row;
  const kind = sink.spec.target.kind;
  if (kind === 'code' && sink.dict) checkCodes(sink, dense as Uint16Array, defs, at);
  const out = sink.values;
  if (!defs || present === n) {
    if (kind === 'bool') packBits(out as Uint8Array, dense as Uint8Array, at, n);
    else if (out instanceof BigInt64Array) out.set(dense as BigInt64Array, at);
    else if (out instanceof Float64Array) out.set(dense as Float64Array, at);
    else if (out instanceof Int32Array) out.set(dense as Int32Array, at);
    else (out as Uint8Array).set(dense as Uint8Array, at);
    if (sink.valid) setAllValid(sink.valid, at, n);
  } else {
    if (!sink.valid) {
      sink.valid = new Uint8Array((sink.rows + 7) >> 3);
      setAllValid(sink.valid, 0, at); // rows before this page had no nulls
    }
    setValidity(sink.valid, defs, at, n);
    if (present === 0) {
      sink.nullCount += n;
      sink.row += n;
      return;
    }
    // One function per element type keeps each loop monomorphic (fast) in V8.
    if (kind === 'bool') scatterBits(out as Uint8Array, dense as Uint8Array, defs, at, n);
    else if (out instanceof BigInt64Array) scatterI64(out, dense as BigInt64Array, defs, at, n);
    else if (out instanceof Float64Array) scatterF64(out, dense as Float64Array, defs, at, n);
    else if (out instanceof Int32Array) scatterI32(out, dense as Int32Array, defs, at, n);
    else if (out instanceof Uint16Array) scatterU16(out, dense as Uint16Array, defs, at, n);
    else scatterU8(out as Uint8Array, dense as Uint16Array, defs, at, n);
    sink.nullCount += n - present;
  }
  sink.row += n;
}

/** A dictionary value outside the code book is only an error when a row actually uses it. */
function checkCodes(sink: Sink, dense: Uint16Array, defs: Uint8Array | null, at: number): void {
  if (sink.collect) return;
  for (let j = 0; j < dense.length; j++) {
    if (dense[j] !== 0xffff) continue;
    // Find the row of the j-th present value.
    let row = at + j;
    if (defs) {
      let seen = -1;
      for (let i = 0; i < defs.length; i++) if (defs[i] && ++seen === j) { row = at + i; break; }
    }
    const name = sink.spec.name;
    throw new DecodeError(`kolom ${name}: onverwachte waarde`, name, sink.rowStart + row);
  }
}

/**
 * BYTE_STREAM_SPLIT (Parquet v2's encoding for floats): byte b of value i is at b·count + i.
 * Un-splits from a Uint8Array into the output's bytes (hyparquet reads byte by byte via DataView).
 * Null for types handled by hyparquet (fixed-length byte arrays).
 */
function streamSplit(r: Reader, count: number, type: string): Float64Array | Float32Array | Int32Array | BigInt64Array | null {
  const width = type === 'DOUBLE' || type === 'INT64' ? 8 : type === 'FLOAT' || type === 'INT32' ? 4 : 0;
  if (!width) return null;
  const src = new Uint8Array(r.view.buffer, r.view.byteOffset + r.offset, count * width);
  const bytes = new Uint8Array(count * width);
  for (let b = 0; b < width; b++) {
    const from = b * count;
    for (let i = 0, o = b; i < count; i++, o += width) bytes[o] = src[from + i];
  }
  r.offset += count * width;
  if (type === 'DOUBLE') return new Float64Array(bytes.buffer);
  if (type === 'FLOAT') return new Float32Array(bytes.buffer);
  if (type === 'INT32') return new Int32Array(bytes.buffer);
  return new BigInt64Array(bytes.buffer);
}

/** Dictionary values can be written to the output as they are (numbers; codes all known). */
function dictionaryDirect(sink: Sink): boolean {
  const d = sink.dict;
  if (!d || d instanceof BigInt64Array || sink.spec.target.kind === 'bool' || sink.slecht) return false;
  if (sink.spec.target.kind === 'code' && !sink.collect) return !(d as Uint16Array).includes(0xffff);
  return true;
}

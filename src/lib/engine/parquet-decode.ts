import type { ColumnChunk, ColumnMetaData, Compressors, CompressionCodec, FileMetaData, PageHeader, SchemaElement } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { byteStreamSplit, readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { deltaBinaryUnpack, deltaByteArray, deltaLengthByteArray } from 'hyparquet/src/delta.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { snappyUncompress } from 'hyparquet/src/snappy.js';
import { kortWaarde } from '../extracts/meldingen.ts';

/**
 * A Parquet column-chunk decoder for flat columns that writes straight into typed arrays
 * (no per-row JS values), so an 11M-row panel can be decoded in the browser within seconds.
 * hyparquet supplies the metadata, page headers and encoding primitives; we only do the part
 * where hyparquet would build JS arrays (dictionary lookup, null scatter, type conversion).
 */

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

const utf8 = new TextDecoder();

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

/** Per-chunk output being filled. */
interface Sink {
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

function allocate(t: DecodeTarget, rows: number): ValueArray {
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

function gather(dict: ValueArray, idx: Int32Array): ValueArray {
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

/**
 * Bring plain-decoded values (typed array or JS array from hyparquet) to the target representation.
 * Bool values come back one byte per value; they are packed into bits in `scatter`.
 * `row` is the first row the values belong to (-1 for dictionary pages), used in messages.
 */
function convertValues(sink: Sink, plain: unknown, count: number, row: number): ValueArray {
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

function isUnsigned(el: SchemaElement): boolean {
  return el.converted_type?.startsWith('UINT_') === true || (el.logical_type?.type === 'INTEGER' && !el.logical_type.isSigned);
}

/**
 * UTF-8 text as the engine stores it: a NUL byte becomes the visible ␀ (DuckDB's SQL text cannot
 * hold a NUL, and such a value can only be refused, naming it readably).
 */
function tekst(b: Uint8Array): string {
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
function checkSlecht(sink: Sink, idx: Int32Array, defs: Uint8Array | null): void {
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

function setAllValid(valid: Uint8Array, at: number, n: number): void {
  for (let i = at; i < at + n; i++) valid[i >> 3] |= 1 << (i & 7);
}

function setValidity(valid: Uint8Array, defs: Uint8Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) valid[(at + i) >> 3] |= defs[i] << ((at + i) & 7);
}

function scatterBits(out: Uint8Array, d: Uint8Array, defs: Uint8Array, at: number, n: number): void {
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[(at + i) >> 3] |= (d[j < last ? j : last] & defs[i]) << ((at + i) & 7);
    j += defs[i];
  }
}

function scatterI64(out: BigInt64Array, d: BigInt64Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

function scatterF64(out: Float64Array, d: Float64Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

function scatterI32(out: Int32Array, d: Int32Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

function scatterU16(out: Uint16Array, d: Uint16Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
}

function scatterU8(out: Uint8Array, d: Uint16Array, defs: Uint8Array, at: number, n: number): void {
  // Branch-free (nulls are random, a branch mispredicts): null slots get a copy of a neighbour.
  const last = d.length - 1;
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = d[j < last ? j : last];
    j += defs[i];
  }
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

function packBits(out: Uint8Array, bytes: Uint8Array, at: number, n: number): void {
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

/**
 * rleHybrid fused with the dictionary lookup: `out[at + i] = dict[index i]` for n values. An RLE
 * run becomes one fill(); sorted extracts (by quarter) have long runs.
 */
function rleMapped(bytes: Uint8Array, pos: number, end: number, width: number, dict: Int32Array, out: Int32Array, at: number, n: number): void {
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

function scatterMapped(out: Int32Array, dict: Int32Array, idx: Int32Array, defs: Uint8Array, at: number, n: number): void {
  for (let i = 0, j = 0; i < n; i++) {
    out[at + i] = dict[idx[j]];
    j += defs[i];
  }
}

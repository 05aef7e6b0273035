/**
 * The browser's Parquet decoder (typed arrays, no per-row objects) reads what native DuckDB
 * writes: every compression codec, Parquet page v1 and v2 (delta encodings), nulls, dictionary and
 * plain pages, booleans, dates, INT64 narrowed to INTEGER. Files are written by @duckdb/node-api
 * into a temporary folder; values are compared with hand-written expectations.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata } from 'hyparquet';
import { snappyUncompressor } from 'hysnappy';
import { gunzip } from 'hyparquet-compressors';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZSTDDecoder } from 'zstddec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Compressors, FileMetaData } from 'hyparquet';
import { codeBook, decodeRowGroup, distinctText, DecodeError, rleHybrid, type DecodedColumn } from '../src/lib/engine/parquet-decode.ts';

let dir: string;
let compressors: Compressors;

/** Ten rows: ids 1..10, nulls on even rows for the optional columns. */
const ROWS = `SELECT i::BIGINT AS id,
    (DATE '2021-03-31' + INTERVAL (i) DAY)::DATE AS dag,
    CASE WHEN i % 2 = 0 THEN NULL ELSE ['markt', 'overheid'][1 + i % 2] END AS sector,
    i % 3 = 0 AS vlag,
    CASE WHEN i % 2 = 0 THEN NULL ELSE i * 1.5 END::DOUBLE AS uren,
    CASE WHEN i % 2 = 0 THEN NULL ELSE (i * 1000000)::BIGINT END AS groot
  FROM range(1, 11) t(i)`;

async function write(name: string, options: string): Promise<{ md: FileMetaData; bytes: Uint8Array }> {
  const file = join(dir, name);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (${ROWS}) TO '${file}' (FORMAT parquet${options})`);
  conn.closeSync();
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return { md: parquetMetadata(bytes, { parsers: { dateFromDays: (d: number) => d } }), bytes };
}

function bit(bitmap: Uint8Array | null, i: number): boolean {
  return bitmap ? ((bitmap[i >> 3] >> (i & 7)) & 1) === 1 : true;
}

function decodeAll(md: FileMetaData, bytes: Uint8Array) {
  const book = codeBook(['markt', 'overheid']);
  const cols = decodeRowGroup(
    md,
    0,
    { bytes, base: 0 },
    [
      { name: 'id', target: { kind: 'int32' } },
      { name: 'dag', target: { kind: 'date' } },
      { name: 'sector', target: { kind: 'code', book } },
      { name: 'vlag', target: { kind: 'bool' } },
      { name: 'uren', target: { kind: 'float64' } },
      { name: 'groot', target: { kind: 'int64' } },
    ],
    compressors,
  );
  return Object.fromEntries(cols.map((c) => [c.name, c])) as Record<string, DecodedColumn>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-decode-'));
  const zstd = new ZSTDDecoder();
  await zstd.init();
  compressors = {
    ZSTD: (input, n) => zstd.decode(input, n),
    SNAPPY: snappyUncompressor(),
    GZIP: (input, n) => gunzip(input, new Uint8Array(n)),
  };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decodeRowGroup reads what native DuckDB writes', () => {
  const variants: [string, string][] = [
    ['snappy (DuckDB default)', ''],
    ['zstd', ', COMPRESSION zstd'],
    ['gzip', ', COMPRESSION gzip'],
    ['uncompressed', ', COMPRESSION uncompressed'],
    ['Parquet v2 pages (delta encodings)', ', COMPRESSION zstd, PARQUET_VERSION V2'],
  ];
  for (const [label, options] of variants) {
    test(label, async () => {
      const { md, bytes } = await write(`${label.replace(/\W+/g, '_')}.parquet`, options);
      const c = decodeAll(md, bytes);
      expect(Array.from(c.id.values as Int32Array)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(c.id.nullCount).toBe(0);
      // 2021-03-31 is day 18717 since 1970-01-01; row i is i days later.
      expect(Array.from(c.dag.values as Int32Array)).toEqual([18718, 18719, 18720, 18721, 18722, 18723, 18724, 18725, 18726, 18727]);
      // Odd rows: i % 2 = 1 → 'overheid' (code 1); even rows are null.
      expect(c.sector.nullCount).toBe(5);
      for (let i = 0; i < 10; i++) {
        const odd = (i + 1) % 2 === 1;
        expect(bit(c.sector.valid, i)).toBe(odd);
        if (odd) expect(c.sector.values[i]).toBe(1);
      }
      // vlag is true for i = 3, 6, 9 (rows 2, 5, 8).
      expect([...Array(10).keys()].filter((i) => bit(c.vlag.values as Uint8Array, i))).toEqual([2, 5, 8]);
      expect(c.uren.nullCount).toBe(5);
      expect([0, 2, 4, 6, 8].map((i) => (c.uren.values as Float64Array)[i])).toEqual([1.5, 4.5, 7.5, 10.5, 13.5]);
      expect([1, 3].map((i) => bit(c.uren.valid, i))).toEqual([false, false]);
      expect([0, 8].map((i) => (c.groot.values as BigInt64Array)[i])).toEqual([1000000n, 9000000n]);
    });
  }
});

test('distinctText lists every value of a text column from its dictionary pages', async () => {
  const { md, bytes } = await write('distinct.parquet', '');
  expect([...distinctText(md, 'sector', { bytes, base: 0 }, compressors)]).toEqual(['overheid']);
});

test('a value outside the code book is refused with its row, unless the book may grow', async () => {
  const { md, bytes } = await write('onbekend.parquet', '');
  const file = { bytes, base: 0 };
  const strict = codeBook(['markt']);
  expect(() => decodeRowGroup(md, 0, file, [{ name: 'sector', target: { kind: 'code', book: strict } }], compressors)).toThrow(DecodeError);
  try {
    decodeRowGroup(md, 0, file, [{ name: 'sector', target: { kind: 'code', book: strict } }], compressors);
  } catch (e) {
    expect((e as DecodeError).kolom).toBe('sector');
    expect((e as DecodeError).rij).toBe(0);
  }
  const growing = codeBook(['markt']);
  const [col] = decodeRowGroup(md, 0, file, [{ name: 'sector', target: { kind: 'code', book: growing, width: 8, grow: true } }], compressors);
  expect(growing.values).toEqual(['markt', 'overheid']);
  expect(col.values[0]).toBe(1);
});

test('INT64 that does not fit in INTEGER is refused when narrowing', async () => {
  const file = join(dir, 'groot.parquet');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (SELECT 3000000000::BIGINT AS id) TO '${file}' (FORMAT parquet)`);
  conn.closeSync();
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const md = parquetMetadata(bytes);
  expect(() => decodeRowGroup(md, 0, { bytes, base: 0 }, [{ name: 'id', target: { kind: 'int32' } }], compressors)).toThrow(/past niet in INTEGER/);
  const [col] = decodeRowGroup(md, 0, { bytes, base: 0 }, [{ name: 'id', target: { kind: 'int64' } }], compressors);
  expect((col.values as BigInt64Array)[0]).toBe(3000000000n);
});

describe('rleHybrid (levels and dictionary indices)', () => {
  test('an RLE run: header 6 (3 << 1), value 5 → three fives', () => {
    const out = new Int32Array(3);
    rleHybrid(new Uint8Array([6, 5]), 0, 2, 3, out);
    expect(Array.from(out)).toEqual([5, 5, 5]);
  });
  test('a bit-packed group of eight 3-bit values 0..7', () => {
    // header 3 = (1 group << 1) | 1; values 0..7 packed LSB first in 3 bytes: 0x88 0xC6 0xFA.
    const out = new Int32Array(8);
    rleHybrid(new Uint8Array([3, 0x88, 0xc6, 0xfa]), 0, 4, 3, out);
    expect(Array.from(out)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  test('width 1 bit-packed: 0b10110010 → 0,1,0,0,1,1,0,1', () => {
    const out = new Uint8Array(8);
    rleHybrid(new Uint8Array([3, 0b10110010]), 0, 2, 1, out);
    expect(Array.from(out)).toEqual([0, 1, 0, 0, 1, 1, 0, 1]);
  });
});

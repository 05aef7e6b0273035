/**
 * Every valid physical encoding of a contract column is read by the browser's decoder exactly as
 * native DuckDB reads it: DECIMAL stored as INT32, INT64 and FIXED_LEN_BYTE_ARRAY (any precision,
 * negative values), unsigned integers above 2^31 and 2^63/2 (no sign wrap), TINYINT/SMALLINT,
 * FLOAT, text with dictionary and with plain pages, Parquet page v1 and v2, every codec DuckDB
 * writes, nulls and several row groups. Files are written with @duckdb/node-api; the decoder goes
 * the way the decode worker goes (planTable, distinctText, decodeRowGroup) and its values are
 * compared with what native DuckDB returns for the same file.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetMetadata, type Compressors } from 'hyparquet';
import { compressors as jsCompressors } from 'hyparquet-compressors';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZSTDDecoder } from 'zstddec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ColumnKind, ExtractContract } from '../src/lib/extracts/contracts.ts';
import { planTable } from '../src/lib/engine/extract-schema.ts';
import { DecodeError, decodeRowGroup, distinctText, type DecodedColumn } from '../src/lib/engine/parquet-decode.ts';

let dir: string;
let db: DuckDBInstance;
let conn: DuckDBConnection;
let compressors: Compressors;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-encodings-'));
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
  const zstd = new ZSTDDecoder();
  await zstd.init();
  compressors = { ...jsCompressors, ZSTD: (input, n) => zstd.decode(input, n) };
});

afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** 300 rows; every seventh row is null in the nullable columns (`n` marks them). */
const N = 300;
const KOLOMMEN: { naam: string; sql: string; kind: ColumnKind }[] = [
  { naam: 'dec_int32', sql: `(i * 1.5 - 100)::DECIMAL(4,1)`, kind: 'double' },
  { naam: 'dec_int64', sql: `(i * 1234.567 - 99999)::DECIMAL(18,3)`, kind: 'double' },
  { naam: 'dec_flba', sql: `(i * 123456.78 - 1000000)::DECIMAL(38,2)`, kind: 'double' },
  { naam: 'dec_flba_groot', sql: `(i::HUGEINT * 1000000000000000::HUGEINT + 7)::DECIMAL(30,0)`, kind: 'double' },
  { naam: 'dec_null', sql: `CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.25)::DECIMAL(38,2) END`, kind: 'double' },
  { naam: 'u8', sql: `(i % 256)::UTINYINT`, kind: 'integer' },
  { naam: 'u16', sql: `(i * 211)::USMALLINT`, kind: 'integer' },
  { naam: 'u32', sql: `(4000001001 + i * 1000)::UINTEGER`, kind: 'integer' },
  { naam: 'u32_klein', sql: `i::UINTEGER`, kind: 'integer' },
  { naam: 'u64', sql: `(4611686018427387904 + i)::UBIGINT`, kind: 'integer' },
  { naam: 'i8', sql: `(i % 256 - 128)::TINYINT`, kind: 'integer' },
  { naam: 'i16', sql: `(i * 97 - 15000)::SMALLINT`, kind: 'integer' },
  { naam: 'i64', sql: `(i * 12345678901 - 7)::BIGINT`, kind: 'integer' },
  { naam: 'u32_als_getal', sql: `(3000000000 + i)::UINTEGER`, kind: 'double' },
  { naam: 'u64_als_getal', sql: `(9000000000000000000 + i * 1024)::UBIGINT`, kind: 'double' },
  { naam: 'float', sql: `(i / 3)::FLOAT`, kind: 'double' },
  { naam: 'dbl_null', sql: `CASE WHEN i % 7 = 0 THEN NULL ELSE i / 7 END::DOUBLE`, kind: 'double' },
  { naam: 'dag', sql: `DATE '2012-12-31' + (i * 3)::INTEGER`, kind: 'date' },
  { naam: 'vlag', sql: `i % 3 = 1`, kind: 'boolean' },
  { naam: 'tekst', sql: `['Wajong', 'Wsw', 'Participatiewet', 'WIW/ID'][1 + i % 4]`, kind: 'varchar' },
  { naam: 'tekst_null', sql: `CASE WHEN i % 7 = 0 THEN NULL ELSE 'GM' || lpad((i % 50)::VARCHAR, 4, '0') END`, kind: 'varchar' },
];
const SELECT = `SELECT ${KOLOMMEN.map((k) => `${k.sql} AS ${k.naam}`).join(', ')} FROM range(${N}) t(i)`;

/** A contract with these columns, for planTable (the same plan the decode worker makes). */
const CONTRACT = {
  name: 'doelgroep_kwartaal',
  schemaVersion: 1,
  title: '',
  description: '',
  uitleg: '',
  key: [],
  columns: KOLOMMEN.map((k) => ({ name: k.naam, kind: k.kind, nullable: true, description: '' })),
} as unknown as ExtractContract;

type Waarde = string | number | boolean | null;

/** Native DuckDB's reading of the file: integers exact as text, numbers as DOUBLE, dates as text. */
async function native(file: string): Promise<Record<string, Waarde>[]> {
  const cols = KOLOMMEN.map((k) => {
    if (k.kind === 'integer') return `CAST(${k.naam} AS VARCHAR) AS ${k.naam}`;
    if (k.kind === 'double') return `CAST(${k.naam} AS DOUBLE) AS ${k.naam}`;
    if (k.kind === 'date') return `CAST(${k.naam} AS VARCHAR) AS ${k.naam}`;
    return k.naam;
  });
  const rows = (await conn.runAndReadAll(`SELECT ${cols.join(', ')} FROM read_parquet('${file}')`)).getRowObjectsJS();
  return rows as Record<string, Waarde>[];
}

function bit(bitmap: Uint8Array | null, i: number): boolean {
  return bitmap ? ((bitmap[i >> 3] >> (i & 7)) & 1) === 1 : true;
}

/** The browser decoder's reading of the file, as the same JS values native() gives. */
function browser(file: string): Record<string, Waarde>[] {
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const md = parquetMetadata(bytes, { parsers: { dateFromDays: (d: number) => d } });
  const window = { bytes, base: 0 };
  const distinct = new Map(KOLOMMEN.filter((k) => k.kind === 'varchar').map((k) => [k.naam, distinctText(md, k.naam, window, compressors)]));
  const plan = planTable(CONTRACT, md, distinct);
  const rows: Record<string, Waarde>[] = [];
  for (let rg = 0; rg < md.row_groups.length; rg++) {
    const cols = decodeRowGroup(md, rg, window, plan.columns.map((c) => ({ name: c.name, target: c.target })), compressors);
    const n = Number(md.row_groups[rg].num_rows);
    for (let i = 0; i < n; i++) {
      const row: Record<string, Waarde> = {};
      cols.forEach((c: DecodedColumn, j) => {
        const p = plan.columns[j];
        if (!bit(c.valid, i)) row[c.name] = null;
        else if (p.target.kind === 'code') row[c.name] = p.target.book.values[c.values[i] as number];
        else if (p.target.kind === 'bool') row[c.name] = bit(c.values as Uint8Array, i);
        else if (p.target.kind === 'date') row[c.name] = new Date(Number(c.values[i]) * 86_400_000).toISOString().slice(0, 10);
        else if (p.target.kind === 'int32' || p.target.kind === 'int64') row[c.name] = String(c.values[i]);
        else row[c.name] = Number(c.values[i]);
      });
      rows.push(row);
    }
  }
  return rows;
}

async function schrijf(naam: string, opties: string): Promise<string> {
  const file = join(dir, `${naam}.parquet`);
  await conn.run(`COPY (${SELECT}) TO '${file}' (FORMAT parquet${opties})`);
  return file;
}

describe('the browser decoder gives native DuckDB’s values', () => {
  const varianten: [string, string][] = [
    ['snappy, page v1, dictionary (DuckDB default)', ''],
    ['uncompressed', ', COMPRESSION uncompressed'],
    ['gzip', ', COMPRESSION gzip'],
    ['zstd', ', COMPRESSION zstd'],
    ['brotli', ', COMPRESSION brotli'],
    ['lz4 (LZ4_RAW)', ', COMPRESSION lz4'],
    ['page v2 (delta encodings) with zstd', ', COMPRESSION zstd, PARQUET_VERSION V2'],
    ['page v2 uncompressed', ', COMPRESSION uncompressed, PARQUET_VERSION V2'],
    ['plain pages, no dictionary', ', DICTIONARY_SIZE_LIMIT 1'],
    ['plain pages, page v2', ', DICTIONARY_SIZE_LIMIT 1, PARQUET_VERSION V2'],
    ['many small row groups', ', ROW_GROUP_SIZE 64'],
  ];
  for (const [label, opties] of varianten) {
    test(label, async () => {
      const file = await schrijf(label.replace(/\W+/g, '_'), opties);
      const verwacht = await native(file);
      expect(verwacht).toHaveLength(N);
      expect(browser(file)).toEqual(verwacht);
    });
  }

  test('the values are the right ones, not just the same ones (spot checks against hand-worked values)', async () => {
    const rows = browser(await schrijf('steekproef', ''));
    // Row 2: u32 = 4.000.001.001 + 2.000 (above 2^31, no sign wrap); dec_flba = 2 × 123.456,78 − 1.000.000.
    expect(rows[2].u32).toBe('4000003001');
    expect(rows[2].dec_flba).toBe(-753086.44);
    expect(rows[2].dec_int32).toBe(-97);
    expect(rows[3].i8).toBe('-125');
    expect(rows[5].u64).toBe('4611686018427387909');
    expect(rows[0].u64_als_getal).toBe(9e18);
    expect(rows[7].dec_null).toBeNull();
    expect(rows[299].dag).toBe('2015-06-16');
  });
});

test('an unsigned value that does not fit BIGINT is refused with its column and row, not wrapped', async () => {
  const file = join(dir, 'te_groot.parquet');
  await conn.run(`COPY (SELECT 9223372036854775807::UBIGINT + i::UBIGINT AS persoon_id FROM range(3) t(i)) TO '${file}' (FORMAT parquet)`);
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const md = parquetMetadata(bytes);
  const run = () => decodeRowGroup(md, 0, { bytes, base: 0 }, [{ name: 'persoon_id', target: { kind: 'int64' } }], compressors);
  expect(run).toThrow(DecodeError);
  try {
    run();
  } catch (e) {
    expect((e as DecodeError).message).toBe('kolom persoon_id: waarde 9223372036854775808 past niet in BIGINT');
    expect((e as DecodeError).rij).toBe(1);
  }
});

test('a too-large unsigned value in a dictionary is refused at the first row that uses it', async () => {
  const file = join(dir, 'te_groot_woordenboek.parquet');
  // 400 rows, three distinct values (dictionary-encoded); the big one first appears in row 7 (0-based).
  await conn.run(`COPY (SELECT CASE WHEN i >= 7 AND i % 2 = 1 THEN 18446744073709551000::UBIGINT ELSE (i % 2)::UBIGINT END AS persoon_id
    FROM range(400) t(i)) TO '${file}' (FORMAT parquet)`);
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const md = parquetMetadata(bytes);
  expect(md.row_groups[0].columns[0].meta_data?.encodings).toEqual(['PLAIN_DICTIONARY']);
  for (const kind of ['int64', 'int32'] as const) {
    const run = () => decodeRowGroup(md, 0, { bytes, base: 0 }, [{ name: 'persoon_id', target: { kind } }], compressors);
    expect(run, kind).toThrow(DecodeError);
    try {
      run();
    } catch (e) {
      expect((e as DecodeError).message).toBe(`kolom persoon_id: waarde 18446744073709551000 past niet in ${kind === 'int64' ? 'BIGINT' : 'INTEGER'}`);
      expect((e as DecodeError).rij).toBe(7);
    }
  }
});

test('a column that is null in every row decodes as all nulls', async () => {
  const file = join(dir, 'alles_leeg.parquet');
  await conn.run(`COPY (SELECT NULL::DOUBLE AS uitgaven, NULL::BIGINT AS baan_id FROM range(5)) TO '${file}' (FORMAT parquet)`);
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const cols = decodeRowGroup(parquetMetadata(bytes), 0, { bytes, base: 0 }, [
    { name: 'uitgaven', target: { kind: 'float64' } },
    { name: 'baan_id', target: { kind: 'int64' } },
  ], compressors);
  expect(cols.map((c) => [c.nullCount, c.values.length])).toEqual([[5, 5], [5, 5]]);
});

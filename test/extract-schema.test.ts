/**
 * How the browser engine lays out a loaded extract: DuckDB type names of Parquet columns (what
 * validation checks), compact column types, ENUM values in text order, and the codes view that
 * shows integer codes as the contract's text values — checked in native DuckDB against the same
 * data stored as plain text.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetMetadata } from 'hyparquet';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTRACTS } from '../src/lib/extracts/contracts.ts';
import { byteOrder, codesViewSql, enumType, enumValues, finalColumns, parquetColumnTypes, planTable } from '../src/lib/engine/extract-schema.ts';

let dir: string;
let conn: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-schema-'));
  conn = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function metadata(select: string) {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}.parquet`);
  await conn.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  const buf = readFileSync(file);
  return parquetMetadata(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}

test('Parquet columns get the type names DuckDB itself gives them', async () => {
  const md = await metadata(`SELECT 1::BIGINT a, 1::INTEGER b, 1::SMALLINT c, DATE '2021-09-30' d, 'x' e, true f, 1.5::DOUBLE g,
    1.25::DECIMAL(10,2) h, TIMESTAMP '2021-09-30 12:00:00' i, 'y'::ENUM('y','z') j, 1::UINTEGER k`);
  expect(parquetColumnTypes(md)).toEqual([
    { name: 'a', type: 'BIGINT' },
    { name: 'b', type: 'INTEGER' },
    { name: 'c', type: 'SMALLINT' },
    { name: 'd', type: 'DATE' },
    { name: 'e', type: 'VARCHAR' },
    { name: 'f', type: 'BOOLEAN' },
    { name: 'g', type: 'DOUBLE' },
    { name: 'h', type: 'DECIMAL(10,2)' },
    { name: 'i', type: 'TIMESTAMP' },
    { name: 'j', type: 'VARCHAR' },
    { name: 'k', type: 'UINTEGER' },
  ]);
});

test('ENUM values: the domain plus what the file holds, in byte order (as ORDER BY on text)', () => {
  const achtergrond = CONTRACTS.doelgroep_kwartaal.columns.find((c) => c.name === 'achtergrond')!;
  // 'WIW/ID' < 'Wajong' because 'I' (0x49) < 'a' (0x61); 'Zzz' is not in the domain but in the file.
  expect(enumValues(achtergrond, ['Zzz', 'Wsw'])).toEqual(['Participatiewet', 'WIW/ID', 'Wajong', 'Wsw', 'Zzz']);
  const regio = CONTRACTS.doelgroep_kwartaal.columns.find((c) => c.name === 'regio_code')!;
  const r = enumValues(regio, ['AM99']);
  expect(r).toHaveLength(36);
  expect(r.slice(0, 3)).toEqual(['AM01', 'AM02', 'AM03']);
  expect(r.at(-1)).toBe('AM99');
  expect(['é', 'z', 'e'].sort(byteOrder)).toEqual(['e', 'z', 'é']);
});

test('persoon_id is loaded as INTEGER when the statistics say it fits, BIGINT otherwise', async () => {
  const cols = (md: Awaited<ReturnType<typeof metadata>>) =>
    planTable(CONTRACTS.doelgroep_uitstroom, md, new Map()).columns.map((c) => `${c.name} ${c.codeType ?? c.duckType.split('(')[0]}`);
  const klein = await metadata(`SELECT 2147483647::BIGINT persoon_id, DATE '2021-09-30' peildatum, 'AOW' reden`);
  expect(cols(klein)).toEqual(['persoon_id INTEGER', 'peildatum DATE', 'reden UTINYINT']);
  const groot = await metadata(`SELECT 2147483648::BIGINT persoon_id, DATE '2021-09-30' peildatum, 'AOW' reden`);
  expect(cols(groot)).toEqual(['persoon_id BIGINT', 'peildatum DATE', 'reden UTINYINT']);
});

test('the codes view gives the same groups, order and filters as the text itself', async () => {
  const md = await metadata(`SELECT 1::BIGINT persoon_id, DATE '2021-09-30' peildatum, 'AOW' reden`);
  const plan = planTable(CONTRACTS.doelgroep_uitstroom, md, new Map(), { grow: true });
  const reden = plan.columns[2];
  if (reden.target.kind !== 'code') throw new Error('reden is categorisch');
  // A value outside the domain arrives while loading and is appended to the book (code 5).
  reden.target.book.values.push('zzz onbekend');
  const cols = finalColumns(plan);
  const values = cols[2].values!;
  expect(values.slice(0, 2)).toEqual(['AOW', 'Wsw-beschut']);
  expect(cols[2].duckType).toBe(enumType([...values].sort(byteOrder)));
  // Same rows twice: as codes (index into `values`) and as text.
  const data = [
    [1, 'overleden'],
    [2, 'AOW'],
    [3, 'zzz onbekend'],
    [4, 'AOW'],
  ] as const;
  await conn.run(`CREATE TABLE codes (persoon_id INTEGER, peildatum DATE, reden UTINYINT)`);
  await conn.run(`CREATE TABLE tekst (persoon_id INTEGER, peildatum DATE, reden VARCHAR)`);
  for (const [id, r] of data) {
    await conn.run(`INSERT INTO codes VALUES (${id}, DATE '2021-09-30', ${values.indexOf(r)})`);
    await conn.run(`INSERT INTO tekst VALUES (${id}, DATE '2021-09-30', '${r}')`);
  }
  await conn.run(codesViewSql('v', 'codes', cols));
  const q = (t: string) => rows(`SELECT CAST(reden AS VARCHAR) AS reden, count(*)::INTEGER AS n FROM ${t} GROUP BY reden ORDER BY reden`);
  expect(await q('v')).toEqual(await q('tekst'));
  expect(await q('v')).toEqual([
    { reden: 'AOW', n: 2 },
    { reden: 'overleden', n: 1 },
    { reden: 'zzz onbekend', n: 1 },
  ]);
  expect(await rows(`SELECT persoon_id FROM v WHERE reden = 'AOW' ORDER BY 1`)).toEqual([{ persoon_id: 2 }, { persoon_id: 4 }]);
  expect(await rows(`SELECT count(*)::INTEGER AS n FROM v WHERE reden = 'niet bestaand'`)).toEqual([{ n: 0 }]);
});

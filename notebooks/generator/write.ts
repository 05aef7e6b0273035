/**
 * Writing the extracts: Parquet (ZSTD, Parquet v2 pages — hyparquet, the browser's reader, decodes
 * them; checked in test/generator.test.ts), sorted by peildatum then key, row groups of 131,072
 * rows so the browser can stream them. Column types follow src/lib/extracts/contracts.ts; integers
 * are INTEGER (the contract allows any integer width), categories VARCHAR (dictionary-encoded).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { listLiteral, literal } from '../../src/lib/sql/quote.ts';
import { ACHTERGRONDEN, CONTRACTEN, DIENSTVERBANDEN, SECTOREN, UITSTROOM_REDENEN } from '../../src/lib/extracts/contracts.ts';
import type { Advies, Plek } from './beschut.ts';
import type { BuigRij } from './buig.ts';
import type { UrenFactoren } from './calibrate.ts';
import type { Geografie } from './geography.ts';
import { NT, START_JAAR as T0_JAAR } from './time.ts';

export const PARQUET_OPTIES = "FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2, ROW_GROUP_SIZE 131072";

const naamVan = (lijst: readonly string[], kol: string) =>
  `(CASE ${kol} ${lijst.map((n, i) => `WHEN ${i} THEN ${literal(n)}`).join(' ')} END)`;

/** Last day of quarter t (t = 0 is 2012Q4) as a DuckDB DATE expression. */
function peildatumSql(t: string): string {
  return `last_day(make_date(${T0_JAAR} + (${t} + 3) // 4, ((${t} + 3) % 4) * 3 + 3, 1))`;
}

/**
 * The panel is already stored in (quarter, persoon) order (each quarter is inserted sorted), so the
 * export is a pure projection: codes, peildatum and the hours factor come from constant lists, no
 * join and no sort — DuckDB keeps insertion order for such a query (test/generator.test.ts checks
 * that the file is sorted).
 */
export async function schrijfPanel(conn: DuckDBConnection, geo: Geografie, factoren: UrenFactoren, bestand: string): Promise<void> {
  const factor = new Float64Array(NT * 2 * 2 * 2 * geo.regios.length).fill(1);
  const index = (t: number, sec: number, inl: number, ct: number, r: number) => (((t * 2 + sec) * 2 + inl) * 2 + ct) * geo.regios.length + r;
  for (const f of factoren.rijen) factor[index(f.t, f.sec, f.inl, f.ct, f.r)] = f.factor;
  const factorIdx = `((((p.t * 2 + p.sec) * 2 + (p.dv > 0)::INTEGER) * 2 + p.ct) * ${geo.regios.length} + p.r + 1)`;
  await conn.run(`COPY (
    SELECT p.pid AS persoon_id,
      ${peildatumSql('p.t')} AS peildatum,
      ${naamVan(ACHTERGRONDEN, 'p.a')} AS achtergrond,
      (${listLiteral(geo.regios.map((r) => r.code))})[p.r + 1] AS regio_code,
      (${listLiteral(geo.gemeenten.map((g) => g.code))})[p.g + 1] AS gemeente_code,
      p.w AS werkzaam,
      -- Not working: the simulation keeps the last job in these columns as state; the contract wants them empty.
      CASE WHEN p.w THEN p.baan END AS baan_id,
      CASE WHEN p.w THEN ${naamVan(SECTOREN, 'p.sec')} END AS sector,
      CASE WHEN p.w THEN ${naamVan(DIENSTVERBANDEN, 'p.dv')} END AS dienstverband,
      CASE WHEN p.w THEN ${naamVan(CONTRACTEN, 'p.ct')} END AS contract,
      (CASE WHEN p.w THEN greatest(1, round(p.uraw * (${`[${Array.from(factor, (x) => String(x)).join(', ')}]`}::DOUBLE[])[${factorIdx}])) ELSE 0 END)::DOUBLE AS uren,
      CASE WHEN p.w THEN p.bstart END AS baan_startdatum
    FROM panel p
  ) TO ${literal(bestand)} (${PARQUET_OPTIES})`);
}

export async function schrijfUitstroom(conn: DuckDBConnection, bestand: string): Promise<void> {
  await conn.run(`COPY (
    SELECT u.pid AS persoon_id, ${peildatumSql('u.t')} AS peildatum, ${naamVan(UITSTROOM_REDENEN, 'u.reden')} AS reden
    FROM uitstroom u ORDER BY u.t, u.pid
  ) TO ${literal(bestand)} (${PARQUET_OPTIES})`);
}

export async function schrijfAdviezen(conn: DuckDBConnection, rijen: readonly Advies[], bestand: string): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE adv (advies_id INTEGER, besluitdatum VARCHAR, gemeente_code VARCHAR, aanvrager VARCHAR, uitkomst VARCHAR)');
  const app = await conn.createAppender('adv');
  for (const a of rijen) {
    app.appendInteger(a.advies_id);
    app.appendVarchar(a.besluitdatum);
    app.appendVarchar(a.gemeente_code);
    app.appendVarchar(a.aanvrager);
    app.appendVarchar(a.uitkomst);
    app.endRow();
  }
  app.closeSync();
  await conn.run(`COPY (SELECT advies_id, besluitdatum::DATE AS besluitdatum, gemeente_code, aanvrager, uitkomst FROM adv ORDER BY besluitdatum, advies_id)
    TO ${literal(bestand)} (${PARQUET_OPTIES})`);
}

export async function schrijfPlekken(conn: DuckDBConnection, rijen: readonly Plek[], bestand: string): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE plek (gemeente_code VARCHAR, peildatum VARCHAR, plekken INTEGER, taakstelling INTEGER)');
  const app = await conn.createAppender('plek');
  for (const p of rijen) {
    app.appendVarchar(p.gemeente_code);
    app.appendVarchar(p.peildatum);
    app.appendInteger(p.plekken);
    app.appendInteger(p.taakstelling);
    app.endRow();
  }
  app.closeSync();
  await conn.run(`COPY (SELECT gemeente_code, peildatum::DATE AS peildatum, plekken, taakstelling FROM plek ORDER BY peildatum, gemeente_code)
    TO ${literal(bestand)} (${PARQUET_OPTIES})`);
}

export async function schrijfBuig(conn: DuckDBConnection, rijen: readonly BuigRij[], bestand: string): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE buig (gemeente_code VARCHAR, jaar SMALLINT, budget_voorlopig DOUBLE, budget_definitief DOUBLE, uitgaven DOUBLE)');
  const app = await conn.createAppender('buig');
  for (const b of rijen) {
    app.appendVarchar(b.gemeente_code);
    app.appendSmallInt(b.jaar);
    app.appendDouble(b.budget_voorlopig);
    app.appendDouble(b.budget_definitief);
    app.appendDouble(b.uitgaven);
    app.endRow();
  }
  app.closeSync();
  await conn.run(`COPY (SELECT * FROM buig ORDER BY jaar, gemeente_code) TO ${literal(bestand)} (${PARQUET_OPTIES})`);
}

export async function sha256(bestand: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(bestand)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function grootte(bestand: string): number {
  return statSync(bestand).size;
}

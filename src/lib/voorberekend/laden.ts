/**
 * Reading a folder of voorberekende tabellen in the site (from the Data page's chosen files or
 * the site's own data folder): the manifest is checked, every table file must match its SHA-256,
 * and each table becomes one statement that creates it in DuckDB under the name the pages' SQL
 * reads. The query layer runs that statement in place of the metric's own setup (which would
 * build the table from microdata). The tables are small (hundreds to a few thousand rows), so the
 * rows travel as literals through the one quoting module.
 */
import { parquetReadObjects } from 'hyparquet';
import type { SqlParam } from '../engine/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { TABELLEN } from './tabellen.ts';
import { MANIFEST_BESTAND, parseVoorberekendManifest, type VoorberekendeTabelInfo, type VoorberekendManifest } from './manifest.ts';

/** A file by name: from a folder the user chose, or fetched from the site. */
export type LeesBestand = (naam: string) => Promise<ArrayBuffer | null>;

export interface VoorberekendeGegevens {
  manifest: VoorberekendManifest;
  /** Table name → the statement that creates it from the folder's rows. */
  tabellen: ReadonlyMap<string, string>;
}

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Read and check a voorberekend folder; throws with a Dutch message naming the file. */
export async function leesVoorberekend(lees: LeesBestand): Promise<VoorberekendeGegevens> {
  const ruw = await lees(MANIFEST_BESTAND);
  if (!ruw) throw new Error(`${MANIFEST_BESTAND} ontbreekt: kies de map die npm run compute schreef, met alle bestanden erin.`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(ruw));
  } catch {
    throw new Error(`${MANIFEST_BESTAND} is geen geldige JSON.`);
  }
  const manifest = parseVoorberekendManifest(json);
  for (const t of manifest.tables) {
    const def = TABELLEN.find((d) => d.naam === t.name)!;
    if (t.suppressedCells > 0 && !def.toontOnderdrukt)
      throw new Error(
        `${t.file} heeft ${t.suppressedCells} onderdrukte ${t.suppressedCells === 1 ? 'cel' : 'cellen'} (groepen kleiner dan 10 personen). ` +
          `De pagina ${def.pagina} kan een onderdrukte cel nog niet als onderdrukt tonen en zou haar als 0 optellen; daarom is de map niet geladen.`,
      );
  }
  const tabellen = new Map<string, string>();
  for (const t of manifest.tables) {
    const bytes = await lees(t.file);
    if (!bytes) throw new Error(`${t.file} ontbreekt (het manifest noemt het).`);
    if ((await sha256(bytes)) !== t.sha256) throw new Error(`${t.file} is niet het bestand dat het manifest noemt (de SHA-256 verschilt).`);
    let rijen: Record<string, unknown>[];
    try {
      rijen = await parquetReadObjects({ file: bytes, columns: t.columns.map((c) => c.name) });
    } catch {
      throw new Error(`${t.file} kon niet als Parquet worden gelezen.`);
    }
    if (rijen.length !== t.rows) throw new Error(`${t.file} heeft ${rijen.length} rijen; het manifest noemt ${t.rows}.`);
    tabellen.set(t.name, tabelSql(t, rijen));
  }
  return { manifest, tabellen };
}

function waarde(v: unknown): SqlParam {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  throw new Error(`onverwachte waarde ${String(v).slice(0, 20)}`);
}

/** `CREATE OR REPLACE TABLE name AS SELECT CAST(col AS type) … FROM (VALUES …)`: the table with the manifest's types. */
export function tabelSql(t: VoorberekendeTabelInfo, rijen: readonly Record<string, unknown>[]): string {
  const naam = ident(t.name);
  const kolommen = t.columns.map((c) => ident(c.name));
  if (rijen.length === 0) return `CREATE OR REPLACE TABLE ${naam} (${t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`;
  const waarden = rijen.map((r) => `(${t.columns.map((c) => literal(waarde(r[c.name]))).join(', ')})`).join(',\n');
  const casts = t.columns.map((c) => `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`).join(', ');
  return `CREATE OR REPLACE TABLE ${naam} AS SELECT ${casts} FROM (VALUES ${waarden}) AS v(${kolommen.join(', ')})`;
}

/**
 * The manifest of a folder of voorberekende tabellen (written by `npm run compute`, read by the
 * site): what was computed, from which source, over which peildatum range, under which contract
 * version, and each table's file with its content hash, columns and how many cells were
 * suppressed. Keys are English like data/manifest.json's; `kind` tells the two manifests apart.
 * The site trusts nothing it reads: every field is checked and a wrong one is named in Dutch.
 */
import type { ExtractName } from '../engine/types.ts';
import { EXTRACT_NAMES } from '../extracts/contracts.ts';
import { TABELLEN, type KolomType } from './tabellen.ts';

export const SOORT = 'voorberekend';

export interface VoorberekendeTabelInfo {
  /** Table name the pages' SQL reads (one of tabellen.ts). */
  name: string;
  /** File name inside the folder, e.g. 'agg_regio_kwartaal.parquet'. */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  columns: { name: string; type: KolomType }[];
  /** The extracts it was computed from. */
  extracts: ExtractName[];
  /** Cells written empty because they count fewer than 10 persons (disclosure control). */
  suppressedCells: number;
}

export interface VoorberekendManifest {
  kind: typeof SOORT;
  /** Source name for readers: the demo data's source text or the own extract's name, never a path. */
  source: string;
  synthetic: boolean;
  /** Contract (schema) version of the extracts it was computed from. */
  schemaVersion: number;
  peildatumVan: string | null;
  peildatumTot: string | null;
  generatedAt: string;
  /** Smallest group written as a number. */
  threshold: number;
  tables: VoorberekendeTabelInfo[];
}

export const MANIFEST_BESTAND = 'manifest.json';
const BRON = 'manifest.json (voorberekend)';

/** True when the JSON is a voorberekend manifest (and not data/manifest.json of microdata). */
export function isVoorberekend(json: unknown): boolean {
  return isObject(json) && json.kind === SOORT;
}

export function parseVoorberekendManifest(json: unknown): VoorberekendManifest {
  if (!isVoorberekend(json) || !isObject(json)) throw new Error(`${BRON}: dit is geen manifest van voorberekende gegevens (kind moet "${SOORT}" zijn).`);
  const tekst = (k: string) => {
    const v = json[k];
    if (typeof v !== 'string' || v.trim() === '' || v.length > 300) throw new Error(`${BRON}, veld ${k}: verwacht een tekst.`);
    return v;
  };
  const datum = (k: string) => {
    const v = json[k];
    if (v === null) return null;
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`${BRON}, veld ${k}: verwacht een datum als 2024-12-31.`);
    return v;
  };
  if (typeof json.synthetic !== 'boolean') throw new Error(`${BRON}, veld synthetic: verwacht true of false.`);
  if (!Number.isInteger(json.schemaVersion) || (json.schemaVersion as number) < 1) throw new Error(`${BRON}, veld schemaVersion: verwacht 1, 2, …`);
  if (json.threshold !== 10) throw new Error(`${BRON}, veld threshold: verwacht 10 (de drempel van het dashboard).`);
  if (!Array.isArray(json.tables) || json.tables.length === 0) throw new Error(`${BRON}, veld tables: verwacht een lijst met tabellen.`);
  const tables = json.tables.map(parseTabel);
  if (new Set(tables.map((t) => t.name)).size !== tables.length) throw new Error(`${BRON}: een tabel staat twee keer in het manifest.`);
  return {
    kind: SOORT,
    source: tekst('source'),
    synthetic: json.synthetic,
    schemaVersion: json.schemaVersion as number,
    peildatumVan: datum('peildatumVan'),
    peildatumTot: datum('peildatumTot'),
    generatedAt: tekst('generatedAt'),
    threshold: 10,
    tables,
  };
}

function parseTabel(t: unknown, i: number): VoorberekendeTabelInfo {
  const waar = `${BRON}, tabel ${i + 1}`;
  if (!isObject(t)) throw new Error(`${waar}: verwacht een object.`);
  const def = TABELLEN.find((d) => d.naam === t.name);
  // A closed list: only tables the site knows are registered, under names it chose itself.
  if (!def) throw new Error(`${waar}: onbekende tabel ${JSON.stringify(t.name).slice(0, 40)}; verwacht één van ${TABELLEN.map((d) => d.naam).join(', ')}.`);
  if (t.file !== `${def.naam}.parquet`) throw new Error(`${waar}, veld file: verwacht ${def.naam}.parquet.`);
  for (const k of ['rows', 'bytes', 'suppressedCells'] as const)
    if (!Number.isInteger(t[k]) || (t[k] as number) < 0) throw new Error(`${waar}, veld ${k}: verwacht een geheel getal, 0 of meer.`);
  if (typeof t.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(t.sha256)) throw new Error(`${waar}, veld sha256: verwacht 64 hexadecimale tekens.`);
  const cols = t.columns;
  const verwacht = def.kolommen.map((k) => `${k.naam}:${k.type}`).join(',');
  const gevonden = Array.isArray(cols) ? cols.map((c) => (isObject(c) ? `${String(c.name)}:${String(c.type)}` : '?')).join(',') : '';
  // Folders from before the reason was written: empty cells whose reason is not known.
  const zonderReden = def.kolommen.filter((k) => k.naam !== 'onderdrukt_reden').map((k) => `${k.naam}:${k.type}`).join(',');
  if (gevonden === zonderReden) {
    throw new Error(
      `${waar} (${def.naam}): deze map is gemaakt met een oudere versie van npm run compute, die niet vastlegt waarom een cel leeg is ` +
        '(minder dan 10 personen, of ter bescherming van een kleine groep elders). Maak de map opnieuw met npm run compute.',
    );
  }
  if (gevonden !== verwacht) throw new Error(`${waar}, veld columns: de kolommen passen niet bij deze versie van het dashboard.`);
  const extracts = t.extracts;
  if (!Array.isArray(extracts) || !extracts.every((x) => (EXTRACT_NAMES as unknown[]).includes(x))) throw new Error(`${waar}, veld extracts: verwacht namen van extracten.`);
  return {
    name: def.naam,
    file: t.file,
    rows: t.rows as number,
    bytes: t.bytes as number,
    sha256: t.sha256,
    columns: def.kolommen.map((k) => ({ name: k.naam, type: k.type })),
    extracts: extracts as ExtractName[],
    suppressedCells: t.suppressedCells as number,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

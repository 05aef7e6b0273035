import type { ExtractName } from '../engine/types.ts';
import { EXTRACT_NAMES } from './contracts.ts';

/**
 * data/manifest.json: what each bundled extract is (written by the demo-data generator).
 * The app trusts nothing it reads: `parseManifest` checks every field and says in Dutch which
 * one is wrong, and file paths must stay inside the site (same origin, under extracts/).
 */
export interface ManifestEntry {
  name: ExtractName;
  /** Relative to data/, e.g. 'extracts/doelgroep_kwartaal.parquet'. */
  file: string;
  schemaVersion: number;
  title: string;
  description: string;
  source: string;
  synthetic: boolean;
  seed: number | null;
  generatorVersion: string | null;
  /** ISO dates (yyyy-mm-dd). */
  peildatumVan: string;
  peildatumTot: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  generatedAt: string | null;
  /** In contract order; only extracts present in the file. */
  extracts: ManifestEntry[];
}

export const MANIFEST_URL = './data/manifest.json';
const BRON = 'data/manifest.json';

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/**
 * Accepts `{ extracts: { name: entry } }`, `{ extracts: [entry…] }` or a bare `{ name: entry }`;
 * unknown extract names are refused rather than ignored, so a typo cannot hide an extract.
 */
export function parseManifest(json: unknown): Manifest {
  if (!isObject(json)) throw new ManifestError(`${BRON}: verwacht een JSON-object.`);
  const raw = 'extracts' in json ? json.extracts : json;
  const generatedAt = 'generatedAt' in json && typeof json.generatedAt === 'string' ? json.generatedAt : null;
  let items: [string, unknown][];
  if (Array.isArray(raw)) items = raw.map((e, i) => [isObject(e) && typeof e.name === 'string' ? e.name : `#${i + 1}`, e]);
  else if (isObject(raw)) items = Object.entries(raw).filter(([k]) => k !== 'generatedAt');
  else throw new ManifestError(`${BRON}: veld extracts ontbreekt of is geen lijst.`);

  const extracts = items.map(([name, e]) => parseEntry(name, e));
  const seen = new Set<string>();
  for (const e of extracts) {
    if (seen.has(e.name)) throw new ManifestError(`${BRON}: extract ${e.name} staat twee keer in het manifest.`);
    seen.add(e.name);
  }
  extracts.sort((a, b) => EXTRACT_NAMES.indexOf(a.name) - EXTRACT_NAMES.indexOf(b.name));
  return { generatedAt, extracts };
}

function parseEntry(name: string, e: unknown): ManifestEntry {
  const waar = `${BRON}, extract ${name}`;
  if (!(EXTRACT_NAMES as string[]).includes(name))
    throw new ManifestError(`${waar}: onbekend extract; verwacht één van ${EXTRACT_NAMES.join(', ')}.`);
  if (!isObject(e)) throw new ManifestError(`${waar}: verwacht een object met de velden van het extract.`);
  const veld = <T>(key: string, ok: (v: unknown) => v is T, verwacht: string, optioneel = false): T => {
    const v = e[key];
    if ((v === undefined || v === null) && optioneel) return null as T;
    if (!ok(v)) throw new ManifestError(`${waar}, veld ${key}: verwacht ${verwacht}, gevonden ${toon(v)}.`);
    return v;
  };
  const file = veld('file', isString, 'een pad als extracts/<naam>.parquet');
  if (!/^extracts\/[A-Za-z0-9_.-]+\.parquet$/.test(file) || file.includes('..'))
    throw new ManifestError(`${waar}, veld file: '${file}' ligt niet in extracts/ of is geen .parquet-bestand; alleen bestanden van deze site worden geladen.`);
  const entry: ManifestEntry = {
    name: name as ExtractName,
    file,
    schemaVersion: veld('schemaVersion', isPositiveInt, 'een schemaversie (1, 2, …)'),
    title: veld('title', isString, 'een titel'),
    description: veld('description', isString, 'een omschrijving'),
    source: veld('source', isString, 'een bronvermelding'),
    synthetic: veld('synthetic', isBoolean, 'true of false'),
    seed: veld('seed', isFiniteNumber, 'een getal', true),
    generatorVersion: veld('generatorVersion', isString, 'een versie', true),
    peildatumVan: veld('peildatumVan', isIsoDate, 'een datum als 2012-12-31'),
    peildatumTot: veld('peildatumTot', isIsoDate, 'een datum als 2024-12-31'),
    rows: veld('rows', isCount, 'een aantal rijen (geheel getal, 0 of meer)'),
    bytes: veld('bytes', isCount, 'een bestandsgrootte in bytes'),
    sha256: veld('sha256', isSha256, 'een SHA-256 als 64 hexadecimale tekens'),
  };
  if (entry.peildatumVan > entry.peildatumTot)
    throw new ManifestError(`${waar}: peildatumVan ${entry.peildatumVan} ligt na peildatumTot ${entry.peildatumTot}.`);
  return entry;
}

/** Fetch and check the manifest; only from the site's own origin. */
export async function loadManifest(url: string = MANIFEST_URL, fetchFn: typeof fetch = fetch): Promise<Manifest> {
  const base = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
  const resolved = new URL(url, base);
  if (typeof location !== 'undefined' && resolved.origin !== location.origin)
    throw new ManifestError(`${BRON}: het manifest moet van deze site komen, niet van ${resolved.origin}.`);
  let res: Response;
  try {
    res = await fetchFn(resolved.href, { cache: 'no-cache' });
  } catch (e) {
    throw new ManifestError(`${BRON} kon niet worden opgehaald: ${(e as Error).message}.`);
  }
  const ontbreekt = `Zijn de demo-extracten gebouwd (npm start)?`;
  if (!res.ok) throw new ManifestError(`${BRON} kon niet worden opgehaald (HTTP ${res.status}). ${ontbreekt}`);
  // A static server may answer a missing file with the app's index.html.
  if (/text\/html/i.test(res.headers.get('content-type') ?? ''))
    throw new ManifestError(`${BRON} ontbreekt op deze site (de server gaf een HTML-pagina terug). ${ontbreekt}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ManifestError(`${BRON} is geen geldige JSON.`);
  }
  return parseManifest(json);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}
function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}
function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function isPositiveInt(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 1;
}
function isCount(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0;
}
function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
function isSha256(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{64}$/i.test(v);
}
function toon(v: unknown): string {
  if (v === undefined) return 'niets';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

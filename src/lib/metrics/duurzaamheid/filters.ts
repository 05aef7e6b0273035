/**
 * What a duurzaamheid question may be about: horizon, split, quarter of the year and the filters,
 * each checked against its closed set (Dutch error messages), and the SQL fragments built from
 * them. Filters and split use the values of the BASE quarter t (for starters: of the start quarter
 * s): a person who moves region or changes achtergrond between t and t+h stays in the base group.
 */
import {
  ACHTERGRONDEN, DIENSTVERBANDEN, SECTOREN,
  type Achtergrond, type Dienstverband, type Sector,
} from '../../extracts/contracts.ts';
import { isRegioCode } from '../../extracts/regions.ts';
import { kwartaalToIndex, parseKwartaal } from '../../kwartaal.ts';

/** Quarters between base t and outcome t+h. */
export type Horizon = 4 | 8;
export const SPLITSINGEN = ['none', 'achtergrond', 'regio_code', 'sector', 'dienstverband'] as const;
export type Splitsing = (typeof SPLITSINGEN)[number];
export type KwartaalVanJaar = 1 | 2 | 3 | 4;

/** An empty or absent list is no filter. `regio` holds AMxx codes. */
export interface Filters {
  achtergrond?: readonly Achtergrond[];
  regio?: readonly string[];
  sector?: readonly Sector[];
  dienstverband?: readonly Dienstverband[];
}

/** Who a measure counts (filters) and how it splits them; the same for every measure. */
export interface Afbakening { filters?: Filters; split?: Splitsing }
/** A trend's selection: also which quarter of the year (the letters' series use 3: Q3 → Q3). */
export interface TrendAfbakening extends Afbakening { kwartaalVanJaar?: KwartaalVanJaar }

export function checkKwartaal(k: string, wat: string): number {
  if (!parseKwartaal(k)) throw new Error(`Ongeldig ${wat}: "${k}" (verwacht bijvoorbeeld 2021Q3).`);
  return kwartaalToIndex(k);
}

export function checkHorizon(h: number): Horizon {
  if (h !== 4 && h !== 8) throw new Error(`Ongeldige horizon: ${h} (alleen 4 of 8 kwartalen).`);
  return h;
}

export function checkSplit(s: string | undefined): Splitsing {
  const v = s ?? 'none';
  if (!(SPLITSINGEN as readonly string[]).includes(v)) {
    throw new Error(`Ongeldige uitsplitsing: "${v}" (kies uit ${SPLITSINGEN.join(', ')}).`);
  }
  return v as Splitsing;
}

export function checkKwartaalVanJaar(q: number | undefined): KwartaalVanJaar | undefined {
  if (q === undefined) return undefined;
  if (q !== 1 && q !== 2 && q !== 3 && q !== 4) throw new Error(`Ongeldig kwartaal van het jaar: ${q} (1 t/m 4).`);
  return q;
}

function checkList(values: readonly string[] | undefined, ok: (v: string) => boolean, kolom: string): string[] {
  const list = [...(values ?? [])];
  for (const v of list) {
    if (typeof v !== 'string' || !ok(v)) throw new Error(`Ongeldige waarde voor filter ${kolom}: "${String(v)}".`);
  }
  return list;
}

function inSet(set: readonly string[]): (v: string) => boolean {
  return (v) => set.includes(v);
}

/** WHERE fragment (leading " AND …") on the columns of row alias `a`, and its params. */
export function filterSql(f: Filters | undefined, a: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (kolom: string, values: string[]) => {
    if (values.length === 0) return;
    parts.push(` AND ${a}.${kolom} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  add('achtergrond', checkList(f?.achtergrond, inSet(ACHTERGRONDEN), 'achtergrond'));
  add('regio_code', checkList(f?.regio, isRegioCode, 'regio'));
  add('sector', checkList(f?.sector, inSet(SECTOREN), 'sector'));
  add('dienstverband', checkList(f?.dienstverband, inSet(DIENSTVERBANDEN), 'dienstverband'));
  return { sql: parts.join(''), params };
}

/**
 * The split column as carried through a query (`gr`): the raw column, so that grouping hashes an
 * ENUM code in the browser instead of a string; 0 for no split. `groepUit` turns it into the
 * output label once, on the few aggregated rows.
 */
export function groepRuw(split: Splitsing, a: string): string {
  return split === 'none' ? '0' : `${a}.${split}`;
}

export function groepUit(split: Splitsing, gr: string): string {
  return split === 'none' ? `'totaal'` : `coalesce(CAST(${gr} AS VARCHAR), 'onbekend')`;
}

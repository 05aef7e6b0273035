/**
 * Duurzaamheid van banen (DOMAIN.md §1): cohort outcomes, starters, permanent-contract hours and
 * job duration, on `doelgroep_kwartaal` + `doelgroep_uitstroom`. Same functions in the browser
 * (DuckDB-WASM) and in Node (native DuckDB).
 *
 * PUBLIC API (stable; other modules and the demo-data calibration call these)
 * ─────────────────────────────────────────────────────────────────────────────
 * Types
 *   Horizon = 4 | 8                                   quarters between base t and outcome t+h
 *   Splitsing = 'none' | 'achtergrond' | 'regio_code' | 'sector' | 'dienstverband'
 *   Filters = { achtergrond?: Achtergrond[]; regio?: string[] (AMxx); sector?: Sector[];
 *               dienstverband?: Dienstverband[] }     empty/absent list = no filter
 *   PanelBereik = { eerste: Kwartaal; laatste: Kwartaal }   first/last quarter in doelgroep_kwartaal
 *   SqlQuery = { sql: string; params: SqlParam[] }    (params bind to `?`; only enum strings)
 *
 * Which quarter's values count: filters AND the split use the values of the BASE quarter t
 * (for starters: of the start quarter s). A person who moves region or changes achtergrond
 * between t and t+h stays in the base group.
 *
 * Data range
 *   panelBereik(engine): Promise<PanelBereik | null>              null when the panel is empty
 *   basiskwartalen(bereik, horizon): Kwartaal[]                    t with t+h ≤ laatste (ascending)
 *   startersBasiskwartalen(bereik): Kwartaal[]                     t with t−4 ≥ eerste and t+4 ≤ laatste
 *   standaardBasiskwartaal(bereik): Kwartaal | null                latest Q3 with t+4 in the data
 *                                                                  (else latest t with t+4; else null)
 *
 * Cohort outcome (people in the register and werkzaam at t)
 *   cohortUitkomstSql(p: CohortParams, bereik): SqlQuery
 *   cohortUitkomst(engine, p: CohortParams, bereik?): Promise<UitkomstRij[]>
 *   cohortTrendSql(p: TrendParams, bereik, plan?): SqlQuery        ONE query, all valid t
 *   cohortTrend(engine, p: TrendParams, bereik?, plan?): Promise<UitkomstRij[]>
 *     plan?: TrendPlan = 'join' | 'masker' — same numbers; default picks the faster one
 *     (tests and bench only). For the letters' series pass kwartaalVanJaar: 3 (Q3 → Q3).
 *     CohortParams = { basis: Kwartaal; horizon: Horizon; filters?: Filters; split?: Splitsing }
 *     TrendParams  = { horizon: Horizon; filters?: Filters; split?: Splitsing;
 *                      kwartaalVanJaar?: 1|2|3|4 }  (only base quarters in that quarter of the year)
 *     UitkomstRij = { basis: Kwartaal; eind: Kwartaal; horizon: Horizon; groep: string;
 *                     cohort: number;           persons werkzaam at t (after filters)
 *                     werkzaam: number;         in register and werkzaam at t+h
 *                     werkVerloren: number;     in register at t+h, not werkzaam
 *                     uitRegister: number;      no register row at t+h (even if they return later)
 *                     steedsWerkzaam: number;   werkzaam in EVERY quarter t..t+h (absent = not werkzaam)
 *                     zelfdeBaan: number;       werkzaam at t+h with the same baan_id as at t
 *                     werkzaamPct, werkVerlorenPct, uitRegisterPct,     0..100, share of cohort;
 *                     steedsWerkzaamPct, zelfdeBaanPct: number;         the first three sum to 100
 *                     onderDrempel: boolean }   cohort < DREMPEL (10): suppress counts and %
 *     groep = 'totaal' for split 'none', else the base-quarter value ('onbekend' if null).
 *     Rows sorted by basis, then groep. Groups with an empty cohort have no row.
 *   totaalUitkomst(rijen: UitkomstRij[]): UitkomstRij[]   'totaal' rows summed from one split's
 *     rows (each person is in one group), per basis — equal to split 'none', one query fewer.
 *
 * Uitstroom by reden (those uit het register at t+h; reden of their latest doelgroep_uitstroom
 * row with peildatum in t..t+h−1, 'onbekend' if none)
 *   uitstroomRedenenSql(p: CohortParams, bereik): SqlQuery
 *   uitstroomRedenen(engine, p: CohortParams, bereik?): Promise<UitstroomRij[]>
 *   uitstroomTrendSql(p: TrendParams, bereik, plan?) / uitstroomTrend(engine, p, bereik?, plan?)
 *     UitstroomRij = { basis; eind; horizon; groep; reden: UitstroomReden | 'onbekend';
 *                      aantal: number; uitRegister: number (group total);
 *                      pct: number (aantal / uitRegister × 100); onderDrempel: boolean (uitRegister < 10) }
 *     Every reden (UITSTROOM_REDENEN + 'onbekend') appears for each (basis, groep) with uitRegister > 0.
 *
 * Starters (werkzaam at s, not werkzaam or not in register at s−1, s in t−3..t). A person who
 * starts more than once in the window counts once, from the FIRST start in the window.
 *   startersSql(p: StartersParams, bereik): SqlQuery
 *   starters(engine, p: StartersParams, bereik?): Promise<StartersRij[]>
 *   startersTrendSql(p: StartersTrendParams, bereik) / startersTrend(engine, p, bereik?)
 *     StartersParams = { basis: Kwartaal; filters?: Filters; split?: Splitsing }
 *     StartersTrendParams = { filters?: Filters; split?: Splitsing; kwartaalVanJaar?: 1|2|3|4 }
 *     StartersRij = { basis: Kwartaal; vanaf: Kwartaal (t−3); groep: string; starters: number;
 *                     werkzaamNa1Jaar: number | null;   werkzaam at s+4 (null if t+4 beyond data)
 *                     zelfdeBaanNa1Jaar: number | null; same baan_id at s+4 as at s
 *                     werkzaamNa2Jaar: number | null;   werkzaam at s+8 (null if t+8 beyond data)
 *                     werkzaamNa1JaarPct, zelfdeBaanNa1JaarPct, werkzaamNa2JaarPct: number | null;
 *                     onderDrempel: boolean }           starters < 10
 *     The trend covers startersBasiskwartalen(bereik).
 *   totaalStarters(rijen: StartersRij[]): StartersRij[]   'totaal' rows from one split's rows.
 *
 * At a peildatum (working people in that quarter; filters/split on that quarter's values)
 *   contractSql(p: PeilParams): SqlQuery
 *   contract(engine, p: PeilParams): Promise<ContractRij[]>
 *   contractTrendSql(p: PeilTrendParams) / contractTrend(engine, p: PeilTrendParams)  all quarters
 *     PeilParams = { kwartaal: Kwartaal; filters?: Filters; split?: Splitsing }
 *     PeilTrendParams = { filters?: Filters; split?: Splitsing; kwartaalVanJaar?: 1|2|3|4 }
 *     ContractRij = { kwartaal: Kwartaal; groep: string; werkzamen: number; uren: number;
 *                     urenOnbepaald: number; urenOnbepaaldPct: number | null  (null if uren = 0);
 *                     gemBaanduurJaren: number | null  mean of (peildatum − baan_startdatum) days / 365.25
 *                                                      over rows with a startdatum;
 *                     onderDrempel: boolean }          werkzamen < 10
 *
 * Disclosure
 *   DREMPEL = 10; onderDrempel(n): boolean  (n < 10) — use for any person count shown on its own.
 *
 * Headline sentences: see ./duurzaamheid-zinnen.ts.
 * `bereik` may be passed to the runners to save one small query (min/max of peildatum).
 *
 * Speed: every query reads only the quarters it needs, filtered on peildatum. A panel stored in
 * peildatum order (as the demo extracts should be written) lets DuckDB skip the other quarters
 * through its min/max zone maps: about 10× faster for a single quarter on 11M rows.
 * Errors (bad quarter, horizon, enum value, base outside the data) are thrown as Error with a
 * Dutch message.
 */
import type { QueryEngine } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import {
  ACHTERGRONDEN, DIENSTVERBANDEN, SECTOREN, UITSTROOM_REDENEN,
  type Achtergrond, type Dienstverband, type Sector,
} from '../extracts/contracts.ts';
import { isRegioCode } from '../extracts/regions.ts';
import { DREMPEL } from '../format/disclosure.ts';
import type { SqlQuery } from '../sql/query.ts';
import { indexToKwartaal, kwartaalEinde, kwartaalIndex, kwartaalToIndex, parseKwartaal, type Kwartaal } from '../kwartaal.ts';

export type Horizon = 4 | 8;
export const HORIZONS: readonly Horizon[] = [4, 8];
export const SPLITSINGEN = ['none', 'achtergrond', 'regio_code', 'sector', 'dienstverband'] as const;
export type Splitsing = (typeof SPLITSINGEN)[number];
export type UitstroomReden = (typeof UITSTROOM_REDENEN)[number];
export type KwartaalVanJaar = 1 | 2 | 3 | 4;

export interface Filters {
  achtergrond?: readonly Achtergrond[];
  regio?: readonly string[];
  sector?: readonly Sector[];
  dienstverband?: readonly Dienstverband[];
}

export interface PanelBereik { eerste: Kwartaal; laatste: Kwartaal }

export interface CohortParams { basis: Kwartaal; horizon: Horizon; filters?: Filters; split?: Splitsing }
export interface TrendParams { horizon: Horizon; filters?: Filters; split?: Splitsing; kwartaalVanJaar?: KwartaalVanJaar }
export interface StartersParams { basis: Kwartaal; filters?: Filters; split?: Splitsing }
export interface StartersTrendParams { filters?: Filters; split?: Splitsing; kwartaalVanJaar?: KwartaalVanJaar }
export interface PeilParams { kwartaal: Kwartaal; filters?: Filters; split?: Splitsing }
export interface PeilTrendParams { filters?: Filters; split?: Splitsing; kwartaalVanJaar?: KwartaalVanJaar }

export interface UitkomstRij {
  basis: Kwartaal;
  eind: Kwartaal;
  horizon: Horizon;
  groep: string;
  cohort: number;
  werkzaam: number;
  werkVerloren: number;
  uitRegister: number;
  steedsWerkzaam: number;
  zelfdeBaan: number;
  werkzaamPct: number;
  werkVerlorenPct: number;
  uitRegisterPct: number;
  steedsWerkzaamPct: number;
  zelfdeBaanPct: number;
  onderDrempel: boolean;
}

export interface UitstroomRij {
  basis: Kwartaal;
  eind: Kwartaal;
  horizon: Horizon;
  groep: string;
  reden: UitstroomReden | 'onbekend';
  aantal: number;
  uitRegister: number;
  pct: number;
  onderDrempel: boolean;
}

export interface StartersRij {
  basis: Kwartaal;
  vanaf: Kwartaal;
  groep: string;
  starters: number;
  werkzaamNa1Jaar: number | null;
  zelfdeBaanNa1Jaar: number | null;
  werkzaamNa2Jaar: number | null;
  werkzaamNa1JaarPct: number | null;
  zelfdeBaanNa1JaarPct: number | null;
  werkzaamNa2JaarPct: number | null;
  onderDrempel: boolean;
}

export interface ContractRij {
  kwartaal: Kwartaal;
  groep: string;
  werkzamen: number;
  uren: number;
  urenOnbepaald: number;
  urenOnbepaaldPct: number | null;
  gemBaanduurJaren: number | null;
  onderDrempel: boolean;
}

/** Disclosure threshold (format/disclosure.ts): groups of fewer persons are shown as "<10". */
export { DREMPEL };
export function onderDrempel(n: number): boolean {
  return n < DREMPEL;
}

const PANEL = 'doelgroep_kwartaal';
const UITSTROOM = 'doelgroep_uitstroom';
const UITSTROOM_ONBEKEND = 'onbekend' as const;

// ───────────────────────────── validation ─────────────────────────────

function checkKwartaal(k: string, wat: string): number {
  if (!parseKwartaal(k)) throw new Error(`Ongeldig ${wat}: "${k}" (verwacht bijvoorbeeld 2021Q3).`);
  return kwartaalToIndex(k);
}

function checkHorizon(h: number): Horizon {
  if (h !== 4 && h !== 8) throw new Error(`Ongeldige horizon: ${h} (alleen 4 of 8 kwartalen).`);
  return h;
}

function checkSplit(s: string | undefined): Splitsing {
  const v = s ?? 'none';
  if (!(SPLITSINGEN as readonly string[]).includes(v)) {
    throw new Error(`Ongeldige uitsplitsing: "${v}" (kies uit ${SPLITSINGEN.join(', ')}).`);
  }
  return v as Splitsing;
}

function checkKwartaalVanJaar(q: number | undefined): KwartaalVanJaar | undefined {
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
function filterSql(f: Filters | undefined, a: string): { sql: string; params: string[] } {
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
function groepRuw(split: Splitsing, a: string): string {
  return split === 'none' ? '0' : `${a}.${split}`;
}

function groepUit(split: Splitsing, gr: string): string {
  return split === 'none' ? `'totaal'` : `coalesce(CAST(${gr} AS VARCHAR), 'onbekend')`;
}

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`interne fout: geen geheel getal ${n}`);
  return String(n);
}

function datum(i: number): string {
  return `DATE '${kwartaalEinde(indexToKwartaal(i))}'`;
}

function pct(teller: number, noemer: number): number {
  return noemer > 0 ? (teller / noemer) * 100 : 0;
}

function pctOfNull(teller: number | null, noemer: number): number | null {
  return teller === null || noemer <= 0 ? null : (teller / noemer) * 100;
}

// ───────────────────────────── data range ─────────────────────────────

export async function panelBereik(engine: QueryEngine): Promise<PanelBereik | null> {
  const rows = toRows<{ eerste: number | null; laatste: number | null }>(await engine.query(
    `SELECT ${kwartaalIndex('min(peildatum)')} AS eerste, ${kwartaalIndex('max(peildatum)')} AS laatste FROM ${PANEL}`,
  ));
  const r = rows[0];
  if (!r || r.eerste === null || r.laatste === null) return null;
  return { eerste: indexToKwartaal(r.eerste), laatste: indexToKwartaal(r.laatste) };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

export function basiskwartalen(bereik: PanelBereik, horizon: Horizon): Kwartaal[] {
  const h = checkHorizon(horizon);
  return range(kwartaalToIndex(bereik.eerste), kwartaalToIndex(bereik.laatste) - h).map(indexToKwartaal);
}

export function startersBasiskwartalen(bereik: PanelBereik): Kwartaal[] {
  return range(kwartaalToIndex(bereik.eerste) + 4, kwartaalToIndex(bereik.laatste) - 4).map(indexToKwartaal);
}

export function standaardBasiskwartaal(bereik: PanelBereik): Kwartaal | null {
  const geldig = basiskwartalen(bereik, 4);
  const q3 = geldig.filter((k) => k.endsWith('Q3'));
  return q3.at(-1) ?? geldig.at(-1) ?? null;
}

async function bereikOf(engine: QueryEngine, bereik: PanelBereik | undefined): Promise<PanelBereik> {
  const b = bereik ?? (await panelBereik(engine));
  if (!b) throw new Error('Het doelgroepregister (doelgroep_kwartaal) bevat geen rijen.');
  return b;
}

// ───────────────────────────── shared SQL core ─────────────────────────────
//
// Plan (one query per metric, also for the all-cohort trend): base rows at t are joined to the
// person's row at t+h on (persoon_id, quarter) — that gives werkzaam / werk verloren / uit het
// register and the baan at t+h — and to a per-person bitmask of werkzaam quarters strictly
// between t and t+h (bit i = quarter kmin+i) for continuous employment. Every piece reads only the
// quarters it needs, so a panel stored in peildatum order lets DuckDB skip the rest.

function maskType(bits: number): string {
  if (bits <= 62) return 'BIGINT';
  if (bits <= 126) return 'HUGEINT';
  throw new Error(`Het register beslaat ${bits} kwartalen; de trend ondersteunt er hoogstens 126.`);
}

/** `(1 << n) - 1` in mask type T: n consecutive bits. */
function volleBits(T: string, n: number): string {
  return `((CAST(1 AS ${T}) << ${int(n)}) - 1)`;
}

/** Quarter index of row alias `a` relative to kmin, as INTEGER. */
function relK(a: string, kmin: number): string {
  return `CAST(${kwartaalIndex(`${a}.peildatum`)} - ${int(kmin)} AS INTEGER)`;
}

function kwartaalVanJaarSql(a: string, q: KwartaalVanJaar | undefined): string {
  return q ? ` AND quarter(${a}.peildatum) = ${int(q)}` : '';
}

/** Per person: bit i set when werkzaam in quarter kmin+i, for quarters van..tot. */
function werkMaskCte(naam: string, kmin: number, van: number, tot: number, T: string): string {
  return `${naam} AS (
  SELECT w.persoon_id, bit_or(CAST(1 AS ${T}) << ${relK('w', kmin)}) AS werk
  FROM ${PANEL} w
  WHERE w.werkzaam AND w.peildatum BETWEEN ${datum(van)} AND ${datum(tot)}
  GROUP BY w.persoon_id
)`;
}

function bit(mask: string, pos: string): string {
  return `((${mask} >> (${pos})) & 1) = 1`;
}

interface CohortSpec {
  b0: number;
  b1: number;
  h: Horizon;
  filters?: Filters;
  split: Splitsing;
  kwartaalVanJaar?: KwartaalVanJaar;
}

/**
 * CTEs `basis` (werkzaam at t ∈ [b0, b1], filters and groep on t's values) and `eind` (every
 * register row at t+h; h is a multiple of 4, so t+h lies in the same quarter of the year).
 */
function basisEindCtes(s: CohortSpec, kmin: number): { sql: string; params: string[] } {
  const f = filterSql(s.filters, 'r');
  const q = kwartaalVanJaarSql('r', s.kwartaalVanJaar);
  const qe = kwartaalVanJaarSql('e', s.kwartaalVanJaar);
  return {
    sql: `basis AS (
  SELECT r.persoon_id, ${relK('r', kmin)} AS k, r.baan_id, ${groepRuw(s.split, 'r')} AS gr
  FROM ${PANEL} r
  WHERE r.werkzaam AND r.peildatum BETWEEN ${datum(s.b0)} AND ${datum(s.b1)}${q}${f.sql}
),
eind AS (
  SELECT e.persoon_id, ${relK('e', kmin)} AS k, e.werkzaam, e.baan_id
  FROM ${PANEL} e
  WHERE e.peildatum BETWEEN ${datum(s.b0 + s.h)} AND ${datum(s.b1 + s.h)}${qe}
)`,
    params: f.params,
  };
}

function cohortSpecSql(s: CohortSpec): SqlQuery {
  const kmin = s.b0;
  const T = maskType(s.b1 + s.h - kmin);
  const be = basisEindCtes(s, kmin);
  const n = s.h - 1; // quarters strictly between t and t+h
  const sql = `WITH ${be.sql},
${werkMaskCte('tussen', kmin, s.b0 + 1, s.b1 + s.h - 1, T)}
SELECT CAST(b.k + ${int(kmin)} AS INTEGER) AS kw, ${groepUit(s.split, 'b.gr')} AS groep,
  count(*) AS cohort,
  count(*) FILTER (WHERE e.werkzaam) AS werkzaam,
  count(*) FILTER (WHERE NOT e.werkzaam) AS werk_verloren,
  count(*) FILTER (WHERE e.persoon_id IS NULL) AS uit_register,
  count(*) FILTER (WHERE e.werkzaam AND ((t.werk >> (b.k + 1)) & ${volleBits(T, n)}) = ${volleBits(T, n)}) AS steeds_werkzaam,
  count(*) FILTER (WHERE e.werkzaam AND e.baan_id = b.baan_id) AS zelfde_baan
FROM basis b
LEFT JOIN eind e ON e.persoon_id = b.persoon_id AND e.k = b.k + ${int(s.h)}
LEFT JOIN tussen t ON t.persoon_id = b.persoon_id
GROUP BY b.k, b.gr
ORDER BY kw, groep`;
  return { sql, params: be.params };
}

// ───────────────────────────── trend: the bitmask plan ─────────────────────────────
//
// Over all quarters, joining every base row to its t+h row builds a hash table over most of the
// panel. This plan instead folds each person into bitmasks (bit i = quarter kmin+i): `reg`,
// `werk`, the cohort bits (werkzaam at a base quarter, filters matched, per split group) and
// `zelfde` (the same baan_id at i and i+h, from per-job masks). Outcomes are bit operations per
// person; the counts per base quarter come from testing one bit per (person, base quarter).

function baseList(s: CohortSpec, kmin: number): number[] {
  const out: number[] = [];
  for (let k = s.b0; k <= s.b1; k++) if (!s.kwartaalVanJaar || k % 4 === s.kwartaalVanJaar - 1) out.push(k - kmin);
  return out;
}

/** CTEs `x` (per person [and group]: masks coh, wz, vl, uit, st, zb) and `basiskw` (base bits). */
function trendMaskCtes(s: CohortSpec, kmin: number): { sql: string; params: string[] } {
  const kmax = s.b1 + s.h;
  const T = maskType(kmax - kmin + 1);
  const f = filterSql(s.filters, 'r');
  const q = kwartaalVanJaarSql('r', s.kwartaalVanJaar);
  const een = `(CAST(1 AS ${T}) << ${relK('r', kmin)})`;
  const nul = `CAST(0 AS ${T})`;
  const h = int(s.h);
  const bases = baseList(s, kmin);
  // Without split or filters the cohort bits are the person's werkzaam bits at the base quarters;
  // otherwise they come per (person, group) from the base rows, where the filters are applied.
  const perGroep = s.split !== 'none' || f.sql !== '';
  const basisMasker = `CAST('${bases.reduce((m, k) => m | (1n << BigInt(k)), 0n).toString()}' AS ${T})`;
  // `reg` is only read at outcome quarters t+h, in the same quarter of the year as t: with a
  // chosen quarter of the year, the other quarters' non-working rows can be skipped.
  const regRijen = s.kwartaalVanJaar ? ` AND (r.werkzaam OR quarter(r.peildatum) = ${int(s.kwartaalVanJaar)})` : '';
  const coh = perGroep ? 'g.basis' : `(p.werk & ${basisMasker})`;
  const steeds = Array.from({ length: s.h + 1 }, (_, i) => `(p.werk >> ${i})`).join(' & ');
  const sql = `p AS (
  SELECT r.persoon_id, bit_or(${een}) AS reg, bit_or(CASE WHEN r.werkzaam THEN ${een} ELSE ${nul} END) AS werk
  FROM ${PANEL} r
  WHERE r.peildatum BETWEEN ${datum(s.b0)} AND ${datum(kmax)}${regRijen}
  GROUP BY r.persoon_id
),
${perGroep ? `g AS (
  SELECT r.persoon_id, ${groepRuw(s.split, 'r')} AS gr, bit_or(${een}) AS basis
  FROM ${PANEL} r
  WHERE r.werkzaam AND r.peildatum BETWEEN ${datum(s.b0)} AND ${datum(s.b1)}${q}${f.sql}
  GROUP BY ALL
),` : ''}
baan AS (
  SELECT r.persoon_id, r.baan_id, bit_or(${een}) AS m
  FROM ${PANEL} r
  WHERE r.werkzaam AND r.baan_id IS NOT NULL AND r.peildatum BETWEEN ${datum(s.b0)} AND ${datum(kmax)}${q}
  GROUP BY r.persoon_id, r.baan_id
),
j AS (SELECT persoon_id, bit_or(m & (m >> ${h})) AS zelfde FROM baan GROUP BY persoon_id),
x AS (
  SELECT p.persoon_id, ${perGroep ? 'g.gr' : '0'} AS gr, ${coh} AS coh,
         ${coh} & (p.werk >> ${h}) AS wz,
         ${coh} & (p.reg >> ${h}) & ~(p.werk >> ${h}) AS vl,
         ${coh} & ~(p.reg >> ${h}) AS uit,
         ${coh} & ${steeds} AS st,
         ${coh} & coalesce(j.zelfde, ${nul}) AS zb
  FROM ${perGroep ? 'g JOIN p ON p.persoon_id = g.persoon_id' : 'p'}
  LEFT JOIN j ON j.persoon_id = p.persoon_id
  WHERE ${coh} <> ${nul}
),
basiskw AS (SELECT unnest([${bases.join(', ')}]) AS k)`;
  return { sql, params: f.params };
}

function cohortTrendMaskSql(s: CohortSpec): SqlQuery {
  const kmin = s.b0;
  const m = trendMaskCtes(s, kmin);
  const b = (mask: string) => `((x.${mask} >> b.k) & 1) = 1`;
  const sql = `WITH ${m.sql}
SELECT CAST(b.k + ${int(kmin)} AS INTEGER) AS kw, ${groepUit(s.split, 'x.gr')} AS groep,
  count(*) FILTER (WHERE ${b('coh')}) AS cohort,
  count(*) FILTER (WHERE ${b('wz')}) AS werkzaam,
  count(*) FILTER (WHERE ${b('vl')}) AS werk_verloren,
  count(*) FILTER (WHERE ${b('uit')}) AS uit_register,
  count(*) FILTER (WHERE ${b('st')}) AS steeds_werkzaam,
  count(*) FILTER (WHERE ${b('zb')}) AS zelfde_baan
FROM x CROSS JOIN basiskw b
GROUP BY b.k, x.gr
HAVING count(*) FILTER (WHERE ${b('coh')}) > 0
ORDER BY kw, groep`;
  return { sql, params: m.params };
}

interface RawUitkomst {
  kw: number; groep: string; cohort: number; werkzaam: number; werk_verloren: number;
  uit_register: number; steeds_werkzaam: number; zelfde_baan: number;
}

function shapeUitkomst(rows: RawUitkomst[], h: Horizon): UitkomstRij[] {
  return rows.map((r) => ({
    basis: indexToKwartaal(r.kw),
    eind: indexToKwartaal(r.kw + h),
    horizon: h,
    groep: r.groep,
    cohort: r.cohort,
    werkzaam: r.werkzaam,
    werkVerloren: r.werk_verloren,
    uitRegister: r.uit_register,
    steedsWerkzaam: r.steeds_werkzaam,
    zelfdeBaan: r.zelfde_baan,
    werkzaamPct: pct(r.werkzaam, r.cohort),
    werkVerlorenPct: pct(r.werk_verloren, r.cohort),
    uitRegisterPct: pct(r.uit_register, r.cohort),
    steedsWerkzaamPct: pct(r.steeds_werkzaam, r.cohort),
    zelfdeBaanPct: pct(r.zelfde_baan, r.cohort),
    onderDrempel: onderDrempel(r.cohort),
  }));
}

/**
 * The 'totaal' rows from the rows of one split, per base quarter: every cohort member is in
 * exactly one group (the base-quarter value), so counts add up. Saves a query on the page.
 */
export function totaalUitkomst(rijen: readonly UitkomstRij[]): UitkomstRij[] {
  const per = new Map<string, RawUitkomst>();
  for (const r of rijen) {
    const t = per.get(r.basis) ?? { kw: kwartaalToIndex(r.basis), groep: 'totaal', cohort: 0, werkzaam: 0, werk_verloren: 0, uit_register: 0, steeds_werkzaam: 0, zelfde_baan: 0 };
    t.cohort += r.cohort;
    t.werkzaam += r.werkzaam;
    t.werk_verloren += r.werkVerloren;
    t.uit_register += r.uitRegister;
    t.steeds_werkzaam += r.steedsWerkzaam;
    t.zelfde_baan += r.zelfdeBaan;
    per.set(r.basis, t);
  }
  const horizon = rijen[0]?.horizon ?? 4;
  return shapeUitkomst([...per.values()].sort((a, b) => a.kw - b.kw), horizon);
}

function checkBasisInBereik(t: number, h: number, bereik: PanelBereik, basis: Kwartaal): void {
  const e = kwartaalToIndex(bereik.eerste);
  const l = kwartaalToIndex(bereik.laatste);
  if (t < e || t + h > l) {
    throw new Error(
      `Basiskwartaal ${basis} met horizon ${h} valt buiten de data (${bereik.eerste} t/m ${bereik.laatste}): ` +
      `${indexToKwartaal(t + h)} is nodig.`,
    );
  }
}

function trendRange(bereik: PanelBereik, lookback: number, lookahead: number): [number, number] | null {
  const b0 = kwartaalToIndex(bereik.eerste) + lookback;
  const b1 = kwartaalToIndex(bereik.laatste) - lookahead;
  return b0 <= b1 ? [b0, b1] : null;
}

/** A query that returns no rows, for a trend over a panel too short for any base quarter. */
const LEEG: SqlQuery = { sql: 'SELECT 1 WHERE false', params: [] };

// ───────────────────────────── cohort outcome ─────────────────────────────

export function cohortUitkomstSql(p: CohortParams, bereik: PanelBereik): SqlQuery {
  const t = checkKwartaal(p.basis, 'basiskwartaal');
  const h = checkHorizon(p.horizon);
  checkBasisInBereik(t, h, bereik, p.basis);
  return cohortSpecSql({ b0: t, b1: t, h, filters: p.filters, split: checkSplit(p.split) });
}

export async function cohortUitkomst(engine: QueryEngine, p: CohortParams, bereik?: PanelBereik): Promise<UitkomstRij[]> {
  const q = cohortUitkomstSql(p, await bereikOf(engine, bereik));
  return shapeUitkomst(toRows<RawUitkomst>(await engine.query(q.sql, q.params)), p.horizon);
}

/**
 * Two plans give identical numbers (tested). Measured in DuckDB-WASM on 11M rows: per-person
 * bitmasks win only for the whole panel without split or filter (2.3 s vs 3.0 s); with one
 * quarter of the year or a split, joining base rows to their t+h rows wins (1.4 s vs 1.6–2.3 s).
 * `plan` forces one (tests, bench).
 */
export type TrendPlan = 'join' | 'masker';

function kiesPlan(s: CohortSpec, plan?: TrendPlan): TrendPlan {
  if (plan) return plan;
  const zonderFilters = filterSql(s.filters, 'r').params.length === 0;
  return !s.kwartaalVanJaar && s.split === 'none' && zonderFilters ? 'masker' : 'join';
}

export function cohortTrendSql(p: TrendParams, bereik: PanelBereik, plan?: TrendPlan): SqlQuery {
  const h = checkHorizon(p.horizon);
  const r = trendRange(bereik, 0, h);
  if (!r) return LEEG;
  const spec: CohortSpec = {
    b0: r[0], b1: r[1], h, filters: p.filters, split: checkSplit(p.split),
    kwartaalVanJaar: checkKwartaalVanJaar(p.kwartaalVanJaar),
  };
  return kiesPlan(spec, plan) === 'join' ? cohortSpecSql(spec) : cohortTrendMaskSql(spec);
}

export async function cohortTrend(engine: QueryEngine, p: TrendParams, bereik?: PanelBereik, plan?: TrendPlan): Promise<UitkomstRij[]> {
  const q = cohortTrendSql(p, await bereikOf(engine, bereik), plan);
  if (q === LEEG) return [];
  return shapeUitkomst(toRows<RawUitkomst>(await engine.query(q.sql, q.params)), p.horizon);
}

// ───────────────────────────── uitstroom by reden ─────────────────────────────

/**
 * The tail shared by the single and trend uitstroom queries: given CTE `uit` (persoon_id, k,
 * groep) of people out of the register at k+h, the reden of their latest leaving row dated
 * k…k+h−1 (their last quarter in the register lies in the cohort window), else 'onbekend'.
 */
function vertrekSql(s: CohortSpec, kmin: number): string {
  return `vertrek AS (
  SELECT u.persoon_id, ${relK('u', kmin)} AS k, u.reden
  FROM ${UITSTROOM} u
  WHERE u.peildatum BETWEEN ${datum(s.b0)} AND ${datum(s.b1 + s.h - 1)}
),
per_persoon AS (
  SELECT uit.persoon_id, uit.k, uit.gr, arg_max(v.reden, v.k) AS reden
  FROM uit LEFT JOIN vertrek v
    ON v.persoon_id = uit.persoon_id AND v.k BETWEEN uit.k AND uit.k + ${int(s.h - 1)}
  GROUP BY uit.persoon_id, uit.k, uit.gr
)
SELECT CAST(pp.k + ${int(kmin)} AS INTEGER) AS kw, ${groepUit(s.split, 'pp.gr')} AS groep,
  coalesce(CAST(pp.reden AS VARCHAR), '${UITSTROOM_ONBEKEND}') AS reden, count(*) AS aantal
FROM per_persoon pp
GROUP BY pp.k, pp.gr, pp.reden
ORDER BY kw, groep, reden`;
}

function uitstroomSpecSql(s: CohortSpec): SqlQuery {
  const kmin = s.b0;
  const be = basisEindCtes(s, kmin);
  const sql = `WITH ${be.sql},
uit AS (
  SELECT b.persoon_id, b.k, b.gr FROM basis b
  LEFT JOIN eind e ON e.persoon_id = b.persoon_id AND e.k = b.k + ${int(s.h)}
  WHERE e.persoon_id IS NULL
),
${vertrekSql(s, kmin)}`;
  return { sql, params: be.params };
}

function uitstroomTrendMaskSql(s: CohortSpec): SqlQuery {
  const kmin = s.b0;
  const m = trendMaskCtes(s, kmin);
  const sql = `WITH ${m.sql},
uit AS (
  SELECT x.persoon_id, b.k, x.gr FROM x CROSS JOIN basiskw b WHERE ((x.uit >> b.k) & 1) = 1
),
${vertrekSql(s, kmin)}`;
  return { sql, params: m.params };
}

interface RawUitstroom { kw: number; groep: string; reden: string; aantal: number }

const REDENEN: readonly (UitstroomReden | 'onbekend')[] = [...UITSTROOM_REDENEN, UITSTROOM_ONBEKEND];

function shapeUitstroom(rows: RawUitstroom[], h: Horizon): UitstroomRij[] {
  const groepen = new Map<string, { kw: number; groep: string; per: Map<string, number>; totaal: number }>();
  for (const r of rows) {
    const key = `${r.kw}\u0000${r.groep}`;
    let g = groepen.get(key);
    if (!g) groepen.set(key, (g = { kw: r.kw, groep: r.groep, per: new Map(), totaal: 0 }));
    g.per.set(r.reden, (g.per.get(r.reden) ?? 0) + r.aantal);
    g.totaal += r.aantal;
  }
  const out: UitstroomRij[] = [];
  for (const g of groepen.values()) {
    const redenen = [...REDENEN, ...[...g.per.keys()].filter((r) => !REDENEN.includes(r as UitstroomReden))];
    for (const reden of redenen) {
      const aantal = g.per.get(reden) ?? 0;
      out.push({
        basis: indexToKwartaal(g.kw), eind: indexToKwartaal(g.kw + h), horizon: h, groep: g.groep,
        reden: reden as UitstroomReden | 'onbekend', aantal, uitRegister: g.totaal,
        pct: pct(aantal, g.totaal), onderDrempel: onderDrempel(g.totaal),
      });
    }
  }
  return out;
}

export function uitstroomRedenenSql(p: CohortParams, bereik: PanelBereik): SqlQuery {
  const t = checkKwartaal(p.basis, 'basiskwartaal');
  const h = checkHorizon(p.horizon);
  checkBasisInBereik(t, h, bereik, p.basis);
  return uitstroomSpecSql({ b0: t, b1: t, h, filters: p.filters, split: checkSplit(p.split) });
}

export async function uitstroomRedenen(engine: QueryEngine, p: CohortParams, bereik?: PanelBereik): Promise<UitstroomRij[]> {
  const q = uitstroomRedenenSql(p, await bereikOf(engine, bereik));
  return shapeUitstroom(toRows<RawUitstroom>(await engine.query(q.sql, q.params)), p.horizon);
}

export function uitstroomTrendSql(p: TrendParams, bereik: PanelBereik, plan?: TrendPlan): SqlQuery {
  const h = checkHorizon(p.horizon);
  const r = trendRange(bereik, 0, h);
  if (!r) return LEEG;
  const spec: CohortSpec = {
    b0: r[0], b1: r[1], h, filters: p.filters, split: checkSplit(p.split),
    kwartaalVanJaar: checkKwartaalVanJaar(p.kwartaalVanJaar),
  };
  return kiesPlan(spec, plan) === 'join' ? uitstroomSpecSql(spec) : uitstroomTrendMaskSql(spec);
}

export async function uitstroomTrend(engine: QueryEngine, p: TrendParams, bereik?: PanelBereik, plan?: TrendPlan): Promise<UitstroomRij[]> {
  const q = uitstroomTrendSql(p, await bereikOf(engine, bereik), plan);
  if (q === LEEG) return [];
  return shapeUitstroom(toRows<RawUitstroom>(await engine.query(q.sql, q.params)), p.horizon);
}

// ───────────────────────────── starters ─────────────────────────────

interface StartersSpec {
  b0: number;
  b1: number;
  laatste: number;
  filters?: Filters;
  split: Splitsing;
  kwartaalVanJaar?: KwartaalVanJaar;
}

/**
 * Starts s lie in [b0−3, b1]: werkzaam at s, not werkzaam (or not in the register) at s−1, read
 * from a per-person werkzaam bitmask from b0−4 on. A start at s is counted for base t = s+d
 * (d = 0..3) when the person has no earlier start in t−3..s−1, so each person counts once per
 * base quarter, from the first start in the window; filters and split use the values at s.
 * One base quarter: s+4 and s+8 are looked up in the rows of the starters only (cheap). Trend:
 * the mask runs on to b1+8 and gives werkzaam at s+4/s+8 as bits; only the baan at s+4 is joined.
 */
function startersSpecSql(s: StartersSpec): SqlQuery {
  const enkel = s.b0 === s.b1;
  const kmin = s.b0 - 4;
  const kmax = enkel ? s.b1 : Math.min(s.b1 + 8, s.laatste);
  const T = maskType(s.b1 + 8 - kmin + 1);
  const l = s.laatste - kmin;
  const f = filterSql(s.filters, 'st');
  const q = s.kwartaalVanJaar ? ` AND (st.ks + d.d + ${int(kmin)}) % 4 = ${int(s.kwartaalVanJaar - 1)}` : '';
  const naTot = Math.min(enkel ? s.b1 + 8 : s.b1 + 4, s.laatste);
  const uitkomst = enkel
    ? `(n4.persoon_id IS NOT NULL) AS werk_1, coalesce(n4.baan_id = st.baan_id, false) AS zelfde_1,
         (n8.persoon_id IS NOT NULL) AS werk_2
  FROM start st
  LEFT JOIN na n4 ON n4.persoon_id = st.persoon_id AND n4.k = st.ks + 4
  LEFT JOIN na n8 ON n8.persoon_id = st.persoon_id AND n8.k = st.ks + 8`
    : `${bit('st.werk', 'st.ks + 4')} AS werk_1, coalesce(n4.baan_id = st.baan_id, false) AS zelfde_1,
         ${bit('st.werk', 'st.ks + 8')} AS werk_2
  FROM start st
  LEFT JOIN na n4 ON n4.persoon_id = st.persoon_id AND n4.k = st.ks + 4`;
  const sql = `WITH ${werkMaskCte('werk', kmin, kmin, kmax, T)},
start AS (
  SELECT r.persoon_id, ${relK('r', kmin)} AS ks, r.baan_id, r.achtergrond, r.regio_code, r.sector, r.dienstverband,
         (w.werk & ~(w.werk << 1)) AS starts, w.werk
  FROM ${PANEL} r JOIN werk w ON w.persoon_id = r.persoon_id
  WHERE r.werkzaam AND r.peildatum BETWEEN ${datum(s.b0 - 3)} AND ${datum(s.b1)}
    AND NOT ${bit('w.werk', `${relK('r', kmin)} - 1`)}
),
na AS (
  SELECT e.persoon_id, ${relK('e', kmin)} AS k, e.baan_id
  FROM ${PANEL} e
  WHERE e.werkzaam AND e.peildatum BETWEEN ${datum(s.b0 + 1)} AND ${datum(naTot)}
    AND (e.persoon_id, ${relK('e', kmin)}) IN (
      SELECT persoon_id, ks + 4 FROM start${enkel ? ' UNION ALL SELECT persoon_id, ks + 8 FROM start' : ''})
),
start_uit AS (
  SELECT st.*, ${uitkomst}
),
per_basis AS (
  SELECT st.*, st.ks + d.d AS kt, ${groepRuw(s.split, 'st')} AS gr
  FROM start_uit st CROSS JOIN (SELECT unnest([0, 1, 2, 3]) AS d) d
  WHERE st.ks + d.d BETWEEN ${int(s.b0 - kmin)} AND ${int(s.b1 - kmin)}
    AND (st.starts & (((CAST(1 AS ${T}) << (3 - d.d)) - 1) << (st.ks + d.d - 3))) = 0${q}${f.sql}
)
SELECT CAST(kt + ${int(kmin)} AS INTEGER) AS kw, ${groepUit(s.split, 'gr')} AS groep,
  count(*) AS starters,
  CASE WHEN max(kt) + 4 <= ${int(l)} THEN count(*) FILTER (WHERE werk_1) END AS werkzaam_1,
  CASE WHEN max(kt) + 4 <= ${int(l)} THEN count(*) FILTER (WHERE zelfde_1) END AS zelfde_baan_1,
  CASE WHEN max(kt) + 8 <= ${int(l)} THEN count(*) FILTER (WHERE werk_2) END AS werkzaam_2
FROM per_basis
GROUP BY kt, gr
ORDER BY kw, groep`;
  return { sql, params: f.params };
}

interface RawStarters {
  kw: number; groep: string; starters: number;
  werkzaam_1: number | null; zelfde_baan_1: number | null; werkzaam_2: number | null;
}

function shapeStarters(rows: RawStarters[]): StartersRij[] {
  return rows.map((r) => ({
    basis: indexToKwartaal(r.kw),
    vanaf: indexToKwartaal(r.kw - 3),
    groep: r.groep,
    starters: r.starters,
    werkzaamNa1Jaar: r.werkzaam_1,
    zelfdeBaanNa1Jaar: r.zelfde_baan_1,
    werkzaamNa2Jaar: r.werkzaam_2,
    werkzaamNa1JaarPct: pctOfNull(r.werkzaam_1, r.starters),
    zelfdeBaanNa1JaarPct: pctOfNull(r.zelfde_baan_1, r.starters),
    werkzaamNa2JaarPct: pctOfNull(r.werkzaam_2, r.starters),
    onderDrempel: onderDrempel(r.starters),
  }));
}

/** The 'totaal' rows from the rows of one split (each starter is in one group, at s). */
export function totaalStarters(rijen: readonly StartersRij[]): StartersRij[] {
  const per = new Map<string, RawStarters>();
  const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  for (const r of rijen) {
    const t = per.get(r.basis);
    if (!t) {
      per.set(r.basis, {
        kw: kwartaalToIndex(r.basis), groep: 'totaal', starters: r.starters,
        werkzaam_1: r.werkzaamNa1Jaar, zelfde_baan_1: r.zelfdeBaanNa1Jaar, werkzaam_2: r.werkzaamNa2Jaar,
      });
      continue;
    }
    t.starters += r.starters;
    t.werkzaam_1 = plus(t.werkzaam_1, r.werkzaamNa1Jaar);
    t.zelfde_baan_1 = plus(t.zelfde_baan_1, r.zelfdeBaanNa1Jaar);
    t.werkzaam_2 = plus(t.werkzaam_2, r.werkzaamNa2Jaar);
  }
  return shapeStarters([...per.values()].sort((a, b) => a.kw - b.kw));
}

export function startersSql(p: StartersParams, bereik: PanelBereik): SqlQuery {
  const t = checkKwartaal(p.basis, 'basiskwartaal');
  const e = kwartaalToIndex(bereik.eerste);
  const l = kwartaalToIndex(bereik.laatste);
  if (t - 4 < e || t > l) {
    throw new Error(
      `Starters voor basiskwartaal ${p.basis}: de data (${bereik.eerste} t/m ${bereik.laatste}) moet ` +
      `${indexToKwartaal(t - 4)} t/m ${p.basis} bevatten (het kwartaal vóór de eerste start telt mee).`,
    );
  }
  return startersSpecSql({ b0: t, b1: t, laatste: l, filters: p.filters, split: checkSplit(p.split) });
}

export async function starters(engine: QueryEngine, p: StartersParams, bereik?: PanelBereik): Promise<StartersRij[]> {
  const q = startersSql(p, await bereikOf(engine, bereik));
  return shapeStarters(toRows<RawStarters>(await engine.query(q.sql, q.params)));
}

export function startersTrendSql(p: StartersTrendParams, bereik: PanelBereik): SqlQuery {
  const r = trendRange(bereik, 4, 4);
  if (!r) return LEEG;
  return startersSpecSql({
    b0: r[0], b1: r[1], laatste: kwartaalToIndex(bereik.laatste), filters: p.filters,
    split: checkSplit(p.split), kwartaalVanJaar: checkKwartaalVanJaar(p.kwartaalVanJaar),
  });
}

export async function startersTrend(engine: QueryEngine, p: StartersTrendParams, bereik?: PanelBereik): Promise<StartersRij[]> {
  const q = startersTrendSql(p, await bereikOf(engine, bereik));
  if (q === LEEG) return [];
  return shapeStarters(toRows<RawStarters>(await engine.query(q.sql, q.params)));
}

// ───────────────────────────── at a peildatum ─────────────────────────────

function contractSpecSql(van: Kwartaal | null, tot: Kwartaal | null, filters: Filters | undefined, split: Splitsing, q?: KwartaalVanJaar): SqlQuery {
  const f = filterSql(filters, 'r');
  const periode = van && tot ? ` AND r.peildatum BETWEEN DATE '${kwartaalEinde(van)}' AND DATE '${kwartaalEinde(tot)}'` : '';
  const kwFilter = q ? ` AND quarter(r.peildatum) = ${int(q)}` : '';
  const sql = `SELECT CAST(${kwartaalIndex('r.peildatum')} AS INTEGER) AS kw, ${groepUit(split, groepRuw(split, 'r'))} AS groep,
  count(*) AS werkzamen,
  coalesce(sum(r.uren), 0) AS uren,
  coalesce(sum(r.uren) FILTER (WHERE r.contract = 'onbepaald'), 0) AS uren_onbepaald,
  avg(CAST(r.peildatum - r.baan_startdatum AS DOUBLE) / 365.25) FILTER (WHERE r.baan_startdatum IS NOT NULL) AS duur
FROM ${PANEL} r
WHERE r.werkzaam${periode}${kwFilter}${f.sql}
GROUP BY r.peildatum${split === 'none' ? '' : `, r.${split}`}
ORDER BY kw, groep`;
  return { sql, params: f.params };
}

interface RawContract { kw: number; groep: string; werkzamen: number; uren: number; uren_onbepaald: number; duur: number | null }

function shapeContract(rows: RawContract[]): ContractRij[] {
  return rows.map((r) => ({
    kwartaal: indexToKwartaal(r.kw),
    groep: r.groep,
    werkzamen: r.werkzamen,
    uren: r.uren,
    urenOnbepaald: r.uren_onbepaald,
    urenOnbepaaldPct: r.uren > 0 ? (r.uren_onbepaald / r.uren) * 100 : null,
    gemBaanduurJaren: r.duur,
    onderDrempel: onderDrempel(r.werkzamen),
  }));
}

export function contractSql(p: PeilParams): SqlQuery {
  checkKwartaal(p.kwartaal, 'kwartaal');
  return contractSpecSql(p.kwartaal, p.kwartaal, p.filters, checkSplit(p.split));
}

export async function contract(engine: QueryEngine, p: PeilParams): Promise<ContractRij[]> {
  const q = contractSql(p);
  return shapeContract(toRows<RawContract>(await engine.query(q.sql, q.params)));
}

export function contractTrendSql(p: PeilTrendParams): SqlQuery {
  return contractSpecSql(null, null, p.filters, checkSplit(p.split), checkKwartaalVanJaar(p.kwartaalVanJaar));
}

export async function contractTrend(engine: QueryEngine, p: PeilTrendParams): Promise<ContractRij[]> {
  const q = contractTrendSql(p);
  return shapeContract(toRows<RawContract>(await engine.query(q.sql, q.params)));
}

/**
 * Regionale groei in de 35 arbeidsmarktregio's (DOMAIN §2).
 *
 * One pre-aggregation per region × quarter (`agg_regio_kwartaal`, with the sector and
 * dienstverband splits as columns) is built once after `doelgroep_kwartaal` is loaded; every
 * view then reads that small table (35 × quarters rows), so changing indicator or period never
 * touches the panel. SQL returns additive sums only (people,
 * werkzaam, uren); ratios, banen, growth and shares are derived here in one place
 * (`kengetallen`, `groei`), so region and national figures follow the same formulas and the
 * national figure is always the sum over regions.
 *
 * Region codes are grouped as they are in the data: a code outside the 35 (or NULL) is kept as
 * its own row, never dropped, and counts in the national total. Reporting such codes is the
 * validator's job; here they show up with `regio_naam: null` and in `onbekendeCodes`.
 *
 * Shares and relative growth are fractions (0,165 = 16,5%); the format layer turns them into
 * Dutch percentages.
 */
import { toRows } from '../engine/rows.ts';
import type { ExtractName, QueryEngine, SqlParam } from '../engine/types.ts';
import { DIENSTVERBANDEN, SECTOREN } from '../extracts/contracts.ts';
import { REGIO_NAMEN } from '../extracts/regions.ts';
import { inList, literal } from '../sql/quote.ts';
import type { MetricQuery, SqlQuery } from '../sql/query.ts';
import { indexToKwartaal, kwartaalIndex, kwartaalToIndex, type Kwartaal } from '../kwartaal.ts';
import {
  funnel, kleinsteKwadraten, pearsonR, rangschik, type FunnelMethode, type FunnelResultaat, type LijnFit,
} from './stats.ts';

/** One baan = 25,5 verloonde uren per week; a quarter has 13 weeks → 331,5 uren per quarter. */
export const UREN_PER_BAAN = 25.5 * 13;

/** Name of the temp table holding the region × quarter pre-aggregation. */
export const AGG_TABEL = 'agg_regio_kwartaal';

/** Every figure here is derived from the panel (also when read from the pre-aggregation). */
const EXTRACTS: readonly ExtractName[] = ['doelgroep_kwartaal'];

/**
 * Where the sums come from: the materialised temp table (default, fast) or the same
 * aggregation as a subquery straight on the panel (no setup; for notebooks and checks).
 */
export type RegioBron = 'aggregaat' | 'panel';
export interface BronOptie {
  bron?: RegioBron;
}

// ---------------------------------------------------------------------------------------------
// Additive sums
// ---------------------------------------------------------------------------------------------

export interface RegioSommen {
  /** People in the register (one panel row per person per quarter). */
  personen: number;
  werkzaam: number;
  uren: number;
  uren_markt: number;
  uren_overheid: number;
  /** Uren with sector NULL or outside the contract's domain (kept so the split adds up). */
  uren_sector_onbekend: number;
  uren_regulier: number;
  uren_uitzend: number;
  uren_detachering: number;
  uren_dienstverband_onbekend: number;
}

const SOM_NAMEN = [
  'personen', 'werkzaam', 'uren', 'uren_markt', 'uren_overheid', 'uren_sector_onbekend',
  'uren_regulier', 'uren_uitzend', 'uren_detachering', 'uren_dienstverband_onbekend',
] as const satisfies readonly (keyof RegioSommen)[];

/**
 * Each sum as an aggregate over the per-cell rows (region × date × sector × dienstverband) of
 * the inner query; conditions use only contract enums.
 */
function celSommen(): string {
  const uren = (voorwaarde: string) => `coalesce(sum(uren) FILTER (WHERE ${voorwaarde}), 0)`;
  const defs: Record<keyof RegioSommen, string> = {
    personen: 'CAST(sum(personen) AS BIGINT)',
    werkzaam: 'CAST(sum(werkzaam) AS BIGINT)',
    uren: 'CAST(sum(uren) AS DOUBLE)',
    uren_markt: uren(`sector = ${literal(SECTOREN[0])}`),
    uren_overheid: uren(`sector = ${literal(SECTOREN[1])}`),
    uren_sector_onbekend: uren(`sector IS NULL OR sector NOT IN ${inList(SECTOREN)}`),
    uren_regulier: uren(`dienstverband = ${literal(DIENSTVERBANDEN[0])}`),
    uren_uitzend: uren(`dienstverband = ${literal(DIENSTVERBANDEN[1])}`),
    uren_detachering: uren(`dienstverband = ${literal(DIENSTVERBANDEN[2])}`),
    uren_dienstverband_onbekend: uren(`dienstverband IS NULL OR dienstverband NOT IN ${inList(DIENSTVERBANDEN)}`),
  };
  return SOM_NAMEN.map((n) => `${defs[n]} AS ${n}`).join(',\n    ');
}

/** Sums over rows of the pre-aggregation, optionally restricted by `periode`, with a column prefix. */
function somKolommen(periode: string | null, prefix = ''): string {
  return SOM_NAMEN.map((n) => {
    const som = periode ? `sum(${n}) FILTER (WHERE ${periode})` : `sum(${n})`;
    return `CAST(coalesce(${som}, 0) AS DOUBLE) AS ${prefix}${n}`;
  }).join(',\n    ');
}

function leesSommen(rij: Record<string, unknown>, prefix = ''): RegioSommen {
  const s = {} as RegioSommen;
  for (const naam of SOM_NAMEN) s[naam] = Number(rij[prefix + naam] ?? 0);
  return s;
}

export function somOver(lijst: readonly RegioSommen[]): RegioSommen {
  const s = {} as RegioSommen;
  for (const naam of SOM_NAMEN) s[naam] = lijst.reduce((a, r) => a + r[naam], 0);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Pre-aggregation
// ---------------------------------------------------------------------------------------------

/**
 * The pre-aggregation as a SELECT on `doelgroep_kwartaal`: one row per region × quarter with the
 * sums above, the sector and dienstverband splits as columns. The panel has one row per person
 * per quarter (key persoon_id + peildatum, checked by the validator), so count(*) counts people.
 * NULL and unexpected sector/dienstverband values land in the `_onbekend` columns.
 *
 * Shape, measured on 12M rows (materialised, native and DuckDB-WASM): the heavy pass groups by
 * region × date × sector × dienstverband, the pivot to columns runs on those few thousand cells.
 * FILTERed sums straight on the panel were 2–3× slower; computing year()/quarter() per panel row
 * instead of per date was 2× slower. The outer GROUP BY also merges dates within one quarter,
 * should any slip past the validator.
 */
export function regioKwartaalAggregaatSql(): string {
  return `SELECT regio_code,
    CAST(${kwartaalIndex('peildatum')} AS INTEGER) AS kw,
    ${celSommen()}
  FROM (
    SELECT regio_code, peildatum, sector, dienstverband,
      count(*) AS personen,
      count(*) FILTER (WHERE werkzaam) AS werkzaam,
      coalesce(sum(uren), 0) AS uren
    FROM doelgroep_kwartaal
    GROUP BY ALL
  ) AS cel
  GROUP BY ALL`;
}

/** Run once after (re)loading `doelgroep_kwartaal`; a reload must run it again. */
export function maakRegioAggregaatSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${AGG_TABEL} AS ${regioKwartaalAggregaatSql()} ORDER BY regio_code, kw`;
}

export async function maakRegioAggregaat(engine: QueryEngine): Promise<{ rijen: number }> {
  await engine.query(maakRegioAggregaatSql());
  const [r] = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM ${AGG_TABEL}`));
  return { rijen: r.n };
}

/** Whether the pre-aggregation exists (it reads the catalog, no extract). */
export function heeftRegioAggregaatQuery(): MetricQuery<boolean> {
  return {
    sql: `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ? AND temporary`,
    params: [AGG_TABEL],
    extracts: [],
    shape: (table) => toRows<{ n: number }>(table)[0].n > 0,
  };
}

export interface AggregaatRij extends RegioKengetallen {
  regio_code: string | null;
  kwartaal: Kwartaal;
}

/** The pre-aggregation as a compact table (regions × quarters rows), straight from the panel. */
export function regioKwartaalAggregaatQuery(): MetricQuery<AggregaatRij[]> {
  return {
    sql: `${regioKwartaalAggregaatSql()} ORDER BY regio_code, kw`,
    params: [],
    extracts: EXTRACTS,
    shape: (table) => toRows<Record<string, unknown>>(table).map((r) => ({
      regio_code: (r.regio_code as string | null) ?? null,
      kwartaal: indexToKwartaal(r.kw as number),
      ...kengetallen(leesSommen(r)),
    })),
  };
}

function bronSql(opties: BronOptie): string {
  return (opties.bron ?? 'aggregaat') === 'aggregaat' ? AGG_TABEL : `(${regioKwartaalAggregaatSql()})`;
}

// ---------------------------------------------------------------------------------------------
// Figures derived from the sums
// ---------------------------------------------------------------------------------------------

export interface RegioKengetallen extends RegioSommen {
  banen: number;
  banen_markt: number;
  banen_overheid: number;
  banen_sector_onbekend: number;
  banen_regulier: number;
  banen_uitzend: number;
  banen_detachering: number;
  banen_dienstverband_onbekend: number;
  /** werkzaam / personen; null without anyone in the register. */
  aandeel_werkzaam: number | null;
  /** banen per 1.000 people in the register. */
  banen_per_1000: number | null;
}

/** Banen and ratios from sums: the one place these formulas live. */
export function kengetallen(s: RegioSommen): RegioKengetallen {
  const b = (uren: number) => uren / UREN_PER_BAAN;
  const banen = b(s.uren);
  return {
    ...s,
    banen,
    banen_markt: b(s.uren_markt),
    banen_overheid: b(s.uren_overheid),
    banen_sector_onbekend: b(s.uren_sector_onbekend),
    banen_regulier: b(s.uren_regulier),
    banen_uitzend: b(s.uren_uitzend),
    banen_detachering: b(s.uren_detachering),
    banen_dienstverband_onbekend: b(s.uren_dienstverband_onbekend),
    aandeel_werkzaam: s.personen > 0 ? s.werkzaam / s.personen : null,
    banen_per_1000: s.personen > 0 ? (banen / s.personen) * 1000 : null,
  };
}

export interface Groei {
  /** banen(eind) − banen(basis) */
  groei_banen: number;
  /** groei / banen(basis); null when there were no banen at the base. */
  groei_banen_rel: number | null;
}

export function groei(basis: RegioKengetallen, eind: RegioKengetallen): Groei {
  const g = eind.banen - basis.banen;
  return { groei_banen: g, groei_banen_rel: basis.banen > 0 ? g / basis.banen : null };
}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

export interface RegioPeriode {
  /** Base quarter, e.g. "2015Q4". */
  basis: string;
  /** End quarter; level indicators are shown at this quarter. */
  eind: string;
}

function kw(kwartaal: string, veld: string): number {
  try {
    return kwartaalToIndex(kwartaal);
  } catch {
    throw new Error(`Ongeldig ${veld}kwartaal "${kwartaal}"; verwacht bijvoorbeeld 2021Q3.`);
  }
}

/** Region codes used as filters are bound as parameters; this only bounds their shape and number. */
function controleerRegios(regios: readonly string[]): void {
  if (regios.length > 40) throw new Error(`Te veel regio's gekozen (${regios.length}); maximaal 40.`);
  for (const r of regios) {
    if (typeof r !== 'string' || r.length === 0 || r.length > 16) throw new Error(`Ongeldige regiocode "${String(r)}".`);
  }
}

export function regioNaam(code: string | null): string | null {
  return code !== null && Object.hasOwn(REGIO_NAMEN, code) ? REGIO_NAMEN[code] : null;
}

// ---------------------------------------------------------------------------------------------
// Quarters available
// ---------------------------------------------------------------------------------------------

export function beschikbareKwartalenQuery(opties: BronOptie = {}): MetricQuery<Kwartaal[]> {
  return {
    sql: `SELECT DISTINCT kw FROM ${bronSql(opties)} AS a ORDER BY kw`,
    params: [],
    extracts: EXTRACTS,
    shape: (table) => toRows<{ kw: number }>(table).map((r) => indexToKwartaal(r.kw)),
  };
}

// ---------------------------------------------------------------------------------------------
// Overview: every region at base and end quarter (feeds map, ranking, scatter, profile)
// ---------------------------------------------------------------------------------------------

export interface RegioOverzichtRij extends Groei {
  regio_code: string | null;
  regio_naam: string | null;
  basis: RegioKengetallen;
  eind: RegioKengetallen;
  /** groei_banen / national groei_banen; the shares of all rows add up to 1. Null when national growth is 0. */
  aandeel_landelijke_groei: number | null;
}

export type LandelijkRij = Omit<RegioOverzichtRij, 'regio_code' | 'regio_naam'>;

export interface RegioOverzicht {
  basis: Kwartaal;
  eind: Kwartaal;
  /** Rows in region-code order; only regions with data in the base or end quarter. */
  regios: RegioOverzichtRij[];
  /** Sum over all rows above. */
  landelijk: LandelijkRij;
  /** Codes in the data outside the 35 (grouped as-is, included in the national total). */
  onbekendeCodes: (string | null)[];
}

function regioOverzichtSql(p: RegioPeriode, opties: BronOptie): SqlQuery {
  const basis = kw(p.basis, 'basis');
  const eind = kw(p.eind, 'eind');
  const sql = `WITH p AS (SELECT CAST(? AS INTEGER) AS basis, CAST(? AS INTEGER) AS eind)
  SELECT a.regio_code,
    ${somKolommen('a.kw = p.basis', 'b_')},
    ${somKolommen('a.kw = p.eind', 'e_')}
  FROM ${bronSql(opties)} AS a, p
  WHERE a.kw = p.basis OR a.kw = p.eind
  GROUP BY a.regio_code
  ORDER BY a.regio_code`;
  return { sql, params: [basis, eind] };
}

/** Every region at the base and end quarter, with national totals and growth shares. */
export function regioOverzichtQuery(p: RegioPeriode, opties: BronOptie = {}): MetricQuery<RegioOverzicht> {
  return {
    ...regioOverzichtSql(p, opties),
    extracts: EXTRACTS,
    shape: (table) => overzichtUitSommen(
      p,
      toRows<Record<string, unknown>>(table).map((r) => ({
        regio_code: (r.regio_code as string | null) ?? null, basis: leesSommen(r, 'b_'), eind: leesSommen(r, 'e_'),
      })),
    ),
  };
}

/** Pure part of `regioOverzichtQuery`: derive figures, national totals and growth shares from sums. */
export function overzichtUitSommen(
  p: RegioPeriode,
  rijen: readonly { regio_code: string | null; basis: RegioSommen; eind: RegioSommen }[],
): RegioOverzicht {
  const lBasis = kengetallen(somOver(rijen.map((r) => r.basis)));
  const lEind = kengetallen(somOver(rijen.map((r) => r.eind)));
  const lGroei = groei(lBasis, lEind);
  const aandeel = (g: number) => (lGroei.groei_banen !== 0 ? g / lGroei.groei_banen : null);
  const regios = rijen.map((r) => {
    const basis = kengetallen(r.basis);
    const eind = kengetallen(r.eind);
    const g = groei(basis, eind);
    return { regio_code: r.regio_code, regio_naam: regioNaam(r.regio_code), basis, eind, ...g, aandeel_landelijke_groei: aandeel(g.groei_banen) };
  });
  return {
    basis: indexToKwartaal(kw(p.basis, 'basis')),
    eind: indexToKwartaal(kw(p.eind, 'eind')),
    regios,
    landelijk: { basis: lBasis, eind: lEind, ...lGroei, aandeel_landelijke_groei: aandeel(lGroei.groei_banen) },
    onbekendeCodes: regios.filter((r) => r.regio_naam === null).map((r) => r.regio_code),
  };
}

// ---------------------------------------------------------------------------------------------
// Indicators for map, ranking and table (all three read `indicatorTabel`, so they agree)
// ---------------------------------------------------------------------------------------------

export type Eenheid = 'banen' | 'personen' | 'fractie' | 'per1000';

interface IndicatorInfo {
  label: string;
  eenheid: Eenheid;
  /** `eind`: level at the end quarter; `groei`: change from base to end. */
  periode: 'eind' | 'groei';
}

export const REGIO_INDICATOREN = {
  banen: { label: 'Banen (25,5 uur per week)', eenheid: 'banen', periode: 'eind' },
  banen_markt: { label: 'Banen in de marktsector', eenheid: 'banen', periode: 'eind' },
  banen_overheid: { label: 'Banen bij de overheid', eenheid: 'banen', periode: 'eind' },
  banen_regulier: { label: 'Banen in regulier dienstverband', eenheid: 'banen', periode: 'eind' },
  banen_uitzend: { label: 'Banen via uitzendwerk', eenheid: 'banen', periode: 'eind' },
  banen_detachering: { label: 'Banen via detachering', eenheid: 'banen', periode: 'eind' },
  personen: { label: 'Personen in het doelgroepregister', eenheid: 'personen', periode: 'eind' },
  werkzaam: { label: 'Werkzame personen', eenheid: 'personen', periode: 'eind' },
  aandeel_werkzaam: { label: 'Aandeel werkzaam', eenheid: 'fractie', periode: 'eind' },
  banen_per_1000: { label: 'Banen per 1.000 personen in het register', eenheid: 'per1000', periode: 'eind' },
  groei_banen: { label: 'Groei aantal banen', eenheid: 'banen', periode: 'groei' },
  groei_banen_rel: { label: 'Groei aantal banen (%)', eenheid: 'fractie', periode: 'groei' },
  aandeel_landelijke_groei: { label: 'Aandeel in de landelijke groei', eenheid: 'fractie', periode: 'groei' },
} as const satisfies Record<string, IndicatorInfo>;

export type RegioIndicator = keyof typeof REGIO_INDICATOREN;
export type NiveauIndicator = { [K in RegioIndicator]: (typeof REGIO_INDICATOREN)[K]['periode'] extends 'eind' ? K : never }[RegioIndicator];

export const REGIO_INDICATOR_NAMEN = Object.keys(REGIO_INDICATOREN) as RegioIndicator[];

export function isRegioIndicator(s: unknown): s is RegioIndicator {
  return typeof s === 'string' && Object.hasOwn(REGIO_INDICATOREN, s);
}

function controleerIndicator(s: unknown): asserts s is RegioIndicator {
  if (!isRegioIndicator(s)) throw new Error(`Onbekende indicator "${String(s)}"; kies uit ${REGIO_INDICATOR_NAMEN.join(', ')}.`);
}

export function indicatorWaarde(rij: LandelijkRij, indicator: RegioIndicator): number | null {
  controleerIndicator(indicator);
  const info: IndicatorInfo = REGIO_INDICATOREN[indicator];
  if (info.periode === 'groei') return rij[indicator as 'groei_banen' | 'groei_banen_rel' | 'aandeel_landelijke_groei'];
  return rij.eind[indicator as NiveauIndicator];
}

export interface IndicatorRij {
  regio_code: string | null;
  regio_naam: string | null;
  waarde: number | null;
  /** 1 = highest value (not "best"); ties share a rank. Null without a value. */
  rang: number | null;
  gedeeld: boolean;
  /** People in the register at the end quarter: the format layer uses it for disclosure. */
  personen: number;
}

/** A ranked table of one value per region: what map, ranking bars, table twin and CSV all read. */
export interface RangTabel {
  label: string;
  eenheid: Eenheid;
  /** Sorted by rank (highest first), rows without a value last. */
  rijen: IndicatorRij[];
  /** The national value (from the summed numerators and denominators, same formula). */
  landelijk: number | null;
  /** Number of rows with a value (the "van" in "plaats 3 van 35"). */
  aantalMetWaarde: number;
}

export interface IndicatorTabel extends RangTabel {
  indicator: RegioIndicator;
  periode: 'eind' | 'groei';
  basis: Kwartaal;
  eind: Kwartaal;
}

export function indicatorTabel(overzicht: RegioOverzicht, indicator: RegioIndicator): IndicatorTabel {
  controleerIndicator(indicator);
  const info: IndicatorInfo = REGIO_INDICATOREN[indicator];
  const gerangschikt = rangschik(overzicht.regios, (r) => indicatorWaarde(r, indicator));
  return {
    indicator,
    label: info.label,
    eenheid: info.eenheid,
    periode: info.periode,
    basis: overzicht.basis,
    eind: overzicht.eind,
    rijen: gerangschikt.map((g) => ({
      regio_code: g.rij.regio_code,
      regio_naam: g.rij.regio_naam,
      waarde: g.waarde,
      rang: g.rang,
      gedeeld: g.gedeeld,
      personen: g.rij.eind.personen,
    })),
    landelijk: indicatorWaarde(overzicht.landelijk, indicator),
    aantalMetWaarde: gerangschikt.filter((g) => g.rang !== null).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Region profile (factsheet)
// ---------------------------------------------------------------------------------------------

export interface ProfielPositie {
  indicator: RegioIndicator;
  label: string;
  eenheid: Eenheid;
  waarde: number | null;
  rang: number | null;
  gedeeld: boolean;
  van: number;
  landelijk: number | null;
}

export interface RegioProfiel {
  regio_code: string;
  regio_naam: string | null;
  basis: Kwartaal;
  eind: Kwartaal;
  rij: RegioOverzichtRij;
  landelijk: LandelijkRij;
  /** Every indicator with the region's rank among all regions in the overview. */
  posities: ProfielPositie[];
}

/** Key figures of one region and its position among the regions for each indicator; null when the region has no data. */
export function regioProfiel(overzicht: RegioOverzicht, code: string): RegioProfiel | null {
  const rij = overzicht.regios.find((r) => r.regio_code === code);
  if (!rij) return null;
  const posities = REGIO_INDICATOR_NAMEN.map((indicator) => {
    const t = indicatorTabel(overzicht, indicator);
    const eigen = t.rijen.find((r) => r.regio_code === code)!;
    return {
      indicator, label: t.label, eenheid: t.eenheid, waarde: eigen.waarde, rang: eigen.rang,
      gedeeld: eigen.gedeeld, van: t.aantalMetWaarde, landelijk: t.landelijk,
    };
  });
  return { regio_code: code, regio_naam: rij.regio_naam, basis: overzicht.basis, eind: overzicht.eind, rij, landelijk: overzicht.landelijk, posities };
}

// ---------------------------------------------------------------------------------------------
// Start level vs growth (scatter with fitted line)
// ---------------------------------------------------------------------------------------------

export type StartniveauMaat = 'aandeel_werkzaam' | 'banen_per_1000';

export interface ScatterPunt {
  regio_code: string | null;
  regio_naam: string | null;
  /** Start level at the base quarter. */
  x: number | null;
  /** Relative growth in banen, base → end. */
  y: number | null;
}

export interface StartniveauGroei {
  maat: StartniveauMaat;
  basis: Kwartaal;
  eind: Kwartaal;
  /** Every region, also those without x or y (they are not in the fit). */
  punten: ScatterPunt[];
  fit: LijnFit | null;
  r: number | null;
  /** Regions used for fit and r. */
  n: number;
  landelijk: { x: number | null; y: number | null };
}

/**
 * UWV's finding that regions which started high grew less: each region's werkzaam share (or
 * banen per 1.000 register members) at the base against its relative growth in banen.
 * The fit is unweighted: every region counts once, as in the published comparison.
 */
export function startniveauVersusGroei(overzicht: RegioOverzicht, maat: StartniveauMaat = 'aandeel_werkzaam'): StartniveauGroei {
  if (maat !== 'aandeel_werkzaam' && maat !== 'banen_per_1000') throw new Error(`Onbekende maat voor het startniveau: "${String(maat)}".`);
  const punten = overzicht.regios.map((r) => ({ regio_code: r.regio_code, regio_naam: r.regio_naam, x: r.basis[maat], y: r.groei_banen_rel }));
  const compleet = punten.filter((p): p is ScatterPunt & { x: number; y: number } => p.x !== null && p.y !== null);
  return {
    maat,
    basis: overzicht.basis,
    eind: overzicht.eind,
    punten,
    fit: kleinsteKwadraten(compleet),
    r: pearsonR(compleet),
    n: compleet.length,
    landelijk: { x: overzicht.landelijk.basis[maat], y: overzicht.landelijk.groei_banen_rel },
  };
}

// ---------------------------------------------------------------------------------------------
// Series per quarter and indexed series (compare view, profile)
// ---------------------------------------------------------------------------------------------

export interface ReeksParams {
  van: string;
  tot: string;
  /** Regions to return; all regions when absent. The national series always comes along. */
  regios?: readonly string[];
}

export interface ReeksPunt extends RegioKengetallen {
  kwartaal: Kwartaal;
}

export interface RegioReeks {
  /** Null for the national series (and for rows whose region code is NULL: see `landelijk`). */
  regio_code: string | null;
  regio_naam: string | null;
  landelijk: boolean;
  /** Quarters in order; a quarter without rows for the region is absent, not zero. */
  punten: ReeksPunt[];
}

export interface Reeksen {
  van: Kwartaal;
  tot: Kwartaal;
  regios: RegioReeks[];
  landelijk: RegioReeks;
}

function regioReeksenSql(p: ReeksParams, opties: BronOptie): SqlQuery {
  const van = kw(p.van, 'begin');
  const tot = kw(p.tot, 'eind');
  if (van > tot) throw new Error(`Beginkwartaal ${p.van} ligt na eindkwartaal ${p.tot}.`);
  const params: SqlParam[] = [van, tot];
  let having = '';
  if (p.regios) {
    controleerRegios(p.regios);
    having = p.regios.length
      ? `HAVING GROUPING(regio_code) = 1 OR regio_code IN (${p.regios.map(() => '?').join(', ')})`
      : 'HAVING GROUPING(regio_code) = 1';
    params.push(...p.regios);
  }
  // National = the grouping set without region: the same sums over all regions.
  const sql = `SELECT regio_code, CAST(GROUPING(regio_code) AS INTEGER) AS landelijk, kw,
    ${somKolommen(null)}
  FROM ${bronSql(opties)} AS a
  WHERE kw BETWEEN ? AND ?
  GROUP BY GROUPING SETS ((regio_code, kw), (kw))
  ${having}
  ORDER BY landelijk DESC, regio_code, kw`;
  return { sql, params };
}

/** Series per quarter for the chosen regions (all when absent) and the national series. */
export function regioReeksenQuery(p: ReeksParams, opties: BronOptie = {}): MetricQuery<Reeksen> {
  return { ...regioReeksenSql(p, opties), extracts: EXTRACTS, shape: (table) => reeksenUit(p, toRows<Record<string, unknown>>(table)) };
}

function reeksenUit(p: ReeksParams, rows: readonly Record<string, unknown>[]): Reeksen {
  const landelijk: RegioReeks = { regio_code: null, regio_naam: 'Nederland', landelijk: true, punten: [] };
  const perRegio = new Map<string | null, RegioReeks>();
  for (const r of rows) {
    const punt = { kwartaal: indexToKwartaal(r.kw as number), ...kengetallen(leesSommen(r)) };
    if (r.landelijk === 1) {
      landelijk.punten.push(punt);
      continue;
    }
    const code = (r.regio_code as string | null) ?? null;
    let reeks = perRegio.get(code);
    if (!reeks) {
      reeks = { regio_code: code, regio_naam: regioNaam(code), landelijk: false, punten: [] };
      perRegio.set(code, reeks);
    }
    reeks.punten.push(punt);
  }
  return { van: indexToKwartaal(kw(p.van, 'begin')), tot: indexToKwartaal(kw(p.tot, 'eind')), regios: [...perRegio.values()], landelijk };
}

export interface IndexPunt {
  kwartaal: Kwartaal;
  waarde: number | null;
  /** waarde / waarde at the base quarter × 100; null when the base is missing or 0. */
  index: number | null;
}

/** Index a series to its base quarter = 100, so regions of different size can be compared. */
export function indexeer(punten: readonly ReeksPunt[], indicator: NiveauIndicator, basis: string): IndexPunt[] {
  controleerIndicator(indicator);
  const basisKw = indexToKwartaal(kw(basis, 'basis'));
  const b = punten.find((p) => p.kwartaal === basisKw)?.[indicator] ?? null;
  return punten.map((p) => {
    const waarde = p[indicator];
    return { kwartaal: p.kwartaal, waarde, index: waarde !== null && b !== null && b !== 0 ? (waarde / b) * 100 : null };
  });
}

export interface GeindexeerdeReeks {
  regio_code: string | null;
  regio_naam: string | null;
  landelijk: boolean;
  punten: IndexPunt[];
}

/** National first, then the regions in the order of `reeksen.regios`. */
export function geindexeerdeReeksen(reeksen: Reeksen, indicator: NiveauIndicator, basis: string): GeindexeerdeReeks[] {
  return [reeksen.landelijk, ...reeksen.regios].map((r) => ({
    regio_code: r.regio_code, regio_naam: r.regio_naam, landelijk: r.landelijk, punten: indexeer(r.punten, indicator, basis),
  }));
}

// ---------------------------------------------------------------------------------------------
// Funnel for a rate per region (n, k from another metric, e.g. duurzaamheid)
// ---------------------------------------------------------------------------------------------

export interface RegioFunnelInvoer {
  regio_code: string | null;
  /** People in the group (e.g. werkzaam at the base quarter). */
  n: number;
  /** People with the outcome (e.g. still werkzaam one year later). */
  k: number;
}

/**
 * Funnel data for a rate by region: the national rate Σk/Σn over all rows (unknown codes
 * included), each region's rate with its 95% and 99,8% limits and flags.
 */
export function regioFunnel(
  rijen: readonly RegioFunnelInvoer[],
  opties: { p0?: number; methode?: FunnelMethode } = {},
): FunnelResultaat<RegioFunnelInvoer & { regio_naam: string | null }> {
  return funnel(rijen.map((r) => ({ ...r, regio_naam: regioNaam(r.regio_code) })), opties);
}

/**
 * A rate per region as a ranked table for the map (e.g. werkzaam one year later, from the
 * duurzaamheid cohort split by region: n = cohort, k = werkzaam). National = Σk / Σn.
 */
export function aandeelTabel(rijen: readonly RegioFunnelInvoer[], label: string): RangTabel {
  const f = funnel(rijen);
  const gerangschikt = rangschik(f.punten, (r) => r.p);
  return {
    label,
    eenheid: 'fractie',
    rijen: gerangschikt.map((g) => ({
      regio_code: g.rij.regio_code,
      regio_naam: regioNaam(g.rij.regio_code),
      waarde: g.waarde,
      rang: g.rang,
      gedeeld: g.gedeeld,
      personen: g.rij.n,
    })),
    landelijk: f.p0,
    aantalMetWaarde: gerangschikt.filter((g) => g.rang !== null).length,
  };
}

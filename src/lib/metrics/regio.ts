/**
 * Regionale groei in de 35 arbeidsmarktregio's (DOMAIN §2): the queries of the Regio's page.
 *
 * One pre-aggregation per region × quarter (`agg_regio_kwartaal`, with the sector and
 * dienstverband splits as columns) is the `setup` of every query here: the query layer builds it
 * once per version of `doelgroep_kwartaal` (`runMetric` every time), and each query then reads
 * that small table (35 × quarters rows), never the panel. The overview of a period is one small
 * query on it; indicators, ranking, profile and start level are derived from that one answer
 * (regio-indicatoren.ts, regio-startniveau.ts), so changing indicator sends no query.
 *
 * Region codes are grouped as they are in the data: a code outside the 35 (or NULL) is kept as
 * its own row, never dropped, and counts in the national total. Reporting such codes is the
 * validator's job; here they show up with `regio_naam: null` and in `onbekendeCodes`.
 *
 * Shares and relative growth are fractions (0,165 = 16,5%); the format layer turns them into
 * Dutch percentages.
 */
import { toRows } from '../engine/rows.ts';
import type { ExtractName, SqlParam } from '../engine/types.ts';
import { REGIO_NAMEN } from '../extracts/regions.ts';
import { indexToKwartaal, kwartaalIndex, kwartaalToIndex, type Kwartaal } from '../kwartaal.ts';
import type { MetricQuery, Voorberekend } from '../sql/query.ts';
import { cohortUitkomstQuery } from './duurzaamheid/uitkomst.ts';
import {
  celSommen, groei, kengetallen, leesSommen, somKolommen, somOver, vervangendeSommen, type Groei, type RegioKengetallen, type RegioSommen,
} from './regio-sommen.ts';

/** Every figure here is derived from the panel (also when read from the pre-aggregation). */
const EXTRACTS: readonly ExtractName[] = ['doelgroep_kwartaal'];

/** The region × quarter pre-aggregation (a regular table: each engine connection can read it). */
const AGG_TABEL = 'agg_regio_kwartaal';

/**
 * One row per region × quarter with the sums of regio-sommen.ts. The panel has one row per person
 * per quarter (key persoon_id + peildatum, checked by the validator), so count(*) counts people.
 * NULL and unexpected sector/dienstverband values land in the `_onbekend` columns.
 *
 * Shape, measured on 12M rows (native and DuckDB-WASM): the heavy pass groups by region × date ×
 * sector × dienstverband, the pivot to columns runs on those few thousand cells. FILTERed sums
 * straight on the panel were 2–3× slower; computing year()/quarter() per panel row instead of
 * per date was 2× slower. The outer GROUP BY also merges dates within one quarter, should any
 * slip past the validator. The region code is stored as text: in the browser the panel's code is
 * an ENUM, and a dictionary column streamed back by DuckDB-WASM arrived as nulls.
 */
const AGGREGAAT = {
  name: AGG_TABEL,
  sql: `CREATE OR REPLACE TABLE ${AGG_TABEL} AS
  SELECT CAST(regio_code AS VARCHAR) AS regio_code,
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
  GROUP BY ALL
  ORDER BY regio_code, kw`,
} as const;

/** A query on the pre-aggregation: it comes with the statement that builds it. */
function opAggregaat<T>(q: Omit<MetricQuery<T>, 'extracts' | 'setup'>): MetricQuery<T> {
  return { ...q, extracts: EXTRACTS, setup: [AGGREGAAT] };
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

export function beschikbareKwartalenQuery(): MetricQuery<Kwartaal[]> {
  return opAggregaat({
    sql: `SELECT DISTINCT kw FROM ${AGG_TABEL} ORDER BY kw`,
    params: [],
    shape: (table) => toRows<{ kw: number }>(table).map((r) => indexToKwartaal(r.kw)),
  });
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
  /**
   * Only from a voorberekende map: the quarters whose cell the map left empty (disclosure
   * control). Their sums are stand-ins (`vervangendeSommen`) that the page never prints; for
   * Nederland: a region's cell in that quarter is empty, so the national sum is not known.
   */
  onderdrukt?: { basis: boolean; eind: boolean };
  /** Of those empty cells, the ones the map left empty because they hold a group under 10 (else: to protect one). */
  klein?: { basis: boolean; eind: boolean };
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

/** Every region at the base and end quarter, with national totals and growth shares. */
export function regioOverzichtQuery(p: RegioPeriode): MetricQuery<RegioOverzicht> {
  const params = [kw(p.basis, 'basis'), kw(p.eind, 'eind')];
  // On a voorberekende map (its cells may be empty: `onderdrukt`) the same sums plus which quarter's cell is empty.
  const sql = (vlag: boolean) => `WITH p AS (SELECT CAST(? AS INTEGER) AS basis, CAST(? AS INTEGER) AS eind)
  SELECT a.regio_code,
    ${somKolommen('a.kw = p.basis', 'b_')},
    ${somKolommen('a.kw = p.eind', 'e_')}${vlag ? `,
    coalesce(bool_or(a.onderdrukt) FILTER (WHERE a.kw = p.basis), false) AS b_onderdrukt,
    coalesce(bool_or(a.onderdrukt) FILTER (WHERE a.kw = p.eind), false) AS e_onderdrukt,
    coalesce(bool_or(a.onderdrukt_reden = 'klein') FILTER (WHERE a.kw = p.basis), false) AS b_klein,
    coalesce(bool_or(a.onderdrukt_reden = 'klein') FILTER (WHERE a.kw = p.eind), false) AS e_klein` : ''}
  FROM ${AGG_TABEL} AS a, p
  WHERE a.kw = p.basis OR a.kw = p.eind
  GROUP BY a.regio_code
  ORDER BY a.regio_code`;
  return opAggregaat({
    sql: sql(false),
    params,
    voorberekend: { sql: sql(true), params, setup: [AGGREGAAT] },
    shape: (table) => overzichtUitSommen(
      p,
      toRows<Record<string, unknown>>(table).map((r) => ({
        regio_code: (r.regio_code as string | null) ?? null,
        basis: r.b_onderdrukt === true ? vervangendeSommen() : leesSommen(r, 'b_'),
        eind: r.e_onderdrukt === true ? vervangendeSommen() : leesSommen(r, 'e_'),
        ...(r.b_onderdrukt === true || r.e_onderdrukt === true ? { onderdrukt: { basis: r.b_onderdrukt === true, eind: r.e_onderdrukt === true } } : {}),
        ...(r.b_klein === true || r.e_klein === true ? { klein: { basis: r.b_klein === true, eind: r.e_klein === true } } : {}),
      })),
    ),
  });
}

/** Pure part of `regioOverzichtQuery`: derive figures, national totals and growth shares from sums. */
export function overzichtUitSommen(
  p: RegioPeriode,
  rijen: readonly { regio_code: string | null; basis: RegioSommen; eind: RegioSommen; onderdrukt?: { basis: boolean; eind: boolean }; klein?: { basis: boolean; eind: boolean } }[],
): RegioOverzicht {
  const lBasis = kengetallen(somOver(rijen.map((r) => r.basis)));
  const lEind = kengetallen(somOver(rijen.map((r) => r.eind)));
  const lGroei = groei(lBasis, lEind);
  const aandeel = (g: number) => (lGroei.groei_banen !== 0 ? g / lGroei.groei_banen : null);
  const regios = rijen.map((r) => {
    const basis = kengetallen(r.basis);
    const eind = kengetallen(r.eind);
    const g = groei(basis, eind);
    const o = { ...(r.onderdrukt ? { onderdrukt: r.onderdrukt } : {}), ...(r.klein ? { klein: r.klein } : {}) };
    return { regio_code: r.regio_code, regio_naam: regioNaam(r.regio_code), basis, eind, ...g, aandeel_landelijke_groei: aandeel(g.groei_banen), ...o };
  });
  const leeg = (m: 'basis' | 'eind') => rijen.some((r) => r.onderdrukt?.[m]);
  const lo = leeg('basis') || leeg('eind') ? { onderdrukt: { basis: leeg('basis'), eind: leeg('eind') } } : {};
  return {
    basis: indexToKwartaal(kw(p.basis, 'basis')),
    eind: indexToKwartaal(kw(p.eind, 'eind')),
    regios,
    landelijk: { basis: lBasis, eind: lEind, ...lGroei, aandeel_landelijke_groei: aandeel(lGroei.groei_banen), ...lo },
    onbekendeCodes: regios.filter((r) => r.regio_naam === null).map((r) => r.regio_code),
  };
}

// ---------------------------------------------------------------------------------------------
// Series per quarter (compare view, profile; indexed in regio-index.ts)
// ---------------------------------------------------------------------------------------------

export interface ReeksParams {
  van: string;
  tot: string;
  /** Regions to return; all regions when absent. The national series always comes along. */
  regios?: readonly string[];
}

export interface ReeksPunt extends RegioKengetallen {
  kwartaal: Kwartaal;
  /** Only from a voorberekende map: its cell is empty (stand-in sums, never printed; see RegioOverzichtRij). */
  onderdrukt?: true;
  /** … because it holds a group under 10 (else: to protect one). Never on the national series. */
  klein?: true;
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

/** Series per quarter for the chosen regions (all when absent) and the national series. */
export function regioReeksenQuery(p: ReeksParams): MetricQuery<Reeksen> {
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
  // National = the grouping set without region: the same sums over all regions (on a
  // voorberekende map: not known in a quarter where a region's cell is empty).
  const sql = (vlag: boolean) => `SELECT regio_code, CAST(GROUPING(regio_code) AS INTEGER) AS landelijk, kw,
    ${somKolommen(null)}${vlag ? `,\n    coalesce(bool_or(onderdrukt), false) AS onderdrukt, coalesce(bool_or(onderdrukt_reden = 'klein'), false) AS klein` : ''}
  FROM ${AGG_TABEL}
  WHERE kw BETWEEN ? AND ?
  GROUP BY GROUPING SETS ((regio_code, kw), (kw))
  ${having}
  ORDER BY landelijk DESC, regio_code, kw`;
  return opAggregaat({
    sql: sql(false),
    params,
    voorberekend: { sql: sql(true), params, setup: [AGGREGAAT] },
    shape: (table) => reeksenUit(p, toRows<Record<string, unknown>>(table)),
  });
}

function reeksenUit(p: ReeksParams, rows: readonly Record<string, unknown>[]): Reeksen {
  const landelijk: RegioReeks = { regio_code: null, regio_naam: 'Nederland', landelijk: true, punten: [] };
  const perRegio = new Map<string | null, RegioReeks>();
  for (const r of rows) {
    const leeg = r.onderdrukt === true;
    // Nederland is empty where a region is (its sum is not known), never because it is small.
    const klein = leeg && r.klein === true && r.landelijk !== 1;
    const punt: ReeksPunt = {
      kwartaal: indexToKwartaal(r.kw as number),
      ...kengetallen(leeg ? vervangendeSommen() : leesSommen(r)),
      ...(leeg ? { onderdrukt: true as const } : {}),
      ...(klein ? { klein: true as const } : {}),
    };
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

// ---------------------------------------------------------------------------------------------
// Werkzaam na 1 jaar per region (map indicator, funnel, profile): the duurzaamheid cohort
// ---------------------------------------------------------------------------------------------

/** A rate per region as counts (e.g. n = werkzaam at the base quarter, k = still werkzaam a year later). */
export interface RegioAandeel {
  regio_code: string | null;
  n: number;
  k: number;
  /** Only from a voorberekende map: its cell is empty; n and k are stand-ins, never printed. */
  onderdrukt?: true;
  /** … because it holds a group under 10 (else: to protect one). */
  klein?: true;
}

export interface RegioDuurzaam {
  /** The quarter the year ends in (the cohort starts four quarters earlier). */
  eind: Kwartaal;
  rijen: RegioAandeel[];
  /**
   * Persons and werkzaam persons of every region with persons in the base quarter (n is that
   * werkzaam count): the page decides the cohort's n as that quarter's own disclosure table does.
   * Empty from a voorberekende map.
   */
  basisKwartaal: { regio_code: string | null; personen: number; werkzaam: number }[];
}

/** Base quarter of the one-year cohort whose outcome falls in the end quarter. */
export function cohortBasis(eind: string): Kwartaal {
  return indexToKwartaal(kw(eind, 'eind') - 4);
}

/**
 * Werkzaam na 1 jaar per region for the cohort whose year ends in `eind`, region as at the base
 * quarter (the duurzaamheid cohort split by regio_code). Null when base or end quarter lies
 * outside `kwartalen` (the quarters in the data): there is nothing to ask.
 */
export function regioDuurzaamQuery(eind: Kwartaal, kwartalen: readonly Kwartaal[]): MetricQuery<RegioDuurzaam> | null {
  if (kwartalen.length === 0) return null;
  const bereik = { eerste: kwartalen[0], laatste: kwartalen[kwartalen.length - 1] };
  const basis = cohortBasis(eind);
  if (kwartaalToIndex(basis) < kwartaalToIndex(bereik.eerste) || kwartaalToIndex(eind) > kwartaalToIndex(bereik.laatste)) return null;
  const q = cohortUitkomstQuery({ basis, horizon: 4, split: 'regio_code' }, bereik);
  // The cohort per region next to the base quarter's counts per region (from the pre-aggregation;
  // a region with persons but nobody werkzaam has no cohort row, only counts).
  const sql = `WITH c AS (${q.sql}),
k AS (SELECT coalesce(regio_code, 'onbekend') AS groep, sum(personen) AS personen, sum(werkzaam) AS werkzaam FROM ${AGG_TABEL} WHERE kw = ? GROUP BY ALL)
SELECT coalesce(c.groep, k.groep) AS groep, c.cohort, c.werkzaam, CAST(k.personen AS BIGINT) AS basis_personen, CAST(k.werkzaam AS BIGINT) AS basis_werkzaam
FROM c FULL JOIN k ON c.groep = k.groep
ORDER BY groep`;
  const code = (groep: string) => (groep === 'onbekend' ? null : groep);
  return {
    sql,
    params: [...q.params, kwartaalToIndex(basis)],
    extracts: q.extracts,
    setup: [...(q.setup ?? []), AGGREGAAT],
    voorberekend: regioCohortVoorberekend(basis),
    shape: (table) => {
      // Only the voorberekend variant answers with `onderdrukt` (and without the base quarter's counts).
      type Rij = { groep: string; cohort: number | null; werkzaam: number | null; onderdrukt?: boolean | null; reden?: string | null; basis_personen?: number | null; basis_werkzaam?: number | null };
      const rows = toRows<Rij>(table);
      return {
        eind,
        rijen: rows.filter((r) => r.cohort !== null).map((r) => ({
          regio_code: code(r.groep),
          ...(r.onderdrukt === true ? { ...VERVANGEND_COHORT, onderdrukt: true as const, ...(r.reden === 'klein' ? { klein: true as const } : {}) } : { n: Number(r.cohort), k: Number(r.werkzaam) }),
        })),
        basisKwartaal: rows
          .filter((r) => r.basis_personen != null)
          .map((r) => ({ regio_code: code(r.groep), personen: Number(r.basis_personen), werkzaam: Number(r.basis_werkzaam) })),
      };
    },
  };
}

/**
 * Werkzaam na 1 jaar per region, every base quarter (base quarter × region: cohort and werkzaam),
 * is written by `npm run compute` (voorberekend/tabellen.ts builds it from the trend query); in
 * the browser it only comes from such a folder, never from microdata (the per-quarter query above
 * is faster there).
 */
export const REGIO_COHORT_TABEL = 'agg_regio_cohort';

/** Stand-ins for a cohort cell the map left empty (see `vervangendeSommen`): hidden by the page, never printed. */
const VERVANGEND_COHORT = { n: 20, k: 10 } as const;

function regioCohortVoorberekend(basis: Kwartaal): Voorberekend {
  const kw = kwartaalToIndex(basis);
  // The base quarter's counts as the main query gives them; none when a cell of that quarter is
  // empty (its sum is not known: the cohort then decides alone).
  return {
    sql: `WITH c AS (SELECT groep, coalesce(cohort, 0) AS cohort, coalesce(werkzaam, 0) AS werkzaam, onderdrukt, onderdrukt_reden AS reden FROM ${REGIO_COHORT_TABEL} WHERE kw = ?),
k AS (SELECT coalesce(regio_code, 'onbekend') AS groep, sum(personen) AS personen, sum(werkzaam) AS werkzaam, bool_or(onderdrukt) AS leeg FROM ${AGG_TABEL} WHERE kw = ? GROUP BY ALL),
z AS (SELECT coalesce(bool_or(leeg), false) AS ergens FROM k)
SELECT coalesce(c.groep, k.groep) AS groep, c.cohort, c.werkzaam, c.onderdrukt, c.reden,
  CASE WHEN NOT z.ergens THEN CAST(k.personen AS BIGINT) END AS basis_personen,
  CASE WHEN NOT z.ergens THEN CAST(k.werkzaam AS BIGINT) END AS basis_werkzaam
FROM c FULL JOIN k ON c.groep = k.groep CROSS JOIN z
ORDER BY groep`,
    params: [kw, kw],
    setup: [{ name: REGIO_COHORT_TABEL, sql: `SELECT 'alleen voorberekend (npm run compute)'` }, AGGREGAAT],
  };
}

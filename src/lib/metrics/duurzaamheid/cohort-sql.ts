/**
 * The cohort core shared by the outcome (uitkomst.ts) and uitstroom (uitstroom.ts) queries: the
 * people werkzaam at a base quarter t, and where they are at t+h. Two plans give identical
 * numbers (tested): joining base rows to their t+h rows, and per-person bitmasks for the trend.
 *
 * Join plan (one query per metric, also for the all-cohort trend): base rows at t are joined to
 * the person's row at t+h on (persoon_id, quarter) — that gives werkzaam / werk verloren / uit het
 * register and the baan at t+h — and to a per-person bitmask of werkzaam quarters strictly
 * between t and t+h (bit i = quarter kmin+i) for continuous employment.
 *
 * Bitmask plan: over all quarters, joining every base row to its t+h row builds a hash table over
 * most of the panel. This plan instead folds each person into bitmasks (bit i = quarter kmin+i):
 * `reg`, `werk`, the cohort bits (werkzaam at a base quarter, filters matched, per split group)
 * and `zelfde` (the same baan_id at i and i+h, from per-job masks). Outcomes are bit operations
 * per person; the counts per base quarter come from testing one bit per (person, base quarter).
 */
import type { Kwartaal } from '../../kwartaal.ts';
import { checkBasisInBereik, trendRange, type PanelBereik } from './bereik.ts';
import {
  checkHorizon, checkKwartaal, checkKwartaalVanJaar, checkSplit, filterSql, groepRuw,
  type Afbakening, type TrendAfbakening, type Filters, type Horizon, type KwartaalVanJaar, type Splitsing,
} from './filters.ts';
import { LEEG, PANEL, alleenPersonenUit, datum, int, kwartaalVanJaarSql, maskType, relK } from './sql-fragments.ts';
import type { MetricQuery, SqlQuery } from '../../sql/query.ts';

/** One base quarter. */
export interface CohortParams extends Afbakening { basis: Kwartaal; horizon: Horizon }
/** Every valid base quarter (t+h in the data) in one query; for the letters' series pass kwartaalVanJaar: 3 (Q3 → Q3). */
export interface TrendParams extends TrendAfbakening { horizon: Horizon }

export interface CohortSpec {
  b0: number;
  b1: number;
  h: Horizon;
  filters?: Filters;
  split: Splitsing;
  kwartaalVanJaar?: KwartaalVanJaar;
}

/**
 * CTEs `basis` (werkzaam at t ∈ [b0, b1], filters and groep on t's values) and `eind` (every
 * register row at t+h; h is a multiple of 4, so t+h lies in the same quarter of the year; for a
 * small group only the rows of persons in `basis`, see kleineGroep).
 */
export function basisEindCtes(s: CohortSpec, kmin: number): { sql: string; params: string[] } {
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
  WHERE e.peildatum BETWEEN ${datum(s.b0 + s.h)} AND ${datum(s.b1 + s.h)}${qe}${alleenPersonenUit('e', 'basis', s.filters)}
)`,
    params: f.params,
  };
}

/** The spec of one base quarter, checked against the data. */
export function cohortSpec(p: CohortParams, bereik: PanelBereik): CohortSpec {
  const t = checkKwartaal(p.basis, 'basiskwartaal');
  const h = checkHorizon(p.horizon);
  checkBasisInBereik(t, h, bereik, p.basis);
  return { b0: t, b1: t, h, filters: p.filters, split: checkSplit(p.split) };
}

/** The spec of every valid base quarter; null when the panel is too short for any. */
export function trendSpec(p: TrendParams, bereik: PanelBereik): CohortSpec | null {
  const h = checkHorizon(p.horizon);
  const r = trendRange(bereik, 0, h);
  if (!r) return null;
  return {
    b0: r[0], b1: r[1], h, filters: p.filters, split: checkSplit(p.split),
    kwartaalVanJaar: checkKwartaalVanJaar(p.kwartaalVanJaar),
  };
}

/**
 * Two plans give identical numbers (tested). Measured in DuckDB-WASM on 11M rows: per-person
 * bitmasks win only for the whole panel without split or filter (2.3 s vs 3.0 s); with one
 * quarter of the year or a split, joining base rows to their t+h rows wins (1.4 s vs 1.6–2.3 s).
 * `plan` forces one (tests, bench).
 */
export type TrendPlan = 'join' | 'masker';

export function kiesPlan(s: CohortSpec, plan?: TrendPlan): TrendPlan {
  if (plan) return plan;
  const zonderFilters = filterSql(s.filters, 'r').params.length === 0;
  return !s.kwartaalVanJaar && s.split === 'none' && zonderFilters ? 'masker' : 'join';
}

/**
 * A cohort measure's two queries from its SQL builders: one base quarter, and every valid base
 * quarter in one query by the chosen plan (an empty answer when the panel has none).
 */
export function cohortVragen<T>(
  sql: { join: (s: CohortSpec) => SqlQuery; masker: (s: CohortSpec) => SqlQuery },
  vraag: (q: SqlQuery, h: Horizon) => MetricQuery<T>,
) {
  return {
    een: (p: CohortParams, bereik: PanelBereik): MetricQuery<T> => vraag(sql.join(cohortSpec(p, bereik)), p.horizon),
    trend: (p: TrendParams, bereik: PanelBereik, plan?: TrendPlan): MetricQuery<T> => {
      const spec = trendSpec(p, bereik);
      if (!spec) return vraag(LEEG, p.horizon);
      return vraag(kiesPlan(spec, plan) === 'join' ? sql.join(spec) : sql.masker(spec), p.horizon);
    },
  };
}

function baseList(s: CohortSpec, kmin: number): number[] {
  const out: number[] = [];
  for (let k = s.b0; k <= s.b1; k++) if (!s.kwartaalVanJaar || k % 4 === s.kwartaalVanJaar - 1) out.push(k - kmin);
  return out;
}

/** CTEs `x` (per person [and group]: masks coh, wz, vl, uit, st, zb) and `basiskw` (base bits). */
export function trendMaskCtes(s: CohortSpec, kmin: number): { sql: string; params: string[] } {
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

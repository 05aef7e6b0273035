/**
 * Starters: werkzaam at s, not werkzaam or not in the register at s−1, with s in t−3..t. A person
 * who starts more than once in the window counts once, from the FIRST start in the window.
 * Filters and split use the values at s.
 *
 * StartersRij: vanaf = t−3; werkzaamNa1Jaar = werkzaam at s+4 (null if t+4 lies beyond the data);
 * zelfdeBaanNa1Jaar = the same baan_id at s+4 as at s; werkzaamNa2Jaar = werkzaam at s+8 (null if
 * t+8 lies beyond the data); the …Pct fields are shares of the starters; onderDrempel: starters < 10.
 * The trend covers startersBasiskwartalen(bereik).
 */
import type { Reden } from '../../disclosure/tabel.ts';
import type { ExtractName } from '../../engine/types.ts';
import { toRows } from '../../engine/rows.ts';
import { indexToKwartaal, kwartaalToIndex, type Kwartaal } from '../../kwartaal.ts';
import type { MetricQuery, SqlQuery } from '../../sql/query.ts';
import { merken } from './merken.ts';
import { onderDrempel, pctOfNull } from './aandelen.ts';
import { trendRange, type PanelBereik } from './bereik.ts';
import {
  checkKwartaal, checkKwartaalVanJaar, checkSplit, filterSql, groepRuw, groepUit,
  type Afbakening, type TrendAfbakening, type Filters, type KwartaalVanJaar, type Splitsing,
} from './filters.ts';
import { LEEG, PANEL, alleenPersonenUit, bit, datum, int, kleineGroep, maskType, relK, werkMaskCte } from './sql-fragments.ts';

export interface StartersParams extends Afbakening { basis: Kwartaal }

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
  /**
   * Only from a voorberekende map: its counts that the map left empty, with the reason (their
   * values are stand-ins, never printed), and those of the total over every achtergrond.
   */
  leeg?: Partial<Record<StartersTelling, Reden>>;
  totaalLeeg?: Partial<Record<StartersTelling, Reden>>;
}

/** The counts of a starters row. */
export type StartersTelling = 'starters' | 'werkzaamNa1Jaar' | 'zelfdeBaanNa1Jaar' | 'werkzaamNa2Jaar';

/** The query's column of each count. */
const KOLOM: Readonly<Record<StartersTelling, string>> = {
  starters: 'starters', werkzaamNa1Jaar: 'werkzaam_1', zelfdeBaanNa1Jaar: 'zelfde_baan_1', werkzaamNa2Jaar: 'werkzaam_2',
};

const EXTRACTS: readonly ExtractName[] = [PANEL];

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
 * For a small group (kleineGroep) the filters are applied to the rows at s first (`kandidaat`) and
 * the masks are built for those persons only.
 */
function startersSpecSql(s: StartersSpec): SqlQuery {
  const enkel = s.b0 === s.b1;
  const kmin = s.b0 - 4;
  const kmax = enkel ? s.b1 : Math.min(s.b1 + 8, s.laatste);
  const T = maskType(s.b1 + 8 - kmin + 1);
  const l = s.laatste - kmin;
  // Filters use the values at s: for a small group on the rows at s (kandidaat), else per base.
  const klein = kleineGroep(s.filters);
  const f = filterSql(s.filters, klein ? 'r' : 'st');
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
  const kolommen = 'r.baan_id, r.achtergrond, r.regio_code, r.sector, r.dienstverband';
  const start = klein
    ? `kandidaat AS (
  SELECT r.persoon_id, ${relK('r', kmin)} AS ks, ${kolommen}
  FROM ${PANEL} r
  WHERE r.werkzaam AND r.peildatum BETWEEN ${datum(s.b0 - 3)} AND ${datum(s.b1)}${f.sql}
),
${werkMaskCte('werk', kmin, kmin, kmax, T, alleenPersonenUit('w', 'kandidaat', s.filters))},
start AS (
  SELECT r.*, (w.werk & ~(w.werk << 1)) AS starts, w.werk
  FROM kandidaat r JOIN werk w ON w.persoon_id = r.persoon_id
  WHERE NOT ${bit('w.werk', 'r.ks - 1')}
)`
    : `${werkMaskCte('werk', kmin, kmin, kmax, T)},
start AS (
  SELECT r.persoon_id, ${relK('r', kmin)} AS ks, ${kolommen},
         (w.werk & ~(w.werk << 1)) AS starts, w.werk
  FROM ${PANEL} r JOIN werk w ON w.persoon_id = r.persoon_id
  WHERE r.werkzaam AND r.peildatum BETWEEN ${datum(s.b0 - 3)} AND ${datum(s.b1)}
    AND NOT ${bit('w.werk', `${relK('r', kmin)} - 1`)}
)`;
  const sql = `WITH ${start},
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
    AND (st.starts & (((CAST(1 AS ${T}) << (3 - d.d)) - 1) << (st.ks + d.d - 3))) = 0${q}${klein ? '' : f.sql}
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
  [merk: `${'leeg' | 'tleeg'}_${string}`]: string | null | undefined;
}


function shapeStarters(rows: RawStarters[]): StartersRij[] {
  return rows.map((r) => ({
    ...(merken<StartersTelling>(r, 'leeg', KOLOM, 'starters') ? { leeg: merken<StartersTelling>(r, 'leeg', KOLOM, 'starters') } : {}),
    ...(merken<StartersTelling>(r, 'tleeg', KOLOM, 'starters') ? { totaalLeeg: merken<StartersTelling>(r, 'tleeg', KOLOM, 'starters') } : {}),
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

function startersSql(p: StartersParams, bereik: PanelBereik): SqlQuery {
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

function startersTrendSql(p: TrendAfbakening, bereik: PanelBereik): SqlQuery {
  const r = trendRange(bereik, 4, 4);
  if (!r) return LEEG;
  return startersSpecSql({
    b0: r[0], b1: r[1], laatste: kwartaalToIndex(bereik.laatste), filters: p.filters,
    split: checkSplit(p.split), kwartaalVanJaar: checkKwartaalVanJaar(p.kwartaalVanJaar),
  });
}

function startersQueryVan(q: SqlQuery): MetricQuery<StartersRij[]> {
  return { ...q, extracts: EXTRACTS, shape: (table) => shapeStarters(toRows<RawStarters>(table)) };
}

/** Starters of one base quarter (the data must hold t−4 … t). */
export function startersQuery(p: StartersParams, bereik: PanelBereik): MetricQuery<StartersRij[]> {
  return startersQueryVan(startersSql(p, bereik));
}

/** Starters of every base quarter in startersBasiskwartalen(bereik), in one query. */
export function startersTrendQuery(p: TrendAfbakening, bereik: PanelBereik): MetricQuery<StartersRij[]> {
  return startersQueryVan(startersTrendSql(p, bereik));
}

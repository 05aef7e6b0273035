/**
 * Cohort outcome: the people in the register and werkzaam at base quarter t, and where they are
 * at t+h (werkzaam, werk verloren, uit het register), whether they worked in every quarter in
 * between, and whether they hold the same baan. One base quarter, or every valid t in one query.
 *
 * UitkomstRij: cohort = persons werkzaam at t (after filters); werkzaam = in register and werkzaam
 * at t+h; werkVerloren = in register at t+h, not werkzaam; uitRegister = no register row at t+h
 * (even if they return later); steedsWerkzaam = werkzaam in EVERY quarter t..t+h (absent = not
 * werkzaam); zelfdeBaan = werkzaam at t+h with the same baan_id as at t. The …Pct fields are
 * 0..100 shares of the cohort (the first three sum to 100); onderDrempel: cohort < 10.
 * groep = 'totaal' for split 'none', else the base-quarter value ('onbekend' if null). Rows are
 * sorted by basis, then groep; groups with an empty cohort have no row.
 */
import type { Reden } from '../../disclosure/tabel.ts';
import type { ExtractName } from '../../engine/types.ts';
import { toRows } from '../../engine/rows.ts';
import { indexToKwartaal, kwartaalToIndex, type Kwartaal } from '../../kwartaal.ts';
import type { MetricQuery, SqlQuery } from '../../sql/query.ts';
import { merken } from './merken.ts';
import { onderDrempel, pct } from './aandelen.ts';
import type { PanelBereik } from './bereik.ts';
import {
  basisEindCtes, cohortVragen, trendMaskCtes,
  type CohortSpec,
} from './cohort-sql.ts';
import { groepUit, type Horizon } from './filters.ts';
import { PANEL, alleenPersonenUit, int, maskType, volleBits, werkMaskCte } from './sql-fragments.ts';

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
  /**
   * Only from a voorberekende map: its counts that the map left empty, with the reason (their
   * values are stand-ins, never printed), and those of the total over every achtergrond.
   */
  leeg?: Partial<Record<UitkomstTelling, Reden>>;
  totaalLeeg?: Partial<Record<UitkomstTelling, Reden>>;
}

/** The counts of an outcome row. */
export type UitkomstTelling = 'cohort' | 'werkzaam' | 'werkVerloren' | 'uitRegister' | 'steedsWerkzaam' | 'zelfdeBaan';

const EXTRACTS: readonly ExtractName[] = [PANEL];

function cohortSpecSql(s: CohortSpec): SqlQuery {
  const kmin = s.b0;
  const T = maskType(s.b1 + s.h - kmin);
  const be = basisEindCtes(s, kmin);
  const n = s.h - 1; // quarters strictly between t and t+h
  const sql = `WITH ${be.sql},
${werkMaskCte('tussen', kmin, s.b0 + 1, s.b1 + s.h - 1, T, alleenPersonenUit('w', 'basis', s.filters))}
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
  [merk: `${'leeg' | 'tleeg'}_${string}`]: string | null | undefined;
}

/** The query's column of each count. */
const KOLOM: Readonly<Record<UitkomstTelling, string>> = {
  cohort: 'cohort', werkzaam: 'werkzaam', werkVerloren: 'werk_verloren', uitRegister: 'uit_register', steedsWerkzaam: 'steeds_werkzaam', zelfdeBaan: 'zelfde_baan',
};


function shapeUitkomst(rows: RawUitkomst[], h: Horizon): UitkomstRij[] {
  return rows.map((r) => {
    const leeg = merken<UitkomstTelling>(r, 'leeg', KOLOM, 'cohort');
    const totaalLeeg = merken<UitkomstTelling>(r, 'tleeg', KOLOM, 'cohort');
    return {
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
      ...(leeg ? { leeg } : {}),
      ...(totaalLeeg ? { totaalLeeg } : {}),
    };
  });
}

function uitkomstQuery(q: SqlQuery, h: Horizon): MetricQuery<UitkomstRij[]> {
  return { ...q, extracts: EXTRACTS, shape: (table) => shapeUitkomst(toRows<RawUitkomst>(table), h) };
}

const vragen = cohortVragen({ join: cohortSpecSql, masker: cohortTrendMaskSql }, uitkomstQuery);
/** The outcome of one base quarter (which must have t+h in the data). */
export const cohortUitkomstQuery = vragen.een;
/** The outcome of every valid base quarter in ONE query; `plan` forces a plan (tests, bench). */
export const cohortTrendQuery = vragen.trend;

/**
 * Uitstroom by reden: of the cohort at t, those uit het register at t+h, by the reden of their
 * latest doelgroep_uitstroom row with peildatum in t..t+h−1 ('onbekend' if none). Every reden
 * (UITSTROOM_REDENEN + 'onbekend') appears for each (basis, groep) with uitRegister > 0;
 * pct = aantal / uitRegister × 100; onderDrempel: uitRegister < 10.
 */
import type { Reden } from '../../disclosure/tabel.ts';
import type { ExtractName } from '../../engine/types.ts';
import { toRows } from '../../engine/rows.ts';
import { UITSTROOM_REDENEN } from '../../extracts/contracts.ts';
import { indexToKwartaal, type Kwartaal } from '../../kwartaal.ts';
import type { MetricQuery, SqlQuery } from '../../sql/query.ts';
import { onderDrempel, pct } from './aandelen.ts';
import type { PanelBereik } from './bereik.ts';
import {
  basisEindCtes, cohortVragen, trendMaskCtes,
  type CohortSpec,
} from './cohort-sql.ts';
import { groepUit, type Horizon } from './filters.ts';
import { PANEL, UITSTROOM, datum, int, relK } from './sql-fragments.ts';

export type UitstroomReden = (typeof UITSTROOM_REDENEN)[number];

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
  /**
   * Only from a voorberekende map: present (null: written) on every row; the reason its count was
   * left empty (the value is a stand-in, never printed), and that of the reason's total over every achtergrond.
   */
  leeg?: Reden | null;
  totaalLeeg?: Reden | null;
}

const UITSTROOM_ONBEKEND = 'onbekend' as const;
const EXTRACTS: readonly ExtractName[] = [PANEL, UITSTROOM];

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

interface RawUitstroom { kw: number; groep: string; reden: string; aantal: number; leeg?: string | null; tleeg?: string | null }

function merk(m: string | null | undefined): Reden | null {
  if (m === 'klein' || m === 'bescherming' || m === null || m === undefined) return m ?? null;
  throw new Error(`Onbekende reden van onderdrukking: ${m}`);
}

const REDENEN: readonly (UitstroomReden | 'onbekend')[] = [...UITSTROOM_REDENEN, UITSTROOM_ONBEKEND];

function shapeUitstroom(rows: RawUitstroom[], h: Horizon): UitstroomRij[] {
  const groepen = new Map<string, { kw: number; groep: string; per: Map<string, number>; merken: Map<string, Pick<UitstroomRij, 'leeg' | 'totaalLeeg'>>; totaal: number }>();
  for (const r of rows) {
    const key = `${r.kw}\u0000${r.groep}`;
    let g = groepen.get(key);
    if (!g) groepen.set(key, (g = { kw: r.kw, groep: r.groep, per: new Map(), merken: new Map(), totaal: 0 }));
    g.per.set(r.reden, (g.per.get(r.reden) ?? 0) + r.aantal);
    g.totaal += r.aantal;
    // A voorberekende map answers with the marks (microdata: no such columns).
    if ('leeg' in r) g.merken.set(r.reden, { leeg: merk(r.leeg), totaalLeeg: merk(r.tleeg) });
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
        ...g.merken.get(reden),
      });
    }
  }
  return out;
}

function uitstroomQuery(q: SqlQuery, h: Horizon): MetricQuery<UitstroomRij[]> {
  return { ...q, extracts: EXTRACTS, shape: (table) => shapeUitstroom(toRows<RawUitstroom>(table), h) };
}

const vragen = cohortVragen({ join: uitstroomSpecSql, masker: uitstroomTrendMaskSql }, uitstroomQuery);
/** Uitstroom by reden for one base quarter. */
export const uitstroomRedenenQuery = vragen.een;
/** Uitstroom by reden for every valid base quarter in one query; `plan` as in cohortTrendQuery. */
export const uitstroomTrendQuery = vragen.trend;

/**
 * At a peildatum: the working people in that quarter (filters and split on that quarter's
 * values), their hours, the share of hours on a permanent contract and the mean job duration.
 *
 * ContractRij: urenOnbepaaldPct is null if uren = 0; gemBaanduurJaren is the mean of
 * (peildatum − baan_startdatum) days / 365.25 over rows with a startdatum; onderDrempel:
 * werkzamen < 10.
 */
import type { Reden } from '../../disclosure/tabel.ts';
import type { ExtractName } from '../../engine/types.ts';
import { toRows } from '../../engine/rows.ts';
import { indexToKwartaal, kwartaalEinde, kwartaalIndex, type Kwartaal } from '../../kwartaal.ts';
import type { MetricQuery, SqlQuery } from '../../sql/query.ts';
import { onderDrempel } from './aandelen.ts';
import {
  checkKwartaal, checkKwartaalVanJaar, checkSplit, filterSql, groepRuw, groepUit,
  type Afbakening, type TrendAfbakening, type Filters, type KwartaalVanJaar, type Splitsing,
} from './filters.ts';
import { PANEL, int } from './sql-fragments.ts';

export interface PeilParams extends Afbakening { kwartaal: Kwartaal }

export interface ContractRij {
  kwartaal: Kwartaal;
  groep: string;
  werkzamen: number;
  uren: number;
  urenOnbepaald: number;
  urenOnbepaaldPct: number | null;
  gemBaanduurJaren: number | null;
  onderDrempel: boolean;
  /** Only from a voorberekende map: the row was left empty, for this reason (its values are stand-ins: 0 and null). */
  leeg?: Reden;
}

const EXTRACTS: readonly ExtractName[] = [PANEL];

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

interface RawContract { kw: number; groep: string; werkzamen: number; uren: number; uren_onbepaald: number; duur: number | null; leeg?: string | null }

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
    ...(r.leeg === 'klein' || r.leeg === 'bescherming' ? { leeg: r.leeg } : {}),
  }));
}

function contractSql(p: PeilParams): SqlQuery {
  checkKwartaal(p.kwartaal, 'kwartaal');
  return contractSpecSql(p.kwartaal, p.kwartaal, p.filters, checkSplit(p.split));
}

function contractTrendSql(p: TrendAfbakening): SqlQuery {
  return contractSpecSql(null, null, p.filters, checkSplit(p.split), checkKwartaalVanJaar(p.kwartaalVanJaar));
}

function contractQueryVan(q: SqlQuery): MetricQuery<ContractRij[]> {
  return { ...q, extracts: EXTRACTS, shape: (table) => shapeContract(toRows<RawContract>(table)) };
}

/** One quarter. */
export function contractQuery(p: PeilParams): MetricQuery<ContractRij[]> {
  return contractQueryVan(contractSql(p));
}

/** Every quarter in the panel (or only those in one quarter of the year). */
export function contractTrendQuery(p: TrendAfbakening): MetricQuery<ContractRij[]> {
  return contractQueryVan(contractTrendSql(p));
}

/**
 * SQL pieces shared by the duurzaamheid queries. Quarters are integers (src/lib/kwartaal.ts);
 * every piece reads only the quarters it needs, filtered on peildatum, so a panel stored in
 * peildatum order lets DuckDB skip the other quarters through its min/max zone maps (about 10×
 * faster for a single quarter on 11M rows). Only integers and dates computed here reach the text.
 */
import type { ExtractName } from '../../engine/types.ts';
import { indexToKwartaal, kwartaalEinde, kwartaalIndex } from '../../kwartaal.ts';
import type { SqlQuery } from '../../sql/query.ts';
import type { Filters, KwartaalVanJaar } from './filters.ts';

export const PANEL = 'doelgroep_kwartaal' satisfies ExtractName;
export const UITSTROOM = 'doelgroep_uitstroom' satisfies ExtractName;

export function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`interne fout: geen geheel getal ${n}`);
  return String(n);
}

export function datum(i: number): string {
  return `DATE '${kwartaalEinde(indexToKwartaal(i))}'`;
}

export function maskType(bits: number): string {
  if (bits <= 62) return 'BIGINT';
  if (bits <= 126) return 'HUGEINT';
  throw new Error(`Het register beslaat ${bits} kwartalen; de trend ondersteunt er hoogstens 126.`);
}

/** `(1 << n) - 1` in mask type T: n consecutive bits. */
export function volleBits(T: string, n: number): string {
  return `((CAST(1 AS ${T}) << ${int(n)}) - 1)`;
}

/** Quarter index of row alias `a` relative to kmin, as INTEGER. */
export function relK(a: string, kmin: number): string {
  return `CAST(${kwartaalIndex(`${a}.peildatum`)} - ${int(kmin)} AS INTEGER)`;
}

export function kwartaalVanJaarSql(a: string, q: KwartaalVanJaar | undefined): string {
  return q ? ` AND quarter(${a}.peildatum) = ${int(q)}` : '';
}

/**
 * A region filter makes a cohort small (a region holds a few percent of the register). The
 * per-person parts of a query (outcome rows, werkzaam masks) then read only the rows of the
 * persons in it (a semi-join on persoon_id) instead of hashing every person in those quarters.
 * Measured in native DuckDB, one thread, 12M rows, a fourth-quarter trend per achtergrond: one
 * region 2.3 s → 1.2 s, one region and a sector 2.9 s → 1.0 s; with 8 or more regions, or only a
 * sector or dienstverband filter, the semi-join costs more than it saves (markt: 1.7 s → 4.4 s).
 */
const KLEIN_MAX_REGIOS = 4;

export function kleineGroep(filters: Filters | undefined): boolean {
  const n = filters?.regio?.length ?? 0;
  return n > 0 && n <= KLEIN_MAX_REGIOS;
}

/** WHERE fragment: row alias `a` belongs to a person in CTE `cte` (when the group is small, else nothing). */
export function alleenPersonenUit(a: string, cte: string, filters: Filters | undefined): string {
  return kleineGroep(filters) ? ` AND ${a}.persoon_id IN (SELECT persoon_id FROM ${cte})` : '';
}

/** Per person: bit i set when werkzaam in quarter kmin+i, for quarters van..tot; `alleen`: a further WHERE fragment on `w`. */
export function werkMaskCte(naam: string, kmin: number, van: number, tot: number, T: string, alleen = ''): string {
  return `${naam} AS (
  SELECT w.persoon_id, bit_or(CAST(1 AS ${T}) << ${relK('w', kmin)}) AS werk
  FROM ${PANEL} w
  WHERE w.werkzaam AND w.peildatum BETWEEN ${datum(van)} AND ${datum(tot)}${alleen}
  GROUP BY w.persoon_id
)`;
}

export function bit(mask: string, pos: string): string {
  return `((${mask} >> (${pos})) & 1) = 1`;
}

/** A query that returns no rows, for a trend over a panel too short for any base quarter. */
export const LEEG: SqlQuery = { sql: 'SELECT 1 WHERE false', params: [] };

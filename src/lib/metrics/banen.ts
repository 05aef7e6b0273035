/**
 * Banenafspraak metrics on `doelgroep_kwartaal` (DOMAIN.md): register size, werkzame personen and
 * banen per quarter — a baan is 25.5 verloonde uren a week, so banen = Σ uren / (25.5 × 13) —,
 * split by sector, dienstverband, inleen, region or achtergrond; extra banen against the
 * nulmeting quarter; growth between two quarters. Same queries in the browser and in Node:
 * each `…Query` returns a MetricQuery (SQL, params, extracts read, shape) for `runMetric` or the query layer.
 *
 * PUBLIC API
 *   UREN_PER_BAAN = 331.5 (25.5 × 13)
 *   BanenSplitsing = 'totaal' | 'sector' | 'dienstverband' | 'inleen' | 'sector_inleen' | 'regio_code' | 'achtergrond'
 *     'inleen': regulier vs inleen (uitzend + detachering); 'sector_inleen': e.g. 'markt regulier'.
 *   registerQuery(p: RegisterParams): RegisterRij[]   persons, werkzaam, % werkzaam
 *   banenQuery(p: BanenParams): BanenRij[]              uren, banen, werkzamen per group
 *   extraBanenQuery(p: ExtraBanenParams): ExtraBanenRij[]  banen − banen at nulmeting
 *   groeiQuery(p: GroeiParams): GroeiRij[]              banen at van and tot, absolute and %
 * Quarters are strings like '2021Q3'; dates come back as 'yyyy-mm-dd'. Filters take region codes
 * (validated against the 35 AM codes); nothing from the user is spliced into SQL.
 */
import type { ExtractName, SqlParam } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { isRegioCode } from '../extracts/regions.ts';
import type { MetricQuery, SqlQuery } from '../sql/query.ts';
import { kwartaalEinde, parseKwartaal, type Kwartaal } from '../kwartaal.ts';

export const UREN_PER_BAAN = 25.5 * 13;
export const BANEN_SPLITSINGEN = ['totaal', 'sector', 'dienstverband', 'inleen', 'sector_inleen', 'regio_code', 'achtergrond'] as const;
export type BanenSplitsing = (typeof BANEN_SPLITSINGEN)[number];

export interface RegisterParams { split?: 'totaal' | 'regio_code' | 'achtergrond'; regio?: readonly string[] }
export interface BanenParams { split?: BanenSplitsing; regio?: readonly string[]; van?: Kwartaal; tot?: Kwartaal }
export interface ExtraBanenParams extends BanenParams { nulmeting?: Kwartaal }
export interface GroeiParams { van: Kwartaal; tot: Kwartaal; split?: BanenSplitsing; regio?: readonly string[] }

export interface RegisterRij {
  kwartaal: Kwartaal;
  peildatum: string;
  groep: string;
  personen: number;
  werkzaam: number;
  werkzaamPct: number;
}
export interface BanenRij {
  kwartaal: Kwartaal;
  peildatum: string;
  groep: string;
  uren: number;
  banen: number;
  werkzamen: number;
}
export interface ExtraBanenRij extends BanenRij {
  nulmeting: Kwartaal;
  banenNulmeting: number;
  extraBanen: number;
}
export interface GroeiRij {
  groep: string;
  van: Kwartaal;
  tot: Kwartaal;
  banenVan: number;
  banenTot: number;
  groei: number;
  /** null when there were no banen at `van`. */
  groeiPct: number | null;
}

const TABEL = 'doelgroep_kwartaal' satisfies ExtractName;
const EXTRACTS: readonly ExtractName[] = [TABEL];
const KWARTAAL_SQL = `(year(peildatum)::VARCHAR || 'Q' || quarter(peildatum)::VARCHAR)`;

function groepExpr(split: BanenSplitsing): string {
  switch (split) {
    case 'totaal': return `'totaal'`;
    case 'sector': return `coalesce(sector, 'onbekend')`;
    case 'dienstverband': return `coalesce(dienstverband, 'onbekend')`;
    case 'inleen': return `(CASE WHEN dienstverband IS NULL THEN 'onbekend' WHEN dienstverband = 'regulier' THEN 'regulier' ELSE 'inleen' END)`;
    case 'sector_inleen': return `(coalesce(sector, 'onbekend') || ' ' || (CASE WHEN dienstverband IS NULL THEN 'onbekend' WHEN dienstverband = 'regulier' THEN 'regulier' ELSE 'inleen' END))`;
    case 'regio_code': return 'regio_code';
    case 'achtergrond': return 'achtergrond';
    default: throw new Error(`Onbekende splitsing: ${String(split)} (kies uit ${BANEN_SPLITSINGEN.join(', ')}).`);
  }
}

function checkKwartaal(k: string, wat: string): Kwartaal {
  if (!parseKwartaal(k)) throw new Error(`Ongeldig ${wat}: "${k}" (verwacht bijvoorbeeld 2021Q3).`);
  return k as Kwartaal;
}

function filters(p: { regio?: readonly string[]; van?: Kwartaal; tot?: Kwartaal }): { where: string[]; params: SqlParam[] } {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (p.regio && p.regio.length > 0) {
    for (const r of p.regio) if (!isRegioCode(r)) throw new Error(`Onbekende arbeidsmarktregio: "${r}".`);
    where.push(`regio_code IN (${p.regio.map(() => '?').join(', ')})`);
    params.push(...p.regio);
  }
  if (p.van) {
    where.push('peildatum >= ?::DATE');
    params.push(kwartaalEinde(checkKwartaal(p.van, 'beginkwartaal')));
  }
  if (p.tot) {
    where.push('peildatum <= ?::DATE');
    params.push(kwartaalEinde(checkKwartaal(p.tot, 'eindkwartaal')));
  }
  return { where, params };
}

function registerSql(p: RegisterParams = {}): SqlQuery {
  const split = p.split ?? 'totaal';
  if (!['totaal', 'regio_code', 'achtergrond'].includes(split)) throw new Error(`Onbekende splitsing voor het register: ${split}.`);
  const f = filters(p);
  return {
    sql: `SELECT ${KWARTAAL_SQL} AS kwartaal, strftime(peildatum, '%Y-%m-%d') AS peildatum, ${groepExpr(split)} AS groep,
        count(*)::BIGINT AS personen, count(*) FILTER (WHERE werkzaam)::BIGINT AS werkzaam,
        100.0 * count(*) FILTER (WHERE werkzaam) / count(*) AS werkzaamPct
      FROM ${TABEL} ${f.where.length ? `WHERE ${f.where.join(' AND ')}` : ''}
      GROUP BY ALL ORDER BY peildatum, groep`,
    params: f.params,
  };
}

export function registerQuery(p: RegisterParams = {}): MetricQuery<RegisterRij[]> {
  return { ...registerSql(p), extracts: EXTRACTS, shape: (table) => toRows<RegisterRij>(table) };
}

function banenSql(p: BanenParams = {}): SqlQuery {
  const f = filters(p);
  const where = ['werkzaam', ...f.where];
  return {
    sql: `SELECT ${KWARTAAL_SQL} AS kwartaal, strftime(peildatum, '%Y-%m-%d') AS peildatum, ${groepExpr(p.split ?? 'totaal')} AS groep,
        sum(uren)::DOUBLE AS uren, sum(uren)::DOUBLE / ${UREN_PER_BAAN} AS banen, count(*)::BIGINT AS werkzamen
      FROM ${TABEL} WHERE ${where.join(' AND ')}
      GROUP BY ALL ORDER BY peildatum, groep`,
    params: f.params,
  };
}

export function banenQuery(p: BanenParams = {}): MetricQuery<BanenRij[]> {
  const q: MetricQuery<BanenRij[]> = { ...banenSql(p), extracts: EXTRACTS, shape: (table) => toRows<BanenRij>(table) };
  const landelijk = (p.split ?? 'totaal') === 'totaal' && !p.regio?.length && !p.van && !p.tot;
  return landelijk ? { ...q, voorberekend: BANEN_VOORBEREKEND } : q;
}

/**
 * National banen per quarter (the Overzicht tile) on voorberekende tabellen: `npm run compute`
 * writes this query's answer as `agg_banen_kwartaal` (voorberekend/tabellen.ts), a quarter with
 * fewer than 10 werkzamen empty; in the browser the table only comes from such a folder.
 */
export const BANEN_TABEL = 'agg_banen_kwartaal';
const BANEN_VOORBEREKEND = {
  sql: `SELECT kwartaal, peildatum, groep, uren, banen, werkzamen FROM ${BANEN_TABEL} ORDER BY peildatum, groep`,
  params: [],
  setup: [{ name: BANEN_TABEL, sql: `SELECT 'alleen voorberekend (npm run compute)'` }],
};

/** Extra banen per group against the nulmeting quarter (default: the first quarter in the data). */
function extraBanenSql(p: ExtraBanenParams = {}): SqlQuery {
  const b = banenSql({ split: p.split, regio: p.regio });
  const nul = p.nulmeting ? kwartaalEinde(checkKwartaal(p.nulmeting, 'nulmetingskwartaal')) : null;
  const f = filters({ van: p.van, tot: p.tot });
  return {
    sql: `WITH b AS (${b.sql}),
      n AS (SELECT groep, kwartaal AS nulmeting, banen AS banenNulmeting FROM b
            WHERE peildatum = ${nul ? '?' : '(SELECT min(peildatum) FROM b)'})
      SELECT b.*, n.nulmeting, coalesce(n.banenNulmeting, 0) AS banenNulmeting, b.banen - coalesce(n.banenNulmeting, 0) AS extraBanen
      FROM b LEFT JOIN n USING (groep)
      ${f.where.length ? `WHERE ${f.where.map((w) => w.replace('peildatum', 'b.peildatum::DATE')).join(' AND ')}` : ''}
      ORDER BY b.peildatum, b.groep`,
    params: [...b.params, ...(nul ? [nul] : []), ...f.params],
  };
}

export function extraBanenQuery(p: ExtraBanenParams = {}): MetricQuery<ExtraBanenRij[]> {
  return { ...extraBanenSql(p), extracts: EXTRACTS, shape: (table) => toRows<ExtraBanenRij>(table) };
}

function groeiSql(p: GroeiParams): SqlQuery {
  const van = kwartaalEinde(checkKwartaal(p.van, 'beginkwartaal'));
  const tot = kwartaalEinde(checkKwartaal(p.tot, 'eindkwartaal'));
  const f = filters({ regio: p.regio });
  const where = ['werkzaam', 'peildatum IN (?::DATE, ?::DATE)', ...f.where];
  return {
    sql: `WITH b AS (
        SELECT ${groepExpr(p.split ?? 'totaal')} AS groep,
          sum(uren) FILTER (WHERE peildatum = ?::DATE)::DOUBLE / ${UREN_PER_BAAN} AS banenVan,
          sum(uren) FILTER (WHERE peildatum = ?::DATE)::DOUBLE / ${UREN_PER_BAAN} AS banenTot
        FROM ${TABEL} WHERE ${where.join(' AND ')} GROUP BY ALL)
      SELECT groep, ?::VARCHAR AS van, ?::VARCHAR AS tot, coalesce(banenVan, 0) AS banenVan, coalesce(banenTot, 0) AS banenTot,
        coalesce(banenTot, 0) - coalesce(banenVan, 0) AS groei,
        CASE WHEN coalesce(banenVan, 0) > 0 THEN 100.0 * (coalesce(banenTot, 0) - banenVan) / banenVan END AS groeiPct
      FROM b ORDER BY groep`,
    params: [van, tot, van, tot, ...f.params, p.van, p.tot],
  };
}

export function groeiQuery(p: GroeiParams): MetricQuery<GroeiRij[]> {
  return { ...groeiSql(p), extracts: EXTRACTS, shape: (table) => toRows<GroeiRij>(table) };
}


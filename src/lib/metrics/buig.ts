/**
 * Macrobudget BUIG metrics (DOMAIN.md §4) on `buig_gemeente`: raming versus realisatie.
 * Saldo = definitief budget − uitgaven (positive: overschot, negative: tekort), as € and as % of
 * the definitief budget. Same queries in the browser and in Node: each `…Query` returns a
 * MetricQuery (SQL, params, extracts read, shape) for `runMetric` or the query layer.
 *
 * Definitions (also for the page's words):
 * - A gemeente has a tekort when its saldo < 0; a saldo of exactly 0 is neither.
 * - "A tekort of at least d%": saldo < 0 and 100·saldo ≤ −d·budget (compared in whole euros, so a
 *   gemeente exactly at the threshold counts). A gemeente without a budget (≤ 0) but with
 *   uitgaven has a tekort larger than any share of its budget and counts; its saldo % is
 *   undefined (null; the page shows "n.v.t.") and it is left out of the percentiles.
 * - Budget size class: by the gemeente's definitief budget IN THAT YEAR (GROOTTEKLASSEN).
 * - Per region: the sum of its gemeenten (gemeente → arbeidsmarktregio from the reference list).
 *
 * A selection (`BuigSelectie`) narrows every query to some regions and/or one size class.
 *
 * PUBLIC API
 *   landelijkQuery(sel?): LandelijkRij[]   per year, national or for the selection: voorlopig,
 *       definitief, uitgaven, saldo, saldoPct, bijstelling (definitief − voorlopig), mutaties t.o.v.
 *       vorig jaar, cumulatief saldo and budget since the first year, gemeenten met tekort,
 *       tekort ≥ 5%, tekort ≥ sel.drempel% (count and %), gemeenten zonder budget
 *   cumulatiefQuery({ van, tot, …sel }): CumulatiefRij    saldo over a range of years
 *   cumulatiefUitJaren(rijen, van, tot): CumulatiefRij    the same from landelijkQuery's rows
 *   perGemeenteQuery({ jaar, …sel }): GemeenteRij[]        one year, largest tekort first
 *   gemeentenQuery(sel?): GemeenteRij[]                    every year (the page filters in memory)
 *   spreidingQuery({ jaar, …sel }): SpreidingRij           percentiles of saldo % over gemeenten
 *   spreidingPerJaarQuery(sel?): SpreidingRij[]            the same for every year
 *   regioQuery({ klasse? }): RegioRij[]                    sums per arbeidsmarktregio per year
 * Amounts are euros (DOUBLE); percentages 0..100.
 */
import type { ExtractName, SqlParam } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { isRegioCode } from '../extracts/regions.ts';
import type { MetricQuery } from '../sql/query.ts';
import { literal } from '../sql/quote.ts';
import { gemeenteRegioCte } from './gemeente-regio-sql.ts';

export interface LandelijkRij {
  jaar: number;
  voorlopig: number;
  definitief: number;
  uitgaven: number;
  saldo: number;
  saldoPct: number | null;
  bijstelling: number;
  mutatieDefinitief: number | null;
  mutatieDefinitiefPct: number | null;
  mutatieUitgavenPct: number | null;
  cumulatiefSaldo: number;
  cumulatiefBudget: number;
  gemeenten: number;
  gemeentenTekort: number;
  pctGemeentenTekort: number;
  gemeentenTekort5: number;
  pctGemeentenTekort5: number;
  /** Tekort of at least `drempel` % of the budget (the selection's threshold, default 5). */
  drempel: number;
  gemeentenDrempel: number;
  pctGemeentenDrempel: number;
  /** Gemeenten whose definitief budget is 0 (or less): saldo % n.v.t. */
  gemeentenZonderBudget: number;
}
export interface CumulatiefRij {
  van: number;
  tot: number;
  saldo: number;
  budget: number;
  saldoPct: number | null;
}
export interface GemeenteRij {
  jaar: number;
  gemeente_code: string;
  naam: string;
  regio_code: string;
  klasse: Grootteklasse;
  voorlopig: number;
  definitief: number;
  uitgaven: number;
  saldo: number;
  saldoPct: number | null;
}
export interface SpreidingRij {
  jaar: number;
  /** Gemeenten with a budget (the percentiles are over these). */
  gemeenten: number;
  p10: number | null;
  p25: number | null;
  mediaan: number | null;
  p75: number | null;
  p90: number | null;
  /** Share of gemeenten with a tekort (of those with a budget). */
  pctTekort: number | null;
}
export interface RegioRij {
  jaar: number;
  regio_code: string;
  gemeenten: number;
  voorlopig: number;
  definitief: number;
  uitgaven: number;
  saldo: number;
  saldoPct: number | null;
  gemeentenTekort: number;
}

/** Budget size classes by definitief budget in euros: [ondergrens, bovengrens). */
export const GROOTTEKLASSEN = [
  { id: 'tot5', label: 'minder dan € 5 mln', van: 0, tot: 5e6 },
  { id: '5-10', label: '€ 5 tot 10 mln', van: 5e6, tot: 10e6 },
  { id: '10-25', label: '€ 10 tot 25 mln', van: 10e6, tot: 25e6 },
  { id: '25-100', label: '€ 25 tot 100 mln', van: 25e6, tot: 100e6 },
  { id: '100plus', label: '€ 100 mln of meer', van: 100e6, tot: Infinity },
] as const;
export type Grootteklasse = (typeof GROOTTEKLASSEN)[number]['id'];

export function isGrootteklasse(s: unknown): s is Grootteklasse {
  return GROOTTEKLASSEN.some((k) => k.id === s);
}

/** Narrows a query to some arbeidsmarktregio's and/or one size class; `drempel` is the tekort threshold in %. */
export interface BuigSelectie {
  regio?: readonly string[];
  klasse?: Grootteklasse | null;
  drempel?: number;
}

const TABEL = 'buig_gemeente' satisfies ExtractName;
const EXTRACTS: readonly ExtractName[] = [TABEL];
/** A gemeente "has a tekort of at least 5%" when saldo ≤ −5% of its definitief budget. */
export const GROOT_TEKORT_PCT = 5;
/**
 * Pre-aggregated gemeente × jaar with name, region, size class and saldo (built once per data
 * version). Codes are plain text here: the browser loads gemeente_code as an ENUM, and ENUM
 * (dictionary) columns arrive empty through the query layer's streamed path (engine send).
 */
const GJ = 'buig_gj';

function klasseSql(kolom: string): string {
  const takken = GROOTTEKLASSEN.filter((k) => Number.isFinite(k.tot)).map((k) => `WHEN ${kolom} < ${literal(k.tot)} THEN ${literal(k.id)}`);
  return `CASE ${takken.join(' ')} ELSE ${literal(GROOTTEKLASSEN[GROOTTEKLASSEN.length - 1].id)} END`;
}

const SETUP = [
  {
    name: GJ,
    sql: `CREATE OR REPLACE TABLE ${GJ} AS WITH ${gemeenteRegioCte()}
      SELECT b.jaar::INTEGER AS jaar, b.gemeente_code::VARCHAR AS gemeente_code, coalesce(gr.naam, b.gemeente_code::VARCHAR) AS naam, coalesce(gr.regio_code, 'onbekend') AS regio_code,
        ${klasseSql('b.budget_definitief')} AS klasse,
        b.budget_voorlopig::DOUBLE AS voorlopig, b.budget_definitief::DOUBLE AS definitief, b.uitgaven::DOUBLE AS uitgaven,
        (b.budget_definitief - b.uitgaven)::DOUBLE AS saldo
      FROM ${TABEL} b LEFT JOIN gr USING (gemeente_code)`,
  },
] as const;

function query<T>(sql: string, params: SqlParam[], shape: (rows: Record<string, unknown>[]) => T): MetricQuery<T> {
  return { sql, params, extracts: EXTRACTS, setup: SETUP, shape: (table) => shape(toRows(table)) };
}

/** `AND …` narrowing `buig_gj` to the selection, with its parameters. */
function selectieFilter(sel: BuigSelectie): { sql: string; params: SqlParam[] } {
  let sql = '';
  const params: SqlParam[] = [];
  if (sel.regio && sel.regio.length > 0) {
    for (const r of sel.regio) if (!isRegioCode(r)) throw new Error(`Onbekende arbeidsmarktregio: "${r}".`);
    sql += ` AND regio_code IN (${sel.regio.map(() => '?').join(', ')})`;
    params.push(...sel.regio);
  }
  if (sel.klasse != null) {
    if (!isGrootteklasse(sel.klasse)) throw new Error(`Onbekende grootteklasse: "${String(sel.klasse)}".`);
    sql += ' AND klasse = ?';
    params.push(sel.klasse);
  }
  return { sql, params };
}

function checkJaar(j: number, wat: string): number {
  if (!Number.isInteger(j) || j < 1900 || j > 2100) throw new Error(`Ongeldig ${wat}: ${j}.`);
  return j;
}

function checkDrempel(d: number): number {
  if (!Number.isInteger(d) || d < 1 || d > 100) throw new Error(`Ongeldige drempel: ${d} (verwacht een geheel percentage van 1 tot en met 100).`);
  return d;
}

const PCT = (teller: string, noemer: string) => `CASE WHEN ${noemer} > 0 THEN 100 * ${teller} / ${noemer} END`;

export function landelijkQuery(sel: BuigSelectie = {}): MetricQuery<LandelijkRij[]> {
  const f = selectieFilter(sel);
  const drempel = checkDrempel(sel.drempel ?? GROOT_TEKORT_PCT);
  const tekortVan = (d: string) => `count(*) FILTER (WHERE saldo < 0 AND 100 * saldo <= -${d} * definitief)::BIGINT`;
  return query(
    `WITH j AS (SELECT jaar, sum(voorlopig) AS voorlopig, sum(definitief) AS definitief, sum(uitgaven) AS uitgaven,
                   sum(saldo) AS saldo, count(*)::BIGINT AS gemeenten,
                   count(*) FILTER (WHERE saldo < 0)::BIGINT AS gemeentenTekort,
                   ${tekortVan(String(GROOT_TEKORT_PCT))} AS gemeentenTekort5,
                   ${tekortVan('?')} AS gemeentenDrempel,
                   count(*) FILTER (WHERE definitief <= 0)::BIGINT AS gemeentenZonderBudget
            FROM ${GJ} WHERE true${f.sql} GROUP BY jaar)
      SELECT jaar, voorlopig, definitief, uitgaven, saldo, ${PCT('saldo', 'definitief')} AS saldoPct,
        definitief - voorlopig AS bijstelling,
        definitief - lag(definitief) OVER w AS mutatieDefinitief,
        ${PCT('(definitief - lag(definitief) OVER w)', 'lag(definitief) OVER w')} AS mutatieDefinitiefPct,
        ${PCT('(uitgaven - lag(uitgaven) OVER w)', 'lag(uitgaven) OVER w')} AS mutatieUitgavenPct,
        sum(saldo) OVER (w ROWS UNBOUNDED PRECEDING) AS cumulatiefSaldo,
        sum(definitief) OVER (w ROWS UNBOUNDED PRECEDING) AS cumulatiefBudget,
        gemeenten, gemeentenTekort, 100.0 * gemeentenTekort / gemeenten AS pctGemeentenTekort,
        gemeentenTekort5, 100.0 * gemeentenTekort5 / gemeenten AS pctGemeentenTekort5,
        ?::INTEGER AS drempel, gemeentenDrempel, 100.0 * gemeentenDrempel / gemeenten AS pctGemeentenDrempel,
        gemeentenZonderBudget
      FROM j WINDOW w AS (ORDER BY jaar) ORDER BY jaar`,
    [drempel, ...f.params, drempel],
    (r) => r as unknown as LandelijkRij[],
  );
}

export function cumulatiefQuery(p: { van: number; tot: number } & BuigSelectie): MetricQuery<CumulatiefRij> {
  checkJaar(p.van, 'beginjaar');
  checkJaar(p.tot, 'eindjaar');
  if (p.tot < p.van) throw new Error(`Het eindjaar ${p.tot} ligt voor het beginjaar ${p.van}.`);
  const f = selectieFilter(p);
  return query(
    `SELECT ?::INTEGER AS van, ?::INTEGER AS tot, coalesce(sum(saldo), 0) AS saldo, coalesce(sum(definitief), 0) AS budget,
        ${PCT('sum(saldo)', 'sum(definitief)')} AS saldoPct
      FROM ${GJ} WHERE jaar BETWEEN ? AND ?${f.sql}`,
    [p.van, p.tot, p.van, p.tot, ...f.params],
    (r) => r[0] as unknown as CumulatiefRij,
  );
}

/**
 * The cumulative result over van..tot from landelijkQuery's rows (the page changes the range
 * without asking the engine); equal to cumulatiefQuery on the same selection.
 */
export function cumulatiefUitJaren(rijen: readonly Pick<LandelijkRij, 'jaar' | 'saldo' | 'definitief'>[], van: number, tot: number): CumulatiefRij {
  let saldo = 0;
  let budget = 0;
  for (const r of rijen) {
    if (r.jaar < van || r.jaar > tot) continue;
    saldo += r.saldo;
    budget += r.definitief;
  }
  return { van, tot, saldo, budget, saldoPct: budget > 0 ? (100 * saldo) / budget : null };
}

function gemeentenSql(jaar: number | null, sel: BuigSelectie): { sql: string; params: SqlParam[] } {
  const f = selectieFilter(sel);
  return {
    sql: `SELECT jaar, gemeente_code, naam, regio_code, klasse, voorlopig, definitief, uitgaven, saldo,
        ${PCT('saldo', 'definitief')} AS saldoPct
      FROM ${GJ} WHERE ${jaar === null ? 'true' : 'jaar = ?'}${f.sql}
      ORDER BY jaar, saldoPct NULLS LAST, gemeente_code`,
    params: [...(jaar === null ? [] : [checkJaar(jaar, 'jaar')]), ...f.params],
  };
}

/** One year: gemeenten from the largest tekort (in %) to the largest overschot; no budget last. */
export function perGemeenteQuery(p: { jaar: number } & BuigSelectie): MetricQuery<GemeenteRij[]> {
  const s = gemeentenSql(p.jaar, p);
  return query(s.sql, s.params, (r) => r as unknown as GemeenteRij[]);
}

/** Every year of every gemeente in the selection (a few thousand rows), in the order of perGemeenteQuery per year. */
export function gemeentenQuery(sel: BuigSelectie = {}): MetricQuery<GemeenteRij[]> {
  const s = gemeentenSql(null, sel);
  return query(s.sql, s.params, (r) => r as unknown as GemeenteRij[]);
}

function spreidingSql(jaar: number | null, sel: BuigSelectie): { sql: string; params: SqlParam[] } {
  const f = selectieFilter(sel);
  return {
    sql: `WITH g AS (SELECT jaar, 100 * saldo / definitief AS pct FROM ${GJ}
                     WHERE definitief > 0${jaar === null ? '' : ' AND jaar = ?'}${f.sql})
      SELECT jaar, count(*)::BIGINT AS gemeenten,
        quantile_cont(pct, 0.10) AS p10, quantile_cont(pct, 0.25) AS p25, quantile_cont(pct, 0.5) AS mediaan,
        quantile_cont(pct, 0.75) AS p75, quantile_cont(pct, 0.90) AS p90,
        100.0 * count(*) FILTER (WHERE pct < 0) / count(*) AS pctTekort
      FROM g GROUP BY jaar ORDER BY jaar`,
    params: [...(jaar === null ? [] : [checkJaar(jaar, 'jaar')]), ...f.params],
  };
}

/** Spread of saldo % over the gemeenten (with a budget) of one year; unweighted: each gemeente counts once. */
export function spreidingQuery(p: { jaar: number } & BuigSelectie): MetricQuery<SpreidingRij> {
  const s = spreidingSql(p.jaar, p);
  const leeg: SpreidingRij = { jaar: p.jaar, gemeenten: 0, p10: null, p25: null, mediaan: null, p75: null, p90: null, pctTekort: null };
  return query(s.sql, s.params, (r) => (r[0] as unknown as SpreidingRij | undefined) ?? leeg);
}

export function spreidingPerJaarQuery(sel: BuigSelectie = {}): MetricQuery<SpreidingRij[]> {
  const s = spreidingSql(null, sel);
  return query(s.sql, s.params, (r) => r as unknown as SpreidingRij[]);
}

/** Sums per arbeidsmarktregio per year (regions in code order), optionally for one size class. */
export function regioQuery(sel: Pick<BuigSelectie, 'klasse'> = {}): MetricQuery<RegioRij[]> {
  const f = selectieFilter({ klasse: sel.klasse });
  return query(
    `SELECT jaar, regio_code, count(*)::BIGINT AS gemeenten, sum(voorlopig) AS voorlopig, sum(definitief) AS definitief,
        sum(uitgaven) AS uitgaven, sum(saldo) AS saldo, ${PCT('sum(saldo)', 'sum(definitief)')} AS saldoPct,
        count(*) FILTER (WHERE saldo < 0)::BIGINT AS gemeentenTekort
      FROM ${GJ} WHERE true${f.sql} GROUP BY jaar, regio_code ORDER BY jaar, regio_code`,
    f.params,
    (r) => r as unknown as RegioRij[],
  );
}

/**
 * Macrobudget BUIG metrics (DOMAIN.md §4) on `buig_gemeente`: raming versus realisatie.
 * Saldo = definitief budget − uitgaven (positive: overschot, negative: tekort), as € and as % of
 * the definitief budget. Same queries in the browser and in Node: each `…Query` returns a MetricQuery (SQL, params,
 * extracts read, shape) for `runMetric` or the query layer.
 *
 * PUBLIC API
 *   landelijkQuery(p?: { regio? }): LandelijkRij[]   per year, national (or for regions):
 *       voorlopig, definitief, uitgaven, saldo, saldoPct, bijstelling (definitief − voorlopig),
 *       mutatie definitief t.o.v. vorig jaar (€ and %), mutatie uitgaven %, cumulatief saldo and
 *       cumulatief budget since the first year, gemeenten met tekort (count, %), tekort ≥ 5% (count, %)
 *   cumulatiefQuery({ van, tot }): CumulatiefRij   saldo over a range of years
 *   perGemeenteQuery({ jaar, regio? }): GemeenteRij[]   saldo per gemeente
 *   spreidingQuery({ jaar }): SpreidingRij            spread of saldoPct over gemeenten
 *       (p10, p25, mediaan, p75, p90; unweighted — each gemeente counts once)
 * Amounts are euros (DOUBLE); percentages 0..100.
 */
import type { ExtractName, SqlParam } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { isRegioCode } from '../extracts/regions.ts';
import type { MetricQuery, SqlQuery } from '../sql/query.ts';
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
  voorlopig: number;
  definitief: number;
  uitgaven: number;
  saldo: number;
  saldoPct: number | null;
}
export interface SpreidingRij {
  jaar: number;
  gemeenten: number;
  p10: number;
  p25: number;
  mediaan: number;
  p75: number;
  p90: number;
  /** Share of gemeenten with a tekort. */
  pctTekort: number;
}

const TABEL = 'buig_gemeente' satisfies ExtractName;
const EXTRACTS: readonly ExtractName[] = [TABEL];
/** A gemeente "has a tekort of at least 5%" when saldo ≤ −5% of its definitief budget. */
export const GROOT_TEKORT_PCT = 5;

function regioFilter(regio: readonly string[] | undefined): { sql: string; params: SqlParam[] } {
  if (!regio || regio.length === 0) return { sql: '', params: [] };
  for (const r of regio) if (!isRegioCode(r)) throw new Error(`Onbekende arbeidsmarktregio: "${r}".`);
  return { sql: ` AND gemeente_code IN (SELECT gemeente_code FROM gr WHERE regio_code IN (${regio.map(() => '?').join(', ')}))`, params: [...regio] };
}

function checkJaar(j: number, wat: string): number {
  if (!Number.isInteger(j) || j < 1900 || j > 2100) throw new Error(`Ongeldig ${wat}: ${j}.`);
  return j;
}

function landelijkSql(p: { regio?: readonly string[] } = {}): SqlQuery {
  const r = regioFilter(p.regio);
  return {
    sql: `WITH ${gemeenteRegioCte()},
      g AS (SELECT jaar, budget_voorlopig, budget_definitief, uitgaven, budget_definitief - uitgaven AS saldo FROM ${TABEL} WHERE true${r.sql}),
      j AS (SELECT jaar::INTEGER AS jaar, sum(budget_voorlopig) AS voorlopig, sum(budget_definitief) AS definitief, sum(uitgaven) AS uitgaven,
                   sum(saldo) AS saldo, count(*)::BIGINT AS gemeenten,
                   count(*) FILTER (WHERE saldo < 0)::BIGINT AS gemeentenTekort,
                   count(*) FILTER (WHERE saldo <= -${GROOT_TEKORT_PCT / 100} * budget_definitief)::BIGINT AS gemeentenTekort5
            FROM g GROUP BY jaar)
      SELECT jaar, voorlopig, definitief, uitgaven, saldo,
        CASE WHEN definitief <> 0 THEN 100 * saldo / definitief END AS saldoPct,
        definitief - voorlopig AS bijstelling,
        definitief - lag(definitief) OVER w AS mutatieDefinitief,
        100 * (definitief / lag(definitief) OVER w - 1) AS mutatieDefinitiefPct,
        100 * (uitgaven / lag(uitgaven) OVER w - 1) AS mutatieUitgavenPct,
        sum(saldo) OVER (w ROWS UNBOUNDED PRECEDING) AS cumulatiefSaldo,
        sum(definitief) OVER (w ROWS UNBOUNDED PRECEDING) AS cumulatiefBudget,
        gemeenten, gemeentenTekort, 100.0 * gemeentenTekort / gemeenten AS pctGemeentenTekort,
        gemeentenTekort5, 100.0 * gemeentenTekort5 / gemeenten AS pctGemeentenTekort5
      FROM j WINDOW w AS (ORDER BY jaar) ORDER BY jaar`,
    params: r.params,
  };
}

export function landelijkQuery(p: { regio?: readonly string[] } = {}): MetricQuery<LandelijkRij[]> {
  return { ...landelijkSql(p), extracts: EXTRACTS, shape: (table) => toRows<LandelijkRij>(table) };
}

function cumulatiefSql(p: { van: number; tot: number }): SqlQuery {
  checkJaar(p.van, 'beginjaar');
  checkJaar(p.tot, 'eindjaar');
  if (p.tot < p.van) throw new Error(`Het eindjaar ${p.tot} ligt voor het beginjaar ${p.van}.`);
  return {
    sql: `SELECT ?::INTEGER AS van, ?::INTEGER AS tot, coalesce(sum(budget_definitief - uitgaven), 0) AS saldo,
        coalesce(sum(budget_definitief), 0) AS budget,
        CASE WHEN sum(budget_definitief) <> 0 THEN 100 * sum(budget_definitief - uitgaven) / sum(budget_definitief) END AS saldoPct
      FROM ${TABEL} WHERE jaar BETWEEN ? AND ?`,
    params: [p.van, p.tot, p.van, p.tot],
  };
}

export function cumulatiefQuery(p: { van: number; tot: number }): MetricQuery<CumulatiefRij> {
  return { ...cumulatiefSql(p), extracts: EXTRACTS, shape: (table) => toRows<CumulatiefRij>(table)[0] };
}

function perGemeenteSql(p: { jaar: number; regio?: readonly string[] }): SqlQuery {
  const r = regioFilter(p.regio);
  return {
    sql: `WITH ${gemeenteRegioCte()}
      SELECT b.jaar::INTEGER AS jaar, b.gemeente_code, coalesce(gr.naam, b.gemeente_code) AS naam, coalesce(gr.regio_code, 'onbekend') AS regio_code,
        b.budget_voorlopig AS voorlopig, b.budget_definitief AS definitief, b.uitgaven, b.budget_definitief - b.uitgaven AS saldo,
        CASE WHEN b.budget_definitief <> 0 THEN 100 * (b.budget_definitief - b.uitgaven) / b.budget_definitief END AS saldoPct
      FROM ${TABEL} b LEFT JOIN gr USING (gemeente_code)
      WHERE b.jaar = ?${r.sql.replaceAll('gemeente_code', 'b.gemeente_code')}
      ORDER BY saldoPct, b.gemeente_code`,
    params: [checkJaar(p.jaar, 'jaar'), ...r.params],
  };
}

export function perGemeenteQuery(p: { jaar: number; regio?: readonly string[] }): MetricQuery<GemeenteRij[]> {
  return { ...perGemeenteSql(p), extracts: EXTRACTS, shape: (table) => toRows<GemeenteRij>(table) };
}

function spreidingSql(p: { jaar: number }): SqlQuery {
  return {
    sql: `WITH g AS (SELECT 100 * (budget_definitief - uitgaven) / budget_definitief AS pct FROM ${TABEL}
                     WHERE jaar = ? AND budget_definitief <> 0)
      SELECT ?::INTEGER AS jaar, count(*)::BIGINT AS gemeenten,
        quantile_cont(pct, 0.10) AS p10, quantile_cont(pct, 0.25) AS p25, quantile_cont(pct, 0.5) AS mediaan,
        quantile_cont(pct, 0.75) AS p75, quantile_cont(pct, 0.90) AS p90,
        100.0 * count(*) FILTER (WHERE pct < 0) / count(*) AS pctTekort
      FROM g`,
    params: [checkJaar(p.jaar, 'jaar'), p.jaar],
  };
}

export function spreidingQuery(p: { jaar: number }): MetricQuery<SpreidingRij> {
  return { ...spreidingSql(p), extracts: EXTRACTS, shape: (table) => toRows<SpreidingRij>(table)[0] };
}


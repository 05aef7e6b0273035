/**
 * Beschut werk metrics (DOMAIN.md §3) on `beschut_adviezen` and `beschut_plekken`. Same functions
 * in the browser and in Node: each `…Query` returns a MetricQuery (SQL, params, extracts read,
 * shape), run with `runMetric(engine, q)` or by the query layer.
 *
 * PUBLIC API
 *   Maand = 'yyyy-mm'; Datum = 'yyyy-mm-dd'; aanvrager 'gemeente' | 'burger', plus 'totaal' in results
 *   perMaandQuery(p: PeriodeParams): MaandRij[]
 *       per month × aanvrager (and a 'totaal' row per month): beoordelingen, positief, pctPositief
 *   periodeTotaalQuery(p: PeriodeParams): PeriodeRij[]
 *       totals over the period per aanvrager + 'totaal', and the average per month
 *   cumulatiefPositiefQuery({ tot: Datum }): number   positive adviezen up to a date
 *   plekkenQuery(p: PlekkenParams): PlekkenRij[]
 *       per peildatum: plekken, taakstelling, realisatie % of taakstelling, gemeenten without a place
 *   rangordeQuery(p: RangordeParams): RangordeRij[]
 *       gemeenten or regions ranked by positive adviezen (in a period) relative to the taakstelling
 *       of a year; verhouding > 1 means more positive adviezen than places to offer
 *   jaarExtrapolatieQuery({ jaar, totMaand }): Extrapolatie
 *       LINEAR year-end extrapolation of positive adviezen (the ministry's reasoning in 2017:
 *       601 in five months → 1,442 for the year); always labelled as an extrapolation
 * Gemeente → region uses the reference list src/lib/extracts/gemeenten.ts (built into the SQL as a
 * constant table, never from user input).
 */
import type { ExtractName, SqlParam } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { AANVRAGERS, type Aanvrager } from '../extracts/contracts.ts';
import { isRegioCode } from '../extracts/regions.ts';
import type { MetricQuery, SqlQuery } from '../sql/query.ts';
import { gemeenteRegioCte } from './gemeente-regio-sql.ts';

export interface PeriodeParams {
  /** First month, 'yyyy-mm' (inclusive). */
  van: string;
  /** Last month, 'yyyy-mm' (inclusive). */
  tot: string;
  aanvrager?: readonly Aanvrager[];
  regio?: readonly string[];
}
export interface MaandRij {
  maand: string;
  aanvrager: Aanvrager | 'totaal';
  beoordelingen: number;
  positief: number;
  pctPositief: number | null;
}
export interface PeriodeRij {
  van: string;
  tot: string;
  aanvrager: Aanvrager | 'totaal';
  beoordelingen: number;
  positief: number;
  pctPositief: number | null;
  maanden: number;
  gemiddeldPerMaand: number;
}
export interface PlekkenParams { regio?: readonly string[]; van?: string; tot?: string }
export interface PlekkenRij {
  peildatum: string;
  plekken: number;
  taakstelling: number;
  /** plekken / taakstelling × 100; null when there is no taakstelling. */
  realisatiePct: number | null;
  gemeenten: number;
  gemeentenZonderPlek: number;
  pctGemeentenZonderPlek: number;
}
export interface RangordeParams {
  niveau: 'gemeente' | 'regio';
  /** Positive adviezen with besluitdatum in [van, tot] (yyyy-mm-dd). */
  van: string;
  tot: string;
  /** Taakstelling of this year (the value at the year's last peildatum). */
  taakstellingJaar: number;
}
export interface RangordeRij {
  rang: number;
  code: string;
  naam: string;
  positief: number;
  taakstelling: number;
  /** positief / taakstelling; null without taakstelling. */
  verhouding: number | null;
}
export interface Extrapolatie {
  jaar: number;
  totMaand: string;
  maanden: number;
  positiefTotNu: number;
  /** positiefTotNu × 12 / maanden. */
  extrapolatieJaar: number;
  label: 'lineaire extrapolatie';
}

const ADVIEZEN = 'beschut_adviezen' satisfies ExtractName;
const PLEKKEN = 'beschut_plekken' satisfies ExtractName;

function checkMaand(m: string, wat: string): { jaar: number; maand: number } {
  const x = /^(\d{4})-(\d{2})$/.exec(m);
  if (!x || Number(x[2]) < 1 || Number(x[2]) > 12) throw new Error(`Ongeldige ${wat}: "${m}" (verwacht bijvoorbeeld 2017-05).`);
  return { jaar: Number(x[1]), maand: Number(x[2]) };
}
function checkDatum(d: string, wat: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) {
    throw new Error(`Ongeldige ${wat}: "${d}" (verwacht bijvoorbeeld 2017-05-31).`);
  }
  return d;
}
function maandBegin(m: string): string {
  return `${m}-01`;
}
function maandEinde(m: string): string {
  const { jaar, maand } = checkMaand(m, 'maand');
  return new Date(Date.UTC(jaar, maand, 0)).toISOString().slice(0, 10);
}
function maandenTussen(van: string, tot: string): number {
  const a = checkMaand(van, 'beginmaand');
  const b = checkMaand(tot, 'eindmaand');
  const n = (b.jaar - a.jaar) * 12 + b.maand - a.maand + 1;
  if (n < 1) throw new Error(`De periode ${van} t/m ${tot} is leeg.`);
  return n;
}

function regioFilter(regio: readonly string[] | undefined, kolom: string): { sql: string; params: SqlParam[] } {
  if (!regio || regio.length === 0) return { sql: '', params: [] };
  for (const r of regio) if (!isRegioCode(r)) throw new Error(`Onbekende arbeidsmarktregio: "${r}".`);
  return {
    sql: ` AND ${kolom} IN (SELECT gemeente_code FROM gr WHERE regio_code IN (${regio.map(() => '?').join(', ')}))`,
    params: [...regio],
  };
}

function adviesFilter(p: PeriodeParams): { sql: string; params: SqlParam[] } {
  maandenTussen(p.van, p.tot);
  const params: SqlParam[] = [maandBegin(p.van), maandEinde(p.tot)];
  let sql = 'besluitdatum BETWEEN ?::DATE AND ?::DATE';
  if (p.aanvrager && p.aanvrager.length > 0) {
    for (const a of p.aanvrager) if (!(AANVRAGERS as readonly string[]).includes(a)) throw new Error(`Onbekende aanvrager: "${a}".`);
    sql += ` AND aanvrager IN (${p.aanvrager.map(() => '?').join(', ')})`;
    params.push(...p.aanvrager);
  }
  const r = regioFilter(p.regio, 'gemeente_code');
  return { sql: sql + r.sql, params: [...params, ...r.params] };
}

function perMaandSql(p: PeriodeParams): SqlQuery {
  const f = adviesFilter(p);
  return {
    sql: `WITH ${gemeenteRegioCte()},
      a AS (SELECT strftime(besluitdatum, '%Y-%m') AS maand, aanvrager, count(*)::BIGINT AS beoordelingen,
                   count(*) FILTER (WHERE uitkomst = 'positief')::BIGINT AS positief
            FROM ${ADVIEZEN} WHERE ${f.sql} GROUP BY GROUPING SETS ((1, 2), (1)))
      SELECT maand, coalesce(aanvrager, 'totaal') AS aanvrager, beoordelingen, positief,
             CASE WHEN beoordelingen > 0 THEN 100.0 * positief / beoordelingen END AS pctPositief
      FROM a ORDER BY maand, (aanvrager IS NULL), aanvrager`,
    params: f.params,
  };
}

export function perMaandQuery(p: PeriodeParams): MetricQuery<MaandRij[]> {
  return { ...perMaandSql(p), extracts: [ADVIEZEN], shape: (table) => toRows<MaandRij>(table) };
}

function periodeTotaalSql(p: PeriodeParams): SqlQuery {
  const f = adviesFilter(p);
  const n = maandenTussen(p.van, p.tot);
  return {
    sql: `WITH ${gemeenteRegioCte()},
      a AS (SELECT aanvrager, count(*)::BIGINT AS beoordelingen, count(*) FILTER (WHERE uitkomst = 'positief')::BIGINT AS positief
            FROM ${ADVIEZEN} WHERE ${f.sql} GROUP BY GROUPING SETS ((aanvrager), ()))
      SELECT ?::VARCHAR AS van, ?::VARCHAR AS tot, coalesce(aanvrager, 'totaal') AS aanvrager, beoordelingen, positief,
             CASE WHEN beoordelingen > 0 THEN 100.0 * positief / beoordelingen END AS pctPositief,
             ${n}::INTEGER AS maanden, beoordelingen / ${n}.0 AS gemiddeldPerMaand
      FROM a ORDER BY (aanvrager IS NULL), aanvrager`,
    params: [...f.params, p.van, p.tot],
  };
}

export function periodeTotaalQuery(p: PeriodeParams): MetricQuery<PeriodeRij[]> {
  return { ...periodeTotaalSql(p), extracts: [ADVIEZEN], shape: (table) => aanvullen(p, toRows<PeriodeRij>(table)) };
}

function aanvullen(p: PeriodeParams, rijen: PeriodeRij[]): PeriodeRij[] {
  // Every aanvrager asked for appears, also with zero beoordelingen.
  const gevraagd = p.aanvrager && p.aanvrager.length ? p.aanvrager : AANVRAGERS;
  const n = maandenTussen(p.van, p.tot);
  for (const a of [...gevraagd, 'totaal' as const]) {
    if (!rijen.some((r) => r.aanvrager === a)) {
      rijen.push({ van: p.van, tot: p.tot, aanvrager: a, beoordelingen: 0, positief: 0, pctPositief: null, maanden: n, gemiddeldPerMaand: 0 });
    }
  }
  const volgorde = [...AANVRAGERS, 'totaal'];
  return rijen.sort((x, y) => volgorde.indexOf(x.aanvrager) - volgorde.indexOf(y.aanvrager));
}

function cumulatiefPositiefSql(p: { tot: string; regio?: readonly string[] }): SqlQuery {
  const r = regioFilter(p.regio, 'gemeente_code');
  return {
    sql: `WITH ${gemeenteRegioCte()}
      SELECT count(*)::BIGINT AS positief FROM ${ADVIEZEN}
      WHERE uitkomst = 'positief' AND besluitdatum <= ?::DATE${r.sql}`,
    params: [checkDatum(p.tot, 'datum'), ...r.params],
  };
}

export function cumulatiefPositiefQuery(p: { tot: string; regio?: readonly string[] }): MetricQuery<number> {
  return { ...cumulatiefPositiefSql(p), extracts: [ADVIEZEN], shape: (table) => toRows<{ positief: number }>(table)[0]?.positief ?? 0 };
}

function plekkenSql(p: PlekkenParams = {}): SqlQuery {
  const r = regioFilter(p.regio, 'gemeente_code');
  const params: SqlParam[] = [...r.params];
  let datum = '';
  if (p.van) {
    datum += ' AND peildatum >= ?::DATE';
    params.push(checkDatum(p.van, 'begindatum'));
  }
  if (p.tot) {
    datum += ' AND peildatum <= ?::DATE';
    params.push(checkDatum(p.tot, 'einddatum'));
  }
  return {
    sql: `WITH ${gemeenteRegioCte()}
      SELECT strftime(peildatum, '%Y-%m-%d') AS peildatum, sum(plekken)::BIGINT AS plekken, sum(taakstelling)::BIGINT AS taakstelling,
        CASE WHEN sum(taakstelling) > 0 THEN 100.0 * sum(plekken) / sum(taakstelling) END AS realisatiePct,
        count(*)::BIGINT AS gemeenten, count(*) FILTER (WHERE plekken = 0)::BIGINT AS gemeentenZonderPlek,
        100.0 * count(*) FILTER (WHERE plekken = 0) / count(*) AS pctGemeentenZonderPlek
      FROM ${PLEKKEN} WHERE true${r.sql}${datum}
      GROUP BY peildatum ORDER BY peildatum`,
    params,
  };
}

export function plekkenQuery(p: PlekkenParams = {}): MetricQuery<PlekkenRij[]> {
  return { ...plekkenSql(p), extracts: [PLEKKEN], shape: (table) => toRows<PlekkenRij>(table) };
}

function rangordeSql(p: RangordeParams): SqlQuery {
  if (p.niveau !== 'gemeente' && p.niveau !== 'regio') throw new Error(`Onbekend niveau: "${String(p.niveau)}" (gemeente of regio).`);
  if (!Number.isInteger(p.taakstellingJaar)) throw new Error(`Ongeldig jaar voor de taakstelling: ${p.taakstellingJaar}.`);
  const code = p.niveau === 'gemeente' ? 'gr.gemeente_code' : 'gr.regio_code';
  const naam = p.niveau === 'gemeente' ? 'any_value(gr.naam)' : 'gr.regio_code';
  return {
    sql: `WITH ${gemeenteRegioCte()},
      pos AS (SELECT gemeente_code, count(*)::BIGINT AS positief FROM ${ADVIEZEN}
              WHERE uitkomst = 'positief' AND besluitdatum BETWEEN ?::DATE AND ?::DATE GROUP BY gemeente_code),
      taak AS (SELECT gemeente_code, arg_max(taakstelling, peildatum) AS taakstelling FROM ${PLEKKEN}
               WHERE year(peildatum) = ? GROUP BY gemeente_code),
      g AS (SELECT ${code} AS code, ${naam} AS naam, sum(coalesce(pos.positief, 0))::BIGINT AS positief,
                   sum(coalesce(taak.taakstelling, 0))::BIGINT AS taakstelling
            FROM gr LEFT JOIN pos USING (gemeente_code) LEFT JOIN taak USING (gemeente_code)
            GROUP BY ${code})
      SELECT row_number() OVER (ORDER BY positief / nullif(taakstelling, 0) DESC NULLS LAST, positief DESC, code)::INTEGER AS rang,
             code, naam, positief, taakstelling,
             CASE WHEN taakstelling > 0 THEN positief / taakstelling END AS verhouding
      FROM g ORDER BY rang`,
    params: [checkDatum(p.van, 'begindatum'), checkDatum(p.tot, 'einddatum'), p.taakstellingJaar],
  };
}

export function rangordeQuery(p: RangordeParams): MetricQuery<RangordeRij[]> {
  return { ...rangordeSql(p), extracts: [ADVIEZEN, PLEKKEN], shape: (table) => toRows<RangordeRij>(table) };
}

/** Linear year-end extrapolation of positive adviezen from January up to `totMaand` (labelled as such). */
export function jaarExtrapolatieQuery(p: { jaar: number; totMaand: string }): MetricQuery<Extrapolatie> {
  const { jaar, maand } = checkMaand(p.totMaand, 'maand');
  if (jaar !== p.jaar) throw new Error(`De maand ${p.totMaand} ligt niet in ${p.jaar}.`);
  const totaal = periodeTotaalQuery({ van: `${p.jaar}-01`, tot: p.totMaand });
  return {
    ...totaal,
    shape: (table) => {
      const positief = totaal.shape(table).find((r) => r.aanvrager === 'totaal')?.positief ?? 0;
      return { jaar, totMaand: p.totMaand, maanden: maand, positiefTotNu: positief, extrapolatieJaar: (positief * 12) / maand, label: 'lineaire extrapolatie' };
    },
  };
}

/**
 * Beschut werk metrics (DOMAIN.md §3) on `beschut_adviezen` and `beschut_plekken`. Same functions
 * in the browser and in Node: each `…Query` returns a MetricQuery (SQL, params, extracts read,
 * shape), run with `runMetric(engine, q)` or by the query layer. What the page derives from the
 * answers without asking again (period totals, extrapolation, regions, comparison) is in
 * beschut-afleiden.ts.
 *
 * PUBLIC API
 *   Maand = 'yyyy-mm'; Datum = 'yyyy-mm-dd'; aanvrager 'gemeente' | 'burger', plus 'totaal' in results
 *   perMaandQuery(p: PeriodeParams): MaandRij[]
 *       EVERY month of the period × aanvrager (and a 'totaal' row per month), months without
 *       beoordelingen as rows with 0: beoordelingen, positief, pctPositief with a 95% Wilson interval
 *   perJaarQuery(p: GebiedFilter): JaarRij[]   the same per calendar year, every year of the extract
 *   periodeTotaalQuery(p: PeriodeParams): PeriodeRij[]
 *       totals over the period per aanvrager + 'totaal', and the average per month
 *   cumulatiefPositiefQuery({ tot: Datum }): number   positive adviezen up to a date
 *   plekkenQuery(p: PlekkenParams): PlekkenRij[]
 *       per peildatum: plekken, taakstelling, realisatie % of taakstelling, gemeenten without a place
 *   (per gemeente: beschut-gemeenten.ts)
 *   jaarExtrapolatieQuery({ jaar, totMaand }): Extrapolatie
 *       LINEAR year-end extrapolation of positive adviezen (the ministry's reasoning in 2017:
 *       601 in five months → 1,442 for the year); always labelled as an extrapolation
 * Gemeente → region uses the reference list src/lib/extracts/gemeenten.ts (built into the SQL as a
 * constant table, never from user input).
 */
import type { ExtractName, SqlParam } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { AANVRAGERS, type Aanvrager } from '../extracts/contracts.ts';
import { GEMEENTEN } from '../extracts/gemeenten.ts';
import { isRegioCode } from '../extracts/regions.ts';
import type { MetricQuery, SqlQuery } from '../sql/query.ts';
import { gemeenteRegioCte } from './gemeente-regio-sql.ts';
import { jarenVoorberekend, maandenVoorberekend, plekkenVoorberekend, tweelingenVoorberekend, type MetKaart, type MetTweelingen } from './beschut-voorberekend.ts';
import { wilsonInterval } from './stats.ts';

/** Which gemeenten count: all, those of some regions, or some gemeenten (both: the intersection). */
export interface GebiedFilter {
  regio?: readonly string[];
  gemeente?: readonly string[];
}
export interface PeriodeParams extends GebiedFilter {
  /** First month, 'yyyy-mm' (inclusive). */
  van: string;
  /** Last month, 'yyyy-mm' (inclusive). */
  tot: string;
  aanvrager?: readonly Aanvrager[];
}
interface Telling {
  aanvrager: Aanvrager | 'totaal';
  beoordelingen: number;
  positief: number;
  /** Percentage 0–100; null without beoordelingen. */
  pctPositief: number | null;
  /** 95% Wilson interval of pctPositief (percentages); null without beoordelingen. */
  wilsonOnder: number | null;
  wilsonBoven: number | null;
}
export interface MaandRij extends Telling {
  maand: string;
}
export interface JaarRij extends Telling {
  jaar: number;
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
export interface PlekkenParams extends GebiedFilter {
  van?: string;
  tot?: string;
}
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
export interface Extrapolatie {
  jaar: number;
  totMaand: string;
  maanden: number;
  positiefTotNu: number;
  /** positiefTotNu × 12 / maanden. */
  extrapolatieJaar: number;
  label: 'lineaire extrapolatie';
}

export const ADVIEZEN = 'beschut_adviezen' satisfies ExtractName;
export const PLEKKEN = 'beschut_plekken' satisfies ExtractName;
const GEMEENTE_CODES = new Set(GEMEENTEN.map((g) => g.code));

export function checkMaand(m: string, wat = 'maand'): { jaar: number; maand: number } {
  const x = /^(\d{4})-(\d{2})$/.exec(m);
  if (!x || Number(x[2]) < 1 || Number(x[2]) > 12) throw new Error(`Ongeldige ${wat}: "${m}" (verwacht bijvoorbeeld 2017-05).`);
  return { jaar: Number(x[1]), maand: Number(x[2]) };
}
export function checkDatum(d: string, wat: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) {
    throw new Error(`Ongeldige ${wat}: "${d}" (verwacht bijvoorbeeld 2017-05-31).`);
  }
  return d;
}
export function maandBegin(m: string): string {
  return `${m}-01`;
}
/** Last day of a month 'yyyy-mm' as 'yyyy-mm-dd'. */
export function maandEinde(m: string): string {
  const { jaar, maand } = checkMaand(m, 'maand');
  return new Date(Date.UTC(jaar, maand, 0)).toISOString().slice(0, 10);
}
/** Number of months from `van` to `tot`, both included; throws on an empty period. */
export function maandenTussen(van: string, tot: string): number {
  const a = checkMaand(van, 'beginmaand');
  const b = checkMaand(tot, 'eindmaand');
  const n = (b.jaar - a.jaar) * 12 + b.maand - a.maand + 1;
  if (n < 1) throw new Error(`De periode ${van} t/m ${tot} is leeg.`);
  return n;
}

/** Percentage and Wilson interval (percentages) of positief out of beoordelingen. */
export function metInterval<T extends { beoordelingen: number; positief: number }>(r: T): T & Pick<Telling, 'pctPositief' | 'wilsonOnder' | 'wilsonBoven'> {
  if (r.beoordelingen <= 0) return { ...r, pctPositief: null, wilsonOnder: null, wilsonBoven: null };
  const w = wilsonInterval(r.positief, r.beoordelingen);
  return { ...r, pctPositief: (100 * r.positief) / r.beoordelingen, wilsonOnder: 100 * w.onder, wilsonBoven: 100 * w.boven };
}

/** `AND kolom IN (gemeenten of the chosen regions / the chosen gemeenten)`; codes checked against the lists. */
export function gebiedFilter(g: GebiedFilter, kolom: string): { sql: string; params: SqlParam[] } {
  let sql = '';
  const params: SqlParam[] = [];
  if (g.regio && g.regio.length > 0) {
    for (const r of g.regio) if (!isRegioCode(r)) throw new Error(`Onbekende arbeidsmarktregio: "${r}".`);
    sql += ` AND ${kolom} IN (SELECT gemeente_code FROM gr WHERE regio_code IN (${g.regio.map(() => '?').join(', ')}))`;
    params.push(...g.regio);
  }
  if (g.gemeente && g.gemeente.length > 0) {
    for (const c of g.gemeente) if (!GEMEENTE_CODES.has(c)) throw new Error(`Onbekende gemeente: "${c}".`);
    sql += ` AND ${kolom} IN (${g.gemeente.map(() => '?').join(', ')})`;
    params.push(...g.gemeente);
  }
  return { sql, params };
}

function aanvragers(p: PeriodeParams): readonly Aanvrager[] {
  if (!p.aanvrager || p.aanvrager.length === 0) return AANVRAGERS;
  for (const a of p.aanvrager) if (!(AANVRAGERS as readonly string[]).includes(a)) throw new Error(`Onbekende aanvrager: "${a}".`);
  return p.aanvrager;
}

export function adviesFilter(p: PeriodeParams): { sql: string; params: SqlParam[] } {
  maandenTussen(p.van, p.tot);
  const a = aanvragers(p);
  const params: SqlParam[] = [maandBegin(p.van), maandEinde(p.tot)];
  let sql = 'besluitdatum BETWEEN ?::DATE AND ?::DATE';
  if (p.aanvrager && p.aanvrager.length > 0) {
    sql += ` AND aanvrager IN (${a.map(() => '?').join(', ')})`;
    params.push(...a);
  }
  const g = gebiedFilter(p, 'gemeente_code');
  return { sql: sql + g.sql, params: [...params, ...g.params] };
}

/** Counts per period key × aanvrager on a grid of every key × aanvrager (0 where nothing), plus a 'totaal' row per key. */
function rasterSql(sleutels: string, sleutelExpr: string, a: readonly Aanvrager[], filter: { sql: string; params: SqlParam[] }, extraParams: SqlParam[]): SqlQuery {
  return {
    sql: `WITH ${gemeenteRegioCte()},
      k AS (${sleutels}),
      a AS (SELECT * FROM (VALUES ${a.map(() => '(?)').join(', ')}) v(aanvrager)),
      c AS (SELECT ${sleutelExpr} AS sleutel, aanvrager::VARCHAR AS aanvrager, count(*)::BIGINT AS beoordelingen,
                   count(*) FILTER (WHERE uitkomst = 'positief')::BIGINT AS positief
            FROM ${ADVIEZEN} WHERE ${filter.sql} GROUP BY ALL),
      x AS (SELECT k.sleutel, a.aanvrager, coalesce(c.beoordelingen, 0)::BIGINT AS beoordelingen, coalesce(c.positief, 0)::BIGINT AS positief
            FROM k CROSS JOIN a LEFT JOIN c ON c.sleutel = k.sleutel AND c.aanvrager = a.aanvrager)
      SELECT * FROM (SELECT sleutel, aanvrager, beoordelingen, positief FROM x
        UNION ALL SELECT sleutel, 'totaal', sum(beoordelingen)::BIGINT, sum(positief)::BIGINT FROM x GROUP BY sleutel)
      ORDER BY sleutel, (aanvrager = 'totaal'), aanvrager`,
    params: [...extraParams, ...a, ...filter.params],
  };
}

function perMaandSql(p: PeriodeParams): SqlQuery {
  const f = adviesFilter(p);
  return rasterSql(
    `SELECT strftime(d, '%Y-%m') AS sleutel FROM generate_series(?::DATE::TIMESTAMP, ?::DATE::TIMESTAMP, INTERVAL 1 MONTH) t(d)`,
    `strftime(besluitdatum, '%Y-%m')`,
    aanvragers(p),
    f,
    [maandBegin(p.van), maandBegin(p.tot)],
  );
}

export function perMaandQuery(p: PeriodeParams): MetricQuery<MetKaart<MaandRij[]>> {
  // Nederland's months within one calendar year are also on a voorberekende map.
  const landelijk = !p.regio?.length && !p.gemeente?.length && !p.aanvrager?.length && p.van.slice(0, 4) === p.tot.slice(0, 4);
  return {
    ...perMaandSql(p),
    extracts: [ADVIEZEN],
    shape: (table) => toRows<{ sleutel: string; aanvrager: MaandRij['aanvrager']; beoordelingen: number; positief: number }>(table).map(({ sleutel, ...r }) => ({ maand: sleutel, ...metInterval(r) })),
    ...(landelijk ? { voorberekend: maandenVoorberekend(Number(p.van.slice(0, 4)), p.van, p.tot) } : {}),
  };
}

/**
 * Nederland's months the published figures need (benodigdeMaanden): perMaandQuery, and on a
 * voorberekende map the twins as written there instead of months.
 */
export function gepubliceerdeMaandenQuery(p: { van: string; tot: string }): MetricQuery<MetTweelingen<MaandRij[]>> {
  const { voorberekend: _, ...vraag } = perMaandQuery(p);
  return { ...vraag, voorberekend: tweelingenVoorberekend() };
}

function perJaarSql(g: GebiedFilter): SqlQuery {
  const f = gebiedFilter(g, 'gemeente_code');
  return rasterSql(
    `SELECT j::VARCHAR AS sleutel FROM (SELECT min(year(besluitdatum)) AS a, max(year(besluitdatum)) AS b FROM ${ADVIEZEN}), generate_series(a, b) t(j)`,
    `year(besluitdatum)::VARCHAR`,
    AANVRAGERS,
    { sql: `true${f.sql}`, params: f.params },
    [],
  );
}

/** Per calendar year of the extract × aanvrager (+ totaal), years without beoordelingen as 0. */
export function perJaarQuery(g: GebiedFilter = {}): MetricQuery<JaarRij[]> {
  // Nederland's years (no filter) are also on a voorberekende map.
  const landelijk = !g.regio?.length && !g.gemeente?.length;
  return {
    ...perJaarSql(g),
    extracts: [ADVIEZEN],
    shape: (table) => toRows<{ sleutel: string; aanvrager: JaarRij['aanvrager']; beoordelingen: number; positief: number }>(table).map(({ sleutel, ...r }) => ({ jaar: Number(sleutel), ...metInterval(r) })),
    ...(landelijk ? { voorberekend: jarenVoorberekend() } : {}),
  };
}

function periodeTotaalSql(p: PeriodeParams): SqlQuery {
  const f = adviesFilter(p);
  const n = maandenTussen(p.van, p.tot);
  return {
    sql: `WITH ${gemeenteRegioCte()},
      a AS (SELECT aanvrager::VARCHAR AS aanvrager, count(*)::BIGINT AS beoordelingen, count(*) FILTER (WHERE uitkomst = 'positief')::BIGINT AS positief
            FROM ${ADVIEZEN} WHERE ${f.sql} GROUP BY GROUPING SETS ((1), ()))
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
  const n = maandenTussen(p.van, p.tot);
  for (const a of [...aanvragers(p), 'totaal' as const]) {
    if (!rijen.some((r) => r.aanvrager === a)) {
      rijen.push({ van: p.van, tot: p.tot, aanvrager: a, beoordelingen: 0, positief: 0, pctPositief: null, maanden: n, gemiddeldPerMaand: 0 });
    }
  }
  const volgorde = [...AANVRAGERS, 'totaal'];
  return rijen.sort((x, y) => volgorde.indexOf(x.aanvrager) - volgorde.indexOf(y.aanvrager));
}

function cumulatiefPositiefSql(p: { tot: string; regio?: readonly string[] }): SqlQuery {
  const r = gebiedFilter({ regio: p.regio }, 'gemeente_code');
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
  const g = gebiedFilter(p, 'gemeente_code');
  const params: SqlParam[] = [...g.params];
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
      FROM ${PLEKKEN} WHERE true${g.sql}${datum}
      GROUP BY peildatum ORDER BY peildatum`,
    params,
  };
}

export function plekkenQuery(p: PlekkenParams = {}): MetricQuery<PlekkenRij[]> {
  // Nederland's places (no filter) are also on a voorberekende map.
  const landelijk = !p.regio?.length && !p.gemeente?.length && !p.van && !p.tot;
  return { ...plekkenSql(p), extracts: [PLEKKEN], shape: (table) => toRows<PlekkenRij>(table), ...(landelijk ? { voorberekend: plekkenVoorberekend() } : {}) };
}

/** Linear year-end extrapolation of positive adviezen from January up to `totMaand` (labelled as such). */
export function jaarExtrapolatieQuery(p: { jaar: number; totMaand: string }): MetricQuery<Extrapolatie> {
  const { jaar, maand } = checkMaand(p.totMaand, 'maand');
  if (jaar !== p.jaar) throw new Error(`De maand ${p.totMaand} ligt niet in ${p.jaar}.`);
  const totaal = periodeTotaalQuery({ van: `${p.jaar}-01`, tot: p.totMaand });
  // Another answer than the totals: a variant of theirs would not fit it.
  const { voorberekend: _, ...vraag } = totaal;
  return {
    ...vraag,
    shape: (table) => {
      const positief = totaal.shape(table).find((r) => r.aanvrager === 'totaal')?.positief ?? 0;
      return { jaar, totMaand: p.totMaand, maanden: maand, positiefTotNu: positief, extrapolatieJaar: (positief * 12) / maand, label: 'lineaire extrapolatie' };
    },
  };
}

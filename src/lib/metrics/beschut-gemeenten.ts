/**
 * Beschut werk per gemeente (DOMAIN.md §3), on the same extracts and filters as beschut.ts.
 *
 * PUBLIC API
 *   gemeentenQuery({ van, tot }): GemeenteRij[]
 *       every gemeente of the reference list: beoordelingen and positief per aanvrager in the
 *       period, the taakstelling of the year of `tot`, plekken at the last peildatum up to `tot`
 *   perMaandGemeentenQuery({ van, tot, regio }) / plekkenGemeentenQuery({ regio }): one region's
 *       gemeenten per month (or peildatum), for disclosure control of one gemeente
 *   rangordeQuery(p: RangordeParams): RangordeRij[]
 *       gemeenten or regions ranked by positive adviezen (in a period) relative to the taakstelling
 *       of a year; verhouding > 1 means more positive adviezen than places to offer
 */
import { toRows } from '../engine/rows.ts';
import type { Aanvrager } from '../extracts/contracts.ts';
import type { MetricQuery, SqlQuery } from '../sql/query.ts';
import { literal } from '../sql/quote.ts';
import { ADVIEZEN, adviesFilter, checkDatum, checkMaand, gebiedFilter, maandBegin, maandEinde, maandenTussen, PLEKKEN } from './beschut.ts';
import { gemeenteRegioCte } from './gemeente-regio-sql.ts';
import { gemeentenVoorberekend, kalenderjaar, type MetKaart } from './beschut-voorberekend.ts';

export interface GemeenteRij {
  code: string;
  naam: string;
  regio: string;
  beoordelingenGemeente: number;
  positiefGemeente: number;
  beoordelingenBurger: number;
  positiefBurger: number;
  /** Taakstelling of the year of `tot` (its last peildatum in that year); null when that year is not in the extract. */
  taakstelling: number | null;
  /** Places at `plekkenPeildatum`, the last peildatum up to the end of `tot`; null without one. */
  plekken: number | null;
  plekkenPeildatum: string | null;
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
function gemeentenSql(p: { van: string; tot: string }): SqlQuery {
  maandenTussen(p.van, p.tot);
  const jaar = checkMaand(p.tot, 'eindmaand').jaar;
  const telling = (a: Aanvrager) =>
    `count(*) FILTER (WHERE aanvrager = ${literal(a)})::BIGINT AS b_${a}, count(*) FILTER (WHERE aanvrager = ${literal(a)} AND uitkomst = 'positief')::BIGINT AS p_${a}`;
  return {
    sql: `WITH ${gemeenteRegioCte()},
      a AS (SELECT gemeente_code::VARCHAR AS gemeente_code, ${telling('gemeente')}, ${telling('burger')}
            FROM ${ADVIEZEN} WHERE besluitdatum BETWEEN ?::DATE AND ?::DATE GROUP BY 1),
      t AS (SELECT gemeente_code::VARCHAR AS gemeente_code, arg_max(taakstelling, peildatum) AS taakstelling
            FROM ${PLEKKEN} WHERE year(peildatum) = ? GROUP BY 1),
      pd AS (SELECT max(peildatum) AS d FROM ${PLEKKEN} WHERE peildatum <= ?::DATE),
      pl AS (SELECT gemeente_code::VARCHAR AS gemeente_code, plekken, peildatum FROM ${PLEKKEN} WHERE peildatum = (SELECT d FROM pd))
      SELECT gr.gemeente_code AS code, gr.naam, gr.regio_code AS regio,
             coalesce(a.b_gemeente, 0)::BIGINT AS beoordelingenGemeente, coalesce(a.p_gemeente, 0)::BIGINT AS positiefGemeente,
             coalesce(a.b_burger, 0)::BIGINT AS beoordelingenBurger, coalesce(a.p_burger, 0)::BIGINT AS positiefBurger,
             t.taakstelling::BIGINT AS taakstelling, pl.plekken::BIGINT AS plekken, strftime(pl.peildatum, '%Y-%m-%d') AS plekkenPeildatum
      FROM gr LEFT JOIN a USING (gemeente_code) LEFT JOIN t USING (gemeente_code) LEFT JOIN pl USING (gemeente_code)
      ORDER BY code`,
    params: [maandBegin(p.van), maandEinde(p.tot), jaar, maandEinde(p.tot)],
  };
}

/**
 * Every gemeente of the reference list with its adviezen in the period, taakstelling and places.
 * A calendar year is also on a voorberekende map (with the map's cells, beschut-voorberekend.ts).
 */
export function gemeentenQuery(p: { van: string; tot: string }): MetricQuery<MetKaart<GemeenteRij[]>> {
  const jaar = kalenderjaar(p);
  return {
    ...gemeentenSql(p),
    extracts: [ADVIEZEN, PLEKKEN],
    shape: (table) => toRows<GemeenteRij>(table),
    ...(jaar !== null ? { voorberekend: gemeentenVoorberekend(jaar) } : {}),
  };
}

export interface GemeenteMaandRij {
  maand: string;
  gemeente: string;
  aanvrager: Aanvrager;
  beoordelingen: number;
  positief: number;
}

/**
 * Per month × gemeente × aanvrager of one region's gemeenten (only cells with beoordelingen): what
 * disclosure control of one gemeente needs, because its region's months are shown too.
 */
export function perMaandGemeentenQuery(p: { van: string; tot: string; regio: string }): MetricQuery<GemeenteMaandRij[]> {
  const f = adviesFilter({ van: p.van, tot: p.tot, regio: [p.regio] });
  return {
    sql: `WITH ${gemeenteRegioCte()}
      SELECT strftime(besluitdatum, '%Y-%m') AS maand, gemeente_code::VARCHAR AS gemeente, aanvrager::VARCHAR AS aanvrager,
             count(*)::BIGINT AS beoordelingen, count(*) FILTER (WHERE uitkomst = 'positief')::BIGINT AS positief
      FROM ${ADVIEZEN} WHERE ${f.sql} GROUP BY ALL ORDER BY maand, gemeente, aanvrager`,
    params: f.params,
    extracts: [ADVIEZEN],
    shape: (table) => toRows<GemeenteMaandRij>(table),
  };
}

export interface GemeentePlekRij {
  peildatum: string;
  gemeente: string;
  plekken: number;
  taakstelling: number;
}

/** Places and taakstelling per peildatum of every gemeente in one region. */
export function plekkenGemeentenQuery(p: { regio: string }): MetricQuery<GemeentePlekRij[]> {
  const g = gebiedFilter({ regio: [p.regio] }, 'gemeente_code');
  return {
    sql: `WITH ${gemeenteRegioCte()}
      SELECT strftime(peildatum, '%Y-%m-%d') AS peildatum, gemeente_code::VARCHAR AS gemeente, plekken::BIGINT AS plekken, taakstelling::BIGINT AS taakstelling
      FROM ${PLEKKEN} WHERE true${g.sql} ORDER BY peildatum, gemeente`,
    params: g.params,
    extracts: [PLEKKEN],
    shape: (table) => toRows<GemeentePlekRij>(table),
  };
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


/**
 * The Duurzaamheid page's national cohort trends on a voorberekende map (`npm run compute`,
 * voorberekend/duurzaamheid.ts writes the table): per horizon, base quarter and achtergrond (and
 * their total, groep 'totaal') every count the outcome and uitstroom queries answer with, one row
 * per cell, a cell the disclosure control left empty written as NULL with its reason.
 *
 * The variants answer in the columns the metric's shape reads, plus per cell why it is empty
 * (`leeg_<kolom>`) and why the national total's cell is (`tleeg_<kolom>`). An empty cell of an
 * achtergrond gets a stand-in so that the achtergronden still add up to the written total (the
 * first empty one gets what the written ones leave, the others 0): the page adds groups up in many
 * places, and the total of all achtergronden is then the written one. Stand-ins are never printed:
 * the page's disclosure control treats every empty cell as hidden (duurzaamheid/beveiliging.ts).
 */
import type { MetricQuery, Voorberekend } from '../../sql/query.ts';
import type { Horizon, KwartaalVanJaar } from './filters.ts';

export const DUURZAAMHEID_COHORT_TABEL = 'agg_duurzaamheid_cohort';
/**
 * The contract trend per quarter, with no achtergrond (groep 'totaal') and with each single one:
 * one row per quarter and groep, left empty (NULL) as a whole where its werkzamen are.
 */
export const DUURZAAMHEID_CONTRACT_TABEL = 'agg_duurzaamheid_contract';
/** The group of the total over every achtergrond. */
export const TOTAAL_GROEP = 'totaal';
/** The outcome's counts, as the cohort query names its columns (and the table its `veld`). */
export const COHORT_KOLOMMEN = ['cohort', 'werkzaam', 'werk_verloren', 'uit_register', 'steeds_werkzaam', 'zelfde_baan'] as const;
/** The starters' counts, as the starters query names its columns; written with this horizon (they have none). */
export const STARTERS_KOLOMMEN = ['starters', 'werkzaam_1', 'zelfde_baan_1', 'werkzaam_2'] as const;
export const STARTERS_HORIZON = 0;
/** `veld` of an uitstroom reason's count: this prefix and the reason. */
export const UITSTROOM_PREFIX = 'uitstroom:';

type Variant = Voorberekend;

const SETUP = [{ name: DUURZAAMHEID_COHORT_TABEL, sql: `SELECT 'alleen voorberekend (npm run compute)'` }];

/** The cells of one horizon and quarter of the year with their stand-ins (`waarde`) and the total's mark (`tmerk`). */
function metVervanging(uitstroom: boolean): string {
  const velden = uitstroom ? `starts_with(veld, '${UITSTROOM_PREFIX}')` : `NOT starts_with(veld, '${UITSTROOM_PREFIX}')`;
  // A count not yet known (starters a year or two on) has no row: the pivot gives NULL, as the query does.
  return `a AS (
  SELECT kw, groep, veld, aantal, onderdrukt_reden AS merk,
    max(aantal) FILTER (WHERE groep = '${TOTAAL_GROEP}') OVER w AS t,
    coalesce(sum(aantal) FILTER (WHERE groep <> '${TOTAAL_GROEP}') OVER w, 0) AS geschreven,
    max(onderdrukt_reden) FILTER (WHERE groep = '${TOTAAL_GROEP}') OVER w AS tmerk,
    row_number() OVER (PARTITION BY kw, veld, (aantal IS NULL AND groep <> '${TOTAAL_GROEP}') ORDER BY groep) AS nr
  FROM ${DUURZAAMHEID_COHORT_TABEL}
  WHERE horizon = ? AND kw % 4 = ? AND ${velden}
  WINDOW w AS (PARTITION BY kw, veld)
),
b AS (
  SELECT kw, groep, veld, merk, tmerk,
    CAST(CASE WHEN aantal IS NOT NULL THEN aantal WHEN nr = 1 AND t IS NOT NULL THEN t - geschreven ELSE 0 END AS BIGINT) AS waarde
  FROM a WHERE groep <> '${TOTAAL_GROEP}'
)`;
}

/** One column per count with its marks, from the long rows. */
function kolommen(namen: readonly string[]): string {
  const kolom = (k: string) => `max(waarde) FILTER (WHERE veld = '${k}') AS ${k}`;
  const merk = (k: string) => `max(merk) FILTER (WHERE veld = '${k}') AS leeg_${k}, max(tmerk) FILTER (WHERE veld = '${k}') AS tleeg_${k}`;
  return `${namen.map(kolom).join(', ')},\n  ${namen.map(merk).join(',\n  ')}`;
}

/** A trend's counts (one column each, with the marks) per base quarter and group, of one horizon and quarter of the year. */
function trendVariant(namen: readonly string[], h: number, q: KwartaalVanJaar): Variant {
  return {
    sql: `WITH ${metVervanging(false)}
SELECT kw, groep, ${kolommen(namen)}
FROM b GROUP BY kw, groep ORDER BY kw, groep`,
    params: [h, q - 1],
    setup: SETUP,
  };
}

/** The outcome trend (cohortTrendQuery's columns) of one horizon and quarter of the year, with the marks. */
export function cohortTrendVoorberekend(h: Horizon, q: KwartaalVanJaar): Variant {
  return trendVariant(COHORT_KOLOMMEN, h, q);
}

/** The starters trend (startersTrendQuery's columns) of one quarter of the year, with the marks. */
export function startersTrendVoorberekend(q: KwartaalVanJaar): Variant {
  return trendVariant(STARTERS_KOLOMMEN, STARTERS_HORIZON, q);
}

/** The uitstroom trend (uitstroomTrendQuery's columns) of one horizon and quarter of the year, with the marks. */
export function uitstroomTrendVoorberekend(h: Horizon, q: KwartaalVanJaar): Variant {
  return {
    sql: `WITH ${metVervanging(true)}
SELECT kw, groep, substr(veld, ${UITSTROOM_PREFIX.length + 1}) AS reden, waarde AS aantal, merk AS leeg, tmerk AS tleeg
FROM b ORDER BY kw, groep, reden`,
    params: [h, q - 1],
    setup: SETUP,
  };
}

/** The contract trend (contractTrendQuery's columns) with no achtergrond or one, with the mark of an empty row. */
export function contractTrendVoorberekend(achtergrond: string | null): Variant {
  return {
    sql: `SELECT kw, '${TOTAAL_GROEP}' AS groep, coalesce(werkzamen, 0) AS werkzamen, coalesce(uren, 0) AS uren,
  coalesce(uren_onbepaald, 0) AS uren_onbepaald, duur, onderdrukt_reden AS leeg
FROM ${DUURZAAMHEID_CONTRACT_TABEL} WHERE groep = ? ORDER BY kw`,
    params: [achtergrond ?? TOTAAL_GROEP],
    setup: [{ name: DUURZAAMHEID_CONTRACT_TABEL, sql: `SELECT 'alleen voorberekend (npm run compute)'` }],
  };
}

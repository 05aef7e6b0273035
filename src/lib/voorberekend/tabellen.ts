/**
 * The voorberekende tabellen: the pre-aggregated tables the pages' SQL already reads (a metric
 * query's `setup`), which `npm run compute` writes as Parquet and the site registers instead of
 * building them from microdata. A closed list: the site registers only these names.
 *
 * Each table comes with its disclosure control, applied before anything is written: a cell that
 * counts fewer than 10 persons is written empty (NULL) with `onderdrukt = true`, never as a number,
 * and `onderdrukt_reden` says why: 'klein' (the cell itself holds a group under 10) or
 * 'bescherming' (left empty so that a small cell cannot be worked out from it and the national
 * total). The page prints each reason as it is: "x" on a small group, or "x" to protect another.
 */
import type { ExtractName } from '../engine/types.ts';
import { DIENSTVERBANDEN, SECTOREN } from '../extracts/contracts.ts';
import { kwartaalIndex } from '../kwartaal.ts';
import type { PanelBereik } from '../metrics/duurzaamheid/bereik.ts';
import { LEEG } from '../metrics/duurzaamheid/sql-fragments.ts';
import { cohortTrendQuery } from '../metrics/duurzaamheid/uitkomst.ts';
import { DUURZAAMHEID_COHORT_TABEL, DUURZAAMHEID_CONTRACT_TABEL } from '../metrics/duurzaamheid/voorberekend.ts';
import { BANEN_TABEL, banenQuery } from '../metrics/banen.ts';
import { landelijkQuery } from '../metrics/buig.ts';
import { plekkenQuery } from '../metrics/beschut.ts';
import { BESCHUT_GEBIED_TABEL, BESCHUT_GEPUBLICEERD_TABEL, BESCHUT_MAAND_TABEL, BESCHUT_PLEKKEN_TABEL } from '../metrics/beschut-voorberekend.ts';
import { beschikbareKwartalenQuery, REGIO_COHORT_TABEL } from '../metrics/regio.ts';
import { inlineParams } from '../sql/query.ts';
import { inList, literal } from '../sql/quote.ts';
import { DUURZAAMHEID_TEGEL_TABEL, duurzaamheidTrendQuery } from '../../pages/overzicht/duurzaamheid.ts';

export type KolomType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';

export interface VoorberekendeTabel {
  /** The name the pages' SQL reads, the same as the metric's setup statement. */
  naam: string;
  /** The page that reads it (Dutch, for the Data page). */
  pagina: string;
  extracts: readonly ExtractName[];
  /**
   * The statement that builds it: the metric's own setup statement (built exactly as the browser
   * builds it), or the metric's own query for every base quarter of the panel.
   */
  bouw: (bereik: PanelBereik | null) => string;
  /**
   * Filled after `bouw` by `npm run compute` in JavaScript (bereken.ts), where the decision needs
   * the page's own disclosure control: the Duurzaamheid table.
   */
  gevuld?: boolean;
  /**
   * One row per cell of the built table with `klein`: true when the cell must not be written, and
   * `bescherming`: true when that is only to protect a small cell (secondary suppression).
   */
  controle: string;
  /** Columns joining the table to its control rows (NULL matches NULL). */
  sleutel: readonly string[];
  /**
   * The control rows also say `geheim`: the page prints the empty cell "x" without a reason
   * (Beschut werk: every gemeente's count), and the file says no more than the page.
   */
  geheim?: true;
  /**
   * Whether the page shows a suppressed (empty) cell as suppressed (the Regio's page: "x", with
   * Nederland hidden in that quarter; never added as 0). A table whose page does not is refused
   * by the site when it has suppressed cells, rather than drawn with wrong numbers.
   */
  toontOnderdrukt: boolean;
  /** Columns written (ending with `onderdrukt` and `onderdrukt_reden`), in order, with their DuckDB types. */
  kolommen: readonly { naam: string; type: KolomType }[];
}

/** The marks every written table ends with (beveiligdeSelectie writes them). */
const MARKERINGEN = [{ naam: 'onderdrukt', type: 'BOOLEAN' }, { naam: 'onderdrukt_reden', type: 'VARCHAR' }] as const satisfies readonly { naam: string; type: KolomType }[];

/** The columns of a written table in order, then the marks. */
function metOnderdrukt(kolommen: Readonly<Record<string, KolomType>>): { naam: string; type: KolomType }[] {
  return [...Object.entries(kolommen).map(([naam, type]) => ({ naam, type })), ...MARKERINGEN];
}

const URENKOLOMMEN = [
  'uren', 'uren_markt', 'uren_overheid', 'uren_sector_onbekend',
  'uren_regulier', 'uren_uitzend', 'uren_detachering', 'uren_dienstverband_onbekend',
] as const;

/**
 * Secondary suppression: national figures per quarter are published (UWV) and equal the sum over
 * regions, so a quarter with exactly one small cell also loses its smallest other cell.
 * `primair` yields the key columns (`kw` and the region column), `n` (persons) and `klein`.
 */
function secundair(primair: string, regio: string): string {
  return `SELECT * EXCLUDE (n, aantal_klein, rang) REPLACE (klein OR (aantal_klein = 1 AND rang = 1) AS klein),
    (NOT klein AND aantal_klein = 1 AND rang = 1) AS bescherming
  FROM (
    SELECT *,
      count(*) FILTER (WHERE klein) OVER (PARTITION BY kw) AS aantal_klein,
      row_number() OVER (PARTITION BY kw ORDER BY klein, n, ${regio}) AS rang
    FROM (${primair}) AS p
  ) AS s`;
}

/**
 * A region × quarter cell is small when it counts fewer than 10 persons in the register or
 * werkzaam (0 included), or when one of its hours splits (sector, dienstverband) comes from 1–9
 * persons: hours of a few people are their own hours. A split with nobody (0 hours) is written.
 */
function regioControle(): string {
  return secundair(regioPrimair(), 'regio_code');
}

function regioPrimair(): string {
  const wie = (v: string) => `count(*) FILTER (WHERE uren > 0 AND (${v}))`;
  const splits = [
    `sector = ${literal(SECTOREN[0])}`, `sector = ${literal(SECTOREN[1])}`, `sector IS NULL OR sector NOT IN ${inList(SECTOREN)}`,
    `dienstverband = ${literal(DIENSTVERBANDEN[0])}`, `dienstverband = ${literal(DIENSTVERBANDEN[1])}`,
    `dienstverband = ${literal(DIENSTVERBANDEN[2])}`, `dienstverband IS NULL OR dienstverband NOT IN ${inList(DIENSTVERBANDEN)}`,
  ];
  return `SELECT CAST(regio_code AS VARCHAR) AS regio_code, CAST(${kwartaalIndex('peildatum')} AS INTEGER) AS kw, count(*) AS n,
    (count(*) < 10 OR count(*) FILTER (WHERE werkzaam) < 10
      ${splits.map((s) => `OR ${wie(s)} BETWEEN 1 AND 9`).join('\n      ')}) AS klein
  FROM doelgroep_kwartaal
  GROUP BY ALL`;
}

const regioSetup = beschikbareKwartalenQuery().setup![0];

/** Cohort per region and base quarter: small when the cohort, its werkzaam or its not-werkzaam count is under 10. */
function cohortControle(): string {
  return secundair(`SELECT kw, groep, cohort AS n, (cohort < 10 OR werkzaam < 10 OR cohort - werkzaam < 10) AS klein
  FROM ${REGIO_COHORT_TABEL}`, 'groep');
}

/** Every base quarter's werkzaam-na-1-jaar per region: the metric's own trend query. */
function cohortBouw(bereik: PanelBereik | null): string {
  const trend = bereik && cohortTrendQuery({ horizon: 4, split: 'regio_code' }, bereik);
  // A panel shorter than a year has no base quarter: the query then has no columns either.
  if (!trend || trend.sql === LEEG.sql) return `CREATE OR REPLACE TABLE ${REGIO_COHORT_TABEL} (kw INTEGER, groep VARCHAR, cohort BIGINT, werkzaam BIGINT)`;
  return `CREATE OR REPLACE TABLE ${REGIO_COHORT_TABEL} AS SELECT kw, groep, cohort, werkzaam FROM (${inlineParams(trend)}) AS t`;
}

const buigSetup = landelijkQuery().setup![0];

const MAAND_KOLOMMEN = 'jaar INTEGER, van VARCHAR, tot VARCHAR, maand VARCHAR, soort VARCHAR, aanvrager VARCHAR, aantal BIGINT, klein BOOLEAN, bescherming BOOLEAN, geheim BOOLEAN';
const TWEELING_KOLOMMEN = 'cijfer VARCHAR, berekend DOUBLE, klein BOOLEAN, bescherming BOOLEAN';

/** Beschut werk's national view per calendar year: the comparison (every unit), Nederland's months and places; the published figures' twins. */
const BESCHUT_PAGINA = 'Beschut werk (heel Nederland per kalenderjaar en de gepubliceerde cijfers; ook de tegel op het Overzicht)';

/** The Overzicht's Duurzaamheid tile: its own trend query (national, every third quarter) summed over achtergrond. */
function tegelBouw(bereik: PanelBereik | null): string {
  const trend = bereik && duurzaamheidTrendQuery(bereik);
  if (!trend || trend.sql === LEEG.sql)
    return `CREATE OR REPLACE TABLE ${DUURZAAMHEID_TEGEL_TABEL} (kw INTEGER, cohort BIGINT, werkzaam BIGINT, werk_verloren BIGINT, uit_register BIGINT)`;
  return `CREATE OR REPLACE TABLE ${DUURZAAMHEID_TEGEL_TABEL} AS
  SELECT CAST(kw AS INTEGER) AS kw, CAST(sum(cohort) AS BIGINT) AS cohort, CAST(sum(werkzaam) AS BIGINT) AS werkzaam,
    CAST(sum(werk_verloren) AS BIGINT) AS werk_verloren, CAST(sum(uit_register) AS BIGINT) AS uit_register
  FROM (${inlineParams(trend)}) AS t GROUP BY kw ORDER BY kw`;
}

export const TABELLEN: readonly VoorberekendeTabel[] = [
  {
    naam: regioSetup.name,
    pagina: "Regio's",
    extracts: ['doelgroep_kwartaal'],
    bouw: () => regioSetup.sql,
    controle: regioControle(),
    sleutel: ['regio_code', 'kw'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ regio_code: 'VARCHAR', kw: 'INTEGER', personen: 'BIGINT', werkzaam: 'BIGINT', ...Object.fromEntries(URENKOLOMMEN.map((naam) => [naam, 'DOUBLE'])) }),
  },
  {
    naam: REGIO_COHORT_TABEL,
    pagina: "Regio's",
    extracts: ['doelgroep_kwartaal'],
    bouw: cohortBouw,
    controle: cohortControle(),
    sleutel: ['kw', 'groep'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ kw: 'INTEGER', groep: 'VARCHAR', cohort: 'BIGINT', werkzaam: 'BIGINT' }),
  },
  {
    // National banen per quarter (the Overzicht tile): banenQuery's own answer. A quarter with
    // fewer than 10 werkzamen is written empty; the tile shows it as not shown (veiligGemiddelde).
    naam: BANEN_TABEL,
    pagina: 'Overzicht (tegel Banen)',
    extracts: ['doelgroep_kwartaal'],
    bouw: () => `CREATE OR REPLACE TABLE ${BANEN_TABEL} AS ${inlineParams(banenQuery())}`,
    controle: `SELECT kwartaal, peildatum, groep, werkzamen < 10 AS klein, false AS bescherming FROM ${BANEN_TABEL}`,
    sleutel: ['kwartaal', 'peildatum', 'groep'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ kwartaal: 'VARCHAR', peildatum: 'VARCHAR', groep: 'VARCHAR', uren: 'DOUBLE', banen: 'DOUBLE', werkzamen: 'BIGINT' }),
  },
  {
    // One row per base quarter: the tile prints the cohort and the shares werkzaam, werk verloren
    // and uit het register (parts of the cohort), so a quarter with any part under 10 is left empty.
    naam: DUURZAAMHEID_TEGEL_TABEL,
    pagina: 'Overzicht (tegel Duurzaamheid)',
    extracts: ['doelgroep_kwartaal'],
    bouw: tegelBouw,
    controle: `SELECT kw, (cohort < 10 OR werkzaam < 10 OR werk_verloren < 10 OR uit_register < 10) AS klein, false AS bescherming FROM ${DUURZAAMHEID_TEGEL_TABEL}`,
    sleutel: ['kw'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ kw: 'INTEGER', cohort: 'BIGINT', werkzaam: 'BIGINT', werk_verloren: 'BIGINT', uit_register: 'BIGINT' }),
  },
  {
    // The Duurzaamheid page, national: per horizon, base quarter and achtergrond (and their total)
    // every count of the outcome and uitstroom trends, one row per count. Which are written is
    // decided by the page's own disclosure control over every view that shows them, then over
    // the whole table with the regions' and the tile's counts of the same people
    // (duurzaamheid-besluit.ts); `klein` and `bescherming` are filled in with the counts.
    naam: DUURZAAMHEID_COHORT_TABEL,
    pagina: 'Duurzaamheid (heel Nederland)',
    extracts: ['doelgroep_kwartaal', 'doelgroep_uitstroom'],
    bouw: () => `CREATE OR REPLACE TABLE ${DUURZAAMHEID_COHORT_TABEL} (horizon INTEGER, kw INTEGER, groep VARCHAR, veld VARCHAR, aantal BIGINT, klein BOOLEAN, bescherming BOOLEAN)`,
    gevuld: true,
    controle: `SELECT horizon, kw, groep, veld, klein, bescherming FROM ${DUURZAAMHEID_COHORT_TABEL}`,
    sleutel: ['horizon', 'kw', 'groep', 'veld'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ horizon: 'INTEGER', kw: 'INTEGER', groep: 'VARCHAR', veld: 'VARCHAR', aantal: 'BIGINT' }),
  },
  {
    // The page's contract trend, national, with no achtergrond and each single one: per quarter
    // and groep the werkzamen, their hours and the mean job duration, a row left empty where the
    // cohort of that base quarter is (the same people; duurzaamheid-contract.ts).
    naam: DUURZAAMHEID_CONTRACT_TABEL,
    pagina: 'Duurzaamheid (heel Nederland)',
    extracts: ['doelgroep_kwartaal', 'doelgroep_uitstroom'],
    bouw: () => `CREATE OR REPLACE TABLE ${DUURZAAMHEID_CONTRACT_TABEL} (kw INTEGER, groep VARCHAR, werkzamen BIGINT, uren DOUBLE, uren_onbepaald DOUBLE, duur DOUBLE, klein BOOLEAN, bescherming BOOLEAN)`,
    gevuld: true,
    controle: `SELECT kw, groep, klein, bescherming FROM ${DUURZAAMHEID_CONTRACT_TABEL}`,
    sleutel: ['kw', 'groep'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ kw: 'INTEGER', groep: 'VARCHAR', werkzamen: 'BIGINT', uren: 'DOUBLE', uren_onbepaald: 'DOUBLE', duur: 'DOUBLE' }),
  },
  {
    // Beschut werk per calendar year, the page's national view of that year: every gemeente,
    // region and Nederland with its adviezen per soort (b beoordelingen, p positief, n negatief)
    // and aanvrager, its places and taakstelling, one row per count; written and left empty as
    // the page's own disclosure control decides (voorberekend/beschut.ts).
    naam: BESCHUT_GEBIED_TABEL,
    pagina: BESCHUT_PAGINA,
    extracts: ['beschut_adviezen', 'beschut_plekken'],
    // Both Beschut werk tables are created here and filled together (vulBeschut: one year at a time).
    bouw: () => `CREATE OR REPLACE TABLE ${BESCHUT_GEBIED_TABEL} (jaar INTEGER, van VARCHAR, tot VARCHAR, eenheid VARCHAR, soort VARCHAR, aanvrager VARCHAR, aantal BIGINT, klein BOOLEAN, bescherming BOOLEAN, geheim BOOLEAN, peildatum VARCHAR);
      CREATE OR REPLACE TABLE ${BESCHUT_MAAND_TABEL} (${MAAND_KOLOMMEN});
      CREATE OR REPLACE TABLE ${BESCHUT_GEPUBLICEERD_TABEL} (${TWEELING_KOLOMMEN})`,
    gevuld: true,
    controle: `SELECT jaar, van, tot, eenheid, soort, aanvrager, peildatum, klein, bescherming, geheim FROM ${BESCHUT_GEBIED_TABEL}`,
    sleutel: ['jaar', 'van', 'tot', 'eenheid', 'soort', 'aanvrager', 'peildatum'],
    geheim: true,
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ jaar: 'INTEGER', van: 'VARCHAR', tot: 'VARCHAR', eenheid: 'VARCHAR', soort: 'VARCHAR', aanvrager: 'VARCHAR', aantal: 'BIGINT', peildatum: 'VARCHAR' }),
  },
  {
    // Nederland's months of each year and the sums of its year table (the year, `jaar`, and every
    // month's year to date, `tm<maand>`), as the page's month section hides them with that year's
    // comparison (pages/beschut-werk/queries.ts jaarBesluit).
    naam: BESCHUT_MAAND_TABEL,
    pagina: BESCHUT_PAGINA,
    extracts: ['beschut_adviezen', 'beschut_plekken'],
    bouw: () => `CREATE TABLE IF NOT EXISTS ${BESCHUT_MAAND_TABEL} (${MAAND_KOLOMMEN})`,
    gevuld: true,
    controle: `SELECT jaar, van, tot, maand, soort, aanvrager, klein, bescherming, geheim FROM ${BESCHUT_MAAND_TABEL}`,
    sleutel: ['jaar', 'van', 'tot', 'maand', 'soort', 'aanvrager'],
    geheim: true,
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ jaar: 'INTEGER', van: 'VARCHAR', tot: 'VARCHAR', maand: 'VARCHAR', soort: 'VARCHAR', aanvrager: 'VARCHAR', aantal: 'BIGINT' }),
  },
  {
    // The twins of UWV's and SZW's published figures (the page's published section, national):
    // one row per twin (tweelingSleutel), written or left empty as the microdata page's section
    // decides (pages/beschut-werk/gepubliceerd.ts vergelijkingen); filled with the other two.
    naam: BESCHUT_GEPUBLICEERD_TABEL,
    pagina: BESCHUT_PAGINA,
    extracts: ['beschut_adviezen', 'beschut_plekken'],
    bouw: () => `CREATE TABLE IF NOT EXISTS ${BESCHUT_GEPUBLICEERD_TABEL} (${TWEELING_KOLOMMEN})`,
    gevuld: true,
    controle: `SELECT cijfer, klein, bescherming FROM ${BESCHUT_GEPUBLICEERD_TABEL}`,
    sleutel: ['cijfer'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({ cijfer: 'VARCHAR', berekend: 'DOUBLE' }),
  },
  {
    // Nederland's places per peildatum (the page's places chart): plekkenQuery's own answer. A
    // peildatum with fewer than 10 places is written empty. The number of gemeenten without a
    // place counts gemeenten, not persons.
    naam: BESCHUT_PLEKKEN_TABEL,
    pagina: BESCHUT_PAGINA,
    extracts: ['beschut_plekken'],
    bouw: () => `CREATE OR REPLACE TABLE ${BESCHUT_PLEKKEN_TABEL} AS ${inlineParams(plekkenQuery())}`,
    controle: `SELECT peildatum, plekken < 10 AS klein, false AS bescherming FROM ${BESCHUT_PLEKKEN_TABEL}`,
    sleutel: ['peildatum'],
    toontOnderdrukt: true,
    kolommen: metOnderdrukt({
      peildatum: 'VARCHAR', plekken: 'BIGINT', taakstelling: 'BIGINT', realisatiePct: 'DOUBLE',
      gemeenten: 'BIGINT', gemeentenZonderPlek: 'BIGINT', pctGemeentenZonderPlek: 'DOUBLE',
    }),
  },
  {
    // BUIG per gemeente × jaar in euros: budgets and spending, no count of persons, so no cell
    // is small (README: "BUIG needs no suppression"). The page's own setup, written as is.
    naam: buigSetup.name,
    pagina: 'BUIG (ook de tegel op het Overzicht)',
    extracts: ['buig_gemeente'],
    bouw: () => buigSetup.sql,
    controle: `SELECT jaar, gemeente_code, false AS klein, false AS bescherming FROM ${buigSetup.name}`,
    sleutel: ['jaar', 'gemeente_code'],
    toontOnderdrukt: false,
    kolommen: metOnderdrukt({ jaar: 'INTEGER', gemeente_code: 'VARCHAR', naam: 'VARCHAR', regio_code: 'VARCHAR', klasse: 'VARCHAR', voorlopig: 'DOUBLE', definitief: 'DOUBLE', uitgaven: 'DOUBLE', saldo: 'DOUBLE' }),
  },
];

/**
 * The SELECT that writes a built table: small cells empty and marked with their reason, nothing
 * else changed. A cell without control row (which the shared grouping rules out) counts as small:
 * fail safe.
 */
export function beveiligdeSelectie(t: VoorberekendeTabel): string {
  const sleutel = new Set(t.sleutel);
  const merk = new Set<string>(MARKERINGEN.map((m) => m.naam));
  const kolommen = t.kolommen.filter((k) => !merk.has(k.naam)).map((k) =>
    sleutel.has(k.naam) ? `a.${k.naam}` : `CASE WHEN coalesce(c.klein, true) THEN NULL ELSE a.${k.naam} END AS ${k.naam}`);
  const op = t.sleutel.map((k) => `a.${k} IS NOT DISTINCT FROM c.${k}`).join(' AND ');
  return `SELECT ${kolommen.join(', ')}, coalesce(c.klein, true) AS onderdrukt,
    CASE WHEN NOT coalesce(c.klein, true) THEN NULL${t.geheim ? " WHEN coalesce(c.geheim, false) THEN 'geheim'" : ''} WHEN coalesce(c.bescherming, false) THEN 'bescherming' ELSE 'klein' END AS onderdrukt_reden
  FROM ${t.naam} AS a LEFT JOIN (${t.controle}) AS c ON ${op}
  ORDER BY ${t.sleutel.map((k) => `a.${k}`).join(', ')}`;
}

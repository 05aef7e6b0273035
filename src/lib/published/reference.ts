/**
 * Typed reader of every published reference file in data/published/ (see SOURCES.md there).
 * Works on the CSV TEXT, so the browser can import a file with Vite `?raw` and Node code
 * (generator, calibration notebook, tests) reads it from disk: no fs import in this module.
 * Values are kept exactly as published: nothing is derived, rounded or interpolated here.
 * Every row keeps its source and quote so a figure can always be shown with its origin.
 */
import { REGIO_NAMEN } from '../extracts/regions.ts';
import { citeer, type Citatie } from './bronvermelding.ts';
import { parseCsv } from './csv.ts';

export const PUBLISHED_FILES = [
  'banenafspraak_realisatie',
  'banenafspraak_aanvullend',
  'banenafspraak_doelen',
  'doelgroepregister',
  'duurzaamheid',
  'beschut_werk',
  'buig_macrobudget',
  'regionale_groei',
  'gemeenten_arbeidsmarktregio',
  'p_budget',
] as const;
export type PublishedFile = (typeof PUBLISHED_FILES)[number];

/** Who published the figures of each file: a secondary site is cited as "<uitgever>, via <site>". */
export const UITGEVER: Readonly<Record<PublishedFile, string>> = {
  banenafspraak_realisatie: 'UWV',
  banenafspraak_aanvullend: 'UWV',
  banenafspraak_doelen: 'SZW',
  doelgroepregister: 'UWV',
  duurzaamheid: 'UWV',
  beschut_werk: 'UWV',
  buig_macrobudget: 'SZW',
  regionale_groei: 'UWV',
  gemeenten_arbeidsmarktregio: 'CBS',
  p_budget: 'SZW',
};

/** The citation of one row of a published file. */
export function citatieVan(bestand: PublishedFile, source: string, quote = ''): Citatie {
  return citeer(source, quote, UITGEVER[bestand]);
}

interface Bron {
  /** Raw `source` and `quote` as in the file (for notebooks); users see `citatie`. */
  source: string;
  quote: string;
  citatie: Citatie;
}

export interface RealisatieRij extends Bron {
  peildatum: string;
  meting: string;
  /** totaal | markt | overheid | regulier | inleen (see SOURCES.md §1 for the two meanings of markt). */
  sector: string;
  extraBanen: number;
}
export interface AanvullendRij extends Bron {
  peildatum: string;
  indicator: string;
  waarde: number;
  eenheid: string;
}
export interface DoelRij extends Bron {
  jaar: number;
  sector: string;
  doelCumulatief: number;
}
export interface RegisterRij extends Bron {
  peildatum: string;
  indicator: string;
  waarde: number;
}
export interface DuurzaamheidRij extends Bron {
  /** '2015Q3', or a bare year ('2015') where the source gives only the year. */
  periodeStart: string;
  periodeEind: string;
  indicator: string;
  groep: string;
  waarde: number;
}
export interface BeschutRij extends Bron {
  /** '2017-01/2017-05', '2017-03', '2016', '2016-12-31', '2016 (medio)', '2015/2016' … as published. */
  periode: string;
  indicator: string;
  aanvrager: string;
  waarde: number;
}
export interface BuigRij extends Bron {
  /** '2016' or a range such as '2012-2016'. */
  jaar: string;
  indicator: string;
  waarde: number;
  eenheid: 'mln_eur' | 'mld_eur' | 'pct' | 'aantal_gemeenten';
}
export interface RegionaleGroeiRij extends Bron {
  regioNaam: string;
  /** AMxx when the region name is one of the 35; null for the national row. */
  regioCode: string | null;
  peildatum: string;
  indicator: string;
  waarde: number;
}
export interface GemeenteRij {
  naam: string;
  code: string;
  regioNaam: string;
  regioCode: string;
  jaar: number;
  source: string;
  citatie: Citatie;
}

/** One cell of the P-budget table (integratie-uitkering participatie) in the letter of 30 June 2017. */
export interface PBudgetRij extends Bron {
  jaar: number;
  /** 'P-budget totaal', 'Voor klassieke doelgroep' or 'Voor nieuwe doelgroep', as in the letter. */
  onderdeel: string;
  /** Millions of euros, with the letter's three decimals. */
  waardeMln: number;
}

export interface PublishedSet {
  realisatie: RealisatieRij[];
  aanvullend: AanvullendRij[];
  doelen: DoelRij[];
  register: RegisterRij[];
  duurzaamheid: DuurzaamheidRij[];
  beschut: BeschutRij[];
  buig: BuigRij[];
  regionaleGroei: RegionaleGroeiRij[];
  gemeenten: GemeenteRij[];
  pBudget: PBudgetRij[];
}

/** Region names in the published files that differ from REGIO_NAMEN (UWV and CBS spellings). */
const REGIO_ALIASSEN: Readonly<Record<string, string>> = {
  'Veluwe Stedendriehoek': 'AM06',
  'Food Valley': 'AM38',
};

/** AMxx for a region name as written in the published files, or null when it is not one of the 35. */
export function regioCodeVoorNaam(naam: string): string | null {
  const n = naam.trim();
  if (REGIO_ALIASSEN[n]) return REGIO_ALIASSEN[n];
  for (const [code, regio] of Object.entries(REGIO_NAMEN)) if (regio === n) return code;
  return null;
}

function getal(v: string, bestand: string, regel: number, kolom: string): number {
  const t = v.trim();
  const n = Number(t);
  if (t === '' || !Number.isFinite(n)) throw new Error(`${bestand}, regel ${regel}, kolom "${kolom}": geen getal (waarde "${v}")`);
  return n;
}

function lees<T>(tekst: string, bestand: string, kolommen: string[], maak: (r: Record<string, string>, regel: number) => T): T[] {
  const rijen = parseCsv(tekst, bestand);
  if (rijen.length === 0) throw new Error(`${bestand}: geen rijen`);
  for (const k of kolommen) if (!(k in rijen[0])) throw new Error(`${bestand}: kolom "${k}" ontbreekt`);
  // Data row i sits on line i + 2 (header is line 1) for files without multi-line fields.
  return rijen.map((r, i) => maak(r, i + 2));
}

export function parseRealisatie(tekst: string): RealisatieRij[] {
  const f = 'banenafspraak_realisatie.csv';
  return lees(tekst, f, ['peildatum', 'meting', 'sector', 'extra_banen', 'source', 'quote'], (r, n) => ({
    peildatum: r.peildatum, meting: r.meting, sector: r.sector,
    extraBanen: getal(r.extra_banen, f, n, 'extra_banen'), source: r.source, quote: r.quote, citatie: citatieVan('banenafspraak_realisatie', r.source, r.quote),
  }));
}

export function parseAanvullend(tekst: string): AanvullendRij[] {
  const f = 'banenafspraak_aanvullend.csv';
  return lees(tekst, f, ['peildatum', 'indicator', 'waarde', 'eenheid', 'source', 'quote'], (r, n) => ({
    peildatum: r.peildatum, indicator: r.indicator, waarde: getal(r.waarde, f, n, 'waarde'),
    eenheid: r.eenheid, source: r.source, quote: r.quote, citatie: citatieVan('banenafspraak_aanvullend', r.source, r.quote),
  }));
}

export function parseDoelen(tekst: string): DoelRij[] {
  const f = 'banenafspraak_doelen.csv';
  return lees(tekst, f, ['jaar', 'sector', 'doel_extra_banen_cumulatief', 'source', 'quote'], (r, n) => ({
    jaar: getal(r.jaar, f, n, 'jaar'), sector: r.sector,
    doelCumulatief: getal(r.doel_extra_banen_cumulatief, f, n, 'doel_extra_banen_cumulatief'),
    source: r.source, quote: r.quote, citatie: citatieVan('banenafspraak_doelen', r.source, r.quote),
  }));
}

export function parseRegister(tekst: string): RegisterRij[] {
  const f = 'doelgroepregister.csv';
  return lees(tekst, f, ['peildatum', 'indicator', 'waarde', 'source', 'quote'], (r, n) => ({
    peildatum: r.peildatum, indicator: r.indicator, waarde: getal(r.waarde, f, n, 'waarde'),
    source: r.source, quote: r.quote, citatie: citatieVan('doelgroepregister', r.source, r.quote),
  }));
}

export function parseDuurzaamheid(tekst: string): DuurzaamheidRij[] {
  const f = 'duurzaamheid.csv';
  return lees(tekst, f, ['periode_start', 'periode_eind', 'indicator', 'groep', 'waarde', 'source', 'quote'], (r, n) => ({
    periodeStart: r.periode_start, periodeEind: r.periode_eind, indicator: r.indicator, groep: r.groep,
    waarde: getal(r.waarde, f, n, 'waarde'), source: r.source, quote: r.quote, citatie: citatieVan('duurzaamheid', r.source, r.quote),
  }));
}

export function parseBeschut(tekst: string): BeschutRij[] {
  const f = 'beschut_werk.csv';
  return lees(tekst, f, ['peildatum_or_periode', 'indicator', 'aanvrager', 'waarde', 'source', 'quote'], (r, n) => ({
    periode: r.peildatum_or_periode, indicator: r.indicator, aanvrager: r.aanvrager,
    waarde: getal(r.waarde, f, n, 'waarde'), source: r.source, quote: r.quote, citatie: citatieVan('beschut_werk', r.source, r.quote),
  }));
}

const BUIG_EENHEDEN = ['mln_eur', 'mld_eur', 'pct', 'aantal_gemeenten'] as const;

export function parseBuig(tekst: string): BuigRij[] {
  const f = 'buig_macrobudget.csv';
  return lees(tekst, f, ['jaar', 'indicator', 'waarde_mln_eur_or_pct', 'eenheid', 'source', 'quote'], (r, n) => {
    if (!(BUIG_EENHEDEN as readonly string[]).includes(r.eenheid))
      throw new Error(`${f}, regel ${n}, kolom "eenheid": onbekende eenheid (waarde "${r.eenheid}")`);
    return {
      jaar: r.jaar, indicator: r.indicator, waarde: getal(r.waarde_mln_eur_or_pct, f, n, 'waarde_mln_eur_or_pct'),
      eenheid: r.eenheid as BuigRij['eenheid'], source: r.source, quote: r.quote, citatie: citatieVan('buig_macrobudget', r.source, r.quote),
    };
  });
}

export function parseRegionaleGroei(tekst: string): RegionaleGroeiRij[] {
  const f = 'regionale_groei.csv';
  return lees(tekst, f, ['regio_naam', 'regio_code', 'peildatum', 'indicator', 'waarde', 'source', 'quote'], (r, n) => ({
    regioNaam: r.regio_naam,
    regioCode: r.regio_code.trim() || regioCodeVoorNaam(r.regio_naam),
    peildatum: r.peildatum, indicator: r.indicator, waarde: getal(r.waarde, f, n, 'waarde'),
    source: r.source, quote: r.quote, citatie: citatieVan('regionale_groei', r.source, r.quote),
  }));
}

export function parseGemeenten(tekst: string): GemeenteRij[] {
  const f = 'gemeenten_arbeidsmarktregio.csv';
  return lees(tekst, f, ['gemeente_naam', 'gemeente_code', 'arbeidsmarktregio_naam', 'jaar', 'source'], (r, n) => {
    if (!/^GM\d{4}$/.test(r.gemeente_code))
      throw new Error(`${f}, regel ${n}, kolom "gemeente_code": geen code GMxxxx (waarde "${r.gemeente_code}")`);
    const regioCode = regioCodeVoorNaam(r.arbeidsmarktregio_naam);
    if (!regioCode)
      throw new Error(`${f}, regel ${n}, kolom "arbeidsmarktregio_naam": onbekende arbeidsmarktregio (waarde "${r.arbeidsmarktregio_naam}")`);
    return {
      naam: r.gemeente_naam, code: r.gemeente_code, regioNaam: r.arbeidsmarktregio_naam, regioCode,
      jaar: getal(r.jaar, f, n, 'jaar'), source: r.source, citatie: citatieVan('gemeenten_arbeidsmarktregio', r.source),
    };
  });
}

export function parsePBudget(tekst: string): PBudgetRij[] {
  const f = 'p_budget.csv';
  return lees(tekst, f, ['jaar', 'onderdeel', 'waarde_mln_eur', 'source', 'quote'], (r, n) => ({
    jaar: getal(r.jaar, f, n, 'jaar'), onderdeel: r.onderdeel, waardeMln: getal(r.waarde_mln_eur, f, n, 'waarde_mln_eur'),
    source: r.source, quote: r.quote, citatie: citatieVan('p_budget', r.source, r.quote),
  }));
}

/** Parse all reference files at once (texts keyed by file name without .csv). */
export function parsePublishedSet(teksten: Readonly<Record<PublishedFile, string>>): PublishedSet {
  return {
    realisatie: parseRealisatie(teksten.banenafspraak_realisatie),
    aanvullend: parseAanvullend(teksten.banenafspraak_aanvullend),
    doelen: parseDoelen(teksten.banenafspraak_doelen),
    register: parseRegister(teksten.doelgroepregister),
    duurzaamheid: parseDuurzaamheid(teksten.duurzaamheid),
    beschut: parseBeschut(teksten.beschut_werk),
    buig: parseBuig(teksten.buig_macrobudget),
    regionaleGroei: parseRegionaleGroei(teksten.regionale_groei),
    gemeenten: parseGemeenten(teksten.gemeenten_arbeidsmarktregio),
    pBudget: parsePBudget(teksten.p_budget),
  };
}

/**
 * The document a raw source value names, as a reader says it ("UWV, via schulinck.nl", "Brief van
 * de staatssecretaris …"); a secondary site is attributed to UWV. Prefer a row's `citatie`.
 */
export function bronLabel(source: string): string {
  return citeer(source).label;
}

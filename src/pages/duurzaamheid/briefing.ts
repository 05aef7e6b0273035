/**
 * The Duurzaamheid views a briefing can hold: the outcome a year (or two) later per achtergrond,
 * the trend over the base quarters, and the starters. The base quarter follows the page's rule
 * (kiesBasis on the data range), the questions are the page's (queries.ts), the rows of the base
 * quarter are read from the trend as on the page, with the page's protected table of each base
 * quarter (beveiliging.ts), and the ChartData and sentences are the page's (grafieken.ts, kernzinnen.ts).
 */
import publicatieCsv from '../../../data/published/duurzaamheid.csv?raw';
import BarChart from '../../lib/charts/BarChart.svelte';
import LineChart from '../../lib/charts/LineChart.svelte';
import StackedBar from '../../lib/charts/StackedBar.svelte';
import { conceptAlinea } from '../../lib/briefing/concept.ts';
import { VIEWS } from '../../lib/briefing/sleutels.ts';
import type { BriefingView } from '../../lib/briefing/types.ts';
import { formatKwartaal } from '../../lib/format/nl.ts';
import { parseKwartaal } from '../../lib/kwartaal.ts';
import type { PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { tegelBereikQuery } from '../overzicht/duurzaamheid.ts';
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import type { Reeksen } from '../../lib/metrics/regio.ts';
import { leesGepubliceerdeDuurzaamheid } from '../../lib/published/duurzaamheid.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import type { Filters } from '../../lib/state/url.ts';
import { alineaZinnen } from './alinea.ts';
import { beschermCohorten, beschermStartersPerBasis, gekozenGroepen } from './beveiliging.ts';
import { STARTERS_STAAF, UITKOMST_STAAF, trendReeksen } from './reeksen.ts';
import { context, groepVolgorde, startersGroepData, trendData, uitkomstData } from './grafieken.ts';
import { somStarters, somUitkomst, vanBasis } from './groepen.ts';
import { kernzinnen } from './kernzinnen.ts';
import { regioGekoppeld, regioKwartalen } from './regio-kwartaal.ts';
import { duurzaamheidQueries } from './queries.ts';
import { kiesBasis, selectieTekst, trendMarkers, uwvZin, type Selectie } from './selectie.ts';

type DuurzaamheidFilters = Filters<'duurzaamheid'>;

let gepubliceerd: ReturnType<typeof leesGepubliceerdeDuurzaamheid> | null = null;
const cijfers = () => (gepubliceerd ??= leesGepubliceerdeDuurzaamheid(publicatieCsv));

/** The selection as the page shows it: the link's base quarter when the data allow it, else the page's default. */
function selectie(f: DuurzaamheidFilters, bereik: unknown): Selectie | null {
  if (!bereik) return null;
  const basis = kiesBasis(f.basis, f.horizon, bereik as PanelBereik).basis;
  return basis ? { basis, horizon: f.horizon, achtergrond: f.achtergrond, regio: f.regio, sector: f.sector } : null;
}

const later = (s: Selectie) => (s.horizon === 4 ? 'een jaar' : 'twee jaar');
const eindVan = (rijen: readonly UitkomstRij[]) => rijen[0]?.eind ?? null;

/** The exact shares in the order the headline prints them: the total's five, then each group's werkzaam (for the rounding words). */
function aandelenUitkomst(rijen: readonly UitkomstRij[], achtergrond: readonly string[]): number[] {
  const gekozen = gekozenGroepen(rijen, achtergrond);
  const t = achtergrond.length === 1 ? gekozen.find((r) => r.groep === achtergrond[0]) : somUitkomst(gekozen)[0];
  const deel = (r: UitkomstRij, n: number) => (r.cohort > 0 ? [n / r.cohort] : []);
  const uit = t ? [t.werkzaam, t.werkVerloren, t.uitRegister, t.steedsWerkzaam, t.zelfdeBaan].flatMap((n) => deel(t, n)) : [];
  for (const g of groepVolgorde(gekozen.map((r) => r.groep))) {
    const r = gekozen.find((x) => x.groep === g)!;
    uit.push(...deel(r, r.werkzaam));
  }
  return uit;
}

/** The trend's rows with the page's protected table of every base quarter (beveiliging.ts). */
function cohort(antwoorden: unknown[], s: Selectie) {
  const trend = antwoorden[0] as UitkomstRij[] | null;
  const uitstroom = antwoorden[1] as UitstroomRij[] | null;
  // Filtered on regions: the Regio's quarter tables decide the counts both pages print (regio-kwartaal.ts).
  const reeksen = antwoorden[2] as Reeksen | null | undefined;
  if (!trend || !uitstroom || (regioGekoppeld(s) && !reeksen)) return null;
  const bescherming = beschermCohorten(trend, uitstroom, s.achtergrond, reeksen && regioGekoppeld(s) ? regioKwartalen(reeksen, s.regio) : null);
  return { trend, rijen: vanBasis(trend, s.basis), bescherming, basis: bescherming.get(s.basis) ?? null };
}

/** The page's headline sentences about the cohort (with the published UWV figure when there is one). */
function cohortZinnen(c: NonNullable<ReturnType<typeof cohort>>, s: Selectie): string[] {
  if (!c.basis) return [];
  return kernzinnen({ uitkomst: { rijen: c.rijen, bescherming: c.basis }, starters: null, contract: null, uitstroom: null, achtergrond: s.achtergrond, eind: eindVan(c.rijen), uwv: uwvZin(cijfers(), s) });
}

// The panel's range as the page asks it (on a voorberekende map from its region × quarter table).
const vooraf = () => tegelBereikQuery();
/** The cohort trend and the uitstroom trend (and, filtered on regions, the Regio's series): the protected table of a base quarter needs them. */
function cohortVragen(f: DuurzaamheidFilters, bereik: unknown) {
  const s = selectie(f, bereik);
  if (!s) return null;
  const q = duurzaamheidQueries(s, bereik as PanelBereik);
  return [q.cohortTrend, q.uitstroomTrend, q.regioKwartaal];
}

const uitkomst: BriefingView<DuurzaamheidFilters> = {
  sleutel: 'duurzaamheid/uitkomst',
  ...VIEWS['duurzaamheid/uitkomst'],
  vooraf,
  vragen: cohortVragen,
  leeg: 'Niemand in deze selectie werkte in het basiskwartaal.',
  bouw(antwoorden, herkomsten, f, bereik) {
    const s = selectie(f, bereik);
    const c = s ? cohort(antwoorden, s) : null;
    if (!s || !c || !c.basis) return null;
    const data = uitkomstData(c.rijen, s.achtergrond, context(selectieTekst(s), herkomsten[0] as Herkomst | null), c.basis);
    if (!data) return null;
    return {
      kop: `Duurzaamheid: werk ${later(s)} later, basiskwartaal ${formatKwartaal(s.basis)}`,
      data,
      alinea: conceptAlinea(alineaZinnen(cohortZinnen(c, s)), aandelenUitkomst(c.rijen, s.achtergrond)),
      grafiek: { component: StackedBar, props: { data, ...UITKOMST_STAAF } },
    };
  },
};

const trend: BriefingView<DuurzaamheidFilters> = {
  sleutel: 'duurzaamheid/trend',
  ...VIEWS['duurzaamheid/trend'],
  vooraf,
  vragen: cohortVragen,
  bouw(antwoorden, herkomsten, f, bereik) {
    const s = selectie(f, bereik);
    const c = s ? cohort(antwoorden, s) : null;
    if (!s || !c) return null;
    const kwartaal = parseKwartaal(s.basis)?.kwartaal ?? 3;
    const data = trendData(c.trend, s.achtergrond, s.horizon, trendMarkers(cijfers(), s), context(selectieTekst(s), herkomsten[0] as Herkomst | null), kwartaal, c.bescherming);
    return {
      kop: `Duurzaamheid: ${data.titel.charAt(0).toLowerCase()}${data.titel.slice(1)}`,
      data,
      // The headline of the chosen base quarter (and the UWV figure, when there is one).
      alinea: conceptAlinea(cohortZinnen(c, s).slice(0, uwvZin(cijfers(), s) ? 2 : 1), aandelenUitkomst(c.rijen, s.achtergrond)),
      grafiek: {
        component: LineChart,
        props: {
          data,
          x: 'basis',
          vanafNul: false,
          series: trendReeksen(data, s.horizon),
        },
      },
    };
  },
};

const starters: BriefingView<DuurzaamheidFilters> = {
  sleutel: 'duurzaamheid/starters',
  ...VIEWS['duurzaamheid/starters'],
  vooraf,
  vragen(f, bereik) {
    const s = selectie(f, bereik);
    if (!s) return null;
    const q = duurzaamheidQueries(s, bereik as PanelBereik);
    return [q.startersTelbaar ? q.startersTrend : null];
  },
  leeg: 'Voor dit basiskwartaal zijn geen starters te tellen (de gegevens beginnen te laat of niemand begon met werken).',
  bouw(antwoorden, herkomsten, f, bereik) {
    const s = selectie(f, bereik);
    const trendRijen = antwoorden[0] as StartersRij[] | null;
    if (!s || !trendRijen) return null;
    const rijen = vanBasis(trendRijen, s.basis);
    const bescherming = beschermStartersPerBasis(trendRijen, s.achtergrond).get(s.basis);
    const data = startersGroepData(rijen, s.achtergrond, context(selectieTekst(s), herkomsten[0] as Herkomst | null), bescherming);
    if (!data || !bescherming) return null;
    const zinnen = kernzinnen({ uitkomst: null, starters: { rijen, bescherming }, contract: null, uitstroom: null, achtergrond: s.achtergrond, eind: null, uwv: null });
    // The total the sentence is about (one chosen achtergrond, else the sum), its shares in the order printed.
    const gekozen = gekozenGroepen(rijen, s.achtergrond);
    const t = s.achtergrond.length === 1 ? gekozen.find((r) => r.groep === s.achtergrond[0]) : somStarters(gekozen)[0];
    const aandelen = t && t.starters > 0 ? [t.werkzaamNa1Jaar, t.zelfdeBaanNa1Jaar, t.werkzaamNa2Jaar].filter((n): n is number => n !== null).map((n) => n / t.starters) : [];
    return {
      kop: `Duurzaamheid: ${data.titel.charAt(0).toLowerCase()}${data.titel.slice(1)}`,
      data,
      alinea: conceptAlinea(zinnen, aandelen),
      grafiek: { component: BarChart, props: { data, ...STARTERS_STAAF } },
    };
  },
};

export const DUURZAAMHEID_VIEWS = [uitkomst, trend, starters];

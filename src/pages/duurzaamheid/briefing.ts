/**
 * The Duurzaamheid views a briefing can hold: the outcome a year (or two) later per achtergrond,
 * the trend over the base quarters, and the starters. The base quarter follows the page's rule
 * (kiesBasis on the data range), the questions are the page's (queries.ts), the rows of the base
 * quarter are read from the trend as on the page, and the ChartData and sentences are the page's
 * (grafieken.ts, lib/metrics/duurzaamheid/zinnen.ts) after the same disclosure control.
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
import { panelBereikQuery, type PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import type { Splitsing } from '../../lib/metrics/duurzaamheid/filters.ts';
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import { zinSteedsWerkzaam, zinStarters, zinUitkomsten, zinWerkzaam, zinZelfdeBaan } from '../../lib/metrics/duurzaamheid/zinnen.ts';
import { leesGepubliceerdeDuurzaamheid } from '../../lib/published/duurzaamheid.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import type { Filters } from '../../lib/state/url.ts';
import { bestaandeReeksen, context, groepVolgorde, startersGroepData, trendData, uitkomstData } from './grafieken.ts';
import { somStarters, somUitkomst, vanBasis } from './groepen.ts';
import { uitkomstVoorZin } from './onderdrukking.ts';
import { duurzaamheidQueries } from './queries.ts';
import { kiesBasis, selectieTekst, trendMarkers, type Selectie } from './selectie.ts';

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

/** One chosen achtergrond reads as its group; otherwise the total of the selection (as Kernzinnen.svelte). */
function totaal<T extends { groep: string }>(rijen: T[], achtergrond: readonly string[], som: (r: T[], g: readonly string[]) => T[]): T | undefined {
  return achtergrond.length === 1 ? rijen.find((r) => r.groep === achtergrond[0]) : som(rijen, achtergrond)[0];
}

/** The page's headline sentences about the outcome, and the exact shares they print. */
function uitkomstZinnen(rijen: UitkomstRij[], achtergrond: readonly string[]): { zinnen: string[]; aandelen: number[] } {
  const split: Splitsing = achtergrond.length === 1 ? 'achtergrond' : 'none';
  const t0 = totaal(rijen, achtergrond, somUitkomst);
  if (!t0) return { zinnen: [], aandelen: [] };
  const t = uitkomstVoorZin(t0);
  const zinnen = [zinWerkzaam(t, split), zinUitkomsten(t, split), zinSteedsWerkzaam(t, split), zinZelfdeBaan(t, split)];
  const delen = (r: UitkomstRij) => (r.cohort > 0 ? [r.werkzaam, r.werkVerloren, r.uitRegister, r.steedsWerkzaam, r.zelfdeBaan].map((n) => n / r.cohort) : []);
  const aandelen = delen(t);
  const groepen = groepVolgorde(rijen.filter((r) => achtergrond.length === 0 || achtergrond.includes(r.groep)).map((r) => r.groep));
  if (groepen.length > 1) {
    for (const g of groepen) {
      const r = uitkomstVoorZin(rijen.find((x) => x.groep === g)!);
      zinnen.push(zinWerkzaam(r, 'achtergrond'));
      if (r.cohort > 0) aandelen.push(r.werkzaam / r.cohort);
    }
  }
  return { zinnen, aandelen };
}

const vooraf = () => panelBereikQuery();

const uitkomst: BriefingView<DuurzaamheidFilters> = {
  sleutel: 'duurzaamheid/uitkomst',
  ...VIEWS['duurzaamheid/uitkomst'],
  vooraf,
  vragen(f, bereik) {
    const s = selectie(f, bereik);
    return s ? [duurzaamheidQueries(s, bereik as PanelBereik).cohortTrend] : null;
  },
  leeg: 'Niemand in deze selectie werkte in het basiskwartaal.',
  bouw(antwoorden, herkomsten, f, bereik) {
    const s = selectie(f, bereik);
    const trend = antwoorden[0] as UitkomstRij[] | null;
    if (!s || !trend) return null;
    const rijen = vanBasis(trend, s.basis);
    const data = uitkomstData(rijen, s.achtergrond, context(selectieTekst(s), herkomsten[0] as Herkomst | null));
    if (!data) return null;
    const { zinnen, aandelen } = uitkomstZinnen(rijen, s.achtergrond);
    return {
      kop: `Duurzaamheid: werk ${later(s)} later, basiskwartaal ${formatKwartaal(s.basis)}`,
      data,
      alinea: conceptAlinea(zinnen, aandelen),
      grafiek: { component: StackedBar, props: { data, categorie: 'groep', delen: ['werkzaam_pct', 'verloren_pct', 'uit_pct'], kleuren: [0, 2, 4] } },
    };
  },
};

const trend: BriefingView<DuurzaamheidFilters> = {
  sleutel: 'duurzaamheid/trend',
  ...VIEWS['duurzaamheid/trend'],
  vooraf,
  vragen(f, bereik) {
    const s = selectie(f, bereik);
    return s ? [duurzaamheidQueries(s, bereik as PanelBereik).cohortTrend] : null;
  },
  bouw(antwoorden, herkomsten, f, bereik) {
    const s = selectie(f, bereik);
    const rijen = antwoorden[0] as UitkomstRij[] | null;
    if (!s || !rijen) return null;
    const kwartaal = parseKwartaal(s.basis)?.kwartaal ?? 3;
    const data = trendData(rijen, s.achtergrond, s.horizon, trendMarkers(cijfers(), s), context(selectieTekst(s), herkomsten[0] as Herkomst | null), kwartaal);
    // The sentence about the chosen base quarter (the trend's headline), in the page's words.
    const { zinnen, aandelen } = uitkomstZinnen(vanBasis(rijen, s.basis), s.achtergrond);
    const kort = s.horizon === 4 ? 'na 1 jaar' : 'na 2 jaar';
    return {
      kop: `Duurzaamheid: ${data.titel.charAt(0).toLowerCase()}${data.titel.slice(1)}`,
      data,
      alinea: conceptAlinea(zinnen.slice(0, 1), aandelen),
      grafiek: {
        component: LineChart,
        props: {
          data,
          x: 'basis',
          vanafNul: false,
          series: bestaandeReeksen(data, [
            { key: 'werkzaam_pct', label: `Werkzaam ${kort} (${data.synthetisch ? 'demodata' : 'berekend'})`, stijl: 'lijn', kleurIndex: 0, marker: 'cirkel' },
            { key: 'pub_werkzaam', label: `Werkzaam ${kort} (gepubliceerd)`, stijl: 'punten', kleurIndex: 0, marker: 'ruit' },
            { key: 'steeds_pct', label: `Steeds werkzaam (${data.synthetisch ? 'demodata' : 'berekend'})`, stijl: 'lijn', kleurIndex: 1, marker: 'vierkant' },
            { key: 'zelfde_pct', label: `Zelfde baan (${data.synthetisch ? 'demodata' : 'berekend'})`, stijl: 'lijn', kleurIndex: 2, marker: 'driehoek' },
          ]),
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
    const data = startersGroepData(rijen, s.achtergrond, context(selectieTekst(s), herkomsten[0] as Herkomst | null));
    if (!data) return null;
    const t = totaal(rijen, s.achtergrond, somStarters);
    const zinnen = t ? [zinStarters(t, s.achtergrond.length === 1 ? 'achtergrond' : 'none')] : [];
    const aandelen = t && t.starters > 0 ? [t.werkzaamNa1Jaar, t.zelfdeBaanNa1Jaar, t.werkzaamNa2Jaar].filter((n): n is number => n !== null).map((n) => n / t.starters) : [];
    return {
      kop: `Duurzaamheid: ${data.titel.charAt(0).toLowerCase()}${data.titel.slice(1)}`,
      data,
      alinea: conceptAlinea(zinnen, aandelen),
      grafiek: { component: BarChart, props: { data, categorie: 'groep', waarde: 'na1_pct', richting: 'horizontaal' } },
    };
  },
};

export const DUURZAAMHEID_VIEWS = [uitkomst, trend, starters];

/**
 * The BUIG views a briefing can hold: the result per year (with the year's headline sentences)
 * and the gemeenten of a year. Same questions, selection rules, ChartData and sentences as the
 * page (selectie.ts, grafieken.ts, zinnen.ts); the view's filters come from the section's link.
 */
import BarLineChart from '../../lib/charts/BarLineChart.svelte';
import Beeswarm from '../../lib/charts/Beeswarm.svelte';
import { conceptAlinea } from '../../lib/briefing/concept.ts';
import { VIEWS } from '../../lib/briefing/sleutels.ts';
import type { BriefingView } from '../../lib/briefing/types.ts';
import { gemeentenQuery, landelijkQuery, spreidingPerJaarQuery, type GemeenteRij, type LandelijkRij, type SpreidingRij } from '../../lib/metrics/buig.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import { resultaatProps, zwermProps } from './grafiek-props.ts';
import { bronVan, gemeentenData, resultaatData } from './grafieken.ts';
import { getoondePeriode, getoondJaar, inSelectie, metriekSelectie, onderwerp, selectieTekst, type BuigFilters } from './selectie.ts';
import { jaarZinnen, zinGemeenten, zinSpreiding } from './zinnen.ts';

type Antwoorden = [LandelijkRij[] | null, LandelijkRij[] | null, SpreidingRij[] | null, GemeenteRij[] | null];

/** The page's questions: the national years (which years there are), the selection, its spread, every gemeente. */
function vragen(f: BuigFilters) {
  return [landelijkQuery(), landelijkQuery(metriekSelectie(f)), spreidingPerJaarQuery({ regio: f.regio ? [f.regio] : undefined, klasse: f.klasse }), gemeentenQuery()];
}

/** Year and range as the page shows them (the link's, within the data). */
function getoond(f: BuigFilters, nationaal: readonly LandelijkRij[] | null) {
  const jaren = (nationaal ?? []).map((r) => r.jaar);
  const jaar = getoondJaar(f.jaar, jaren);
  const periode = getoondePeriode(f.van, f.tot, jaren);
  return jaar === null || periode === null ? null : { jaar, periode };
}

/** What both views read first: the answers, the year and range shown, the provenance of answer `bron`. */
function lees(antwoorden: unknown[], herkomsten: (Herkomst | null)[], f: BuigFilters, bron: number) {
  const [nationaal, selectie, spreiding, gemeenten] = antwoorden as Antwoorden;
  const g = getoond(f, nationaal);
  const h = herkomsten[bron];
  if (!g || !selectie || !h) return null;
  return { g, h, selectie, spreiding, gemeenten, selectieNaam: selectieTekst(f) };
}

/** Shares the sentences print as whole percentages (for the rounding words). */
function aandelen(r: LandelijkRij | undefined): number[] {
  return r ? [r.pctGemeentenTekort / 100, r.pctGemeentenDrempel / 100] : [];
}

const jaar: BriefingView<BuigFilters> = {
  sleutel: 'buig/jaar',
  ...VIEWS['buig/jaar'],
  vragen,
  bouw(antwoorden, herkomsten, f) {
    const a = lees(antwoorden, herkomsten, f, 1);
    if (!a) return null;
    const { g, h, selectie, spreiding, gemeenten, selectieNaam } = a;
    const gemeenteRijen = (gemeenten ?? []).filter((x) => x.jaar === g.jaar);
    const gekozen = f.gemeente ? (gemeenteRijen.find((x) => x.gemeente_code === f.gemeente) ?? null) : null;
    const zinnen = jaarZinnen({ ...g, rijen: selectie, wie: onderwerp(f), selectie: selectieNaam, spreiding, gekozen, gemeenteRijen });
    const data = resultaatData(selectie, g.periode, { selectie: selectieNaam, bron: bronVan(h) });
    return {
      kop: `BUIG: resultaat ${g.jaar} en per jaar, ${selectieNaam}`,
      data,
      alinea: conceptAlinea(zinnen, aandelen(selectie.find((r) => r.jaar === g.jaar))),
      grafiek: {
        component: BarLineChart,
        props: resultaatProps(data, g.periode, g.jaar),
      },
    };
  },
};

const gemeenten: BriefingView<BuigFilters> = {
  sleutel: 'buig/gemeenten',
  ...VIEWS['buig/gemeenten'],
  vragen,
  bouw(antwoorden, herkomsten, f) {
    const a = lees(antwoorden, herkomsten, f, 3);
    if (!a?.gemeenten) return null;
    const { g, h, selectie, spreiding, gemeenten: alle, selectieNaam } = a;
    const rij = selectie.find((r) => r.jaar === g.jaar);
    const s = spreiding?.find((x) => x.jaar === g.jaar) ?? null;
    const inJaar = alle.filter((x) => x.jaar === g.jaar && inSelectie(x, f));
    const data = gemeentenData(inJaar, { jaar: g.jaar, selectie: selectieNaam, spreiding: s, bron: bronVan(h) });
    const zinnen = [...(rij ? [zinGemeenten(rij, { landelijk: onderwerp(f).landelijk, selectie: selectieNaam })] : []), ...(s && zinSpreiding(s) ? [zinSpreiding(s)!] : [])];
    return {
      kop: `BUIG: gemeenten in ${g.jaar}, ${selectieNaam}`,
      data,
      alinea: conceptAlinea(zinnen, aandelen(rij)),
      grafiek: {
        component: Beeswarm,
        props: zwermProps(data, rij, s, f),
      },
    };
  },
};

export const BUIG_VIEWS = [jaar, gemeenten];

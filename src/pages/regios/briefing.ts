/**
 * The Regio's views a briefing can hold: the ranking of the 35 regions, regions compared with
 * Nederland, and one region's profile. The period follows the page's rule (periode.ts: absent in
 * the link = the latest quarter in the data and the year before it), the numbers come from the
 * page's own queries and ChartData (grafieken.ts, rangreferentie.ts). Every paragraph is the
 * page's own headline sentences (kernzinnen.ts), drafted by conceptAlinea.
 */
import BarChart from '../../lib/charts/BarChart.svelte';
import SmallMultiples from '../../lib/charts/SmallMultiples.svelte';
import { conceptAlinea } from '../../lib/briefing/concept.ts';
import { VIEWS } from '../../lib/briefing/sleutels.ts';
import type { BriefingView } from '../../lib/briefing/types.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { formatKwartaal } from '../../lib/format/nl.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';
import { beschikbareKwartalenQuery, regioDuurzaamQuery, regioOverzichtQuery, regioReeksenQuery, type RegioDuurzaam, type RegioOverzicht, type Reeksen } from '../../lib/metrics/regio.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import type { MetricQuery } from '../../lib/sql/query.ts';
import type { Filters } from '../../lib/state/url.ts';
import { vergelijkbareRegios } from '../../lib/metrics/regio-buren.ts';
import ProfielStrips from './ProfielStrips.svelte';
import { burenData } from './buren.ts';
import { geladenKaart } from './kaart.ts';
import { kaartKernzinnen, nederlandBanen, profielKernzinnen, vergelijkKernzinnen } from './kernzinnen.ts';
import { kaartData, PAGINA_INDICATOREN, periodeTekst, profielData, profielRegels, reeksKey, rangTabel, vergelijkData } from './grafieken.ts';
import { gekozenPeriode, type Periode } from './periode.ts';
import { rangMetReferentie, rangReferentie } from './rangreferentie.ts';

type RegioLinkFilters = Filters<'regios'>;

function periode(f: RegioLinkFilters, kwartalen: unknown): Periode | null {
  return gekozenPeriode(f.van, f.tot, (kwartalen as Kwartaal[] | null) ?? []);
}

type Vragen = (MetricQuery<unknown> | null)[] | null;

/** Every Regio's view asks for the quarters in the data first and reads its period from them, as the page does. */
function opPeriode(vragen: (p: Periode, f: RegioLinkFilters, kwartalen: Kwartaal[]) => Vragen): Pick<BriefingView<RegioLinkFilters>, 'vooraf' | 'vragen'> {
  return {
    vooraf: () => beschikbareKwartalenQuery(),
    vragen(f, kwartalen) {
      const p = periode(f, kwartalen);
      return p ? vragen(p, f, kwartalen as Kwartaal[]) : null;
    },
  };
}

const kaart: BriefingView<RegioLinkFilters> = {
  sleutel: 'regios/kaart',
  ...VIEWS['regios/kaart'],
  ...opPeriode((p, f, kwartalen) => [regioOverzichtQuery({ basis: p.van, eind: p.tot }), f.indicator === 'duurzaam' ? regioDuurzaamQuery(p.tot, kwartalen) : null]),
  leeg: 'Voor dit eindkwartaal is er geen cohort een jaar eerder in de gegevens.',
  bouw(antwoorden, herkomsten, f) {
    const [o, d] = antwoorden as [RegioOverzicht | null, RegioDuurzaam | null];
    const ho = herkomsten[0];
    if (!o || !ho) return null;
    if (f.indicator === 'duurzaam' && (!d || !herkomsten[1])) return null;
    const view = { indicator: f.indicator, basis: o.basis, eind: f.indicator === 'duurzaam' ? d!.eind : o.eind };
    const tabel = rangTabel(view, o, d?.rijen ?? null, d?.basisKwartaal);
    const data = kaartData(view, tabel, (f.indicator === 'duurzaam' ? herkomsten[1] : ho) as Herkomst);
    const rang = rangMetReferentie(data, rangReferentie(f.indicator, data.rijen, tabel.landelijk));
    const regio = f.profiel ?? f.regio;
    const zinnen = kaartKernzinnen({ view, tabel, nederland: nederlandBanen(o), regio });
    return {
      kop: `Regio's: ${data.titel}`,
      data,
      alinea: conceptAlinea(zinnen),
      grafiek: {
        component: BarChart,
        props: { data: rang, categorie: 'regio_naam', waarde: 'waarde', markeer: regio ? [REGIO_NAMEN[regio]] : [], label: `Ranglijst: ${data.titel}` },
      },
    };
  },
};

const vergelijk: BriefingView<RegioLinkFilters> = {
  sleutel: 'regios/vergelijk',
  ...VIEWS['regios/vergelijk'],
  ...opPeriode((p, f) => [f.vergelijk.length > 0 ? regioReeksenQuery({ van: p.van, tot: p.tot }) : null]),
  leeg: "In dit onderdeel zijn geen regio's gekozen om te vergelijken.",
  bouw(antwoorden, herkomsten, f) {
    const r = antwoorden[0] as Reeksen | null;
    const h = herkomsten[0];
    if (!r || !h) return null;
    const indicator = PAGINA_INDICATOREN[f.indicator].reeks;
    const maat = f.indicator === 'groei_pct' ? 'groei_pct' : 'index';
    const regios = f.vergelijk.filter((c) => r.regios.some((x) => x.regio_code === c));
    const data = vergelijkData(r, indicator, r.van, regios, h, maat);
    // The page's own headline sentences for this comparison.
    const zinnen = vergelijkKernzinnen({ data, regios, reeks: indicator, maat });
    return {
      kop: `Regio's vergelijken: ${regios.map((c) => REGIO_NAMEN[c] ?? c).join(', ')} en Nederland, ${periodeTekst(r.van, r.tot)}`,
      data,
      alinea: conceptAlinea(zinnen),
      grafiek: {
        component: SmallMultiples,
        props: { data, x: 'kwartaal', panelen: regios.map((c) => ({ key: reeksKey(c), titel: REGIO_NAMEN[c] })), referentie: 'landelijk', referentieLabel: 'Nederland' },
      },
    };
  },
};

const profiel: BriefingView<RegioLinkFilters> = {
  sleutel: 'regios/profiel',
  ...VIEWS['regios/profiel'],
  ...opPeriode((p, f, kwartalen) => (f.profiel ?? f.regio ? [regioOverzichtQuery({ basis: p.van, eind: p.tot }), regioDuurzaamQuery(p.tot, kwartalen)] : null)),
  leeg: 'In dit onderdeel is geen regio gekozen, of de gegevens hebben haar niet.',
  bouw(antwoorden, herkomsten, f) {
    const [o, d] = antwoorden as [RegioOverzicht | null, RegioDuurzaam | null];
    const h = herkomsten[0];
    const code = f.profiel ?? f.regio;
    if (!o || !h || !code) return null;
    const view = { indicator: f.indicator, basis: o.basis, eind: o.eind };
    const regels = profielRegels(view, code, o, d && d.eind === o.eind ? d.rijen : null, h, d?.basisKwartaal);
    if (!regels) return null;
    const data = profielData(view, code, regels, h);
    const naam = REGIO_NAMEN[code] ?? code;
    // The same neighbours as the page's profile (the map's), so the paragraph is the page's sentences.
    const buren = geladenKaart.kaart ? burenData(code, geladenKaart.kaart.buren.get(code) ?? [], vergelijkbareRegios(code, o), o, h) : null;
    const zinnen = profielKernzinnen({ code, view, regels, buren });
    return {
      kop: `Regio's: profiel van ${naam}, ${formatKwartaal(o.eind)}`,
      data,
      alinea: conceptAlinea(zinnen),
      grafiek: { component: ProfielStrips, props: { regels, naam } },
    };
  },
};

export const REGIO_VIEWS = [kaart, vergelijk, profiel];

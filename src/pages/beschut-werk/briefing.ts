/**
 * The Beschut werk views a briefing can hold: the adviezen per month (with the page's headline
 * sentences) and the regions compared on the map indicator. Same questions (queries.ts), the same
 * views and disclosure control (views.ts, onderdrukking.ts) and the same ChartData (maanden.ts,
 * gebieden.ts) as the page, from the filters in the section's link.
 */
import publicatieCsv from '../../../data/published/beschut_werk.csv?raw';
import BarChart from '../../lib/charts/BarChart.svelte';
import LineChart from '../../lib/charts/LineChart.svelte';
import { conceptAlinea } from '../../lib/briefing/concept.ts';
import { VIEWS } from '../../lib/briefing/sleutels.ts';
import type { BriefingView } from '../../lib/briefing/types.ts';
import type { GemeentePlekRij, GemeenteRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { MaandRij, PlekkenRij } from '../../lib/metrics/beschut.ts';
import { leesGepubliceerdBeschut } from '../../lib/published/beschut.ts';
import { AANVRAGER_LABEL, context, eenheidVan, getoondeAanvragers, hoofdAanvrager, selectieTekst, type BeschutFilters } from './context.ts';
import { kaartData } from './gebieden.ts';
import { aantallenData } from './maanden.ts';
import { beschutQueries, jaarVan } from './queries.ts';
import { gebiedViewVan, maandViewVan, paginaZinnen, plekViewVan } from './views.ts';

let gepubliceerd: ReturnType<typeof leesGepubliceerdBeschut>['cijfers'] | null = null;
/** The published figures decide which national months the page asks; read once. */
function cijfers() {
  gepubliceerd ??= leesGepubliceerdBeschut(publicatieCsv).cijfers;
  return gepubliceerd;
}

type Antwoorden = [MaandRij[] | null, GemeenteRij[] | null, PlekkenRij[] | null, GemeentePlekRij[] | null];

/** The page's questions for the unit and period: months, every gemeente, a gemeente's region months and places. */
function vragen(f: BeschutFilters) {
  const q = beschutQueries(f, eenheidVan(f), cijfers());
  return [q.maanden, q.gemeenten, q.plekken, q.regioPlekken];
}

const maanden: BriefingView<BeschutFilters> = {
  sleutel: 'beschut-werk/maanden',
  ...VIEWS['beschut-werk/maanden'],
  vragen,
  bouw(antwoorden, herkomsten, f) {
    const [m, gem, pl, rpl] = antwoorden as Antwoorden;
    const e = eenheidVan(f);
    if (!m || !gem || (e.soort === 'gemeente' && !rpl) || (e.soort !== 'gemeente' && !pl)) return null;
    // The comparison is per calendar year, as on the page (queries.ts jaarVan).
    const gv = gebiedViewVan(jaarVan(f), gem, herkomsten[1]);
    const mv = maandViewVan(f, e, m, gv, [herkomsten[0]], cijfers());
    const pv = plekViewVan(e, f.tot, pl, rpl, gv, e.soort === 'gemeente' ? herkomsten[4] : herkomsten[3]);
    const aanvrager = hoofdAanvrager(f.aanvrager);
    const selectie = selectieTekst(e, f.van, f.tot, f.aanvrager);
    const zinnen = paginaZinnen(mv, gv, pv, f, aanvrager, selectie);
    const aanvragers = getoondeAanvragers(f.aanvrager);
    const data = aantallenData(mv.rijen, mv.van, mv.tot, aanvragers, mv.verborgen, context(selectie, ...mv.herkomst));
    // In the order the sentences print them: the chosen aanvrager (or the total), then gemeente and burger.
    const volgorde = [aanvrager, 'gemeente', 'burger'];
    const aandelen = volgorde
      .map((a) => mv.totalen.periode.find((r) => r.aanvrager === a))
      .filter((r): r is NonNullable<typeof r> => r !== undefined && r.beoordelingen > 0)
      .map((r) => r.positief / r.beoordelingen);
    return {
      kop: `Beschut werk: ${data.titel}`,
      data,
      alinea: conceptAlinea(zinnen.tekst, aandelen),
      grafiek: {
        component: LineChart,
        props: { data, x: 'maand', series: aanvragers.map((a, i) => ({ key: `b_${a}`, label: AANVRAGER_LABEL[a], kleurIndex: a === 'totaal' ? 'neutraal' : i })) },
      },
    };
  },
};

const gebieden: BriefingView<BeschutFilters> = {
  sleutel: 'beschut-werk/gebieden',
  ...VIEWS['beschut-werk/gebieden'],
  vragen: (f) => [beschutQueries(f, eenheidVan(f), cijfers()).gemeenten],
  bouw(antwoorden, herkomsten, f) {
    const gem = antwoorden[0] as GemeenteRij[] | null;
    if (!gem) return null;
    const e = eenheidVan(f);
    const gv = gebiedViewVan(jaarVan(f), gem, herkomsten[0]);
    const aanvrager = hoofdAanvrager(f.aanvrager);
    const { data, landelijk } = kaartData(gv.g, { ...f, van: gv.van, tot: gv.tot }, aanvrager, gv.verborgen, context(selectieTekst(e, gv.van, gv.tot, f.aanvrager), gv.herkomst));
    const kolom = data.kolommen[2].label.toLowerCase();
    const getoond = data.rijen.filter((r) => typeof r.waarde === 'number').sort((a, b) => (b.waarde as number) - (a.waarde as number));
    const pct = (v: unknown) => `${Math.round((v as number) * 100)} procent`;
    const zinnen =
      getoond.length > 1
        ? [
            `${data.titel}: het hoogst in ${getoond[0].regio_naam} (${pct(getoond[0].waarde)}) en het laagst in ${getoond[getoond.length - 1].regio_naam} (${pct(getoond[getoond.length - 1].waarde)}).`,
            ...(landelijk !== null ? [`Voor Nederland als geheel is de ${kolom} ${pct(landelijk)}.`] : []),
          ]
        : [];
    // In the order the sentences print them: highest, lowest, Nederland.
    const aandelen = getoond.length > 1 ? [getoond[0].waarde as number, getoond[getoond.length - 1].waarde as number, ...(landelijk !== null ? [landelijk] : [])] : [];
    return {
      kop: `Beschut werk: ${data.titel}`,
      data,
      alinea: conceptAlinea(zinnen, aandelen),
      grafiek: {
        component: BarChart,
        props: {
          data,
          categorie: 'regio_naam',
          waarde: 'waarde',
          sorteer: 'aflopend',
          markeer: e.regio ? [data.rijen.find((r) => r.regio_code === e.regio)?.regio_naam] : [],
          landelijk: landelijk !== null ? { waarde: landelijk, label: 'Nederland' } : undefined,
          label: `Ranglijst: ${data.titel}`,
        },
      },
    };
  },
};

export const BESCHUT_VIEWS = [maanden, gebieden];

/**
 * Every chart type, rendered from fixed data, against its golden SVG file in test/golden/charts/
 * (how the files are compared, written and reviewed: test/golden-svg.ts).
 */
import { readFileSync } from 'node:fs';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from '../src/lib/charts/LineChart.svelte';
import BarChart from '../src/lib/charts/BarChart.svelte';
import StackedBar from '../src/lib/charts/StackedBar.svelte';
import Choropleth from '../src/lib/charts/Choropleth.svelte';
import Scatter from '../src/lib/charts/Scatter.svelte';
import FunnelPlot from '../src/lib/charts/FunnelPlot.svelte';
import SmallMultiples from '../src/lib/charts/SmallMultiples.svelte';
import Waterfall from '../src/lib/charts/Waterfall.svelte';
import BarLineChart from '../src/lib/charts/BarLineChart.svelte';
import Beeswarm from '../src/lib/charts/Beeswarm.svelte';
import DivergingBars from '../src/lib/charts/DivergingBars.svelte';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { KAART_BRON, REGIO_TOPOJSON_PAD, regioKaart } from '../src/lib/metrics/regio-geo.ts';
import { REGIO_CODES, REGIO_NAMEN } from '../src/lib/extracts/regions.ts';
import { AFGELEID } from '../src/lib/format/disclosure.ts';
import { funnelLimieten, index, jaren, kwartalen, punten, regios, uitkomst } from './fixtures/chart-golden.ts';
import { gemeentenZwerm, rangGemeenten, regioSaldo, resultaatJaren, waterval, watervalOverschot } from './fixtures/chart-golden.ts';
import { goldenSvg, svgBlokken, vergelijkMetGolden } from './golden-svg.ts';

const kaart = regioKaart(JSON.parse(readFileSync(REGIO_TOPOJSON_PAD, 'utf8')));
// 35 regions: value 1%, 2%, … in REGIO_CODES order; every 7th has no value, one is suppressed.
const kaartData: ChartData = {
  titel: 'Groei banen per regio',
  bron: 'UWV, bewerking SZW',
  peildatum: '2023-12-31',
  synthetisch: false,
  kolommen: [
    { key: 'code', label: 'Code', type: 'tekst' },
    { key: 'naam', label: 'Regio', type: 'tekst' },
    { key: 'waarde', label: 'Groei', type: 'pct' },
    { key: 'rang', label: 'Plaats', type: 'aantal' },
  ],
  rijen: REGIO_CODES.map((code, i) => ({
    code,
    naam: REGIO_NAMEN[code],
    waarde: i === 3 ? AFGELEID : i % 7 === 6 ? null : (i + 1) / 100,
    rang: i + 1,
  })),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gevallen: { naam: string; component: Component<any>; props: Record<string, unknown> }[] = [
  {
    naam: 'lijn',
    component: LineChart,
    props: {
      data: kwartalen,
      x: 'kwartaal',
      series: [{ key: 'wajong' }, { key: 'doel', stijl: 'stippel' }, { key: 'gepubliceerd', stijl: 'punten' }],
      vanafNul: false,
      referentielijnen: [{ waarde: 0.25, label: 'Norm' }],
    },
  },
  {
    naam: 'lijn-paneel',
    component: LineChart,
    props: { data: kwartalen, x: 'kwartaal', series: [{ key: 'wajong', kleurIndex: 2, marker: 'vierkant' }], paneelTitel: 'Wajong', legenda: false, yDomein: [0, 0.4], hoogte: 240 },
  },
  {
    naam: 'staaf-horizontaal',
    component: BarChart,
    props: { data: regios, categorie: 'regio', waarde: 'groei', sorteer: 'aflopend', markeer: ['Flevoland'], landelijk: { waarde: 0.09, label: 'Nederland' } },
  },
  {
    naam: 'staaf-verticaal',
    component: BarChart,
    props: { data: jaren, categorie: 'jaar', waarde: 'banen', richting: 'verticaal', landelijk: { waarde: 60000, label: 'Doel' }, kleurIndex: 1 },
  },
  { naam: 'gestapeld', component: StackedBar, props: { data: uitkomst, categorie: 'achtergrond', delen: ['werkzaam', 'verloren', 'uit'] } },
  {
    naam: 'kaart',
    component: Choropleth,
    props: {
      data: kaartData, kaart, code: 'code', naam: 'naam', waarde: 'waarde', details: ['rang'], markeer: ['AM01'],
      landelijk: { waarde: 0.15, label: 'Nederland' }, bronKaart: KAART_BRON, onkies: () => {},
    },
  },
  {
    naam: 'spreiding',
    component: Scatter,
    props: {
      data: punten, x: 'groei', y: 'p', naam: 'regio', fit: { helling: 0.5, intercept: 0.25 },
      referentie: { x: 0.09, y: 0.3, label: 'Nederland' }, markeer: ['Flevoland'], labels: ['Zeeland'], details: ['n'],
    },
  },
  {
    naam: 'trechter',
    component: FunnelPlot,
    props: { data: punten, n: 'n', p: 'p', naam: 'regio', signaal: 'signaal', p0: 0.3, curve: funnelLimieten, markeer: ['Twente'], details: ['groei'] },
  },
  {
    naam: 'kleine-veelvouden',
    component: SmallMultiples,
    props: {
      data: index, x: 'jaar', referentie: 'nl', referentieLabel: 'Nederland', referentielijn: { waarde: 100, label: 'Basis' },
      panelen: [{ key: 'markt', titel: 'Markt' }, { key: 'overheid', titel: 'Overheid' }],
    },
  },
  { naam: 'waterval', component: Waterfall, props: { data: waterval, categorie: 'stap', waarde: 'bedrag', richting: 'richting' } },
  { naam: 'waterval-overschot', component: Waterfall, props: { data: watervalOverschot, categorie: 'stap', waarde: 'bedrag', richting: 'richting', vanafNul: true, hoogte: 280 } },
  {
    naam: 'staaf-lijn',
    component: BarLineChart,
    props: { data: resultaatJaren, categorie: 'jaar', waarde: 'bedrag', richting: 'uitkomst', lijn: { waarde: 'cumBedrag', richting: 'cumUitkomst', label: 'Cumulatief' }, staafLabel: 'Resultaat', markeer: [2016] },
  },
  {
    naam: 'bijenzwerm',
    component: Beeswarm,
    props: {
      data: gemeentenZwerm, waarde: 'pct', richting: 'uitkomst', naam: 'gemeente', id: 'code', markeer: ['GM0103'], details: ['code'],
      lijnen: [{ waarde: -2.5, label: 'Nederland' }], band: { van: -6, tot: 3, label: 'Middelste helft' },
    },
  },
  {
    naam: 'tweezijdig',
    component: DivergingBars,
    props: { data: rangGemeenten, categorie: 'gemeente', waarde: 'pct', richting: 'uitkomst', markeer: ['Almere'], landelijk: { waarde: -0.047, label: 'Nederland' }, details: ['plaats'] },
  },
  {
    naam: 'kaart-tweezijdig',
    component: Choropleth,
    props: {
      data: regioSaldo, kaart, code: 'code', naam: 'naam', waarde: 'pct', richting: 'uitkomst', markeer: ['AM38'],
      landelijk: { waarde: -0.012, label: 'Nederland' }, bronKaart: KAART_BRON, onkies: () => {},
    },
  },
];

describe('golden SVG files', () => {
  for (const g of gevallen) {
    it(`${g.naam} draws the same as test/golden/charts/${g.naam}.svg`, () => {
      const html = render(g.component, { props: g.props }).body;
      const uitkomst = vergelijkMetGolden(new URL(`./golden/charts/${g.naam}.svg`, import.meta.url), goldenSvg(html));
      expect(uitkomst.ok ? 'gelijk' : uitkomst.reden).toBe('gelijk');
    });
  }
});

describe('error state of every chart (ChartShell)', () => {
  // The first column each case names, renamed away: the chart must say so, not throw.
  for (const g of gevallen) {
    it(`${g.naam} says which column is missing instead of drawing`, () => {
      const data = g.props.data as ChartData;
      const weg = data.kolommen[0].key;
      const zonder: ChartData = { ...data, kolommen: data.kolommen.map((k) => (k.key === weg ? { ...k, key: `${weg}_weg` } : k)) };
      const html = render(g.component, { props: { ...g.props, data: zonder } }).body;
      expect(html).toMatch(/<p class="pm-fout[^"]*" role="alert">(Grafiek|Kaart) kan niet worden getekend: kolom "/);
      expect(html).toContain(`kolom "${weg}" ontbreekt in "${data.titel}"`);
      expect(html).not.toContain('<svg');
    });
  }
});

describe('golden file normalisation', () => {
  it('keeps nested svgs inside their top-level block and drops comments', () => {
    const html = '<div><!--[--><svg width="10" height="5"><svg><rect/></svg></svg><p>x</p><svg class="pm-overlay" width="10" height="5"></svg><!--]--></div>';
    expect(svgBlokken(html)).toEqual(['<svg width="10" height="5"><svg><rect/></svg></svg>', '<svg class="pm-overlay" width="10" height="5"></svg>']);
  });
  it('sorts attributes, rounds coordinates but not labels, numbers ids and stacks drawings', () => {
    const html =
      '<svg width="10" role="img" height="5" aria-labelledby="s7-t" class="svelte-1abc"><title id="s7-t">A</title>' +
      '<path d="M1.23456,2L3,-0.001" aria-label="15.847" style="stroke: red; fill: blue"></path></svg>' +
      '<svg class="pm-overlay" width="10" height="5"></svg><svg width="8" height="4"></svg>';
    expect(goldenSvg(html)).toBe(
      [
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="9" viewBox="0 0 10 9">',
        '  <svg aria-labelledby="id1" height="5" role="img" width="10" x="0" y="0">',
        '    <title id="id1">A</title>',
        '    <path aria-label="15.847" d="M1.23,2L3,0" style="fill: blue; stroke: red"/>',
        '  </svg>',
        '  <svg class="pm-overlay" height="5" width="10" x="0" y="0"/>',
        '  <svg height="4" width="8" x="0" y="5"/>',
        '</svg>',
        '',
      ].join('\n'),
    );
  });
});

/**
 * The chart variants the Beschut werk page added, against golden SVG files (test/golden-svg.ts):
 * a line with a 95% interval band and a dashed extrapolation with its own band, and a funnel of a
 * ratio that passes 100% (plafond null).
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import FunnelPlot from '../src/lib/charts/FunnelPlot.svelte';
import LineChart from '../src/lib/charts/LineChart.svelte';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { AFGELEID } from '../src/lib/format/disclosure.ts';
import { poissonFunnelCurve } from '../src/lib/metrics/beschut-stats.ts';
import { goldenSvg, vergelijkMetGolden } from './golden-svg.ts';

const basis = { bron: 'UWV, bewerking SZW', peildatum: '2017-05-31', synthetisch: false } as const;

/** Five measured months with a Wilson band (one suppressed), then an extrapolation with its band. */
const maanden: ChartData = {
  ...basis,
  titel: 'Positief per maand',
  kolommen: [
    { key: 'maand', label: 'Maand', type: 'tekst' },
    { key: 'pct', label: 'Positief', type: 'pct' },
    { key: 'onder', label: 'Ondergrens', type: 'pct' },
    { key: 'boven', label: 'Bovengrens', type: 'pct' },
    { key: 'extra', label: 'Extrapolatie, geen meting', type: 'pct' },
    { key: 'eOnder', label: 'Extrapolatie ondergrens', type: 'pct' },
    { key: 'eBoven', label: 'Extrapolatie bovengrens', type: 'pct' },
  ],
  rijen: [
    { maand: 'jan', pct: 0.58, onder: 0.5, boven: 0.66, extra: null, eOnder: null, eBoven: null },
    { maand: 'feb', pct: 0.6, onder: 0.54, boven: 0.66, extra: null, eOnder: null, eBoven: null },
    { maand: 'mrt', pct: AFGELEID, onder: AFGELEID, boven: AFGELEID, extra: null, eOnder: null, eBoven: null },
    { maand: 'apr', pct: 0.62, onder: 0.57, boven: 0.67, extra: null, eOnder: null, eBoven: null },
    { maand: 'mei', pct: 0.64, onder: 0.6, boven: 0.68, extra: 0.64, eOnder: 0.64, eBoven: 0.64 },
    { maand: 'jun', pct: null, onder: null, boven: null, extra: 0.65, eOnder: 0.6, eBoven: 0.7 },
    { maand: 'jul', pct: null, onder: null, boven: null, extra: 0.66, eOnder: 0.58, eBoven: 0.74 },
  ],
};

/** Positive adviezen per place of taakstelling: one region above 100%, one far above the limits. */
const verhouding: ChartData = {
  ...basis,
  titel: 'Positieve adviezen per plek',
  kolommen: [
    { key: 'naam', label: 'Regio', type: 'tekst' },
    { key: 'taak', label: 'Taakstelling', type: 'aantal' },
    { key: 'v', label: 'Positief per plek', type: 'pct', decimalen: 0 },
  ],
  rijen: [
    { naam: 'A', taak: 40, v: 0.5, signaal: 'binnen' },
    { naam: 'B', taak: 120, v: 0.62, signaal: 'binnen' },
    { naam: 'C', taak: 15, v: 1.35, signaal: 'boven998' },
    { naam: 'D', taak: 300, v: 0.41, signaal: 'onder95' },
  ],
};

const gevallen = [
  {
    naam: 'beschut-lijn-band',
    component: LineChart,
    props: {
      data: maanden,
      x: 'maand',
      series: [
        { key: 'pct', band: { onder: 'onder', boven: 'boven', label: '95%-interval' } },
        { key: 'extra', stijl: 'stippel', band: { onder: 'eOnder', boven: 'eBoven', label: '95%-interval' } },
      ],
      vanafNul: false,
    },
  },
  {
    naam: 'beschut-trechter-verhouding',
    component: FunnelPlot,
    props: { data: verhouding, n: 'taak', p: 'v', naam: 'naam', signaal: 'signaal', p0: 0.55, curve: poissonFunnelCurve(0.55, 10, 330, 12), plafond: null },
  },
];

describe('golden SVG files of the Beschut werk chart variants', () => {
  for (const g of gevallen) {
    it(`${g.naam} draws the same as test/golden/charts/${g.naam}.svg`, () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const { body } = render(g.component as any, { props: g.props });
      const uitkomst = vergelijkMetGolden(new URL(`./golden/charts/${g.naam}.svg`, import.meta.url), goldenSvg(body));
      expect(uitkomst.ok, uitkomst.ok ? '' : uitkomst.reden).toBe(true);
    });
  }

  it('draws the band as an area below the line, broken at a suppressed month, and names it in the tooltip text', () => {
    const { body } = render(LineChart, { props: gevallen[0].props as never });
    const svg = goldenSvg(body);
    // Two bands (fill-opacity 0.2, no stroke), each one <path>; the first has two pieces (M … M …) around March.
    const banden = [...svg.matchAll(/<path d="([^"]+)"[^>]*fill-opacity="0.2"/g)].map((m) => m[1]);
    expect(banden).toHaveLength(2);
    expect(banden[0].match(/M/g)).toHaveLength(2);
    expect(body).toContain('64,0% (95%-interval 60,0% – 68,0%)');
  });

  it('lets a ratio funnel pass 100% when plafond is null, and caps proportions at 100% by default', () => {
    const open = render(FunnelPlot, { props: gevallen[1].props as never }).body;
    expect(open).toMatch(/>140%<|>150%<|>160%</);
    const dicht = render(FunnelPlot, { props: { ...gevallen[1].props, plafond: 1 } as never }).body;
    expect(dicht).not.toMatch(/>1[1-9]0%</);
  });
});

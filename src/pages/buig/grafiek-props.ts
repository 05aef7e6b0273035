/**
 * How the BUIG page draws its two briefing views, once: the page (JaarWeergave,
 * GemeentenWeergave) and the briefing (briefing.ts) pass the same props to the same chart, so a
 * section in a briefing looks like the chart on the page.
 */
import type { Component, ComponentProps } from 'svelte';
import type BarLineChart from '../../lib/charts/BarLineChart.svelte';
import type Beeswarm from '../../lib/charts/Beeswarm.svelte';
import type { ChartData } from '../../lib/charts/spec.ts';
import type { LandelijkRij, SpreidingRij } from '../../lib/metrics/buig.ts';
import { isLandelijk, type BuigFilters } from './selectie.ts';

/** A chart's props, also as the plain record a briefing section stores. */
type Props<C extends Component<any>> = ComponentProps<C> & Record<string, unknown>;

/** The result per year (bars) with the cumulative result from the range's first year (line); the chosen year marked. */
export function resultaatProps(data: ChartData, periode: { van: number }, jaar: number): Props<typeof BarLineChart> {
  return {
    data,
    categorie: 'jaar',
    waarde: 'bedrag',
    richting: 'uitkomst',
    staafLabel: 'Resultaat per jaar (€ mln)',
    lijn: { waarde: 'cumBedrag', richting: 'cumUitkomst', label: `Cumulatief vanaf ${periode.van} (€ mln)` },
    markeer: [jaar],
  };
}

/** The selection's own result in % as a reference line (Nederland when nothing is narrowed). */
export function selectieLijn(rij: LandelijkRij | null | undefined, f: BuigFilters): { waarde: number; label: string }[] {
  return rij && rij.saldoPct !== null ? [{ waarde: rij.saldoPct / 100, label: isLandelijk(f) ? 'Nederland' : 'Selectie' }] : [];
}

/**
 * The gemeenten of a year as a swarm: the selection's own result as a line (Nederland when
 * nothing is narrowed), the middle half of the gemeenten as a band, the chosen gemeente marked.
 */
export function zwermProps(data: ChartData, rij: LandelijkRij | null | undefined, s: SpreidingRij | null, f: BuigFilters): Props<typeof Beeswarm> {
  return {
    data,
    waarde: 'pct',
    richting: 'uitkomst',
    naam: 'gemeente',
    id: 'code',
    markeer: f.gemeente ? [f.gemeente] : [],
    lijnen: selectieLijn(rij, f),
    band: s && s.p25 !== null && s.p75 !== null ? { van: s.p25 / 100, tot: s.p75 / 100, label: 'Middelste helft van de gemeenten' } : null,
    details: ['bedrag', 'regio'],
    label: `Verdeling over de gemeenten: ${data.titel}`,
  };
}

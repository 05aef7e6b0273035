/**
 * What each Duurzaamheid chart draws from its ChartData: the series of the line charts and the
 * parts of the stacked bar. The page and its briefing registry (briefing.ts) draw the same chart
 * from the same description, so a legend or colour changed here changes in both.
 */
import type { ChartData, LijnSerie } from '../../lib/charts/spec.ts';
import type { Horizon } from '../../lib/metrics/duurzaamheid/filters.ts';

/** The outcome bar per group: werkzaam, werk verloren, uit het register, in these colours. */
export const UITKOMST_STAAF: { categorie: string; delen: string[]; kleuren: number[] } = { categorie: 'groep', delen: ['werkzaam_pct', 'verloren_pct', 'uit_pct'], kleuren: [0, 2, 4] };

/** The starters bar per group: werkzaam na 1 jaar. */
export const STARTERS_STAAF = { categorie: 'groep', waarde: 'na1_pct', richting: 'horizontaal' } as const;

/** Legend word for computed lines: short, so it fits 390 px; the table twin's columns say it in full. */
export function soortLabel(d: Pick<ChartData, 'synthetisch'>, kort = true): string {
  return d.synthetisch ? (kort ? 'demodata' : 'Demodata') : kort ? 'berekend' : 'Berekend';
}

/** The series of a line chart whose columns exist in its data (a published series may be empty). */
function bestaandeReeksen(d: ChartData, reeksen: LijnSerie[]): LijnSerie[] {
  return reeksen.filter((s) => d.kolommen.some((k) => k.key === s.key));
}

/** A computed line and its published markers in the same colour. */
function metGepubliceerd(key: string, pub: string, naam: string, pubNaam: string, soort: string, kleurIndex: number, marker: LijnSerie['marker']): LijnSerie[] {
  return [
    { key, label: `${naam} (${soort})`, stijl: 'lijn', kleurIndex, marker },
    { key: pub, label: `${pubNaam} (gepubliceerd)`, stijl: 'punten', kleurIndex, marker: 'ruit' },
  ];
}

/** The cohort trend: werkzaam, steeds werkzaam and zelfde baan, each with UWV's figures. */
export function trendReeksen(d: ChartData, horizon: Horizon): LijnSerie[] {
  const s = soortLabel(d);
  const werkzaam = `Werkzaam ${horizon === 4 ? 'na 1 jaar' : 'na 2 jaar'}`;
  return bestaandeReeksen(d, [
    ...metGepubliceerd('werkzaam_pct', 'pub_werkzaam', werkzaam, werkzaam, s, 0, 'cirkel'),
    ...metGepubliceerd('steeds_pct', 'pub_steeds', 'Steeds werkzaam', 'Steeds werkzaam', s, 1, 'vierkant'),
    ...metGepubliceerd('zelfde_pct', 'pub_zelfde', 'Zelfde baan', 'Zelfde baan', s, 2, 'driehoek'),
  ]);
}

/** The starters trend: werkzaam na 1 jaar, zelfde baan na 1 jaar, werkzaam na 2 jaar. */
export function startersReeksen(d: ChartData): LijnSerie[] {
  const s = soortLabel(d);
  return bestaandeReeksen(d, [
    ...metGepubliceerd('na1_pct', 'pub_na1', 'Na 1 jaar', 'Na 1 jaar', s, 0, 'cirkel'),
    ...metGepubliceerd('zelfde_pct', 'pub_zelfde', 'Zelfde baan na 1 jaar', 'Zelfde baan na 1 jaar', s, 2, 'driehoek'),
    ...metGepubliceerd('na2_pct', 'pub_na2', 'Na 2 jaar', 'Na 2 jaar', s, 1, 'vierkant'),
  ]);
}

/** The contract chart's two panels: hours on a permanent contract, and the mean duration of running jobs. */
export const CONTRACT_PANELEN = [
  { paneel: 'uren', titel: 'Uren op een vast contract', label: 'Aandeel verloonde uren op een vast contract per kwartaal', vanafNul: false },
  { paneel: 'duur', titel: 'Gemiddelde duur van lopende banen (jaren)', label: 'Gemiddelde duur van lopende banen in jaren per kwartaal', vanafNul: true },
] as const;

export function contractReeksen(d: ChartData, paneel: (typeof CONTRACT_PANELEN)[number]['paneel']): LijnSerie[] {
  const s = soortLabel(d, false);
  return paneel === 'uren'
    ? bestaandeReeksen(d, [{ key: 'uren_pct', label: s, stijl: 'lijn', kleurIndex: 0, marker: 'cirkel' }, { key: 'pub_uren', label: 'Gepubliceerd', stijl: 'punten', kleurIndex: 0, marker: 'ruit' }])
    : bestaandeReeksen(d, [{ key: 'duur', label: s, stijl: 'lijn', kleurIndex: 1, marker: 'vierkant' }, { key: 'pub_duur', label: 'Gepubliceerd', stijl: 'punten', kleurIndex: 1, marker: 'ruit' }]);
}

/**
 * Layout helpers shared by the chart components: text width estimates (SVG is laid out before
 * the browser measures anything, and the same layout must hold in server render and export),
 * axis tick labels, legend flow.
 */
import { formatAantal, formatEuro, formatPct } from '../format/nl.ts';
import type { Kolom } from './spec.ts';

export const TEKST_PX = 13;
export const KLEIN_PX = 12;

/** Rough width of a text in a sans-serif font: good enough to avoid overlaps, never exact. */
export function tekstBreedte(tekst: string, px = TEKST_PX): number {
  let w = 0;
  for (const ch of tekst) {
    if ('ijlI.,:;|!\'()'.includes(ch)) w += 0.3;
    else if ('mwMW€%'.includes(ch)) w += 0.85;
    else if (ch === ' ') w += 0.28;
    else if (/[A-Z0-9]/.test(ch)) w += 0.62;
    else w += 0.53;
  }
  return w * px;
}

/**
 * A name in at most a few lines no wider than `max` pixels: like breekRegels, but a word may also
 * break after a slash or hyphen ("Zaanstreek/" "Waterland"), as region names need on a phone.
 */
export function breekNaam(naam: string, max: number, px = TEKST_PX): string[] {
  const delen = naam.split(/(?<=[\s/-])/);
  const regels: string[] = [];
  let huidig = '';
  for (const d of delen) {
    const probeer = huidig + d;
    if (huidig && tekstBreedte(probeer.trimEnd(), px) > max) {
      regels.push(huidig.trimEnd());
      huidig = d;
    } else huidig = probeer;
  }
  if (huidig.trim()) regels.push(huidig.trimEnd());
  return regels;
}

/** The right margin a plot needs so its last x-axis label, centred on the plot's edge less `binnen` px, stays inside. */
export function randVoorLaatste(labels: readonly string[], minimum: number, binnen = 0, px = KLEIN_PX): number {
  const laatste = labels.at(-1);
  return laatste === undefined ? minimum : Math.max(minimum, Math.ceil(tekstBreedte(laatste, px) / 2 + 2 - binnen));
}

/** Splits a text into lines no wider than `max` pixels (word wrap, long words kept whole). */
export function breekRegels(tekst: string, max: number, px = TEKST_PX): string[] {
  const woorden = tekst.split(/\s+/).filter(Boolean);
  const regels: string[] = [];
  let huidig = '';
  for (const w of woorden) {
    const probeer = huidig ? `${huidig} ${w}` : w;
    if (huidig && tekstBreedte(probeer, px) > max) {
      regels.push(huidig);
      huidig = w;
    } else huidig = probeer;
  }
  if (huidig) regels.push(huidig);
  return regels;
}

/**
 * Tick labels for a value axis: the fewest decimals that show every tick exactly,
 * in the column's unit (pct ticks as "80%", euros as "€ 2,5 mld").
 */
export function asLabels(ticks: readonly number[], k: Kolom): string[] {
  // Euros: one scale for the whole axis (the largest tick decides), not "€ 500 mln" next to "€ 1,0 mld".
  const max = Math.max(0, ...ticks.map((t) => Math.abs(t)));
  const schaal = max >= 1e9 ? 'mld' : max >= 1e6 ? 'mln' : 'euro';
  const deler = k.type === 'pct' ? 0.01 : k.type === 'euro' ? { mld: 1e9, mln: 1e6, euro: 1 }[schaal] : 1;
  // The fewest decimals that show every tick exactly (82,5% must not read as 83%).
  const exact = (d: number) => ticks.every((t) => {
    const v = (t / deler) * 10 ** d;
    return Math.abs(v - Math.round(v)) < 1e-6 * Math.max(1, Math.abs(v));
  });
  let d = 0;
  while (d < 3 && !exact(d)) d++;
  return ticks.map((t) => asLabel(t, k, d, schaal));
}

function asLabel(t: number, k: Kolom, d: number, schaal: 'mld' | 'mln' | 'euro'): string {
  if (k.type === 'pct') return formatPct(t, d);
  if (k.type === 'euro') return formatEuro(t, { schaal, decimalen: d });
  return formatAantal(t, d);
}

/**
 * Room for a column of labels (y tick labels, category names): the widest label, at least `min`,
 * plus `extra` for the gap to the plot, at most `max`.
 */
export function labelRuimte(labels: readonly string[], opties: { min?: number; extra?: number; max?: number } = {}): number {
  const breedst = Math.max(...labels.map((l) => tekstBreedte(l, KLEIN_PX)), opties.min ?? 10);
  return Math.min(Math.ceil(breedst) + (opties.extra ?? 10), opties.max ?? Infinity);
}

export interface Marge {
  links: number;
  rechts: number;
  boven: number;
  onder: number;
}

/**
 * The plot area of a drawing with a value axis on the left: the left margin fits the widest y
 * label (labelRuimte), the plot gets what is left, but never less than `min` pixels.
 */
export function plotVlak(
  breedte: number,
  hoogte: number,
  yLabels: readonly string[],
  rand: Omit<Marge, 'links'> & { labelExtra?: number; min?: number },
): { marge: Marge; plotB: number; plotH: number } {
  const marge = { links: labelRuimte(yLabels, { extra: rand.labelExtra }), rechts: rand.rechts, boven: rand.boven, onder: rand.onder };
  const min = rand.min ?? 60;
  return {
    marge,
    plotB: Math.max(breedte - marge.links - marge.rechts, min),
    plotH: Math.max(hoogte - marge.boven - marge.onder, min),
  };
}

/** Every how-many-th category label fits on an axis of this width. */
export function labelStap(labels: readonly string[], beschikbaar: number, px = KLEIN_PX): number {
  if (labels.length === 0) return 1;
  const breedste = Math.max(...labels.map((l) => tekstBreedte(l, px))) + 8;
  const perLabel = beschikbaar / labels.length;
  return Math.max(1, Math.ceil(breedste / Math.max(perLabel, 1)));
}

/** Ticks of an axis (YAs, XAs): values, their labels and the scale that places them. */
export interface AsTicks {
  ticks: readonly number[];
  labels: readonly string[];
  schaal: (v: number) => number;
}

export interface LegendaItem {
  label: string;
  x: number;
  y: number;
}

/** Legend items laid out left to right, wrapping to a new row when the width runs out. */
export function legendaLayout(
  labels: readonly string[],
  breedte: number,
  opties: { symbool?: number; tussen?: number; regel?: number; px?: number } = {},
): { items: LegendaItem[]; hoogte: number } {
  const symbool = opties.symbool ?? 28;
  const tussen = opties.tussen ?? 20;
  const regel = opties.regel ?? 20;
  const px = opties.px ?? KLEIN_PX;
  const items: LegendaItem[] = [];
  let x = 0;
  let y = 0;
  for (const label of labels) {
    const w = symbool + tekstBreedte(label, px);
    if (x > 0 && x + w > breedte) {
      x = 0;
      y += regel;
    }
    items.push({ label, x, y });
    x += w + tussen;
  }
  return { items, hoogte: labels.length ? y + regel : 0 };
}

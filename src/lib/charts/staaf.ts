/**
 * What the bar charts (BarChart, BarLineChart, DivergingBars, Waterfall) have in common: their
 * props, the width they draw at, and the check of the columns they read.
 */
import type { Woorden } from './richting.ts';
import { controleerKolommen, NUMERIEK, type ChartData, type KolomType } from './spec.ts';

/** Props of every bar chart. */
export interface StaafProps {
  data: ChartData;
  /** Column naming each bar. */
  categorie: string;
  /** Numeric column with each bar's value (with a word column: the amount, never negative). */
  waarde: string;
  /** Category values (as in the data) to highlight: another colour AND a bold label. */
  markeer?: readonly unknown[];
  /** Title of the drawing (default: the data's title). */
  label?: string;
}

/** Props of a bar chart whose direction is a word column (tekort / overschot, richting.ts). */
export interface WoordStaafProps extends StaafProps {
  /** Text column with each bar's word (woorden.negatief / woorden.positief). */
  richting: string;
  woorden?: Woorden;
}

/** Width to draw at: the measured width, 640 before the first measurement, never below `min`. */
export function staafBreedte(gemeten: number, min = 260): number {
  return Math.max(gemeten > 0 ? gemeten : 640, min);
}

/** Column check of a bar chart: the category, the numeric value, the word column and any others. */
export function controleerStaven(data: ChartData, categorie: string, waarde: string, richting: string | null, extra: readonly { key: string; types?: readonly KolomType[] }[] = []): string | null {
  return controleerKolommen(data, [{ key: categorie }, { key: waarde, types: NUMERIEK }, ...(richting ? [{ key: richting }] : []), ...extra]);
}

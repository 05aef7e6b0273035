/**
 * Values whose direction is a word, not a sign: a BUIG result is a "tekort" or an "overschot", a
 * budget adjustment is "opwaarts" or "neerwaarts". The table twin holds the amount (never
 * negative) and the word in its own column; the charts derive the signed position from those two
 * cells, so chart, table and CSV read the same. Axis ticks show amounts, the sides carry the words.
 */
import { alsGetal, celTekst, type Kolom } from './spec.ts';

export interface Woorden {
  /** The word for a value below zero (left or down). */
  negatief: string;
  /** The word for a value above zero (right or up). */
  positief: string;
  /** The word for exactly zero. */
  nul: string;
}

export const SALDO_WOORDEN: Woorden = { negatief: 'tekort', positief: 'overschot', nul: 'sluitend' };
export const BIJSTELLING_WOORDEN: Woorden = { negatief: 'neerwaarts', positief: 'opwaarts', nul: 'gelijk' };

/** The word of a signed value. */
export function woordVan(v: number, w: Woorden = SALDO_WOORDEN): string {
  return v < 0 ? w.negatief : v > 0 ? w.positief : w.nul;
}

/** Signed value of an amount and its word cell; null when the amount is missing or the word unknown. */
export function getekend(bedrag: unknown, woord: unknown, w: Woorden = SALDO_WOORDEN): number | null {
  const v = alsGetal(bedrag);
  if (v === null) return null;
  if (woord === w.negatief) return -Math.abs(v);
  if (woord === w.positief) return Math.abs(v);
  return v === 0 ? 0 : null;
}

/** True when the word is one of this pair's three words. */
export function isWoord(woord: unknown, w: Woorden): boolean {
  return woord === w.negatief || woord === w.positief || woord === w.nul;
}

/** "tekort 4,8%" / "overschot € 159 mln" / "0,0%": a signed value in words, formatted by the column. */
export function woordTekst(v: number, k: Kolom, w: Woorden = SALDO_WOORDEN): string {
  const tekst = celTekst(Math.abs(v), k);
  // What rounds to zero is shown as zero, without a direction.
  return /^(€\s*)?0(,0+)?\s*%?$/.test(tekst) ? tekst : `${woordVan(v, w)} ${tekst}`;
}

/**
 * A choropleth class of signed values in words: "tekort 2,0% tot 4,0%", "tekort 4,0% of meer",
 * "overschot tot 2,0%". `min` and `max` are the data's extremes (the open ends of the outer classes).
 * klassen.ts makes 0 a boundary when values lie on both sides, so a class never spans both words.
 */
export function woordKlasse(k: { van: number | null; tot: number | null }, kolom: Kolom, bereik: { min: number; max: number }, w: Woorden = SALDO_WOORDEN): string {
  const t = (v: number) => celTekst(Math.abs(v), kolom);
  const lo = k.van ?? bereik.min;
  const hi = k.tot ?? bereik.max;
  if (hi <= 0) {
    if (k.van === null) return hi === 0 ? w.negatief : `${w.negatief} ${t(hi)} of meer`;
    return hi === 0 ? `${w.negatief} tot ${t(lo)}` : `${w.negatief} ${t(hi)} tot ${t(lo)}`;
  }
  if (lo >= 0) {
    if (k.tot === null) return lo === 0 ? w.positief : `${w.positief} ${t(lo)} of meer`;
    return lo === 0 ? `${w.positief} tot ${t(hi)}` : `${w.positief} ${t(lo)} tot ${t(hi)}`;
  }
  return `${w.negatief} ${t(lo)} tot ${w.positief} ${t(hi)}`;
}

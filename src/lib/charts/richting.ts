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
}

export const SALDO_WOORDEN: Woorden = { negatief: 'tekort', positief: 'overschot' };
export const BIJSTELLING_WOORDEN: Woorden = { negatief: 'neerwaarts', positief: 'opwaarts' };

/** The word of a signed value (null for 0: neither). */
export function woordVan(v: number, w: Woorden = SALDO_WOORDEN): string | null {
  return v < 0 ? w.negatief : v > 0 ? w.positief : null;
}

/** Signed value of an amount and its word cell; null when the amount is missing or the word unknown. */
export function getekend(bedrag: unknown, woord: unknown, w: Woorden = SALDO_WOORDEN): number | null {
  const v = alsGetal(bedrag);
  if (v === null) return null;
  if (woord === w.negatief) return -Math.abs(v);
  if (woord === w.positief) return Math.abs(v);
  return v === 0 ? 0 : null;
}

/** "tekort 4,8%" / "overschot € 159 mln" / "0,0%": a signed value in words, formatted by the column. */
export function woordTekst(v: number, k: Kolom, w: Woorden = SALDO_WOORDEN): string {
  const tekst = celTekst(Math.abs(v), k);
  const woord = /^0(,0+)?\s*%?$/.test(tekst.replace(/^€\s*/, '')) ? null : woordVan(v, w);
  return woord ? `${woord} ${tekst}` : tekst;
}

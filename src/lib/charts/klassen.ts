/**
 * Class breaks for a choropleth: a handful of classes with round boundaries, so the legend reads
 * "2.000 tot 3.500" and a region's colour can be checked against its number in the table.
 *
 * - Boundaries come from quantiles (every colour is used) rounded to the column's display
 *   precision at a round step, so a legend label never shows more digits than the table.
 * - A value is classified by its DISPLAYED (rounded) value: a region shown as "2.000" in the
 *   table lands in "2.000 tot …", never in "minder dan 2.000".
 * - When values lie on both sides of 0 (shrinking and growing regions), 0 is a boundary and
 *   the classes below it get a second hue: colour then also tells the sign.
 */
import { quantileSorted } from 'd3-array';
import { celTekst, type Kolom } from './spec.ts';
import { kleur, type Kleur } from './palette.ts';

/** Light to dark; the lightest stays visibly apart from the white background. */
const BLAUW = [100, 200, 300, 400, 500].map((n) => kleur(`--rhc-color-lintblauw-${n}`));
// Violet, not orange: orange marks a selected region on maps and bars.
const VIOLET = [100, 200, 300, 400, 500].map((n) => kleur(`--rhc-color-violet-${n}`));
/** Regions without a (shown) value. */
export const KLEUR_GEEN_WAARDE = kleur('--rhc-color-cool-grey-200');

export interface Klasse {
  /** Lower bound (inclusive); null for the first class. */
  van: number | null;
  /** Upper bound (exclusive); null for the last class. */
  tot: number | null;
  kleur: Kleur;
  label: string;
}

export interface Klassenindeling {
  /** Interior boundaries, strictly increasing. */
  grenzen: number[];
  klassen: Klasse[];
}

/** Step in which numbers of this column are displayed (0,001 for a pct with 1 decimal). */
export function weergaveStap(k: Kolom): number {
  if (k.type === 'pct') return 10 ** -((k.decimalen ?? 1) + 2);
  if (k.type === 'aantal') return 10 ** -(k.decimalen ?? 0);
  return 10 ** -(k.decimalen ?? 0);
}

/** The value as the table shows it (rounded to the display step). */
export function weergaveWaarde(v: number, k: Kolom): number {
  const stap = weergaveStap(k);
  return Number((Math.round(v / stap) * stap).toFixed(12));
}

/** A round step for boundaries: 1, 2 or 5 × 10^n, about a tenth of a class width, never finer than the display step. */
function rondeStap(bereik: number, aantal: number, minimum: number): number {
  const ruw = bereik / aantal / 4;
  if (!(ruw > 0)) return minimum;
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const f = ruw / macht;
  const stap = (f >= 5 ? 5 : f >= 2 ? 2 : 1) * macht;
  return Math.max(stap, minimum);
}

function rond(v: number, stap: number): number {
  return Number((Math.round(v / stap) * stap).toFixed(12));
}

/**
 * Up to `aantal` classes for these values (missing values are left out beforehand).
 * Fewer classes come out when the values have few distinct levels.
 */
export function klassenIndeling(waarden: readonly number[], k: Kolom, aantal = 5): Klassenindeling {
  const w = waarden.filter((v) => Number.isFinite(v)).map((v) => weergaveWaarde(v, k)).sort((a, b) => a - b);
  if (w.length === 0) return { grenzen: [], klassen: [] };
  const min = w[0];
  const max = w[w.length - 1];
  const stap = rondeStap(max - min, aantal, weergaveStap(k));
  let grenzen: number[] = [];
  for (let i = 1; i < aantal; i++) {
    const g = rond(quantileSorted(w, i / aantal)!, stap);
    if (g > min && g <= max && !grenzen.includes(g)) grenzen.push(g);
  }
  grenzen.sort((a, b) => a - b);
  const tweezijdig = min < 0 && max > 0;
  if (tweezijdig && !grenzen.includes(0)) {
    // Replace the boundary nearest to 0 by 0 itself, so no class straddles the sign.
    let dichtst = -1;
    grenzen.forEach((g, i) => {
      if (dichtst < 0 || Math.abs(g) < Math.abs(grenzen[dichtst])) dichtst = i;
    });
    if (dichtst >= 0 && grenzen.length >= aantal - 1) grenzen[dichtst] = 0;
    else grenzen.push(0);
    grenzen = [...new Set(grenzen)].sort((a, b) => a - b);
  }
  return { grenzen, klassen: maakKlassen(grenzen, k, tweezijdig) };
}

function maakKlassen(grenzen: readonly number[], k: Kolom, tweezijdig: boolean): Klasse[] {
  const n = grenzen.length + 1;
  const tekst = (v: number) => celTekst(v, k);
  const onder = tweezijdig ? grenzen.filter((g) => g <= 0).length : 0; // classes entirely below 0
  const boven = n - onder;
  return Array.from({ length: n }, (_, i) => {
    const van = i === 0 ? null : grenzen[i - 1];
    const tot = i === n - 1 ? null : grenzen[i];
    const label = van === null ? `minder dan ${tekst(tot!)}` : tot === null ? `${tekst(van)} of meer` : `${tekst(van)} tot ${tekst(tot)}`;
    // Darker further from 0 (two hues) or towards high values (one hue).
    const c = i < onder ? tint(VIOLET, onder - 1 - i, onder) : tint(BLAUW, i - onder, boven);
    return { van, tot, kleur: c, label };
  });
}

/** The i-th of n shades spread over a ramp (n = 1 → the middle shade). */
function tint(ramp: readonly Kleur[], i: number, n: number): Kleur {
  if (n <= 1) return ramp[2];
  return ramp[Math.round((i * (ramp.length - 1)) / (n - 1))];
}

/** Index of the class a value falls in (by its displayed value); -1 for a missing value. */
export function klasseVan(v: number | null, indeling: Klassenindeling, k: Kolom): number {
  if (v === null || !Number.isFinite(v) || indeling.klassen.length === 0) return -1;
  const w = weergaveWaarde(v, k);
  let i = 0;
  while (i < indeling.grenzen.length && w >= indeling.grenzen[i]) i++;
  return i;
}

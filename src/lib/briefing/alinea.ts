/**
 * Numbers in words, in the style of the letters to parliament ("bijna 87 procent", "ruim 22.000").
 * The rules, so a drafted sentence never claims more precision than it shows:
 *
 * - Shares are whole percentages. Within 0,1 procentpunt of the whole number no word is added
 *   ("87 procent" for 0,8709); below it "bijna", above it "ruim" (0,868 → "bijna 87 procent",
 *   0,873 → "ruim 87 procent"); the words are about size, so −3,2% is "ruim −3 procent".
 *   `stijl: 'ongeveer'` says "ongeveer" instead, for a figure whose direction does not matter.
 * - One decimal only when a comparison needs it: when two different values would show the same
 *   whole percentage (decimalenVoorVergelijking). Decimals take no rounding word ("86,8 procent").
 *   A share that would round to 0 procent but is not 0 also keeps one decimal ("0,3 procent").
 * - A difference between two shares is the difference of the figures as shown, so the text never
 *   contradicts itself: 87 and 83 procent are "4 procentpunt" apart, whatever the decimals.
 * - Counts are exact by default ("15.847"): the letters cite register counts exactly ("36.904").
 *   With `afronden` they are rounded as the letters do: below 1.000 exact, below 10.000 to the
 *   hundred, below a million to the thousand, from a million to a tenth of a million ("ruim 1,2
 *   miljoen"), with the same words ("bijna 16.000" for 15.847, "ruim 22.000" for 22.340).
 * All rounding goes through the nl-NL formatters of lib/format/nl.ts, so a sentence and a table
 * cell round the same value the same way.
 */
import { formatAantal, formatEuro, formatPctGetal } from '../format/nl.ts';
import type { TekstDeel } from './types.ts';

/** How a rounded figure is qualified: by direction ("bijna"/"ruim") or without ("ongeveer"). */
export type AfrondStijl = 'richting' | 'ongeveer';

export interface ProcentOpties {
  /** 0 (default): whole percent with a rounding word; 1: one decimal, no word. */
  decimalen?: 0 | 1;
  stijl?: AfrondStijl;
}

/** How far (in the unit shown) a value may lie from the figure before a rounding word is added. */
const MARGE_PROCENT = 0.1;
/** Floating-point slack: 0.871 × 100 is 87.10000000000001, which is still within the margin. */
const EPS = 1e-9;

/** The whole-number text and value a formatter shows, read back from its own output. */
function getoond(tekst: string): number {
  return Number(tekst.replace(/\./g, '').replace(',', '.').replace('−', '-'));
}

/** "bijna " / "ruim " / "ongeveer " / "" for a value against the figure it is shown as. */
function afrondWoord(waarde: number, figuur: number, marge: number, stijl: AfrondStijl): string {
  const afwijking = Math.abs(waarde) - Math.abs(figuur);
  if (Math.abs(afwijking) <= marge + EPS) return '';
  if (stijl === 'ongeveer') return 'ongeveer ';
  return afwijking < 0 ? 'bijna ' : 'ruim ';
}

/** A share (fraction) in words: 0.868 → "bijna 87 procent"; with 1 decimal → "86,8 procent". */
export function procentInWoorden(fractie: number, opties: ProcentOpties = {}): string {
  const heel = formatPctGetal(fractie, 0);
  const naarNul = getoond(heel) === 0 && Math.abs(fractie * 100) > MARGE_PROCENT + EPS;
  if ((opties.decimalen ?? 0) === 1 || naarNul) return `${formatPctGetal(fractie, 1)} procent`;
  return `${afrondWoord(fractie * 100, getoond(heel), MARGE_PROCENT, opties.stijl ?? 'richting')}${heel} procent`;
}

/**
 * Decimals a set of shares needs to be compared: 1 when two values that differ at one decimal
 * would show the same whole percentage, else 0. (0.868 and 0.872 both read "87": 1 decimal.)
 */
export function decimalenVoorVergelijking(fracties: readonly number[]): 0 | 1 {
  const perHeel = new Map<string, string>();
  for (const f of fracties) {
    const heel = formatPctGetal(f, 0);
    const tiende = formatPctGetal(f, 1);
    const eerder = perHeel.get(heel);
    if (eerder !== undefined && eerder !== tiende) return 1;
    perHeel.set(heel, tiende);
  }
  return 0;
}

/**
 * The difference a − b of two shares in percentage points, as the figures are shown:
 * (0.87, 0.83) → "4 procentpunt hoger", (0.868, 0.872) → "0,4 procentpunt lager",
 * equal figures → "even hoog". Decimals: as decimalenVoorVergelijking unless given.
 */
export function verschilInWoorden(a: number, b: number, opties: { decimalen?: 0 | 1 } = {}): string {
  const d = opties.decimalen ?? decimalenVoorVergelijking([a, b]);
  // In tenths (or wholes) of a percent as integers, so the subtraction is exact.
  const schaal = d === 1 ? 10 : 1;
  const verschil = Math.round(getoond(formatPctGetal(a, d)) * schaal) - Math.round(getoond(formatPctGetal(b, d)) * schaal);
  if (verschil === 0) return 'even hoog';
  return `${formatAantal(Math.abs(verschil) / schaal, d)} procentpunt ${verschil > 0 ? 'hoger' : 'lager'}`;
}

export interface AantalOpties {
  /** Round as the letters do (see the header); default false: the exact count. */
  afronden?: boolean;
  stijl?: AfrondStijl;
}

/** A count in words: 15847 → "15.847"; with afronden → "bijna 16.000"; 1234567 → "ruim 1,2 miljoen". */
export function aantalInWoorden(n: number, opties: AantalOpties = {}): string {
  if (!opties.afronden || Math.abs(n) < 1000) return formatAantal(n);
  const stijl = opties.stijl ?? 'richting';
  // From 999.500 the thousand would be 1.000.000: said as "bijna 1 miljoen" instead.
  if (Math.abs(n) >= 999500) {
    const miljoenen = formatAantal(n / 1e6, 1);
    return `${afrondWoord(n, getoond(miljoenen) * 1e6, 0, stijl)}${miljoenen.replace(/,0$/, '')} miljoen`;
  }
  const stap = Math.abs(n) < 10000 ? 100 : 1000;
  const figuur = Math.round(n / stap) * stap;
  return `${afrondWoord(n, figuur, 0, stijl)}${formatAantal(figuur)}`;
}

/**
 * Whole euros in words: 270_400_000 → "ruim € 270 miljoen", 5.8e9 → "€ 5,8 miljard", 12345 →
 * "€ 12.345". Millions whole, billions to one decimal (as formatEuro); smaller amounts exact.
 */
export function euroInWoorden(euros: number, opties: { stijl?: AfrondStijl } = {}): string {
  const tekst = formatEuro(euros);
  const m = /^€ (-?[\d.,]+) (mln|mld)$/.exec(tekst);
  if (!m) return tekst;
  const figuur = getoond(m[1]) * (m[2] === 'mld' ? 1e9 : 1e6);
  return `${afrondWoord(euros, figuur, 0, opties.stijl ?? 'richting')}€ ${m[1]} ${m[2] === 'mld' ? 'miljard' : 'miljoen'}`;
}

/** A number text at the start of a sentence: "bijna 87 procent" → "Bijna 87 procent". */
export function metHoofdletter(tekst: string): string {
  return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}

/** The paragraph as one text: the parts in order, numbers as their words. */
export function alineaTekst(delen: readonly TekstDeel[]): string {
  return delen.map((d) => (typeof d === 'string' ? d : d.getal)).join('');
}

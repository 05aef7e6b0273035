/**
 * Pure statistics for the regional comparisons: least-squares line, Pearson correlation,
 * funnel-plot control limits for proportions, a Wilson interval and a ranking helper.
 * No DuckDB, no DOM: the same functions serve chart, table, CSV and sentence.
 */

// ---------------------------------------------------------------------------------------------
// Least squares and correlation
// ---------------------------------------------------------------------------------------------

export interface Punt {
  x: number;
  y: number;
}

export interface LijnFit {
  /** y = intercept + helling · x */
  helling: number;
  intercept: number;
}

/** Sums of squares around the means; null when fewer than two points. */
function kwadratensommen(punten: readonly Punt[]): { sxx: number; syy: number; sxy: number; mx: number; my: number } | null {
  const n = punten.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (const p of punten) {
    mx += p.x;
    my += p.y;
  }
  mx /= n;
  my /= n;
  // Centred sums (two passes) instead of Σx² − n·x̄²: no cancellation when values are large.
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of punten) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { sxx, syy, sxy, mx, my };
}

function eindig(punten: readonly Punt[]): void {
  for (const p of punten) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new Error(`Punt (${p.x}; ${p.y}) is geen eindig getal; filter ontbrekende waarden eerst.`);
    }
  }
}

/** Ordinary least-squares line of y on x. Null when there are < 2 points or all x are equal. */
export function kleinsteKwadraten(punten: readonly Punt[]): LijnFit | null {
  eindig(punten);
  const s = kwadratensommen(punten);
  if (!s || s.sxx === 0) return null;
  const helling = s.sxy / s.sxx;
  return { helling, intercept: s.my - helling * s.mx };
}

/** Pearson correlation coefficient. Null when there are < 2 points or x or y has no spread. */
export function pearsonR(punten: readonly Punt[]): number | null {
  eindig(punten);
  const s = kwadratensommen(punten);
  if (!s || s.sxx === 0 || s.syy === 0) return null;
  const r = s.sxy / Math.sqrt(s.sxx * s.syy);
  // Rounding can push |r| a hair over 1 for collinear points.
  return Math.max(-1, Math.min(1, r));
}

// ---------------------------------------------------------------------------------------------
// Funnel plot for proportions
// ---------------------------------------------------------------------------------------------

/** A control level: z for the normal approximation, the one-sided tail for the exact limits. */
export interface FunnelNiveau {
  naam: '95%' | '99,8%';
  z: number;
  staart: number;
}

export const NIVEAU_95: FunnelNiveau = { naam: '95%', z: 1.96, staart: 0.025 };
export const NIVEAU_998: FunnelNiveau = { naam: '99,8%', z: 3.09, staart: 0.001 };

/**
 * How control limits are computed.
 * - `normaal`: p0 ± z·√(p0(1−p0)/n), clipped to [0, 1]. This is the score test with the variance
 *   under the national rate, so "outside the limits" is the same as "p0 outside the region's
 *   Wilson interval". It is poor when n·p0 or n·(1−p0) is small: the binomial is skewed and
 *   discrete there, and the clipped limit at 1 or 0 can never be crossed.
 * - `exact`: prediction limits from Binomial(n, p0) without interpolation. Upper limit r_U/n with
 *   r_U the smallest r such that P(R ≤ r) ≥ 1 − staart; lower limit r_L/n with r_L the smallest r
 *   such that P(R ≤ r) > staart. A region is flagged only when k > r_U or k < r_L, so a region
 *   at the national rate is flagged on one side with probability ≤ staart (conservative). The
 *   limits are steps in n; Spiegelhalter (2005) interpolates between steps for a smooth curve,
 *   which we do not, so a flag never contradicts the exact test.
 * - `auto`: `exact` when min(n·p0, n·(1−p0)) < 10, otherwise `normaal`.
 */
export type FunnelMethode = 'normaal' | 'exact' | 'auto';

export interface Grenzen {
  onder: number;
  boven: number;
}

function controleerP0N(p0: number, n: number): void {
  if (!(p0 >= 0 && p0 <= 1)) throw new Error(`Landelijk percentage ${p0} ligt niet tussen 0 en 1.`);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`Aantal personen n = ${n} moet groter dan 0 zijn.`);
}

/** Normal-approximation limits p0 ± z·√(p0(1−p0)/n), clipped to [0, 1]. */
export function normaleGrenzen(p0: number, n: number, z: number): Grenzen {
  controleerP0N(p0, n);
  const marge = z * Math.sqrt((p0 * (1 - p0)) / n);
  return { onder: Math.max(0, p0 - marge), boven: Math.min(1, p0 + marge) };
}

/**
 * Cumulative Binomial(n, p) probabilities over the range that carries all but ~1e-17 of the mass:
 * weights are built outward from the mode by the pmf ratio, so nothing underflows for large n.
 */
function binomiaalCdf(n: number, p: number): { laag: number; cdf: Float64Array } {
  if (p <= 0) return { laag: 0, cdf: Float64Array.of(1) };
  if (p >= 1) return { laag: n, cdf: Float64Array.of(1) };
  const modus = Math.min(n, Math.floor((n + 1) * p));
  const verhouding = p / (1 - p);
  const omhoog: number[] = [];
  let w = 1;
  for (let k = modus; k < n; k++) {
    w *= ((n - k) / (k + 1)) * verhouding;
    if (w < 1e-17) break;
    omhoog.push(w);
  }
  const omlaag: number[] = [];
  w = 1;
  for (let k = modus; k > 0; k--) {
    w *= (k / (n - k + 1)) / verhouding;
    if (w < 1e-17) break;
    omlaag.push(w);
  }
  const gewichten = [...omlaag.reverse(), 1, ...omhoog];
  const totaal = gewichten.reduce((a, b) => a + b, 0);
  const cdf = new Float64Array(gewichten.length);
  let som = 0;
  for (let i = 0; i < gewichten.length; i++) {
    som += gewichten[i];
    cdf[i] = som / totaal;
  }
  return { laag: modus - omlaag.length, cdf };
}

/** Exact binomial prediction limits (see `FunnelMethode`). n must be a whole number. */
export function exacteGrenzen(p0: number, n: number, staart: number): Grenzen {
  controleerP0N(p0, n);
  if (!Number.isInteger(n)) throw new Error(`Exacte grenzen vragen een geheel aantal personen; n = ${n}.`);
  const { laag, cdf } = binomiaalCdf(n, p0);
  let rOnder = laag + cdf.length - 1;
  for (let i = 0; i < cdf.length; i++) {
    if (cdf[i] > staart) {
      rOnder = laag + i;
      break;
    }
  }
  let rBoven = laag + cdf.length - 1;
  for (let i = 0; i < cdf.length; i++) {
    if (cdf[i] >= 1 - staart) {
      rBoven = laag + i;
      break;
    }
  }
  return { onder: rOnder / n, boven: rBoven / n };
}

function kiesMethode(methode: FunnelMethode, p0: number, n: number): 'normaal' | 'exact' {
  if (methode !== 'auto') return methode;
  return Math.min(n * p0, n * (1 - p0)) < 10 ? 'exact' : 'normaal';
}

/** Control limits for a region with n people around the national rate p0. */
export function funnelGrenzen(p0: number, n: number, niveau: FunnelNiveau, methode: FunnelMethode = 'normaal'): Grenzen {
  return kiesMethode(methode, p0, n) === 'exact' ? exacteGrenzen(p0, n, niveau.staart) : normaleGrenzen(p0, n, niveau.z);
}

export type FunnelOordeel = 'boven' | 'onder' | 'binnen';

/** Strictly outside counts as outside; a rate exactly on a limit is within. */
export function oordeel(p: number, g: Grenzen): FunnelOordeel {
  if (p > g.boven) return 'boven';
  if (p < g.onder) return 'onder';
  return 'binnen';
}

export interface FunnelInvoer {
  /** Number of people (denominator). */
  n: number;
  /** Number with the outcome (numerator), 0 ≤ k ≤ n. */
  k: number;
}

export interface FunnelUitkomst {
  /** k / n; null when n = 0. */
  p: number | null;
  grenzen95: Grenzen | null;
  grenzen998: Grenzen | null;
  oordeel95: FunnelOordeel | null;
  oordeel998: FunnelOordeel | null;
  /** Which method produced this row's limits (relevant for `auto`). */
  methode: 'normaal' | 'exact' | null;
}

export interface FunnelResultaat<T> {
  /** National rate Σk / Σn over all rows given (rows are never dropped). */
  p0: number | null;
  n: number;
  k: number;
  punten: (T & FunnelUitkomst)[];
}

/**
 * Funnel plot data: each row's rate with 95% and 99,8% limits around the national rate for its
 * own n. `p0` defaults to Σk/Σn over the rows (national = sum over regions); pass it explicitly
 * to compare against a published national rate instead.
 */
export function funnel<T extends FunnelInvoer>(
  rijen: readonly T[],
  opties: { p0?: number; methode?: FunnelMethode } = {},
): FunnelResultaat<T> {
  let n = 0;
  let k = 0;
  for (const r of rijen) {
    if (!(r.n >= 0) || !(r.k >= 0) || r.k > r.n || !Number.isFinite(r.n)) {
      throw new Error(`Ongeldige teller/noemer voor de funnel: k = ${r.k}, n = ${r.n} (verwacht 0 ≤ k ≤ n).`);
    }
    n += r.n;
    k += r.k;
  }
  const p0 = opties.p0 ?? (n > 0 ? k / n : null);
  const methode = opties.methode ?? 'normaal';
  const punten = rijen.map((r) => {
    if (r.n === 0 || p0 === null) {
      return { ...r, p: null, grenzen95: null, grenzen998: null, oordeel95: null, oordeel998: null, methode: null };
    }
    const p = r.k / r.n;
    const m = kiesMethode(methode, p0, r.n);
    const g95 = funnelGrenzen(p0, r.n, NIVEAU_95, m);
    const g998 = funnelGrenzen(p0, r.n, NIVEAU_998, m);
    return { ...r, p, grenzen95: g95, grenzen998: g998, oordeel95: oordeel(p, g95), oordeel998: oordeel(p, g998), methode: m };
  });
  return { p0, n, k, punten };
}

export interface FunnelCurvePunt {
  n: number;
  onder95: number;
  boven95: number;
  onder998: number;
  boven998: number;
}

/** The funnel lines for drawing: limits at `stappen` values of n spread evenly on a log scale. */
export function funnelCurve(p0: number, nMin: number, nMax: number, stappen = 100, methode: FunnelMethode = 'normaal'): FunnelCurvePunt[] {
  if (!(nMin >= 1) || !(nMax >= nMin)) throw new Error(`Ongeldig bereik voor de funnel: ${nMin} tot ${nMax}.`);
  const uit: FunnelCurvePunt[] = [];
  let vorige = -1;
  for (let i = 0; i < stappen; i++) {
    const t = stappen === 1 ? 1 : i / (stappen - 1);
    // Exact limits need whole n; rounding also keeps the normal curve on the same grid.
    const n = Math.round(nMin * Math.pow(nMax / nMin, t));
    if (n === vorige) continue;
    vorige = n;
    const g95 = funnelGrenzen(p0, n, NIVEAU_95, methode);
    const g998 = funnelGrenzen(p0, n, NIVEAU_998, methode);
    uit.push({ n, onder95: g95.onder, boven95: g95.boven, onder998: g998.onder, boven998: g998.boven });
  }
  return uit;
}

/** Wilson score interval for an observed k out of n (a region's own uncertainty, for tables). */
export function wilsonInterval(k: number, n: number, z = NIVEAU_95.z): Grenzen {
  if (!(n > 0) || !(k >= 0) || k > n) throw new Error(`Ongeldige k = ${k}, n = ${n} voor een Wilson-interval.`);
  const z2 = z * z;
  const midden = (k + z2 / 2) / (n + z2);
  const marge = (z * Math.sqrt((k * (n - k)) / n + z2 / 4)) / (n + z2);
  return { onder: Math.max(0, midden - marge), boven: Math.min(1, midden + marge) };
}

// ---------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------

export interface Gerangschikt<T> {
  rij: T;
  waarde: number | null;
  /** 1 = first in the chosen direction; equal values share the lowest rank (1, 2, 2, 4). Null for missing values. */
  rang: number | null;
  /** True when another row has the same rank. */
  gedeeld: boolean;
}

/**
 * Sort rows by a value and number them ("competition" ranking: ties share the rank, the next
 * rank skips). Values within a relative 1e-9 of the first of a tie group count as equal, so
 * ratios that are equal on paper but differ in the last bit tie. Missing values (null, NaN)
 * come last without a rank. Ties keep the input order.
 */
export function rangschik<T>(
  rijen: readonly T[],
  waarde: (r: T) => number | null | undefined,
  opties: { richting?: 'aflopend' | 'oplopend' } = {},
): Gerangschikt<T>[] {
  const teken = (opties.richting ?? 'aflopend') === 'aflopend' ? -1 : 1;
  const metWaarde = rijen.map((rij, i) => {
    const v = waarde(rij);
    return { rij, i, v: v === null || v === undefined || Number.isNaN(v) ? null : v };
  });
  const gevuld = metWaarde.filter((r) => r.v !== null) as { rij: T; i: number; v: number }[];
  const leeg = metWaarde.filter((r) => r.v === null);
  gevuld.sort((a, b) => teken * (a.v - b.v) || a.i - b.i);

  const uit: Gerangschikt<T>[] = [];
  let groepStart = 0;
  for (let i = 0; i < gevuld.length; i++) {
    const eerste = gevuld[groepStart].v;
    const v = gevuld[i].v;
    if (i > 0 && !gelijk(eerste, v)) groepStart = i;
    uit.push({ rij: gevuld[i].rij, waarde: v, rang: groepStart + 1, gedeeld: false });
  }
  for (let i = 0; i < uit.length; i++) {
    uit[i].gedeeld = (i > 0 && uit[i - 1].rang === uit[i].rang) || (i + 1 < uit.length && uit[i + 1].rang === uit[i].rang);
  }
  for (const r of leeg) uit.push({ rij: r.rij, waarde: null, rang: null, gedeeld: false });
  return uit;
}

function gelijk(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

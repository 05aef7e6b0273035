/**
 * Counting statistics for beschut werk: the exact (Garwood) Poisson interval of a count — for the
 * monthly rate behind a year-end extrapolation — and funnel limits for a count relative to a
 * base (positive adviezen per place of taakstelling). Pure functions, no DuckDB, no DOM.
 */
import type { FunnelCurvePunt, Grenzen } from './stats.ts';
import { NIVEAU_95, NIVEAU_998 } from './stats.ts';

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-14). */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (series or continued fraction). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const voorfactor = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    // Series for P(a, x); Q = 1 − P.
    let som = 1 / a;
    let term = som;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      som += term;
      if (Math.abs(term) < Math.abs(som) * 1e-16) break;
    }
    return Math.max(0, 1 - som * voorfactor);
  }
  // Continued fraction (modified Lentz) for Q(a, x).
  const klein = 1e-300;
  let b = x + 1 - a;
  let c = 1 / klein;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < klein) d = klein;
    c = b + an / c;
    if (Math.abs(c) < klein) c = klein;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, voorfactor * h);
}

/** P(X ≤ k) for X ~ Poisson(mu). */
export function poissonCdf(k: number, mu: number): number {
  if (k < 0) return 0;
  if (mu <= 0) return 1;
  return gammaQ(Math.floor(k) + 1, mu);
}

/** The mu in [lo, hi] where f (decreasing in mu) crosses `doel`, by bisection. */
function zoek(f: (mu: number) => number, doel: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > doel) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-12 * Math.max(1, hi)) break;
  }
  return (lo + hi) / 2;
}

/**
 * Exact (Garwood) two-sided interval for the mean of a Poisson count k: lower L with
 * P(X ≥ k | L) = α/2 (0 for k = 0), upper U with P(X ≤ k | U) = α/2. Coverage ≥ 1 − α.
 * k = 0 → [0; −ln(α/2)] = [0; 3,689] at 95%; k = 1 → [0,0253; 5,572]; k = 10 → [4,795; 18,39].
 */
export function poissonInterval(k: number, alfa = 0.05): Grenzen {
  if (!Number.isInteger(k) || k < 0) throw new Error(`Ongeldig aantal k = ${k} voor een Poisson-interval.`);
  const staart = alfa / 2;
  const hi = k + 20 * Math.sqrt(k + 1) + 20;
  const boven = zoek((mu) => poissonCdf(k, mu), staart, 0, hi);
  const onder = k === 0 ? 0 : zoek((mu) => poissonCdf(k - 1, mu), 1 - staart, 0, hi);
  return { onder, boven };
}

/**
 * Funnel limits for a ratio count / basis (positive adviezen per place of taakstelling) around the
 * overall ratio r0: under "no difference" the count is Poisson(r0 · basis), so the ratio has
 * variance r0 / basis; limits r0 ± z·√(r0 / basis), the lower one not below 0 (normal
 * approximation, as the regional funnel; smooth, so the drawn curve and the verdict agree).
 */
export function poissonFunnelGrenzen(r0: number, basis: number, z: number): Grenzen {
  if (!(r0 >= 0) || !Number.isFinite(r0)) throw new Error(`Ongeldige landelijke verhouding ${r0}.`);
  if (!(basis > 0)) throw new Error(`Ongeldige basis ${basis}: moet groter dan 0 zijn.`);
  const marge = z * Math.sqrt(r0 / basis);
  return { onder: Math.max(0, r0 - marge), boven: r0 + marge };
}

/** The funnel lines for drawing, at `stappen` bases spread evenly on a log scale. */
export function poissonFunnelCurve(r0: number, basisMin: number, basisMax: number, stappen = 100): FunnelCurvePunt[] {
  if (!(basisMin > 0) || !(basisMax >= basisMin)) throw new Error(`Ongeldig bereik voor de funnel: ${basisMin} tot ${basisMax}.`);
  const uit: FunnelCurvePunt[] = [];
  for (let i = 0; i < stappen; i++) {
    const t = stappen === 1 ? 1 : i / (stappen - 1);
    const n = basisMin * Math.pow(basisMax / basisMin, t);
    const g95 = poissonFunnelGrenzen(r0, n, NIVEAU_95.z);
    const g998 = poissonFunnelGrenzen(r0, n, NIVEAU_998.z);
    uit.push({ n, onder95: g95.onder, boven95: g95.boven, onder998: g998.onder, boven998: g998.boven });
  }
  return uit;
}

/**
 * Deterministic randomness for the SMALL tables built in JS (beschut, BUIG, region paths).
 * Every draw is a pure function of (seed, keys…): no state, so the order in which code asks
 * for draws can never change a value. The large panel uses DuckDB's hash() in SQL instead
 * (see panel.ts); both follow the same rule: random = hash(seed, ids…, purpose salt).
 */

function mix32(h: number): number {
  // murmur3 finaliser: good avalanche for sequential integer keys.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hash32(init: number, keys: readonly number[]): number {
  let h = mix32(init >>> 0);
  for (const k of keys) {
    // Fold both halves so keys above 2^32 still matter.
    h = mix32(h ^ mix32((k >>> 0) + 0x9e3779b9));
    h = mix32(h ^ Math.floor(k / 4294967296));
  }
  return h;
}

/** Uniform in the open interval (0, 1) from (seed, keys…), 53 bits. */
export function uniform(seed: number, ...keys: number[]): number {
  const hi = hash32(0x1234567 ^ seed, keys) >>> 5; // 27 bits
  const lo = hash32(0x7654321 ^ seed, [...keys, 0x5bd1e995]) >>> 6; // 26 bits
  return (hi * 67108864 + lo + 0.5) / 9007199254740992;
}

/** Standard normal via the inverse CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalInv(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalInv(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

export function normal(seed: number, ...keys: number[]): number {
  return normalInv(uniform(seed, ...keys));
}

/**
 * Split an integer total over weights so the parts sum exactly to the total (largest remainder;
 * ties broken by index, so the result is deterministic).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (total < 0) throw new Error(`allocate: negatief totaal ${total}`);
  const som = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (n === 0) return [];
  if (som <= 0) {
    const uit = new Array(n).fill(0);
    for (let i = 0; i < total; i++) uit[i % n]++;
    return uit;
  }
  const exact = weights.map((w) => (Math.max(0, w) / som) * total);
  const uit = exact.map(Math.floor);
  let rest = total - uit.reduce((s, v) => s + v, 0);
  const volgorde = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; rest > 0; k = (k + 1) % n, rest--) uit[volgorde[k][1]]++;
  return uit;
}

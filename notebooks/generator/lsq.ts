/**
 * Weighted linear least squares for the small target fits (a few hundred unknowns):
 * minimise Σ w_k (a_k·x − b_k)² by solving the normal equations with Gaussian elimination
 * and partial pivoting. Dense and simple on purpose; the systems are tiny.
 */
export interface Vergelijking {
  /** Sparse row: [index of unknown, coefficient]. */
  termen: readonly (readonly [number, number])[];
  waarde: number;
  gewicht: number;
}

export function kleinsteKwadraten(n: number, vergelijkingen: readonly Vergelijking[]): number[] {
  const A = Array.from({ length: n }, () => new Float64Array(n));
  const b = new Float64Array(n);
  for (const v of vergelijkingen) {
    for (const [i, ci] of v.termen) {
      b[i] += v.gewicht * ci * v.waarde;
      for (const [j, cj] of v.termen) A[i][j] += v.gewicht * ci * cj;
    }
  }
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(A[i][k]) > Math.abs(A[p][k])) p = i;
    if (Math.abs(A[p][k]) < 1e-300) throw new Error(`kleinsteKwadraten: onbepaald stelsel (onbekende ${k})`);
    if (p !== k) {
      [A[p], A[k]] = [A[k], A[p]];
      [b[p], b[k]] = [b[k], b[p]];
    }
    for (let i = k + 1; i < n; i++) {
      const f = A[i][k] / A[k][k];
      if (f === 0) continue;
      for (let j = k; j < n; j++) A[i][j] -= f * A[k][j];
      b[i] -= f * b[k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= A[i][j] * x[j];
    x[i] = s / A[i][i];
  }
  return x;
}

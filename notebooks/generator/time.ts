/**
 * The generator's time axis: quarter t = 0 is the nulmeting (2012Q4), t = 48 is 2024Q4.
 * Quarter index q = year*4 + quarter-1, as in src/lib/kwartaal.ts.
 */
export const START_JAAR = 2012;
export const T0 = 2012 * 4 + 3;
export const NT = 49;

export function kwartaalVan(t: number): { jaar: number; kw: 1 | 2 | 3 | 4 } {
  const q = T0 + t;
  return { jaar: Math.floor(q / 4), kw: ((q % 4) + 1) as 1 | 2 | 3 | 4 };
}


/** Last day of quarter t as yyyy-mm-dd. */
export function peildatum(t: number): string {
  const { jaar, kw } = kwartaalVan(t);
  return new Date(Date.UTC(jaar, kw * 3, 0)).toISOString().slice(0, 10);
}

/** First day of quarter t as yyyy-mm-dd. */
export function kwartaalBegin(t: number): string {
  const { jaar, kw } = kwartaalVan(t);
  return new Date(Date.UTC(jaar, (kw - 1) * 3, 1)).toISOString().slice(0, 10);
}

/** t of the quarter that contains an ISO date (yyyy-mm-dd…). */
export function tVanDatum(iso: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`geen datum: ${iso}`);
  return Number(m[1]) * 4 + Math.floor((Number(m[2]) - 1) / 3) - T0;
}

/** t of a quarter label '2021Q3'. */
export function tVanKwartaal(k: string): number {
  const m = /^(\d{4})Q([1-4])$/.exec(k);
  if (!m) throw new Error(`geen kwartaal: ${k}`);
  return Number(m[1]) * 4 + Number(m[2]) - 1 - T0;
}

export function jaarVan(t: number): number {
  return kwartaalVan(t).jaar;
}

/** Linear interpolation through (t, value) anchors; constant outside unless slopes are given. */
export function interpoleer(anchors: readonly (readonly [number, number])[], t: number): number {
  const a = [...anchors].sort((x, y) => x[0] - y[0]);
  if (t <= a[0][0]) return a[0][1];
  if (t >= a[a.length - 1][0]) return a[a.length - 1][1];
  for (let i = 1; i < a.length; i++) {
    if (t <= a[i][0]) {
      const [t0, v0] = a[i - 1];
      const [t1, v1] = a[i];
      return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
    }
  }
  return a[a.length - 1][1];
}

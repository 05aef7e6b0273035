/**
 * Hours calibration. The simulation decides WHO works and in which job; this step scales the raw
 * hours so that, per quarter,
 *   - banen per cell (markt/overheid × regulier/inleen) equal the fitted targets (targets.ts),
 *   - the share of hours on a permanent contract equals the published share,
 *   - the regions with published banen figures (Zeeland, Flevoland, Amersfoort) hit them,
 * by iterative proportional fitting on the aggregated hours (a few thousand cells, in JS).
 * Only integer sums leave DuckDB, so the factors — and the data — do not depend on thread order.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CELLEN, CEL_DEF, type Doelreeksen } from './targets.ts';
import { interpoleer, NT } from './time.ts';

export const UREN_PER_BAAN = 25.5 * 13;

export interface UrenFactoren {
  /** Rows (t, sec, inl, ct, r, factor). */
  rijen: { t: number; sec: number; inl: number; ct: number; r: number; factor: number }[];
  /** Largest and smallest factor: a check that the simulation's job mix is close to the targets. */
  bereik: [number, number];
}

type Key = string;
const key = (t: number, sec: number, inl: number, ct: number, r: number): Key => `${t}|${sec}|${inl}|${ct}|${r}`;

export async function urenFactoren(
  conn: DuckDBConnection, doel: Doelreeksen, scale: number, banenAnkers: Map<number, [number, number][]>, nRegio: number,
): Promise<UrenFactoren> {
  const res = await conn.runAndReadAll(`SELECT t, sec, (dv > 0)::INTEGER AS inl, ct, r, sum(uraw)::BIGINT AS u
    FROM panel WHERE w GROUP BY ALL`);
  const raw = new Map<Key, number>();
  for (const row of res.getRowObjectsJS()) {
    raw.set(key(Number(row.t), Number(row.sec), Number(row.inl), Number(row.ct), Number(row.r)), Number(row.u));
  }
  const get = (t: number, s: number, i: number, c: number, r: number) => raw.get(key(t, s, i, c, r)) ?? 0;

  // 1. National factor per (t, cell, contract): IPF on a 4 × 2 table.
  const natF: number[][][] = []; // [t][cell][ct]
  for (let t = 0; t < NT; t++) {
    const M = CELLEN.map((cel) => [0, 1].map((ct) => {
      const d = CEL_DEF[cel];
      let s = 0;
      for (let r = 0; r < nRegio; r++) s += get(t, d.overheid ? 1 : 0, d.inleen ? 1 : 0, ct, r);
      return s;
    }));
    const rij = CELLEN.map((cel) => doel.banen[cel][t] * UREN_PER_BAAN * scale);
    const tot = rij.reduce((a, b) => a + b, 0);
    const kol = [doel.vastAandeel[t] * tot, (1 - doel.vastAandeel[t]) * tot];
    const F = M.map((r) => [...r]);
    for (let it = 0; it < 200; it++) {
      for (let c = 0; c < 4; c++) {
        const s = F[c][0] + F[c][1];
        if (s > 0) for (let k = 0; k < 2; k++) F[c][k] *= rij[c] / s;
      }
      for (let k = 0; k < 2; k++) {
        const s = F.reduce((a, r) => a + r[k], 0);
        if (s > 0) for (let c = 0; c < 4; c++) F[c][k] *= kol[k] / s;
      }
    }
    natF.push(M.map((r, c) => r.map((m, k) => (m > 0 ? F[c][k] / m : 1))));
  }

  // 2. Regional correction for regions with published banen: ratio interpolated between anchors.
  const banenRegio = (t: number, r: number) => {
    let s = 0;
    CELLEN.forEach((cel, c) => {
      const d = CEL_DEF[cel];
      for (const ct of [0, 1]) s += get(t, d.overheid ? 1 : 0, d.inleen ? 1 : 0, ct, r) * natF[t][c][ct];
    });
    return s / UREN_PER_BAAN;
  };
  const rho = new Map<number, number[]>();
  for (const [r, ankers] of banenAnkers) {
    const nul = banenRegio(0, r);
    const punten: [number, number][] = [[0, 1], ...ankers.map(([t, extra]) => [t, (nul + extra) / banenRegio(t, r)] as [number, number])];
    rho.set(r, Array.from({ length: NT }, (_, t) => interpoleer(punten, t)));
  }

  // 3. Final factors; the other regions absorb the difference so national totals stay exact.
  const rijen: UrenFactoren['rijen'] = [];
  let min = Infinity;
  let max = -Infinity;
  for (let t = 0; t < NT; t++) {
    CELLEN.forEach((cel, c) => {
      const d = CEL_DEF[cel];
      const sec = d.overheid ? 1 : 0;
      const inl = d.inleen ? 1 : 0;
      for (const ct of [0, 1]) {
        const f = natF[t][c][ct];
        let anker = 0;
        let ankerNa = 0;
        let rest = 0;
        for (let r = 0; r < nRegio; r++) {
          const u = get(t, sec, inl, ct, r);
          if (rho.has(r)) {
            anker += u * f;
            ankerNa += u * f * rho.get(r)![t];
          } else rest += u * f;
        }
        const kappa = rest > 0 ? (rest + anker - ankerNa) / rest : 1;
        for (let r = 0; r < nRegio; r++) {
          if (get(t, sec, inl, ct, r) === 0) continue;
          const factor = f * (rho.has(r) ? rho.get(r)![t] : kappa);
          min = Math.min(min, factor);
          max = Math.max(max, factor);
          rijen.push({ t, sec, inl, ct, r, factor });
        }
      }
    });
  }
  return { rijen, bereik: [min, max] };
}

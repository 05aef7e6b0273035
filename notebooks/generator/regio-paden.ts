/**
 * Per region and quarter: persons in the register R_r(t) and persons working W_r(t). The national
 * series are split over the 35 regions with the structural ASSUMPTIONS of the demo data:
 *  - register share ∝ residents × regional factor, with a small random drift over the years;
 *  - working share: each region has its own 2015 level (lognormal spread around the national
 *    share); from 2015 to end 2017 regions that started high converge towards the national level
 *    (they grow less: the UWV finding); FoodValley grows extra after 2015 (its Wsw company closed
 *    and people were placed with regular employers);
 *  - the few published regional figures (Flevoland, Zeeland, Amersfoort) are anchors: the region's
 *    path is bent through them, the other regions absorb the difference.
 * Totals over regions equal the national series exactly (largest-remainder rounding).
 */
import type { PublishedSet } from '../../src/lib/published/reference.ts';
import type { Geografie } from './geography.ts';
import { allocate, normal, uniform } from './rng.ts';
import { interpoleer, NT, tVanDatum, tVanKwartaal } from './time.ts';

export interface RegioPaden {
  /** [region][t] persons in the register. */
  register: number[][];
  /** [region][t] persons working. */
  werkzaam: number[][];
  /** [region] relative working share in 2015 (1 = national). */
  startNiveau: number[];
  /** Published regional banen anchors: region → [(t, extra banen vs nulmeting)]. */
  banenAnkers: Map<number, [number, number][]>;
}

const T2015Q4 = tVanKwartaal('2015Q4');
const T2017Q4 = tVanKwartaal('2017Q4');
const FOODVALLEY = 'AM38';
/** Spread of the 2015 working share between regions (sd of the log). */
const START_SPREIDING = 0.18;
/** Exponent the start level is raised to by end 2017 (0.55: a region 20% above national ends ~10% above). */
const CONVERGENTIE_2017 = 0.55;
const CONVERGENTIE_2024 = 0.45;
/** FoodValley's extra working share after 2015: ×1.15 by end 2017, ×1.25 by end 2019. */
const FOODVALLEY_GROEI: [number, number][] = [[T2015Q4, 1], [T2017Q4, 1.15], [tVanKwartaal('2019Q4'), 1.25]];

/** Bend a path through anchors: ratio anchor/path interpolated in t, 1 at t=0 unless an anchor sits there. */
function buig(pad: number[], ankers: [number, number][], vanafNul: boolean): number[] {
  if (ankers.length === 0) return pad;
  const ratio: [number, number][] = ankers.map(([t, v]) => [t, v / pad[t]]);
  if (vanafNul && !ankers.some(([t]) => t === 0)) ratio.push([0, 1]);
  return pad.map((v, t) => v * interpoleer(ratio, t));
}

/** Split a national total over regions by weight, with some regions fixed to a given count. */
function verdeel(totaal: number, gewichten: number[], vast: Map<number, number>): number[] {
  const vrij = gewichten.map((w, i) => (vast.has(i) ? 0 : w));
  const rest = totaal - [...vast.values()].reduce((s, v) => s + v, 0);
  const uit = allocate(Math.max(0, rest), vrij);
  for (const [i, v] of vast) uit[i] = v;
  return uit;
}

export function regioPaden(
  pub: PublishedSet, geo: Geografie, seed: number, scale: number,
  register: number[], werkzaam: number[], banenPerWerkende: number[],
): RegioPaden {
  const nR = geo.regios.length;
  const idxVan = (code: string | null) => geo.regios.findIndex((r) => r.code === code);
  const ankers = (ind: string) => pub.regionaleGroei.filter((r) => r.indicator === ind && r.regioCode && /^\d{4}-\d{2}-\d{2}$/.test(r.peildatum));

  // Register shares.
  const basis = geo.regios.map((r) => r.registerGewicht);
  const som = basis.reduce((s, v) => s + v, 0);
  const drift = geo.regios.map((r) => 0.1 * (uniform(seed, r.idx, 9201) - 0.5));
  const aandeel = geo.regios.map((r, i) => Array.from({ length: NT }, (_, t) => (basis[i] / som) * (1 + (drift[i] * t) / (NT - 1))));
  const regAnkers = new Map<number, [number, number][]>();
  for (const a of ankers('personen_doelgroepregister').concat(ankers('personen_doelgroep_banenafspraak'))) {
    const i = idxVan(a.regioCode);
    const t = tVanDatum(a.peildatum);
    const lijst = regAnkers.get(i) ?? [];
    lijst.push([t, a.waarde / register[t]]);
    // A published change vs the nulmeting fixes the region's nulmeting too.
    const verschil = pub.regionaleGroei.find((x) => x.regioCode === a.regioCode && x.peildatum === a.peildatum && x.indicator === 'verschil_doelgroepregister_tov_nulmeting');
    if (verschil) lijst.push([0, (a.waarde - verschil.waarde) / register[0]]);
    regAnkers.set(i, lijst);
  }
  for (const [i, lijst] of regAnkers) aandeel[i] = buig(aandeel[i], lijst, false);
  const reg: number[][] = geo.regios.map(() => new Array(NT).fill(0));
  for (let t = 0; t < NT; t++) {
    const vast = new Map<number, number>();
    for (const i of regAnkers.keys()) vast.set(i, Math.round(aandeel[i][t] * register[t] * scale));
    const uit = verdeel(Math.round(register[t] * scale), aandeel.map((a) => a[t]), vast);
    for (let r = 0; r < nR; r++) reg[r][t] = uit[r];
  }

  // Working share relative to national.
  const start = geo.regios.map((r) => Math.exp(START_SPREIDING * Math.max(-2, Math.min(2, normal(seed, r.idx, 9202)))));
  const rel = geo.regios.map((r, i) => Array.from({ length: NT }, (_, t) => {
    const L = Math.log(start[i]);
    let e: number;
    if (t <= T2015Q4) e = 1;
    else if (t <= T2017Q4) e = 1 + ((CONVERGENTIE_2017 - 1) * (t - T2015Q4)) / (T2017Q4 - T2015Q4);
    else e = CONVERGENTIE_2017 + ((CONVERGENTIE_2024 - CONVERGENTIE_2017) * (t - T2017Q4)) / (NT - 1 - T2017Q4);
    return Math.exp(L * e) * (r.code === FOODVALLEY ? interpoleer(FOODVALLEY_GROEI, t) : 1);
  }));
  const natuurlijk = (t: number) => {
    const gew = reg.map((rr, i) => rr[t] * rel[i][t]);
    const s = gew.reduce((a, b) => a + b, 0);
    return gew.map((g) => (g / s) * werkzaam[t] * scale);
  };
  const nat = Array.from({ length: NT }, (_, t) => natuurlijk(t));
  const padVan = (i: number) => nat.map((n) => n[i]);

  // Anchors: published werkzame personen, and banen anchors turned into persons via banen per werkende.
  const wAnkers = new Map<number, [number, number][]>();
  const banenAnkers = new Map<number, [number, number][]>();
  const voegToe = (m: Map<number, [number, number][]>, i: number, t: number, v: number) => m.set(i, [...(m.get(i) ?? []), [t, v]]);
  for (const a of ankers('werkzame_personen')) voegToe(wAnkers, idxVan(a.regioCode), tVanDatum(a.peildatum), a.waarde * scale);
  for (const a of ankers('extra_banen_tov_nulmeting')) {
    const i = idxVan(a.regioCode);
    const t = tVanDatum(a.peildatum);
    voegToe(banenAnkers, i, t, a.waarde * scale);
    if (!(wAnkers.get(i) ?? []).some(([ta]) => ta === t)) {
      voegToe(wAnkers, i, t, (padVan(i)[0] * banenPerWerkende[0] + a.waarde * scale) / banenPerWerkende[t]);
    }
  }
  const wPad = geo.regios.map((_, i) => (wAnkers.has(i) ? buig(padVan(i), wAnkers.get(i)!, true) : padVan(i)));
  const wrk: number[][] = geo.regios.map(() => new Array(NT).fill(0));
  for (let t = 0; t < NT; t++) {
    const vast = new Map<number, number>();
    for (const i of wAnkers.keys()) vast.set(i, Math.round(wPad[i][t]));
    const uit = verdeel(Math.round(werkzaam[t] * scale), wPad.map((p) => p[t]), vast);
    for (let r = 0; r < nR; r++) wrk[r][t] = Math.min(uit[r], reg[r][t]);
  }
  return { register: reg, werkzaam: wrk, startNiveau: start, banenAnkers };
}

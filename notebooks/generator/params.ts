/**
 * Behavioural parameters of the panel simulation (all ASSUMPTIONS, tuned so the generated data
 * reproduce the published duurzaamheid figures; see notebooks/ASSUMPTIONS.md). Probabilities are
 * per quarter. Achtergrond order follows ACHTERGRONDEN: 0 Wajong, 1 Wsw, 2 Participatiewet, 3 WIW/ID.
 * Reden order follows UITSTROOM_REDENEN: 0 AOW, 1 Wsw-beschut, 2 geen arbeidsvermogen, 3 overleden, 4 overig.
 */
import { interpoleer, jaarVan, kwartaalVan, tVanKwartaal } from './time.ts';

export const REDEN_GEEN_ARBEIDSVERMOGEN = 2;

/** Register mix at the nulmeting (Wajong, Wsw, Participatiewet, WIW/ID). */
export const START_MIX = [0.68, 0.22, 0, 0.1];
/** Weight in the selection of who works at the nulmeting (Wsw-indicated people work most often). */
export const START_WERK_GEWICHT = [1, 6, 1, 1.8];
/** Share of non-working people at the nulmeting who lost a job in the last four quarters. */
export const START_RECENT_VERLOREN = 0.08;

/** Spread of personal work propensity (sd of the log): some people almost never work. */
export const PROPENSITEIT_SD = 0.4;

/** Job-loss multiplier by contract (onbepaald, bepaald). */
export const VERLIES_CONTRACT = [0.7, 1.3];

/** Weekly hours of a job: base by achtergrond, times a uniform factor 0.7–1.3 (clipped 6–40). */
export const WEEKUREN = [25, 30, 26, 28];
/** December extra: verloonde uren of Q4 are this much higher (paid-out leave, 13th month). */
export const Q4_EXTRA = 0.03;

/**
 * The numbers the calibration was tuned on (against duurzaamheid.csv, by repeated generation at
 * scale 0.25 and a damped fixed-point update per target; see ASSUMPTIONS.md). Mutable only so a
 * tuning script can try values in-process; the generator never changes them.
 */
export const AFSTEMMING = {
  /** Mean job tenure at the nulmeting (years), by achtergrond. */
  startDuurJaren: [8.586, 13.74, 5.152, 11.16],
  /**
   * Job loss per quarter for tenure 4–7 quarters. Time-varying values are given per measurement
   * window: key y covers yQ4 … (y+1)Q3, the year over which the UWV cohort of yQ3 is followed;
   * years in between are interpolated, years outside take the nearest value.
   */
  verliesWajong: { 2015: 0.0601, 2016: 0.0802, 2017: 0.0478, 2021: 0.07317 } as Record<number, number>,
  verliesWsw: 0.01162,
  verliesPw: { 2015: 0.02421, 2016: 0.01852, 2017: 0.01103, 2021: 0.04878, 2024: 0.04536 } as Record<number, number>,
  verliesWiw: 0.02,
  /**
   * A new spell of work is either stable or fragile. A fragile spell (a placement that does not
   * fit) ends quickly: fragielVerlies a quarter in its first year, no quick return, and the person
   * is hired less often for two years after ("failed start"). The chance is set per window in
   * which the spell STARTED; it drives the starters' figures (64%, 67%, 71% after one year) while
   * the stable spells give the cohort figures (87%, 83%, 85%, 88%).
   */
  fragielKans: { 2015: 0.3894, 2016: 0.3975, 2017: 0.2991, 2020: 0.2251, 2021: 0.2251 } as Record<number, number>,
  /** Relative fragility by achtergrond (Wsw placements are the most robust). */
  fragielA: [1.2, 0.5, 1, 1],
  /** Quarterly loss of a fragile spell in its first year, and its job-change rate. */
  fragielVerlies: 0.35,
  fragielWissel: 0.7,
  /** Multiplier on job loss in the second year of a job. */
  middenVerlies: 2.688,
  /** Multiplier on job loss after two years in the job. */
  langVerlies: { 2015: 0.7748, 2017: 0.7966, 2021: 0.5 } as Record<number, number>,
  /** Job change per quarter (tenure 4–7), by achtergrond, and a multiplier per window. */
  wissel: [0.06, 0.025, 0.065, 0.04],
  wisselTijd: { 2015: 1.007, 2016: 0.93, 2020: 0.6435, 2021: 0.52 } as Record<number, number>,
  /** Multiplier on job change in the first year of a job, and (per window) after two years in it. */
  vroegWissel: { 2019: 10.55, 2020: 12.5 } as Record<number, number>,
  langWissel: { 2014: 0.41, 2015: 0.5724, 2016: 0.115, 2021: 0.42 } as Record<number, number>,
  /** Hiring weight by quarters since the last job (1, 2, 3–4, 5–8; never or longer = 1): no preference beyond terugkeer. */
  recent: [1, 1, 1, 1],
  /** Moves of working Wsw people to Wsw-beschut per quarter: the 2016–2018 wave. */
  wswBeschut2016: 0.02975,
  wswBeschut2017: 0.02952,
  /** Multiplier on AOW and other exits of working people, per window. */
  exitOverig: { 2014: 1, 2017: 0.7265, 2021: 1.492 } as Record<number, number>,
  /**
   * Share of job losses that are a short interruption: the person is hired again first in the next
   * two quarters (between two contracts). Gives "werkzaam na een jaar" above "werkzaam op alle
   * tussenliggende peilmomenten" (87% vs 83% in 2015–2016).
   */
  terugkeer: 0.5083,
  /** Hiring weight for two years after a job that ended within two quarters (a failed start). */
  litteken: 0.2,
};

export interface KwartaalParams {
  /** [a][reden] exit probability for working people. */
  exitWerkend: number[][];
  /** [a][reden] exit probability for people not working. */
  exitNietWerkend: number[][];
  verlies: number[];
  wissel: number[];
  /** Multipliers on loss and change by tenure in the job (quarters 0–1, 2–3, 4–7, 8+). */
  verliesDuur: number[];
  /** Chance (by achtergrond) that a spell of work started in quarter tStart is fragile. */
  fragielKans: (tStart: number) => number[];
  fragielVerlies: number;
  fragielWissel: number;
  wisselDuur: number[];
  /** Hiring weight by quarters since the last job (1, 2, 3–4, 5–8, more or never). */
  recent: number[];
  /** Share of losses followed by a return within two quarters. */
  terugkeer: number;
  litteken: number;
  omzetting: number;
  wervingsGewicht: number[];
  instroomBoost: number[];
  kansBepaald: number[];
  kansInleen: number[];
  kansOverheidRegulier: number;
  kansOverheidInleen: number;
  kansDetacheringBinnenInleen: number[];
  /** Shares of the achtergronden in new register entries. */
  instroomMix: number[];
  /** Minimum national inflow (persons a quarter, before scaling); more when the register grows faster. */
  instroomMin: number;
}

const tk = tVanKwartaal;
/** Measurement window of quarter t: y when t lies in yQ4 … (y+1)Q3. */
export function venster(t: number): number {
  const { jaar, kw } = kwartaalVan(t);
  return kw === 4 ? jaar : jaar - 1;
}
const reeks = (r: Record<number, number>, t: number) =>
  interpoleer(Object.entries(r).map(([k, v]) => [Number(k), v] as [number, number]), venster(t));

export function kwartaalParams(t: number): KwartaalParams {
  const jaar = jaarVan(t);
  const A = AFSTEMMING;
  // Moves of working Wsw people to Wsw-beschut: the 2016–2018 wave behind "uit register" 8% and 6%.
  const wswBeschut = interpoleer([
    [tk('2015Q3'), 0.003], [tk('2016Q3'), 0.006], [tk('2016Q4'), A.wswBeschut2016], [tk('2017Q3'), A.wswBeschut2016],
    [tk('2017Q4'), A.wswBeschut2017], [tk('2018Q3'), A.wswBeschut2017], [tk('2018Q4'), 0.01], [tk('2019Q4'), 0.004], [tk('2021Q1'), 0.002],
  ], t);
  // AOW: the Wsw and WIW/ID groups are older; Wajong and Participatiewet young.
  const vergrijzing = 1 + 0.05 * Math.max(0, jaar - 2012);
  const aow = [0.0015, 0.0025, 0.001, 0.006].map((x) => x * vergrijzing);
  const exitWerkend = [0, 1, 2, 3].map((a) => [
    aow[a] * reeks(A.exitOverig, t), a === 1 ? wswBeschut : 0, 0.0003, 0.0005, 0.001 * reeks(A.exitOverig, t),
  ]);
  const exitNietWerkend = [0, 1, 2, 3].map((a) => [
    aow[a] * 1.3, a === 1 ? 0.006 : a === 2 && jaar >= 2017 ? 0.002 : 0, 0.001, 0.0015, 0.004,
  ]);
  const inleenTrend = interpoleer([[tk('2016Q4'), 1], [tk('2019Q4'), 0.75], [tk('2023Q4'), 0.5]], t);
  return {
    exitWerkend,
    exitNietWerkend,
    verlies: [reeks(A.verliesWajong, t), A.verliesWsw, reeks(A.verliesPw, t), A.verliesWiw],
    wissel: A.wissel.map((w) => w * reeks(A.wisselTijd, t)),
    verliesDuur: [1, 1, A.middenVerlies, reeks(A.langVerlies, t)],
    fragielKans: (tStart: number) => [0, 1, 2, 3].map((a) => Math.min(0.95, reeks(A.fragielKans, tStart) * A.fragielA[a])),
    fragielVerlies: A.fragielVerlies,
    fragielWissel: A.fragielWissel,
    wisselDuur: [reeks(A.vroegWissel, t), 1 + (2 / 3) * (reeks(A.vroegWissel, t) - 1), 1.2, reeks(A.langWissel, t)],
    recent: [...A.recent, 1],
    terugkeer: A.terugkeer,
    litteken: A.litteken,
    omzetting: 0.06,
    wervingsGewicht: [1, 3, interpoleer([[tk('2015Q1'), 1.4], [tk('2020Q4'), 2.0]], t), 1.1],
    instroomBoost: [2.5, 2.5, 7, 2],
    kansBepaald: [0.75, 0.5, 0.85, 0.6],
    kansInleen: [0.22, 0.55, 0.3, 0.4].map((p) => p * inleenTrend),
    kansOverheidRegulier: 0.11,
    kansOverheidInleen: 0.22,
    kansDetacheringBinnenInleen: [0.3, 0.9, 0.3, 0.7],
    instroomMix: jaar <= 2014 ? [0.72, 0.25, 0, 0.03] : jaar === 2015 ? [0.3, 0.05, 0.65, 0] : [0.06, 0, 0.94, 0],
    instroomMin: jaar <= 2014 ? 1500 : 4500,
  };
}

/** One-off removals that the published register counts include (SOURCES.md §2): t → persons. */
export const GEPLANDE_UITSTROOM: ReadonlyMap<number, number> = new Map([[tk('2022Q2'), 1256]]);

/**
 * Beschut werk: UWV adviezen (one row per beoordeling) and places realised per gemeente per quarter.
 * National monthly counts are fixed first so every published figure holds exactly; then each advies
 * gets a gemeente (weighted by residents, three gemeenten known for many positive adviezen weighted
 * up), a day and an outcome. Places follow the published national stock, spread over gemeenten in
 * proportion to their positive adviezen so far. Small tables: built in JS with seeded draws.
 */
import type { Geografie } from './geography.ts';
import { allocate, uniform } from './rng.ts';
import { NT, peildatum, tVanKwartaal } from './time.ts';

export interface Advies {
  advies_id: number;
  besluitdatum: string;
  gemeente_code: string;
  aanvrager: 'gemeente' | 'burger';
  uitkomst: 'positief' | 'negatief';
}
export interface Plek {
  gemeente_code: string;
  peildatum: string;
  plekken: number;
  taakstelling: number;
}

interface Maand {
  jaar: number;
  maand: number; // 1..12
  gemeente: number;
  gemeentePos: number;
  burger: number;
  burgerPos: number;
}

export const BESCHUT_VANAF = 2015;
export const BESCHUT_TOT = 2024;

/** Published months (brief 30 juni 2017): gemeente 320/261 and burger 570/340 over Jan–May 2017. */
const JAN_MEI_2017 = {
  gemeente: [60, 62, 68, 62, 68],
  gemeentePos: [47, 49, 57, 51, 57],
  burger: [12, 80, 144, 155, 179],
  burgerPos: [7, 46, 83, 89, 115],
};
/** 2016, gemeenten only: 540 beoordelingen, 388 positief. */
const JAAR_2016 = { n: 540, pos: 388 };
/** Cumulative positive adviezen: 8,646 on 31-03-2021 (printed as 2020, see SOURCES.md §4) and 11,469 on 30-06-2022. */
const CUM_POSITIEF: [string, number][] = [['2021-03', 8646], ['2022-06', 11469]];

/** Gemeenten that had more positive adviezen than their 2018 taakstelling (DOMAIN.md §3). */
const VEEL_ADVIEZEN = new Set(["'s-Gravenhage", "'s-Hertogenbosch", 'Almere']);

function maandIndex(jaar: number, maand: number): number {
  return (jaar - BESCHUT_VANAF) * 12 + maand - 1;
}

/** National monthly counts (assumptions between the published points; see ASSUMPTIONS.md). */
export function maandreeks(seed: number): Maand[] {
  const maanden: Maand[] = [];
  for (let jaar = BESCHUT_VANAF; jaar <= BESCHUT_TOT; jaar++) {
    for (let maand = 1; maand <= 12; maand++) maanden.push({ jaar, maand, gemeente: 0, gemeentePos: 0, burger: 0, burgerPos: 0 });
  }
  const ruis = (i: number, s: number) => 1 + 0.12 * (uniform(seed, i, s) - 0.5);
  // 2015: gemeenten only, rising from 20 to 40 a month, 70% positive.
  for (let m = 0; m < 12; m++) {
    maanden[m].gemeente = Math.round((20 + (20 * m) / 11) * ruis(m, 8101));
    maanden[m].gemeentePos = Math.round(maanden[m].gemeente * 0.7);
  }
  // 2016: 540 / 388 spread over a rising profile.
  const prof16 = Array.from({ length: 12 }, (_, m) => (35 + (20 * m) / 11) * ruis(12 + m, 8102));
  const n16 = allocate(JAAR_2016.n, prof16);
  const p16 = allocate(JAAR_2016.pos, n16);
  for (let m = 0; m < 12; m++) Object.assign(maanden[12 + m], { gemeente: n16[m], gemeentePos: p16[m] });
  // Jan–May 2017 as published; Jun–Dec 2017 at the May level.
  for (let m = 0; m < 5; m++) {
    Object.assign(maanden[24 + m], {
      gemeente: JAN_MEI_2017.gemeente[m], gemeentePos: JAN_MEI_2017.gemeentePos[m],
      burger: JAN_MEI_2017.burger[m], burgerPos: JAN_MEI_2017.burgerPos[m],
    });
  }
  for (let m = 5; m < 12; m++) {
    const x = maanden[24 + m];
    x.gemeente = Math.round(66 * ruis(24 + m, 8103));
    x.gemeentePos = Math.round(x.gemeente * 0.84);
    x.burger = Math.round(185 * ruis(24 + m, 8104));
    x.burgerPos = Math.round(x.burger * 0.64);
  }
  // 2018 onwards: a level profile, positives scaled so the cumulative published totals hold.
  for (let i = 36; i < maanden.length; i++) {
    const x = maanden[i];
    x.gemeente = Math.round(62 * ruis(i, 8105));
    x.burger = Math.round(180 * ruis(i, 8106));
  }
  let van = 36;
  let cum = maanden.slice(0, 36).reduce((s, x) => s + x.gemeentePos + x.burgerPos, 0);
  for (const [ym, doel] of CUM_POSITIEF) {
    const [j, mm] = ym.split('-').map(Number);
    const tot = maandIndex(j, mm);
    const periode = maanden.slice(van, tot + 1);
    const pos = allocate(doel - cum, periode.map((x) => x.gemeente * 0.84 + x.burger * 0.62));
    periode.forEach((x, k) => {
      // Split the month's positives over aanvrager by expected share; keep positives ≤ beoordelingen.
      const g = Math.min(x.gemeente, Math.round((pos[k] * x.gemeente * 0.84) / (x.gemeente * 0.84 + x.burger * 0.62)));
      x.gemeentePos = g;
      x.burgerPos = pos[k] - g;
      x.burger = Math.max(x.burger, Math.ceil(x.burgerPos / 0.7));
    });
    cum = doel;
    van = tot + 1;
  }
  for (let i = van; i < maanden.length; i++) {
    const x = maanden[i];
    x.gemeentePos = Math.round(x.gemeente * 0.85);
    x.burgerPos = Math.round(x.burger * 0.65);
  }
  return maanden;
}

function kiesGewogen(cum: number[], u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  const x = u * cum[cum.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function genereerAdviezen(seed: number, geo: Geografie): Advies[] {
  const gew = geo.gemeenten.map((g) => Math.pow(g.inwoners, 0.85) * (VEEL_ADVIEZEN.has(g.naam) ? 2.2 : 1));
  const cum: number[] = [];
  gew.reduce((s, w, i) => (cum[i] = s + w), 0);
  const uit: Omit<Advies, 'advies_id'>[] = [];
  let teller = 0;
  for (const m of maandreeks(seed)) {
    const dagen = new Date(Date.UTC(m.jaar, m.maand, 0)).getUTCDate();
    for (const [aanvrager, n, pos] of [['gemeente', m.gemeente, m.gemeentePos], ['burger', m.burger, m.burgerPos]] as const) {
      // Random order within the month; the first `pos` are positive.
      const items = Array.from({ length: n }, (_, i) => ({ i, u: uniform(seed, m.jaar, m.maand, aanvrager === 'gemeente' ? 1 : 2, i, 8201) }));
      items.sort((a, b) => a.u - b.u || a.i - b.i);
      items.forEach((it, k) => {
        teller++;
        const g = geo.gemeenten[kiesGewogen(cum, uniform(seed, teller, 8202))];
        const dag = 1 + Math.floor(uniform(seed, teller, 8203) * dagen);
        uit.push({
          besluitdatum: `${m.jaar}-${String(m.maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`,
          gemeente_code: g.code,
          aanvrager,
          uitkomst: k < pos ? 'positief' : 'negatief',
        });
      });
    }
  }
  uit.sort((a, b) => a.besluitdatum.localeCompare(b.besluitdatum) || a.gemeente_code.localeCompare(b.gemeente_code)
    || a.aanvrager.localeCompare(b.aanvrager) || a.uitkomst.localeCompare(b.uitkomst));
  return uit.map((a, i) => ({ advies_id: i + 1, ...a }));
}

/** Published national number of people working on a beschut werkplek (2020-03-31 read as 2021-03-31). */
const PLEKKEN_ANKERS: [string, number][] = [
  ['2015Q1', 0], ['2016Q2', 115], ['2016Q4', 313], ['2017Q4', 1184], ['2018Q1', 1465], ['2019Q4', 4004],
  ['2020Q4', 5536 - 338], ['2021Q1', 5536], ['2022Q1', 7421 - 320], ['2022Q2', 7421],
];
const PLEKKEN_GROEI_NA = 300; // a quarter after mid-2022 (assumption)
/** Taakstelling per year (ministeriële regeling 2017, 2018; intended 2019; later years: assumption). */
export const TAAKSTELLING: Readonly<Record<number, number>> = {
  2015: 0, 2016: 0, 2017: 2600, 2018: 4600, 2019: 6000, 2020: 7400, 2021: 8800, 2022: 10200, 2023: 11600, 2024: 13000,
};
/** Zeeland (regionale_groei.csv): 79 placed by 30-09-2018; streefcijfer 2018 100; taakstelling 2019 135. */
const ZEELAND = 'AM24';
const ZEELAND_PLEKKEN: [string, number] = ['2018Q3', 79];
const ZEELAND_TAAK: Readonly<Record<number, number>> = { 2018: 100, 2019: 135 };
/** "het aandeel gemeenten dat in het geheel geen beschut werk aanbood was gestegen: van 20 tot 27%" (2016). */
const AANDEEL_ZONDER_2016 = 0.27;

export function genereerPlekken(seed: number, geo: Geografie, adviezen: readonly Advies[]): Plek[] {
  const tVan = tVanKwartaal(`${BESCHUT_VANAF}Q1`);
  const ankers = PLEKKEN_ANKERS.map(([k, v]) => [tVanKwartaal(k), v] as const);
  const laatste = ankers[ankers.length - 1];
  const totaal = (t: number): number => {
    if (t >= laatste[0]) return laatste[1] + (t - laatste[0]) * PLEKKEN_GROEI_NA;
    for (let i = 1; i < ankers.length; i++) {
      if (t <= ankers[i][0]) {
        const [t0, v0] = ankers[i - 1];
        const [t1, v1] = ankers[i];
        return Math.round(v0 + ((v1 - v0) * (t - t0)) / (t1 - t0));
      }
    }
    return laatste[1];
  };
  const nG = geo.gemeenten.length;
  const idx = new Map(geo.gemeenten.map((g) => [g.code, g.idx]));
  const positief = [...adviezen].filter((a) => a.uitkomst === 'positief');
  const zeeland = geo.gemeenten.filter((g) => g.regio === ZEELAND).map((g) => g.idx);
  const taakGewicht = geo.gemeenten.map((g) => g.inwoners * (1 + 0.3 * Math.log10(Math.max(1, g.inwoners) / 25)));
  const taak = (jaar: number): number[] => {
    const tot = TAAKSTELLING[jaar] ?? 0;
    const zt = ZEELAND_TAAK[jaar];
    if (zt === undefined) return allocate(tot, taakGewicht);
    const rest = allocate(tot - zt, taakGewicht.map((w, i) => (zeeland.includes(i) ? 0 : w)));
    const z = allocate(zt, zeeland.map((i) => taakGewicht[i]));
    zeeland.forEach((i, k) => (rest[i] = z[k]));
    return rest;
  };
  const uit: Plek[] = [];
  for (let t = tVan; t < NT; t++) {
    const pd = peildatum(t);
    const jaar = Number(pd.slice(0, 4));
    const cum = new Array<number>(nG).fill(0);
    for (const a of positief) if (a.besluitdatum <= pd) cum[idx.get(a.gemeente_code)!]++;
    // A small tie-breaker keeps the order of equal gemeenten fixed by seed.
    const gew = cum.map((c, i) => (c > 0 ? c + 0.01 * uniform(seed, i, 8301) : 0));
    const n = totaal(t);
    let plekken: number[];
    if (pd === '2016-12-31') {
      // Exactly 27% of gemeenten without any place: the others get one each, the rest by weight.
      const metPlek = Math.min(Math.round(nG * (1 - AANDEEL_ZONDER_2016)), n);
      const volgorde = gew.map((w, i) => [w + uniform(seed, i, 8302) * 1e-3, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      plekken = new Array<number>(nG).fill(0);
      const gekozen = volgorde.slice(0, metPlek).map(([, i]) => i);
      for (const i of gekozen) plekken[i] = 1;
      const extra = allocate(n - metPlek, gekozen.map((i) => gew[i]));
      gekozen.forEach((i, k) => (plekken[i] += extra[k]));
    } else if (t === tVanKwartaal(ZEELAND_PLEKKEN[0])) {
      const z = ZEELAND_PLEKKEN[1];
      plekken = allocate(n - z, gew.map((w, i) => (zeeland.includes(i) ? 0 : w)));
      const zp = allocate(z, zeeland.map((i) => gew[i] || 0.01));
      zeeland.forEach((i, k) => (plekken[i] = zp[k]));
    } else {
      plekken = allocate(n, gew);
    }
    const tk = taak(jaar);
    geo.gemeenten.forEach((g, i) => uit.push({ gemeente_code: g.code, peildatum: pd, plekken: plekken[i], taakstelling: tk[i] }));
  }
  return uit;
}

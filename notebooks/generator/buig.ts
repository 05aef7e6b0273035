/**
 * BUIG per gemeente per year: voorlopig and definitief budget and (netto) uitgaven, in euros.
 * National totals per year are set so the published macro figures hold (tekort/overschot in € and
 * % of the budget, the cumulative result 2012–2016, budget changes); years without a published
 * figure use the assumptions marked below. Each gemeente's result spreads around the national
 * one: result_g = m + λ·log(size_g) + σ·s_g·z_g with s_g larger for small gemeenten; m, λ and σ
 * are solved per year so the national saldo is exact and the published shares of gemeenten with
 * a deficit (and with a deficit of at least 5%) hold.
 */
import type { Geografie } from './geography.ts';
import { allocate, normal } from './rng.ts';

export interface BuigRij {
  gemeente_code: string;
  jaar: number;
  budget_voorlopig: number;
  budget_definitief: number;
  uitgaven: number;
}

interface JaarDoel {
  /** Voorlopig and definitief macrobudget, mln euro. */
  voorlopig: number;
  definitief: number;
  /** Saldo (budget − uitgaven), mln euro; negative = tekort. */
  saldo: number;
  /** Published share of gemeenten with a deficit (0..1), and with a deficit of at least 5%. */
  aandeelTekort?: number;
  aandeelTekort5?: number;
}

/**
 * Macro figures per year, mln euro. Published values (buig_macrobudget.csv) are used as they are;
 * 'aanname' marks what is not published.
 */
export const MACRO: Readonly<Record<number, JaarDoel>> = {
  // 2011: tekort 675 mln, 96% of gemeenten in deficit; budget 4,300 (aanname).
  2011: { voorlopig: 4250, definitief: 4300, saldo: -675, aandeelTekort: 0.96 },
  // 2012: tekort 19 mln = 0,4% → budget ≈ 4,750; 63% in deficit.
  2012: { voorlopig: 4700, definitief: 4750, saldo: -19, aandeelTekort: 0.63 },
  // 2013: overschot ca. 300 mln; budget 5,250 (aanname).
  2013: { voorlopig: 5150, definitief: 5250, saldo: 300 },
  // 2014: saldo so that 2012–2016 adds up to ca. −35 mln (aanname for the split 2014/2015 budgets).
  2014: { voorlopig: 5450, definitief: 5500, saldo: 60.4 },
  // 2015: tekort 1,9%; 66% in deficit, 47% a deficit of at least 5%.
  2015: { voorlopig: 5550, definitief: 5600, saldo: -0.019 * 5600, aandeelTekort: 0.66, aandeelTekort5: 0.47 },
  // 2016: definitief = voorlopig 2017 − 116,2 = 5,691.6; tekort ca. 270 mln (SZW).
  2016: { voorlopig: 5650, definitief: 5691.6, saldo: -270 },
  // 2017: voorlopig 5,807.8; nader voorlopig +26 = 5,833.8 taken as definitief; tekort 276 (excl. vangnet); 79% in deficit.
  2017: { voorlopig: 5807.8, definitief: 5833.8, saldo: -276, aandeelTekort: 0.79 },
  // 2018: overschot 159 mln = 2,5% → budget ≈ 6,360.
  2018: { voorlopig: 6300, definitief: 6360, saldo: 159 },
  // 2019: voorlopig 6,219.7; definitief ≈ stand 2e suppletoire 6,083.7; saldo −0,5% (aanname).
  2019: { voorlopig: 6219.7, definitief: 6083.7, saldo: -30 },
  // 2020: overschot (only "net als 2020" is published): +2,5% (aanname); budget 6,700 (aanname).
  2020: { voorlopig: 6300, definitief: 6700, saldo: 168 },
  // 2021: definitief 6,386 (= 6,022 + 364), voorlopig = definitief + 460; overschot 244.
  2021: { voorlopig: 6846, definitief: 6386, saldo: 244 },
  // 2022: definitief 6,021.7 (= voorlopig 2023 + 6,8; rounds to the published 6,022) ≈ vastgestelde begroting 6,462.3; uitgaven = lasten 6,134 − baten 123.
  2022: { voorlopig: 6462.3, definitief: 6021.7, saldo: 6021.7 - (6134 - 123) },
  // 2023: voorlopig 6,014.9; definitief ≈ 2e suppletoire 6,662.7 (incl. WML-bijstelling); tekort 1% (aanname).
  2023: { voorlopig: 6014.9, definitief: 6655, saldo: -66.6 },
  // 2024: voorlopig 6,958.5; definitief ≈ 1e suppletoire 6,867.7; tekort 1,5% (aanname).
  2024: { voorlopig: 6958.5, definitief: 6870, saldo: -103 },
};

/** Default spread parameters for years without published shares (aanname). */
const SIGMA_STANDAARD = 0.05;
const LAMBDA_STANDAARD = 0.005;

function budgetGewicht(inwoners: number): number {
  // Bijstand per resident is higher in the large cities.
  return inwoners * Math.max(0.6, 1 + 0.8 * Math.log10(inwoners / 25));
}

interface Oplossing { m: number; lambda: number; sigma: number }

function resultaten(p: Oplossing, l: number[], s: number[], z: number[]): number[] {
  return l.map((li, i) => p.m + p.lambda * li + p.sigma * s[i] * z[i]);
}

function losOp(doel: JaarDoel, budget: number[], l: number[], s: number[], z: number[]): Oplossing {
  const B = budget.reduce((a, b) => a + b, 0);
  const S = doel.saldo * 1e6;
  const mVoor = (lambda: number, sigma: number) =>
    (S - budget.reduce((acc, b, i) => acc + b * (lambda * l[i] + sigma * s[i] * z[i]), 0)) / B;
  const kosten = (lambda: number, sigma: number) => {
    const d = resultaten({ m: mVoor(lambda, sigma), lambda, sigma }, l, s, z);
    let k = 0.001 * Math.abs(lambda - LAMBDA_STANDAARD) + 0.001 * Math.abs(sigma - SIGMA_STANDAARD);
    if (doel.aandeelTekort !== undefined) k += Math.abs(d.filter((x) => x < 0).length / d.length - doel.aandeelTekort);
    if (doel.aandeelTekort5 !== undefined) k += Math.abs(d.filter((x) => x <= -0.05).length / d.length - doel.aandeelTekort5);
    return k;
  };
  if (doel.aandeelTekort === undefined && doel.aandeelTekort5 === undefined) {
    return { m: mVoor(LAMBDA_STANDAARD, SIGMA_STANDAARD), lambda: LAMBDA_STANDAARD, sigma: SIGMA_STANDAARD };
  }
  let best = { k: Infinity, lambda: 0, sigma: 0 };
  for (let i = 0; i <= 60; i++) {
    const sigma = 0.005 + (0.245 * i) / 60;
    for (let j = 0; j <= 60; j++) {
      const lambda = -0.06 + (0.12 * j) / 60;
      const k = kosten(lambda, sigma);
      if (k < best.k) best = { k, lambda, sigma };
    }
  }
  return { m: mVoor(best.lambda, best.sigma), lambda: best.lambda, sigma: best.sigma };
}

export function genereerBuig(seed: number, geo: Geografie): BuigRij[] {
  const gem = geo.gemeenten;
  const mediaan = [...gem.map((g) => g.inwoners)].sort((a, b) => a - b)[Math.floor(gem.length / 2)];
  const l = gem.map((g) => Math.log(g.inwoners / mediaan));
  const s = gem.map((g) => Math.min(3, Math.pow(mediaan / g.inwoners, 0.35)));
  const uit: BuigRij[] = [];
  for (const [jaarTekst, doel] of Object.entries(MACRO)) {
    const jaar = Number(jaarTekst);
    const gew = gem.map((g) => budgetGewicht(g.inwoners) * (1 + 0.03 * normal(seed, g.idx, jaar, 8401)));
    const def = allocate(Math.round(doel.definitief * 1e6), gew);
    const voorl = allocate(Math.round(doel.voorlopig * 1e6), gew.map((w, i) => w * (1 + 0.01 * normal(seed, i, jaar, 8402))));
    const z = gem.map((g) => normal(seed, g.idx, jaar, 8403));
    const opl = losOp(doel, def, l, s, z);
    const d = resultaten(opl, l, s, z);
    const saldo = def.map((b, i) => Math.round(b * d[i]));
    // Put the rounding rest on the largest gemeente so the national saldo is exact to the euro.
    const rest = Math.round(doel.saldo * 1e6) - saldo.reduce((a, b) => a + b, 0);
    const grootste = def.indexOf(Math.max(...def));
    saldo[grootste] += rest;
    gem.forEach((g, i) => uit.push({
      gemeente_code: g.code, jaar, budget_voorlopig: voorl[i], budget_definitief: def[i], uitgaven: def[i] - saldo[i],
    }));
  }
  return uit;
}

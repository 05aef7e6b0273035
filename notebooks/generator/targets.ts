/**
 * National target series per quarter, derived from the published figures:
 *  - banen per cell (markt/overheid × regulier/inleen): a weighted least-squares fit through
 *    EVERY published banen figure (jaarmetingen, trendrapportages, dashboard quarters, changes),
 *    with a weak smoothness prior for quarters nothing was published for;
 *  - register size R(t): linear between published counts (the Q3 2015 count is a definition break);
 *  - werkzame personen W(t): published counts, else banen ÷ banen-per-werkende interpolated;
 *  - the share of hours on a permanent contract: the published Q3 values, interpolated.
 * The microdata are then forced onto these series (person counts exactly, hours by raking).
 */
import type { PublishedSet } from '../../src/lib/published/reference.ts';
import { kleinsteKwadraten, type Vergelijking } from './lsq.ts';
import { interpoleer, kwartaalVan, NT, tVanDatum, tVanKwartaal } from './time.ts';

export const CELLEN = ['MR', 'OR', 'MI', 'OI'] as const;
export type Cel = (typeof CELLEN)[number];
/** sector (0 markt, 1 overheid) and inleen flag of each cell. */
export const CEL_DEF: Readonly<Record<Cel, { overheid: boolean; inleen: boolean }>> = {
  MR: { overheid: false, inleen: false },
  OR: { overheid: true, inleen: false },
  MI: { overheid: false, inleen: true },
  OI: { overheid: true, inleen: true },
};

export const NULMETING_BANEN = 75179;
/**
 * Split of the nulmeting stock over the cells (assumption; only the total and the 76/24
 * markt/overheid split of inleen hours in December 2012 are published, SEO).
 */
export const INLEEN_NULMETING = 22000;
export const OVERHEID_REGULIER_NULMETING = 6000;
export function nulmetingCellen(): Record<Cel, number> {
  const MI = INLEEN_NULMETING * 0.76;
  const OI = INLEEN_NULMETING * 0.24;
  const OR = OVERHEID_REGULIER_NULMETING;
  return { MR: NULMETING_BANEN - MI - OI - OR, OR, MI, OI };
}

/** Seasonal level of each quarter in the smoothness prior: December has extra verloonde uren. */
export const SEIZOEN = [0, 0, 0, 0.015] as const;

export interface BanenVergelijking {
  label: string;
  soort: 'jaarmeting' | 'trend' | 'mutatie';
  /** cell × quarter × coefficient on EXTRA banen (stock minus nulmeting). */
  termen: { cel: Cel; t: number; c: number }[];
  waarde: number;
}

const SECTOR_CELLEN_JM: Record<string, Cel[]> = {
  totaal: ['MR', 'OR', 'MI', 'OI'],
  markt: ['MR', 'MI'],
  overheid: ['OR', 'OI'],
};
const SECTOR_CELLEN_TREND: Record<string, Cel[]> = {
  totaal: ['MR', 'OR', 'MI', 'OI'],
  regulier: ['MR', 'OR'],
  inleen: ['MI', 'OI'],
  markt: ['MR'],
  overheid: ['OR'],
};

function niveau(cellen: Cel[], t: number): { cel: Cel; t: number; c: number }[] {
  return cellen.map((cel) => ({ cel, t, c: 1 }));
}
function verschil(cellen: Cel[], t: number, terug: number): { cel: Cel; t: number; c: number }[] {
  return [...niveau(cellen, t), ...(t - terug > 0 ? cellen.map((cel) => ({ cel, t: t - terug, c: -1 })) : [])];
}

/** Every published banen figure that is linear in the cell series, as an equation. */
export function banenVergelijkingen(pub: PublishedSet): BanenVergelijking[] {
  const uit: BanenVergelijking[] = [];
  for (const r of pub.realisatie) {
    const jm = /jaarmeting/.test(r.meting);
    const cellen = (jm ? SECTOR_CELLEN_JM : SECTOR_CELLEN_TREND)[r.sector];
    if (!cellen) throw new Error(`banenafspraak_realisatie: onbekende sector ${r.sector}`);
    uit.push({ label: `${r.meting} ${r.sector}`, soort: jm ? 'jaarmeting' : 'trend', termen: niveau(cellen, tVanDatum(r.peildatum)), waarde: r.extraBanen });
  }
  for (const r of pub.aanvullend) {
    const t = tVanDatum(r.peildatum);
    const m = /^mutatie_(jaar|kwartaal)_(inleen|regulier|markt|overheid|totaal)(_jaarmeting)?$/.exec(r.indicator);
    if (m) {
      const jm = m[3] !== undefined;
      const cellen = (jm ? SECTOR_CELLEN_JM : SECTOR_CELLEN_TREND)[m[2]];
      uit.push({ label: r.indicator, soort: jm ? 'jaarmeting' : 'mutatie', termen: verschil(cellen, t, m[1] === 'jaar' ? 4 : 1), waarde: r.waarde });
    } else if (r.indicator === 'totaal_banen_incl_nulmeting') {
      uit.push({ label: r.indicator, soort: 'jaarmeting', termen: niveau([...CELLEN], t), waarde: r.waarde - NULMETING_BANEN });
    } else if (r.indicator === 'totaal_banen_incl_nulmeting_kwartaalcijfers') {
      uit.push({ label: r.indicator, soort: 'trend', termen: niveau([...CELLEN], t), waarde: r.waarde - NULMETING_BANEN });
    }
  }
  return uit;
}

/** Relative weight of each kind of figure: the official jaarmeting wins where sources conflict. */
const PRIORITEIT = { jaarmeting: 100, trend: 1, mutatie: 1 } as const;
/** Scale below which an error counts as absolute: keeps small figures from dominating. */
// Changes are weak: where a trend level conflicts with a jaarmeting, the levels must win.
const SCHAAL_MIN = { jaarmeting: 1000, trend: 1000, mutatie: 1000000 } as const;
const GLAD_GEWICHT = 1e-11;

/**
 * After the last published quarter (2023Q4) nothing is known: the other cells keep their
 * seasonally adjusted level and regulier markt grows by this many banen a quarter (assumption).
 */
export const GROEI_NA_LAATSTE_MR = 1000;

/** Stock banen per cell and quarter (t = 0..NT-1), nulmeting included. */
export function fitBanen(pub: PublishedSet): Record<Cel, number[]> {
  const nul = nulmetingCellen();
  const alle = banenVergelijkingen(pub);
  const tMax = Math.min(NT - 1, Math.max(...alle.flatMap((v) => v.termen.map((x) => x.t))));
  const m = tMax; // unknowns per cell: t = 1..tMax
  const n = CELLEN.length * m;
  const idx = (cel: Cel, t: number) => CELLEN.indexOf(cel) * m + (t - 1);
  const vgl: Vergelijking[] = [];
  for (const v of alle) {
    const termen = v.termen.filter((x) => x.t >= 1 && x.t <= tMax).map((x) => [idx(x.cel, x.t), x.c] as const);
    if (termen.length === 0) continue;
    const s = Math.max(Math.abs(v.waarde), SCHAAL_MIN[v.soort]);
    vgl.push({ termen, waarde: v.waarde, gewicht: PRIORITEIT[v.soort] / (s * s) });
  }
  // Smoothness of the seasonally adjusted stock: (N + x(t)) / (1 + s_q); second differences in thousands.
  const adj = (t: number) => 1 / (1 + SEIZOEN[kwartaalVan(t).kw - 1]);
  for (const cel of CELLEN) {
    for (let t = 1; t < tMax; t++) {
      const termen: (readonly [number, number])[] = [];
      let constant = 0;
      for (const [tt, c] of [[t - 1, 1], [t, -2], [t + 1, 1]] as const) {
        constant += c * adj(tt) * nul[cel];
        if (tt >= 1) termen.push([idx(cel, tt), c * adj(tt)]);
      }
      vgl.push({ termen, waarde: -constant, gewicht: GLAD_GEWICHT / 1e6 });
    }
  }
  const x = kleinsteKwadraten(n, vgl);
  const uit = {} as Record<Cel, number[]>;
  for (const cel of CELLEN) {
    const laatsteAdj = (nul[cel] + x[idx(cel, tMax)]) * adj(tMax);
    uit[cel] = Array.from({ length: NT }, (_, t) => {
      if (t === 0) return nul[cel];
      if (t <= tMax) return nul[cel] + x[idx(cel, t)];
      return (laatsteAdj + (cel === 'MR' ? GROEI_NA_LAATSTE_MR * (t - tMax) : 0)) / adj(t);
    });
  }
  return uit;
}

export function totaalBanen(cellen: Record<Cel, number[]>, t: number): number {
  return CELLEN.reduce((s, c) => s + cellen[c][t], 0);
}

/** Register counts that are NOT on the same definition as the rest of the series (SOURCES.md §2). */
export const REGISTER_DEFINITIEBREUK = new Set(['2015-09-30']);
const REGISTER_INDICATOREN = new Set(['personen_geldige_grondslag', 'personen_in_doelgroepregister', 'personen_doelgroep_banenafspraak']);
/** After the last published count the register keeps growing by this many persons a quarter (assumption). */
const REGISTER_GROEI_NA_LAATSTE = 2000;
/** Nulmeting size: every published count + afname pair in 2017 and 2019 gives 247,739 (SOURCES.md §2). */
export const NULMETING_REGISTER = 247739;

export function registerReeks(pub: PublishedSet): number[] {
  const ankers: [number, number][] = [[0, NULMETING_REGISTER]];
  for (const r of pub.register) {
    if (!REGISTER_INDICATOREN.has(r.indicator) || REGISTER_DEFINITIEBREUK.has(r.peildatum)) continue;
    ankers.push([tVanDatum(r.peildatum), r.waarde]);
  }
  ankers.sort((a, b) => a[0] - b[0]);
  const [tl, vl] = ankers[ankers.length - 1];
  return Array.from({ length: NT }, (_, t) => Math.round(t > tl ? vl + (t - tl) * REGISTER_GROEI_NA_LAATSTE : interpoleer(ankers, t)));
}

/** Persons working at the nulmeting: not published; 1.17 banen per werkende (assumption, cf. 2020–2023). */
export const WERKZAAM_NULMETING = 64000;
/** "circa 80.000 mensen … die in het derde kwartaal van 2015 werkten" (brief 30 juni 2017). */
export const WERKZAAM_2015Q3 = 80000;
/**
 * Werkende personen 2016–2018 (not published; assumption): the growth of banen in 2017 is partly
 * more hours per person, so the number of people grows more evenly; 2017Q3 → 2018Q3 stays +14%
 * ("toename inkomstenverhoudingen", duurzaamheid.csv).
 */
export const WERKZAAM_AANNAME: Readonly<Record<string, number>> = { '2016Q3': 81500, '2017Q3': 89800, '2018Q3': 102400 };

export function werkzaamReeks(pub: PublishedSet, banen: Record<Cel, number[]>): number[] {
  const ankers: [number, number][] = [[0, WERKZAAM_NULMETING], [tVanKwartaal('2015Q3'), WERKZAAM_2015Q3],
    ...Object.entries(WERKZAAM_AANNAME).map(([k, v]) => [tVanKwartaal(k), v] as [number, number])];
  for (const r of pub.register) if (r.indicator === 'werkzame_personen') ankers.push([tVanDatum(r.peildatum), r.waarde]);
  ankers.sort((a, b) => a[0] - b[0]);
  // Banen per werkende, seasonally adjusted, interpolated between anchors.
  const seizoen = (t: number) => 1 + SEIZOEN[kwartaalVan(t).kw - 1];
  const ratio: [number, number][] = ankers.map(([t, w]) => [t, totaalBanen(banen, t) / w / seizoen(t)]);
  const uit = Array.from({ length: NT }, (_, t) => Math.round(totaalBanen(banen, t) / (interpoleer(ratio, t) * seizoen(t))));
  for (const [t, w] of ankers) uit[t] = w;
  return uit;
}

/** Share of verloonde uren on a permanent contract per quarter (0..1). */
export function vastAandeelReeks(pub: PublishedSet): number[] {
  const ankers: [number, number][] = [[0, 0.7]]; // 2012Q4: assumption, above the first published 67%
  for (const r of pub.duurzaamheid) {
    if (r.indicator === 'uren_vast_contract_pct' && r.groep === 'totaal') ankers.push([tVanKwartaal(r.periodeEind), r.waarde / 100]);
  }
  // 2021Q3 follows from the published growth 2021Q3→2022Q3 of all hours (6.4%) and of permanent hours (5%).
  const g = (ind: string) => pub.duurzaamheid.find((r) => r.indicator === ind && r.periodeStart === '2021Q3')?.waarde;
  const vast22 = ankers.find(([t]) => t === tVanKwartaal('2022Q3'))?.[1];
  const gTot = g('groei_verloonde_uren_pct');
  const gVast = g('groei_uren_onbepaalde_tijd_pct');
  if (vast22 !== undefined && gTot !== undefined && gVast !== undefined) {
    ankers.push([tVanKwartaal('2021Q3'), (vast22 * (1 + gTot / 100)) / (1 + gVast / 100)]);
  }
  ankers.sort((a, b) => a[0] - b[0]);
  return Array.from({ length: NT }, (_, t) => interpoleer(ankers, t));
}

export interface Doelreeksen {
  banen: Record<Cel, number[]>;
  register: number[];
  werkzaam: number[];
  vastAandeel: number[];
}

export function doelreeksen(pub: PublishedSet): Doelreeksen {
  const banen = fitBanen(pub);
  return { banen, register: registerReeks(pub), werkzaam: werkzaamReeks(pub, banen), vastAandeel: vastAandeelReeks(pub) };
}

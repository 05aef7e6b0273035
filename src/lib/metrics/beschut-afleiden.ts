/**
 * What the Beschut werk page derives from the answers of metrics/beschut.ts WITHOUT asking the
 * engine again: totals of any period inside the months asked, the year to date and its linear
 * year-end extrapolation (with a Poisson interval on the monthly rate), regions as sums of their
 * gemeenten, and the comparison of positive adviezen with the taakstelling (ratio and funnel
 * verdict). Pure functions; tests hold them equal to the SQL of beschut.ts on the same data.
 */
import type { Aanvrager } from '../extracts/contracts.ts';
import { REGIO_NAMEN } from '../extracts/regions.ts';
import { poissonFunnelGrenzen, poissonInterval } from './beschut-stats.ts';
import type { GemeenteRij } from './beschut-gemeenten.ts';
import { checkMaand, maandenTussen, type MaandRij, type PeriodeRij } from './beschut.ts';
import { NIVEAU_95, NIVEAU_998, oordeel, type FunnelOordeel } from './stats.ts';

export type AanvragerKeuze = Aanvrager | 'totaal';

/** Months from `van` to `tot` (inclusive) as 'yyyy-mm'. */
export function maandenVan(van: string, tot: string): string[] {
  const n = maandenTussen(van, tot);
  const { jaar, maand } = checkMaand(van);
  return Array.from({ length: n }, (_, i) => {
    const m = maand - 1 + i;
    return `${jaar + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Totals of the months van…tot per aanvrager and 'totaal', with the average per month: the same
 * rows periodeTotaalQuery gives (test/beschut-afleiden.test.ts). The monthly rows must cover the
 * period (perMaandQuery returns every month, also months without beoordelingen).
 */
export function periodeUitMaanden(rijen: readonly MaandRij[], van: string, tot: string): PeriodeRij[] {
  const n = maandenTussen(van, tot);
  const aanvragers = [...new Set(rijen.map((r) => r.aanvrager))].filter((a) => a !== 'totaal');
  const volgorde: AanvragerKeuze[] = [...(['gemeente', 'burger'] as const).filter((a) => aanvragers.includes(a)), 'totaal'];
  return volgorde.map((aanvrager) => {
    let beoordelingen = 0;
    let positief = 0;
    for (const r of rijen) {
      if (r.aanvrager !== aanvrager || r.maand < van || r.maand > tot) continue;
      beoordelingen += r.beoordelingen;
      positief += r.positief;
    }
    return {
      van, tot, aanvrager, beoordelingen, positief,
      pctPositief: beoordelingen > 0 ? (100 * positief) / beoordelingen : null,
      maanden: n, gemiddeldPerMaand: beoordelingen / n,
    };
  });
}

export interface Extrapolatie {
  jaar: number;
  /** Last month measured. */
  totMaand: string;
  /** Months measured (January … totMaand). */
  maanden: number;
  positiefTotNu: number;
  /** Positive adviezen per month so far, with its 95% exact Poisson interval. */
  tempo: number;
  tempoOnder: number;
  tempoBoven: number;
  /** positiefTotNu × 12 / maanden: what the ministry did (601 in 5 months → 1.442). */
  extrapolatieJaar: number;
  /** positiefTotNu + (12 − maanden) × the tempo's bounds: the uncertainty of the tempo only. */
  onder: number;
  boven: number;
  /** True when the year is complete: the year total is measured, nothing is extrapolated. */
  volledig: boolean;
  label: 'extrapolatie, geen meting';
}

/** The label every extrapolated number carries, in every chart, table and sentence. */
export const EXTRAPOLATIE_LABEL = 'extrapolatie, geen meting';

/**
 * Linear year-end extrapolation of k positive adviezen in the first m months of `jaar`. The
 * interval assumes the monthly tempo stays what it was (Poisson): it does not cover a change in
 * tempo, such as the growth of burger requests in 2017.
 */
export function extrapoleer(jaar: number, totMaand: string, k: number): Extrapolatie {
  const { jaar: j, maand: m } = checkMaand(totMaand, 'eindmaand');
  if (j !== jaar) throw new Error(`De maand ${totMaand} ligt niet in ${jaar}.`);
  const ci = poissonInterval(k);
  const rest = 12 - m;
  return {
    jaar, totMaand, maanden: m, positiefTotNu: k,
    tempo: k / m, tempoOnder: ci.onder / m, tempoBoven: ci.boven / m,
    extrapolatieJaar: (k * 12) / m,
    onder: k + (rest * ci.onder) / m,
    boven: k + (rest * ci.boven) / m,
    volledig: m === 12,
    label: EXTRAPOLATIE_LABEL,
  };
}

/** The year to date of `tot` for one aanvrager (or totaal) from monthly rows covering January … tot. */
export function jaarTotNu(rijen: readonly MaandRij[], tot: string, aanvrager: AanvragerKeuze): { van: string; periode: PeriodeRij; extrapolatie: Extrapolatie } {
  const jaar = checkMaand(tot, 'eindmaand').jaar;
  const van = `${jaar}-01`;
  const periode = periodeUitMaanden(rijen, van, tot).find((r) => r.aanvrager === aanvrager);
  if (!periode) throw new Error(`Geen cijfers voor aanvrager ${aanvrager}.`);
  return { van, periode, extrapolatie: extrapoleer(jaar, tot, periode.positief) };
}

export interface CumulatiefPunt {
  maand: string;
  /** Positive adviezen since January, measured (null after the last month measured). */
  gemeten: number | null;
  /** The linear extrapolation from the last measured month to December (null before it). */
  extrapolatie: number | null;
  onder: number | null;
  boven: number | null;
}

/** January … December of the year of `tot`: measured cumulative positive adviezen, then the extrapolation with its interval. */
export function cumulatiefMetExtrapolatie(rijen: readonly MaandRij[], tot: string, aanvrager: AanvragerKeuze): CumulatiefPunt[] {
  const { extrapolatie: e } = jaarTotNu(rijen, tot, aanvrager);
  let som = 0;
  return maandenVan(`${e.jaar}-01`, `${e.jaar}-12`).map((maand, i) => {
    const m = i + 1;
    if (m <= e.maanden) {
      som += rijen.find((r) => r.maand === maand && r.aanvrager === aanvrager)?.positief ?? 0;
    }
    const gemeten = m <= e.maanden ? som : null;
    if (e.volledig || m < e.maanden) return { maand, gemeten, extrapolatie: null, onder: null, boven: null };
    const stap = m - e.maanden;
    return {
      maand, gemeten,
      extrapolatie: e.positiefTotNu + stap * e.tempo,
      onder: e.positiefTotNu + stap * e.tempoOnder,
      boven: e.positiefTotNu + stap * e.tempoBoven,
    };
  });
}

/** One gemeente, region or the country: counts per aanvrager in the period, taakstelling, places. */
export interface Gebied {
  code: string;
  naam: string;
  /** The region of a gemeente; the region itself for a region; null for Nederland. */
  regio: string | null;
  beoordelingen: Record<AanvragerKeuze, number>;
  positief: Record<AanvragerKeuze, number>;
  taakstelling: number | null;
  plekken: number | null;
  plekkenPeildatum: string | null;
}

function gebiedVan(g: GemeenteRij): Gebied {
  return {
    code: g.code, naam: g.naam, regio: g.regio,
    beoordelingen: { gemeente: g.beoordelingenGemeente, burger: g.beoordelingenBurger, totaal: g.beoordelingenGemeente + g.beoordelingenBurger },
    positief: { gemeente: g.positiefGemeente, burger: g.positiefBurger, totaal: g.positiefGemeente + g.positiefBurger },
    taakstelling: g.taakstelling, plekken: g.plekken, plekkenPeildatum: g.plekkenPeildatum,
  };
}

const somOfNull = (xs: readonly (number | null)[]): number | null => (xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0));

/** Units as the sum of the gemeenten given. */
function som(code: string, naam: string, regio: string | null, delen: readonly Gebied[]): Gebied {
  const tel = (k: 'beoordelingen' | 'positief') => ({
    gemeente: delen.reduce((a, d) => a + d[k].gemeente, 0),
    burger: delen.reduce((a, d) => a + d[k].burger, 0),
    totaal: delen.reduce((a, d) => a + d[k].totaal, 0),
  });
  return {
    code, naam, regio,
    beoordelingen: tel('beoordelingen'), positief: tel('positief'),
    taakstelling: somOfNull(delen.map((d) => d.taakstelling)),
    plekken: somOfNull(delen.map((d) => d.plekken)),
    plekkenPeildatum: delen.find((d) => d.plekkenPeildatum)?.plekkenPeildatum ?? null,
  };
}

export interface Gebieden {
  gemeenten: Gebied[];
  /** The 35 regions in code order, each the sum of its gemeenten. */
  regios: Gebied[];
  nederland: Gebied;
}

/** Gemeenten, regions (sums of their gemeenten) and Nederland from the rows of gemeentenQuery. */
export function gebieden(rijen: readonly GemeenteRij[]): Gebieden {
  const gemeenten = rijen.map(gebiedVan);
  const regios = Object.keys(REGIO_NAMEN).sort().map((code) => som(code, REGIO_NAMEN[code], code, gemeenten.filter((g) => g.regio === code)));
  return { gemeenten, regios, nederland: som('NL', 'Nederland', null, gemeenten) };
}

export type FunnelSignaal = 'boven998' | 'boven95' | 'binnen' | 'onder95' | 'onder998';

export interface Verhouding {
  code: string;
  positief: number;
  taakstelling: number | null;
  /** positief / taakstelling; null without a taakstelling above 0. */
  verhouding: number | null;
  oordeel95: FunnelOordeel | null;
  oordeel998: FunnelOordeel | null;
  signaal: FunnelSignaal;
}

/**
 * The national ratio the funnel lies around: Nederland's positive adviezen per place of its
 * taakstelling (null without one). Nederland's own count, never a sum over the units with a
 * taakstelling: that sum would give the hidden counts of the units without one back.
 */
export function landelijkeVerhouding(land: Gebied, aanvrager: AanvragerKeuze): number | null {
  return land.taakstelling && land.taakstelling > 0 ? land.positief[aanvrager] / land.taakstelling : null;
}

/**
 * Positive adviezen (of one aanvrager, or totaal) relative to the taakstelling, with the verdict
 * of a Poisson funnel around the national ratio r0 (landelijkeVerhouding; null: no verdict).
 */
export function verhoudingen(units: readonly Gebied[], aanvrager: AanvragerKeuze, r0: number | null): { r0: number | null; rijen: Verhouding[] } {
  const rijen = units.map((u): Verhouding => {
    const positief = u.positief[aanvrager];
    const taak = u.taakstelling;
    if (!taak || taak <= 0 || r0 === null) {
      return { code: u.code, positief, taakstelling: taak, verhouding: null, oordeel95: null, oordeel998: null, signaal: 'binnen' };
    }
    const v = positief / taak;
    const o95 = oordeel(v, poissonFunnelGrenzen(r0, taak, NIVEAU_95.z));
    const o998 = oordeel(v, poissonFunnelGrenzen(r0, taak, NIVEAU_998.z));
    const signaal: FunnelSignaal =
      o998 === 'boven' ? 'boven998' : o95 === 'boven' ? 'boven95' : o998 === 'onder' ? 'onder998' : o95 === 'onder' ? 'onder95' : 'binnen';
    return { code: u.code, positief, taakstelling: taak, verhouding: v, oordeel95: o95, oordeel998: o998, signaal };
  });
  return { r0, rijen };
}

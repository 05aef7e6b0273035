/**
 * Disclosure control of the Regio's page through the one module (lib/disclosure/). Tables
 * declared once and read by every view that prints from them (chart, table twin, sentences, CSV,
 * briefing). Underneath: one table per quarter (beveiliging-kwartaal.ts) decides every count of
 * persons and werkzaam persons of that quarter, whichever period or series shows it.
 *
 * 1. The overview of a period (base and end quarter): per region (unknown codes included, not
 *    printed) the persons in the register and the werkzaam persons in both quarters, adding up to
 *    Nederland, as their quarters decided them. Map/ranking, profile, neighbours, scatter and the
 *    national growth read it.
 *    Banen are hours of the werkzaam persons (a magnitude, not a count): a region's banen, its
 *    growth and banen per 1.000 are shown only when the werkzaam counts they rest on are, and
 *    those counts are declared as printed — the national banen minus the regions shown would
 *    otherwise give a hidden region's banen, exactly as counts would. Growth is the difference of
 *    two quarters, so it rests on both quarters' counts: a hidden quarter hides the growth.
 * 2. The one-year cohort per region (n werkzaam at the start, k of them still werkzaam): the
 *    funnel prints n and k, the map and profile the share k/n; one table for all three.
 * 3. The indexed series (compare view, profile): each point rests on the counts of its quarter
 *    and of the base quarter, shown only when both quarters print them.
 *
 * Ids: `r:<code>.b|e.personen|werkzaam` (code `∅` for a NULL code), `NL.…` for Nederland.
 *
 * From a voorberekende map a cell may be empty (`onderdrukt`: fewer than 10 persons, or protecting
 * such a cell; the map says which). Its counts enter the table as hidden (`verborgen`, printed
 * "x") with stand-in values, and so does Nederland in that quarter (its sum is not known): every
 * value resting on them is hidden and nothing is added as 0. A cell empty because it is small
 * prints that reason ("x" on a small group), one emptied to protect another the protection.
 */
import { beveilig, type Beveiligd } from '../../lib/disclosure/beveilig.ts';
import { WeergaveBouwer, aandeelId } from '../../lib/disclosure/tabel.ts';
import { X_BESCHERMING } from '../../lib/disclosure/zinnen.ts';
import { onderdrukteSoorten, TOELICHTING_AFGELEID, TOELICHTING_KLEIN, type Onderdrukt } from '../../lib/format/disclosure.ts';
import type { RegioAandeel, RegioOverzicht, Reeksen } from '../../lib/metrics/regio.ts';
import type { NiveauIndicator } from '../../lib/metrics/regio-indicatoren.ts';
import { besluit, DECIMALEN, kwartaalUitOverzicht, kwartaalUitReeksen, beschermKwartaal, LANDELIJK_GEWICHT, leeg, metKleineLegeCellen, neemOver, NL, opKaart, rij, type KwartaalRij } from './beveiliging-kwartaal.ts';

export type OverzichtMaat = 'banen' | 'groei' | 'aandeel_werkzaam' | 'personen' | 'banen_per_1000' | 'aandeel_werkzaam_basis' | 'banen_per_1000_basis';

/** What the page may print of one period's overview. */
export interface OverzichtBescherming {
  readonly b: Beveiligd;
  /** `v` (or the rounded share) when it may be printed, else "<10" / "x"; code null = Nederland. */
  waarde(maat: OverzichtMaat, code: string | null, v: number | null): number | Onderdrukt | null;
}

const overzichtCache = new WeakMap<RegioOverzicht, OverzichtBescherming>();

/** The overview's table; one answer per overview object (map, profile and scatter share it). */
export function beschermOverzicht(o: RegioOverzicht): OverzichtBescherming {
  const klaar = overzichtCache.get(o);
  if (klaar) return klaar;
  const w = new WeergaveBouwer();
  const rijen = o.regios.map((r) => ({ p: rij(r.regio_code), r, getoond: opKaart(r.regio_code) }));
  const moment = [['b', 'basis'], ['e', 'eind']] as const;
  for (const [m, veld] of moment) {
    // Each quarter's counts as its own table decided them (the same in every period with it).
    const kwartaal = kwartaalUitOverzicht(o, veld);
    for (const k of ['personen', 'werkzaam'] as const) {
      w.cel(`${NL}.${m}.${k}`, o.landelijk[veld][k], { gewicht: LANDELIJK_GEWICHT, ...besluit(kwartaal, `${NL}.${k}`) });
      for (const { p, r, getoond } of rijen) w.cel(`${p}.${m}.${k}`, r[veld][k], { getoond, ...besluit(kwartaal, `${p}.${k}`) });
      w.som(`${NL}.${m}.${k}`, rijen.map((x) => `${x.p}.${m}.${k}`));
    }
  }
  for (const p of [NL, ...rijen.map((x) => x.p)]) for (const [m] of moment) w.nesting(`${p}.${m}.werkzaam`, `${p}.${m}.personen`);
  for (const p of [NL, ...rijen.filter((x) => x.getoond).map((x) => x.p)]) {
    for (const [m] of moment) w.aandeel(`${p}.${m}.werkzaam`, `${p}.${m}.personen`, DECIMALEN);
    w.afgeleid(`${p}.banen`, [`${p}.e.werkzaam`])
      .afgeleid(`${p}.groei`, [`${p}.b.werkzaam`, `${p}.e.werkzaam`])
      .afgeleid(`${p}.per1000`, [`${p}.e.werkzaam`, `${p}.e.personen`])
      .afgeleid(`${p}.b.per1000`, [`${p}.b.werkzaam`, `${p}.b.personen`]);
  }
  // Empty cells of a voorberekende map that hold a small group print that reason.
  const klein = rijen.flatMap(({ p, r }) => moment.flatMap(([m, veld]) => (r.klein?.[veld] ? [`${p}.${m}.personen`, `${p}.${m}.werkzaam`] : [])));
  const b = metKleineLegeCellen(beveilig(w.weergave()), klein);
  const uit: OverzichtBescherming = {
    b,
    waarde(maat, code, v) {
      if (v === null) return null;
      const p = code === null ? NL : rij(code);
      switch (maat) {
        case 'personen': return b.aantal(`${p}.e.personen`);
        case 'aandeel_werkzaam': return b.aandeel(aandeelId(`${p}.e.werkzaam`, `${p}.e.personen`));
        case 'aandeel_werkzaam_basis': return b.aandeel(aandeelId(`${p}.b.werkzaam`, `${p}.b.personen`));
        case 'banen': return b.afgeleid(`${p}.banen`, v);
        case 'groei': return b.afgeleid(`${p}.groei`, v);
        case 'banen_per_1000': return b.afgeleid(`${p}.per1000`, v);
        case 'banen_per_1000_basis': return b.afgeleid(`${p}.b.per1000`, v);
      }
    },
  };
  overzichtCache.set(o, uit);
  return uit;
}

/** What the page may print of one cohort (funnel, map indicator "werkzaam na 1 jaar", profile). */
export interface CohortBescherming {
  readonly b: Beveiligd;
  n(code: string | null): number | Onderdrukt;
  k(code: string | null): number | Onderdrukt;
  /** The share k/n rounded to one decimal (as a fraction), or "x". */
  aandeel(code: string | null): number | Onderdrukt;
  /** A value computed from n (the funnel's control limits): `v` or "x". */
  opN<T>(code: string | null, v: T): T | Onderdrukt;
}

const cohortCache = new WeakMap<readonly RegioAandeel[], CohortBescherming>();

/**
 * `basisKwartaal`: the base quarter's counts per region (RegioDuurzaam.basisKwartaal). A region's
 * n is its werkzaam count of that quarter, which the map of a period starting there also shows:
 * n IS that quarter's cell, and the quarter's table comes along whole (its cells as the quarter
 * decided them, its sums and shares: what a reader sees on the map next to the funnel), so the
 * funnel never prints a count the map hides, and hides k where the two together would narrow it.
 * Without it (a voorberekende map, hand-built tests) the cohort decides alone.
 */
export function beschermCohort(rijen: readonly RegioAandeel[], basisKwartaal: readonly KwartaalRij[] = []): CohortBescherming {
  const klaar = cohortCache.get(rijen);
  if (klaar) return klaar;
  const w = new WeergaveBouwer();
  const regels = rijen.map((r) => ({ p: rij(r.regio_code), r, getoond: opKaart(r.regio_code) }));
  const som = (f: (r: RegioAandeel) => number) => rijen.reduce((a, r) => a + f(r), 0);
  const ergensLeeg = rijen.some((r) => r.onderdrukt);
  const kwartaal = basisKwartaal.length && !ergensLeeg ? beschermKwartaal(basisKwartaal) : null;
  if (kwartaal) neemOver(w, kwartaal);
  const inKwartaal = new Map((kwartaal?.weergave.cellen ?? []).map((c) => [c.id, c.aantal]));
  // n's id: the quarter's werkzaam cell where the quarter holds this very count, else its own.
  const nIds = new Map<string, string>();
  const n = (p: string, aantal: number, opties: Parameters<WeergaveBouwer['cel']>[2]) => {
    const id = inKwartaal.get(`${p}.werkzaam`) === aantal ? `${p}.werkzaam` : `${p}.n`;
    if (id === `${p}.n`) w.cel(id, aantal, opties);
    nIds.set(p, id);
  };
  // Nederland's counts are not printed (only its share), the regions' are (the funnel's table).
  const nl = { getoond: false, gewicht: LANDELIJK_GEWICHT, ...leeg(ergensLeeg) };
  n(NL, som((r) => r.n), nl);
  w.cel(`${NL}.k`, som((r) => r.k), nl);
  for (const { p, r, getoond } of regels) {
    n(p, r.n, { getoond, ...leeg(r.onderdrukt) });
    w.cel(`${p}.k`, r.k, { getoond, ...leeg(r.onderdrukt) });
  }
  const nId = (p: string) => nIds.get(p)!;
  w.som(nId(NL), regels.map((x) => nId(x.p))).som(`${NL}.k`, regels.map((x) => `${x.p}.k`));
  for (const p of [NL, ...regels.map((x) => x.p)]) w.nesting(`${p}.k`, nId(p));
  for (const p of [NL, ...regels.filter((x) => x.getoond).map((x) => x.p)]) {
    w.aandeel(`${p}.k`, nId(p), DECIMALEN, { id: `${p}.aandeel` }).afgeleid(`${p}.grenzen`, [nId(p)]);
  }
  const klein = regels.filter((x) => x.r.onderdrukt && x.r.klein).flatMap((x) => [nIds.get(x.p)!, `${x.p}.k`]);
  const b = metKleineLegeCellen(beveilig(w.weergave()), klein);
  const p = (code: string | null) => (code === null ? NL : rij(code));
  const uit: CohortBescherming = {
    b,
    n: (code) => b.aantal(nId(p(code))),
    k: (code) => b.aantal(`${p(code)}.k`),
    aandeel: (code) => b.aandeel(`${p(code)}.aandeel`),
    opN: (code, v) => b.afgeleid(`${p(code)}.grenzen`, v),
  };
  cohortCache.set(rijen, uit);
  return uit;
}

/** The footnote for values hidden to protect others ("x"); the chart kit adds those for "<10" and "x" on a small group. */
export function beschermingsNoot(rijen: readonly Record<string, unknown>[]): string[] {
  return onderdrukteSoorten(rijen).has('bescherming') ? [X_BESCHERMING] : [];
}

/** All three footnotes, for a table of text cells (the profile), from the reasons of its hidden values. */
export function redenNoten(redenen: readonly ({ reden: 'klein' | 'bescherming' | null; tekst: string })[]): string[] {
  return [
    ...(redenen.some((r) => r.tekst === '<10') ? [TOELICHTING_KLEIN] : []),
    ...(redenen.some((r) => r.reden === 'klein' && r.tekst !== '<10') ? [TOELICHTING_AFGELEID] : []),
    ...(redenen.some((r) => r.reden === 'bescherming') ? [X_BESCHERMING] : []),
  ];
}

/** The counts a series of this indicator rests on. */
function basisTellingen(indicator: NiveauIndicator): ('personen' | 'werkzaam')[] {
  if (indicator === 'personen') return ['personen'];
  if (indicator === 'aandeel_werkzaam' || indicator === 'banen_per_1000') return ['werkzaam', 'personen'];
  return ['werkzaam'];
}

/** What the series may print: per series key (null = Nederland) and quarter, whether the point (its index) may be shown. */
export interface ReeksBescherming {
  readonly b: Beveiligd;
  punt<T>(code: string | null, kwartaal: string, v: T): T | Onderdrukt;
}

/**
 * The series of the compare view and the profile (`reeksen`: every region; `regios`: the ones
 * drawn, Nederland always): a point indexed to the base quarter rests on the counts of both
 * quarters, so it is shown only when both are printed in their quarter's own table — where a
 * count of 10 or more may be hidden to protect a small region (an index times the level the map
 * prints would give it back).
 */
export function beschermReeksen(reeksen: Reeksen, indicator: NiveauIndicator, basis: string, regios: readonly string[]): ReeksBescherming {
  const w = new WeergaveBouwer();
  const tellingen = basisTellingen(indicator);
  const punten = new Set<string>();
  const klein: string[] = [];
  const getoond = reeksen.regios.filter((r) => r.regio_code !== null && regios.includes(r.regio_code));
  for (const r of [reeksen.landelijk, ...getoond]) {
    const p = r.landelijk ? NL : rij(r.regio_code);
    for (const pt of r.punten) {
      const kwartaal = kwartaalUitReeksen(reeksen, pt.kwartaal);
      for (const t of tellingen) w.cel(`${p}.${pt.kwartaal}.${t}`, pt[t], { getoond: false, ...besluit(kwartaal, `${p}.${t}`) });
      if (pt.klein) klein.push(...tellingen.map((t) => `${p}.${pt.kwartaal}.${t}`));
    }
    const heeftBasis = r.punten.some((pt) => pt.kwartaal === basis);
    for (const pt of r.punten) {
      if (!heeftBasis) continue;
      const ids = tellingen.flatMap((t) => [`${p}.${pt.kwartaal}.${t}`, `${p}.${basis}.${t}`]);
      w.afgeleid(`${p}.${pt.kwartaal}`, [...new Set(ids)]);
      punten.add(`${p}.${pt.kwartaal}`);
    }
  }
  const b = metKleineLegeCellen(beveilig(w.weergave()), klein);
  return {
    b,
    punt(code, kwartaal, v) {
      const id = `${code === null ? NL : rij(code)}.${kwartaal}`;
      return punten.has(id) ? b.afgeleid(id, v) : v;
    },
  };
}

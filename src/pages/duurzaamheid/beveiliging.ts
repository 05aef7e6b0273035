/**
 * Disclosure control of the Duurzaamheid page through the one module (lib/disclosure/): what the
 * page shows about ONE base quarter is declared as one table, so a count is hidden or shown
 * everywhere at once — the outcome per achtergrond with its Totaal row, the total's steeds
 * werkzaam and zelfde baan (nested in werkzaam; the trend row and the headline show them), the
 * uitstroom reasons (parts of the total that left the register) and the shares as each place
 * prints them (whole percents in the table and sentences, one decimal in the trend).
 * Starters are another group of people: their own table per base quarter.
 *
 * A trend row of another base quarter is judged with that base quarter's full table (its groups
 * included), so the same number gets the same answer whichever base quarter is on screen.
 * Ids: `<groep>.cohort|werkzaam|verloren|uit`, the total `T.…`, its `T.steeds` and `T.zelfde`,
 * uitstroom reasons `U.<reden>`; starters `<groep>.starters|na1|zelfde|na2`.
 */
import { beveilig, type Beveiligd } from '../../lib/disclosure/beveilig.ts';
import { WeergaveBouwer, aandeelId, type Cel, type CelId, type Reden } from '../../lib/disclosure/tabel.ts';
import { DREMPEL, type Onderdrukt } from '../../lib/format/disclosure.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';
import type { StartersRij, StartersTelling } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij, UitkomstTelling } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import type { ZinBescherming } from '../../lib/metrics/duurzaamheid/zinnen.ts';
import { perBasis } from './groepen.ts';
import { neemOver } from '../regios/beveiliging-kwartaal.ts';
import type { RegioKwartaal, RegioKwartalen } from './regio-kwartaal.ts';

/** Id of the total row (the sum over the groups shown; the group itself when only one is shown). */
const T = 'T';
/** Id of the chosen regions' werkzaam persons together, as the Regio's quarter decides it. */
const REGIOS = 'R.werkzaam';
/** Decimals of a share as the trend prints it (the table and the sentences print whole percents). */
export const TREND_DECIMALEN = 1;

export type UitkomstVeld = 'cohort' | 'werkzaam' | 'verloren' | 'uit' | 'steeds' | 'zelfde';

/** What the page may print about one base quarter's cohort, per group ('totaal' = the total row). */
export interface CohortBescherming {
  readonly b: Beveiligd;
  /** Groups shown, in the order given. */
  readonly groepen: readonly string[];
  /** The count to print (number, "<10" or "x"). */
  aantal(groep: string, veld: UitkomstVeld): number | Onderdrukt;
  /** A share of the group's cohort, already rounded (fraction), or suppressed. */
  aandeel(groep: string, veld: Exclude<UitkomstVeld, 'cohort'>, decimalen: 0 | 1): number | Onderdrukt;
  /** The uitstroom reasons: count and share of all who left (whole percents). */
  reden(reden: string): { aantal: number | Onderdrukt; aandeel: number | Onderdrukt; totaal: number | Onderdrukt } | null;
}

function prefix(groep: string, groepen: readonly string[]): string {
  return groep === 'totaal' || groepen.length === 1 ? (groepen.length === 1 ? `g:${groepen[0]}` : T) : `g:${groep}`;
}

/** The page's name of each count of an outcome row. */
const VELD: Readonly<Record<UitkomstTelling, UitkomstVeld>> = {
  cohort: 'cohort', werkzaam: 'werkzaam', werkVerloren: 'verloren', uitRegister: 'uit', steedsWerkzaam: 'steeds', zelfdeBaan: 'zelfde',
};

/**
 * The groups' and their total's cells a voorberekende map left empty (none from microdata): a
 * group's as the map says; the total of every achtergrond (`alle`) as the map's total says; the
 * total of some achtergronden is not known when one of its parts is empty ("x", to protect).
 */
function leegeGroepen<K extends string>(
  rijen: readonly { groep: string; leeg?: Partial<Record<K, Reden>>; totaalLeeg?: Partial<Record<K, Reden>> }[],
  veld: Readonly<Record<K, string>>,
  alle: boolean,
): Map<CelId, Reden> {
  const uit = new Map<CelId, Reden>();
  if (!rijen.some((r) => r.leeg)) return uit;
  const velden = Object.keys(veld) as K[];
  for (const r of rijen) for (const v of velden) if (r.leeg?.[v]) uit.set(`g:${r.groep}.${veld[v]}`, r.leeg[v]);
  if (rijen.length > 1) {
    for (const v of velden) {
      const reden = alle ? rijen[0].totaalLeeg?.[v] : rijen.some((r) => r.leeg?.[v]) ? 'bescherming' : undefined;
      if (reden) uit.set(`${T}.${veld[v]}`, reden);
    }
  }
  return uit;
}

/** The cells of this table a voorberekende map left empty (leegeGroepen), and the same for the uitstroom reasons. */
function leegCellen(rijen: readonly UitkomstRij[], uitstroom: readonly UitstroomRij[], t: string, alle: boolean): Map<CelId, Reden> {
  const uit = leegeGroepen(rijen, VELD, alle);
  if (!rijen.some((r) => r.leeg)) return uit;
  const redenen = new Map<string, UitstroomRij[]>();
  for (const r of uitstroom) redenen.set(r.reden, [...(redenen.get(r.reden) ?? []), r]);
  for (const [reden, lijst] of redenen) {
    const r = t !== T ? lijst[0].leeg : alle ? lijst[0].totaalLeeg : lijst.some((x) => x.leeg) ? 'bescherming' : null;
    if (r) uit.set(`U:${reden}`, r);
  }
  return uit;
}

/**
 * The table of one base quarter: `rijen` the outcome rows per group (already filtered to the
 * groups shown), `uitstroom` the reasons per group of the same base quarter (optional); `alle`:
 * those are every group of the base quarter (only read for rows from a voorberekende map).
 */
export function beschermCohort(rijen: readonly UitkomstRij[], uitstroom: readonly UitstroomRij[] = [], regio: RegioKwartaal | null = null, alle = false): CohortBescherming {
  const groepen = rijen.map((r) => r.groep);
  const w = new WeergaveBouwer();
  const t = groepen.length === 1 ? `g:${groepen[0]}` : T;
  const som = (f: (r: UitkomstRij) => number) => rijen.reduce((a, r) => a + f(r), 0);
  // From a voorberekende map: its empty cells are hidden with its reason, and their stand-in
  // values (0 or 10, as the reason says) enter no relation, so nothing is computed from them.
  const leeg = leegCellen(rijen, uitstroom, t, alle);
  const cel = (id: CelId, n: number, opties: Pick<Cel, 'verborgen' | 'vast'> = {}) => {
    const r = leeg.get(id);
    w.cel(id, r ? (r === 'klein' ? 0 : DREMPEL) : n, r ? { verborgen: r } : opties);
  };
  const bekend = (...ids: CelId[]) => ids.every((id) => !leeg.has(id));
  const verdeel = (totaal: CelId, delen: readonly (readonly [CelId, number])[]) => {
    for (const [id, n] of delen) cel(id, n);
    const ids = delen.map(([id]) => id);
    if (bekend(totaal, ...ids)) w.verdeling(totaal, ids, 0);
    else for (const id of ids) w.aandeel(id, totaal, 0);
  };
  // The total is the Regio's count when it holds the same people (every group of the regions).
  const koppel = regio !== null && regio.ids.length > 0 && regio.werkzaam === som((r) => r.cohort) ? regio : null;
  const deel = (p: string, r: { cohort: number; werkzaam: number; werkVerloren: number; uitRegister: number }) => {
    cel(`${p}.cohort`, r.cohort, p === t && koppel ? koppel.besluit : {});
    verdeel(`${p}.cohort`, [[`${p}.werkzaam`, r.werkzaam], [`${p}.verloren`, r.werkVerloren], [`${p}.uit`, r.uitRegister]]);
  };
  for (const r of rijen) deel(`g:${r.groep}`, r);
  if (groepen.length > 1) {
    deel(T, { cohort: som((r) => r.cohort), werkzaam: som((r) => r.werkzaam), werkVerloren: som((r) => r.werkVerloren), uitRegister: som((r) => r.uitRegister) });
    for (const k of ['cohort', 'werkzaam', 'verloren', 'uit']) {
      const delen = groepen.map((g) => `g:${g}.${k}`);
      if (bekend(`${T}.${k}`, ...delen)) w.som(`${T}.${k}`, delen);
    }
  }
  // What the Regio's page shows of the quarter comes along whole where it hides anything: the
  // total is its regions' werkzaam cells added up (one region: equal to its cell), or a part of
  // them (some achtergronden chosen). Otherwise every count there is printed and adds nothing.
  // Its reasons are printed there, so this table may not count on withholding them (verzwijgen.ts).
  let redenElders: Set<CelId> | undefined;
  if (regio && regio.ids.length > 0 && regio.tabel.onderdrukt.size > 0 && som((r) => r.cohort) <= regio.werkzaam) {
    neemOver(w, regio.tabel);
    redenElders = new Set([...regio.tabel.onderdrukt.keys()].filter((id) => !regio.tabel.zonderReden.has(id)));
    if (koppel) w.som(`${t}.cohort`, regio.ids);
    else if (regio.ids.length === 1) w.nesting(`${t}.cohort`, regio.ids[0]);
    else w.cel(REGIOS, regio.werkzaam, regio.besluit).som(REGIOS, regio.ids).nesting(`${t}.cohort`, REGIOS);
  }
  // The total's nested measures and the shares the trend prints with one decimal.
  cel(`${t}.steeds`, som((r) => r.steedsWerkzaam));
  cel(`${t}.zelfde`, som((r) => r.zelfdeBaan));
  for (const k of ['steeds', 'zelfde']) if (bekend(`${t}.${k}`, `${t}.werkzaam`)) w.nesting(`${t}.${k}`, `${t}.werkzaam`);
  for (const k of ['steeds', 'zelfde']) w.aandeel(`${t}.${k}`, `${t}.cohort`, 0);
  for (const k of ['werkzaam', 'steeds', 'zelfde']) w.aandeel(`${t}.${k}`, `${t}.cohort`, TREND_DECIMALEN, { id: `trend:${k}` });
  // Uitstroom reasons add up to everyone who left: the total's "uit het register".
  const perReden = new Map<string, number>();
  for (const r of uitstroom) perReden.set(r.reden, (perReden.get(r.reden) ?? 0) + r.aantal);
  const uitTotaal = som((r) => r.uitRegister);
  const redenen = [...perReden.keys()];
  const redenTotaal = [...perReden.values()].reduce((a, b) => a + b, 0);
  let uitId = `${t}.uit`;
  if (redenen.length > 0 && (redenTotaal > 0 || leeg.size > 0)) {
    // From a map the reasons add up to the written total (their stand-ins make no total of their own).
    if (redenTotaal !== uitTotaal && leeg.size === 0) w.cel((uitId = 'U.totaal'), redenTotaal);
    verdeel(uitId, redenen.map((r) => [`U:${r}`, perReden.get(r)!] as const));
  }
  const b = beveilig(w.weergave(), { redenElders, ruil: true });
  const id = (groep: string, veld: UitkomstVeld) => `${prefix(groep, groepen)}.${veld}`;
  return {
    b,
    groepen,
    aantal: (groep, veld) => b.aantal(id(groep, veld)),
    aandeel(groep, veld, decimalen) {
      const p = prefix(groep, groepen);
      if (decimalen === TREND_DECIMALEN && p === t && veld !== 'verloren' && veld !== 'uit') return b.aandeel(`trend:${veld}`);
      return b.aandeel(aandeelId(`${p}.${veld}`, `${p}.cohort`));
    },
    reden(reden) {
      if (!perReden.has(reden) || (redenTotaal === 0 && leeg.size === 0)) return null;
      return { aantal: b.aantal(`U:${reden}`), aandeel: b.aandeel(aandeelId(`U:${reden}`, uitId)), totaal: b.aantal(uitId) };
    },
  };
}

export type StartersVeld = 'starters' | 'na1' | 'zelfde' | 'na2';

export interface StartersBescherming {
  readonly b: Beveiligd;
  readonly groepen: readonly string[];
  aantal(groep: string, veld: StartersVeld): number | Onderdrukt | null;
  /** A share of the starters with one decimal (as table, trend and sentences print it), or null when not known yet. */
  aandeel(groep: string, veld: Exclude<StartersVeld, 'starters'>): number | Onderdrukt | null;
}

const STARTERS_VELD: Readonly<Record<StartersTelling, StartersVeld>> = {
  starters: 'starters', werkzaamNa1Jaar: 'na1', zelfdeBaanNa1Jaar: 'zelfde', werkzaamNa2Jaar: 'na2',
};


/**
 * The starters of one base quarter per group (already filtered to the groups shown) and their
 * total; `alle` as in beschermCohort (only read for rows from a voorberekende map).
 */
export function beschermStarters(rijen: readonly StartersRij[], alle = false): StartersBescherming {
  const groepen = rijen.map((r) => r.groep);
  const w = new WeergaveBouwer();
  // From a voorberekende map: empty cells hidden with its reason, their stand-ins in no relation.
  const leeg = leegeGroepen(rijen, STARTERS_VELD, alle);
  const cel = (id: CelId, n: number) => {
    const r = leeg.get(id);
    w.cel(id, r ? (r === 'klein' ? 0 : DREMPEL) : n, r ? { verborgen: r } : {});
  };
  const bekend = { na1: rijen.every((r) => r.werkzaamNa1Jaar !== null), zelfde: rijen.every((r) => r.zelfdeBaanNa1Jaar !== null), na2: rijen.every((r) => r.werkzaamNa2Jaar !== null) };
  const waarden = (r: StartersRij) => ({ starters: r.starters, na1: r.werkzaamNa1Jaar, zelfde: r.zelfdeBaanNa1Jaar, na2: r.werkzaamNa2Jaar });
  const declareer = (p: string, v: ReturnType<typeof waarden>) => {
    cel(`${p}.starters`, v.starters);
    for (const k of ['na1', 'zelfde', 'na2'] as const) {
      const n = v[k];
      if (n === null || !bekend[k]) continue;
      cel(`${p}.${k}`, n);
      const geheel = k === 'zelfde' && bekend.na1 ? `${p}.na1` : `${p}.starters`;
      if (!leeg.has(`${p}.${k}`) && !leeg.has(geheel)) w.nesting(`${p}.${k}`, geheel);
      if (v.starters > 0 || leeg.has(`${p}.starters`)) w.aandeel(`${p}.${k}`, `${p}.starters`, TREND_DECIMALEN);
    }
  };
  for (const r of rijen) declareer(`g:${r.groep}`, waarden(r));
  if (groepen.length > 1) {
    const som = (f: (r: StartersRij) => number | null) => rijen.reduce((a, r) => a + (f(r) ?? 0), 0);
    declareer(T, { starters: som((r) => r.starters), na1: som((r) => r.werkzaamNa1Jaar), zelfde: som((r) => r.zelfdeBaanNa1Jaar), na2: som((r) => r.werkzaamNa2Jaar) });
    for (const k of ['starters', 'na1', 'zelfde', 'na2'] as const) {
      const delen = groepen.map((g) => `g:${g}.${k}`);
      if ((k === 'starters' || bekend[k]) && !leeg.has(`${T}.${k}`) && delen.every((d) => !leeg.has(d))) w.som(`${T}.${k}`, delen);
    }
  }
  const b = beveilig(w.weergave(), { ruil: true });
  const ids = new Set(b.weergave.cellen.map((c) => c.id));
  const aandelen = new Set((b.weergave.aandelen ?? []).map((a) => a.id));
  return {
    b,
    groepen,
    aantal(groep, veld) {
      const id = `${prefix(groep, groepen)}.${veld}`;
      return ids.has(id) ? b.aantal(id) : null;
    },
    aandeel(groep, veld) {
      const p = prefix(groep, groepen);
      const id = aandeelId(`${p}.${veld}`, `${p}.starters`);
      return aandelen.has(id) ? b.aandeel(id) : null;
    },
  };
}

/** Keep a row when its group is selected; an empty selection means all groups. */
export function gekozenGroepen<T extends { groep: string }>(rijen: readonly T[], achtergrond: readonly string[]): T[] {
  return rijen.filter((r) => achtergrond.length === 0 || achtergrond.includes(r.groep));
}

/** The table of every base quarter in a trend's rows (the groups shown only). */
export function beschermCohorten(
  rijen: readonly UitkomstRij[],
  uitstroom: readonly UitstroomRij[] | null,
  achtergrond: readonly string[],
  regio: RegioKwartalen | null = null,
): Map<Kwartaal, CohortBescherming> {
  const redenen = uitstroom ? perBasis(gekozenGroepen(uitstroom, achtergrond)) : new Map<Kwartaal, UitstroomRij[]>();
  const uit = new Map<Kwartaal, CohortBescherming>();
  const alleGroepen = perBasis(rijen);
  for (const [basis, lijst] of perBasis(gekozenGroepen(rijen, achtergrond))) {
    uit.set(basis, beschermCohort(lijst, redenen.get(basis) ?? [], regio?.(basis) ?? null, lijst.length === alleGroepen.get(basis)?.length));
  }
  return uit;
}

/** The starters table of every base quarter in a trend's rows (the groups shown only). */
export function beschermStartersPerBasis(rijen: readonly StartersRij[], achtergrond: readonly string[]): Map<Kwartaal, StartersBescherming> {
  const uit = new Map<Kwartaal, StartersBescherming>();
  const alleGroepen = perBasis(rijen);
  for (const [basis, lijst] of perBasis(gekozenGroepen(rijen, achtergrond))) uit.set(basis, beschermStarters(lijst, lijst.length === alleGroepen.get(basis)?.length));
  return uit;
}

/** What the headline may say about a group ('totaal' = the total) of the cohort. */
export function zinCohort(p: CohortBescherming, groep: string): ZinBescherming {
  const veld = (v: string) => v as Exclude<UitkomstVeld, 'cohort'>;
  return {
    aandeel: (v) => p.aandeel(groep, veld(v), 0),
    reden: (v) => p.b.reden(aandeelId(`${prefix(groep, p.groepen)}.${v}`, `${prefix(groep, p.groepen)}.cohort`)),
  };
}

/** What the headline may say about the uitstroom reasons (whole percents of all who left). */
export function zinRedenen(p: CohortBescherming): ZinBescherming {
  return {
    aandeel: (r) => p.reden(r)?.aandeel ?? null,
    reden: (r) => {
      const a = p.b.weergave.aandelen?.find((x) => x.teller === `U:${r}`);
      return a ? p.b.reden(a.id) : null;
    },
  };
}

/** What the headline may say about the starters of a group ('totaal' = the total). */
export function zinStartersBescherming(p: StartersBescherming, groep: string): ZinBescherming {
  const groepen = p.groepen;
  const veld = (v: string) => v as Exclude<StartersVeld, 'starters'>;
  return {
    aandeel: (v) => p.aandeel(groep, veld(v)),
    reden: (v) => p.b.reden(aandeelId(`${prefix(groep, groepen)}.${v}`, `${prefix(groep, groepen)}.starters`)),
  };
}

/** Whether the outcome shares of a row add up to exactly 100% (largest remainder; all parts shown). */
export function optellend(p: CohortBescherming, groep: string): boolean {
  const g = prefix(groep, p.groepen);
  return p.b.optellend(aandeelId(`${g}.werkzaam`, `${g}.cohort`));
}

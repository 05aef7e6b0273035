/**
 * Disclosure control for beschut werk: which counts the page may show. A count below 10
 * beoordelingen (or positive adviezen) is hidden; so is every count a reader could work
 * out from what is shown, because the page shows sums: gemeente + burger = totaal, positief +
 * negatief = beoordelingen (negatief is not shown, but beoordelingen − positief gives it), the
 * months add up to the period and to the year to date, gemeenten to their region, regions to
 * Nederland. The rule per sum is the project's secondary suppression (onderdrukDelen in
 * lib/format/disclosure.ts): when one part is hidden, or the hidden parts hold fewer
 * than 10 together, the next smallest part is hidden too. Rules are applied again until nothing
 * changes, since hiding a cell in one sum can expose it in another.
 * Known zeros (burgers could ask for an advies only from 2017) are no secret and take no part.
 * Places, the months of Nederland and of a region, and the comparison's regions and Nederland are
 * not decided here: they go through the disclosure module (beveiliging.ts). Left here: the
 * comparison's gemeenten (around the regions as the module decided them), a gemeente's months
 * and a unit's years (the module's proofs for every gemeente are too slow yet, see beveiliging.ts).
 * Differences between two periods the user asks one after the other (a month of a gemeente as
 * Jan–May minus Jan–Apr: 7 counts on the demo data in 2017, 154 for December 2021) need fixed
 * periods, not cell suppression: the comparison and every unit's months are per calendar year
 * (queries.ts jaarVan, jaarBesluit).
 */
import { DREMPEL } from '../../lib/format/disclosure.ts';
import type { AanvragerKeuze, Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import type { GemeenteMaandRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { JaarRij } from '../../lib/metrics/beschut.ts';
import { onderdrukDelen } from '../../lib/format/disclosure.ts';
import { beschermPlekken, beschermRegios, dichtGemeenten } from './beveiliging.ts';
import { telGemeenteMaanden, type MaandSom } from './tabel.ts';

/** A sum the reader knows: totaal = Σ delen (cell ids). */
export interface Optelling {
  totaal: string;
  delen: readonly string[];
}

/**
 * The cells to hide: every cell below the threshold (except known ones) and the cells given as
 * `verplicht` (hidden elsewhere on the page), then more until no hidden cell follows from a sum.
 */
export function beschermStelsel(
  waarden: ReadonlyMap<string, number>,
  optellingen: readonly Optelling[],
  opties: { bekend?: ReadonlySet<string>; verplicht?: Iterable<string>; drempel?: number } = {},
): Set<string> {
  const drempel = opties.drempel ?? DREMPEL;
  const bekend = opties.bekend ?? new Set<string>();
  const waarde = (id: string) => {
    const v = waarden.get(id);
    if (v === undefined) throw new Error(`Cel ${id} ontbreekt in het stelsel.`);
    return v;
  };
  const weg = new Set<string>([...waarden.keys()].filter((id) => !bekend.has(id) && waarde(id) < drempel));
  for (const id of opties.verplicht ?? []) if (waarden.has(id) && !bekend.has(id)) weg.add(id);

  let veranderd = true;
  while (veranderd) {
    veranderd = false;
    for (const o of optellingen) {
      const delen = o.delen.filter((d) => !bekend.has(d));
      if (delen.length === 0) continue;
      const verborgen = delen.filter((d) => weg.has(d));
      let extra: string[];
      if (weg.has(o.totaal) && !bekend.has(o.totaal)) {
        // The total is hidden: a single unknown (the total itself) would follow from the parts.
        extra = verborgen.length > 0 ? [] : [kleinste(delen, waarde)];
      } else {
        if (verborgen.length === 0) continue;
        const uit = onderdrukDelen(Object.fromEntries(delen.map((d) => [d, waarde(d)])), verborgen, drempel);
        extra = [...uit].filter((d) => !weg.has(d));
      }
      for (const d of extra) {
        weg.add(d);
        veranderd = true;
      }
    }
  }
  return weg;
}

function kleinste(ids: readonly string[], waarde: (id: string) => number): string {
  return [...ids].sort((a, b) => waarde(a) - waarde(b) || (a < b ? -1 : 1))[0];
}

const AANVRAGERS: readonly AanvragerKeuze[] = ['gemeente', 'burger', 'totaal'];
const SOORTEN = ['b', 'p', 'n'] as const;
/** Cell id: soort (b beoordelingen, p positief, n negatief) | unit (month, year, gemeente, …) | aanvrager. */
export const cel = (soort: (typeof SOORTEN)[number], eenheid: string, aanvrager: AanvragerKeuze) => `${soort}|${eenheid}|${aanvrager}`;

/** One unit's cells (b, p, n per aanvrager) and its two sums: gemeente + burger = totaal, p + n = b. */
function eenheid(waarden: Map<string, number>, optellingen: Optelling[], id: string, tel: (a: AanvragerKeuze) => { b: number; p: number }): void {
  for (const a of AANVRAGERS) {
    const t = tel(a);
    waarden.set(cel('b', id, a), t.b);
    waarden.set(cel('p', id, a), t.p);
    waarden.set(cel('n', id, a), t.b - t.p);
    optellingen.push({ totaal: cel('b', id, a), delen: [cel('p', id, a), cel('n', id, a)] });
  }
  for (const s of SOORTEN) optellingen.push({ totaal: cel(s, id, 'totaal'), delen: [cel(s, id, 'gemeente'), cel(s, id, 'burger')] });
}

/** Unit `totaal` = Σ units `delen`, for every soort and aanvrager. */
function som(optellingen: Optelling[], totaal: string, delen: readonly string[]): void {
  for (const s of SOORTEN) for (const a of AANVRAGERS) optellingen.push({ totaal: cel(s, totaal, a), delen: delen.map((d) => cel(s, d, a)) });
}

/** Burger cells of units before 2017 that are 0: burgers could not ask for an advies then. */
function bekendeNullen(waarden: ReadonlyMap<string, number>, eenheden: readonly string[]): Set<string> {
  const uit = new Set<string>();
  for (const e of eenheden) {
    for (const s of SOORTEN) if (waarden.get(cel(s, e, 'burger')) === 0) uit.add(cel(s, e, 'burger'));
  }
  return uit;
}

export const PERIODE = 'periode';
export const JAAR_TOT_NU = 'jaartotnu';

/** A gemeente's (or region's) years: each year a unit, no total over the years shown. */
export function beschermJaren(jaren: readonly JaarRij[]): Set<string> {
  const waarden = new Map<string, number>();
  const optellingen: Optelling[] = [];
  const lijst = [...new Set(jaren.map((r) => String(r.jaar)))];
  for (const j of lijst) {
    eenheid(waarden, optellingen, j, (a) => {
      const r = jaren.find((x) => String(x.jaar) === j && x.aanvrager === a);
      return { b: r?.beoordelingen ?? 0, p: r?.positief ?? 0 };
    });
  }
  return beschermStelsel(waarden, optellingen, { bekend: bekendeNullen(waarden, lijst.filter((j) => Number(j) < 2017)) });
}

/** Gemeenten, regions and Nederland of one period: adviezen (per aanvrager, these rules) and places (the module). */
export function beschermGebieden(g: Gebieden, tot: string): { adviezen: Set<string>; plekken: Set<string> } {
  const waarden = new Map<string, number>();
  const optellingen: Optelling[] = [];
  const alle = [...g.gemeenten, ...g.regios, g.nederland];
  for (const u of alle) eenheid(waarden, optellingen, u.code, (a) => ({ b: u.beoordelingen[a], p: u.positief[a] }));
  for (const r of g.regios) som(optellingen, r.code, g.gemeenten.filter((x) => x.regio === r.code).map((x) => x.code));
  som(optellingen, g.nederland.code, g.regios.map((r) => r.code));
  // A period that ends before 2017: no burger could ask, so their zeros are known.
  const bekend = tot < '2017-01' ? bekendeNullen(waarden, alle.map((u) => u.code)) : new Set<string>();
  // Regions and Nederland by the disclosure module (hypercubes, each hidden cell proven), the
  // gemeenten by these rules around them; then hidden too what a proof needs among the gemeenten.
  const regios = beschermRegios(g, tot);
  const verplicht = new Set(regios.verborgen.keys());
  let adviezen = beschermStelsel(waarden, optellingen, { bekend, verplicht });
  for (let ronde = 0; ronde < 3; ronde++) {
    const { extra } = regios.dragen(adviezen);
    if (extra.size === 0) break;
    for (const id of extra) verplicht.add(id);
    adviezen = beschermStelsel(waarden, optellingen, { bekend, verplicht });
  }
  // Then each region's gemeenten attacked by the exact audit, and closed where it narrows a cell
  // (hiding more never reopens a proof above).
  const schoon = new Map<string, string>();
  for (let ronde = 0; ronde < 3; ronde++) {
    const dicht = dichtGemeenten(g, tot, adviezen, schoon);
    if (dicht.size === 0) break;
    for (const id of dicht) verplicht.add(id);
    adviezen = beschermStelsel(waarden, optellingen, { bekend, verplicht });
  }

  // Places: through the disclosure module (beveiliging.ts), gemeenten → region → Nederland.
  return { adviezen, plekken: new Set(beschermPlekken(g).onderdrukt.keys()) };
}

/**
 * A gemeente's months: every cell hidden except a sum that is the calendar year `jaar` (the period
 * or the year to date when it runs from January to December), printed as the comparison of that
 * year prints it, and the burger counts before 2017 (known zeros). Nearly every gemeente × month
 * count is under 10, and the page's own rules around the region's months could not keep them safe:
 * on the demo data the exact audit of one region's month tables narrowed 54 cells (July–December
 * 2021, Haaglanden: a gemeente's year to date 16 next to its period 10 gave January–June as 6).
 * With nothing printed per month, the months tell nothing new about the years or the region's
 * months: any years the comparison allows and any months the region's table allows fit together
 * in some table of gemeenten × months (a transportation table, filled corner by corner). A
 * gemeente × month cell is bounded only by those margins; that this leaves each wide enough is
 * what the exact audit checks on the demo data (test/beschut-gemeente-maanden-demo.test.ts).
 */
export function gemeenteMaanden(gemeente: string, maanden: readonly string[], sommen: readonly MaandSom[], vergelijking: ReadonlySet<string>, jaar: MaandSom): Set<string> {
  const uit = new Set<string>();
  for (const e of [...maanden, ...sommen.map((s) => s.id)]) {
    for (const s of SOORTEN) for (const a of AANVRAGERS) uit.add(cel(s, e, a));
  }
  for (const m of maanden) if (m < '2017-01') for (const s of SOORTEN) uit.delete(cel(s, m, 'burger'));
  const getoond = (s: (typeof SOORTEN)[number], a: AanvragerKeuze) => !vergelijking.has(cel(s, gemeente, a));
  for (const som of sommen) {
    if (som.van !== jaar.van || som.tot !== jaar.tot) continue;
    for (const a of AANVRAGERS) {
      if (getoond('b', a)) uit.delete(cel('b', som.id, a));
      if (getoond('p', a)) uit.delete(cel('p', som.id, a));
      if (getoond('b', a) && getoond('p', a)) uit.delete(cel('n', som.id, a));
    }
  }
  return uit;
}

/**
 * The questions the Beschut werk page asks for one selection, as query descriptors for the query
 * layer (useQuery → coordinator), and the disclosure control that needs several answers at once.
 * What depends on which filter:
 * - the calendar year of the period and the unit (regio, gemeente) change the SQL: new questions;
 *   another period in the same year asks nothing new (the months and the comparison are per year);
 * - aanvrager, niveau, minimum taakstelling and map indicator change NOTHING here: every answer
 *   holds all aanvragers, all gemeenten and all regions, and the page reshapes it (no query);
 * - the published comparison asks the national months and places it needs, whatever the filters
 *   (the same SQL as the page's own national questions where they coincide: shared or cached).
 */
import { GEMEENTEN } from '../../lib/extracts/gemeenten.ts';
import { DREMPEL } from '../../lib/format/disclosure.ts';
import type { Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import { maandenVan } from '../../lib/metrics/beschut-afleiden.ts';
import {
  gemeentenQuery, plekkenGemeentenQuery, type GemeentePlekRij, type GemeenteRij,
} from '../../lib/metrics/beschut-gemeenten.ts';
import { gepubliceerdeMaandenQuery, perMaandQuery, plekkenQuery, type MaandRij, type PlekkenRij } from '../../lib/metrics/beschut.ts';
import type { MetKaart, MetTweelingen } from '../../lib/metrics/beschut-voorberekend.ts';
import { benodigdeMaanden, type BeschutCijfer } from '../../lib/published/beschut.ts';
import { openbareCellen, publicaties } from './openbaar.ts';
import type { MetricQuery } from '../../lib/sql/query.ts';
import type { BeschutFilters, Eenheid } from './context.ts';
import type { Verborgen } from './gebieden.ts';
import { beschermGemeentePlekken, beschermMaanden } from './beveiliging.ts';
import { cel, gemeenteMaanden, JAAR_TOT_NU, PERIODE } from './onderdrukking.ts';
import type { MaandSom, Soort } from './tabel.ts';
import type { AanvragerKeuze } from '../../lib/metrics/beschut-afleiden.ts';
import { gemeentePunten, totaalPunten, type PlekPunt } from './plekken.ts';

export interface BeschutQueries {
  /** The unit's months of the calendar year of the period. */
  maanden: MetricQuery<MaandRij[]>;
  /** Every gemeente in the calendar year of the period (map, funnel, ranking, profile). */
  gemeenten: MetricQuery<GemeenteRij[]>;
  /** Places of Nederland or a region; null for a gemeente. */
  plekken: MetricQuery<PlekkenRij[]> | null;
  /** Places of a gemeente's whole region; null for other units. */
  regioPlekken: MetricQuery<GemeentePlekRij[]> | null;
  /**
   * Nederland's months of the calendar year, whatever the unit: its year table is decided with the
   * comparison, in the protection worker (the same SQL as `maanden` for Nederland: shared).
   */
  landJaar: MetricQuery<MetKaart<MaandRij[]>>;
  /** National months and places for the published figures (on a voorberekende map: their twins as written). */
  landMaanden: MetricQuery<MetTweelingen<MaandRij[]>> | null;
  landPlekken: MetricQuery<PlekkenRij[]>;
}

/** The id of a unit's year in its months table (the comparison's period). */
export const JAAR = 'jaar';

/**
 * The calendar year of the period (a period lies within one year, url.ts): the fixed period of
 * the comparison and of every unit's months table. Fixed, so that two periods read one after the
 * other cannot give a hidden month back by difference (README, "Beschut werk across periods").
 */
export function jaarVan(f: Pick<BeschutFilters, 'tot'>): MaandSom {
  const j = f.tot.slice(0, 4);
  return { id: JAAR, van: `${j}-01`, tot: `${j}-12` };
}

/** The months of the loaded adviezen ('yyyy-mm'), from the answer's provenance. */
export type Bereik = { van: string; tot: string } | null;

/**
 * The year of a unit's months table: the calendar year of the period, within the months the
 * loaded adviezen cover. A month outside them is no count of anyone (everybody knows the extract
 * ends there), so it is no cell; the year's cell is then the same count as the comparison's.
 */
export function jaarTabel(f: Pick<BeschutFilters, 'tot'>, bereik: Bereik): MaandSom {
  const j = jaarVan(f);
  if (!bereik) return j;
  const van = bereik.van > j.van ? bereik.van : j.van;
  const tot = bereik.tot < j.tot ? bereik.tot : j.tot;
  return van <= tot ? { ...j, van, tot } : j;
}

/** The period and the year to date as sums of months. */
export function maandSommen(f: Pick<BeschutFilters, 'van' | 'tot'>): MaandSom[] {
  return [
    { id: PERIODE, van: f.van, tot: f.tot },
    { id: JAAR_TOT_NU, van: `${f.tot.slice(0, 4)}-01`, tot: f.tot },
  ];
}

export function beschutQueries(f: Pick<BeschutFilters, 'van' | 'tot'>, e: Eenheid, gepubliceerd: readonly BeschutCijfer[]): BeschutQueries {
  const jaar = jaarVan(f);
  const gebied = e.soort === 'gemeente' ? { gemeente: [e.code] } : e.soort === 'regio' ? { regio: [e.code] } : {};
  const nodig = benodigdeMaanden(gepubliceerd);
  return {
    maanden: perMaandQuery({ van: jaar.van, tot: jaar.tot, ...gebied }),
    gemeenten: gemeentenQuery({ van: jaar.van, tot: jaar.tot }),
    plekken: e.soort === 'gemeente' ? null : plekkenQuery(gebied),
    regioPlekken: e.soort === 'gemeente' && e.regio ? plekkenGemeentenQuery({ regio: e.regio }) : null,
    landJaar: perMaandQuery({ van: jaar.van, tot: jaar.tot }),
    landMaanden: nodig ? gepubliceerdeMaandenQuery(nodig) : null,
    landPlekken: plekkenQuery({}),
  };
}

const SOORTEN = ['b', 'p', 'n'] as const;
const AANVRAGERS = ['gemeente', 'burger', 'totaal'] as const;

/** A table's hidden page cells, with the ones that print no reason (`geheim`) and whether none does (a gemeente's). */
export type Besluit = Set<string> & { zonderReden?: true; geheim?: ReadonlySet<string> };

/**
 * The hidden cells of the unit's monthly stelsel: its months, decided once per calendar year in
 * one table with the year's total as the comparison decided it (jaarBesluit: the same table
 * whatever period is chosen), and the period and the year to date derived from it (metSommen).
 */
export function verborgenMaanden(
  e: Eenheid, f: Pick<BeschutFilters, 'van' | 'tot'>, maanden: readonly MaandRij[], gebieden: Verborgen, gepubliceerd: readonly BeschutCijfer[], bereik: Bereik = null,
): Besluit {
  return metSommen(jaarBesluitBinnen(e, f, maanden, gebieden, gepubliceerd, bereik), f, e, jaarTabel(f, bereik));
}

/** The year table of the period's calendar year within the loaded months (jaarTabel), decided (jaarBesluit); the page's worker decides Nederland's with it. */
export function jaarBesluitBinnen(
  e: Eenheid, f: Pick<BeschutFilters, 'tot'>, maanden: readonly MaandRij[], gebieden: Verborgen, gepubliceerd: readonly BeschutCijfer[], bereik: Bereik,
): Besluit {
  const j = jaarTabel(f, bereik);
  return jaarBesluit(e, j, maanden.filter((r) => r.maand >= j.van && r.maand <= j.tot), gebieden, gepubliceerd);
}

/** The id of the year to date up to month `m` in a unit's year table. */
const totEnMet = (m: string) => `tm${m}`;

/**
 * The sums of a unit's year table: the year (first: the comparison's cell) and, for Nederland,
 * every month's year to date from February to November (January's is January, December's the
 * year). A region's months are nearly all under 10: its year to date would mostly be hidden
 * anyway, and eleven nested sums over hidden months make the module's search far too slow for a
 * click (minutes); its periods print where all their months do.
 */
export function jaarSommen(jaar: MaandSom, e: Pick<Eenheid, 'soort'>): MaandSom[] {
  if (e.soort !== 'nederland') return [jaar];
  return [jaar, ...maandenVan(jaar.van, jaar.tot).slice(1, -1).map((m) => ({ id: totEnMet(m), van: jaar.van, tot: m }))];
}

/**
 * A unit's year table: its months, Nederland's year to date of every month (so that January–May,
 * the letters' period, can be printed while a month in it is hidden) and the year `jaar` as the
 * comparison decided it. Nederland's and a region's through the disclosure module (hypercubes);
 * a gemeente's everything but its year as the comparison prints it (gemeenteMaanden).
 * Nederland's table prints the hidden counts that UWV's `gepubliceerd` figures pin anyway (openbaar.ts).
 */
export function jaarBesluit(e: Eenheid, jaar: MaandSom, maanden: readonly MaandRij[], gebieden: Verborgen, gepubliceerd: readonly BeschutCijfer[]): Besluit {
  const sommen = jaarSommen(jaar, e);
  if (e.soort === 'gemeente') {
    // A gemeente's hidden counts print "x" without a reason, as in the comparison (context.ts zonderReden).
    return Object.assign(gemeenteMaanden(e.code, maandenVan(jaar.van, jaar.tot), sommen, gebieden.adviezen, jaar), { zonderReden: true as const });
  }
  const { verborgen, geheim, b } = beschermMaanden(maanden, sommen, gebieden.adviezen, e.code, new Set(), true);
  const openbaar = e.soort === 'nederland' ? openbareCellen(b, publicaties(gepubliceerd, b.weergave, sommen)) : new Set<string>();
  const zonder = (ids: Iterable<string>) => new Set([...ids].filter((id) => !openbaar.has(id)));
  const g = zonder(geheim);
  return Object.assign(zonder(verborgen.keys()), g.size ? { geheim: g } : {});
}

/**
 * The period and the year to date from a year's decision. A sum that is a cell of the year table
 * (the year, one month, Nederland's year to date) takes its decision. Any other sum is printed
 * only when the table gives it: as the difference of two printed years to date (Nederland), or
 * with every month in it printed; else "x" without a reason (its size would bound the hidden
 * cells). A gemeente's months are all hidden, so only its whole year prints.
 */
export function metSommen(jaar: Besluit, f: Pick<BeschutFilters, 'van' | 'tot'>, e: Pick<Eenheid, 'soort'>, j: MaandSom = jaarVan(f)): Besluit {
  const uit = new Set(jaar);
  const zonder = new Set(jaar.geheim ?? []);
  const tabel = new Set(jaarSommen(j, e).map((s) => s.id));
  // The year table's cell of the year to date up to `m`, when the table has one.
  const totNu = (m: string): string | null => (m === j.tot ? JAAR : m === j.van ? m : tabel.has(totEnMet(m)) ? totEnMet(m) : null);
  const getoond = (soort: Soort, unit: string | null, a: AanvragerKeuze) => unit !== null && !uit.has(cel(soort, unit, a));
  for (const heel of maandSommen(f)) {
    // Only the months in the table count; a sum with none is 0, known to everyone.
    const s = { ...heel, van: heel.van < j.van ? j.van : heel.van, tot: heel.tot > j.tot ? j.tot : heel.tot };
    if (s.van > s.tot) continue;
    const ms = maandenVan(s.van, s.tot);
    const vorige = s.van === j.van ? null : maandenVan(j.van, s.van).at(-2)!;
    const zelf = vorige === null ? totNu(s.tot) : ms.length === 1 ? ms[0] : null;
    for (const soort of SOORTEN) {
      for (const a of AANVRAGERS) {
        const id = cel(soort, s.id, a);
        if (zelf !== null) {
          if (uit.has(cel(soort, zelf, a))) uit.add(id);
          if (zonder.has(cel(soort, zelf, a))) zonder.add(id);
          continue;
        }
        const verschil = vorige !== null && getoond(soort, totNu(s.tot), a) && getoond(soort, totNu(vorige), a);
        if (!verschil && !ms.every((m) => getoond(soort, m, a))) {
          uit.add(id);
          zonder.add(id);
        }
      }
    }
  }
  return Object.assign(uit, jaar.zonderReden ? { zonderReden: true as const } : {}, zonder.size ? { geheim: zonder } : {});
}

/** The unit's places per peildatum, a gemeente's protected against its region (and as hidden as in the comparison). */
export function plekPunten(e: Eenheid, plekken: readonly PlekkenRij[] | null, regioPlekken: readonly GemeentePlekRij[] | null, g: Gebieden, v: Verborgen): PlekPunt[] {
  if (e.soort !== 'gemeente') return totaalPunten(plekken ?? []);
  const rijen = regioPlekken ?? [];
  // At the comparison's peildatum the comparison decides (the same module, all gemeenten at once).
  const vergelijking = new Map(g.gemeenten.filter((u) => v.plekken.has(u.code)).map((u) => [u.code, (u.plekken ?? 0) < DREMPEL ? ('klein' as const) : ('bescherming' as const)]));
  const { verborgen } = beschermGemeentePlekken(rijen, { peildatum: g.nederland.plekkenPeildatum, plekken: vergelijking });
  return gemeentePunten(rijen, e.code, new Set(verborgen.keys()));
}

/** The last peildatum up to the end of `tot`. */
export function laatstePunt(punten: readonly PlekPunt[], tot: string): PlekPunt | null {
  const eind = `${tot}-31`;
  return [...punten].filter((p) => p.peildatum <= eind).pop() ?? null;
}

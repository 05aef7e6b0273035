/**
 * The questions the Beschut werk page asks for one selection, as query descriptors for the query
 * layer (useQuery → coordinator), and the disclosure control that needs several answers at once.
 * What depends on which filter:
 * - period (van, tot) and unit (regio, gemeente) change the SQL: new questions;
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
import { perMaandQuery, plekkenQuery, type MaandRij, type PlekkenRij } from '../../lib/metrics/beschut.ts';
import { benodigdeMaanden, type BeschutCijfer } from '../../lib/published/beschut.ts';
import type { MetricQuery } from '../../lib/sql/query.ts';
import type { BeschutFilters, Eenheid } from './context.ts';
import type { Verborgen } from './gebieden.ts';
import { beschermGemeentePlekken, beschermMaanden } from './beveiliging.ts';
import { gemeenteMaanden, JAAR_TOT_NU, PERIODE } from './onderdrukking.ts';
import type { MaandSom } from './tabel.ts';
import { gemeentePunten, totaalPunten, type PlekPunt } from './plekken.ts';

export interface BeschutQueries {
  /** The unit's months from January of the last year (or `van`, if earlier) to `tot`. */
  maanden: MetricQuery<MaandRij[]>;
  /** Every gemeente in the period (map, funnel, ranking, profile). */
  gemeenten: MetricQuery<GemeenteRij[]>;
  /** Places of Nederland or a region; null for a gemeente. */
  plekken: MetricQuery<PlekkenRij[]> | null;
  /** Places of a gemeente's whole region; null for other units. */
  regioPlekken: MetricQuery<GemeentePlekRij[]> | null;
  /** National months and places for the published figures. */
  landMaanden: MetricQuery<MaandRij[]> | null;
  landPlekken: MetricQuery<PlekkenRij[]>;
}

/** First month asked: `van`, or January of the year of `tot` when that is earlier (the year to date). */
export function eersteMaand(f: Pick<BeschutFilters, 'van' | 'tot'>): string {
  const jan = `${f.tot.slice(0, 4)}-01`;
  return f.van < jan ? f.van : jan;
}

/** The period and the year to date as sums of months. */
export function maandSommen(f: Pick<BeschutFilters, 'van' | 'tot'>): MaandSom[] {
  return [
    { id: PERIODE, van: f.van, tot: f.tot },
    { id: JAAR_TOT_NU, van: `${f.tot.slice(0, 4)}-01`, tot: f.tot },
  ];
}

export function beschutQueries(f: Pick<BeschutFilters, 'van' | 'tot'>, e: Eenheid, gepubliceerd: readonly BeschutCijfer[]): BeschutQueries {
  const van = eersteMaand(f);
  const gebied = e.soort === 'gemeente' ? { gemeente: [e.code] } : e.soort === 'regio' ? { regio: [e.code] } : {};
  const nodig = benodigdeMaanden(gepubliceerd);
  return {
    maanden: perMaandQuery({ van, tot: f.tot, ...gebied }),
    gemeenten: gemeentenQuery({ van: f.van, tot: f.tot }),
    plekken: e.soort === 'gemeente' ? null : plekkenQuery(gebied),
    regioPlekken: e.soort === 'gemeente' && e.regio ? plekkenGemeentenQuery({ regio: e.regio }) : null,
    landMaanden: nodig ? perMaandQuery(nodig) : null,
    landPlekken: plekkenQuery({}),
  };
}

/**
 * The hidden cells of the unit's monthly stelsel (months, period, year to date), consistent with
 * the comparison: the unit's period cells hidden there are hidden here too. A gemeente prints its
 * period only, as the comparison does (gemeenteMaanden).
 */
export function verborgenMaanden(
  e: Eenheid,
  f: Pick<BeschutFilters, 'van' | 'tot'>,
  maanden: readonly MaandRij[],
  gebieden: Verborgen,
): Set<string> & { zonderReden?: true; geheim?: ReadonlySet<string> } {
  const sommen = maandSommen(f);
  // Nederland's and a region's months: the disclosure module (hypercubes, milliseconds), with the
  // period as the comparison decided it.
  if (e.soort !== 'gemeente') {
    const { verborgen, geheim } = beschermMaanden(maanden, sommen, gebieden.adviezen, e.code);
    return Object.assign(new Set(verborgen.keys()), geheim.size ? { geheim } : {});
  }
  const eigen = gemeenteMaanden(e.code, maandenVan(eersteMaand(f), f.tot), sommen, gebieden.adviezen);
  // A gemeente's hidden counts print "x" without a reason, as in the comparison (context.ts zonderReden).
  return Object.assign(eigen, { zonderReden: true as const });
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

/**
 * One count on two pages. Filtered on one or more regions in all sectors, the page's cohort of a
 * base quarter is everyone werkzaam in those regions in that quarter: the same people as the
 * Regio's page's werkzaam count of the region (or the sum over the regions) in that quarter (checked
 * on the demo data: every base quarter of 11 region sets, horizons 4 and 8), and so is the contract
 * trend's count of werkzamen in any quarter. The Regio's page decides that count in its quarter's
 * table (regios/beveiliging-kwartaal.ts); this page takes the decision over instead of deciding
 * it again: hidden there stays hidden with the Regio's reason, printed there is never hidden here.
 * A sum over several regions is decided by the quarter's table with its decisions fixed plus that
 * one sum (somBesluit). Where the quarter's table hides anything, the cohort's table holds it whole
 * (beveiliging.ts), so what this page shows next to it cannot narrow what it hides.
 *
 * The counts come from the Regio's own question: every region's series over the whole panel (one
 * SQL text whatever regions are chosen, so another region filter sends no query).
 */
import type { Beveiligd } from '../../lib/disclosure/beveilig.ts';
import type { Cel } from '../../lib/disclosure/tabel.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';
import type { PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { regioReeksenQuery, type Reeksen } from '../../lib/metrics/regio.ts';
import type { MetricQuery } from '../../lib/sql/query.ts';
import { kwartaalUitReeksen, rij, somBesluit } from '../regios/beveiliging-kwartaal.ts';
import type { Selectie } from './selectie.ts';

/** Whether the selection's werkzaam persons in a quarter are a count of the Regio's page. */
export function regioGekoppeld(s: Pick<Selectie, 'regio' | 'sector'>): boolean {
  return s.regio.length > 0 && s.sector === 'alle';
}

/** The Regio's question this selection needs (null when its counts are not the Regio's). */
export function regioKwartaalQuery(s: Pick<Selectie, 'regio' | 'sector'>, bereik: PanelBereik): MetricQuery<Reeksen> | null {
  return regioGekoppeld(s) ? regioReeksenQuery({ van: bereik.eerste, tot: bereik.laatste }) : null;
}

/** The selection's werkzaam persons of one quarter as the Regio's page sees them. */
export interface RegioKwartaal {
  /** The Regio's table of the quarter, decided as on that page. */
  readonly tabel: Beveiligd;
  /** The werkzaam cells of the selection's regions in it (a region without persons that quarter has none: 0). */
  readonly ids: readonly string[];
  /** Their sum: the selection's werkzaam persons in the quarter. */
  readonly werkzaam: number;
  /** How that count enters this page's tables: hidden with the Regio's reason, or printed (vast). */
  readonly besluit: Pick<Cel, 'verborgen' | 'vast'>;
}

/** Per quarter (null outside the series), computed once per quarter. */
export type RegioKwartalen = (kwartaal: Kwartaal) => RegioKwartaal | null;

export function regioKwartalen(reeksen: Reeksen, regios: readonly string[]): RegioKwartalen {
  const klaar = new Map<Kwartaal, RegioKwartaal | null>();
  const maak = (k: Kwartaal): RegioKwartaal | null => {
    if (!reeksen.landelijk.punten.some((p) => p.kwartaal === k)) return null;
    const tabel = kwartaalUitReeksen(reeksen, k);
    const aantal = new Map(tabel.weergave.cellen.map((c) => [c.id, c.aantal]));
    const ids = [...new Set(regios)].map((c) => `${rij(c)}.werkzaam`).filter((id) => aantal.has(id));
    const werkzaam = ids.reduce((a, id) => a + aantal.get(id)!, 0);
    return { tabel, ids, werkzaam, besluit: somBesluit(tabel, ids) };
  };
  return (k) => {
    if (!klaar.has(k)) klaar.set(k, maak(k));
    return klaar.get(k)!;
  };
}

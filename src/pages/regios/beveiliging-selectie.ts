/**
 * The Regio's page's disclosure tables for one selection, asked on any engine (Node or browser):
 * for the audit tests and the information-loss bench. The same queries as the views, the same
 * tables (beveiliging.ts) as the page builds from their answers.
 */
import type { Beveiligd } from '../../lib/disclosure/beveilig.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';
import { beschikbareKwartalenQuery, regioDuurzaamQuery, regioOverzichtQuery, regioReeksenQuery } from '../../lib/metrics/regio.ts';
import type { QueryEngine } from '../../lib/engine/types.ts';
import { runMetric } from '../../lib/sql/query.ts';
import { beschermCohort, beschermOverzicht, beschermReeksen } from './beveiliging.ts';
import { PAGINA_INDICATOREN, type PaginaIndicator } from './grafieken.ts';

export interface RegioSelectie {
  van: Kwartaal;
  tot: Kwartaal;
  /** Regions in the compare view (their series; Nederland always comes along). */
  vergelijk: readonly string[];
  /** The indicator whose series the compare view shows (default banen). */
  indicator?: PaginaIndicator;
}

export interface RegioTabel {
  /** overzicht (map, ranking, profile, neighbours, scatter, national growth), cohort (funnel, werkzaam na 1 jaar), reeksen (compare, profile series). */
  naam: 'overzicht' | 'cohort' | 'reeksen';
  b: Beveiligd;
}

/** Every disclosure table the Regio's page builds for this selection. */
export async function regioBeveiligd(engine: QueryEngine, s: RegioSelectie): Promise<RegioTabel[]> {
  const kwartalen = await runMetric(engine, beschikbareKwartalenQuery());
  const uit: RegioTabel[] = [{ naam: 'overzicht', b: beschermOverzicht(await runMetric(engine, regioOverzichtQuery({ basis: s.van, eind: s.tot }))).b }];
  const cohort = regioDuurzaamQuery(s.tot, kwartalen);
  if (cohort) {
    const d = await runMetric(engine, cohort);
    uit.push({ naam: 'cohort', b: beschermCohort(d.rijen, d.basisKwartaal).b });
  }
  if (s.vergelijk.length > 0) {
    const r = await runMetric(engine, regioReeksenQuery({ van: s.van, tot: s.tot }));
    uit.push({ naam: 'reeksen', b: beschermReeksen(r, PAGINA_INDICATOREN[s.indicator ?? 'banen'].reeks, r.van, s.vergelijk).b });
  }
  return uit;
}

/**
 * The questions the Duurzaamheid page asks for one selection, as query descriptors for the query
 * layer (useQuery → coordinator). The smart parts stay here as plain functions:
 * - the trends (every base quarter with the chosen quarter of the year, in ONE query each) hold
 *   the chosen cohort too, so it is read from them: another year of the same quarter asks nothing;
 * - everything is split by achtergrond and filtered afterwards (groepen.ts), so a new achtergrond
 *   asks the same SQL (answered from the cache) — except the contract trend, whose mean job
 *   duration cannot be added up over groups;
 * - the comparison with UWV needs third-quarter trends: for a third-quarter base they are the
 *   page's own questions (the same SQL text, so the coordinator shares or caches them);
 * - the national contract trend for the comparison is the page's own query when no achtergrond is
 *   chosen, for the same reason;
 * - filtered on regions, the Regio's series of every region over the panel (its quarter tables
 *   decide the counts both pages print): the same question for every region filter;
 * - national (no region or sector filter), the outcome, uitstroom and starters trends carry their
 *   variant on a voorberekende map (agg_duurzaamheid_cohort), and the contract trend with no or one
 *   achtergrond (agg_duurzaamheid_contract); the other questions (several achtergronden in the
 *   contract trend, every question of a filtered view) say there that they need microdata.
 */
import type { PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { type ContractRij, contractTrendQuery } from '../../lib/metrics/duurzaamheid/contract.ts';
import type { KwartaalVanJaar } from '../../lib/metrics/duurzaamheid/filters.ts';
import { type StartersRij, startersTrendQuery } from '../../lib/metrics/duurzaamheid/starters.ts';
import { cohortTrendQuery, type UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import { type UitstroomRij, uitstroomTrendQuery } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import {
  cohortTrendVoorberekend, contractTrendVoorberekend, startersTrendVoorberekend, uitstroomTrendVoorberekend,
} from '../../lib/metrics/duurzaamheid/voorberekend.ts';
import { kwartaalToIndex, type Kwartaal } from '../../lib/kwartaal.ts';
import type { Reeksen } from '../../lib/metrics/regio.ts';
import type { MetricQuery } from '../../lib/sql/query.ts';
import { vanBasis } from './groepen.ts';
import { regioKwartaalQuery } from './regio-kwartaal.ts';
import { kwartaalVanJaar, sqlFilters, UWV_KWARTAAL, vergelijkbaar, type Selectie } from './selectie.ts';

export interface DuurzaamheidQueries {
  /** Outcome of every base quarter in the chosen quarter of the year (trend chart and the cohort). */
  cohortTrend: MetricQuery<UitkomstRij[]>;
  /** Uitstroom reasons of the same base quarters. */
  uitstroomTrend: MetricQuery<UitstroomRij[]>;
  startersTrend: MetricQuery<StartersRij[]>;
  /** False when the quarter before the start window is not in the data: no starters for this base. */
  startersTelbaar: boolean;
  /** Every quarter, with the achtergrond filter in SQL. */
  contractTrend: MetricQuery<ContractRij[]>;
  /**
   * Filtered on regions (all sectors): every region's series, whose quarter tables decide the
   * counts this page shares with the Regio's page (regio-kwartaal.ts). One SQL text for any region.
   */
  regioKwartaal: MetricQuery<Reeksen> | null;
  /** The third-quarter national trends the UWV comparison needs (only when the view is comparable). */
  vergelijking: {
    cohort: MetricQuery<UitkomstRij[]>;
    uitstroom: MetricQuery<UitstroomRij[]>;
    starters: MetricQuery<StartersRij[]>;
    contract: MetricQuery<ContractRij[]>;
  } | null;
}

function contract(s: Selectie): MetricQuery<ContractRij[]> {
  const q = contractTrendQuery({ filters: { ...sqlFilters(s), achtergrond: [...s.achtergrond] } });
  // A voorberekende map holds the national trend with no achtergrond or one (a mean duration cannot be added up).
  const landelijk = s.regio.length === 0 && s.sector === 'alle' && s.achtergrond.length <= 1;
  return landelijk ? { ...q, voorberekend: contractTrendVoorberekend(s.achtergrond[0] ?? null) } : q;
}

function trends(s: Pick<Selectie, 'regio' | 'sector' | 'horizon'>, bereik: PanelBereik, kwartaal: KwartaalVanJaar) {
  const filters = sqlFilters(s);
  const trend = { horizon: s.horizon, filters, split: 'achtergrond', kwartaalVanJaar: kwartaal } as const;
  const cohort = cohortTrendQuery(trend, bereik);
  const uitstroom = uitstroomTrendQuery(trend, bereik);
  const starters = startersTrendQuery({ filters, split: 'achtergrond', kwartaalVanJaar: kwartaal }, bereik);
  // A voorberekende map holds the national trends only.
  const landelijk = s.regio.length === 0 && s.sector === 'alle';
  return {
    cohort: landelijk ? { ...cohort, voorberekend: cohortTrendVoorberekend(s.horizon, kwartaal) } : cohort,
    uitstroom: landelijk ? { ...uitstroom, voorberekend: uitstroomTrendVoorberekend(s.horizon, kwartaal) } : uitstroom,
    starters: landelijk ? { ...starters, voorberekend: startersTrendVoorberekend(kwartaal) } : starters,
  };
}

export function duurzaamheidQueries(s: Selectie, bereik: PanelBereik): DuurzaamheidQueries {
  const eigen = trends(s, bereik, kwartaalVanJaar(s.basis));
  return {
    cohortTrend: eigen.cohort,
    uitstroomTrend: eigen.uitstroom,
    startersTrend: eigen.starters,
    // The quarter before the first start (t−4) must be in the data.
    startersTelbaar: kwartaalToIndex(s.basis) - 4 >= kwartaalToIndex(bereik.eerste),
    contractTrend: contract(s),
    regioKwartaal: regioKwartaalQuery(s, bereik),
    vergelijking: vergelijkbaar(s) ? { ...trends(s, bereik, UWV_KWARTAAL), contract: contract({ ...s, achtergrond: [] }) } : null,
  };
}

/** The rows of the chosen base quarter, read from a trend's answer (null while there is none). */
export function basisRijen<T extends { basis: Kwartaal }>(s: Pick<Selectie, 'basis'>, trend: readonly T[] | null): T[] | null {
  return trend ? vanBasis(trend, s.basis) : null;
}

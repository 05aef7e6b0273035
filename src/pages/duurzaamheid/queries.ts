/**
 * The questions the Duurzaamheid page asks for one selection, as query descriptors for the query
 * layer (useQuery → coordinator). The smart parts stay here as plain functions:
 * - the trends (all third-quarter base quarters in ONE query each) do not depend on the chosen
 *   base quarter, so a third-quarter base is read from them: its own queries are `null`;
 * - everything is split by achtergrond and filtered afterwards (groepen.ts), so a new achtergrond
 *   asks the same SQL (answered from the cache) — except the contract trend, whose mean job
 *   duration cannot be added up over groups;
 * - the national contract trend for the comparison is the page's own query when no achtergrond is
 *   chosen: the same SQL text, so the coordinator shares or caches it.
 */
import type { PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { type ContractRij, contractTrendQuery } from '../../lib/metrics/duurzaamheid/contract.ts';
import { startersQuery, type StartersRij, startersTrendQuery } from '../../lib/metrics/duurzaamheid/starters.ts';
import { cohortTrendQuery, cohortUitkomstQuery, type UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import { uitstroomRedenenQuery, type UitstroomRij, uitstroomTrendQuery } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import { kwartaalToIndex, type Kwartaal } from '../../lib/kwartaal.ts';
import type { MetricQuery } from '../../lib/sql/query.ts';
import { vanBasis } from './groepen.ts';
import { isTrendKwartaal, sqlFilters, TREND_KWARTAAL, vergelijkbaar, type Selectie } from './selectie.ts';

export interface DuurzaamheidQueries {
  /** Outcome of every third-quarter base (the trend chart; a Q3 cohort is read from it). */
  cohortTrend: MetricQuery<UitkomstRij[]>;
  /** The chosen cohort's own query; null for a Q3 base (read from cohortTrend). */
  cohort: MetricQuery<UitkomstRij[]> | null;
  /** Uitstroom of every Q3 base: for a Q3 base and for the comparison; else null. */
  uitstroomTrend: MetricQuery<UitstroomRij[]> | null;
  /** Uitstroom of the chosen cohort; null for a Q3 base. */
  uitstroom: MetricQuery<UitstroomRij[]> | null;
  startersTrend: MetricQuery<StartersRij[]>;
  /** Starters of the chosen base; null for a Q3 base or when there are no starters to count. */
  starters: MetricQuery<StartersRij[]> | null;
  /** False when the quarter before the start window is not in the data: no starters, no query. */
  startersTelbaar: boolean;
  /** Every quarter, with the achtergrond filter in SQL. */
  contractTrend: MetricQuery<ContractRij[]>;
  /** The national contract trend for the comparison (only when the view is comparable). */
  contractLandelijk: MetricQuery<ContractRij[]> | null;
}

function contract(s: Selectie): MetricQuery<ContractRij[]> {
  return contractTrendQuery({ filters: { ...sqlFilters(s), achtergrond: [...s.achtergrond] } });
}

export function duurzaamheidQueries(s: Selectie, bereik: PanelBereik): DuurzaamheidQueries {
  const uitTrend = isTrendKwartaal(s.basis);
  const filters = sqlFilters(s);
  const trend = { horizon: s.horizon, filters, split: 'achtergrond', kwartaalVanJaar: TREND_KWARTAAL } as const;
  const enkel = { basis: s.basis, horizon: s.horizon, filters, split: 'achtergrond' } as const;
  const landelijk = vergelijkbaar(s);
  // The quarter before the first start (t−4) must be in the data.
  const startersTelbaar = kwartaalToIndex(s.basis) - 4 >= kwartaalToIndex(bereik.eerste);
  return {
    cohortTrend: cohortTrendQuery(trend, bereik),
    cohort: uitTrend ? null : cohortUitkomstQuery(enkel, bereik),
    uitstroomTrend: uitTrend || landelijk ? uitstroomTrendQuery(trend, bereik) : null,
    uitstroom: uitTrend ? null : uitstroomRedenenQuery(enkel, bereik),
    startersTrend: startersTrendQuery({ filters, split: 'achtergrond', kwartaalVanJaar: TREND_KWARTAAL }, bereik),
    starters: uitTrend || !startersTelbaar ? null : startersQuery({ basis: s.basis, filters, split: 'achtergrond' }, bereik),
    startersTelbaar,
    contractTrend: contract(s),
    contractLandelijk: landelijk ? contract({ ...s, achtergrond: [] }) : null,
  };
}

/**
 * The rows of the chosen base quarter: from the trend's answer for a Q3 base, else the own
 * query's answer as it is (while it is being replaced, the previous cohort stays visible, dimmed).
 */
export function basisRijen<T extends { basis: Kwartaal }>(s: Selectie, trend: readonly T[] | null, eigen: readonly T[] | null): T[] | null {
  if (isTrendKwartaal(s.basis)) return trend ? vanBasis(trend, s.basis) : null;
  return eigen ? [...eigen] : null;
}

/**
 * Where the Duurzaamheid page gets its rows. Every query runs in a named view of the browser
 * engine (`queryLatest`), so a newer question in the same view supersedes an older one and an
 * old answer never overwrites a new selection.
 *
 * The trends (all third-quarter base quarters in ONE query each) do not depend on the selected
 * base quarter: they are cached per horizon and SQL filters (regio, sector). A third-quarter base
 * quarter is read from the (cached) trend without a query of its own; other base quarters get
 * their own single-cohort queries. Everything is split by
 * achtergrond and the achtergrond filter is applied afterwards (groepen.ts), so changing it never
 * queries again — except the contract trend, whose mean job duration cannot be added up over groups.
 */
import type { Table } from 'apache-arrow';
import type { QueryEngine, SqlParam } from '../../lib/engine/types.ts';
import { SupersededError } from '../../lib/engine/client-types.ts';
import type { PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { type ContractRij, contractTrendQuery } from '../../lib/metrics/duurzaamheid/contract.ts';
import type { Filters, Horizon } from '../../lib/metrics/duurzaamheid/filters.ts';
import { startersQuery, type StartersRij, startersTrendQuery } from '../../lib/metrics/duurzaamheid/starters.ts';
import { cohortTrendQuery, cohortUitkomstQuery, type UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import { uitstroomRedenenQuery, type UitstroomRij, uitstroomTrendQuery } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import type { Achtergrond, Sector } from '../../lib/extracts/contracts.ts';
import { kwartaalToIndex, parseKwartaal, type Kwartaal } from '../../lib/kwartaal.ts';
import { runMetric } from '../../lib/sql/query.ts';
import { vanBasis } from './groepen.ts';

/** The part of the browser engine this page needs. */
export interface ViewEngine {
  queryLatest(viewKey: string, sql: string, params?: readonly SqlParam[]): Promise<Table>;
}

export interface Selectie {
  basis: Kwartaal;
  horizon: Horizon;
  achtergrond: readonly Achtergrond[];
  regio: readonly string[];
  sector: 'alle' | Sector;
}

/** Trends use third quarters as base (the UWV peilmoment). */
export const TREND_KWARTAAL = 3;

export function isTrendKwartaal(k: Kwartaal): boolean {
  return parseKwartaal(k)?.kwartaal === TREND_KWARTAAL;
}

/** Filters that go into SQL (achtergrond is applied on the split rows instead). */
export function sqlFilters(s: Pick<Selectie, 'regio' | 'sector'>): Filters {
  return { regio: [...s.regio], sector: s.sector === 'alle' ? [] : [s.sector] };
}

function filterSleutel(s: Pick<Selectie, 'regio' | 'sector'>): string {
  return `${[...s.regio].sort().join(',')}|${s.sector}`;
}

/** Keys that say which rows a section shows; equal keys = equal rows. */
export const sleutels = {
  cohortTrend: (s: Selectie) => `ct|${s.horizon}|${filterSleutel(s)}`,
  uitstroomTrend: (s: Selectie) => `ut|${s.horizon}|${filterSleutel(s)}`,
  startersTrend: (s: Selectie) => `st|${filterSleutel(s)}`,
  contractTrend: (s: Selectie) => `kt|${[...s.achtergrond].sort().join(',')}|${filterSleutel(s)}`,
  cohort: (s: Selectie) => `c|${s.basis}|${s.horizon}|${filterSleutel(s)}`,
  uitstroom: (s: Selectie) => `u|${s.basis}|${s.horizon}|${filterSleutel(s)}`,
  starters: (s: Selectie) => `s|${s.basis}|${filterSleutel(s)}`,
};

interface Post<T> {
  belofte: Promise<T>;
  klaar: boolean;
  waarde?: T;
}

/** A promise cache that forgets failed (and superseded) entries, so asking again retries. */
class Cache {
  #m = new Map<string, Post<unknown>>();
  #max: number;
  constructor(max = 64) {
    this.#max = max;
  }
  haal<T>(key: string, maak: () => Promise<T>): Promise<T> {
    const p = this.#m.get(key) as Post<T> | undefined;
    if (p) return p.belofte;
    const post: Post<T> = { klaar: false, belofte: maak() };
    post.belofte.then(
      (v) => {
        post.klaar = true;
        post.waarde = v;
      },
      () => {
        if (this.#m.get(key) === post) this.#m.delete(key);
      },
    );
    this.#m.set(key, post as Post<unknown>);
    if (this.#m.size > this.#max) this.#m.delete(this.#m.keys().next().value!);
    return post.belofte;
  }
  /** The value when it is there already (no waiting), else undefined. */
  klaar<T>(key: string): T | undefined {
    const p = this.#m.get(key) as Post<T> | undefined;
    return p?.klaar ? p.waarde : undefined;
  }
  bezig(key: string): boolean {
    const p = this.#m.get(key);
    return p !== undefined && !p.klaar;
  }
}

export const VIEWS = {
  cohortTrend: 'duurzaamheid-trend-cohort',
  uitstroomTrend: 'duurzaamheid-trend-uitstroom',
  startersTrend: 'duurzaamheid-trend-starters',
  contractTrend: 'duurzaamheid-trend-contract',
  contractLandelijk: 'duurzaamheid-trend-contract-landelijk',
  cohort: 'duurzaamheid-cohort',
  uitstroom: 'duurzaamheid-uitstroom',
  starters: 'duurzaamheid-starters',
} as const;

export class DuurzaamheidBron {
  readonly bereik: PanelBereik;
  #engine: ViewEngine;
  #cache = new Cache();

  constructor(engine: ViewEngine, bereik: PanelBereik) {
    this.#engine = engine;
    this.bereik = bereik;
  }

  /** A QueryEngine whose queries belong to one view of the browser engine. */
  #view(viewKey: string): QueryEngine {
    return {
      query: (sql, params) => this.#engine.queryLatest(viewKey, sql, params ?? []),
      close: async () => {},
    };
  }

  cohortTrend(s: Selectie): Promise<UitkomstRij[]> {
    return this.#cache.haal(sleutels.cohortTrend(s), async () =>
      runMetric(this.#view(VIEWS.cohortTrend), cohortTrendQuery({ horizon: s.horizon, filters: sqlFilters(s), split: 'achtergrond', kwartaalVanJaar: TREND_KWARTAAL }, this.bereik)));
  }

  uitstroomTrend(s: Selectie): Promise<UitstroomRij[]> {
    return this.#cache.haal(sleutels.uitstroomTrend(s), async () =>
      runMetric(this.#view(VIEWS.uitstroomTrend), uitstroomTrendQuery({ horizon: s.horizon, filters: sqlFilters(s), split: 'achtergrond', kwartaalVanJaar: TREND_KWARTAAL }, this.bereik)));
  }

  startersTrend(s: Selectie): Promise<StartersRij[]> {
    return this.#cache.haal(sleutels.startersTrend(s), async () =>
      runMetric(this.#view(VIEWS.startersTrend), startersTrendQuery({ filters: sqlFilters(s), split: 'achtergrond', kwartaalVanJaar: TREND_KWARTAAL }, this.bereik)));
  }

  /** `view`: the national trend for the comparison runs in its own view, so it never supersedes the page's. */
  contractTrend(s: Selectie, view: string = VIEWS.contractTrend): Promise<ContractRij[]> {
    return this.#cache.haal(sleutels.contractTrend(s), async () =>
      runMetric(this.#view(view), contractTrendQuery({ filters: { ...sqlFilters(s), achtergrond: [...s.achtergrond] } })));
  }

  /**
   * The cohort of the selected base quarter, split by achtergrond: for a Q3 base from the trend
   * (no query once it is there; while it runs, waiting for it is quicker than a second query that
   * DuckDB-WASM would interleave with it), otherwise its own query.
   */
  cohort(s: Selectie): Promise<UitkomstRij[]> {
    if (isTrendKwartaal(s.basis)) return this.cohortTrend(s).then((t) => vanBasis(t, s.basis));
    return this.#cache.haal(sleutels.cohort(s), async () =>
      runMetric(this.#view(VIEWS.cohort), cohortUitkomstQuery({ basis: s.basis, horizon: s.horizon, filters: sqlFilters(s), split: 'achtergrond' }, this.bereik)));
  }

  /** Uitstroom reasons of the selected cohort: from the trend for a Q3 base, else one query. */
  uitstroom(s: Selectie): Promise<UitstroomRij[]> {
    if (isTrendKwartaal(s.basis)) return this.uitstroomTrend(s).then((t) => vanBasis(t, s.basis));
    return this.#cache.haal(sleutels.uitstroom(s), async () =>
      runMetric(this.#view(VIEWS.uitstroom), uitstroomRedenenQuery({ basis: s.basis, horizon: s.horizon, filters: sqlFilters(s), split: 'achtergrond' }, this.bereik)));
  }

  /** Starters up to the selected base: from the trend for a Q3 base, else one query. */
  starters(s: Selectie): Promise<StartersRij[]> {
    // The quarter before the first start must be in the data; else there are no starters to count.
    if (kwartaalToIndex(s.basis) - 4 < kwartaalToIndex(this.bereik.eerste)) return Promise.resolve([]);
    if (isTrendKwartaal(s.basis)) return this.startersTrend(s).then((t) => vanBasis(t, s.basis));
    return this.#cache.haal(sleutels.starters(s), async () =>
      runMetric(this.#view(VIEWS.starters), startersQuery({ basis: s.basis, filters: sqlFilters(s), split: 'achtergrond' }, this.bereik)));
  }
}

/** True for the rejection of a query that a newer one in the same view replaced. */
export function isVervangen(e: unknown): boolean {
  return e instanceof SupersededError || (e instanceof Error && e.name === 'SupersededError');
}

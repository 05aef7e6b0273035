/**
 * Where the Regio's page gets its numbers. Once per loaded panel (appStatus.dataVersie) the
 * region × quarter pre-aggregation is built (the metric layer's SQL) and its rows — 35 regions ×
 * ~50 quarters — are read into the page once. The overview behind map, ranking, scatter and
 * profile is then derived from those rows in memory with the metric layer's own pure function
 * (overzichtUitSommen), so changing indicator or period never waits for the database worker,
 * not even while it is busy (e.g. writing the reload cache right after loading). Series and
 * duurzaamheid are queried per view; a newer question of the same kind supersedes an older one
 * (engine.queryLatest), so a slow answer can never overwrite a newer view.
 *
 * The aggregate is a regular table in the in-memory database, not a TEMP table: the browser
 * engine gives each view key its own connection, and temp tables are per connection.
 */
import type { BrowserEngine } from '../../lib/engine/client-types.ts';
import { toRows } from '../../lib/engine/rows.ts';
import type { QueryEngine, SqlParam } from '../../lib/engine/types.ts';
import { panelBereikQuery, type PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { cohortUitkomstQuery } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import {
  AGG_TABEL, overzichtUitSommen, regioKwartaalAggregaatSql, regioReeksenQuery, type RegioOverzicht, type RegioPeriode, type RegioSommen, type Reeksen,
} from '../../lib/metrics/regio.ts';
import { indexToKwartaal, kwartaalToIndex, type Kwartaal } from '../../lib/kwartaal.ts';
import { runMetric } from '../../lib/sql/query.ts';
import { cohortBasis, duurzaamPerRegio, type DuurzaamRegio } from './model.ts';

/** The part of the browser engine this page uses (a NodeEngine-backed fake in tests). */
export type RegioEngine = Pick<BrowserEngine, 'query' | 'queryLatest' | 'close'>;

/** A QueryEngine whose queries belong to one view key (newer supersedes older). */
function viewEngine(engine: RegioEngine, key: string): QueryEngine {
  return { query: (sql: string, params?: readonly SqlParam[]) => engine.queryLatest(key, sql, params), close: async () => {} };
}

export function isVervangen(e: unknown): boolean {
  return e instanceof Error && e.name === 'SupersededError';
}

/** One row of the pre-aggregation: a region (code as in the data, may be null) in a quarter, with its sums. */
export interface AggregaatRij {
  regio_code: string | null;
  kw: number;
  sommen: RegioSommen;
}

/**
 * Rows of the aggregate table as read by `SELECT *`: every column besides regio_code and kw is a
 * sum, so sums added to the metric layer later come along without a change here.
 */
export function leesAggregaat(rijen: readonly Record<string, unknown>[]): { rijen: AggregaatRij[]; nul: RegioSommen } {
  const namen = rijen.length ? Object.keys(rijen[0]).filter((k) => k !== 'regio_code' && k !== 'kw') : [];
  const nul = Object.fromEntries(namen.map((n) => [n, 0])) as unknown as RegioSommen;
  return {
    nul,
    rijen: rijen.map((r) => ({
      regio_code: (r.regio_code as string | null) ?? null,
      kw: Number(r.kw),
      sommen: Object.fromEntries(namen.map((n) => [n, Number(r[n] ?? 0)])) as unknown as RegioSommen,
    })),
  };
}

function telOp(a: RegioSommen, b: RegioSommen): RegioSommen {
  const uit = { ...a } as Record<string, number>;
  for (const [k, v] of Object.entries(b)) uit[k] = (uit[k] ?? 0) + (v as number);
  return uit as unknown as RegioSommen;
}

/**
 * The overview of a period from the aggregate rows in memory: per region the sums at the base and
 * at the end quarter (zero where the region has no row), regions in code order with an empty
 * code last — what regioOverzichtSql selects with FILTER (kw = basis / eind) — then the metric
 * layer's overzichtUitSommen. Tested equal to regioOverzicht on native DuckDB.
 */
export function overzichtUitAggregaat(agg: { rijen: readonly AggregaatRij[]; nul: RegioSommen }, p: RegioPeriode): RegioOverzicht {
  const b = kwartaalToIndex(p.basis);
  const e = kwartaalToIndex(p.eind);
  const per = new Map<string | null, { basis: RegioSommen; eind: RegioSommen }>();
  for (const r of agg.rijen) {
    if (r.kw !== b && r.kw !== e) continue;
    let x = per.get(r.regio_code);
    if (!x) per.set(r.regio_code, (x = { basis: agg.nul, eind: agg.nul }));
    if (r.kw === b) x.basis = telOp(x.basis, r.sommen);
    if (r.kw === e) x.eind = telOp(x.eind, r.sommen);
  }
  const codes = [...per.keys()].sort((x, y) => (x === null ? 1 : y === null ? -1 : x < y ? -1 : x > y ? 1 : 0));
  return overzichtUitSommen(p, codes.map((c) => ({ regio_code: c, ...per.get(c)! })));
}

export interface Voorbereiding {
  kwartalen: Kwartaal[];
  bereik: PanelBereik | null;
  /** Rows in the aggregate and how long building it took (reported on the page for transparency). */
  rijen: number;
  ms: number;
}

export class RegioBron {
  readonly #engine: RegioEngine;
  #voorbereid: Promise<Voorbereiding> | null = null;
  #aggregaat: { rijen: AggregaatRij[]; nul: RegioSommen } | null = null;
  readonly #overzichten = new Map<string, RegioOverzicht>();
  readonly #duurzaam = new Map<string, Promise<DuurzaamRegio[] | null>>();
  readonly #reeksen = new Map<string, Promise<Reeksen>>();

  constructor(engine: RegioEngine) {
    this.#engine = engine;
  }

  /** Build the aggregate (once) and read which quarters there are. */
  voorbereiden(): Promise<Voorbereiding> {
    this.#voorbereid ??= (async () => {
      const t0 = performance.now();
      await this.#engine.query(`CREATE OR REPLACE TABLE ${AGG_TABEL} AS ${regioKwartaalAggregaatSql()} ORDER BY regio_code, kw`);
      const ms = performance.now() - t0;
      this.#aggregaat = leesAggregaat(toRows<Record<string, unknown>>(await this.#engine.query(`SELECT * FROM ${AGG_TABEL} ORDER BY regio_code, kw`)));
      const kwartalen = [...new Set(this.#aggregaat.rijen.map((r) => r.kw))].sort((a, b) => a - b).map(indexToKwartaal);
      const bereik = await runMetric(this.#engine, panelBereikQuery());
      return { kwartalen, bereik, rijen: this.#aggregaat.rijen.length, ms };
    })();
    // A failed preparation may be retried (e.g. after the user loads a valid panel).
    this.#voorbereid.catch(() => (this.#voorbereid = null));
    return this.#voorbereid;
  }

  /** Every region at base and end quarter (map, ranking, scatter, profile), from the rows in memory. */
  async overzicht(p: RegioPeriode): Promise<RegioOverzicht> {
    await this.voorbereiden();
    const sleutel = `${p.basis}|${p.eind}`;
    let o = this.#overzichten.get(sleutel);
    if (!o) this.#overzichten.set(sleutel, (o = overzichtUitAggregaat(this.#aggregaat!, p)));
    return o;
  }

  /**
   * Werkzaam na 1 jaar per region for the cohort whose year ends in `eind` (base = eind − 4);
   * null when that base quarter lies before the data.
   */
  duurzaam(eind: Kwartaal, bereik: PanelBereik | null, view = 'regio-duurzaam'): Promise<DuurzaamRegio[] | null> {
    return this.#cache(this.#duurzaam, eind, async () => {
      const basis = cohortBasis(eind);
      if (!bereik || kwartaalToIndex(basis) < kwartaalToIndex(bereik.eerste) || kwartaalToIndex(eind) > kwartaalToIndex(bereik.laatste)) return null;
      const rijen = await runMetric(viewEngine(this.#engine, view), cohortUitkomstQuery({ basis, horizon: 4, split: 'regio_code' }, bereik));
      return duurzaamPerRegio(rijen);
    });
  }

  /** Quarterly series of some regions plus Nederland. */
  reeksen(van: Kwartaal, tot: Kwartaal, regios: readonly string[], view = 'regio-reeksen'): Promise<Reeksen> {
    return this.#cache(this.#reeksen, `${van}|${tot}|${regios.join(',')}`, async () => runMetric(viewEngine(this.#engine, view), regioReeksenQuery({ van, tot, regios })));
  }

  /** A failed or superseded answer is not kept, so asking again runs the query again. */
  #cache<T>(map: Map<string, Promise<T>>, sleutel: string, maak: () => Promise<T>): Promise<T> {
    let p = map.get(sleutel);
    if (!p) {
      p = this.voorbereiden().then(maak);
      map.set(sleutel, p);
      p.catch(() => map.delete(sleutel));
    }
    return p;
  }
}

/** One source per engine and data version, kept across page visits. */
let huidige: { engine: RegioEngine; versie: number; bron: RegioBron } | null = null;

export function regioBron(engine: RegioEngine, versie: number): RegioBron {
  if (!huidige || huidige.engine !== engine || huidige.versie !== versie) huidige = { engine, versie, bron: new RegioBron(engine) };
  return huidige.bron;
}

/**
 * Where the Regio's page gets its numbers. Once per loaded panel (appStatus.dataVersie) the
 * region × quarter pre-aggregation is built; every view then reads that small table through the
 * metric layer (regio.ts), so changing indicator or period never touches the 11M-row panel.
 * Results are cached per question; a newer question of the same kind supersedes an older one
 * (engine.queryLatest), so a slow answer can never overwrite a newer view.
 *
 * The aggregate is a regular table in the in-memory database, not a TEMP table: the browser
 * engine gives each view key its own connection, and temp tables are per connection.
 */
import type { BrowserEngine } from '../../lib/engine/client-types.ts';
import { toRows } from '../../lib/engine/rows.ts';
import type { QueryEngine, SqlParam } from '../../lib/engine/types.ts';
import { cohortUitkomst, panelBereik, type PanelBereik } from '../../lib/metrics/duurzaamheid.ts';
import {
  AGG_TABEL, beschikbareKwartalen, regioKwartaalAggregaatSql, regioOverzicht, regioReeksen, type RegioOverzicht, type RegioPeriode, type Reeksen,
} from '../../lib/metrics/regio.ts';
import { kwartaalToIndex, type Kwartaal } from '../../lib/metrics/sql.ts';
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
  readonly #overzichten = new Map<string, Promise<RegioOverzicht>>();
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
      const [{ n }] = toRows<{ n: number }>(await this.#engine.query(`SELECT count(*) AS n FROM ${AGG_TABEL}`));
      const kwartalen = await beschikbareKwartalen(this.#engine);
      const bereik = await panelBereik(this.#engine);
      return { kwartalen, bereik, rijen: n, ms };
    })();
    // A failed preparation may be retried (e.g. after the user loads a valid panel).
    this.#voorbereid.catch(() => (this.#voorbereid = null));
    return this.#voorbereid;
  }

  /** Every region at base and end quarter (map, ranking, scatter, profile). */
  overzicht(p: RegioPeriode, view = 'regio-overzicht'): Promise<RegioOverzicht> {
    return this.#cache(this.#overzichten, `${p.basis}|${p.eind}`, () => regioOverzicht(viewEngine(this.#engine, view), p));
  }

  /**
   * Werkzaam na 1 jaar per region for the cohort whose year ends in `eind` (base = eind − 4);
   * null when that base quarter lies before the data.
   */
  duurzaam(eind: Kwartaal, bereik: PanelBereik | null, view = 'regio-duurzaam'): Promise<DuurzaamRegio[] | null> {
    return this.#cache(this.#duurzaam, eind, async () => {
      const basis = cohortBasis(eind);
      if (!bereik || kwartaalToIndex(basis) < kwartaalToIndex(bereik.eerste) || kwartaalToIndex(eind) > kwartaalToIndex(bereik.laatste)) return null;
      const rijen = await cohortUitkomst(viewEngine(this.#engine, view), { basis, horizon: 4, split: 'regio_code' }, bereik);
      return duurzaamPerRegio(rijen);
    });
  }

  /** Quarterly series of some regions plus Nederland. */
  reeksen(van: Kwartaal, tot: Kwartaal, regios: readonly string[], view = 'regio-reeksen'): Promise<Reeksen> {
    return this.#cache(this.#reeksen, `${van}|${tot}|${regios.join(',')}`, () => regioReeksen(viewEngine(this.#engine, view), { van, tot, regios }));
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

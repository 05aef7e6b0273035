/**
 * One view's query as Svelte state (Mosaic's client, in runes). A component calls
 * `useQuery(() => query or null)` during initialisation; whenever what the function reads changes
 * (filters, the data version), the question is asked again through the coordinator. Only the
 * answer to the LATEST question is ever shown; the previous answer stays visible (marked stale)
 * while the next is computed; a superseded question is silent; an error becomes Dutch text.
 * Every path ends with `pending = false`: a view is never left busy.
 */
import { untrack } from 'svelte';
import type { MetricQuery } from '../sql/query.ts';
import { alsQueryError, isSuperseded } from './errors.ts';
import type { Coordinator } from './Coordinator.ts';
import type { Herkomst } from './herkomst.ts';
import { queryLayer } from './query-layer.svelte.ts';

export class QueryState<T> {
  /** The answer shown (possibly to an older question while `pending`). */
  data = $state.raw<T | null>(null);
  herkomst = $state.raw<Herkomst | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  /** Key of the question last asked (null: nothing to ask) and of the answer in `data`. */
  asked = $state<string | null>(null);
  answered = $state<string | null>(null);
  /** Set by QueryStatus while the section is on screen: its queries go first. */
  visible = false;
  #seq = 0;
  readonly #priority: () => number;

  constructor(basePriority = 1) {
    this.#priority = () => basePriority + (this.visible ? 1 : 0);
  }

  /** The data answers the question asked now (not an older one). */
  get current(): boolean {
    return this.asked !== null && this.answered === this.asked && !this.pending;
  }

  /** The answer when it is current, else null (never an older selection's answer). */
  get currentData(): T | null {
    return this.current ? this.data : null;
  }

  /** The question failed before it reached the engine (it could not be built): show why. */
  fail(coordinator: Coordinator | null, e: unknown): void {
    this.#seq += 1;
    coordinator?.cancel(this);
    this.asked = null;
    this.error = alsQueryError(e).message;
    this.pending = false;
  }

  /**
   * Ask `q` (or withdraw the question: null) through the coordinator. Only the answer to the
   * latest call is taken; every path ends with pending = false.
   */
  ask(coordinator: Coordinator | null, q: MetricQuery<T> | null): void {
    const mine = ++this.#seq;
    if (!coordinator || !q) {
      coordinator?.cancel(this);
      this.asked = null;
      this.pending = false;
      return;
    }
    let key: string;
    try {
      key = coordinator.keyOf(q);
    } catch (e) {
      this.fail(coordinator, e);
      return;
    }
    this.asked = key;
    this.error = null;
    this.pending = true;
    coordinator.request(this, q, { priority: this.#priority }).then(
      (answer) => {
        if (mine !== this.#seq) return;
        this.data = answer.data;
        this.herkomst = answer.herkomst;
        this.answered = key;
        this.pending = false;
      },
      (e: unknown) => {
        if (mine !== this.#seq) return;
        if (!isSuperseded(e)) this.error = alsQueryError(e).message;
        this.pending = false;
      },
    );
  }
}

export interface UseQueryOptions {
  /** Base priority (default 1); a visible section adds 1. */
  priority?: number;
}

/**
 * Call during component initialisation: the question is asked again whenever what `ask` reads
 * changes, or the loaded data change.
 */
export function useQuery<T>(ask: () => MetricQuery<T> | null, options: UseQueryOptions = {}): QueryState<T> {
  const state = new QueryState<T>(options.priority);
  $effect(() => {
    const coordinator = queryLayer.coordinator;
    void queryLayer.versie;
    let q: MetricQuery<T> | null;
    try {
      q = coordinator ? ask() : null;
    } catch (e) {
      // A question that cannot even be built (an impossible parameter) is an error, not a crash.
      untrack(() => state.fail(coordinator, e));
      return;
    }
    untrack(() => state.ask(coordinator, q));
  });
  // Only on destroy: withdraw the question so the engine stops working on it.
  $effect(() => () => queryLayer.coordinator?.cancel(state));
  return state;
}

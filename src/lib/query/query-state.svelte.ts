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

  /** The data answers the question asked now (not an older one). */
  get current(): boolean {
    return this.asked !== null && this.answered === this.asked && !this.pending;
  }

  /** The answer when it is current, else null (never an older selection's answer). */
  get currentData(): T | null {
    return this.current ? this.data : null;
  }
}

export interface UseQueryOptions {
  /** Base priority (default 1); a visible section adds 1. */
  priority?: number;
}

export function useQuery<T>(ask: () => MetricQuery<T> | null, options: UseQueryOptions = {}): QueryState<T> {
  const state = new QueryState<T>();
  const base = options.priority ?? 1;
  const priority = () => base + (state.visible ? 1 : 0);
  let seq = 0;

  $effect(() => {
    const coordinator = queryLayer.coordinator;
    void queryLayer.versie;
    const q = coordinator ? ask() : null;
    untrack(() => {
      const mine = ++seq;
      if (!coordinator || !q) {
        coordinator?.cancel(state);
        state.asked = null;
        state.pending = false;
        return;
      }
      let key: string;
      try {
        key = coordinator.keyOf(q);
      } catch (e) {
        state.asked = null;
        state.error = alsQueryError(e).message;
        state.pending = false;
        return;
      }
      state.asked = key;
      state.error = null;
      state.pending = true;
      coordinator.request(state, q, { priority }).then(
        (answer) => {
          if (mine !== seq) return;
          state.data = answer.data;
          state.herkomst = answer.herkomst;
          state.answered = key;
          state.pending = false;
        },
        (e: unknown) => {
          if (mine !== seq) return;
          if (!isSuperseded(e)) state.error = alsQueryError(e).message;
          state.pending = false;
        },
      );
    });
  });

  // Only on destroy: withdraw the question so the engine stops working on it.
  $effect(() => () => queryLayer.coordinator?.cancel(state));

  return state;
}

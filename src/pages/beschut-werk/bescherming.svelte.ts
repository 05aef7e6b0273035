/**
 * The comparison of one period with its disclosure control computed in a worker, as the state of
 * a section: `pending` while the worker works (QueryStatus: busy, the previous view dimmed),
 * `error` as Dutch text, `currentData` the view of the rows asked last. A QueryState, so the
 * sections wait for it exactly as they wait for their queries. One worker per page, started at
 * the first question and stopped when the page is left.
 * Call during component initialisation, after the useQuery whose answer `bron` reads.
 */
import { untrack } from 'svelte';
import { gebieden, type Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import type { GemeenteRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { MetKaart } from '../../lib/metrics/beschut-voorberekend.ts';
import { alsQueryError, isSuperseded } from '../../lib/query/errors.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import { QueryState } from '../../lib/query/query-state.svelte.ts';
import { BeschermingClient, type LandMaanden } from './bescherming-client.ts';
import BeschermingWorker from './bescherming.worker.ts?worker';
import type { Verborgen } from './gebieden.ts';
import type { Besluit } from './queries.ts';
import { gebiedViewMet, type GebiedView } from './views.ts';

/** The gemeenten's answer for a period, with that period (read from a voorberekende map: with its cells). */
export interface BeschermingBron {
  van: string;
  tot: string;
  rijen: MetKaart<readonly GemeenteRij[]>;
  herkomst: Herkomst | null;
  /** Nederland's months of the year (microdata): its year table is decided with the comparison. */
  land: LandMaanden | null;
}

/**
 * From microdata the worker decides what to hide; from a map what it hides is given, and the
 * worker finds stand-ins for its empty counts.
 */
function vraagWerker(c: BeschermingClient, b: BeschermingBron): Promise<{ g: Gebieden; verborgen: Verborgen; land?: Besluit }> {
  const kaart = b.rijen.kaart;
  if (kaart) return c.vulIn(b.rijen, kaart, b.tot).then(({ rijen, verborgen }) => ({ g: gebieden(rijen), verborgen }));
  const g = gebieden(b.rijen);
  return c.bereken(g, b.tot, b.land ?? undefined).then(({ land, ...verborgen }) => ({ g, verborgen, ...(land ? { land } : {}) }));
}

export function useBescherming(bron: () => BeschermingBron | null): QueryState<GebiedView> {
  const state = new QueryState<GebiedView>();
  let client: BeschermingClient | null = null;
  let volgnummer = 0;
  /**
   * The last question answered: the same rows again (the coordinator's cache gives the same array,
   * e.g. after a filter that only reshapes the page) need no new computation.
   */
  let vorige: { bron: BeschermingBron; view: GebiedView; key: string } | null = null;
  /** The question the worker is working on; kept while its rows are briefly asked again. */
  let lopend: { bron: BeschermingBron; key: string } | null = null;
  // Not the herkomst: the coordinator makes a new one for every answer, also from its cache.
  const zelfde = (a: BeschermingBron, b: BeschermingBron) => a.rijen === b.rijen && a.van === b.van && a.tot === b.tot && a.land?.rijen === b.land?.rijen;

  function vraag(b: BeschermingBron | null): void {
    if (!b) {
      // No rows now (asked again, or failed): nothing to wait for. A computation under way goes
      // on: a filter that only reshapes the page asks the same rows again, from the cache.
      state.asked = null;
      state.pending = false;
      return;
    }
    if (lopend && zelfde(lopend.bron, b)) {
      lopend.bron = b;
      state.asked = lopend.key;
      state.error = null;
      state.pending = true;
      return;
    }
    if (vorige && zelfde(vorige.bron, b)) {
      client?.vergeet();
      lopend = null;
      if (vorige.view.herkomst !== b.herkomst) vorige.view = gebiedViewMet(b, vorige.view.g, vorige.view.verborgen, b.herkomst, vorige.view.land);
      state.data = vorige.view;
      state.asked = state.answered = vorige.key;
      state.error = null;
      state.pending = false;
      return;
    }
    const key = String(++volgnummer);
    const deze = { bron: b, key };
    lopend = deze;
    state.asked = key;
    state.error = null;
    state.pending = true;
    client ??= new BeschermingClient(new BeschermingWorker({ name: 'bescherming' }));
    vraagWerker(client, b).then(
      ({ g, verborgen, land }) => {
        lopend = null;
        const view = gebiedViewMet(deze.bron, g, verborgen, deze.bron.herkomst, land);
        vorige = { bron: deze.bron, view, key };
        if (state.asked !== key) return;
        state.data = view;
        state.answered = key;
        state.pending = false;
      },
      (e: unknown) => {
        // Superseded: a newer question took its place; that one decides the state.
        if (isSuperseded(e)) return;
        lopend = null;
        if (state.asked !== key) return;
        state.error = alsQueryError(e).message;
        state.pending = false;
      },
    );
  }

  $effect(() => {
    const b = bron();
    untrack(() => vraag(b));
  });
  // Only on destroy: stop the worker.
  $effect(() => () => {
    client?.sluit();
    client = null;
  });
  return state;
}

/**
 * The app's one query layer as reactive state: the coordinator (once the engine runs) and the
 * data version, which goes up whenever a loaded extract changes. Every QueryState reads both, so
 * views ask again after a user's file replaced an extract; nothing else needs a global flag.
 */
import { Coordinator } from './Coordinator.ts';
import type { ExtractHerkomst } from './herkomst.ts';

class QueryLayer {
  coordinator = $state.raw<Coordinator | null>(null);
  /** Increases whenever the catalog of loaded extracts changes. */
  versie = $state(0);
  catalog = $state.raw<readonly ExtractHerkomst[]>([]);

  start(coordinator: Coordinator): void {
    this.coordinator = coordinator;
  }

  /** `provisional`: the extracts about to be loaded (see Coordinator.setCatalog). */
  setCatalog(extracts: readonly ExtractHerkomst[], options: { provisional?: boolean } = {}): void {
    this.coordinator?.setCatalog(extracts, options);
    this.catalog = extracts;
    this.versie += 1;
  }

  /** The loaded extract of this contract, or undefined. */
  extract(name: ExtractHerkomst['extract']): ExtractHerkomst | undefined {
    return this.catalog.find((e) => e.extract === name);
  }
}

export const queryLayer = new QueryLayer();

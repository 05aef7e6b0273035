/**
 * Whether the site draws from voorberekende tabellen, and switching to them and back. The query
 * layer keeps its one path: the coordinator gets the folder's tables (in place of the setups that
 * would build them from microdata) and the catalog says every contract is voorberekend, so views
 * ask again and each answer names the folder's source.
 */
import { queryLayer } from '../query/query-layer.svelte.ts';
import { voorberekendeCatalogus } from './catalogus.ts';
import type { VoorberekendeGegevens } from './laden.ts';
import type { VoorberekendManifest } from './manifest.ts';
import { vergeetVoorberekend } from './opslag.ts';

class VoorberekendModus {
  /** The folder's manifest while the site draws from it; null: microdata. */
  manifest = $state.raw<VoorberekendManifest | null>(null);
  /** Whether this browser keeps the map for the next visit (null: not chosen on the Data page, e.g. the site's own). */
  bewaard = $state<boolean | null>(null);

  get actief(): boolean {
    return this.manifest !== null;
  }

  activeer(g: VoorberekendeGegevens, bewaard: boolean | null = null): void {
    this.bewaard = bewaard;
    // Tables first, then the catalog: its new versions drop every answer on microdata.
    queryLayer.coordinator?.setVoorberekend(g.tabellen);
    this.manifest = g.manifest;
    queryLayer.setCatalog(voorberekendeCatalogus(g.manifest));
  }

  /** Back to microdata (and the kept map forgotten); the caller sets the catalog of what is loaded (AppStatus.verversGeladen). */
  stop(): void {
    queryLayer.coordinator?.setVoorberekend(null);
    this.manifest = null;
    this.bewaard = null;
    void vergeetVoorberekend();
  }
}

export const voorberekend = new VoorberekendModus();

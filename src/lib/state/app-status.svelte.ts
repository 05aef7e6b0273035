import type { BrowserEngine, LoadedExtractInfo, LoadProgress, LoadResult } from '../engine/client-types.ts';
import { bewaardeBestanden, bewaarEigen, verwijderEigen } from '../engine/eigen-opslag.ts';
import type { ExtractName } from '../engine/types.ts';
import { CONTRACTS } from '../extracts/contracts.ts';
import { kortBestand } from '../extracts/meldingen.ts';
import { loadManifest, type Manifest } from '../extracts/manifest.ts';
import { Coordinator, type CoordinatorStats } from '../query/Coordinator.ts';
import { queryLayer } from '../query/query-layer.svelte.ts';
import { catalogus, voorlopigeCatalogus } from '../query/catalogus.ts';
import { browserAnswerStore } from '../query/result-store-idb.ts';
import { leesVoorberekend, type LeesBestand, type VoorberekendeGegevens } from '../voorberekend/laden.ts';
import { voorberekend } from '../voorberekend/modus.svelte.ts';
import { voorberekendVanSite } from '../voorberekend/van-site.ts';
import { bewaardeVoorberekend, bewaarVoorberekend } from '../voorberekend/opslag.ts';

/**
 * What the whole app knows about its data: the manifest, the browser engine, loading progress
 * per extract, errors, and which extracts are loaded from where. The shell shows it (status
 * area, demo-data notice); pages read `dataVersie` to query again after a user file replaced data.
 * A user's own files are kept in the browser (eigen-opslag.ts) and loaded again before the demo
 * extracts on the next visit; a demo extract never replaces a user's file.
 */

/** The engine module is loaded on demand, so the shell and published figures render first. */
async function laadEngine(): Promise<BrowserEngine> {
  const { getEngine } = await import('../engine/browser.ts');
  return getEngine();
}

export interface Fout {
  /** Short Dutch title, e.g. "Demodata niet geladen". */
  titel: string;
  berichten: string[];
}

export class AppStatus {
  manifest = $state<Manifest | null>(null);
  /** null while unknown; false when the engine could not start. */
  engineBeschikbaar = $state<boolean | null>(null);
  /** Latest progress per extract while loading. */
  voortgang = $state<Partial<Record<ExtractName, LoadProgress>>>({});
  bezig = $state(false);
  fouten = $state<Fout[]>([]);
  geladen = $state<LoadedExtractInfo[]>([]);
  /** Total time of the demo load (ms), for the status line. */
  laadtijd = $state<number | null>(null);
  /** Increases whenever loaded data changes; pages re-query on change. */
  dataVersie = $state(0);

  engine = $state.raw<BrowserEngine | null>(null);
  /** Per contract with a user's file: whether the browser keeps it across reloads. */
  bewaard = $state<Partial<Record<ExtractName, boolean>>>({});
  #gestart = false;
  /** Resolves when the engine runs (or could not start): a file dropped before that waits for it. */
  #engineKlaar: Promise<void>;
  #engineGestart: () => void = () => undefined;

  constructor() {
    this.#engineKlaar = new Promise((r) => (this.#engineGestart = r));
  }

  async start(): Promise<void> {
    if (this.#gestart) return;
    this.#gestart = true;
    this.bezig = true;
    try {
      // A site published without microdata carries a voorberekend manifest instead (npm run compute).
      let vanSite: VoorberekendeGegevens | null = null;
      try {
        this.manifest = await loadManifest();
      } catch (e) {
        vanSite = await voorberekendVanSite().catch((f: Error) => {
          this.fouten = [...this.fouten, { titel: 'Voorberekende gegevens niet geladen', berichten: [f.message] }];
          return null;
        });
        if (!vanSite) this.fouten = [...this.fouten, { titel: 'Manifest niet geladen', berichten: [(e as Error).message] }];
      }
      try {
        this.engine = await laadEngine();
        const coordinator = new Coordinator(this.engine, { store: browserAnswerStore() });
        queryLayer.start(coordinator);
        // Read-only counters for the end-to-end tests and the bench ("this change sends no query").
        (globalThis as { __pmQueryStats?: () => CoordinatorStats }).__pmQueryStats = () => ({ ...coordinator.stats });
        this.engineBeschikbaar = true;
      } catch (e) {
        this.engineBeschikbaar = false;
        this.fouten = [...this.fouten, { titel: 'Rekenmodule niet gestart', berichten: [(e as Error).message] }];
      } finally {
        this.#engineGestart();
      }
      if (!this.engine) return;
      if (vanSite) {
        voorberekend.activeer(vanSite);
        this.dataVersie += 1;
        return;
      }
      // A voorberekende map chosen on an earlier visit draws again (the microdata still load, to go back to).
      await this.#herstelVoorberekend();
      // The demo extracts about to be loaded: views ask now and draw what an earlier visit kept
      // while the engine attaches; their other queries wait for the real catalog below.
      if (this.manifest && !voorberekend.actief) {
        const eigen = (await bewaardeBestanden()).map((b) => b.extract);
        queryLayer.setCatalog(voorlopigeCatalogus(this.manifest, eigen), { provisional: true });
      }
      // The user's own files first: the engine then skips the demo extracts of those contracts.
      const terug = this.#herstelEigen(this.engine);
      // Without a manifest there is no demo data to load (the error is shown once, above);
      // the engine still takes a user's own extract.
      if (!this.manifest) {
        await terug;
        await this.verversGeladen();
        return;
      }
      const t0 = performance.now();
      const resultaten = await this.engine.loadDemo((p) => this.#voortgang(p));
      await terug;
      this.laadtijd = performance.now() - t0;
      const mislukt = resultaten.filter((r): r is Extract<LoadResult, { ok: false }> => !r.ok);
      if (mislukt.length > 0)
        this.fouten = [
          ...this.fouten,
          ...mislukt.map((r) => ({
            titel: `Demo-extract ${r.extract ?? r.bestand} niet geladen`,
            berichten: r.problemen.length ? r.problemen.map((p) => p.bericht) : [`${r.bestand} kon niet worden geladen.`],
          })),
        ];
      await this.verversGeladen();
    } catch (e) {
      this.fouten = [...this.fouten, { titel: 'Laden mislukt', berichten: [(e as Error).message] }];
      // What is really loaded (maybe nothing) replaces the provisional catalog: no view waits for ever.
      await this.verversGeladen().catch(() => queryLayer.setCatalog([]));
    } finally {
      this.bezig = false;
    }
  }

  #voortgang(p: LoadProgress): void {
    this.voortgang = { ...this.voortgang, [p.extract]: p };
  }

  /** The voorberekende map kept from an earlier visit, checked again; one that no longer passes is forgotten, with a message. */
  async #herstelVoorberekend(): Promise<void> {
    const lees = await bewaardeVoorberekend();
    if (!lees) return;
    try {
      voorberekend.activeer(await leesVoorberekend(lees), true);
      this.dataVersie += 1;
    } catch (e) {
      voorberekend.stop();
      const uitleg = 'Het dashboard rekent weer met de microdata; kies de map opnieuw op de Data-pagina.';
      this.fouten = [...this.fouten, { titel: 'Bewaarde voorberekende gegevens niet geladen', berichten: [(e as Error).message, uitleg] }];
    }
  }

  /** Load the files kept from an earlier visit; one that no longer passes is forgotten, with a message. */
  async #herstelEigen(engine: BrowserEngine): Promise<void> {
    const bewaard = await bewaardeBestanden();
    await Promise.all(
      bewaard.map(async (b) => {
        const r = await engine.loadUserFile(b.file, (p) => this.#voortgang(p), { sinds: b.sinds });
        if (r.ok) {
          this.bewaard = { ...this.bewaard, [r.extract]: true };
          return;
        }
        await verwijderEigen(b.extract);
        this.fouten = [
          ...this.fouten,
          {
            titel: `Eigen bestand ${kortBestand(b.bestand)} niet meer geladen`,
            berichten: [
              `${kortBestand(b.bestand)} (${CONTRACTS[b.extract].title}) stond nog in deze browser, maar voldoet niet meer aan de controles; ` +
                'het is verwijderd en de demodata worden gebruikt.',
              ...r.problemen.slice(0, 3).map((p) => p.bericht),
            ],
          },
        ];
      }),
    );
  }

  async verversGeladen(): Promise<void> {
    if (!this.engine) return;
    this.geladen = await this.engine.loaded();
    // Drawing from voorberekende tabellen: what the engine loads does not change what pages read.
    if (voorberekend.actief) return;
    queryLayer.setCatalog(await catalogus(this.engine, this.geladen, this.manifest, queryLayer.catalog));
    this.dataVersie += 1;
  }

  /**
   * Validate a user's Parquet and, when valid, let it replace the demo extract of its contract and
   * keep it in the browser. A file dropped while the demo data still load waits its turn and wins.
   */
  async laadEigenBestand(file: File, onProgress?: (p: LoadProgress) => void): Promise<LoadResult> {
    await this.#engineKlaar;
    if (!this.engine)
      return {
        ok: false,
        bestand: file.name,
        extract: null,
        problemen: [{ bestand: file.name, kolom: null, bericht: `${kortBestand(file.name)} is niet geladen: de rekenmodule kon niet starten.` }],
      };
    const sinds = new Date().toISOString();
    const result = await this.engine.loadUserFile(file, onProgress, { sinds });
    if (result.ok) {
      this.bewaard = { ...this.bewaard, [result.extract]: await bewaarEigen(result.extract, file, sinds) };
      // A user who brings microdata wants the pages computed on it, not on voorberekende tabellen.
      voorberekend.stop();
      await this.verversGeladen();
    }
    return result;
  }

  /** Draw every page from a folder written by npm run compute (the Data page); throws a Dutch message. */
  async laadVoorberekend(lees: LeesBestand): Promise<void> {
    const gegevens = await leesVoorberekend(lees);
    await this.#engineKlaar;
    if (!this.engine) throw new Error('De voorberekende gegevens zijn niet geladen: de rekenmodule kon niet starten.');
    voorberekend.activeer(gegevens, await bewaarVoorberekend(lees, gegevens.manifest));
    this.dataVersie += 1;
  }

  /** Back from voorberekende tabellen to the loaded microdata. */
  async stopVoorberekend(): Promise<void> {
    voorberekend.stop();
    await this.verversGeladen();
  }

  /** Remove a user's file of this contract (also from the browser's storage) and return to the demo data. */
  async verwijderEigenBestand(extract: ExtractName): Promise<LoadResult | null> {
    await this.#engineKlaar;
    if (!this.engine) return null;
    await verwijderEigen(extract);
    const r = await this.engine.herstelDemo(extract, (p) => this.#voortgang(p));
    const { [extract]: _, ...rest } = this.bewaard;
    void _;
    this.bewaard = rest;
    await this.verversGeladen();
    return r;
  }
}

export const appStatus = new AppStatus();

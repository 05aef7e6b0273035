import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table } from 'apache-arrow';
import { loadManifest, type Manifest, type ManifestEntry } from '../extracts/manifest.ts';
import { QueryActivity } from './activity.ts';
import { openDatabase } from './open-database.ts';
import { dbFout, drain, sqlFout } from './db-fout.ts';
import { CACHE_DB, CACHE_META, WORK_DB, cacheKey } from './cache.ts';
import { cachedKeys, swapTable } from './table-swap.ts';
import { SupersededError, type BrowserEngine, type LoadedExtractInfo, type LoadProgress, type LoadResult } from './client-types.ts';
import { ident, literal } from '../sql/quote.ts';
import { DecodeClient, ingest, type EngineTimings, type IngestContext } from './ingest.ts';
import type { DecodeRequest, DecodeSource } from './protocol.ts';
import type { ExtractName, SqlParam } from './types.ts';

/**
 * The browser engine: DuckDB-WASM (the official async worker; mvp or eh bundle chosen by
 * selectBundle, both self-hosted) plus a Parquet decode worker (worker.ts) that streams Arrow
 * record batches into it. Two workers, so decoding row group n+1 overlaps inserting row group n.
 *
 * Layout: every connection works in the in-memory database `pm` (USE pm). When the browser has
 * OPFS, DuckDB's default database is a file there (pm_cache): demo extracts are first loaded fast
 * as integer codes for the categorical columns, behind a view in pm with the ENUM values — into
 * memory (fastest) up to IN_GEHEUGEN_MAX_RIJEN rows, into that file above it (DuckDB keeps the table
 * compressed there and can evict it, so a panel twice the national size never sits uncompressed
 * in the heap) —, then copied in the background into the cache table
 * with real ENUM columns; queries then use the cached copy and the codes table is dropped; then a fresh DuckDB worker on the
 * cache file gives back the heap the load grew (release). A reload attaches the cached tables
 * and decodes nothing. Without OPFS, and for a user's own file, categorical columns are inserted
 * straight into ENUM columns (slower to load, nothing to do afterwards).
 */

/** Largest demo extract loaded into memory (~77 B a row: 1.15 GB); the national 12M loads there faster, 2× (24M) goes to the file. */
const IN_GEHEUGEN_MAX_RIJEN = 15_000_000;

export interface EngineOptions {
  /** Use the OPFS reload cache when the browser has it (default true). */
  cache?: boolean;
  /** URL of the data folder (default ./data/ next to the page). */
  dataBase?: string;
  /** After the background copies, a fresh DuckDB worker on the cache file (see release; default true). */
  release?: boolean;
}

type Conn = duckdb.AsyncDuckDBConnection;

/** How long the page's queries must have been quiet before the background cache copy starts. */
const QUIET_MS = 500;

const W = `${WORK_DB}.main`;

export class WasmEngine implements BrowserEngine {
  readonly timings: EngineTimings = {
    instantiateMs: null, openMs: null, bundle: null, cache: false, cacheReden: null, loads: {}, persisted: {},
  };
  private db: duckdb.AsyncDuckDB | null = null;
  private conn: Conn | null = null;
  private loadConn: Conn | null = null;
  /** Cold demo loads into the cache file (USE pm_cache; made on first use). */
  private cacheLoadConn: Promise<Conn> | null = null;
  /** Per contract, the cache-file table of integer codes its view reads until the background copy replaces it. */
  private readonly cacheCodes = new Map<ExtractName, string>();
  private readonly viewConns = new Map<string, Promise<Conn>>();
  private readonly info = new Map<ExtractName, LoadedExtractInfo>();
  /** Increases when an extract's table is replaced; a background cache copy checks it before switching. */
  private readonly generation = new Map<ExtractName, number>();
  private readonly starting: Promise<void>;
  private readonly decoder = new DecodeClient();
  /**
   * Loads and table swaps run one after another, in the order they were asked for; a demo
   * extract whose turn comes after a user's file of the same contract is skipped (user wins).
   */
  private loadQueue: Promise<unknown> = Promise.resolve();
  private persistQueue: Promise<unknown> = Promise.resolve();
  private copiesPending = 0;
  /** Setup statements the query layer ran (by name, latest text): built again after a release. */
  private readonly setups = new Map<string, string>();
  /** Released since the last table swap: nothing more to give back. */
  private released = false;
  /** Queries of the query layer in flight: the cache copy waits for quiet, its checkpoint for none. */
  private readonly activity = new QueryActivity();
  /** Contracts whose loaded table is (or is about to be) a user's file. */
  private readonly eigen = new Set<ExtractName>();
  private manifest: Manifest | null = null;
  private closed = false;

  constructor(private readonly options: EngineOptions = {}) {
    this.starting = this.start();
    // Callers may not await ready(); the rejection still reaches them through every method.
    this.starting.catch(() => undefined);
  }

  ready(): Promise<void> {
    return this.starting;
  }

  private async start(): Promise<void> {
    const t0 = performance.now();
    try {
      const bundle = await duckdb.selectBundle({
        mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
        eh: { mainModule: ehWasm, mainWorker: ehWorker },
      });
      this.timings.bundle = bundle.mainModule === ehWasm ? 'eh' : 'mvp';
      const worker = new Worker(bundle.mainWorker!);
      this.db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      await this.db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    } catch (e) {
      console.debug('[rekenmodule]', e);
      throw new Error('De rekenmodule kon in deze browser niet starten. Gebruik een recente versie van Edge, Chrome, Firefox of Safari.');
    }
    this.timings.instantiateMs = performance.now() - t0;
    const t1 = performance.now();
    try {
      const opened = await openDatabase(this.db!, this.options.cache !== false);
      this.timings.cache = opened.cache;
      this.timings.cacheReden = opened.reden;
      this.conn = await this.newConnection();
      this.loadConn = await this.newConnection();
    } catch (e) {
      console.debug('[rekenmodule]', e);
      throw new Error('De rekenmodule kon geen werkgeheugen openen. Sluit andere tabbladen met het dashboard en laad de pagina opnieuw.');
    }
    this.timings.openMs = performance.now() - t1;
  }

  /** Every connection works in `pm` and never fetches anything from another origin (no extensions). */
  private async newConnection(): Promise<Conn> {
    const c = await this.db!.connect();
    await c.query(
      `SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; ATTACH IF NOT EXISTS ':memory:' AS ${WORK_DB}; USE ${WORK_DB};`,
    );
    return c;
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  async query(sql: string, params?: readonly SqlParam[]): Promise<Table> {
    await this.starting;
    return this.run(this.conn!, sql, params);
  }

  private async run(conn: Conn, sql: string, params?: readonly SqlParam[]): Promise<Table> {
    try {
      if (!params || params.length === 0) return await conn.query(sql);
      const stmt = await conn.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    } catch (e) {
      throw sqlFout(e);
    }
  }

  /**
   * The query layer's path (CoordinatorEngine): plain SQL text on the connection of `slot`; when
   * `signal` aborts, the query is interrupted between two of DuckDB-WASM's execution slices and
   * the promise rejects with SupersededError.
   */
  async send(sql: string, signal: AbortSignal, slot = 0): Promise<Table> {
    await this.starting;
    // The background cache copy checkpoints the cache file; queries wait until it is done.
    return this.activity.run(() => this.sendOn(sql, signal, slot));
  }

  private async sendOn(sql: string, signal: AbortSignal, slot: number): Promise<Table> {
    if (signal.aborted) throw new SupersededError();
    const key = `slot${slot}`;
    let connecting = this.viewConns.get(key);
    if (!connecting) {
      connecting = this.newConnection();
      this.viewConns.set(key, connecting);
    }
    const c = await connecting;
    if (signal.aborted) throw new SupersededError();
    const interrupt = () => void c.cancelSent().catch(() => undefined);
    signal.addEventListener('abort', interrupt);
    try {
      const reader = await c.send(sql);
      const batches = [];
      for await (const batch of reader) {
        if (signal.aborted) break;
        batches.push(batch);
      }
      if (signal.aborted) throw new SupersededError();
      // Note: DuckDB-WASM returns an ENUM result column without its dictionary (its values read
      // as null), so every metric query casts categories to VARCHAR (tested in engine.test.ts).
      return new Table(reader.schema, batches);
    } catch (e) {
      if (signal.aborted) {
        // An interrupted query leaves its transaction open until the connection runs its next
        // statement; a CHECKPOINT of the cache file would then wait for it for ever (the worker
        // runs one thing at a time). End it now.
        await c.query('SELECT 1').catch(() => undefined);
        throw new SupersededError();
      }
      throw sqlFout(e);
    } finally {
      signal.removeEventListener('abort', interrupt);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  async loadDemo(onProgress?: (p: LoadProgress) => void): Promise<LoadResult[]> {
    await this.starting;
    let manifest;
    try {
      manifest = await loadManifest(new URL('manifest.json', this.dataBase()).href);
    } catch (e) {
      throw new Error(`Het manifest van de demodata kon niet worden gelezen: ${(e as Error).message}`);
    }
    this.manifest = manifest;
    const cached = await this.cachedKeys();
    const results: LoadResult[] = [];
    const persist: (() => void)[] = [];
    for (const entry of manifest.extracts) {
      results.push(await this.enqueue(() => this.loadDemoExtract(entry, cached.get(entry.name), onProgress, persist)));
    }
    // Copies into the cache start when everything is loaded: they would slow the next loads down
    // (and then only once the page's first queries have run, see schedulePersist).
    this.activity.touch();
    for (const p of persist) p();
    // The decode worker's heaps are not needed until the next file: a new worker starts then.
    void this.enqueue(async () => this.decoder.terminate());
    return results;
  }

  async loadUserFile(file: File, onProgress?: (p: LoadProgress) => void, opties: { sinds?: string } = {}): Promise<LoadResult> {
    await this.starting;
    return this.enqueue(async () => {
      const { result: r, timing } = await ingest(this.ingestContext(), { extract: null, bestand: file.name, source: { file } }, 'gebruiker', 'dictionary', onProgress);
      if (r.ok) {
        this.eigen.add(r.extract);
        const info = this.info.get(r.extract);
        if (info) this.info.set(r.extract, { ...info, sinds: opties.sinds ?? info.geladenOp });
        this.timings.loads[r.extract] = { ms: r.ms, bron: 'gebruiker', rijen: r.rijen, ...timing };
      }
      return r;
    });
  }

  async herstelDemo(name: ExtractName, onProgress?: (p: LoadProgress) => void): Promise<LoadResult | null> {
    await this.starting;
    const persist: (() => void)[] = [];
    const r = await this.enqueue(async () => {
      this.eigen.delete(name);
      const entry = this.manifest?.extracts.find((e) => e.name === name);
      if (entry) return this.loadDemoExtract(entry, (await this.cachedKeys()).get(name), onProgress, persist);
      // No demo extract for this contract: nothing is loaded under its name any more.
      await this.replace(name, []);
      this.info.delete(name);
      return null;
    });
    for (const p of persist) p();
    return r;
  }

  async loaded(): Promise<LoadedExtractInfo[]> {
    return [...this.info.values()];
  }

  private dataBase(): string {
    return new URL(this.options.dataBase ?? './data/', document.baseURI).href;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.loadQueue.then(task, task);
    this.loadQueue = next.catch(() => undefined);
    return next;
  }

  private async cachedKeys(): Promise<Map<string, { sleutel: string; rijen: number }>> {
    return this.timings.cache ? cachedKeys(this.conn!) : new Map();
  }

  private async loadDemoExtract(
    entry: ManifestEntry,
    cached: { sleutel: string; rijen: number } | undefined,
    onProgress: ((p: LoadProgress) => void) | undefined,
    persist: (() => void)[],
  ): Promise<LoadResult> {
    const t0 = performance.now();
    const name = entry.name;
    const key = cacheKey(entry);
    const eigen = this.info.get(name);
    if (this.eigen.has(name) && eigen) {
      // A user's file came first: it stays, and the status says what is loaded.
      onProgress?.({ extract: name, fase: 'klaar', fractie: 1, rijen: eigen.rijen });
      return { ok: true, extract: name, rijen: eigen.rijen, bron: 'gebruiker', bestand: eigen.bestand, ms: 0 };
    }
    if (cached && cached.sleutel === key) {
      onProgress?.({ extract: name, fase: 'uit cache', fractie: null });
      await this.replace(name, [`CREATE VIEW ${W}.${ident(name)} AS SELECT * FROM ${CACHE_DB}.main.${ident(name)}`]);
      const ms = performance.now() - t0;
      this.timings.loads[name] = { ms, bron: 'cache', rijen: cached.rijen };
      this.setInfo(name, 'demo', entry.file, cached.rijen);
      onProgress?.({ extract: name, fase: 'klaar', fractie: 1, rijen: cached.rijen });
      return { ok: true, extract: name, rijen: cached.rijen, bron: 'demo', bestand: entry.file, ms };
    }
    const url = new URL(`${entry.file}?v=${encodeURIComponent(entry.sha256.slice(0, 16))}`, this.dataBase()).href;
    const categorical: DecodeRequest['categorical'] = this.timings.cache ? 'codes' : 'dictionary';
    const source: DecodeSource = { url, bytes: entry.bytes, sha256: entry.sha256 };
    const ctx = categorical === 'codes' && entry.rows > IN_GEHEUGEN_MAX_RIJEN ? await this.cacheIngestContext() : this.ingestContext();
    const { result, timing } = await ingest(ctx, { extract: name, bestand: entry.file, source }, 'demo', categorical, onProgress);
    if (result.ok) {
      this.timings.loads[name] = { ms: result.ms, bron: 'parquet', rijen: result.rijen, ...timing };
      if (this.timings.cache) {
        const gen = this.generation.get(name);
        persist.push(() => this.schedulePersist(name, key, entry.file, result.rijen, gen));
      }
    }
    return result;
  }

  /** A cold demo load into the cache file: its own connection, whose current database is the file. */
  private async cacheIngestContext(): Promise<IngestContext> {
    this.cacheLoadConn ??= this.newConnection().then(async (c) => {
      await c.query(`USE ${CACHE_DB}`);
      return c;
    });
    return { ...this.ingestContext(await this.cacheLoadConn), codesSchema: `${CACHE_DB}.main` };
  }

  /** What a load needs: the load connection, the decode worker, the table swap. */
  private ingestContext(conn = this.loadConn!): IngestContext {
    return {
      conn,
      schema: W,
      decoder: this.decoder,
      replace: (name, statements, c, codes) => this.replace(name, statements, c, codes),
      engine: { query: (sql: string, params?: readonly SqlParam[]) => this.run(conn, sql, params), close: async () => undefined },
      setInfo: (extract, bron, bestand, rijen) => this.setInfo(extract, bron, bestand, rijen),
    };
  }

  /**
   * Put a new table or view under the contract name in one transaction (swapTable). `codes`: the cache-file
   * table the new view reads; the one the old view read is dropped after the swap (a transaction
   * writes to one database only).
   */
  private async replace(name: ExtractName, statements: string[], conn = this.loadConn!, codes?: string): Promise<void> {
    await swapTable(conn, name, statements);
    this.generation.set(name, (this.generation.get(name) ?? 0) + 1);
    this.released = false;
    const old = this.cacheCodes.get(name);
    if (codes) this.cacheCodes.set(name, codes);
    else this.cacheCodes.delete(name);
    if (old && old !== codes) await conn.query(`DROP TABLE IF EXISTS ${old}`).catch((e) => console.debug('[rekenmodule] opruimen', e));
  }

  private setInfo(extract: ExtractName, bron: 'demo' | 'gebruiker', bestand: string, rijen: number): void {
    this.info.set(extract, { extract, bron, bestand, rijen, geladenOp: new Date().toISOString() });
  }

  // -------------------------------------------------------------------------------------------
  // Reload cache

  /**
   * Copy a freshly loaded demo table into the OPFS cache in the background, with real ENUM columns
   * (DuckDB compresses them), then point the contract name at the cached copy and drop the
   * in-memory codes table. It starts once the page's queries have been quiet for QUIET_MS (the first
   * view first); a page query stops it (activity.wijkend) and it starts again once quiet.
   */
  private schedulePersist(name: ExtractName, key: string, bestand: string, rijen: number, gen: number | undefined): void {
    this.copiesPending += 1;
    this.persistQueue = this.persistQueue.then(async () => {
      try {
        await this.persistOne(name, key, bestand, rijen, gen);
      } finally {
        this.copiesPending -= 1;
      }
      // The last copy: give back the heap the cold load grew, once the page is quiet again.
      if (this.copiesPending === 0 && this.options.release !== false) {
        await this.activity.quiet(QUIET_MS, () => this.closed);
        await this.releaseNow().catch((e) => console.debug('[rekenmodule] vrijgeven', e));
      }
    });
  }

  private async persistOne(name: ExtractName, key: string, bestand: string, rijen: number, gen: number | undefined): Promise<void> {
      await this.activity.quiet(QUIET_MS, () => this.closed);
      if (this.closed || this.generation.get(name) !== gen) return;
      const t0 = performance.now();
      let conn: Conn | null = null;
      try {
        conn = await this.newConnection();
        const target = `${CACHE_DB}.main.${ident(name)}`;
        await conn.query(`DELETE FROM ${CACHE_META} WHERE extract = ${literal(name)}`);
        const kopie = `CREATE OR REPLACE TABLE ${target} AS SELECT * FROM ${W}.${ident(name)}`;
        while (!(await this.activity.wijkend(async () => drain(await conn!.send(kopie)), () => void conn!.cancelSent().catch(() => undefined)))) {
          await this.activity.quiet(QUIET_MS, () => this.closed);
          if (this.closed || this.generation.get(name) !== gen) return;
        }
        await conn.query(
          `INSERT INTO ${CACHE_META} VALUES (${literal(name)}, ${literal(key)}, ${rijen}, ${literal(bestand)}, ${literal(new Date().toISOString())})`,
        );
        await this.enqueue(async () => {
          if (this.generation.get(name) !== gen) return;
          await this.replace(name, [`CREATE VIEW ${W}.${ident(name)} AS SELECT * FROM ${target}`]);
        });
        // After the swap, so the dropped codes table's blocks are given back in the same checkpoint.
        await this.activity.exclusive(() => conn!.query(`CHECKPOINT ${CACHE_DB}`));
        this.timings.persisted[name] = { ms: performance.now() - t0 };
      } catch (e) {
        this.timings.persisted[name] = { fout: dbFout(e) };
      } finally {
        await conn?.close().catch(() => undefined);
      }
  }

  /**
   * Issue 15, target 3: a fresh DuckDB worker on the cache file gives back the WASM heap the cold
   * load grew (WebAssembly memory never shrinks), so the tab holds what a reload holds. Runs by
   * itself after the last background copy (unless options.release is false). Only when every
   * loaded table is the cache's copy; the setup tables the query layer built are built again, and
   * page queries wait during the switch. Resolves with the time it took, or null (nothing to do).
   */
  async release(): Promise<number | null> {
    await this.starting;
    await this.persisted();
    return this.releaseNow();
  }

  private releaseNow(): Promise<number | null> {
    return this.enqueue(() =>
      this.activity.exclusive(async () => {
        const names = [...this.info.keys()];
        const cached = await this.cachedKeys();
        if (this.closed || this.released || !this.timings.cache || this.eigen.size > 0 || !names.every((n) => cached.has(n))) return null;
        const t0 = performance.now();
        const { instantiateMs, openMs } = this.timings;
        await this.closeConnections();
        await this.db?.terminate();
        this.decoder.terminate();
        await this.start();
        Object.assign(this.timings, { instantiateMs, openMs });
        for (const n of names) {
          const entry = this.manifest?.extracts.find((e) => e.name === n);
          if (this.timings.cache) await this.loadConn!.query(`CREATE VIEW ${W}.${ident(n)} AS SELECT * FROM ${CACHE_DB}.main.${ident(n)}`);
          // The cache file could not be opened again: load the demo extract as on a first visit.
          else if (entry) await this.loadDemoExtract(entry, undefined, undefined, []);
        }
        for (const [name, sql] of this.setups) await this.loadConn!.query(sql).catch(() => this.setups.delete(name));
        this.released = true;
        this.timings.releaseMs = performance.now() - t0;
        return this.timings.releaseMs;
      }),
    );
  }

  /** A setup statement of the query layer (CoordinatorEngine.setup): remembered, so a release builds it again. */
  async setup(name: string, sql: string, slot = 0): Promise<void> {
    await this.send(sql, new AbortController().signal, slot);
    this.setups.delete(name);
    this.setups.set(name, sql);
  }

  /** Resolves when the background cache copies scheduled so far are done (bench, tests). */
  async persisted(): Promise<void> {
    await this.persistQueue;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.decoder.terminate();
    await this.persistQueue.catch(() => undefined);
    await this.closeConnections();
    await this.db?.terminate();
  }

  private async closeConnections(): Promise<void> {
    for (const c of this.viewConns.values()) await (await c).close().catch(() => undefined);
    this.viewConns.clear();
    await this.conn?.close().catch(() => undefined);
    await this.loadConn?.close().catch(() => undefined);
    await (await this.cacheLoadConn?.catch(() => null))?.close().catch(() => undefined);
    this.cacheLoadConn = null;
  }
}

let engine: WasmEngine | null = null;

/** The app's one browser engine (created on first use). */
export function getEngine(): WasmEngine {
  if (!engine) {
    engine = new WasmEngine();
    // Read-only load and cache-copy timings for the bench (when the copy is done, a reload is warm).
    const e = engine;
    (globalThis as { __pmEngineTimings?: () => EngineTimings }).__pmEngineTimings = () => structuredClone(e.timings);
  }
  return engine;
}

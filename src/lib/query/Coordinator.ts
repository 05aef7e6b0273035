/**
 * The one path from a view to the engine (Mosaic's Coordinator + QueryManager are the model).
 * A view (a client) declares a MetricQuery; the coordinator
 * - answers from its cache when the same SQL on the same data was answered before (no query),
 * - shares one engine query between clients that ask the same thing at the same time,
 * - supersedes: a client's newer question rejects its older one with SupersededError, and a query
 *   nobody waits for any more is taken out of the queue or interrupted in the engine,
 * - runs queries one (or `concurrency`) at a time, highest priority first (the visible section),
 *   because DuckDB-WASM interleaves concurrent queries and each would take as long as all,
 * - keeps engine answers on data with a stable identity in an AnswerStore (result-store.ts), so a
 *   reload draws from them while the engine still attaches; a provisional catalog (the manifest's
 *   extracts before they are loaded) lets views ask early: store hits answer, the rest waits,
 * - attaches provenance (Herkomst) of the extracts the query reads to every answer,
 * - turns every failure into a QueryError with a short Dutch message.
 * Queries are sent as plain text with their parameters inlined by the quoting module, so every
 * one can be interrupted and cached by its text.
 */
import type { Table } from 'apache-arrow';
import type { ExtractName, QueryEngine } from '../engine/types.ts';
import { inlineParams, type MetricQuery } from '../sql/query.ts';
import { voorberekendeSetup } from '../voorberekend/setup.ts';
import { alsQueryError, isSuperseded, SupersededError } from './errors.ts';
import { herkomstVan, type ExtractHerkomst, type Herkomst } from './herkomst.ts';
import type { AnswerStore } from './result-store.ts';

/** What the coordinator needs from an engine: plain SQL text, interrupted when `signal` aborts. */
export interface CoordinatorEngine {
  send(sql: string, signal: AbortSignal, slot: number): Promise<Table>;
  /** A setup statement (an engine may remember it, to build it again after a restart). */
  setup?(name: string, sql: string, slot: number): Promise<unknown>;
}

export interface Answer<T> {
  data: T;
  herkomst: Herkomst;
  /** The SQL text that produced it (after inlining); also the cache key's main part. */
  sql: string;
}

export interface RequestOptions {
  /** Read when the query is taken from the queue: higher first (a visible section asks 2, others 1). */
  priority?: () => number;
}

/** Counters for tests and the bench ("this change sends no query"). */
export interface CoordinatorStats {
  sent: number;
  cacheHits: number;
  shared: number;
  interrupted: number;
  dropped: number;
  /** Answered from the answers kept across reloads (no query). */
  persisted: number;
}

interface Waiter {
  client: object;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  priority: () => number;
}

interface Task {
  key: string;
  sql: string;
  setup: readonly { name: string; sql: string }[];
  extracts: readonly ExtractName[];
  /** `extract@version` of the extracts read, when every one has a stable identity: the answer may be kept. */
  keep: readonly string[] | null;
  shape: (t: Table) => unknown;
  waiters: Set<Waiter>;
  controller: AbortController;
  /** lookup: asking the answer store; queued: waiting for the engine. */
  state: 'lookup' | 'queued' | 'running';
  seq: number;
}

const DEFAULT_PRIORITY = () => 1;

/** Any QueryEngine (native DuckDB in tests, notebooks, bench) as a coordinator engine; not interruptible. */
export function queryEngineAdapter(engine: QueryEngine): CoordinatorEngine {
  return { send: (sql) => engine.query(sql) };
}

export class Coordinator {
  readonly stats: CoordinatorStats = { sent: 0, cacheHits: 0, shared: 0, interrupted: 0, dropped: 0, persisted: 0 };
  readonly #engine: CoordinatorEngine;
  readonly #store: AnswerStore | null;
  readonly #concurrency: number;
  readonly #cacheSize: number;
  /** Shaped answers by key, in least-recently-used order (Map keeps insertion order). */
  readonly #cache = new Map<string, { data: unknown; sql: string; extracts: readonly ExtractName[] }>();
  readonly #inflight = new Map<string, Task>();
  readonly #queue: Task[] = [];
  readonly #byClient = new Map<object, { task: Task | null; waiter: Waiter }>();
  /** Setup statements done (or running) per name and data version. */
  readonly #setups = new Map<string, Promise<void>>();
  #catalog = new Map<ExtractName, ExtractHerkomst>();
  #running = 0;
  #seq = 0;
  /** While the catalog is provisional nothing goes to the engine (its tables are not there yet). */
  #held = false;
  /** Voorberekende tabellen (name → create statement) in place of setups on microdata; null: microdata. */
  #voorberekend: ReadonlyMap<string, string> | null = null;

  constructor(engine: CoordinatorEngine, options: { concurrency?: number; cacheSize?: number; store?: AnswerStore | null } = {}) {
    this.#engine = engine;
    this.#concurrency = options.concurrency ?? 1;
    this.#cacheSize = options.cacheSize ?? 256;
    this.#store = options.store ?? null;
  }

  /**
   * The extracts loaded now. An extract whose version changed drops its cached answers and setup
   * tables; answers being computed on the old data are no longer shared with new questions.
   * `provisional`: the extracts about to be loaded (from the manifest): views may ask, answers come
   * from the caches, queries wait until the catalog of what is really loaded arrives.
   */
  setCatalog(extracts: readonly ExtractHerkomst[], options: { provisional?: boolean } = {}): void {
    const next = new Map(extracts.map((e) => [e.extract, e]));
    const changed = new Set<ExtractName>();
    for (const name of new Set([...this.#catalog.keys(), ...next.keys()])) {
      if (versieVan(this.#catalog.get(name)) !== versieVan(next.get(name))) changed.add(name);
    }
    this.#catalog = next;
    this.#held = options.provisional === true;
    if (changed.size > 0) {
      for (const [key, entry] of this.#cache) if (entry.extracts.some((x) => changed.has(x))) this.#cache.delete(key);
      for (const key of this.#setups.keys()) this.#setups.delete(key);
      for (const [key, task] of this.#inflight) if (task.extracts.some((x) => changed.has(x))) this.#inflight.delete(key);
    }
    if (this.#held) return;
    // Answers kept for data that is not loaded now will not be asked for again.
    this.#store?.keepOnly(extracts.filter((e) => e.identiteit).map((e) => `${e.extract}@${versieVan(e)}`));
    this.#pump();
  }

  /**
   * Draw from voorberekende tabellen (voorberekend/setup.ts) or, with null, from microdata again.
   * Set it before the catalog that goes with it: the new catalog's versions then drop old answers.
   */
  setVoorberekend(tabellen: ReadonlyMap<string, string> | null): void {
    this.#voorberekend = tabellen;
    this.#setups.clear();
  }

  /** Provenance of the given extracts as loaded now. */
  herkomst(extracts: readonly ExtractName[]): Herkomst {
    return herkomstVan(extracts.map((x) => this.#catalog.get(x)).filter((e): e is ExtractHerkomst => e !== undefined));
  }

  /** `extract@version` of each extract, as loaded now: part of every cache and setup key. */
  #versies(extracts: readonly ExtractName[]): string[] {
    return extracts.map((x) => `${x}@${versieVan(this.#catalog.get(x))}`);
  }

  /** The key a query is cached under: its SQL text and the versions of the extracts it reads. */
  keyOf(q: MetricQuery<unknown>): string {
    return `${this.#versies(q.extracts).join(',')}\n${inlineParams(this.#variant(q))}`;
  }

  /** On voorberekende tabellen a query with its own variant asks that instead (same shape). */
  #variant<T>(q: MetricQuery<T>): MetricQuery<T> {
    return this.#voorberekend && q.voorberekend ? { ...q, ...q.voorberekend } : q;
  }

  /** True when the answer is in the cache (asking would send no query). */
  has(q: MetricQuery<unknown>): boolean {
    return this.#cache.has(this.keyOf(q));
  }

  /**
   * Ask on behalf of `client`. Supersedes the client's previous question. Resolves with the shaped
   * answer and its provenance, or rejects with SupersededError (only when this client asked again
   * or was cancelled) or a QueryError.
   */
  request<T>(client: object, vraag: MetricQuery<T>, options: RequestOptions = {}): Promise<Answer<T>> {
    const q = this.#variant(vraag);
    let key: string;
    let sql: string;
    try {
      sql = inlineParams(q);
      key = this.keyOf(q);
    } catch (e) {
      this.cancel(client);
      return Promise.reject(alsQueryError(e));
    }
    const herkomst = this.herkomst(q.extracts);
    const cached = this.#cache.get(key);
    if (cached) {
      this.cancel(client);
      this.stats.cacheHits += 1;
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return Promise.resolve({ data: cached.data as T, herkomst, sql });
    }
    return new Promise<Answer<T>>((resolve, reject) => {
      const waiter: Waiter = {
        client,
        resolve: (data) => resolve({ data: data as T, herkomst, sql }),
        reject,
        priority: options.priority ?? DEFAULT_PRIORITY,
      };
      const previous = this.#byClient.get(client);
      let task = this.#inflight.get(key);
      if (previous && previous.task === task && task) {
        // The same question again while it is being answered: keep waiting for that answer.
        task.waiters.delete(previous.waiter);
        previous.waiter.reject(new SupersededError());
      } else {
        this.cancel(client);
      }
      if (task) this.stats.shared += 1;
      else {
        const stable = this.#store !== null && q.extracts.length > 0 && q.extracts.every((x) => this.#catalog.get(x)?.identiteit);
        task = {
          key,
          sql,
          setup: q.setup ?? [],
          extracts: q.extracts,
          keep: stable ? this.#versies(q.extracts) : null,
          shape: q.shape,
          waiters: new Set(),
          controller: new AbortController(),
          state: stable ? 'lookup' : 'queued',
          seq: ++this.#seq,
        };
        this.#inflight.set(key, task);
        if (task.state === 'lookup') void this.#lookup(task);
        else this.#queue.push(task);
      }
      task.waiters.add(waiter);
      this.#byClient.set(client, { task, waiter });
      this.#pump();
    });
  }

  /** Ask the answer store first; a miss joins the engine's queue. */
  async #lookup(task: Task): Promise<void> {
    const table = await this.#store!.get(task.key);
    if (task.waiters.size === 0) return;
    if (!table) {
      task.state = 'queued';
      this.#queue.push(task);
      this.#pump();
      return;
    }
    this.stats.persisted += 1;
    this.#settle(task, table);
  }

  /** Withdraw the client's question (a view that closes or has nothing to ask). */
  cancel(client: object): void {
    const previous = this.#byClient.get(client);
    if (!previous) return;
    this.#byClient.delete(client);
    const task = previous.task;
    if (task && task.waiters.delete(previous.waiter)) {
      previous.waiter.reject(new SupersededError());
      if (task.waiters.size === 0) this.#abandon(task);
    }
  }

  /** Nobody waits for this task any more: out of the queue, or interrupted in the engine. */
  #abandon(task: Task): void {
    if (this.#inflight.get(task.key) === task) this.#inflight.delete(task.key);
    if (task.state !== 'running') {
      const i = this.#queue.indexOf(task);
      if (i >= 0) this.#queue.splice(i, 1);
      this.stats.dropped += 1;
    } else {
      this.stats.interrupted += 1;
      task.controller.abort();
    }
  }

  #pump(): void {
    if (this.#held) return;
    while (this.#running < this.#concurrency && this.#queue.length > 0) {
      const task = this.#next();
      this.#running += 1;
      const slot = this.#running - 1;
      void this.#execute(task, slot).finally(() => {
        this.#running -= 1;
        this.#pump();
      });
    }
  }

  /** Highest priority first (the best waiter's), then the oldest. */
  #next(): Task {
    let best = 0;
    let bestPrio = -Infinity;
    for (let i = 0; i < this.#queue.length; i++) {
      const t = this.#queue[i];
      let prio = -Infinity;
      for (const w of t.waiters) prio = Math.max(prio, w.priority());
      if (prio > bestPrio || (prio === bestPrio && t.seq < this.#queue[best].seq)) {
        best = i;
        bestPrio = prio;
      }
    }
    return this.#queue.splice(best, 1)[0];
  }

  async #execute(task: Task, slot: number): Promise<void> {
    task.state = 'running';
    const signal = task.controller.signal;
    try {
      const setup = this.#voorberekend ? voorberekendeSetup(task.setup, task.sql, this.#voorberekend) : task.setup;
      for (const s of setup) await this.#ensureSetup(s, task.extracts, slot);
      this.stats.sent += 1;
      const table = await this.#engine.send(task.sql, signal, slot);
      if (signal.aborted) throw new SupersededError();
      // Kept only when the data it was computed on is still the data the key names.
      if (task.keep && task.keep.join(',') === this.#versies(task.extracts).join(',')) this.#store?.put(task.key, table, task.keep);
      this.#settle(task, table);
    } catch (e) {
      if (this.#inflight.get(task.key) === task) this.#inflight.delete(task.key);
      // Interrupted because nobody waits any more: there is nobody to tell.
      const err = signal.aborted || isSuperseded(e) ? new SupersededError() : alsQueryError(e);
      for (const w of task.waiters) {
        this.#forget(w);
        w.reject(err);
      }
    }
  }

  /** Shape the answer, remember it, tell every waiter (a shape error is the query's error). */
  #settle(task: Task, table: Table): void {
    let data: unknown;
    try {
      data = task.shape(table);
    } catch (e) {
      if (this.#inflight.get(task.key) === task) this.#inflight.delete(task.key);
      for (const w of task.waiters) {
        this.#forget(w);
        w.reject(alsQueryError(e));
      }
      return;
    }
    if (this.#inflight.get(task.key) === task) {
      this.#inflight.delete(task.key);
      this.#remember(task, data);
    }
    for (const w of task.waiters) {
      this.#forget(w);
      w.resolve(data);
    }
  }

  /** A setup statement (e.g. a pre-aggregated table) runs once per data version of its extracts. */
  #ensureSetup(s: { name: string; sql: string }, extracts: readonly ExtractName[], slot: number): Promise<void> {
    const key = `${s.name}|${this.#versies(extracts).join(',')}`;
    let p = this.#setups.get(key);
    if (!p) {
      // Not interruptible by one view: other views will need the table too.
      p = (this.#engine.setup ? this.#engine.setup(s.name, s.sql, slot) : this.#engine.send(s.sql, new AbortController().signal, slot)).then(() => undefined);
      this.#setups.set(key, p);
      p.catch(() => this.#setups.delete(key));
    }
    return p;
  }

  #forget(w: Waiter): void {
    const mine = this.#byClient.get(w.client);
    if (mine?.waiter === w) this.#byClient.delete(w.client);
  }

  #remember(task: Task, data: unknown): void {
    this.#cache.set(task.key, { data, sql: task.sql, extracts: task.extracts });
    while (this.#cache.size > this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value!);
  }
}

/** An extract's version in keys: its stable identity when it has one (the same after a reload), else the load counter. */
function versieVan(e: ExtractHerkomst | undefined): string {
  if (!e) return '-';
  return e.identiteit ? `id:${e.identiteit}` : String(e.versie);
}

/**
 * Answers kept across reloads (issue 15, target 2): the engine's answer to a query (a small Arrow
 * table, stored as IPC bytes) under the coordinator's cache key, but only for data with a stable
 * content identity (a demo extract's manifest hash) — a counter would mean something else after a
 * reload. On a reload the coordinator draws the first view from here while the engine attaches.
 * The store is bounded (entries and bytes, least recently used go first) and drops every answer
 * computed on data that is no longer loaded. The answer is shaped again on reading, by the same
 * code as a fresh answer, so nothing but Arrow bytes is ever kept.
 */
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';

/** One kept answer. `versies` are the `extract@identity` parts of its key. */
export interface StoredAnswer {
  key: string;
  bytes: Uint8Array;
  versies: string[];
  /** Last read or written (ms since epoch): the least recently used go first. */
  used: number;
}

/** Where answers are kept (IndexedDB in the browser, a Map in tests). */
export interface StoreBackend {
  get(key: string): Promise<StoredAnswer | undefined>;
  put(answer: StoredAnswer): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /** Every entry without its bytes (size instead), read once when the store opens. */
  list(): Promise<{ key: string; size: number; versies: string[]; used: number }[]>;
}

/** What the coordinator needs: answers by key, for the data versions given. */
export interface AnswerStore {
  get(key: string): Promise<Table | undefined>;
  put(key: string, table: Table, versies: readonly string[]): void;
  /** Drop every answer computed on data not in `versies` (the extracts loaded now). */
  keepOnly(versies: readonly string[]): void;
}

export interface ResultStoreOptions {
  maxEntries?: number;
  maxBytes?: number;
  /** Answers larger than this are not kept (a view's answer is a few KB). */
  maxAnswerBytes?: number;
  now?: () => number;
}

interface Meta {
  size: number;
  versies: string[];
  used: number;
}

export class ResultStore implements AnswerStore {
  readonly #backend: StoreBackend;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #maxAnswerBytes: number;
  readonly #now: () => number;
  #index: Promise<Map<string, Meta>> | null = null;
  /** Writes and deletes in order, so a test (and the page) can wait for them. */
  #pending: Promise<unknown> = Promise.resolve();

  constructor(backend: StoreBackend, options: ResultStoreOptions = {}) {
    this.#backend = backend;
    this.#maxEntries = options.maxEntries ?? 400;
    this.#maxBytes = options.maxBytes ?? 16 * 2 ** 20;
    this.#maxAnswerBytes = options.maxAnswerBytes ?? 2 ** 20;
    this.#now = options.now ?? Date.now;
  }

  #meta(): Promise<Map<string, Meta>> {
    this.#index ??= this.#backend.list().then(
      (all) => new Map(all.map((e) => [e.key, { size: e.size, versies: e.versies, used: e.used }])),
      () => new Map(),
    );
    return this.#index;
  }

  async get(key: string): Promise<Table | undefined> {
    try {
      const index = await this.#meta();
      if (!index.has(key)) return undefined;
      const hit = await this.#backend.get(key);
      if (!hit) {
        index.delete(key);
        return undefined;
      }
      const used = this.#now();
      index.get(key)!.used = used;
      this.#queue(() => this.#backend.put({ ...hit, used }));
      return tableFromIPC(hit.bytes);
    } catch {
      // An unreadable entry is a miss: the engine answers.
      return undefined;
    }
  }

  put(key: string, table: Table, versies: readonly string[]): void {
    let bytes: Uint8Array;
    try {
      bytes = tableToIPC(table, 'stream');
    } catch {
      return;
    }
    if (bytes.byteLength > this.#maxAnswerBytes) return;
    this.#queue(async () => {
      const index = await this.#meta();
      const used = this.#now();
      await this.#backend.put({ key, bytes, versies: [...versies], used });
      index.set(key, { size: bytes.byteLength, versies: [...versies], used });
      await this.#evict(index);
    });
  }

  keepOnly(versies: readonly string[]): void {
    const now = new Set(versies);
    this.#queue(async () => {
      const index = await this.#meta();
      const weg = [...index].filter(([, m]) => m.versies.some((v) => !now.has(v))).map(([k]) => k);
      if (weg.length === 0) return;
      await this.#backend.delete(weg);
      for (const k of weg) index.delete(k);
    });
  }

  /** Resolves when every write and delete asked for so far is done. */
  async settled(): Promise<void> {
    await this.#pending;
  }

  /** Least recently used first, until both bounds hold. */
  async #evict(index: Map<string, Meta>): Promise<void> {
    let bytes = 0;
    for (const m of index.values()) bytes += m.size;
    if (index.size <= this.#maxEntries && bytes <= this.#maxBytes) return;
    const oldest = [...index].sort(([, a], [, b]) => a.used - b.used);
    const weg: string[] = [];
    let n = index.size;
    for (const [k, m] of oldest) {
      if (n <= this.#maxEntries && bytes <= this.#maxBytes) break;
      weg.push(k);
      n -= 1;
      bytes -= m.size;
    }
    await this.#backend.delete(weg);
    for (const k of weg) index.delete(k);
  }

  #queue(task: () => Promise<void>): void {
    this.#pending = this.#pending.then(task).catch(() => undefined);
  }
}

/** A backend in memory (tests; a browser without IndexedDB keeps answers for this visit only). */
export function memoryBackend(): StoreBackend & { entries: Map<string, StoredAnswer> } {
  const entries = new Map<string, StoredAnswer>();
  return {
    entries,
    get: async (key) => entries.get(key),
    put: async (a) => void entries.set(a.key, a),
    delete: async (keys) => keys.forEach((k) => entries.delete(k)),
    list: async () => [...entries.values()].map((a) => ({ key: a.key, size: a.bytes.byteLength, versies: a.versies, used: a.used })),
  };
}

/**
 * Answers computed ahead for the bundled demo data (issue 15, target 1). The demo extracts are
 * fixed — the manifest names each one's content hash — so the answers a page's default first
 * view asks for can be computed when the demo data are generated, by the same SQL on native
 * DuckDB (notebooks/generate-antwoorden.ts), and shipped with the site as one small Arrow file.
 * Each answer is kept under the coordinator's own cache key (the extracts' identities + the SQL
 * text), so it can only ever answer that SQL on exactly that data: a user's own file has no
 * identity and is never looked up, another version of the demo data has other keys. An answer is
 * the engine's Arrow table as IPC bytes, shaped on reading by the same code as a fresh answer.
 */
import { Binary, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import type { AnswerStore } from './result-store.ts';

/** Where the site serves the file (next to data/manifest.json). */
export const SHIPPED_ANSWERS_URL = './data/antwoorden.arrow';

/** One answer computed ahead: the coordinator's key, the `extract@identity` parts of it, the Arrow IPC bytes. */
export interface ShippedAnswer {
  key: string;
  versies: readonly string[];
  bytes: Uint8Array;
}

/** The file: one Arrow table with a row per answer (key, versies joined by ',', bytes). */
export function encodeShipped(answers: readonly ShippedAnswer[]): Uint8Array {
  const table = new Table({
    key: vectorFromArray(answers.map((a) => a.key), new Utf8()),
    versies: vectorFromArray(answers.map((a) => a.versies.join(',')), new Utf8()),
    bytes: vectorFromArray(answers.map((a) => a.bytes), new Binary()),
  });
  return tableToIPC(table, 'file');
}

export function decodeShipped(file: Uint8Array): Map<string, Uint8Array> {
  const t = tableFromIPC(file);
  const keys = t.getChild('key');
  const bytes = t.getChild('bytes');
  const uit = new Map<string, Uint8Array>();
  if (!keys || !bytes) return uit;
  for (let i = 0; i < t.numRows; i++) {
    const k = keys.get(i) as string | null;
    const b = bytes.get(i) as Uint8Array | null;
    if (k !== null && b !== null) uit.set(k, b);
  }
  return uit;
}

/** The table as shipped bytes (what the generator writes per answer). */
export function answerBytes(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}

/**
 * An answer store that first looks in the shipped answers, then in `inner` (the answers kept in
 * this browser). The file is read once, on the first lookup; a missing or unreadable file means
 * no shipped answers. New answers go to `inner` only: the shipped file is read-only.
 */
export class WithShippedAnswers implements AnswerStore {
  readonly #load: () => Promise<Uint8Array | null>;
  readonly #inner: AnswerStore | null;
  #answers: Promise<Map<string, Uint8Array>> | null = null;
  /** Answers given from the shipped file (tests, bench). */
  hits = 0;

  constructor(load: () => Promise<Uint8Array | null>, inner: AnswerStore | null) {
    this.#load = load;
    this.#inner = inner;
  }

  #map(): Promise<Map<string, Uint8Array>> {
    this.#answers ??= this.#load().then(
      (file) => (file ? decodeShipped(file) : new Map<string, Uint8Array>()),
      () => new Map<string, Uint8Array>(),
    );
    return this.#answers;
  }

  async get(key: string): Promise<Table | undefined> {
    const bytes = (await this.#map()).get(key);
    if (bytes) {
      try {
        const table = tableFromIPC(bytes);
        this.hits += 1;
        return table;
      } catch {
        // An unreadable answer is a miss: the engine answers.
      }
    }
    return this.#inner?.get(key);
  }

  put(key: string, table: Table, versies: readonly string[]): void {
    this.#inner?.put(key, table, versies);
  }

  keepOnly(versies: readonly string[]): void {
    this.#inner?.keepOnly(versies);
  }
}

import { ResultStore, type AnswerStore, type StoreBackend, type StoredAnswer } from './result-store.ts';
import { SHIPPED_ANSWERS_URL, WithShippedAnswers } from './shipped-answers.ts';

/**
 * The result store's backend in the browser: IndexedDB, two object stores in one database —
 * `antwoorden` (the bytes) and `index` (key, size, data versions, last use), so opening the store
 * reads only the small index. Null when the browser has no IndexedDB (then nothing is kept).
 */

const DB = 'pm-antwoorden';
const BYTES = 'antwoorden';
const INDEX = 'index';

interface IndexEntry {
  key: string;
  size: number;
  versies: string[];
  used: number;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => {
    r.result.createObjectStore(BYTES, { keyPath: 'key' });
    r.result.createObjectStore(INDEX, { keyPath: 'key' });
  };
  return request(r);
}

function idbBackend(): StoreBackend | null {
  if (typeof indexedDB === 'undefined') return null;
  let db: Promise<IDBDatabase> | null = null;
  const conn = () => (db ??= open());
  return {
    async get(key) {
      const tx = (await conn()).transaction(BYTES, 'readonly');
      return (await request(tx.objectStore(BYTES).get(key))) as StoredAnswer | undefined;
    },
    async put(a) {
      const tx = (await conn()).transaction([BYTES, INDEX], 'readwrite');
      tx.objectStore(BYTES).put(a);
      tx.objectStore(INDEX).put({ key: a.key, size: a.bytes.byteLength, versies: a.versies, used: a.used } satisfies IndexEntry);
      await done(tx);
    },
    async delete(keys) {
      const tx = (await conn()).transaction([BYTES, INDEX], 'readwrite');
      for (const k of keys) {
        tx.objectStore(BYTES).delete(k);
        tx.objectStore(INDEX).delete(k);
      }
      await done(tx);
    },
    async list() {
      const tx = (await conn()).transaction(INDEX, 'readonly');
      return (await request(tx.objectStore(INDEX).getAll())) as IndexEntry[];
    },
  };
}

/** The answers computed ahead for the demo data, from the site itself (null when there are none). */
async function shippedFile(): Promise<Uint8Array | null> {
  const res = await fetch(new URL(SHIPPED_ANSWERS_URL, document.baseURI).href, { cache: 'no-cache' });
  // A static server may answer a missing file with the app's index.html.
  if (!res.ok || /text\/html/i.test(res.headers.get('content-type') ?? '')) return null;
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The app's answer store: the demo's answers computed ahead (shipped-answers.ts), then those kept
 * in IndexedDB when the browser has it (else kept for this visit only, in the coordinator).
 */
export function browserAnswerStore(): AnswerStore {
  const backend = idbBackend();
  return new WithShippedAnswers(shippedFile, backend ? new ResultStore(backend) : null);
}

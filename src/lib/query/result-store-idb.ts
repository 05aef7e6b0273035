import { ResultStore, type StoreBackend, type StoredAnswer } from './result-store.ts';

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

/** The app's answer store: IndexedDB when the browser has it, else none (answers kept for this visit only, in the coordinator). */
export function browserAnswerStore(): ResultStore | null {
  const backend = idbBackend();
  return backend ? new ResultStore(backend) : null;
}

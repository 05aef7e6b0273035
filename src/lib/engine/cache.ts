import type { ManifestEntry } from '../extracts/manifest.ts';

/**
 * The reload cache: demo extracts, once loaded, are copied into a DuckDB database file in the
 * browser's Origin Private File System (OPFS). On the next visit the engine attaches that file and
 * skips downloading and decoding. A cached table is only used when its key matches the manifest
 * entry, so new demo data (new sha256, rows or generator version) invalidates it.
 */

/** Bump when the loaded table layout (types, ENUM order) changes, so old caches are not used. */
export const CACHE_LAYOUT_VERSION = 1;

/** The cache file is DuckDB's default database when OPFS works; its name follows from the file name. */
export const CACHE_FILE = 'opfs://pm_cache.duckdb';
export const CACHE_DB = 'pm_cache';
export const CACHE_META = `${CACHE_DB}.main._pm_cache`;
/** The in-memory database every connection works in (USE pm): loaded tables, pages' own tables. */
export const WORK_DB = 'pm';

export function cacheKey(entry: ManifestEntry): string {
  return [entry.sha256, entry.rows, entry.bytes, entry.generatorVersion ?? '-', `schema${entry.schemaVersion}`, `layout${CACHE_LAYOUT_VERSION}`].join('|');
}

/**
 * OPFS exists here (sync access handles, which DuckDB needs, only exist inside workers, so the
 * DuckDB worker finds out for itself when the file is attached).
 */
export async function opfsAvailable(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return false;
    await navigator.storage.getDirectory();
    return true;
  } catch {
    return false;
  }
}

/** Remove the cache files (used by the bench for a cold start and when the file is unusable). */
export async function removeCacheFiles(): Promise<void> {
  try {
    const root = await navigator.storage.getDirectory();
    const name = CACHE_FILE.replace('opfs://', '');
    for (const f of [name, `${name}.wal`]) await root.removeEntry(f).catch(() => undefined);
  } catch {
    // No OPFS: nothing to remove.
  }
}

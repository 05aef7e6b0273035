import { EXTRACT_NAMES } from '../extracts/contracts.ts';
import type { ExtractName } from './types.ts';

/**
 * A user's own extracts, kept in this browser (Origin Private File System, never uploaded) so they
 * come back after a reload: one Parquet file and a small JSON note (original file name, when it was
 * loaded) per contract. Without OPFS (or with a full disk) nothing is kept and the caller says so.
 */

const MAP = 'eigen-extracten';

export interface BewaardBestand {
  extract: ExtractName;
  /** The name the user's file had. */
  bestand: string;
  /** When the user loaded it (ISO). */
  sinds: string;
  file: File;
}

async function map(maak: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(MAP, { create: maak });
  } catch {
    return null;
  }
}

/** Keep a user's file for its contract (replacing an earlier one); false when the browser cannot. */
export async function bewaarEigen(extract: ExtractName, file: File, sinds: string): Promise<boolean> {
  const dir = await map(true);
  if (!dir) return false;
  try {
    await schrijf(dir, `${extract}.parquet`, file);
    await schrijf(dir, `${extract}.json`, JSON.stringify({ bestand: file.name, sinds }));
    return true;
  } catch {
    await verwijderEigen(extract);
    return false;
  }
}

async function schrijf(dir: FileSystemDirectoryHandle, naam: string, inhoud: Blob | string): Promise<void> {
  const handle = await dir.getFileHandle(naam, { create: true });
  const w = await handle.createWritable();
  try {
    await w.write(inhoud);
  } finally {
    await w.close();
  }
}

/** The kept files, one per contract, oldest first (so the order of loading is the order of choosing). */
export async function bewaardeBestanden(): Promise<BewaardBestand[]> {
  const dir = await map(false);
  if (!dir) return [];
  const uit: BewaardBestand[] = [];
  for (const extract of EXTRACT_NAMES) {
    try {
      const meta = JSON.parse(await (await (await dir.getFileHandle(`${extract}.json`)).getFile()).text()) as { bestand?: unknown; sinds?: unknown };
      const data = await (await dir.getFileHandle(`${extract}.parquet`)).getFile();
      if (typeof meta.bestand !== 'string' || typeof meta.sinds !== 'string') continue;
      uit.push({ extract, bestand: meta.bestand, sinds: meta.sinds, file: new File([data], meta.bestand) });
    } catch {
      // Nothing kept for this contract (or half written): the demo extract is used.
    }
  }
  return uit.sort((a, b) => a.sinds.localeCompare(b.sinds));
}

/** Forget the kept file of a contract. */
export async function verwijderEigen(extract: ExtractName): Promise<void> {
  const dir = await map(false);
  if (!dir) return;
  for (const naam of [`${extract}.parquet`, `${extract}.json`]) await dir.removeEntry(naam).catch(() => undefined);
}

/**
 * The voorberekende map a user chose on the Data page, kept in this browser (Origin Private File
 * System, never uploaded) so the dashboard still draws from it after a reload, as a user's own
 * extract does. Only the files the checked manifest names are kept (a few hundred kB); on the next
 * visit they are checked again (manifest and every SHA-256) before anything is drawn.
 */
import type { LeesBestand } from './laden.ts';
import { MANIFEST_BESTAND, type VoorberekendManifest } from './manifest.ts';

const MAP = 'voorberekend';

async function map(maak: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
    return await (await navigator.storage.getDirectory()).getDirectoryHandle(MAP, { create: maak });
  } catch {
    return null;
  }
}

/** Keep the map's files (replacing an earlier map); false when the browser cannot. */
export async function bewaarVoorberekend(lees: LeesBestand, manifest: VoorberekendManifest): Promise<boolean> {
  await vergeetVoorberekend();
  const dir = await map(true);
  if (!dir) return false;
  try {
    // The manifest last: a map without it is not restored, so a half-written one never is.
    for (const naam of [...manifest.tables.map((t) => t.file), MANIFEST_BESTAND]) {
      const bytes = await lees(naam);
      if (!bytes) throw new Error(naam);
      const w = await (await dir.getFileHandle(naam, { create: true })).createWritable();
      try {
        await w.write(bytes);
      } finally {
        await w.close();
      }
    }
    return true;
  } catch {
    await vergeetVoorberekend();
    return false;
  }
}

/** The kept map's files, or null when none is kept. */
export async function bewaardeVoorberekend(): Promise<LeesBestand | null> {
  const dir = await map(false);
  if (!dir) return null;
  const lees: LeesBestand = async (naam) => {
    try {
      return await (await (await dir.getFileHandle(naam)).getFile()).arrayBuffer();
    } catch {
      return null;
    }
  };
  return (await lees(MANIFEST_BESTAND)) ? lees : null;
}

/** Forget the kept map (back to the microdata, or an own extract was loaded). */
export async function vergeetVoorberekend(): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return;
  const root = await navigator.storage.getDirectory().catch(() => null);
  await root?.removeEntry(MAP, { recursive: true }).catch(() => undefined);
}

/**
 * A site published without microdata: its data/manifest.json is a voorberekend manifest and the
 * tables lie next to it. Only file names from the checked manifest are fetched, from this site.
 */
import { leesVoorberekend, type VoorberekendeGegevens } from './laden.ts';
import { isVoorberekend, MANIFEST_BESTAND } from './manifest.ts';

async function haal(naam: string): Promise<ArrayBuffer | null> {
  const res = await fetch(`./data/${encodeURIComponent(naam)}`, { cache: 'no-cache' });
  return res.ok && !/text\/html/i.test(res.headers.get('content-type') ?? '') ? res.arrayBuffer() : null;
}

/** The site's voorberekende gegevens, or null when data/manifest.json is not a voorberekend manifest. */
export async function voorberekendVanSite(): Promise<VoorberekendeGegevens | null> {
  const ruw = await haal(MANIFEST_BESTAND).catch(() => null);
  if (!ruw) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(ruw));
  } catch {
    return null;
  }
  if (!isVoorberekend(json)) return null;
  return leesVoorberekend((naam) => (naam === MANIFEST_BESTAND ? Promise.resolve(ruw) : haal(naam)));
}

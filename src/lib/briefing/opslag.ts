/**
 * The briefing kept in this browser between visits (localStorage; nothing is uploaded). Stored in
 * the same form as the link, so one reader handles both. Storage may be absent or full (private
 * windows): the briefing then lives in the link only.
 */
import { codeer, decodeer } from './link.ts';
import { legeBriefing } from './model.ts';
import type { Briefing } from './types.ts';

export const OPSLAG_SLEUTEL = 'pm-briefing';

function opslag(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function leesBewaard(): Briefing {
  const tekst = opslag()?.getItem(OPSLAG_SLEUTEL);
  return (tekst ? decodeer(tekst).briefing : null) ?? legeBriefing();
}

export function bewaar(b: Briefing): void {
  try {
    opslag()?.setItem(OPSLAG_SLEUTEL, codeer(b));
  } catch {
    // Full or refused: the link still holds the briefing.
  }
}

/**
 * What every export of a section adds under its figures, decided once so Word, Excel and the
 * rich text cannot disagree: the synthetic-data note (also when only the table says it is
 * synthetic, so a demo figure never travels without it) and the notes, each once.
 */
import { NOOT_SYNTHETISCH, toelichtingen } from '../charts/spec.ts';
import type { DocumentSectie } from './types.ts';

export function synthetischeNoot(s: DocumentSectie): string | undefined {
  return s.synthetischeNoot ?? (s.tabel?.synthetisch ? NOOT_SYNTHETISCH : undefined);
}

/** The section's footnotes and the explanation of each kind of suppressed cell in its table. */
export function sectieNoten(s: DocumentSectie): string[] {
  return [...new Set([...(s.voetnoten ?? []), ...(s.tabel ? toelichtingen(s.tabel) : [])])];
}

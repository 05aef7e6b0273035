/**
 * An answer that arrives asynchronously, as reactive state: the question is re-asked whenever
 * what `vraag` reads changes; only the answer to the LATEST question is kept, and the previous
 * answer stays visible while the next one is on its way (no flashing on every period change).
 * Superseded queries are silent; other errors become a Dutch message.
 */
import { isVervangen } from './bron.ts';

export interface Antwoord<T> {
  readonly waarde: T | null;
  /** Key of the question `waarde` answers (to tell a fresh answer from a stale one). */
  readonly sleutel: string | null;
  readonly bezig: boolean;
  readonly fout: string | null;
}

/**
 * Call during component initialisation. `vraag` returns a key and a promise, or null when there
 * is nothing to ask yet; it must read its reactive inputs synchronously.
 */
export function antwoord<T>(vraag: () => { sleutel: string; laad: () => Promise<T> } | null): Antwoord<T> {
  let waarde = $state.raw<T | null>(null);
  let sleutel = $state<string | null>(null);
  let bezig = $state(false);
  let fout = $state<string | null>(null);
  let volgnummer = 0;

  $effect(() => {
    const v = vraag();
    const mijn = ++volgnummer;
    if (!v) {
      bezig = false;
      return;
    }
    bezig = true;
    v.laad().then(
      (w) => {
        if (mijn !== volgnummer) return;
        waarde = w;
        sleutel = v.sleutel;
        fout = null;
        bezig = false;
      },
      (e: unknown) => {
        if (mijn !== volgnummer || isVervangen(e)) return;
        fout = e instanceof Error ? e.message : String(e);
        bezig = false;
      },
    );
  });

  return {
    get waarde() {
      return waarde;
    },
    get sleutel() {
      return sleutel;
    },
    get bezig() {
      return bezig;
    },
    get fout() {
      return fout;
    },
  };
}

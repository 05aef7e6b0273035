/**
 * One section's data as Svelte state: which selection it was asked for, what it shows, and
 * whether it is loading or failed. An answer is only shown when it belongs to the LAST question
 * (its key), so slow answers to older selections can never overwrite a newer one.
 */
import { isVervangen } from './bron.ts';

export class Sectie<T> {
  /** Key of the question last asked. */
  gevraagd = $state<string | null>(null);
  /** Key of the data shown (null before the first answer). */
  getoond = $state<string | null>(null);
  data = $state.raw<T | null>(null);
  fout = $state<string | null>(null);
  /** ms from question to answer of the data shown (for the page's timing line and tests). */
  duur = $state<number | null>(null);

  get bezig(): boolean {
    return this.gevraagd !== null && this.getoond !== this.gevraagd && this.fout === null;
  }

  vraag(sleutel: string, werk: () => Promise<T>): void {
    if (sleutel === this.gevraagd && this.fout === null) return;
    this.gevraagd = sleutel;
    this.fout = null;
    this.#probeer(sleutel, werk, performance.now(), 0);
  }

  #probeer(sleutel: string, werk: () => Promise<T>, t0: number, poging: number): void {
    let belofte: Promise<T>;
    try {
      belofte = werk();
    } catch (e) {
      belofte = Promise.reject(e);
    }
    belofte.then(
      (d) => {
        if (this.gevraagd !== sleutel) return;
        this.data = d;
        this.getoond = sleutel;
        this.duur = performance.now() - t0;
      },
      (e: unknown) => {
        if (this.gevraagd !== sleutel) return;
        // Replaced by a newer query while this key is (again) the one wanted: ask once more.
        if (isVervangen(e)) {
          if (poging < 3) this.#probeer(sleutel, werk, t0, poging + 1);
          return;
        }
        this.fout = e instanceof Error ? e.message : String(e);
      },
    );
  }

  /** Forget everything (new data loaded). */
  wis(): void {
    this.gevraagd = null;
    this.getoond = null;
    this.data = null;
    this.fout = null;
    this.duur = null;
  }
}

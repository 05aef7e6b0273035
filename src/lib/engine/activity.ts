/**
 * The query layer's work in the browser engine, as the background cache copy needs to know it:
 * how many page queries are in flight, when the engine last worked for the page, and an exclusive
 * turn (a CHECKPOINT waits for every open transaction; in the single-threaded DuckDB worker an
 * open query's transaction could never finish while the checkpoint blocks it, so queries are held
 * back during that turn and the turn waits until none is in flight).
 */
export class QueryActivity {
  #sending = 0;
  #idle: (() => void)[] = [];
  #lastBusy = 0;
  #exclusive: Promise<void> | null = null;
  /** Background work to stop when a page query starts (see wijkend). */
  readonly #wijk = new Set<() => void>();

  /** Run one page query: waits while an exclusive turn runs. */
  async run<T>(query: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    for (const wijk of this.#wijk) wijk();
    this.#sending += 1;
    try {
      return await query();
    } finally {
      this.#sending -= 1;
      this.touch();
      if (this.#sending === 0) for (const wake of this.#idle.splice(0)) wake();
    }
  }

  /** The engine worked for the page just now (e.g. a load finished). */
  touch(): void {
    this.#lastBusy = performance.now();
  }

  #none(): Promise<void> {
    return this.#sending === 0 ? Promise.resolve() : new Promise<void>((r) => this.#idle.push(r));
  }

  /**
   * Resolves once no page query has been in flight for `ms` (a view's queries come back to back,
   * a few milliseconds apart), or when `stop()` says to give up.
   */
  async quiet(ms: number, stop: () => boolean = () => false): Promise<void> {
    for (;;) {
      if (stop()) return;
      await this.#none();
      const rest = ms - (performance.now() - this.#lastBusy);
      if (this.#sending === 0 && rest <= 0) return;
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
  }

  /**
   * Background work that gives way to the page: when a page query starts while `werk` runs,
   * `afbreken` is called (interrupt it in the engine) and the answer is false — run it again once
   * the page is quiet. A single-threaded worker would otherwise split its time between the two.
   */
  async wijkend(werk: () => Promise<void>, afbreken: () => void): Promise<boolean> {
    let klaar = false;
    let geweken = false;
    const wijk = () => {
      if (klaar) return;
      geweken = true;
      afbreken();
    };
    this.#wijk.add(wijk);
    try {
      await werk();
    } catch (e) {
      if (!geweken) throw e;
    } finally {
      klaar = true;
      this.#wijk.delete(wijk);
    }
    return !geweken;
  }

  /** Run `task` while no page query is in flight, holding new ones until it is done. */
  async exclusive<T>(task: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    let release!: () => void;
    this.#exclusive = new Promise<void>((r) => (release = r));
    try {
      await this.#none();
      return await task();
    } finally {
      this.#exclusive = null;
      release();
    }
  }
}

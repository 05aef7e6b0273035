import {
  SCHEMAS,
  parseHash,
  serialiseRoute,
  standaardFilters,
  type Filters,
  type PaginaId,
  type Route,
} from './url.ts';

/**
 * The app's route as Svelte 5 state, kept in step with the URL hash. Pages read their filters
 * with `router.filters('duurzaamheid')` and change them with `router.zet(...)`; each change is a
 * new history entry, so back/forward walk through views and a copied link reopens the view.
 */

/** Where the hash lives; the browser in the app, a fake in tests. */
export interface HashOmgeving {
  lees(): string;
  /** New history entry (fires the change listener, like assigning location.hash). */
  duw(hash: string): void;
  /** Replace the current entry without a new one and without notifying. */
  vervang(hash: string): void;
  luister(cb: () => void): () => void;
  /** Scroll to and focus the element with this id; false when there is none. */
  anker?(id: string): boolean;
}

export const browserOmgeving = (): HashOmgeving => ({
  lees: () => window.location.hash,
  duw: (hash) => {
    window.location.hash = hash;
  },
  vervang: (hash) => {
    window.history.replaceState(window.history.state, '', hash);
  },
  luister: (cb) => {
    window.addEventListener('hashchange', cb);
    return () => window.removeEventListener('hashchange', cb);
  },
  anker: (id) => {
    const el = document.getElementById(decodeURIComponent(id));
    if (!el) return false;
    if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
    el.scrollIntoView();
    el.focus();
    return true;
  },
});

export class Router {
  pagina = $state<PaginaId>('overzicht');
  /** Filters of the current page (plain values; replace, don't mutate). */
  huidige = $state<Record<string, unknown>>({});
  /** Messages about the link that was just opened (unknown page, impossible values). */
  meldingen = $state<string[]>([]);
  /** Last link seen per page, so the navigation returns to the filters a user had there. */
  laatste = $state<Partial<Record<PaginaId, string>>>({});
  /** Counts route changes; lets the shell move focus after navigation but not on first load. */
  wissels = $state(0);

  #omgeving: HashOmgeving | null = null;

  /** Read the current hash and follow changes; returns a function that stops listening. */
  start(omgeving: HashOmgeving = browserOmgeving()): () => void {
    this.#omgeving = omgeving;
    this.#lees(true);
    const stop = omgeving.luister(() => this.#lees(false));
    return () => {
      stop();
      this.#omgeving = null;
    };
  }

  #lees(eerste: boolean): void {
    const omg = this.#omgeving!;
    const hash = omg.lees();
    // An in-page link (#bron-3, not #/…) jumps to its element and keeps the current view.
    if (!eerste && /^#[^/]/.test(hash) && omg.anker?.(hash.slice(1))) {
      const terug = this.laatste[this.pagina];
      if (terug) omg.vervang(terug);
      return;
    }
    const { route, meldingen, canoniek } = parseHash(hash);
    // Show the effective view in the address bar; the messages say what was replaced.
    if (canoniek !== hash && !(hash === '' && canoniek === '#/')) omg.vervang(canoniek);
    const veranderd = route.pagina !== this.pagina;
    this.pagina = route.pagina;
    this.huidige = route.filters as Record<string, unknown>;
    this.meldingen = meldingen;
    this.laatste = { ...this.laatste, [route.pagina]: canoniek };
    if (veranderd && !eerste) this.wissels += 1;
  }

  get route(): Route {
    return { pagina: this.pagina, filters: this.huidige } as Route;
  }

  /** Filters of page `p`: the current ones when p is shown, else its defaults. */
  filters<P extends PaginaId>(p: P): Filters<P> {
    return (this.pagina === p ? this.huidige : standaardFilters(p)) as Filters<P>;
  }

  /** Change filters of the current page `p` (new history entry unless `vervang`). */
  zet<P extends PaginaId>(p: P, wijziging: Partial<Filters<P>>, opties: { vervang?: boolean } = {}): void {
    const filters = { ...this.filters(p), ...wijziging } as Filters<P>;
    this.ga({ pagina: p, filters }, opties);
  }

  /** Go to a route. */
  ga(route: Route, opties: { vervang?: boolean } = {}): void {
    const hash = serialiseRoute(route);
    const omg = this.#omgeving;
    if (!omg) return;
    if (omg.lees() === hash) return;
    if (opties.vervang) {
      omg.vervang(hash);
      this.#lees(false);
    } else omg.duw(hash);
  }

  /** Navigation link for a page: the filters last used there, else its defaults. */
  navHref(p: PaginaId): string {
    return this.laatste[p] ?? serialiseRoute({ pagina: p, filters: standaardFilters(p) } as Route);
  }

  /** Forget the link messages (the user closed them). */
  sluitMeldingen(): void {
    this.meldingen = [];
  }
}

export const router = new Router();

/**
 * The filters of page `p` as an object with a property per parameter: reading gives the current
 * value (reactive), assigning writes the URL (a new history entry). Works with `bind:value`:
 *   const f = paginaFilters('duurzaamheid');  <select bind:value={f.horizon}>…
 */
export function paginaFilters<P extends PaginaId>(p: P, r: Router = router): Filters<P> {
  const obj = {} as Filters<P>;
  for (const key of Object.keys(SCHEMAS[p])) {
    Object.defineProperty(obj, key, {
      enumerable: true,
      get: () => (r.filters(p) as Record<string, unknown>)[key],
      set: (v: unknown) => r.zet(p, { [key]: v } as Partial<Filters<P>>),
    });
  }
  return obj;
}

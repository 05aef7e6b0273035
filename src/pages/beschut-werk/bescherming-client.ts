/**
 * The page's side of the comparison's disclosure control in a worker (bescherming.worker.ts):
 * beschermGebieden takes seconds a period, which would freeze the tab on the main thread.
 * One question open at a time: a new one supersedes the open one (its promise rejects with
 * SupersededError) and an answer to an older question is dropped. A failure becomes Dutch text.
 */
import type { Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import type { GemeenteRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { KaartCel } from '../../lib/metrics/beschut-voorberekend.ts';
import { QueryError, SupersededError } from '../../lib/query/errors.ts';
import type { MaandRij } from '../../lib/metrics/beschut.ts';
import type { Verborgen } from './gebieden.ts';
import type { Bereik, Besluit } from './queries.ts';

/**
 * To the worker: the comparison's units (plain data) and the last month of the period; or, read
 * from a voorberekende map, the gemeenten's rows with the map's cells (their empty counts get
 * stand-ins there, invulling.ts).
 */
export type BeschermingVraag = { id: number } & Vraag;
type Vraag = { tot: string } & ({ g: Gebieden; land?: LandMaanden } | { kaart: { rijen: readonly GemeenteRij[]; cellen: readonly KaartCel[] } });

/**
 * Nederland's months of the year and the months the loaded adviezen cover: with them the worker
 * also decides Nederland's year table (queries.ts jaarBesluit, after the comparison it needs).
 */
export interface LandMaanden {
  rijen: readonly MaandRij[];
  bereik: Bereik;
}

/** A decision as plain lists (a Set's extra properties do not survive postMessage). */
interface BesluitLijst {
  verborgen: string[];
  geheim: string[];
}

/** From the worker: the ids of the hidden cells (and from a map the rows with stand-ins; with Nederland's months its year table), or why it failed. */
export type BeschermingAntwoord =
  | { id: number; adviezen: string[]; geheim?: string[]; plekken: string[]; rijen?: GemeenteRij[]; land?: BesluitLijst }
  | { id: number; fout: string };

/** A decision as the worker sends it. */
export function alsLijst(b: Besluit): BesluitLijst {
  return { verborgen: [...b], geheim: [...(b.geheim ?? [])] };
}

function alsBesluit(l: BesluitLijst): Besluit {
  return Object.assign(new Set(l.verborgen), l.geheim.length ? { geheim: new Set(l.geheim) } : {});
}

/** A map's comparison: the gemeenten with stand-ins for the empty counts, and what the map hides. */
export interface Ingevuld {
  rijen: GemeenteRij[];
  verborgen: Verborgen;
}

/** The comparison's hidden cells, with Nederland's year table when its months were given. */
export type MetLand = Verborgen & { land?: Besluit };

/** What the client uses of a Worker (a hand-built one in the tests). */
export interface Werker {
  postMessage(vraag: BeschermingVraag): void;
  onmessage: ((ev: MessageEvent<BeschermingAntwoord>) => void) | null;
  onmessageerror: ((ev: MessageEvent) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

const MISLUKT = 'De afscherming van kleine aantallen in de vergelijking kon niet worden berekend';

interface Open {
  id: number;
  resolve: (v: Ingevuld | MetLand) => void;
  reject: (e: Error) => void;
}

export class BeschermingClient {
  #id = 0;
  #open: Open | null = null;
  /** Set when the worker itself failed (it could not start): every later question fails too. */
  #kapot: string | null = null;

  constructor(private readonly werker: Werker) {
    werker.onmessage = (ev) => this.#antwoord(ev.data);
    werker.onmessageerror = () => this.#faal(`${MISLUKT}: het antwoord was onleesbaar.`);
    werker.onerror = (ev) => {
      ev.preventDefault?.();
      this.#kapot = `${MISLUKT}: de rekenhulp in de browser stopte${ev.message ? ` (${ev.message})` : ''}.`;
      this.#faal(this.#kapot);
    };
  }

  /** The cells to hide in the comparison `g` of a period ending in `tot` (and with `land`, in Nederland's year table). */
  bereken(g: Gebieden, tot: string, land?: LandMaanden): Promise<MetLand> {
    return this.#vraag({ tot, g, ...(land ? { land } : {}) }) as Promise<MetLand>;
  }

  /** A map's comparison of the year ending in `tot`: stand-ins for its empty counts, and the cells it hides. */
  vulIn(rijen: readonly GemeenteRij[], cellen: readonly KaartCel[], tot: string): Promise<Ingevuld> {
    return this.#vraag({ tot, kaart: { rijen, cellen } }) as Promise<Ingevuld>;
  }

  #vraag(vraag: Vraag): Promise<Ingevuld | MetLand> {
    this.#open?.reject(new SupersededError());
    this.#open = null;
    if (this.#kapot) return Promise.reject(new QueryError(this.#kapot));
    const id = ++this.#id;
    return new Promise<Ingevuld | MetLand>((resolve, reject) => {
      this.#open = { id, resolve, reject };
      try {
        this.werker.postMessage({ id, ...vraag });
      } catch (e) {
        this.#faal(`${MISLUKT}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }

  /** The open question is no longer wanted (the page asks nothing now). */
  vergeet(): void {
    this.#open?.reject(new SupersededError());
    this.#open = null;
  }

  /** Stop the worker (the page is left). */
  sluit(): void {
    this.vergeet();
    this.#kapot = `${MISLUKT}: de rekenhulp is gestopt.`;
    this.werker.terminate();
  }

  #antwoord(a: BeschermingAntwoord): void {
    const open = this.#open;
    // An older question's answer (a newer one was asked since): dropped.
    if (!open || a.id !== open.id) return;
    this.#open = null;
    if ('fout' in a) {
      open.reject(new QueryError(`${MISLUKT}: ${a.fout}`));
      return;
    }
    // A Set's extra property does not survive postMessage: the reasons withheld come as a list.
    const adviezen = Object.assign(new Set(a.adviezen), a.geheim?.length ? { geheim: new Set(a.geheim) } : {});
    const verborgen = { adviezen, plekken: new Set(a.plekken) };
    open.resolve(a.rijen ? { rijen: a.rijen, verborgen } : a.land ? { ...verborgen, land: alsBesluit(a.land) } : verborgen);
  }

  #faal(tekst: string): void {
    const open = this.#open;
    this.#open = null;
    open?.reject(new QueryError(tekst));
  }
}

/**
 * What a view shows together, declared as a table of person counts and the relations a reader
 * knows between them. One declaration covers the chart, the table twin, the sentences and the
 * export of a view: a count that appears in several of them is ONE cell with one id, so it is
 * shown or hidden everywhere at once.
 *
 * - A cell is a count of persons (the true number). `getoond: false` = the view never prints this
 *   count (it is only the base of a share, or a part of a total), but it still exists for the
 *   reader: it can be worked out from what is shown, so it is checked like any other.
 * - A share (aandeel) is teller/noemer shown as a percentage with `decimalen` decimals.
 * - A derived value (afgeleid: a mean, a duration) is shown only when all its base counts are.
 * - Relations: a som (parts add up to a total, whether the total is printed or not), a nesting
 *   (steeds werkzaam ≤ werkzaam), a verdeling (shares that are the parts of 100%).
 */
export type CelId = string;

/** Why a cell is hidden: fewer than 10 persons, or to protect a small group elsewhere. */
export type Reden = 'klein' | 'bescherming';
/** What a reader is told: the reason, or 'geheim' where saying it would narrow a cell (verzwijgen.ts). */
export type ToonReden = Reden | 'geheim';

export interface Cel {
  readonly id: CelId;
  /** Persons: a whole number ≥ 0. */
  readonly aantal: number;
  /** Whether the view prints this count (default true). */
  readonly getoond?: boolean;
  /** Weight in the information loss of hiding this cell (default 1; more for a headline figure). */
  readonly gewicht?: number;
  /**
   * The same count in another table of the page, already decided there: hidden for this reason
   * (stays hidden here, whatever this table needs) …
   */
  readonly verborgen?: Reden;
  /** … or printed there (never hidden here: another cell is chosen instead). */
  readonly vast?: boolean;
}

export interface Aandeel {
  readonly id: string;
  readonly teller: CelId;
  readonly noemer: CelId;
  /** Decimals of the number shown: 1 gives 33,3%. */
  readonly decimalen: number;
  /** 100 for a percentage (default), 1000 for per mille. */
  readonly schaal?: number;
}

export interface Afgeleid {
  readonly id: string;
  /** The counts it is computed over. */
  readonly basis: readonly CelId[];
}

export interface Som {
  readonly totaal: CelId;
  readonly delen: readonly CelId[];
}

export interface Nesting {
  readonly deel: CelId;
  readonly geheel: CelId;
}

export interface Weergave {
  readonly cellen: readonly Cel[];
  readonly aandelen?: readonly Aandeel[];
  readonly afgeleid?: readonly Afgeleid[];
  readonly sommen?: readonly Som[];
  readonly nestingen?: readonly Nesting[];
  /** Ids of shares that are the parts of 100% (same noemer, tellers add up to it). */
  readonly verdelingen?: readonly (readonly string[])[];
}

/** The id the builder gives the share teller/noemer. */
export function aandeelId(teller: CelId, noemer: CelId): string {
  return `${teller}/${noemer}`;
}

/**
 * Builds a Weergave step by step; `weergave()` checks it. Example (one row of the outcome table):
 *
 *   new WeergaveBouwer()
 *     .cel('wajong', 30)
 *     .verdeling('wajong', [['wajong.werkzaam', 30], ['wajong.verloren', 0], ['wajong.uit', 0]], 1)
 *     .weergave();
 */
export class WeergaveBouwer {
  private readonly cellen: Cel[] = [];
  private readonly aandelen: Aandeel[] = [];
  private readonly afgeleiden: Afgeleid[] = [];
  private readonly sommen: Som[] = [];
  private readonly nestingen: Nesting[] = [];
  private readonly verdelingen: string[][] = [];

  cel(id: CelId, aantal: number, opties: { getoond?: boolean; gewicht?: number; verborgen?: Reden; vast?: boolean } = {}): this {
    this.cellen.push({ id, aantal, ...opties });
    return this;
  }

  aandeel(teller: CelId, noemer: CelId, decimalen = 1, opties: { id?: string; schaal?: number } = {}): this {
    const { id = aandeelId(teller, noemer), schaal } = opties;
    this.aandelen.push({ id, teller, noemer, decimalen, ...(schaal ? { schaal } : {}) });
    return this;
  }

  afgeleid(id: string, basis: readonly CelId[]): this {
    this.afgeleiden.push({ id, basis });
    return this;
  }

  som(totaal: CelId, delen: readonly CelId[]): this {
    this.sommen.push({ totaal, delen });
    return this;
  }

  nesting(deel: CelId, geheel: CelId): this {
    this.nestingen.push({ deel, geheel });
    return this;
  }

  /**
   * Parts of a total, with their shares of it that add up to 100% (and the sum). A part is the
   * id of a cell declared before, or [id, persons] to declare it here (with `opties`). The total
   * must be declared as a cell already.
   */
  verdeling(totaal: CelId, delen: readonly (CelId | readonly [CelId, number])[], decimalen = 1, opties: { getoond?: boolean } = {}): this {
    const ids = delen.map((d) => (typeof d === 'string' ? d : d[0]));
    for (const d of delen) if (typeof d !== 'string') this.cel(d[0], d[1], opties);
    this.som(totaal, ids);
    for (const id of ids) this.aandeel(id, totaal, decimalen);
    this.verdelingen.push(ids.map((id) => aandeelId(id, totaal)));
    return this;
  }

  weergave(): Weergave {
    const w: Weergave = {
      cellen: [...this.cellen],
      aandelen: [...this.aandelen],
      afgeleid: [...this.afgeleiden],
      sommen: [...this.sommen],
      nestingen: [...this.nestingen],
      verdelingen: this.verdelingen.map((v) => [...v]),
    };
    controleer(w);
    return w;
  }
}

/**
 * Throws (in English: a programming error, never shown to users) when the declaration cannot be
 * right: duplicate or unknown ids, counts that are not whole numbers ≥ 0, relations that the
 * counts themselves break.
 */
export function controleer(w: Weergave): void {
  const cel = new Map<CelId, Cel>();
  const ids = new Set<string>();
  const uniek = (id: string) => {
    if (ids.has(id)) throw new Error(`disclosure: id "${id}" declared twice`);
    ids.add(id);
  };
  for (const c of w.cellen) {
    uniek(c.id);
    if (!Number.isSafeInteger(c.aantal) || c.aantal < 0) throw new Error(`disclosure: cell "${c.id}" is not a whole number ≥ 0: ${c.aantal}`);
    if (c.gewicht !== undefined && !(c.gewicht > 0)) throw new Error(`disclosure: cell "${c.id}" has weight ${c.gewicht}`);
    if (c.vast && c.verborgen) throw new Error(`disclosure: cell "${c.id}" is both printed and hidden elsewhere`);
    cel.set(c.id, c);
  }
  const n = (id: CelId): number => {
    const c = cel.get(id);
    if (!c) throw new Error(`disclosure: unknown cell "${id}"`);
    return c.aantal;
  };
  const aandeel = new Map<string, Aandeel>();
  for (const a of w.aandelen ?? []) {
    uniek(a.id);
    n(a.teller);
    n(a.noemer);
    if (!Number.isInteger(a.decimalen) || a.decimalen < 0 || a.decimalen > 4) throw new Error(`disclosure: share "${a.id}" has ${a.decimalen} decimals`);
    aandeel.set(a.id, a);
  }
  for (const a of w.afgeleid ?? []) {
    uniek(a.id);
    a.basis.forEach(n);
  }
  for (const s of w.sommen ?? []) {
    const som = s.delen.reduce((t, d) => t + n(d), 0);
    if (som !== n(s.totaal)) throw new Error(`disclosure: parts of "${s.totaal}" add up to ${som}, not ${n(s.totaal)}`);
  }
  for (const s of w.nestingen ?? []) {
    if (n(s.deel) > n(s.geheel)) throw new Error(`disclosure: "${s.deel}" (${n(s.deel)}) exceeds "${s.geheel}" (${n(s.geheel)})`);
  }
  for (const v of w.verdelingen ?? []) {
    const delen = v.map((id) => {
      const a = aandeel.get(id);
      if (!a) throw new Error(`disclosure: unknown share "${id}" in a verdeling`);
      return a;
    });
    if (delen.length === 0) throw new Error('disclosure: empty verdeling');
    const { noemer, decimalen, schaal = 100 } = delen[0];
    if (delen.some((a) => a.noemer !== noemer || a.decimalen !== decimalen || (a.schaal ?? 100) !== schaal)) {
      throw new Error(`disclosure: the shares of a verdeling of "${noemer}" differ in noemer, decimals or scale`);
    }
    const som = delen.reduce((t, a) => t + n(a.teller), 0);
    if (som !== n(noemer)) throw new Error(`disclosure: the parts of verdeling "${noemer}" add up to ${som}, not ${n(noemer)}`);
  }
}

/** Every sum a reader knows: the declared ones and those of the parts of 100%, each once. */
export function alleSommen(w: Weergave): Som[] {
  const aandeel = new Map((w.aandelen ?? []).map((a) => [a.id, a]));
  const uit = new Map<string, Som>();
  const voegToe = (s: Som) => uit.set(`${s.totaal}=${[...s.delen].sort().join('+')}`, s);
  (w.sommen ?? []).forEach(voegToe);
  for (const v of w.verdelingen ?? []) voegToe({ totaal: aandeel.get(v[0])!.noemer, delen: v.map((id) => aandeel.get(id)!.teller) });
  return [...uit.values()];
}

/**
 * How the Beschut werk page declares its counts to the disclosure module (lib/disclosure): per
 * unit (a month, a sum of months, a gemeente, a region, Nederland) and aanvrager (gemeente,
 * burger, totaal) the beoordelingen (b) and positive adviezen (p) it prints, and the negative
 * ones (n = b − p) it does not print but a reader works out; with what a reader knows between
 * them: b = p + n, gemeente + burger = totaal, and sums of units (months to a period, gemeenten
 * to their region). Page cell ids are `soort|unit|aanvrager` (cel()).
 *
 * A burger count before 2017 without beoordelingen is no secret (burgers could ask for an advies
 * only from 2017): it is not a cell, and the unit's gemeente counts ARE its totals (one cell).
 * Units with the same counts by definition (a period of one month and that month) are one cell
 * too (`gelijk`), so the page can never show one and hide the other.
 */
import { beveilig, type Beveiligd } from '../../lib/disclosure/beveilig.ts';
import type { Blokken } from '../../lib/disclosure/kubus.ts';
import { WeergaveBouwer, type Reden, type Weergave } from '../../lib/disclosure/tabel.ts';
import { DREMPEL } from '../../lib/format/disclosure.ts';
import type { DimensieSom } from '../../lib/disclosure/vectoren.ts';
import type { AanvragerKeuze } from '../../lib/metrics/beschut-afleiden.ts';
import type { GemeenteMaandRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { MaandRij } from '../../lib/metrics/beschut.ts';

export const AANVRAGERS: readonly AanvragerKeuze[] = ['gemeente', 'burger', 'totaal'];
export const SOORTEN = ['b', 'p', 'n'] as const;
export type Soort = (typeof SOORTEN)[number];

/** Cell id: soort (b beoordelingen, p positief, n negatief) | unit (month, sum, gemeente, …) | aanvrager. */
export const cel = (soort: Soort, eenheid: string, aanvrager: AanvragerKeuze) => `${soort}|${eenheid}|${aanvrager}`;

/** Hidden page cells with their reason ('klein': under 10; 'bescherming': to protect a small group elsewhere). */
export type Verborgen = ReadonlyMap<string, Reden>;

/**
 * A count decided in another table of the page: hidden there (with its reason, or 'verborgen':
 * the reason its size gives) or printed there.
 */
export type Elders = (id: string) => Reden | 'verborgen' | 'getoond' | undefined;

export interface Tel {
  b: number;
  p: number;
}

export interface EenheidOpties {
  /** Burgers could not ask yet and none did: their counts are known zeros. */
  burgerNul?: boolean;
  /** Weight of the unit's cells in the information loss (Nederland: more). */
  gewicht?: number;
  /** Weight of the unit's totaal cells (both aanvragers): a monthly total is hidden last. */
  gewichtTotaal?: number;
  /** Whether the page prints the unit's counts (default true), or which of them. */
  getoond?: boolean | readonly Soort[];
  /**
   * The unit whose burger counts these are by definition (a period from November 2016 and the
   * year to date 2017 hold the same burger requests: none could ask before 2017).
   */
  burgerAls?: string;
}

const reden = (n: number): Reden => (n < DREMPEL ? 'klein' : 'bescherming');

export class AdviesTabel {
  private readonly w = new WeergaveBouwer();
  /** Page id → cell id (null: a known zero, not a cell). */
  private readonly naar = new Map<string, string | null>();
  /** Unit → the unit it equals by definition (gelijk). */
  private readonly zelfde = new Map<string, string>();
  /** The sums of units (each for every soort and aanvrager), as the product's third dimension. */
  private readonly eenheidSommen: DimensieSom[] = [];

  constructor(private readonly elders: Elders = () => undefined) {}

  /** The cell behind a page id (null: a known zero). */
  id(pagina: string): string | null {
    const id = this.naar.get(pagina);
    if (id === undefined) throw new Error(`Beschut werk: cel ${pagina} is niet gedeclareerd.`);
    return id;
  }

  /** One unit's cells and its own sums (b = p + n, gemeente + burger = totaal). */
  eenheid(e: string, tel: (a: AanvragerKeuze) => Tel, opties: EenheidOpties = {}): this {
    const { burgerNul = false, gewicht, gewichtTotaal, getoond = true, burgerAls } = opties;
    for (const a of AANVRAGERS) {
      if (burgerNul && a !== 'totaal') continue;
      if (burgerAls && a === 'burger') {
        for (const s of SOORTEN) this.naar.set(cel(s, e, a), this.id(cel(s, burgerAls, a)));
        continue;
      }
      const t = tel(a);
      const waarden: Record<Soort, number> = { b: t.b, p: t.p, n: t.b - t.p };
      for (const s of SOORTEN) {
        const id = cel(s, e, a);
        const elders = this.elders(id);
        const zichtbaar = (getoond === true || (Array.isArray(getoond) && getoond.includes(s))) && s !== 'n';
        this.w.cel(id, waarden[s], {
          getoond: zichtbaar,
          ...(gewicht || (gewichtTotaal && a === 'totaal') ? { gewicht: (gewicht ?? 1) * (a === 'totaal' ? (gewichtTotaal ?? 1) : 1) } : {}),
          ...(elders === 'getoond' ? (zichtbaar ? { vast: true } : {}) : elders ? { verborgen: elders === 'verborgen' ? reden(waarden[s]) : elders } : {}),
        });
        this.naar.set(id, id);
      }
      this.w.som(cel('b', e, a), [cel('p', e, a), cel('n', e, a)]);
    }
    for (const s of SOORTEN) {
      if (burgerNul) {
        this.naar.set(cel(s, e, 'gemeente'), cel(s, e, 'totaal'));
        this.naar.set(cel(s, e, 'burger'), null);
      } else this.w.som(cel(s, e, 'totaal'), [cel(s, e, 'gemeente'), this.id(cel(s, e, 'burger'))!]);
    }
    return this;
  }

  /** Unit `e` has the counts of unit `zelfde` by definition: the same cells. */
  gelijk(e: string, zelfde: string): this {
    this.zelfde.set(e, this.zelfde.get(zelfde) ?? zelfde);
    for (const s of SOORTEN) for (const a of AANVRAGERS) this.naar.set(cel(s, e, a), this.id(cel(s, zelfde, a)));
    return this;
  }

  /** Unit `totaal` = Σ units `delen`, for every soort and aanvrager. */
  som(totaal: string, delen: readonly string[]): this {
    const unit = (e: string) => this.zelfde.get(e) ?? e;
    const d = [...new Set(delen.map(unit))];
    if (!d.includes(unit(totaal))) this.eenheidSommen.push({ totaal: unit(totaal), delen: d });
    for (const s of SOORTEN) {
      for (const a of AANVRAGERS) {
        const t = this.id(cel(s, totaal, a));
        if (t === null) continue;
        const d = delen.map((x) => this.id(cel(s, x, a))).filter((x): x is string => x !== null);
        if (d.length === 0 || d.includes(t)) continue;
        this.w.som(t, [...new Set(d)]);
      }
    }
    return this;
  }

  /** The declaration itself (for an audit of what a page or an export shows). */
  weergave(): Weergave {
    return this.w.weergave();
  }

  /**
   * The table as a product: per unit a block soort × aanvrager (b = p + n, totaal = gemeente +
   * burger), and the sums of units; hypercubes over at most `steun` units.
   */
  blokken(steun = 4): Blokken {
    return {
      leden: SOORTEN.flatMap((s) => AANVRAGERS.map((a) => `${s}|${a}`)),
      sommen: [
        ...AANVRAGERS.map((a) => ({ totaal: `b|${a}`, delen: [`p|${a}`, `n|${a}`] })),
        ...SOORTEN.map((s) => ({ totaal: `${s}|totaal`, delen: [`${s}|gemeente`, `${s}|burger`] })),
      ],
      eenheidSommen: this.eenheidSommen,
      steun,
      cel: (lid, e) => this.naar.get(`${lid.slice(0, 2)}${e}${lid.slice(1)}`),
      plaats: (id) => {
        const [s, e, a] = id.split('|');
        return { lid: `${s}|${a}`, eenheid: e };
      },
    };
  }

  /** beveilig() over the table (by hypercubes; `ruil`: rule 3's exchange of large cells); the hidden page cells (aliases included). */
  bescherm(ruil = false): { b: Beveiligd; verborgen: Map<string, Reden> } {
    const b = beveilig(this.w.weergave(), { blokken: this.blokken(), ruil });
    return { b, verborgen: this.pagina(b.onderdrukt) };
  }

  /** The hidden page cells (aliases included) of a suppression of this table's cells. */
  pagina(onderdrukt: ReadonlyMap<string, Reden>): Map<string, Reden> {
    const verborgen = new Map<string, Reden>();
    for (const [pagina, id] of this.naar) {
      const r = id === null ? undefined : onderdrukt.get(id);
      if (r) verborgen.set(pagina, r);
    }
    return verborgen;
  }
}

/** Page cells of one unit renamed (the period of a unit in its months table ↔ the unit in the comparison). */
export function hernoem(v: Verborgen, van: string, naar: string): Map<string, Reden> {
  const uit = new Map<string, Reden>();
  for (const s of SOORTEN) {
    for (const a of AANVRAGERS) {
      const r = v.get(cel(s, van, a));
      if (r) uit.set(cel(s, naar, a), r);
    }
  }
  return uit;
}

/** A named sum of months van…tot (the period, the year to date, a published period). */
export interface MaandSom {
  id: string;
  van: string;
  tot: string;
}

/** Beoordelingen (b) and positive adviezen (p) of one aanvrager over the months `ms`. */
export function telMaanden(rijen: readonly MaandRij[]): (ms: readonly string[]) => (a: AanvragerKeuze) => { b: number; p: number } {
  return (ms) => (a) => {
    let b = 0;
    let p = 0;
    for (const r of rijen) {
      if (r.aanvrager !== a || !ms.includes(r.maand)) continue;
      b += r.beoordelingen;
      p += r.positief;
    }
    return { b, p };
  };
}

/** Beoordelingen (b) and positive adviezen (p) of one aanvrager ('totaal': both) over gemeenten `gs` and months `ms`. */
export function telGemeenteMaanden(rijen: readonly GemeenteMaandRij[]): (gs: readonly string[]) => (ms: readonly string[]) => (a: AanvragerKeuze) => { b: number; p: number } {
  const telling = new Map(rijen.map((r) => [`${r.gemeente}@${r.maand}|${r.aanvrager}`, r]));
  return (gs) => (ms) => (a) => {
    let b = 0;
    let p = 0;
    for (const g of gs) {
      for (const m of ms) {
        for (const x of a === 'totaal' ? (['gemeente', 'burger'] as const) : [a]) {
          const r = telling.get(`${g}@${m}|${x}`);
          b += r?.beoordelingen ?? 0;
          p += r?.positief ?? 0;
        }
      }
    }
    return { b, p };
  };
}

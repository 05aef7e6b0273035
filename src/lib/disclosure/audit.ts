/**
 * The attacker. For every hidden cell (and every cell under 10 persons, hidden or not) it works
 * out the smallest and largest number of persons the cell can hold given everything the view
 * shows: printed counts, totals, shares with their rounding, sums, nestings, the marks ("<10":
 * fewer than 10; hidden to protect another: at least 10), whole numbers ≥ 0 (kennis.ts, solved
 * by lp.ts).
 *
 * Protected: at least DREMPEL whole values remain possible (max − min ≥ DREMPEL − 1); for a cell
 * marked "<10" that means anything from 0 to 9, no more than the mark says. Or, where the marks
 * alone already say more (a hidden total of at least 10 made of two groups under 10 tells that
 * each holds at least 1 person), the numbers shown narrow it no further than the marks do.
 * It also reports every small group a view prints outright.
 */
import { DREMPEL } from '../format/disclosure.ts';
import { aandeelGetoond, aantalGetoond, kennis, type Onderdrukking, type RedenBekend } from './kennis.ts';
import { Oplosser } from './lp.ts';
import type { Cel, CelId, Reden, Weergave } from './tabel.ts';

export interface CelInterval {
  readonly id: CelId;
  /** The true count (for reports and tests; never for display). */
  readonly waarde: number;
  readonly reden: Reden | null;
  readonly min: number;
  readonly max: number;
  /** Where min/max is narrower than DREMPEL values: what the marks alone say (the baseline). */
  readonly markeringen?: { readonly min: number; readonly max: number };
  readonly beschermd: boolean;
  /** false when the solver gave a bound it could not prove (counted as unprotected if narrow). */
  readonly exact: boolean;
}

export interface AuditUitkomst {
  /** Every hidden or small cell with its interval. */
  readonly cellen: readonly CelInterval[];
  /** The cells a reader can narrow too far. */
  readonly lekken: readonly CelInterval[];
  /** Ids of counts, shares or derived values shown although they are about a small group. */
  readonly kleinGetoond: readonly string[];
}

export interface AuditOpties {
  /** The reader knows why each hidden cell is hidden (default true, as the sentences say it). */
  readonly redenBekend?: RedenBekend;
  readonly drempel?: number;
  /**
   * Only whether each cell is protected: a cell that already takes DREMPEL values in the tables
   * the solver found is not solved for (its min/max are then those values, `exact` false).
   */
  readonly snel?: boolean;
}

/** Unknowns linked to a cell above which its bounds are first sought near it (lp.ts binnen). */
const GROOT = 60;

/** Judges cells one by one under one suppression (the knowledge is built once). */
export function beoordelaar(w: Weergave, onderdrukt: Onderdrukking, opties: AuditOpties = {}): (c: Cel) => CelInterval | null {
  const drempel = opties.drempel ?? DREMPEL;
  const waar = new Map(w.cellen.map((c) => [c.id, c.aantal]));
  const k = kennis(w, onderdrukt, opties);
  const oplosser = new Oplosser(k.rijen, waar);
  let basis: Oplosser | null = null;
  return (c) => {
    if (!onderdrukt.has(c.id) && c.aantal >= drempel) return null;
    const reden = onderdrukt.get(c.id) ?? null;
    if (k.bekend.has(c.id)) return { id: c.id, waarde: c.aantal, reden, min: c.aantal, max: c.aantal, beschermd: false, exact: true };
    if (opties.snel) {
      const s = oplosser.spreiding(c.id);
      if (s.max - s.min >= drempel - 1) return { id: c.id, waarde: c.aantal, reden, ...s, beschermd: true, exact: false };
    }
    // A cell linked to many others: first the tables already found, then those that differ only
    // near it (small problems). Tables prove that the cell can move; only when they do not, the
    // whole is solved.
    if (oplosser.omvang(c.id, GROOT + 1) > GROOT) {
      const s = oplosser.spreiding(c.id);
      if (s.max - s.min >= drempel - 1) return { id: c.id, waarde: c.aantal, reden, ...s, beschermd: true, exact: false };
      let l: { min: number; max: number } | null = null;
      for (const diepte of [2, 4]) {
        l = oplosser.binnen(c.id, diepte);
        if (l && l.max - l.min >= drempel - 1) return { id: c.id, waarde: c.aantal, reden, ...l, beschermd: true, exact: false };
      }
      // While suppressing, an unproven cell counts as narrow: hiding more is safe, the final audit is exact.
      if (opties.snel) return { id: c.id, waarde: c.aantal, reden, ...(l ?? { min: c.aantal, max: c.aantal }), beschermd: false, exact: false };
    }
    const g = oplosser.grenzen(c.id);
    if (g.max - g.min >= drempel - 1) return { id: c.id, waarde: c.aantal, reden, ...g, beschermd: true };
    basis ??= new Oplosser(kennis(w, onderdrukt, { ...opties, alleenMarkeringen: true }).rijen, waar);
    const m = basis.grenzen(c.id);
    const beschermd = g.exact && m.exact && g.min === m.min && g.max === m.max;
    return { id: c.id, waarde: c.aantal, reden, ...g, markeringen: { min: m.min, max: m.max }, beschermd };
  };
}

export function audit(w: Weergave, onderdrukt: Onderdrukking, opties: AuditOpties = {}): AuditUitkomst {
  const oordeel = beoordelaar(w, onderdrukt, opties);
  const cellen = w.cellen.map(oordeel).filter((c): c is CelInterval => c !== null);
  return { cellen, lekken: cellen.filter((c) => !c.beschermd), kleinGetoond: kleinGetoond(w, onderdrukt, opties.drempel ?? DREMPEL) };
}

/** Ids of counts, shares and derived values printed although they are about a small group. */
export function kleinGetoond(w: Weergave, onderdrukt: Onderdrukking, drempel: number): string[] {
  const cel = new Map(w.cellen.map((c) => [c.id, c]));
  const klein = (id: CelId) => cel.get(id)!.aantal < drempel;
  const uit: string[] = [];
  for (const c of w.cellen) if (aantalGetoond(c, onderdrukt) && klein(c.id)) uit.push(c.id);
  for (const a of w.aandelen ?? []) if (aandeelGetoond(a, onderdrukt) && (klein(a.teller) || klein(a.noemer))) uit.push(a.id);
  for (const a of w.afgeleid ?? []) if (a.basis.every((b) => !onderdrukt.has(b)) && a.basis.some(klein)) uit.push(a.id);
  return uit;
}

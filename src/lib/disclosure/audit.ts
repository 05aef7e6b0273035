/**
 * The attacker. For every hidden cell (and every cell under 10 persons, hidden or not) it works
 * out the smallest and largest number of persons the cell can hold given everything the view
 * shows: printed counts, totals, shares with their rounding, sums, nestings, the marks, whole
 * numbers ≥ 0 (kennis.ts, solved by lp.ts).
 *
 * Protected: at least DREMPEL whole values remain possible (max − min ≥ DREMPEL − 1). For a cell
 * marked "<10" that means the reader knows no more than the mark says: anything from 0 to 9.
 * It also reports every small group a view prints outright.
 */
import { DREMPEL } from '../format/disclosure.ts';
import { aandeelGetoond, aantalGetoond, kennis, type Onderdrukking } from './kennis.ts';
import { grenzen } from './lp.ts';
import type { CelId, Reden, Weergave } from './tabel.ts';

export interface CelInterval {
  readonly id: CelId;
  /** The true count (for reports and tests; never for display). */
  readonly waarde: number;
  readonly reden: Reden | null;
  readonly min: number;
  readonly max: number;
  readonly beschermd: boolean;
  /** false when the solver gave a bound it could not prove (counted as unprotected if narrow). */
  readonly exact: boolean;
}

export interface AuditUitkomst {
  /** Every hidden or small cell with its interval. */
  readonly cellen: readonly CelInterval[];
  /** The cells a reader can pin to fewer than DREMPEL values. */
  readonly lekken: readonly CelInterval[];
  /** Ids of counts, shares or derived values shown although they are about a small group. */
  readonly kleinGetoond: readonly string[];
}

export function isBeschermd(g: { min: number; max: number }, drempel = DREMPEL): boolean {
  return g.max - g.min >= drempel - 1;
}

export interface AuditOpties {
  /** The reader knows why each hidden cell is hidden (default true, as the sentences say it). */
  readonly redenBekend?: boolean;
  readonly drempel?: number;
  /** Check only these cells (the others are not reported). */
  readonly alleen?: ReadonlySet<CelId>;
}

export function audit(w: Weergave, onderdrukt: Onderdrukking, opties: AuditOpties = {}): AuditUitkomst {
  const drempel = opties.drempel ?? DREMPEL;
  const k = kennis(w, onderdrukt, opties);
  const cellen: CelInterval[] = [];
  for (const c of w.cellen) {
    if (opties.alleen && !opties.alleen.has(c.id)) continue;
    if (!onderdrukt.has(c.id) && c.aantal >= drempel) continue;
    if (k.bekend.has(c.id)) {
      cellen.push({ id: c.id, waarde: c.aantal, reden: null, min: c.aantal, max: c.aantal, beschermd: false, exact: true });
      continue;
    }
    const g = grenzen(c.id, k.rijen, c.aantal);
    cellen.push({ id: c.id, waarde: c.aantal, reden: onderdrukt.get(c.id) ?? null, ...g, beschermd: isBeschermd(g, drempel) });
  }
  return { cellen, lekken: cellen.filter((c) => !c.beschermd), kleinGetoond: kleinGetoond(w, onderdrukt, drempel) };
}

function kleinGetoond(w: Weergave, onderdrukt: Onderdrukking, drempel: number): string[] {
  const cel = new Map(w.cellen.map((c) => [c.id, c]));
  const klein = (id: CelId) => cel.get(id)!.aantal < drempel;
  const uit: string[] = [];
  for (const c of w.cellen) if (aantalGetoond(c, onderdrukt) && klein(c.id)) uit.push(c.id);
  for (const a of w.aandelen ?? []) if (aandeelGetoond(a, onderdrukt) && (klein(a.teller) || klein(a.noemer))) uit.push(a.id);
  for (const a of w.afgeleid ?? []) if (a.basis.every((b) => !onderdrukt.has(b)) && a.basis.some(klein)) uit.push(a.id);
  return uit;
}

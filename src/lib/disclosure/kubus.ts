/**
 * Secondary suppression for tables that are products of sums: per unit (a month, a sum of
 * months, a gemeente, a region) a block of cells with sums inside it (Beschut werk: b = p + n,
 * totaal = gemeente + burger), and sums of units (months to a period, gemeenten to their region).
 * The hypercube method of τ-ARGUS (GHMITER) with the block solved exactly and a proof per cell.
 *
 * A change of the table that keeps every sum: a change B of one block (any whole numbers that
 * keep the block's sums) times a vector u over units (+1 / −1, keeping the sums of units: this
 * gemeente +1 and a neighbour −1; a month +1 and its period +1). When every cell it changes is
 * hidden (or never printed) and stays within what the reader knows of it (≥ 0; "<10": 0–9;
 * hidden "to protect": ≥ 10), the reader cannot tell the true table from the changed one, nor
 * from any table between the two (the tables the reader cannot exclude form a convex set). So
 * each change proves how far every cell it touches can move up or down: the audit of those
 * cells is a table the reader cannot exclude, not a bound a solver might get wrong. A small cell
 * is protected when it can reach 0 and 9, a larger one when it can move over DREMPEL values.
 *
 * Greedy, the smallest cells first: for a cell not yet proven, per target value, the cheapest
 * change (veranderingen.ts: over the unit vectors with the lowest cost bound, a tiny integer
 * programme each; where none will do, every cell near it on its own); the printed cells it
 * touches are hidden as 'bescherming'. Targets stop at what the marks allow (a cell marked "<10"
 * whose total is hidden "to protect" may not be able to reach 0): then protection means reaching
 * that, the exact audit's baseline, taken from the cells near it only (so never narrower). What
 * no change proves goes to the exact audit and, if it leaks there, to the linear-programming
 * heuristic (onderdrukking.ts).
 *
 * Measured on the demo data (Node, 2 cores): regions + Nederland of January–May 2017 (324 cells,
 * 176 under 10) 1,7 s, 292 hidden, the independent exact audit finds nothing; the comparison
 * with every gemeente (3.402 cells, 3.227 under 10) 12–21 s with every cell proven: too slow for
 * the page, which therefore does not use it yet (README, "Beschut werk").
 */
import { DREMPEL } from '../format/disclosure.ts';
import { audit as exacteAudit, beoordelaar, kleinGetoond, type AuditUitkomst, type CelInterval } from './audit.ts';
import type { Onderdrukking } from './kennis.ts';
import { celBasis, onderdruk, primair, type OnderdrukOpties, type OnderdrukUitkomst } from './onderdrukking.ts';
import type { Cel, CelId, Reden, Weergave } from './tabel.ts';
import { context, goedkoopste, marken, open, type Blokken, type Context } from './veranderingen.ts';
import type { Vector } from './vectoren.ts';

export type { Blokken } from './veranderingen.ts';

/**
 * How far each cell is proven to move down and up from its true value; `marken`: the values the
 * marks and the sums among the cells near it allow (where a cell cannot reach 0 and 9, or move
 * DREMPEL − 1 away).
 */
export type Bewijs = ReadonlyMap<CelId, { readonly neer: number; readonly op: number; readonly marken?: { readonly min: number; readonly max: number } }>;

export interface KubusUitkomst {
  readonly onderdrukt: Map<CelId, Reden>;
  readonly bewijs: Bewijs;
  /** Hidden cells no change proved. */
  readonly onbewezen: readonly CelId[];
  /** The changes behind the proofs (cell → how much it moves), for a layered table (lagen.ts). */
  readonly veranderingen: readonly ReadonlyMap<CelId, number>[];
}

type Reik = { neer: number; op: number; marken?: { min: number; max: number } };

/**
 * Whether a cell's proven moves protect it: a small cell reaches 0 and 9, another moves over
 * DREMPEL values; or either reaches what the marks allow (`marken`: then no number shown
 * narrows it, the exact audit's baseline; here from the cells near it only, which allows no less).
 */
function beschermd(ctx: Context, c: Cel, b: Reik | undefined): boolean {
  if (!b) return false;
  const d = ctx.drempel - 1;
  const m = b.marken ?? { min: 0, max: Infinity };
  if (c.aantal < ctx.drempel) return b.neer >= c.aantal - Math.max(0, m.min) && b.op >= Math.min(d, m.max) - c.aantal;
  return b.neer + b.op >= d || (b.neer >= c.aantal - m.min && b.op >= m.max - c.aantal);
}

/** The values a cell still has to be shown to reach: per need, alternatives (either will do). */
function doelen(ctx: Context, c: Cel, b: Reik): number[][] {
  const d = ctx.drempel - 1;
  const m = b.marken ?? { min: 0, max: Infinity };
  const x = c.aantal;
  const einden = (min: number, max: number) => [...(b.neer < x - min ? [[min]] : []), ...(b.op < max - x ? [[max]] : [])];
  if (x < ctx.drempel) return einden(Math.max(0, m.min), Math.min(d, m.max));
  if (m.max - m.min < d) return einden(m.min, m.max);
  const keuze = [x + d - b.neer, x - (d - b.op)].filter((v) => v >= m.min && v <= m.max);
  return keuze.length ? [keuze] : einden(m.min, m.max);
}

/**
 * Primary suppression, then changes of the table until every hidden cell is proven or nothing helps.
 * `elders`: hidden cells another table proves (a layered table's parent, lagen.ts), not proven here.
 */
export function kubussen(w: Weergave, bl: Blokken, opties: OnderdrukOpties & { elders?: ReadonlySet<CelId> } = {}): KubusUitkomst {
  const hier = (id: CelId) => !opties.elders?.has(id);
  const ctx = context(w, opties.drempel ?? DREMPEL, opties.redenBekend);
  const s = new Map(opties.start ?? primair(w, ctx.drempel));
  const bewijs = new Map<CelId, Reik>();
  const vectoren = new Map<string, Vector[]>();
  const veranderingen: Map<CelId, number>[] = [];
  const rij = [...s.keys()].filter(hier).sort((a, b) => ctx.cel.get(a)!.aantal - ctx.cel.get(b)!.aantal || (a < b ? -1 : 1));
  const bereik = (c: Cel, doel: number) => {
    const beste = goedkoopste(ctx, s, bl, c, doel, vectoren);
    if (!beste) return false;
    veranderingen.push(beste);
    for (const [id, d] of beste) {
      if (open(ctx, s, id)) {
        s.set(id, 'bescherming');
        rij.push(id);
      }
      const b = bewijs.get(id) ?? { neer: 0, op: 0 };
      bewijs.set(id, { ...b, neer: Math.max(b.neer, -d), op: Math.max(b.op, d) });
    }
    return true;
  };
  // Cells hidden later add marks that can narrow what an earlier cell may reach: a second pass
  // takes the cells not proven again with the marks as they are then.
  const probeer = (c: Cel) => {
    for (const opties of doelen(ctx, c, bewijs.get(c.id)!)) opties.some((doel) => bereik(c, doel));
    return beschermd(ctx, c, bewijs.get(c.id));
  };
  // Cells hidden later add marks that narrow what an earlier cell may reach: the cells not
  // proven are taken again with the marks as they are then.
  for (let ronde = 0, i = 0; ronde < 3; ronde++) {
    for (; i < rij.length; i++) {
      const c = ctx.cel.get(rij[i])!;
      if (beschermd(ctx, c, bewijs.get(c.id))) continue;
      // First what the marks allow (no target beyond them), then, if that is not reached, what they
      // allow once its block's printed counts are hidden too (a printed total can narrow a cell
      // below what the marks say; hidden, it cannot).
      const m = marken(ctx, s, bl, c.id);
      bewijs.set(c.id, { ...(bewijs.get(c.id) ?? { neer: 0, op: 0 }), marken: m });
      if (probeer(c)) continue;
      const blok = bl.leden
        .map((l) => bl.cel(l, bl.plaats(c.id).eenheid))
        .filter((x): x is CelId => !!x && open(ctx, s, x) && !ctx.cel.get(x)!.vast)
        .sort((a, b) => ctx.kosten(ctx.cel.get(a)!) - ctx.kosten(ctx.cel.get(b)!));
      // One printed cell of the block at a time, the cheapest first, then all of them.
      for (const alsVerborgen of [...blok.map((x) => new Set([x])), ...(blok.length > 1 ? [new Set(blok)] : [])]) {
        const smal = marken(ctx, s, bl, c.id, alsVerborgen);
        if (smal.min === m.min && smal.max === m.max) continue;
        bewijs.set(c.id, { ...bewijs.get(c.id)!, marken: smal });
        if (!probeer(c)) {
          bewijs.set(c.id, { ...bewijs.get(c.id)!, marken: m });
          continue;
        }
        for (const id of alsVerborgen) {
          if (!open(ctx, s, id)) continue;
          s.set(id, 'bescherming');
          rij.push(id);
        }
        break;
      }
    }
    const over = [...s.keys()].filter((id) => hier(id) && !beschermd(ctx, ctx.cel.get(id)!, bewijs.get(id)));
    if (over.length === 0) break;
    rij.push(...over);
  }
  const onbewezen = [...s.keys()].filter((id) => hier(id) && !beschermd(ctx, ctx.cel.get(id)!, bewijs.get(id)));
  return { onderdrukt: s, bewijs, onbewezen, veranderingen };
}

/**
 * The audit of a suppression with proofs: a proven cell takes the values its changes give it;
 * every other hidden or small cell is judged by the exact audit.
 */
function auditMetBewijs(w: Weergave, onderdrukt: Onderdrukking, bewijs: Bewijs, opties: { drempel?: number } = {}): AuditUitkomst {
  const ctx = context(w, opties.drempel ?? DREMPEL, true);
  let oordeel: ((c: Cel) => CelInterval | null) | null = null;
  const cellen: CelInterval[] = [];
  for (const c of w.cellen) {
    const b = bewijs.get(c.id);
    const reden = onderdrukt.get(c.id);
    if (reden && beschermd(ctx, c, b)) {
      cellen.push({ id: c.id, waarde: c.aantal, reden, min: c.aantal - b!.neer, max: c.aantal + b!.op, beschermd: true, exact: false });
      continue;
    }
    oordeel ??= beoordelaar(w, onderdrukt, opties);
    const o = oordeel(c);
    if (o) cellen.push(o);
  }
  return { cellen, lekken: cellen.filter((c) => !c.beschermd), kleinGetoond: kleinGetoond(w, onderdrukt, ctx.drempel) };
}

/** Tables up to this many cells are cleaned up afterwards: the exact audit is fast there. */
const KLEIN_GENOEG = 200;

/**
 * Suppression of a product table: changes and their proofs as the audit, the exact audit for
 * what they leave; should that find a leak, the linear-programming heuristic goes on from there.
 * A small table is then cleaned up: each cell hidden to protect, the most costly first, is shown
 * again when the audit still finds nothing without it (the greedy choice is not minimal).
 */
export function onderdrukMetKubussen(w: Weergave, bl: Blokken, opties: OnderdrukOpties = {}): OnderdrukUitkomst {
  const k = kubussen(w, bl, opties);
  const a = auditMetBewijs(w, k.onderdrukt, k.bewijs, opties);
  if (a.lekken.length > 0) return opties.zonderTerugval ? { onderdrukt: k.onderdrukt, audit: a } : onderdruk(w, { ...opties, start: k.onderdrukt });
  if (w.cellen.length > KLEIN_GENOEG) return { onderdrukt: k.onderdrukt, audit: a };
  const s = new Map(k.onderdrukt);
  const { cel, kosten } = celBasis(w);
  const extra = [...s].filter(([id, r]) => r === 'bescherming' && !cel.get(id)!.verborgen).map(([id]) => cel.get(id)!);
  for (const c of extra.sort((x, y) => kosten(y) - kosten(x) || (x.id < y.id ? -1 : 1))) {
    const zonder = new Map(s);
    zonder.delete(c.id);
    const b = exacteAudit(w, zonder, { ...opties, snel: true });
    if (b.lekken.length === 0 && b.kleinGetoond.length === 0) s.delete(c.id);
  }
  const eind = exacteAudit(w, s, opties);
  return eind.lekken.length === 0 ? { onderdrukt: s, audit: eind } : { onderdrukt: k.onderdrukt, audit: a };
}

/**
 * Primary and secondary suppression over everything a view shows together.
 *
 * 1. Primary: every cell under DREMPEL persons (0 included) is hidden, reason 'klein'.
 * 2. Secondary, until the audit finds no cell a reader can pin to fewer than DREMPEL values:
 *    for each such cell, the cheapest way to let it move (a perturbation: another table that
 *    fits every relation and mark and differs from the true one only in the cells it touches,
 *    found by linear programming with cost = persons × weight per unit of change, so small cells
 *    are preferred over large ones and hidden cells cost nothing). The cells it touches are
 *    hidden too, reason 'bescherming'. This is the classic linear-programming heuristic for cell
 *    suppression (as in τ-ARGUS); the audit then checks the result with whole numbers, shares
 *    and their rounding. If that adds nothing, the cheapest neighbouring cell is hidden.
 * 3. Clean-up: hidden cells of the second kind are shown again, the most costly first, whenever
 *    the audit still passes without them.
 *
 * Cost of hiding a cell = persons × weight × how many numbers it takes off the screen.
 */
import { solve, type Constraint } from 'yalps';
import { DREMPEL } from '../format/disclosure.ts';
import { audit, beoordelaar, type AuditUitkomst, type CelInterval } from './audit.ts';
import { kennis, weetRedenVan, type RedenBekend } from './kennis.ts';
import { buurt, verbonden } from './lp.ts';
import { alleSommen, type Cel, type CelId, type Reden, type Weergave } from './tabel.ts';

export interface OnderdrukOpties {
  readonly drempel?: number;
  /** The reader knows why each hidden cell is hidden (default true), or per cell. */
  readonly redenBekend?: RedenBekend;
  /** Start from this suppression instead of the primary one (it must contain the primary cells). */
  readonly start?: ReadonlyMap<CelId, Reden>;
  /**
   * By hypercubes only (kubus.ts): a table they cannot protect is returned with its leaks instead
   * of searched further — rule 3's exchange tries many tables and takes only those they protect.
   */
  readonly zonderTerugval?: boolean;
}

export interface OnderdrukUitkomst {
  readonly onderdrukt: ReadonlyMap<CelId, Reden>;
  readonly audit: AuditUitkomst;
}

/** Cells under the threshold, and cells hidden elsewhere on the page (with that reason). */
export function primair(w: Weergave, drempel = DREMPEL): Map<CelId, Reden> {
  const uit = new Map<CelId, Reden>();
  for (const c of w.cellen) {
    if (c.aantal < drempel) uit.set(c.id, 'klein');
    else if (c.verborgen) uit.set(c.id, c.verborgen);
  }
  return uit;
}

export function onderdruk(w: Weergave, opties: OnderdrukOpties = {}): OnderdrukUitkomst {
  const drempel = opties.drempel ?? DREMPEL;
  const ctx = context(w, opties);
  const s = new Map(opties.start ?? primair(w, drempel));
  const snel = { ...opties, snel: true };
  let a = audit(w, s, snel);
  for (let ronde = 0; a.lekken.length > 0 && ronde <= w.cellen.length; ronde++) {
    const nieuw = new Set<CelId>();
    for (const lek of a.lekken) {
      for (const steun of aanvullingen(ctx, s, lek)) for (const id of steun) if (!s.has(id) && !ctx.cel.get(id)!.vast) nieuw.add(id);
    }
    if (nieuw.size === 0) {
      const buur = goedkoopsteBuur(ctx, s, a.lekken);
      if (!buur) break;
      nieuw.add(buur);
    }
    for (const id of nieuw) s.set(id, 'bescherming');
    a = audit(w, s, snel);
  }
  if (a.lekken.length > 0) return { onderdrukt: s, audit: audit(w, s, opties) };
  // Clean-up: show again what is not needed, the most costly first. Showing a cell may leave
  // another cell of the second kind pinned (it protected nothing then): show that one too.
  const extra = [...s].filter(([id, r]) => r === 'bescherming' && !ctx.cel.get(id)!.verborgen).map(([id]) => ctx.cel.get(id)!);
  for (const c of extra.sort((x, y) => ctx.kosten(y) - ctx.kosten(x) || (x.id < y.id ? -1 : 1))) {
    if (!s.has(c.id)) continue;
    const zonder = new Map(s);
    const weg = [c.id];
    zonder.delete(c.id);
    for (;;) {
      const fout = lekkenRond(ctx, s, zonder, weg);
      if (fout.length === 0) {
        for (const id of weg) s.delete(id);
        break;
      }
      if (fout.some((id) => zonder.get(id) !== 'bescherming' || ctx.cel.get(id)!.verborgen)) break;
      for (const id of fout) {
        zonder.delete(id);
        weg.push(id);
      }
    }
  }
  return { onderdrukt: s, audit: audit(w, s, opties) };
}

interface Context {
  readonly w: Weergave;
  readonly opties: OnderdrukOpties;
  readonly drempel: number;
  readonly cel: ReadonlyMap<CelId, Cel>;
  /** Cells a reader sees something of when they are not hidden (count or share). */
  readonly zichtbaar: ReadonlySet<CelId>;
  /** Cells sharing a relation or a share with each cell. */
  readonly buren: ReadonlyMap<CelId, ReadonlySet<CelId>>;
  /** Relations as rows over the cells (sums and parts of 100% equal 0, nestings ≤ 0). */
  readonly relaties: readonly { termen: ReadonlyMap<CelId, number>; max: number; min?: number }[];
  /** Per cell the indices of the relations it is in. */
  readonly perCel: ReadonlyMap<CelId, readonly number[]>;
  kosten(c: Cel): number;
}

/** What every suppression method reads of a view: its cells by id, those a reader sees, and what hiding one costs. */
export function celBasis(w: Weergave): { cel: Map<CelId, Cel>; zichtbaar: Set<CelId>; kosten: (c: Cel) => number } {
  const cel = new Map(w.cellen.map((c) => [c.id, c]));
  const zichtbaar = new Set(w.cellen.filter((c) => c.getoond !== false).map((c) => c.id));
  for (const a of w.aandelen ?? []) zichtbaar.add(a.teller).add(a.noemer);
  return { cel, zichtbaar, kosten: kostenVan(w) };
}

function context(w: Weergave, opties: OnderdrukOpties): Context {
  const { cel, zichtbaar, kosten } = celBasis(w);
  const relaties: { termen: Map<CelId, number>; max: number; min?: number }[] = [];
  const rij = (totaal: CelId, delen: readonly CelId[]) => {
    const t = new Map<CelId, number>([[totaal, 1]]);
    for (const d of delen) t.set(d, (t.get(d) ?? 0) - 1);
    relaties.push({ termen: t, min: 0, max: 0 });
  };
  for (const s of alleSommen(w)) rij(s.totaal, s.delen);
  for (const n of w.nestingen ?? []) relaties.push({ termen: new Map([[n.deel, 1], [n.geheel, -1]]), max: 0 });
  const perCel = new Map<CelId, number[]>(w.cellen.map((c) => [c.id, []]));
  relaties.forEach((r, i) => {
    for (const c of r.termen.keys()) perCel.get(c)!.push(i);
  });
  const buren = new Map<CelId, Set<CelId>>(w.cellen.map((c) => [c.id, new Set()]));
  const verbind = (ids: Iterable<CelId>) => {
    const l = [...ids];
    for (const x of l) for (const y of l) if (x !== y) buren.get(x)!.add(y);
  };
  for (const r of relaties) verbind(r.termen.keys());
  for (const a of w.aandelen ?? []) verbind([a.teller, a.noemer]);
  return { w, opties, drempel: opties.drempel ?? DREMPEL, cel, zichtbaar, buren, relaties, perCel, kosten };
}

/**
 * What hiding a cell costs: its persons × its weight × the numbers it takes off the screen (its
 * count, its shares, its derived values), so a total under many shares costs more.
 */
function kostenVan(w: Weergave): (c: Cel) => number {
  const weergaven = new Map<CelId, number>(w.cellen.map((c) => [c.id, c.getoond === false ? 0 : 1]));
  const telOp = (id: CelId) => weergaven.set(id, weergaven.get(id)! + 1);
  for (const a of w.aandelen ?? []) {
    telOp(a.teller);
    if (a.noemer !== a.teller) telOp(a.noemer);
  }
  for (const a of w.afgeleid ?? []) new Set(a.basis).forEach(telOp);
  // Between equal costs, a total (of a sum, a share or a nesting) is kept rather than a part.
  const totalen = new Set<CelId>([
    ...(w.sommen ?? []).map((x) => x.totaal),
    ...(w.aandelen ?? []).map((x) => x.noemer),
    ...(w.nestingen ?? []).map((x) => x.geheel),
  ]);
  return (c: Cel) => c.aantal * (c.gewicht ?? 1) * Math.max(1, weergaven.get(c.id)!) * (totalen.has(c.id) ? 1.01 : 1);
}

/**
 * Values the leaking cell must be able to take, as alternatives per need: a small cell both ends
 * of what the marks allow (0 and 9 as a rule); another cell DREMPEL − 1 above its lowest value or
 * below its highest (either will do).
 */
function doelen(ctx: Context, lek: CelInterval): number[][] {
  const d = ctx.drempel - 1;
  const m = lek.markeringen ?? { min: 0, max: Infinity };
  if (lek.reden === 'klein' || lek.waarde < ctx.drempel) {
    const hoog = Math.min(m.max, d);
    return [...(lek.min > m.min ? [[m.min]] : []), ...(lek.max < hoog ? [[hoog]] : [])];
  }
  const omhoog = Math.min(m.max, lek.min + d);
  const omlaag = Math.max(m.min, lek.max - d);
  return [[omhoog, omlaag].filter((x, i) => (i === 0 ? x > lek.max : x < lek.min))];
}

/** For each target of the leaking cell, the cells a perturbation to it touches. */
function aanvullingen(ctx: Context, s: ReadonlyMap<CelId, Reden>, lek: CelInterval): CelId[][] {
  const uit: CelId[][] = [];
  for (const opties of doelen(ctx, lek)) {
    for (const doel of opties) {
      const steun = verstoring(ctx, s, lek.id, doel);
      if (steun) {
        uit.push(steun);
        break;
      }
    }
  }
  return uit;
}

/**
 * The cheapest change of the table that puts `id` at `doel` and keeps every relation, every mark
 * (a small cell stays 0–9, a hidden or to-be-hidden cell of 10 or more stays ≥ 10) and every cell
 * ≥ 0; a cell printed elsewhere (`vast`) does not change. Returns the visible cells it changes
 * (null when no such change exists). The change is looked for among the cells a few relations
 * away first in a large table (any change found there is a change of the whole table: the other
 * cells stay as they are), and in all cells linked to `id` only when that finds none.
 */
/** Tables with more cells than this look for a change near the cell first. */
const GROOT = 400;

function verstoring(ctx: Context, s: ReadonlyMap<CelId, Reden>, id: CelId, doel: number): CelId[] | null {
  for (const diepte of ctx.w.cellen.length > GROOT ? [2, 4, Infinity] : [Infinity]) {
    const deel = buurtVan(ctx, id, diepte);
    const uit = verstoringIn(ctx, s, id, doel, deel.cellen);
    if (uit || deel.alles) return uit;
  }
  return null;
}

/** The cells within `diepte` relations of `id`, and whether that is all cells linked to it. */
function buurtVan(ctx: Context, id: CelId, diepte: number): { cellen: Set<CelId>; alles: boolean } {
  const { vars, alles } = buurt(id, ctx.perCel, ctx.relaties, diepte);
  return { cellen: vars, alles };
}

function verstoringIn(ctx: Context, s: ReadonlyMap<CelId, Reden>, id: CelId, doel: number, deel: ReadonlySet<CelId>): CelId[] | null {
  const weetReden = weetRedenVan(ctx.opties.redenBekend);
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>();
  for (const c of deel) {
    const x = ctx.cel.get(c)!;
    const klein = x.aantal < ctx.drempel;
    const gemarkeerd = weetReden(c) && (s.has(c) || ctx.zichtbaar.has(c));
    const laag = klein || !gemarkeerd ? 0 : ctx.drempel;
    const hoog = klein && weetReden(c) ? ctx.drempel - 1 : Infinity;
    const prijs = s.has(c) || !ctx.zichtbaar.has(c) ? 0 : ctx.kosten(x);
    const vast = x.vast && !s.has(c);
    const grens =
      c === id ? { equal: doel - x.aantal } : vast ? { equal: 0 } : { min: laag - x.aantal, ...(Number.isFinite(hoog) ? { max: hoog - x.aantal } : {}) };
    constraints.set(`b:${c}`, grens);
    variables.set(`p:${c}`, new Map([[`b:${c}`, 1], ['kosten', prijs]]));
    variables.set(`m:${c}`, new Map([[`b:${c}`, -1], ['kosten', prijs]]));
  }
  const rijen = new Set<number>();
  for (const c of deel) for (const i of ctx.perCel.get(c) ?? []) rijen.add(i);
  for (const i of rijen) {
    const r = ctx.relaties[i];
    // Relations hold for the true table: the change must keep sums at 0 and nestings within reach.
    // Cells outside `deel` do not change.
    const vrij = [...r.termen].reduce((t, [c, k]) => t + k * ctx.cel.get(c)!.aantal, 0);
    constraints.set(`r${i}`, { ...(r.min !== undefined ? { min: r.min - vrij } : {}), max: r.max - vrij });
    for (const [c, k] of r.termen) {
      if (!deel.has(c)) continue;
      variables.get(`p:${c}`)!.set(`r${i}`, k);
      variables.get(`m:${c}`)!.set(`r${i}`, -k);
    }
  }
  const oplossing = solve({ direction: 'minimize', objective: 'kosten', constraints, variables }, { precision: 1e-9, checkCycles: true });
  if (oplossing.status !== 'optimal') return null;
  const veranderd = new Set<CelId>();
  for (const [naam, v] of oplossing.variables) if (Math.abs(v) > 1e-7) veranderd.add(naam.slice(2));
  return [...veranderd].filter((c) => c !== id && !s.has(c) && ctx.zichtbaar.has(c));
}

/** The cheapest visible cell next to a leaking one (fallback when no perturbation helps). */
function goedkoopsteBuur(ctx: Context, s: ReadonlyMap<CelId, Reden>, lekken: readonly CelInterval[]): CelId | null {
  const kandidaten = [...samenhangend(ctx, lekken.map((l) => l.id))].filter((y) => !s.has(y) && ctx.zichtbaar.has(y) && !ctx.cel.get(y)!.vast);
  const beste = kandidaten.map((id) => ctx.cel.get(id)!).sort((a, b) => ctx.kosten(a) - ctx.kosten(b) || (a.id < b.id ? -1 : 1))[0];
  return beste?.id ?? null;
}

/**
 * The hidden or small cells whose interval may change when `ids` (hidden in `voor`) are shown,
 * and that a reader can narrow too far under `s`. Only the unknowns that shared constraints with
 * them before can change. Stops at the first small cell that fails: then nothing helps.
 */
function lekkenRond(ctx: Context, voor: ReadonlyMap<CelId, Reden>, s: ReadonlyMap<CelId, Reden>, ids: readonly CelId[]): CelId[] {
  const k = kennis(ctx.w, voor, ctx.opties);
  const geraakt = new Set<CelId>();
  for (const id of ids) for (const r of verbonden(id, k.rijen)) for (const c of r.termen.keys()) if (!ids.includes(c)) geraakt.add(c);
  const oordeel = beoordelaar(ctx.w, s, { ...ctx.opties, snel: true });
  // Small cells first (a failure there ends the try), those next to the shown cells first.
  const buur = new Set(ids.flatMap((id) => [...(ctx.buren.get(id) ?? [])]));
  const rang = (c: Cel) => (s.get(c.id) === 'klein' ? 0 : 2) + (buur.has(c.id) ? 0 : 1);
  const kandidaten = [...geraakt].map((id) => ctx.cel.get(id)!).sort((a, b) => rang(a) - rang(b));
  const uit: CelId[] = [];
  for (const c of kandidaten) {
    if (oordeel(c)?.beschermd !== false) continue;
    uit.push(c.id);
    if (s.get(c.id) !== 'bescherming') break;
  }
  return uit;
}

/** The cells linked to `start` through relations and shares (start included). */
function samenhangend(ctx: Context, start: readonly CelId[]): Set<CelId> {
  const gezien = new Set<CelId>(start);
  const stapel = [...start];
  while (stapel.length) {
    for (const y of ctx.buren.get(stapel.pop()!) ?? []) {
      if (gezien.has(y)) continue;
      gezien.add(y);
      stapel.push(y);
    }
  }
  return gezien;
}

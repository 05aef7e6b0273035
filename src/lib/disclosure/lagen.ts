/**
 * Secondary suppression of a table in two layers, each by hypercubes with proofs (kubus.ts): a
 * top table (Beschut werk: the regions and Nederland) and its parts (per region its gemeenten and
 * the region). τ-ARGUS's modular method, made provable:
 *
 * - the top table first; a part then takes its parent's cells as the top decided them (hidden
 *   with that reason, or printed and fixed) and proves its children's hidden cells;
 * - every change that proves a cell of the top table moves a parent's cells: it is carried down
 *   into that parent's part (`draag`), a change of its children's hidden cells adding up to the
 *   parent's move, each within what the reader knows of it. The top change with its parts is a
 *   table the reader cannot exclude, so the top cell's proof holds in the whole table too. When
 *   no such change exists among the hidden cells, the cheapest printed children are hidden (to
 *   protect) and the part is protected again;
 * - a part's change that moves its (hidden) parent is carried up into the top table (`omhoog`)
 *   and from there down into the other parts it moves.
 * `neerDragen` does the carrying down for parts protected another way (the page's own rules).
 *
 * Measured on the demo data (Node): the whole comparison with every gemeente's "x" saying no
 * reason (`delenRedenBekend: false`), every hidden cell proven, 4–6 s a period; one table of
 * every gemeente took 12–21 s and hid nearly everything.
 */
import { solve, type Constraint, type Model } from 'yalps';
import { DREMPEL } from '../format/disclosure.ts';
import { kubussen, type KubusUitkomst } from './kubus.ts';
import { primair, type OnderdrukOpties } from './onderdrukking.ts';
import { weetRedenVan, type Onderdrukking } from './kennis.ts';
import type { CelId, Reden, Weergave } from './tabel.ts';
import { context, eenEenheid, grenzen, open, verdeel, type Blokken, type Context } from './veranderingen.ts';

export interface Laag {
  readonly w: Weergave;
  readonly bl: Blokken;
}

/** A part: the children of unit `ouder` and the unit itself (whose cells the top table decides). */
export interface Deel extends Laag {
  readonly ouder: string;
}

export interface LagenOpties extends OnderdrukOpties {
  /**
   * Whether the reader knows why a part's hidden child is hidden (default: as in the top table);
   * the parent's cells are marked as the top table marks them.
   */
  readonly delenRedenBekend?: boolean;
}

export interface LagenUitkomst {
  /** Hidden cells of the top table and of the parts' children. */
  readonly onderdrukt: Map<CelId, Reden>;
  /** Hidden cells without a proof that holds in the whole table (top cells whose change could not be carried down included). */
  readonly onbewezen: readonly CelId[];
}

/** Rounds of protecting the parts again after hiding children a carried change needed. */
const RONDEN = 6;

interface DeelStand {
  readonly d: Deel;
  readonly ctx: Context;
  /** The parent's cells in the part (never hidden there: the top decides them). */
  readonly ouderCellen: ReadonlySet<CelId>;
  /** The marks a reader has in the part: the parent's as in the top table, the children's as `delenRedenBekend`. */
  readonly redenBekend: (id: CelId) => boolean;
  s: Map<CelId, Reden>;
  k: KubusUitkomst | null;
  /** Moves carried down already (many changes move a parent alike), for the cells hidden then. */
  gedragen: Map<string, CelId[] | null>;
}

export function beveiligInLagen(boven: Laag, delen: readonly Deel[], opties: LagenOpties = {}): LagenUitkomst {
  const drempel = opties.drempel ?? DREMPEL;
  const top = kubussen(boven.w, boven.bl, opties);
  const topCtx = context(boven.w, drempel, opties.redenBekend);
  const standen = new Map(delen.map((d) => [d.ouder, stand(d, top.onderdrukt, drempel, opties)]));
  const omhoogCache = new Map<string, Map<CelId, number> | null>();
  let niet = new Set<CelId>();
  for (let ronde = 0; ronde < RONDEN; ronde++) {
    for (const st of standen.values()) st.k ??= kubussen(st.d.w, st.d.bl, { ...opties, redenBekend: st.redenBekend, start: st.s, elders: st.ouderCellen });
    for (const st of standen.values()) st.s = new Map(st.k!.onderdrukt);
    niet = new Set();
    let opnieuw = false;
    // Carries a move of a parent down into its part: true when done (or nothing to do).
    const neer = (ouder: string, beweging: ReadonlyMap<string, number>): boolean => {
      const st = standen.get(ouder);
      const extra = st ? draag(st, beweging) : [];
      if (!extra) return false;
      if (extra.length === 0) return true;
      for (const id of extra) st!.s.set(id, 'bescherming');
      st!.k = null;
      opnieuw = true;
      return true;
    };
    for (const v of top.veranderingen) {
      for (const [ouder, beweging] of perEenheid(boven.bl, v)) if (!neer(ouder, beweging)) for (const id of v.keys()) niet.add(id);
    }
    // A part's change that moves its parent is carried up into the top table, and from there
    // down into the other parts it moves.
    for (const st of standen.values()) {
      for (const v of st.k?.veranderingen ?? []) {
        const beweging = perEenheid(st.d.bl, v).get(st.d.ouder);
        if (!beweging || beweging.size === 0) continue;
        const sleutel = `${st.d.ouder}:${[...beweging].join(';')}`;
        if (!omhoogCache.has(sleutel)) omhoogCache.set(sleutel, omhoog(topCtx, top.onderdrukt, boven.bl, st.d.ouder, beweging));
        const boven2 = omhoogCache.get(sleutel);
        const ok = !!boven2 && [...perEenheid(boven.bl, boven2)].every(([e, b]) => e === st.d.ouder || neer(e, b));
        if (!ok) for (const id of v.keys()) niet.add(id);
      }
    }
    if (!opnieuw) break;
  }
  const onderdrukt = new Map(top.onderdrukt);
  const onbewezen = new Set(top.onbewezen);
  for (const st of standen.values()) {
    const k = st.k ?? kubussen(st.d.w, st.d.bl, { ...opties, redenBekend: st.redenBekend, start: st.s, elders: st.ouderCellen });
    for (const [id, r] of k.onderdrukt) if (!st.ouderCellen.has(id)) onderdrukt.set(id, r);
    for (const id of k.onbewezen) onbewezen.add(id);
  }
  // A cell whose change could not be carried over is proven only by the changes that could.
  for (const id of niet) if (onderdrukt.has(id)) onbewezen.add(id);
  return { onderdrukt, onbewezen: [...onbewezen] };
}

/**
 * A change of the top table's hidden cells that moves unit `ouder` by `beweging` (member →
 * amount) and keeps every sum, each touched cell within what the reader knows of it; or null.
 */
function omhoog(ctx: Context, s: Onderdrukking, bl: Blokken, ouder: string, beweging: ReadonlyMap<string, number>): Map<CelId, number> | null {
  // First the hypercube's own moves: the total above moves alike, or one sibling the other way.
  for (const x of bl.eenheidSommen) {
    if (!x.delen.includes(ouder)) continue;
    for (const [e, teken] of [[x.totaal, 1] as const, ...x.delen.filter((e) => e !== ouder).map((e) => [e, -1] as const)]) {
      if (!eenEenheid(ctx, s, bl, e, beweging, teken)) continue;
      const uit = new Map<CelId, number>();
      for (const [l, b] of beweging) {
        uit.set(bl.cel(l, ouder)!, b);
        uit.set(bl.cel(l, e)!, teken * b);
      }
      return uit;
    }
  }
  // Then the move split over siblings, each taking whole copies of its pattern the other way.
  for (const x of bl.eenheidSommen) {
    if (!x.delen.includes(ouder)) continue;
    const delen = verdeel(ctx, s, bl, beweging, x.delen.filter((e) => e !== ouder).map((e) => [e, -1] as const));
    if (!delen) continue;
    const uit = new Map<CelId, number>();
    for (const [l, b] of beweging) uit.set(bl.cel(l, ouder)!, b);
    for (const [id, d] of delen) uit.set(id, (uit.get(id) ?? 0) + d);
    return uit;
  }
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>();
  const vast = new Map<CelId, number>();
  for (const l of bl.leden) {
    const id = bl.cel(l, ouder);
    if (id) vast.set(id, beweging.get(l) ?? 0);
  }
  // Hidden cells (and cells never printed) may move; a printed one may not.
  const vrij = (id: CelId) => !vast.has(id) && !open(ctx, s, id);
  for (const x of ctx.cel.values()) {
    if (!vrij(x.id)) continue;
    const g = grenzen(ctx, s, x);
    constraints.set(`g:${x.id}`, { min: g.laag - x.aantal, ...(Number.isFinite(g.hoog) ? { max: g.hoog - x.aantal } : {}) });
    variables.set(`p:${x.id}`, new Map([[`g:${x.id}`, 1], ['kosten', 1]]));
    variables.set(`m:${x.id}`, new Map([[`g:${x.id}`, -1], ['kosten', 1]]));
  }
  let onmogelijk = false;
  ctx.rijen.forEach((rij, i) => {
    let rest = 0;
    const termen: [CelId, number][] = [];
    for (const [c, k] of rij) {
      if (vast.has(c)) rest += k * vast.get(c)!;
      else if (vrij(c)) termen.push([c, k]);
    }
    // A sum of printed cells only that the move would change: no change will do.
    if (termen.length === 0) {
      onmogelijk ||= rest !== 0;
      return;
    }
    constraints.set(`s${i}`, { equal: -rest });
    for (const [c, k] of termen) {
      variables.get(`p:${c}`)!.set(`s${i}`, k);
      variables.get(`m:${c}`)!.set(`s${i}`, -k);
    }
  });
  if (onmogelijk) return null;
  const o = heel({ direction: 'minimize', objective: 'kosten', constraints, variables });
  if (!o) return null;
  const uit = new Map([...vast].filter(([, d]) => d !== 0));
  for (const [naam, v] of o.variables) {
    const id = naam.slice(2);
    const d = (uit.get(id) ?? 0) + (naam[0] === 'p' ? Math.round(v) : -Math.round(v));
    if (d === 0) uit.delete(id);
    else uit.set(id, d);
  }
  return uit;
}

/**
 * A part as the top decided its parent: the parent's hidden cells hidden (proven in the top), its
 * printed cells fixed (`vast`); `verborgen`: the children's hidden cells to start from (default: the primary ones).
 */
function stand(d: Deel, boven: Onderdrukking, drempel: number, opties: LagenOpties, verborgen?: Onderdrukking): DeelStand {
  const ouderCellen = new Set(d.bl.leden.map((l) => d.bl.cel(l, d.ouder)).filter((x): x is CelId => !!x));
  const ouder = weetRedenVan(opties.redenBekend);
  const kind = weetRedenVan(opties.delenRedenBekend ?? opties.redenBekend);
  const redenBekend = (id: CelId) => (ouderCellen.has(id) ? ouder(id) : kind(id));
  const w: Weergave = { ...d.w, cellen: d.w.cellen.map((c) => (ouderCellen.has(c.id) && !boven.has(c.id) ? { ...c, vast: true } : c)) };
  const ids = new Set(w.cellen.map((c) => c.id));
  const s = verborgen ? new Map([...verborgen].filter(([id]) => ids.has(id))) : primair(w, drempel);
  for (const id of ouderCellen) {
    const r = boven.get(id);
    if (r) s.set(id, r);
    else s.delete(id);
  }
  return { d: { ...d, w }, ctx: context(w, drempel, redenBekend), ouderCellen, redenBekend, s, k: null, gedragen: new Map() };
}

/**
 * For parts protected another way (`verborgen`: their children's hidden cells): whether every
 * change that proves a cell of the top table (`top`, kubussen over `boven`) can be carried down
 * into them. `extra`: printed children that, hidden to protect, would let a change be carried;
 * `niet`: top cells whose change cannot be carried even so.
 */
export function neerDragen(boven: Laag, top: KubusUitkomst, delen: readonly Deel[], verborgen: Onderdrukking, opties: LagenOpties = {}): { extra: Set<CelId>; niet: Set<CelId> } {
  const drempel = opties.drempel ?? DREMPEL;
  const standen = new Map(delen.map((d) => [d.ouder, stand(d, top.onderdrukt, drempel, opties, verborgen)]));
  const extra = new Set<CelId>();
  const niet = new Set<CelId>();
  for (const v of top.veranderingen) {
    for (const [ouder, beweging] of perEenheid(boven.bl, v)) {
      const st = standen.get(ouder);
      const nieuw = st ? draag(st, beweging) : [];
      if (nieuw) for (const id of nieuw) extra.add(id);
      else for (const id of v.keys()) niet.add(id);
    }
  }
  return { extra, niet };
}

/**
 * A whole-number answer: the relaxation first (an impossible move is told fast, and its answer is
 * mostly whole already), then a bounded search.
 */
function heel(model: Model<string, string>): { variables: [string, number][] } | null {
  const o = solve(model, { precision: 1e-9 });
  if (o.status !== 'optimal') return null;
  if (o.variables.every(([, v]) => Math.abs(v - Math.round(v)) < 1e-6)) return o;
  const h = solve({ ...model, integers: true }, { precision: 1e-9, maxIterations: 500 });
  return h.status === 'optimal' && h.variables.every(([, v]) => Math.abs(v - Math.round(v)) < 1e-6) ? h : null;
}

/** A change of the top table per unit it moves: member → how much. */
function perEenheid(bl: Blokken, v: ReadonlyMap<CelId, number>): Map<string, Map<string, number>> {
  const uit = new Map<string, Map<string, number>>();
  for (const [id, d] of v) {
    const { eenheid } = bl.plaats(id);
    if (!uit.has(eenheid)) uit.set(eenheid, new Map());
  }
  for (const [e, m] of uit) {
    for (const l of bl.leden) {
      const id = bl.cel(l, e);
      const d = id ? v.get(id) : undefined;
      if (d) m.set(l, d);
    }
  }
  return uit;
}

/**
 * Carries a move of the parent down: [] when its hidden children can take it, else the printed
 * children to hide so that they can, or null when not even that will do.
 */
function draag(st: DeelStand, beweging: ReadonlyMap<string, number>): CelId[] | null {
  const sleutel = `${st.s.size}|${[...beweging].join(';')}`;
  if (!st.gedragen.has(sleutel)) st.gedragen.set(sleutel, optillen(st, beweging, false) ?? optillen(st, beweging, true));
  return st.gedragen.get(sleutel)!;
}

/**
 * A change of the children's cells that moves the parent by `beweging` (member → amount) and
 * keeps every sum inside the children's blocks, each touched cell hidden and within what the
 * reader knows of it. `verbergen`: printed children may be touched too (they are then hidden to
 * protect, ≥ DREMPEL), the cheapest first; returns those cells, or null when none will do.
 */
function optillen(st: DeelStand, beweging: ReadonlyMap<string, number>, verbergen: boolean): CelId[] | null {
  const { ctx, d } = st;
  const kinderen = d.bl.eenheidSommen.filter((x) => x.totaal === d.ouder).flatMap((x) => x.delen);
  // Mostly one child can take the whole move: no programme needed.
  if (!verbergen && kinderen.some((e) => eenEenheid(ctx, st.s, d.bl, e, beweging, 1))) return [];
  if (!verbergen && verdeel(ctx, st.s, d.bl, beweging, kinderen.map((e) => [e, 1] as const))) return [];
  // Nothing printed left to hide: the same programme as without.
  if (verbergen && !kinderen.some((e) => d.bl.leden.some((l) => { const id = d.bl.cel(l, e); return !!id && open(ctx, st.s, id) && !ctx.cel.get(id)!.vast; }))) return null;
  const cellen = new Set<CelId>();
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>();
  for (const l of d.bl.leden) {
    constraints.set(`l:${l}`, { equal: beweging.get(l) ?? 0 });
    for (const e of kinderen) {
      const id = d.bl.cel(l, e);
      if (!id || !ctx.cel.has(id)) continue;
      if (!cellen.has(id)) {
        cellen.add(id);
        const x = ctx.cel.get(id)!;
        const getoond = open(ctx, st.s, id);
        const g = grenzen(ctx, st.s, x);
        const prijs = getoond ? ctx.kosten(x) : 1e-3;
        constraints.set(`g:${id}`, getoond && (!verbergen || x.vast) ? { equal: 0 } : { min: g.laag - x.aantal, ...(Number.isFinite(g.hoog) ? { max: g.hoog - x.aantal } : {}) });
        variables.set(`p:${id}`, new Map([[`g:${id}`, 1], ['kosten', prijs]]));
        variables.set(`m:${id}`, new Map([[`g:${id}`, -1], ['kosten', prijs]]));
      }
      variables.get(`p:${id}`)!.set(`l:${l}`, (variables.get(`p:${id}`)!.get(`l:${l}`) ?? 0) + 1);
      variables.get(`m:${id}`)!.set(`l:${l}`, (variables.get(`m:${id}`)!.get(`l:${l}`) ?? 0) - 1);
    }
  }
  // The sums inside the children's blocks (b = p + n, totaal = gemeente + burger).
  ctx.rijen.forEach((rij, i) => {
    if (!rij.every(([c]) => cellen.has(c))) return;
    constraints.set(`s${i}`, { equal: 0 });
    for (const [c, k] of rij) {
      variables.get(`p:${c}`)!.set(`s${i}`, k);
      variables.get(`m:${c}`)!.set(`s${i}`, -k);
    }
  });
  const o = heel({ direction: 'minimize', objective: 'kosten', constraints, variables });
  if (!o) return null;
  const nieuw: CelId[] = [];
  for (const [naam, v] of o.variables) {
    const id = naam.slice(2);
    if (Math.round(v) !== 0 && open(ctx, st.s, id) && !nieuw.includes(id)) nieuw.push(id);
  }
  return nieuw;
}

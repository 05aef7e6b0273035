/**
 * The changes of a product table that prove hidden cells protected (kubus.ts): a block change
 * times a vector over units, found by a tiny integer programme per vector; or, where no single
 * vector will do (every sibling small), a change of each cell near it on its own. Every change is
 * checked on its own terms (houdbaar) whatever found it. And what the marks allow a cell near it.
 */
import { solve, type Constraint, type Model } from 'yalps';
import { celBasis } from './onderdrukking.ts';
import { weetRedenVan, type Onderdrukking, type RedenBekend } from './kennis.ts';
import { alleSommen, type Cel, type CelId, type Weergave } from './tabel.ts';
import { dimensieVectoren, type DimensieSom, type Vector } from './vectoren.ts';

/** The product structure of a table. */
export interface Blokken {
  /** The members of a block (Beschut werk: `soort|aanvrager`). */
  readonly leden: readonly string[];
  /** Sums inside every block. */
  readonly sommen: readonly DimensieSom[];
  /** Sums of units. */
  readonly eenheidSommen: readonly DimensieSom[];
  /** Most units a vector may have. */
  readonly steun: number;
  /** The cell of member `lid` in unit `e` (null: a known zero; undefined: not in the table). */
  cel(lid: string, e: string): CelId | null | undefined;
  /** Member and unit of a cell. */
  plaats(id: CelId): { lid: string; eenheid: string };
}

/** Most unit vectors solved for per target (the cheapest by their bound first). */
const VECTOREN = 8;

export interface Context {
  readonly drempel: number;
  /** Whether the reader knows why this hidden cell is hidden (its mark). */
  readonly weetReden: (id: CelId) => boolean;
  readonly cel: ReadonlyMap<CelId, Cel>;
  /** Cells the reader sees (a count or a share) unless hidden. */
  readonly zichtbaar: ReadonlySet<CelId>;
  /** Per cell its sums as [index, coefficient]. */
  readonly sommen: ReadonlyMap<CelId, readonly (readonly [number, number])[]>;
  /** The sums as [cell, coefficient] rows (total +1, parts −1). */
  readonly rijen: readonly (readonly (readonly [CelId, number])[])[];
  readonly w: Weergave;
  kosten(c: Cel): number;
}

export function context(w: Weergave, drempel: number, redenBekend: RedenBekend = true): Context {
  const { cel, zichtbaar, kosten } = celBasis(w);
  const sommen = new Map<CelId, [number, number][]>(w.cellen.map((c) => [c.id, []]));
  const rijen = alleSommen(w).map((s, i) => {
    sommen.get(s.totaal)!.push([i, 1]);
    for (const d of s.delen) sommen.get(d)!.push([i, -1]);
    return [[s.totaal, 1] as const, ...s.delen.map((d) => [d, -1] as const)];
  });
  return { drempel, weetReden: weetRedenVan(redenBekend), cel, zichtbaar, sommen, rijen, w, kosten };
}

/** Whether a cell is printed now (a change of it hides it). */
export const open = (ctx: Context, s: Onderdrukking, id: CelId) => !s.has(id) && ctx.zichtbaar.has(id);

/** What the reader knows of a cell once a change has touched it. */
export function grenzen(ctx: Context, s: Onderdrukking, c: Cel): { laag: number; hoog: number } {
  if (!ctx.weetReden(c.id)) return { laag: 0, hoog: Infinity };
  const r = s.get(c.id);
  if (r === 'klein') return { laag: 0, hoog: ctx.drempel - 1 };
  if (r === 'bescherming' || ctx.zichtbaar.has(c.id)) return { laag: ctx.drempel, hoog: Infinity };
  return { laag: 0, hoog: Infinity };
}

/**
 * The cheapest change B ⊗ u that puts cell `id` at `doel`, or null. Returns the change per cell.
 */
function verandering(ctx: Context, s: Onderdrukking, bl: Blokken, id: CelId, doel: number, u: Vector): { kosten: number; delta: Map<CelId, number> } | null {
  const { lid: doelLid, eenheid } = bl.plaats(id);
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>();
  const bereik = new Map(bl.leden.map((l) => [l, { min: -Infinity, max: Infinity }]));
  const prijs = new Map(bl.leden.map((l) => [l, 0]));
  const perCel = new Map<CelId, [string, number][]>();
  for (const [e, teken] of u) {
    for (const l of bl.leden) {
      const c = bl.cel(l, e);
      const r = bereik.get(l)!;
      const x = c ? ctx.cel.get(c) : undefined;
      if (!c || !x || (x.vast && open(ctx, s, c))) {
        r.min = Math.max(r.min, 0);
        r.max = Math.min(r.max, 0);
        continue;
      }
      // x + teken·B within the bounds → B within teken·(bounds − x).
      const g = grenzen(ctx, s, x);
      const [a, b] = [(g.laag - x.aantal) * teken, (g.hoog - x.aantal) * teken];
      r.min = Math.max(r.min, Math.min(a, b));
      r.max = Math.min(r.max, Math.max(a, b));
      if (open(ctx, s, c)) prijs.set(l, prijs.get(l)! + ctx.kosten(x));
      const lijst = perCel.get(c) ?? [];
      lijst.push([l, teken]);
      perCel.set(c, lijst);
    }
  }
  for (const [l, r] of bereik) {
    if (r.min > r.max) return null;
    constraints.set(`r:${l}`, { ...(Number.isFinite(r.min) ? { min: r.min } : {}), ...(Number.isFinite(r.max) ? { max: r.max } : {}) });
    variables.set(`p:${l}`, new Map([[`r:${l}`, 1], ['kosten', prijs.get(l)!]]));
    variables.set(`m:${l}`, new Map([[`r:${l}`, -1], ['kosten', prijs.get(l)!]]));
  }
  const termen = (naam: string, t: readonly (readonly [string, number])[], grens: Constraint) => {
    constraints.set(naam, grens);
    for (const [l, k] of t) {
      variables.get(`p:${l}`)!.set(naam, (variables.get(`p:${l}`)!.get(naam) ?? 0) + k);
      variables.get(`m:${l}`)!.set(naam, (variables.get(`m:${l}`)!.get(naam) ?? 0) - k);
    }
  };
  bl.sommen.forEach((x, i) => termen(`s${i}`, [[x.totaal, 1], ...x.delen.map((d) => [d, -1] as const)], { equal: 0 }));
  // Two ids of one cell (a known equality) change alike.
  let i = 0;
  for (const lijst of perCel.values()) for (const [l, k] of lijst.slice(1)) termen(`a${i++}`, [[lijst[0][0], lijst[0][1]], [l, -k]], { equal: 0 });
  termen('doel', [[doelLid, u.get(eenheid)!]], { equal: doel - ctx.cel.get(id)!.aantal });
  const o = heel({ direction: 'minimize', objective: 'kosten', constraints, variables });
  if (!o) return null;
  const B = new Map(bl.leden.map((l) => [l, 0]));
  for (const [naam, v] of o.variables) B.set(naam.slice(2), B.get(naam.slice(2))! + (naam[0] === 'p' ? v : -v));
  const delta = new Map<CelId, number>();
  for (const [c, lijst] of perCel) {
    const d = Math.round(B.get(lijst[0][0])! * lijst[0][1]);
    if (d !== 0) delta.set(c, d);
  }
  return { kosten: o.result, delta };
}

/** The cheapest whole-number answer: the relaxation's when that is whole already (it mostly is). */
function heel(model: Model<string, string>): { result: number; variables: [string, number][] } | null {
  let o = solve(model, { precision: 1e-9, checkCycles: true });
  if (o.status !== 'optimal') return null;
  if (o.variables.some(([, v]) => Math.abs(v - Math.round(v)) > 1e-6)) {
    // Any whole-number change is a proof; the cheapest is only preferred: a bounded search, and a
    // change within 5% of the best cost will do.
    o = solve({ ...model, integers: true }, { precision: 1e-9, checkCycles: true, maxIterations: 200, tolerance: 0.05 });
    if (o.status !== 'optimal' || o.variables.some(([, v]) => Math.abs(v - Math.round(v)) > 1e-6)) return null;
  }
  return o;
}

/** The cells of a unit, of the units it shares a sum with, and of the totals above those. */
function buurt(ctx: Context, bl: Blokken, eenheid: string): Set<CelId> {
  const eenheden = new Set([eenheid]);
  for (const x of bl.eenheidSommen) if (x.totaal === eenheid || x.delen.includes(eenheid)) [x.totaal, ...x.delen].forEach((e) => eenheden.add(e));
  // And the totals above (a region's Nederland), so a change may run up through them.
  for (const e of eenheden) for (const x of bl.eenheidSommen) if (x.delen.includes(e)) eenheden.add(x.totaal);
  const cellen = new Set<CelId>();
  for (const e of eenheden) {
    for (const l of bl.leden) {
      const c = bl.cel(l, e);
      if (c && ctx.cel.has(c)) cellen.add(c);
    }
  }
  return cellen;
}

/**
 * The cheapest change putting `id` at `doel` among the cells of its unit, of the units it shares
 * a sum with (its siblings and their total) and of the totals above, each cell changed on its
 * own: for a cell whose siblings are all small, where no single sibling can take the whole change.
 */
function buurtVerandering(ctx: Context, s: Onderdrukking, bl: Blokken, id: CelId, doel: number): { kosten: number; delta: Map<CelId, number> } | null {
  const cellen = buurt(ctx, bl, bl.plaats(id).eenheid);
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>();
  for (const c of cellen) {
    const x = ctx.cel.get(c)!;
    const g = grenzen(ctx, s, x);
    const vast = x.vast && open(ctx, s, c);
    const prijs = open(ctx, s, c) ? ctx.kosten(x) : 0;
    constraints.set(`g:${c}`, c === id ? { equal: doel - x.aantal } : vast ? { equal: 0 } : { min: g.laag - x.aantal, ...(Number.isFinite(g.hoog) ? { max: g.hoog - x.aantal } : {}) });
    variables.set(`p:${c}`, new Map([[`g:${c}`, 1], ['kosten', prijs]]));
    variables.set(`m:${c}`, new Map([[`g:${c}`, -1], ['kosten', prijs]]));
  }
  const rij = new Set<number>();
  for (const c of cellen) for (const [i] of ctx.sommen.get(c)!) rij.add(i);
  for (const i of rij) {
    constraints.set(`s${i}`, { equal: 0 });
    for (const [c, k] of ctx.rijen[i]) {
      if (!cellen.has(c)) continue;
      variables.get(`p:${c}`)!.set(`s${i}`, k);
      variables.get(`m:${c}`)!.set(`s${i}`, -k);
    }
  }
  const o = heel({ direction: 'minimize', objective: 'kosten', constraints, variables });
  if (!o) return null;
  const delta = new Map<CelId, number>();
  for (const [naam, v] of o.variables) {
    const c = naam.slice(2);
    const d = (delta.get(c) ?? 0) + (naam[0] === 'p' ? Math.round(v) : -Math.round(v));
    if (d === 0) delta.delete(c);
    else delta.set(c, d);
  }
  return { kosten: o.result, delta };
}

/**
 * Checks a change on its own terms, whatever found it: every sum holds, every cell changed is
 * hidden after it or never printed and stays within what the reader knows.
 */
function houdbaar(ctx: Context, s: Onderdrukking, delta: ReadonlyMap<CelId, number>): boolean {
  const saldo = new Map<number, number>();
  for (const [id, d] of delta) {
    const c = ctx.cel.get(id)!;
    const g = grenzen(ctx, s, c);
    if (c.aantal + d < g.laag || c.aantal + d > g.hoog || (c.vast && open(ctx, s, id))) return false;
    for (const [i, k] of ctx.sommen.get(id)!) saldo.set(i, (saldo.get(i) ?? 0) + k * d);
  }
  for (const v of saldo.values()) if (v !== 0) return false;
  for (const n of ctx.w.nestingen ?? []) {
    if (ctx.cel.get(n.deel)!.aantal + (delta.get(n.deel) ?? 0) > ctx.cel.get(n.geheel)!.aantal + (delta.get(n.geheel) ?? 0)) return false;
  }
  // A shown share has both its cells printed: a change touching one hides it (all are zichtbaar).
  return true;
}

/**
 * What the marks allow a cell (no number shown) with the sums among the cells near it (buurt),
 * by propagating bounds through the sums: fewer constraints than the whole table and a weaker
 * method than the exact audit's, so never narrower than its baseline (a wider target is safe).
 * `alsVerborgen`: printed cells taken as hidden to protect (≥ DREMPEL).
 */
export function marken(ctx: Context, s: Onderdrukking, bl: Blokken, id: CelId, alsVerborgen: ReadonlySet<CelId> = new Set()): { min: number; max: number } {
  const cellen = buurt(ctx, bl, bl.plaats(id).eenheid);
  const laag = new Map<CelId, number>();
  const hoog = new Map<CelId, number>();
  for (const c of cellen) {
    const r = !ctx.weetReden(c) ? undefined : alsVerborgen.has(c) ? 'bescherming' : s.get(c);
    laag.set(c, r === 'bescherming' ? ctx.drempel : 0);
    hoog.set(c, r === 'klein' ? ctx.drempel - 1 : Infinity);
  }
  const rijen = [...new Set([...cellen].flatMap((c) => ctx.sommen.get(c)!.map(([i]) => i)))]
    .map((i) => ctx.rijen[i])
    .filter((r) => r.every(([c]) => cellen.has(c)));
  // Σ k·x = 0 with k = ±1: each term lies between minus the others' extremes.
  for (let ronde = 0, veranderd = true; veranderd && ronde < 50; ronde++) {
    veranderd = false;
    for (const r of rijen) {
      let min = 0;
      let max = 0;
      for (const [c, k] of r) {
        min += k > 0 ? laag.get(c)! : -hoog.get(c)!;
        max += k > 0 ? hoog.get(c)! : -laag.get(c)!;
      }
      for (const [c, k] of r) {
        const eigenMin = k > 0 ? laag.get(c)! : -hoog.get(c)!;
        const eigenMax = k > 0 ? hoog.get(c)! : -laag.get(c)!;
        // k·x = −(rest), rest within [min − eigenMin, max − eigenMax]
        const [a, b] = [-(max - eigenMax), -(min - eigenMin)];
        const [nl, nh] = k > 0 ? [a, b] : [-b, -a];
        if (Number.isFinite(nl) && nl > laag.get(c)!) {
          laag.set(c, nl);
          veranderd = true;
        }
        if (Number.isFinite(nh) && nh < hoog.get(c)!) {
          hoog.set(c, nh);
          veranderd = true;
        }
      }
    }
  }
  return { min: laag.get(id)!, max: hoog.get(id)! };
}


/**
 * Whether unit `e` can move by `teken`·`beweging` on its own: each member it moves is a cell that
 * is hidden (or never printed) and stays within what the reader knows of it.
 */
export function eenEenheid(ctx: Context, s: Onderdrukking, bl: Blokken, e: string, beweging: ReadonlyMap<string, number>, teken: number): boolean {
  const per = new Map<CelId, number>();
  for (const l of bl.leden) {
    const id = bl.cel(l, e);
    const b = (beweging.get(l) ?? 0) * teken;
    if (!id) {
      if (b !== 0) return false;
      continue;
    }
    // Two members of one cell (a known equality) must move alike.
    if (per.has(id) && per.get(id) !== b) return false;
    per.set(id, b);
  }
  for (const [id, b] of per) {
    if (b === 0) continue;
    const x = ctx.cel.get(id);
    if (!x || open(ctx, s, id)) return false;
    const g = grenzen(ctx, s, x);
    if (x.aantal + b < g.laag || x.aantal + b > g.hoog) return false;
  }
  return true;
}

const ggd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : ggd(b, a % b));

/**
 * A move (member → amount) split over units, each taking whole copies of its smallest pattern
 * (the move divided by the greatest common divisor of its amounts) times its sign, each within
 * what the reader knows of its cells; greedy, the units in the order given. The change per cell, or null.
 */
export function verdeel(ctx: Context, s: Onderdrukking, bl: Blokken, beweging: ReadonlyMap<string, number>, units: readonly (readonly [string, number])[]): Map<CelId, number> | null {
  const n = [...beweging.values()].reduce(ggd, 0);
  if (n <= 1) return null;
  const patroon = new Map([...beweging].map(([l, b]) => [l, b / n]));
  const maal = (k: number) => new Map([...patroon].map(([l, p]) => [l, p * k]));
  const uit = new Map<CelId, number>();
  let rest = n;
  for (const [e, teken] of units) {
    let k = rest;
    while (k > 0 && !eenEenheid(ctx, s, bl, e, maal(k), teken)) k--;
    if (k === 0) continue;
    const gezien = new Set<CelId>();
    for (const [l, p] of patroon) {
      const id = bl.cel(l, e)!;
      if (gezien.has(id)) continue;
      gezien.add(id);
      uit.set(id, (uit.get(id) ?? 0) + teken * p * k);
    }
    rest -= k;
    if (rest === 0) return uit;
  }
  return null;
}

/** A change that moves unit `eenheid` and a total above it, with the total's share split over the unit's hidden siblings. */
function zonderTotaal(ctx: Context, s: Onderdrukking, bl: Blokken, eenheid: string, v: { delta: Map<CelId, number> }): { kosten: number; delta: Map<CelId, number> } | null {
  const eigen = new Map<string, number>();
  for (const l of bl.leden) {
    const id = bl.cel(l, eenheid);
    const d = id ? v.delta.get(id) : undefined;
    if (d) eigen.set(l, d);
  }
  for (const x of bl.eenheidSommen) {
    if (!x.delen.includes(eenheid)) continue;
    const delen = verdeel(ctx, s, bl, eigen, x.delen.filter((e) => e !== eenheid).map((e) => [e, -1] as const));
    if (!delen) continue;
    const delta = new Map([...v.delta].filter(([id]) => bl.plaats(id).eenheid === eenheid));
    for (const [id, d] of delen) delta.set(id, (delta.get(id) ?? 0) + d);
    if (!houdbaar(ctx, s, delta)) continue;
    let kosten = 0;
    for (const [id, d] of delta) if (open(ctx, s, id)) kosten += ctx.kosten(ctx.cel.get(id)!) * Math.abs(d);
    return { kosten, delta };
  }
  return null;
}

/** The cheapest change putting `c` at `doel` over the unit vectors estimated cheapest. */
export function goedkoopste(ctx: Context, s: Onderdrukking, bl: Blokken, c: Cel, doel: number, vectoren: Map<string, Vector[]>): Map<CelId, number> | null {
  const { lid, eenheid } = bl.plaats(c.id);
  let vs = vectoren.get(eenheid);
  if (!vs) vectoren.set(eenheid, (vs = dimensieVectoren(bl.eenheidSommen, eenheid, bl.steun)));
  // Estimate: the printed cells of the same member in the other units.
  const schatting = (u: Vector) => {
    let k = 0;
    for (const e of u.keys()) {
      const id = bl.cel(lid, e);
      const x = id ? ctx.cel.get(id) : undefined;
      if (e !== eenheid && id && x && open(ctx, s, id)) k += x.vast ? Infinity : ctx.kosten(x);
    }
    return k;
  };
  // The target's own member moves by |doel − x| in every unit of the vector: a lower bound of the
  // cost, so the vectors are tried cheapest bound first and the search stops when none can beat the best.
  const stap = Math.abs(doel - c.aantal);
  // Among vectors with the same bound (a member never printed, such as n, bounds nothing), those
  // whose other units print the least first: a sibling before Nederland.
  const perEenheid = new Map<string, number>();
  const blokVan = (e: string) => {
    let k = perEenheid.get(e);
    if (k !== undefined) return k;
    k = 0;
    for (const l of bl.leden) {
      const id = bl.cel(l, e);
      const x = id ? ctx.cel.get(id) : undefined;
      if (id && x && open(ctx, s, id)) k += ctx.kosten(x);
    }
    perEenheid.set(e, k);
    return k;
  };
  const blok = (u: Vector) => {
    let k = 0;
    for (const e of u.keys()) if (e !== eenheid) k += blokVan(e);
    return k;
  };
  // The target's member moves by the same amount in every unit of the vector (times its sign): a
  // unit where that member cannot move so far rules the vector out before any programme.
  const haalbaar = (u: Vector) => {
    for (const [e, teken] of u) {
      const id = bl.cel(lid, e);
      const x = id ? ctx.cel.get(id) : undefined;
      if (!id || !x) return false;
      if (x.vast && open(ctx, s, id)) return false;
      const g = grenzen(ctx, s, x);
      const v = x.aantal + teken * u.get(eenheid)! * (doel - c.aantal);
      if (v < g.laag || v > g.hoog) return false;
    }
    return true;
  };
  const kandidaten = vs.filter(haalbaar).map((u) => ({ u, k: schatting(u) * stap, b: blok(u) })).filter((x) => Number.isFinite(x.k)).sort((a, b) => a.k - b.k || a.b - b.b);
  let beste: { kosten: number; delta: Map<CelId, number> } | null = null;
  let geprobeerd = 0;
  for (const { u, k } of kandidaten) {
    if ((beste && k >= beste.kosten) || geprobeerd >= VECTOREN) break;
    geprobeerd++;
    const v = verandering(ctx, s, bl, c.id, doel, u);
    if (!v || !houdbaar(ctx, s, v.delta)) continue;
    if (!beste || v.kosten < beste.kosten) beste = v;
  }
  // Where no vector will do, or the best hides a cell that weighs more (Nederland), the cells near
  // it each on their own: several small siblings may together take what one cannot.
  const zwaar = (v: { delta: Map<CelId, number> }) => [...v.delta.keys()].some((id) => open(ctx, s, id) && (ctx.cel.get(id)!.gewicht ?? 1) > 1);
  // The heavier total's share of the best change split over hidden siblings instead (no programme).
  if (beste && zwaar(beste)) beste = zonderTotaal(ctx, s, bl, eenheid, beste) ?? beste;
  if (!beste || zwaar(beste)) {
    const v = buurtVerandering(ctx, s, bl, c.id, doel);
    if (v && houdbaar(ctx, s, v.delta) && (!beste || v.kosten < beste.kosten)) beste = v;
  }
  return beste?.delta ?? null;
}


/**
 * What a reader of a view knows, given which cells are hidden: the counts printed, the shares
 * shown (with their rounding), the derived values shown, the relations (sums, nestings, parts
 * of 100%) and the marks (“<10” says fewer than 10; a cell hidden “om een kleine groep elders te
 * beschermen” says at least 10). The audit turns this into linear constraints on the unknown
 * counts; the view turns it into what it prints.
 */
import { DREMPEL } from '../format/disclosure.ts';
import { afgerondHalf, eenhedenInGeheel, grootsteRest } from './afronding.ts';
import type { Lin } from './lp.ts';
import { alleSommen, type Aandeel, type Cel, type CelId, type Reden, type Weergave } from './tabel.ts';

export type Onderdrukking = ReadonlyMap<CelId, Reden>;

export interface GetoondAandeel {
  /** Shown value in units (333 = 33,3% with 1 decimal). */
  readonly eenheden: number;
  /** Units in the whole (1000 for a percentage with 1 decimal). */
  readonly geheel: number;
  /** 'half': rounded on its own; 'rest': a part of 100% rounded by largest remainder. */
  readonly afronding: 'half' | 'rest';
}

/** Whether the view prints the count of this cell. */
export function aantalGetoond(c: Cel, onderdrukt: Onderdrukking): boolean {
  return c.getoond !== false && !onderdrukt.has(c.id);
}

/** Whether a share is shown: never when its teller or noemer is hidden. */
export function aandeelGetoond(a: Aandeel, onderdrukt: Onderdrukking): boolean {
  return !onderdrukt.has(a.teller) && !onderdrukt.has(a.noemer);
}

/**
 * The value of every share shown. A verdeling is rounded by largest remainder only when all its
 * parts and its total are printed as counts too (then the shares add nothing a reader could not
 * compute, so the exact rounding rule gives nothing away); otherwise each share is rounded on
 * its own and the parts may not add up to 100%.
 */
export function getoondeAandelen(w: Weergave, onderdrukt: Onderdrukking): Map<string, GetoondAandeel> {
  const cel = new Map(w.cellen.map((c) => [c.id, c]));
  const uit = new Map<string, GetoondAandeel>();
  for (const a of w.aandelen ?? []) {
    if (!aandeelGetoond(a, onderdrukt)) continue;
    const noemer = cel.get(a.noemer)!.aantal;
    if (noemer === 0) continue;
    const geheel = eenhedenInGeheel(a.decimalen, a.schaal);
    uit.set(a.id, { eenheden: afgerondHalf(cel.get(a.teller)!.aantal, noemer, a.decimalen, a.schaal), geheel, afronding: 'half' });
  }
  for (const v of optellendeVerdelingen(w, onderdrukt)) {
    const delen = v.map((id) => (w.aandelen ?? []).find((a) => a.id === id)!);
    const { noemer, decimalen, schaal } = delen[0];
    const eenheden = grootsteRest(delen.map((a) => cel.get(a.teller)!.aantal), cel.get(noemer)!.aantal, decimalen, schaal);
    delen.forEach((a, i) => uit.set(a.id, { eenheden: eenheden[i], geheel: eenhedenInGeheel(decimalen, schaal), afronding: 'rest' }));
  }
  return uit;
}

/** The verdelingen whose shown parts add up to exactly 100% (see getoondeAandelen). */
export function optellendeVerdelingen(w: Weergave, onderdrukt: Onderdrukking): (readonly string[])[] {
  const cel = new Map(w.cellen.map((c) => [c.id, c]));
  const aandeel = new Map((w.aandelen ?? []).map((a) => [a.id, a]));
  return (w.verdelingen ?? []).filter((v) => {
    const delen = v.map((id) => aandeel.get(id)!);
    const noemer = cel.get(delen[0].noemer)!;
    return noemer.aantal > 0 && aantalGetoond(noemer, onderdrukt) && delen.every((a) => aantalGetoond(cel.get(a.teller)!, onderdrukt));
  });
}

export interface Kennis {
  /** Counts the reader reads off the view. */
  readonly bekend: ReadonlyMap<CelId, number>;
  /** Constraints on the counts the reader does not see (known counts already filled in). */
  readonly rijen: readonly Lin[];
}

/**
 * The reader's knowledge as linear constraints on whole numbers ≥ 0. A share shown as P units of
 * S (rounded half up) means P − ½ ≤ S·t/n < P + ½, i.e. 2S·t − (2P−1)·n ≥ 0 and
 * 2S·t − (2P+1)·n ≤ −1 (whole numbers); a largest-remainder share is within one unit:
 * S·t − (P−1)·n ≥ 1 and S·t − (P+1)·n ≤ −1. Rows are divided by S to keep coefficients near 1.
 * `redenBekend` (default true): the reader knows each hidden cell's reason (or: which cells' reason
 * the page says; Beschut werk prints every hidden gemeente count as "x"). `alleenMarkeringen`:
 * what the relations and the marks say without any number shown (the baseline of the audit).
 */
/** Whether the reader knows why a hidden cell is hidden: for every cell, or per cell. */
export type RedenBekend = boolean | ((id: CelId) => boolean);

/** The per-cell form (absent: every reason is known). */
export function weetRedenVan(r: RedenBekend | undefined): (id: CelId) => boolean {
  return typeof r === 'function' ? r : () => r !== false;
}

export function kennis(
  w: Weergave,
  onderdrukt: Onderdrukking,
  opties: { redenBekend?: RedenBekend; drempel?: number; alleenMarkeringen?: boolean } = {},
): Kennis {
  const { redenBekend = true, drempel = DREMPEL, alleenMarkeringen = false } = opties;
  const weetReden = weetRedenVan(redenBekend);
  const bekend = new Map<CelId, number>();
  if (!alleenMarkeringen) for (const c of w.cellen) if (aantalGetoond(c, onderdrukt)) bekend.set(c.id, c.aantal);
  const ruw: Lin[] = [];
  const termen = (...t: [CelId, number][]) => {
    const m = new Map<CelId, number>();
    for (const [id, k] of t) m.set(id, (m.get(id) ?? 0) + k);
    return m;
  };
  for (const s of alleSommen(w)) ruw.push({ termen: termen([s.totaal, 1], ...s.delen.map((d): [CelId, number] => [d, -1])), min: 0, max: 0 });
  for (const s of w.nestingen ?? []) ruw.push({ termen: termen([s.deel, 1], [s.geheel, -1]), max: 0 });
  const aandeel = new Map((w.aandelen ?? []).map((a) => [a.id, a]));
  for (const [id, g] of alleenMarkeringen ? [] : getoondeAandelen(w, onderdrukt)) {
    const a = aandeel.get(id)!;
    const p = g.eenheden;
    const s = g.geheel;
    if (g.afronding === 'half') {
      ruw.push({ termen: termen([a.teller, 1], [a.noemer, -(2 * p - 1) / (2 * s)]), min: 0 });
      ruw.push({ termen: termen([a.teller, 1], [a.noemer, -(2 * p + 1) / (2 * s)]), max: -1 / (2 * s) });
    } else {
      ruw.push({ termen: termen([a.teller, 1], [a.noemer, -(p - 1) / s]), min: 1 / s });
      ruw.push({ termen: termen([a.teller, 1], [a.noemer, -(p + 1) / s]), max: -1 / s });
    }
  }
  for (const [id, reden] of onderdrukt) {
    if (weetReden(id)) {
      ruw.push(reden === 'klein' ? { termen: termen([id, 1]), max: drempel - 1 } : { termen: termen([id, 1]), min: drempel });
    }
  }
  return { bekend, rijen: ruw.flatMap((r) => vulIn(r, bekend)) };
}

/** Fills in the known counts; a row left without unknowns says nothing new and is dropped. */
function vulIn(r: Lin, bekend: ReadonlyMap<CelId, number>): Lin[] {
  let vast = 0;
  const over = new Map<CelId, number>();
  for (const [id, k] of r.termen) {
    if (k === 0) continue;
    const v = bekend.get(id);
    if (v === undefined) over.set(id, k);
    else vast += k * v;
  }
  if (over.size === 0) return [];
  return [{ termen: over, ...(r.min !== undefined ? { min: r.min - vast } : {}), ...(r.max !== undefined ? { max: r.max - vast } : {}) }];
}

/**
 * Hidden counts of Nederland's year table that are public anyway (README, rule set, rule 7).
 * UWV's letters printed national counts and whole percentages for some months and years to date
 * (data/published); with what the year table prints, they can pin a count the table hides to
 * protect another one: on the demo data, eleven counts of 2017 (12–144, hidden for January's 7
 * positive and 5 negative burger adviezen, which the letter of 30 June 2017 printed as 12
 * requests, 58% positive). Hiding such a count protects nothing, and a reader may still work it
 * out; printing it adds nothing a reader could not compute, so no other hidden cell gets
 * narrower. And what is hidden only to protect a group the publications give away protects
 * nothing either (eight more counts of 2017: January's and February's gemeenten and totals). A
 * count under DREMPEL stays hidden, published or not.
 */
import type { Beveiligd } from '../../lib/disclosure/beveilig.ts';
import { afgerondHalf } from '../../lib/disclosure/afronding.ts';
import { beoordelaar } from '../../lib/disclosure/audit.ts';
import { kennis } from '../../lib/disclosure/kennis.ts';
import { Oplosser } from '../../lib/disclosure/lp.ts';
import type { Aandeel, Cel, Som, Weergave } from '../../lib/disclosure/tabel.ts';
import { DREMPEL } from '../../lib/format/disclosure.ts';
import type { AanvragerKeuze } from '../../lib/metrics/beschut-afleiden.ts';
import type { BeschutCijfer } from '../../lib/published/beschut.ts';
import { cel } from './onderdrukking.ts';
import type { MaandSom } from './tabel.ts';

/** What UWV published about a year table, as a reader adds it: counts and whole percentages (ids of its cells). */
export interface Publicaties {
  readonly tellingen: ReadonlyMap<string, number>;
  readonly percentages: readonly { readonly teller: string; readonly noemer: string; readonly pct: number }[];
}

/** The table's unit of a published period: a month, or a sum of the table with exactly that period. */
function eenheid(van: string, tot: string, sommen: readonly MaandSom[]): string | null {
  if (van === tot) return van;
  return sommen.find((s) => s.van === van && s.tot === tot)?.id ?? null;
}

/**
 * UWV's figures about the year table `w` (sums `sommen`), where the table's counts agree with
 * them: a reader cannot tell which figure differs from the data, so a figure the data contradict
 * is left out (it pins nothing). Before 2017 only gemeenten could ask: their counts are the totals.
 */
export function publicaties(cijfers: readonly BeschutCijfer[], w: Weergave, sommen: readonly MaandSom[]): Publicaties {
  const waarde = new Map(w.cellen.map((c) => [c.id, c.aantal]));
  const id = (s: 'b' | 'p', e: string, a: AanvragerKeuze): string | null =>
    waarde.has(cel(s, e, a)) ? cel(s, e, a) : a === 'gemeente' && waarde.has(cel(s, e, 'totaal')) ? cel(s, e, 'totaal') : null;
  const tellingen = new Map<string, number>();
  const percentages: { teller: string; noemer: string; pct: number }[] = [];
  for (const c of cijfers) {
    const b = c.berekening;
    if (b.soort !== 'adviezen') continue;
    const e = eenheid(b.van, b.tot, sommen);
    const [bId, pId] = e === null ? [null, null] : [id('b', e, b.aanvrager), id('p', e, b.aanvrager)];
    if (bId === null || pId === null) continue;
    const [nb, np] = [waarde.get(bId)!, waarde.get(pId)!];
    const maanden = Number(b.tot.slice(5)) - Number(b.van.slice(5)) + 1;
    if (b.maat === 'beoordelingen' && c.waarde === nb) tellingen.set(bId, nb);
    else if (b.maat === 'gemiddeld' && c.waarde === nb / maanden) tellingen.set(bId, nb);
    else if (b.maat === 'positief' && c.waarde === np) tellingen.set(pId, np);
    // A whole percentage as the data round it half up (the 71% UWV's own 601 of 890 contradict is left out).
    else if (b.maat === 'pct' && nb > 0 && afgerondHalf(np, nb, 0) === c.waarde) percentages.push({ teller: pId, noemer: bId, pct: c.waarde });
  }
  return { tellingen, percentages };
}

/** A copy of a cell outside the table: what a reader reads elsewhere about it (equal to it by a sum). */
const kopie = (id: string) => `~${id}`;

/** The table `w` as a reader with the publications has it. */
export function lezerMet(w: Weergave, p: Publicaties): Weergave {
  const waarde = new Map(w.cellen.map((c) => [c.id, c.aantal]));
  // Copies: a published count is printed; a percentage is read on copies that are not (the module
  // reads a share only when its counts are not hidden, but UWV printed it whatever the table hides).
  const kopieen = new Map<string, Cel>();
  for (const [id, n] of p.tellingen) kopieen.set(id, { id: kopie(id), aantal: n });
  for (const x of p.percentages) for (const id of [x.teller, x.noemer]) if (!kopieen.has(id)) kopieen.set(id, { id: kopie(id), aantal: waarde.get(id)!, getoond: false });
  const aandelen: Aandeel[] = p.percentages.map((x) => ({ id: `uwv:${x.teller}`, teller: kopie(x.teller), noemer: kopie(x.noemer), decimalen: 0 }));
  const sommen: Som[] = [...kopieen.keys()].map((id) => ({ totaal: kopie(id), delen: [id] }));
  return { ...w, cellen: [...w.cellen, ...kopieen.values()], sommen: [...(w.sommen ?? []), ...sommen], aandelen: [...(w.aandelen ?? []), ...aandelen] };
}

type Tabel = Pick<Beveiligd, 'weergave' | 'onderdrukt' | 'zonderReden'>;

/** Whether the reader pins the cell to one whole number. */
function vastgepind(k: ReturnType<typeof kennis>, o: Oplosser, id: string): boolean {
  if (k.bekend.has(id)) return true;
  const g = o.grenzen(id);
  return g.exact && g.min === g.max;
}

/** The small hidden cells the publications alone pin, with only what a unit's cells are to each other (b = p + n, totaal = gemeente + burger). */
function kleinPubliek(b: Tabel, p: Publicaties): Set<string> {
  const eenheid = (id: string) => id.split('|')[1];
  const genoemd = new Set([...p.tellingen.keys(), ...p.percentages.flatMap((x) => [x.teller, x.noemer])].map(eenheid));
  const cellen = b.weergave.cellen.filter((c) => genoemd.has(eenheid(c.id)));
  const ids = new Set(cellen.map((c) => c.id));
  const deel: Weergave = { cellen, sommen: (b.weergave.sommen ?? []).filter((s) => ids.has(s.totaal) && s.delen.every((d) => ids.has(d))) };
  const lezer = lezerMet(deel, p);
  // Nothing of the table is read: every cell unknown, no marks.
  const k = kennis(lezer, new Map(cellen.map((c) => [c.id, 'bescherming'])), { redenBekend: false });
  const o = new Oplosser(k.rijen, new Map(lezer.cellen.map((c) => [c.id, c.aantal])));
  return new Set(cellen.filter((c) => b.onderdrukt.get(c.id) === 'klein' && vastgepind(k, o, c.id)).map((c) => c.id));
}

/**
 * The hidden counts the table `b` prints after all, given the publications `p` and the marks as
 * the page prints them (a reason, or none for zonderReden). Never a count under DREMPEL, nor one
 * hidden in another table of the page (`verborgen`: it stays hidden there).
 * 1. Every hidden count that the printed cells and the publications pin to one whole number.
 * 2. When the publications alone pin small hidden counts (January 2017's 7 and 5), the counts
 *    hidden to protect them may protect nothing: the remaining 'bescherming' counts are printed,
 *    all at once, when no other hidden count becomes narrower than before, or pinned (then freed
 *    as in 1) — the exact audit (audit.ts) with the publications. Else none: they protect each
 *    other in cycles, where printing one alone pins the others (test/beschut-openbaar.test.ts
 *    works such a cycle out).
 */
export function openbareCellen(b: Tabel, p: Publicaties): Set<string> {
  const uit = new Set<string>();
  const w = b.weergave;
  // A count the table never prints (the negatieve) is freed too: it stays unprinted, but the
  // audit no longer counts it as a hidden cell the reader can pin.
  const vrijbaar = w.cellen.filter((c) => b.onderdrukt.has(c.id) && c.aantal >= DREMPEL && !c.verborgen);
  if (!vrijbaar.length || (!p.tellingen.size && !p.percentages.length)) return uit;
  const lezer = lezerMet(w, p);
  const redenBekend = (id: string) => !b.zonderReden.has(id);
  const k = kennis(lezer, b.onderdrukt, { redenBekend });
  const o = new Oplosser(k.rijen, new Map(lezer.cellen.map((c) => [c.id, c.aantal])));
  for (const c of vrijbaar) if (vastgepind(k, o, c.id)) uit.add(c.id);

  const publiek = kleinPubliek(b, p);
  if (!publiek.size) return uit;
  const rest = vrijbaar.filter((c) => !uit.has(c.id) && c.getoond !== false && b.onderdrukt.get(c.id) === 'bescherming');
  const verborgen = (weg: ReadonlySet<string>) => new Map([...b.onderdrukt].filter(([id]) => !weg.has(id)));
  const eerst = beoordelaar(lezer, verborgen(uit), { redenBekend });
  const voor = new Map(w.cellen.filter((c) => b.onderdrukt.has(c.id) && !uit.has(c.id)).map((c) => [c.id, eerst(c)]));
  const over = verborgen(new Set([...uit, ...rest.map((c) => c.id)]));
  const oordeel = beoordelaar(lezer, over, { redenBekend });
  // Pinned counts of at least DREMPEL are freed with them, as in 1.
  const mee: string[] = [];
  const houdt = w.cellen.every((c) => {
    if (!over.has(c.id) || publiek.has(c.id)) return true;
    const [nu, was] = [oordeel(c), voor.get(c.id)];
    if (!nu || nu.beschermd || (!!was && nu.exact && was.exact && nu.min === was.min && nu.max === was.max)) return true;
    if (!(nu.exact && nu.min === nu.max && c.aantal >= DREMPEL && !c.verborgen)) return false;
    mee.push(c.id);
    return true;
  });
  if (houdt) for (const id of [...rest.map((c) => c.id), ...mee]) uit.add(id);
  return uit;
}

/** Whether UWV published adviezen figures of its own about Nederland's months `van`–`tot` (within one calendar year, as the year table). */
export function publicatiesOver(cijfers: readonly BeschutCijfer[], van: string, tot: string): boolean {
  return cijfers.some((c) => {
    const b = c.berekening;
    return b.soort === 'adviezen' && b.van.slice(0, 4) === b.tot.slice(0, 4) && b.van.slice(0, 4) === van.slice(0, 4) && b.van <= tot && b.tot >= van;
  });
}

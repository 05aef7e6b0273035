/**
 * The one entry point: `beveilig(weergave)` applies the rule set to everything a view shows
 * together and answers, per id, what the view may print. Chart, table twin, sentences and export
 * of the view all read from the same answer, so a cell is hidden everywhere or nowhere.
 *
 *   const b = beveilig(weergave);
 *   b.aantal('wajong.werkzaam')             // 30, or KLEIN ("<10") / BESCHERMD ("x")
 *   b.aandeel('wajong.werkzaam/wajong')     // 0.333 (already rounded), or AFGELEID / BESCHERMD ("x")
 *   b.afgeleid('wajong.duur', 4.2)          // 4.2, or AFGELEID / BESCHERMD when a base count is hidden
 * A hidden value is AFGELEID when a small group is in it, BESCHERMD when it only protects another
 * (both print "x"; footnotes and sentences give the reason).
 *   b.reden('wajong.werkzaam/wajong')       // 'klein' | 'bescherming' | null → zinnen.ts
 */
import { AFGELEID, BESCHERMD, GEHEIM, KLEIN, type Onderdrukt } from '../format/disclosure.ts';
import type { AuditUitkomst } from './audit.ts';
import { getoondeAandelen, optellendeVerdelingen, type GetoondAandeel } from './kennis.ts';
import { onderdrukMetKubussen, type Blokken } from './kubus.ts';
import { onderdruk, type OnderdrukOpties } from './onderdrukking.ts';
import { controleer, type CelId, type Reden, type ToonReden, type Weergave } from './tabel.ts';
import { verzwijgRedenen } from './verzwijgen.ts';

export interface Informatieverlies {
  /** Cells hidden because they hold fewer than 10 persons. */
  readonly primair: number;
  /** Cells hidden to protect those. */
  readonly secundair: number;
  /** Persons in the cells of the second kind. */
  readonly personenSecundair: number;
  /** Cells in the view. */
  readonly cellen: number;
}

export interface Beveiligd {
  readonly weergave: Weergave;
  readonly onderdrukt: ReadonlyMap<CelId, Reden>;
  /**
   * Hidden cells printed "x" without their reason (GEHEIM), where the reason itself would narrow
   * a hidden cell (verzwijgen.ts); what rests on them says no reason either. Usually empty.
   */
  readonly zonderReden: ReadonlySet<CelId>;
  /** The attacker's result on what the view prints (lekken is empty when the rule set held). */
  readonly audit: AuditUitkomst;
  readonly verlies: Informatieverlies;
  /** The count to print: the number, KLEIN ("<10") or BESCHERMD ("x", hidden to protect another). */
  aantal(id: CelId): number | Onderdrukt;
  /** The share to print as a fraction already rounded to its decimals (0.333 = 33,3%), or AFGELEID / BESCHERMD. */
  aandeel(id: string): number | Onderdrukt;
  /** A mean or other derived value: `waarde` itself, or AFGELEID / BESCHERMD when a base count is hidden. */
  afgeleid<T>(id: string, waarde: T): T | Onderdrukt;
  /** Why a cell, share or derived value is hidden (null when it is shown; 'geheim': not to be said, see zonderReden). */
  reden(id: string): ToonReden | null;
  /** Whether the shown parts of the verdeling holding this share add up to exactly 100%. */
  optellend(aandeelId: string): boolean;
}

export type BeveiligOpties = OnderdrukOpties & { blokken?: Blokken; redenElders?: ReadonlySet<CelId>; ruil?: boolean };

/** Cells of at least this many persons hidden only to protect another are worth an exchange (`ruil`). */
const RUIL_VANAF = 100;

/**
 * `blokken`: the structure of a table that is a product of sums (kubus.ts); with it the table is
 * protected by hypercubes, whose proofs are the audit of the cells they cover. `redenElders`:
 * hidden cells whose reason another page prints, so it is never withheld here (verzwijgen.ts).
 * `ruil`: rule 3's exchange (see `ruilGroot`), for views with national cells.
 */
export function beveilig(w: Weergave, opties: BeveiligOpties = {}): Beveiligd {
  const { ruil, ...rest } = opties;
  const b = eenmaal(w, rest);
  return ruil ? ruilGroot(w, b, rest) : b;
}

/**
 * Rule 3's exchange: a cell of 100 or more persons hidden only to protect another is printed
 * instead when the same table, with that cell fixed as printed (`vast`, as if another table
 * printed it), is protected with fewer persons hidden — the module's own choice and audit, so
 * the exchange is as safe as the first; by hiding alone: a trial that would need reasons withheld
 * (verzwijgen.ts) is not taken. Largest cells first, again after each exchange, until
 * none helps: a cell of 100 or more is then never hidden where one exchange (it printed, the
 * module free to choose the rest) gives a smaller complement.
 * The exchange tries each such cell once per round: it costs one protection per candidate.
 */
function ruilGroot(w: Weergave, eerste: Beveiligd, opties: BeveiligOpties): Beveiligd {
  const aantal = new Map(w.cellen.map((c) => [c.id, c.aantal]));
  // Only a printed cell this table decides: one hidden elsewhere stays hidden.
  const vrij = new Set(w.cellen.filter((c) => c.getoond !== false && !c.verborgen && c.aantal >= RUIL_VANAF).map((c) => c.id));
  const met = (vast: ReadonlySet<CelId>) => eenmaal({ ...w, cellen: w.cellen.map((c) => (vast.has(c.id) ? { ...c, vast: true } : c)) }, opties, true);
  let b = eerste;
  // The cells printed by the exchanges so far; each exchange hides fewer persons than the table
  // before it, so the search ends.
  let vast = new Set<CelId>();
  for (;;) {
    const kandidaten = [...b.onderdrukt].filter(([id, r]) => r === 'bescherming' && vrij.has(id))
      .map(([id]) => id).sort((x, y) => aantal.get(y)! - aantal.get(x)! || (x < y ? -1 : 1));
    let beter: { b: Beveiligd; vast: Set<CelId> } | null = null;
    for (const id of kandidaten) {
      // With the earlier exchanges kept, and else with this cell alone printed (the rest free again).
      for (const v of vast.size ? [new Set([...vast, id]), new Set([id])] : [new Set([id])]) {
        const proef = met(v);
        if (proef.audit.lekken.length === 0 && proef.verlies.personenSecundair < b.verlies.personenSecundair) {
          beter = { b: proef, vast: v };
          break;
        }
      }
      if (beter) break;
    }
    if (!beter) return b === eerste ? b : { ...b, weergave: w };
    ({ b, vast } = beter);
  }
}

function eenmaal(w: Weergave, opties: BeveiligOpties, proef = false): Beveiligd {
  controleer(w);
  const { blokken, redenElders, ...rest } = opties;
  const uit = blokken ? onderdrukMetKubussen(w, blokken, { ...rest, zonderTerugval: proef }) : onderdruk(w, rest);
  const { onderdrukt } = uit;
  // Only when hiding could not close every leak: perhaps a reason said is what narrows a cell.
  const { zonderReden, audit } = uit.audit.lekken.length > 0 && rest.redenBekend !== false && !proef
    ? verzwijgRedenen(w, onderdrukt, { ...rest, redenElders })
    : { zonderReden: new Set<CelId>(), audit: uit.audit };
  const cel = new Map(w.cellen.map((c) => [c.id, c]));
  const aandeel = new Map((w.aandelen ?? []).map((a) => [a.id, a]));
  const afgeleid = new Map((w.afgeleid ?? []).map((a) => [a.id, a]));
  const getoond: ReadonlyMap<string, GetoondAandeel> = getoondeAandelen(w, onderdrukt);
  const optellend = new Set(optellendeVerdelingen(w, onderdrukt).flat());
  const geheim = (ids: readonly CelId[]) => ids.some((id) => zonderReden.has(id));
  const redenVan = (ids: readonly CelId[]): Reden | null => {
    const r = ids.map((id) => onderdrukt.get(id));
    return r.includes('klein') ? 'klein' : r.includes('bescherming') ? 'bescherming' : null;
  };
  const onbekend = (id: string): never => {
    throw new Error(`disclosure: "${id}" is not declared in this view`);
  };
  const secundair = [...onderdrukt].filter(([, r]) => r === 'bescherming').map(([id]) => cel.get(id)!.aantal);
  return {
    weergave: w,
    onderdrukt,
    zonderReden,
    audit,
    verlies: {
      primair: onderdrukt.size - secundair.length,
      secundair: secundair.length,
      personenSecundair: secundair.reduce((a, b) => a + b, 0),
      cellen: w.cellen.length,
    },
    aantal(id) {
      const c = cel.get(id) ?? onbekend(id);
      if (c.getoond === false) throw new Error(`disclosure: "${id}" is declared as not printed`);
      const r = onderdrukt.get(id);
      if (r && zonderReden.has(id)) return GEHEIM;
      return r === 'klein' ? KLEIN : r === 'bescherming' ? BESCHERMD : c.aantal;
    },
    aandeel(id) {
      const a = aandeel.get(id) ?? onbekend(id);
      const g = getoond.get(id);
      if (g) return g.eenheden / g.geheel;
      return geheim([a.teller, a.noemer]) ? GEHEIM : redenVan([a.teller, a.noemer]) === 'bescherming' ? BESCHERMD : AFGELEID;
    },
    afgeleid(id, waarde) {
      const a = afgeleid.get(id) ?? onbekend(id);
      const r = redenVan(a.basis);
      if (r && geheim(a.basis)) return GEHEIM;
      return r === 'klein' ? AFGELEID : r === 'bescherming' ? BESCHERMD : waarde;
    },
    reden(id) {
      if (cel.has(id)) return zonderReden.has(id) ? 'geheim' : (onderdrukt.get(id) ?? null);
      const a = aandeel.get(id);
      const basis = a ? [a.teller, a.noemer] : (afgeleid.get(id) ?? onbekend(id)).basis;
      const r = redenVan(basis);
      if (r && geheim(basis)) return 'geheim';
      return a ? (r ?? (getoond.has(id) ? null : 'klein')) : r;
    },
    optellend(id) {
      aandeel.get(id) ?? onbekend(id);
      return optellend.has(id);
    },
  };
}

/**
 * A hidden cell's reason is a mark too: "<10" says 0–9, "x" to protect another says at least 10.
 * Where a reason itself narrows another hidden cell below DREMPEL values and no further hiding
 * can widen it, the cell prints "x" without its reason (GEHEIM: "a group under 10, or hidden to
 * protect one"), which is still true. Example (Beschut werk, Nederland, November 2016–February
 * 2017): burgers could ask only from 2017, so the period's burger requests (printed) are January's
 * plus February's; January's 12 are 7 positive and 5 negative, both "<10", so its total is hidden
 * too, and February's with it. "At least 10" on January would pin February's to 9 values; without
 * it (0–18) February takes 19.
 */
import { audit, type AuditOpties, type AuditUitkomst } from './audit.ts';
import type { Onderdrukking } from './kennis.ts';
import type { CelId, Weergave } from './tabel.ts';

export interface Verzwegen {
  /** Hidden cells printed without their reason (empty when every reason can be said). */
  readonly zonderReden: ReadonlySet<CelId>;
  /** The exact audit with those reasons unknown to the reader. */
  readonly audit: AuditUitkomst;
}

const schoon = (a: AuditUitkomst) => a.lekken.length === 0 && a.kleinGetoond.length === 0;

/**
 * The fewest reasons to withhold so that the exact audit finds nothing, first among the cells
 * hidden to protect (their "at least 10"), then among all hidden cells; none when withholding does
 * not help (the audit's leaks then stand, for the caller's tests to see). `redenElders`: hidden
 * cells whose reason another page prints (a table taken over whole): never withheld here.
 */
export function verzwijgRedenen(w: Weergave, onderdrukt: Onderdrukking, opties: Pick<AuditOpties, 'drempel'> & { redenElders?: ReadonlySet<CelId> } = {}): Verzwegen {
  const { redenElders, ...rest } = opties;
  const met = (weg: ReadonlySet<CelId>) => audit(w, onderdrukt, { ...rest, redenBekend: (id) => !weg.has(id) });
  const volledig = met(new Set());
  if (schoon(volledig)) return { zonderReden: new Set(), audit: volledig };
  const verborgen = [...onderdrukt.keys()].filter((id) => !redenElders?.has(id)).sort();
  for (const kandidaten of [verborgen.filter((id) => onderdrukt.get(id) === 'bescherming'), verborgen]) {
    const weg = new Set(kandidaten);
    let a = met(weg);
    if (!schoon(a)) continue;
    // Say every reason that can be said: one at a time back, kept when the audit stays clean.
    for (const id of kandidaten) {
      weg.delete(id);
      const zonder = met(weg);
      if (schoon(zonder)) a = zonder;
      else weg.add(id);
    }
    return { zonderReden: weg, audit: a };
  }
  return { zonderReden: new Set(), audit: volledig };
}

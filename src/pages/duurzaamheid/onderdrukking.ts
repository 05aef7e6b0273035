/**
 * Secondary suppression. Hiding a cell of fewer than 10 persons is not enough when the cells of
 * a row add up to a total that is shown (werkzaam + werk verloren + uit het register = cohort;
 * the uitstroom reasons = all who left): the hidden cell is then the total minus the others.
 * So when exactly one part is hidden, the next smallest part is hidden too, and parts are added
 * until the hidden ones together hold at least 10 persons. Likewise a total row loses a count
 * when a group row above it hides that count. The part rule itself (onderdrukDelen) and primary suppression live in lib/format/disclosure.ts.
 */
import { AFGELEID, DREMPEL, KLEIN, isOnderdrukt, onderdrukDelen } from '../../lib/format/disclosure.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';

export interface Deel {
  naam: string;
  /** Persons in this part. */
  waarde: number;
  /** Column of its count; absent = the table does not show this part. */
  aantal?: string;
  /** Column of its share. */
  aandeel?: string;
}

/** A copy of the row with the hidden parts' counts as "<10"/"x" and their shares as "x". */
export function beschermPartitie(rij: Readonly<Record<string, unknown>>, delen: readonly Deel[], drempel = DREMPEL): Record<string, unknown> {
  const verborgen = delen.filter((d) => !d.aantal && !d.aandeel).map((d) => d.naam);
  const weg = onderdrukDelen(Object.fromEntries(delen.map((d) => [d.naam, d.waarde])), verborgen, drempel);
  const uit: Record<string, unknown> = { ...rij };
  for (const d of delen) {
    if (!weg.has(d.naam)) continue;
    if (d.aantal) uit[d.aantal] = d.waarde < drempel ? KLEIN : AFGELEID;
    if (d.aandeel) uit[d.aandeel] = AFGELEID;
  }
  return uit;
}

/** A total row without the counts that a group row hides (total − shown groups would give them back). */
export function beschermTotaal(groepen: readonly Record<string, unknown>[], totaal: Readonly<Record<string, unknown>>, kolommen: readonly string[]): Record<string, unknown> {
  const uit: Record<string, unknown> = { ...totaal };
  for (const k of kolommen) {
    if (isOnderdrukt(uit[k])) continue;
    if (groepen.some((g) => isOnderdrukt(g[k]))) uit[k] = AFGELEID;
  }
  return uit;
}

/** The three outcome parts of a cohort row. */
export function uitkomstDelen(r: UitkomstRij, kolommen = true): Deel[] {
  return [
    { naam: 'werkzaam', waarde: r.werkzaam, ...(kolommen ? { aantal: 'werkzaam', aandeel: 'werkzaam_pct' } : {}) },
    { naam: 'verloren', waarde: r.werkVerloren, ...(kolommen ? { aantal: 'verloren', aandeel: 'verloren_pct' } : {}) },
    { naam: 'uit', waarde: r.uitRegister, ...(kolommen ? { aantal: 'uit', aandeel: 'uit_pct' } : {}) },
  ];
}

/**
 * The row for the headline sentences: hidden parts set to 0, so metrics/duurzaamheid/zinnen.ts (which
 * suppresses any share with fewer than 10 persons) says "niet getoond" for them too.
 */
export function uitkomstVoorZin(r: UitkomstRij): UitkomstRij {
  const weg = onderdrukDelen({ werkzaam: r.werkzaam, verloren: r.werkVerloren, uit: r.uitRegister });
  return {
    ...r,
    werkzaam: weg.has('werkzaam') ? 0 : r.werkzaam,
    werkVerloren: weg.has('verloren') ? 0 : r.werkVerloren,
    uitRegister: weg.has('uit') ? 0 : r.uitRegister,
  };
}

/** Uitstroom reasons of one group for the sentence: hidden reasons set to 0. */
export function uitstroomVoorZin(rijen: readonly UitstroomRij[]): UitstroomRij[] {
  const weg = onderdrukDelen(Object.fromEntries(rijen.map((r) => [r.reden, r.aantal])));
  return rijen.map((r) => (weg.has(r.reden) ? { ...r, aantal: 0 } : r));
}

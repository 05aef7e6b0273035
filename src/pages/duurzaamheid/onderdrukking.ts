/**
 * The old per-row part rule for sentences built without the page's protected table (the
 * Kernzinnen fallback, the briefing): a part hidden with onderdrukDelen (lib/format/
 * disclosure.ts) is set to 0, so the sentence says "niet getoond". The page itself goes through
 * lib/disclosure (beveiliging.ts, kernzinnen.ts).
 */
import { onderdrukDelen } from '../../lib/format/disclosure.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';

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

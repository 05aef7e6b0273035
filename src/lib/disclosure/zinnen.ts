/**
 * The words for what disclosure control hides: the true reason in a sentence, the footnotes
 * under a table or chart, and the note on percentages that should add up to 100.
 */
import { TOELICHTING_BESCHERMD, TOELICHTING_GEHEIM, TOELICHTING_KLEIN } from '../format/disclosure.ts';
import type { Beveiligd } from './beveilig.ts';
import type { ToonReden } from './tabel.ts';

export const REDEN_TEKST: Readonly<Record<ToonReden, string>> = {
  klein: 'omdat het om minder dan 10 personen gaat',
  bescherming: 'om een kleine groep elders in de tabel te beschermen',
  geheim: 'om kleine aantallen te beschermen',
};

/** "wordt niet getoond, om een kleine groep elders in de tabel te beschermen". */
export function nietGetoond(reden: ToonReden): string {
  return `wordt niet getoond, ${REDEN_TEKST[reden]}`;
}

const X_KLEIN = 'x: niet getoond, omdat de groep (of de teller) kleiner is dan 10 personen.';
export const X_BESCHERMING = TOELICHTING_BESCHERMD;
const X_BEIDE =
  'x: niet getoond, omdat de groep (of de teller) kleiner is dan 10 personen, of om een kleine groep elders in de tabel te beschermen (anders zou die uit de andere cijfers te berekenen zijn).';

export const AFRONDING_OPTELLEND = 'Percentages zijn zo afgerond dat de delen samen 100% zijn.';
export const AFRONDING_LOS = 'Percentages zijn elk apart afgerond, en niet getoonde delen ontbreken; ze tellen daardoor niet altijd op tot 100%.';

/** The footnotes a view needs for what it hides ("<10" and "x" with their reasons). */
export function toelichtingen(b: Beveiligd): string[] {
  const w = b.weergave;
  const uit: string[] = [];
  const getoond = w.cellen.filter((c) => c.getoond !== false);
  if (getoond.some((c) => b.reden(c.id) === 'klein')) uit.push(TOELICHTING_KLEIN);
  const x = new Set<ToonReden>();
  for (const c of getoond) if (b.reden(c.id) === 'bescherming' || b.reden(c.id) === 'geheim') x.add(b.reden(c.id)!);
  for (const a of [...(w.aandelen ?? []), ...(w.afgeleid ?? [])]) {
    const r = b.reden(a.id);
    if (r) x.add(r);
  }
  // A reason withheld anywhere: its own note, and the others say theirs as usual.
  const geheim = x.delete('geheim');
  if (x.size === 2) uit.push(X_BEIDE);
  else if (x.has('klein')) uit.push(X_KLEIN);
  else if (x.has('bescherming')) uit.push(X_BESCHERMING);
  if (geheim) uit.push(TOELICHTING_GEHEIM);
  return uit;
}

/** The note under parts of 100%: whether the shown percentages add up (null: no verdeling). */
export function afrondingsNoot(b: Beveiligd): string | null {
  const v = b.weergave.verdelingen ?? [];
  if (v.length === 0) return null;
  return v.every((d) => b.optellend(d[0])) ? AFRONDING_OPTELLEND : AFRONDING_LOS;
}

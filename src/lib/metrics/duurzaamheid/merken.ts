/**
 * The marks a voorberekende map writes next to a row's counts (`leeg_<kolom>`: the group's own
 * cell, `tleeg_<kolom>`: its total's), read back as the reason each empty count was left empty.
 */
import type { Reden } from '../../disclosure/tabel.ts';

/**
 * Per count (`kolommen`: count → column) the reason its cell is empty; undefined when the row has
 * no marks at all (`eerste`: a column every marked row has — answers from microdata have none).
 */
export function merken<T extends string>(
  r: object,
  voor: 'leeg' | 'tleeg',
  kolommen: Readonly<Record<T, string>>,
  eerste: string,
): Partial<Record<T, Reden>> | undefined {
  if (!(`${voor}_${eerste}` in r)) return undefined;
  const uit: Partial<Record<T, Reden>> = {};
  for (const [veld, kolom] of Object.entries(kolommen) as [T, string][]) {
    const m = (r as Readonly<Record<string, unknown>>)[`${voor}_${kolom}`];
    if (m === 'klein' || m === 'bescherming') uit[veld] = m;
    else if (m) throw new Error(`Onbekende reden van onderdrukking: ${String(m)}`);
  }
  return uit;
}

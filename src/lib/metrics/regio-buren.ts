/**
 * Regions to compare a region with, besides Nederland: its neighbours (sharing a border on the
 * map, see regio-geo.ts) and the regions closest to it in size of the register in the end
 * quarter. Small regions scatter more, so a region of similar size is a fairer comparison.
 */
import type { RegioOverzicht } from './regio.ts';

/** The `aantal` regions whose register in the end quarter is closest in size to `code`'s (nearest first; ties by code). */
export function vergelijkbareRegios(code: string, overzicht: RegioOverzicht, aantal = 4): string[] {
  const grootte = new Map(overzicht.regios.filter((r) => r.regio_code !== null).map((r) => [r.regio_code!, r.eind.personen]));
  const eigen = grootte.get(code);
  if (eigen === undefined || eigen === 0) return [];
  return [...grootte]
    .filter(([c, n]) => c !== code && n > 0)
    // Relative distance: 2.000 against 4.000 is as far as 20.000 against 40.000.
    .map(([c, n]) => ({ c, d: Math.abs(Math.log(n / eigen)) }))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, aantal)
    .map((x) => x.c);
}

/**
 * The views a briefing can hold, by key, with their page and short name. Kept apart from the
 * registries (which import the pages' charts) so the link parser and the "Voeg toe aan briefing"
 * button stay light; the registries are checked against this list in the tests.
 */
import type { PaginaId } from '../state/url.ts';

export const VIEWS = {
  'duurzaamheid/uitkomst': { pagina: 'duurzaamheid', naam: 'Duurzaamheid: werk na een jaar per achtergrond' },
  'duurzaamheid/trend': { pagina: 'duurzaamheid', naam: 'Duurzaamheid: door de jaren heen' },
  'duurzaamheid/starters': { pagina: 'duurzaamheid', naam: 'Duurzaamheid: starters' },
  'regios/kaart': { pagina: 'regios', naam: "Regio's: kaart en ranglijst" },
  'regios/vergelijk': { pagina: 'regios', naam: "Regio's vergelijken" },
  'regios/profiel': { pagina: 'regios', naam: "Regio's: profiel van een regio" },
  'buig/jaar': { pagina: 'buig', naam: 'BUIG: resultaat per jaar' },
  'buig/gemeenten': { pagina: 'buig', naam: 'BUIG: gemeenten' },
  'beschut-werk/maanden': { pagina: 'beschut-werk', naam: 'Beschut werk: adviezen per maand' },
  'beschut-werk/gebieden': { pagina: 'beschut-werk', naam: 'Beschut werk: gebieden' },
} as const satisfies Record<string, { pagina: PaginaId; naam: string }>;

export type ViewSleutel = keyof typeof VIEWS;

export function isViewSleutel(s: string): s is ViewSleutel {
  return Object.hasOwn(VIEWS, s);
}

/**
 * Beschut werk on a voorberekende map (`npm run compute`, voorberekend/beschut.ts writes the
 * tables): per calendar year the page's national view — every gemeente, region and Nederland
 * (`agg_beschut_gebied`) and Nederland's months (`agg_beschut_maand`) — one row per count, a count
 * the page hides written empty with the reason it prints; and Nederland's places per peildatum
 * (`agg_beschut_plekken`).
 */
export const BESCHUT_GEBIED_TABEL = 'agg_beschut_gebied';
export const BESCHUT_MAAND_TABEL = 'agg_beschut_maand';
export const BESCHUT_PLEKKEN_TABEL = 'agg_beschut_plekken';

/** Why a count of the map is empty: the reason the microdata page prints for it. */
export type KaartReden = 'klein' | 'bescherming' | 'geheim';

/**
 * One count of Beschut werk's voorberekende map as the page reads it back: `eenheid` a gemeente
 * (GMxxxx), region (AMxx) or 'NL' in the comparison; a month ('yyyy-mm'), the year ('jaar') or a
 * year to date ('tm' + 'yyyy-mm') in Nederland's months; `soort` b (beoordelingen), p (positief),
 * n (negatief), 'plekken' or 'taakstelling'; `aantal` null where the file left it empty.
 */
export interface KaartCel {
  eenheid: string;
  soort: string;
  aanvrager: 'gemeente' | 'burger' | 'totaal';
  aantal: number | null;
  reden: KaartReden | null;
}

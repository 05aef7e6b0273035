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

/**
 * The reference list gemeente → arbeidsmarktregio (src/lib/extracts/gemeenten.ts) as a constant
 * table in SQL, for the metrics on gemeente-level extracts (beschut werk, BUIG). Built from the
 * list in the code, never from user input; quoted by the one SQL toolkit.
 */
import { GEMEENTEN } from '../extracts/gemeenten.ts';
import { literal } from '../sql/quote.ts';

/** CTE `gr (gemeente_code, regio_code, naam)`: one row per gemeente in the reference list. */
export function gemeenteRegioCte(): string {
  const rijen = GEMEENTEN.map((g) => `(${literal(g.code)}, ${literal(g.regio)}, ${literal(g.naam)})`).join(', ');
  return `gr AS (SELECT * FROM (VALUES ${rijen}) v(gemeente_code, regio_code, naam))`;
}

/**
 * How a query runs on voorberekende tabellen: only when every table it reads comes from the
 * folder. A metric query that builds a pre-aggregated table in its `setup` and reads only that
 * table (the Regio's page) gets the folder's table in place of its setup; a query that reads
 * microdata directly (no setup, or a setup the folder does not hold, or the SQL names an extract)
 * is not sent at all and gets one plain Dutch answer. So the page keeps its one data path.
 */
import { EXTRACT_NAMES } from '../extracts/contracts.ts';
import { QueryError } from '../query/errors.ts';

export const NIET_VOORBEREKEND =
  'Niet beschikbaar in voorberekende gegevens: dit onderdeel rekent op microdata, en de voorberekende map heeft er geen tabel voor.';

/** The statements to run before `sql` on voorberekende tabellen (name → create statement), or a QueryError. */
export function voorberekendeSetup(
  setup: readonly { name: string; sql: string }[],
  sql: string,
  tabellen: ReadonlyMap<string, string>,
): { name: string; sql: string }[] {
  const leestMicrodata = EXTRACT_NAMES.some((x) => new RegExp(`\\b${x}\\b`).test(sql));
  if (setup.length === 0 || leestMicrodata || setup.some((s) => !tabellen.has(s.name))) throw new QueryError(NIET_VOORBEREKEND);
  return setup.map((s) => ({ name: s.name, sql: tabellen.get(s.name)! }));
}

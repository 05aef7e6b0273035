/**
 * Quarter arithmetic. A quarter is written "2021Q3" (URLs, published tables) and counted as an
 * index year*4 + quarter−1, so stepping quarters is integer arithmetic in TypeScript and in SQL.
 */

/** A quarter as used in URLs and published tables: "2021Q3". */
export type Kwartaal = `${number}Q${1 | 2 | 3 | 4}`;

export function parseKwartaal(s: string): { jaar: number; kwartaal: 1 | 2 | 3 | 4 } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(s);
  if (!m) return null;
  return { jaar: Number(m[1]), kwartaal: Number(m[2]) as 1 | 2 | 3 | 4 };
}

export function kwartaalToIndex(s: string): number {
  const p = parseKwartaal(s);
  if (!p) throw new Error(`Ongeldig kwartaal: ${s}`);
  return p.jaar * 4 + p.kwartaal - 1;
}

export function indexToKwartaal(i: number): Kwartaal {
  return `${Math.floor(i / 4)}Q${(i % 4) + 1}` as Kwartaal;
}

/** Last day of the quarter as ISO date, e.g. 2021Q3 → 2021-09-30. */
export function kwartaalEinde(s: string): string {
  const p = parseKwartaal(s);
  if (!p) throw new Error(`Ongeldig kwartaal: ${s}`);
  const end = new Date(Date.UTC(p.jaar, p.kwartaal * 3, 0));
  return end.toISOString().slice(0, 10);
}

/** The same index for a DATE expression in SQL: lets a query step quarters with integers. */
export function kwartaalIndex(dateExpr: string): string {
  return `(year(${dateExpr}) * 4 + quarter(${dateExpr}) - 1)`;
}

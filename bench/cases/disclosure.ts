/**
 * Bench cases for disclosure control (`npm run bench`): suppression plus audit of a view as big
 * as the pages show (src/lib/disclosure/beveilig.ts). They do not use the engine; the tables are
 * generated with a fixed seed, so every run protects the same tables. Each case returns its
 * information loss (cells hidden because they are small, cells hidden to protect them, persons
 * in the latter); the README's rule-set section lists those figures.
 */
import { beveilig, type Informatieverlies } from '../../src/lib/disclosure/beveilig.ts';
import { WeergaveBouwer, type Weergave } from '../../src/lib/disclosure/tabel.ts';
import { prng } from '../../test/prng.ts';

interface BenchCase {
  name: string;
  run(): Promise<Informatieverlies>;
}

/**
 * Groups × categories with row totals, a national row (column totals) and shares of each row
 * (1 decimal, parts of 100%), as the uitstroom table per region: `klein` is the chance of a cell
 * under 10 persons.
 */
export function groepenTabel(groepen: number, categorieen: number, klein: number, seed: number): Weergave {
  const r = prng(seed);
  const b = new WeergaveBouwer();
  const x = Array.from({ length: groepen }, () =>
    Array.from({ length: categorieen }, () => (r() < klein ? Math.floor(r() * 10) : 10 + Math.floor(r() * 400))),
  );
  const kolommen = Array.from({ length: categorieen }, (_, j) => x.reduce((t, rij) => t + rij[j], 0));
  const rij = (id: string, waarden: number[], gewicht?: number) => {
    b.cel(id, waarden.reduce((t, v) => t + v, 0), { gewicht });
    b.verdeling(id, waarden.map((v, j) => [`${id}.${j}`, v] as const), 1);
  };
  x.forEach((waarden, i) => rij(`g${i}`, waarden));
  // National figures weigh more: they are hidden only when nothing else will do.
  rij('nl', kolommen, 2);
  b.som('nl', x.map((_, i) => `g${i}`));
  for (let j = 0; j < categorieen; j++) b.som(`nl.${j}`, x.map((_, i) => `g${i}.${j}`));
  return b.weergave();
}

const tabellen: [string, Weergave][] = [
  ["35 regio's × 4 uitstroomredenen (10% klein)", groepenTabel(35, 4, 0.1, 1)],
  ['8 achtergronden × 3 uitkomsten (20% klein)', groepenTabel(8, 3, 0.2, 2)],
  ["35 regio's × 3 uitkomsten (30% klein)", groepenTabel(35, 3, 0.3, 3)],
];

export const cases: BenchCase[] = tabellen.map(([naam, w]) => ({
  name: `onderdrukking + audit: ${naam}`,
  run: async () => beveilig(w).verlies,
}));

export default cases;


/**
 * BUIG and disclosure control (README, rule set): the BUIG extract holds euros per gemeente and
 * year — budgets set by the ministry and published, and what the gemeente spent — and no count of
 * persons; the counts the page shows are gemeenten. So nothing is suppressed: a gemeente with a
 * tiny budget, and a region of one gemeente, are shown as they are. This test holds that claim on
 * a hand-built table, through the page's own chart builders and the CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import { naarCsv } from '../src/lib/export/csv.ts';
import { isOnderdrukt } from '../src/lib/format/disclosure.ts';
import { perGemeenteQuery, regioQuery } from '../src/lib/metrics/buig.ts';
import { herkomstVan } from '../src/lib/query/herkomst.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { bronVan, gemeentenData, regioData } from '../src/pages/buig/grafieken.ts';
import { buigEngine, type BuigRij } from './fixtures/buig.ts';

/**
 * 2023: Schiermonnikoog (AM02) € 40.000 budget, € 52.000 spent: a tekort of € 12.000 (30,0%);
 * Leeuwarden (AM02) € 40 mln, € 38 mln; Groningen (AM01, the region's only gemeente) € 90 mln, € 99 mln.
 */
const BUIG: BuigRij[] = [
  ['GM0088', 2023, 38_000, 40_000, 52_000],
  ['GM0080', 2023, 39e6, 40e6, 38e6],
  ['GM0014', 2023, 88e6, 90e6, 99e6],
];

describe('BUIG shows amounts per gemeente, not persons: nothing to suppress', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await buigEngine(BUIG);
  });
  afterAll(() => engine.close());

  it('a gemeente with a budget of € 40.000 is shown unchanged, in the table and the CSV', async () => {
    const bron = bronVan(herkomstVan([]));
    const d = gemeentenData(await runMetric(engine, perGemeenteQuery({ jaar: 2023 })), { jaar: 2023, selectie: 'Nederland', spreiding: null, bron });
    const schier = d.rijen.find((r) => r.code === 'GM0088')!;
    expect(schier).toMatchObject({ uitkomst: 'tekort', pct: expect.closeTo(0.3, 12), bedrag: expect.closeTo(0.012, 12), definitief: 0.04, uitgaven: 0.052 });
    expect(d.rijen.flatMap((r) => Object.values(r)).some(isOnderdrukt)).toBe(false);
    expect(naarCsv(d)).toContain('Schiermonnikoog;tekort;30,0;0,01;0,04;0,05;Friesland;');
  });

  it('a region of one gemeente shows its sums and "1 gemeente": gemeenten are not persons', async () => {
    const d = regioData((await runMetric(engine, regioQuery())).filter((r) => r.jaar === 2023), { jaar: 2023, selectie: 'Nederland', bron: bronVan(herkomstVan([])) });
    const groningen = d.rijen.find((r) => r.regio_code === 'AM01')!;
    expect(groningen).toMatchObject({ gemeenten: 1, gemeentenTekort: 1, definitief: 90, uitgaven: 99 });
    expect(d.rijen.find((r) => r.regio_code === 'AM02')).toMatchObject({ gemeenten: 2, gemeentenTekort: 1 });
  });
});

/**
 * Rule 7 (README, rule set) asks whether a published figure, with what a page prints, pins a
 * count the page hides. For the Duurzaamheid page the answer on the demo data is that it cannot:
 * every UWV share about persons that the page compares rests on counts the page prints (its twin
 * is shown, not "onderdrukt"), so the published whole percent tells a reader less than the
 * printed counts already do. Checked here on the page's own comparison queries (national).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { leesGepubliceerdeDuurzaamheid, vergelijk } from '../src/lib/published/duurzaamheid.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import type { Selectie } from '../src/pages/duurzaamheid/selectie.ts';
import { berekendeCijfers } from '../src/pages/duurzaamheid/selectie.ts';
import { tegelBereikQuery } from '../src/pages/overzicht/duurzaamheid.ts';

let micro: NodeEngine;
beforeAll(async () => {
  micro = await NodeEngine.create();
  await micro.attachParquet({ doelgroep_kwartaal: 'data/extracts/doelgroep_kwartaal.parquet', doelgroep_uitstroom: 'data/extracts/doelgroep_uitstroom.parquet' });
}, 120_000);
afterAll(() => micro?.close());

describe('UWV\'s Duurzaamheid shares and the page\'s hidden counts (demo data)', () => {
  it('every published share about persons rests on counts the page prints: none pins a hidden count', async () => {
    const bereik = (await runMetric(micro, tegelBereikQuery()))!;
    const s: Selectie = { basis: `${Number(bereik.laatste.slice(0, 4)) - 2}Q3`, horizon: 4, achtergrond: [], regio: [], sector: 'alle' };
    const v = duurzaamheidQueries(s, bereik).vergelijking!;
    const [cohort, uitstroom, starters, contract] = [(await runMetric(micro, v.cohort))!, (await runMetric(micro, v.uitstroom))!, (await runMetric(micro, v.starters))!, (await runMetric(micro, v.contract))!];
    const pub = leesGepubliceerdeDuurzaamheid(readFileSync('data/published/duurzaamheid.csv', 'utf8'));
    const personen = vergelijk(pub, berekendeCijfers(cohort, uitstroom, starters, contract)).filter((x) => ['cohort', 'uitstroom', 'starters'].includes(x.cijfer.berekening?.soort ?? ''));
    // 24 shares of cohorts, of those who left the register, and of starters, all compared.
    expect(personen).toHaveLength(24);
    expect(personen.filter((x) => x.status !== 'binnen' && x.status !== 'buiten').map((x) => `${x.cijfer.indicator} ${x.cijfer.periode}: ${x.status}`)).toEqual([]);
    // The smallest base among them: the 161 who left the register after 2017Q3 (74% to Wsw-beschut).
    const ws = personen.find((x) => x.cijfer.berekening?.soort === 'uitstroom')!;
    expect(uitstroom.find((r) => ws.cijfer.berekening?.soort === 'uitstroom' && r.basis === ws.cijfer.berekening.basis)?.uitRegister).toBe(161);
  }, 120_000);
});

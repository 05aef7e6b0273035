/**
 * Bench cases for the Regio's page (`npm run bench`). Each case gets an engine with
 * `doelgroep_kwartaal` loaded. The pre-aggregation runs once after load in the app; the other
 * cases are what a user waits for when changing indicator/period (target ≤ 150 ms median in
 * Chromium) or opening the compare view. Self-contained: a case builds what it needs on its
 * first run, so medians over repeated runs measure the interaction only.
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import {
  beschikbareKwartalenQuery, geindexeerdeReeksen, heeftRegioAggregaatQuery, indicatorTabel, maakRegioAggregaat,
  regioOverzichtQuery, regioReeksenQuery, startniveauVersusGroei, REGIO_INDICATOR_NAMEN,
} from '../../src/lib/metrics/regio.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';

export interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

interface Staat {
  kwartalen: Kwartaal[];
  stap: number;
}
const staat = new WeakMap<QueryEngine, Staat>();

/** Aggregate present and quarters known; only the first run per engine pays for this. */
async function voorbereid(engine: QueryEngine): Promise<Staat> {
  let s = staat.get(engine);
  if (!s) {
    if (!(await runMetric(engine, heeftRegioAggregaatQuery()))) await maakRegioAggregaat(engine);
    const kwartalen = await runMetric(engine, beschikbareKwartalenQuery());
    if (kwartalen.length === 0) throw new Error('Geen kwartalen in doelgroep_kwartaal.');
    s = { kwartalen, stap: 0 };
    staat.set(engine, s);
  }
  return s;
}

export const cases: BenchCase[] = [
  {
    name: 'regio: pre-aggregatie regio × kwartaal, sector- en dienstverbandkolommen (eenmalig na laden)',
    run: (engine) => maakRegioAggregaat(engine),
  },
  {
    name: 'regio: periode en indicator wisselen (overzicht → kaart/ranking + scatter)',
    async run(engine) {
      const s = await voorbereid(engine);
      // Each run picks another base/end pair and indicator, as a user clicking through would.
      const k = s.kwartalen;
      const i = s.stap++;
      const basis = k[i % Math.max(1, k.length - 1)];
      const eind = k[k.length - 1 - (i % Math.max(1, Math.floor(k.length / 2)))];
      const overzicht = await runMetric(engine, regioOverzichtQuery({ basis, eind }));
      const tabel = indicatorTabel(overzicht, REGIO_INDICATOR_NAMEN[i % REGIO_INDICATOR_NAMEN.length]);
      const scatter = startniveauVersusGroei(overzicht, i % 2 ? 'banen_per_1000' : 'aandeel_werkzaam');
      return { regios: tabel.rijen.length, r: scatter.r };
    },
  },
  {
    name: "regio: vergelijken, 6 regio's + landelijk over alle kwartalen, geïndexeerd",
    async run(engine) {
      const s = await voorbereid(engine);
      const van = s.kwartalen[0];
      const tot = s.kwartalen[s.kwartalen.length - 1];
      const reeksen = await runMetric(engine, regioReeksenQuery({ van, tot, regios: ['AM01', 'AM13', 'AM18', 'AM22', 'AM30', 'AM38'] }));
      return geindexeerdeReeksen(reeksen, 'banen', van).length;
    },
  },
];

export default cases;

/**
 * Bench cases for the Duurzaamheid page (`npm run bench`): the page's own questions
 * (src/pages/duurzaamheid/queries.ts) through a coordinator, as the page asks them, so the
 * numbers are what the page waits for — without the drawing. A Q3 base quarter after the first
 * view is answered from the coordinator's cache (no query); another quarter of the year asks its
 * own three trends.
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import { basiskwartalen, panelBereikQuery, type PanelBereik } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { Coordinator, queryEngineAdapter } from '../../src/lib/query/Coordinator.ts';
import { runMetric, type MetricQuery } from '../../src/lib/sql/query.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';
import { duurzaamheidQueries, type DuurzaamheidQueries } from '../../src/pages/duurzaamheid/queries.ts';
import { kwartaalVanJaar, type Selectie } from '../../src/pages/duurzaamheid/selectie.ts';

interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

interface Staat {
  bereik: PanelBereik;
  q3: Kwartaal[];
  anders: Kwartaal[];
  /** A coordinator whose cache holds the first view (the page after its first view). */
  warm: Coordinator | null;
  stap: number;
}
const staat = new WeakMap<QueryEngine, Staat>();

async function voorbereid(engine: QueryEngine): Promise<Staat> {
  let s = staat.get(engine);
  if (!s) {
    const bereik = await runMetric(engine, panelBereikQuery());
    if (!bereik) throw new Error('doelgroep_kwartaal is leeg.');
    const basis = basiskwartalen(bereik, 4);
    s = { bereik, q3: basis.filter((k) => kwartaalVanJaar(k) === 3), anders: basis.filter((k) => kwartaalVanJaar(k) !== 3), warm: null, stap: 0 };
    staat.set(engine, s);
  }
  return s;
}

function selectie(basis: Kwartaal): Selectie {
  return { basis, horizon: 4, achtergrond: [], regio: [], sector: 'alle' };
}

const VOLGORDE = ['cohortTrend', 'contractTrend', 'uitstroomTrend', 'startersTrend'] as const satisfies readonly (keyof DuurzaamheidQueries)[];

/** Everything the page asks for one selection, in the page's priority order (one after the other). */
async function alles(c: Coordinator, s: Selectie, bereik: PanelBereik): Promise<number> {
  const q = duurzaamheidQueries(s, bereik);
  let n = 0;
  for (const vraag of [...VOLGORDE.map((naam) => q[naam]), ...Object.values(q.vergelijking ?? {})]) {
    await c.request({}, vraag as MetricQuery<unknown>);
    n++;
  }
  return n;
}

async function warm(engine: QueryEngine, s: Staat): Promise<Coordinator> {
  if (!s.warm) {
    s.warm = new Coordinator(queryEngineAdapter(engine));
    await alles(s.warm, selectie(s.q3.at(-1)!), s.bereik);
  }
  return s.warm;
}

export const cases: BenchCase[] = [
  {
    name: 'duurzaamheid-pagina: trend eerste keer (alle Q3-basiskwartalen × achtergrond, één query)',
    async run(engine) {
      const s = await voorbereid(engine);
      const q = duurzaamheidQueries(selectie(s.q3.at(-1)!), s.bereik);
      return (await runMetric(engine, q.cohortTrend)).length;
    },
  },
  {
    name: 'duurzaamheid-pagina: eerste weergave (cohort, trend, contract, uitstroom, starters)',
    async run(engine) {
      const s = await voorbereid(engine);
      return alles(new Coordinator(queryEngineAdapter(engine)), selectie(s.q3.at(-1)!), s.bereik);
    },
  },
  {
    name: 'duurzaamheid-pagina: ander basiskwartaal, derde kwartaal (uit de trends, geen query)',
    async run(engine) {
      const s = await voorbereid(engine);
      const c = await warm(engine, s);
      const basis = s.q3[s.stap++ % s.q3.length];
      const sent = c.stats.sent;
      await alles(c, selectie(basis), s.bereik);
      return c.stats.sent - sent;
    },
  },
  {
    name: 'duurzaamheid-pagina: ander basiskwartaal, geen derde kwartaal (de trends van dat kwartaal: drie queries)',
    async run(engine) {
      const s = await voorbereid(engine);
      await warm(engine, s);
      // A fresh coordinator times exactly the trends of that quarter of the year.
      const q = duurzaamheidQueries(selectie(s.anders[s.stap++ % s.anders.length]), s.bereik);
      const c = new Coordinator(queryEngineAdapter(engine));
      const uit = [q.cohortTrend, q.uitstroomTrend, q.startersTrend];
      for (const vraag of uit) await c.request({}, vraag as MetricQuery<unknown>);
      return uit.length;
    },
  },
];

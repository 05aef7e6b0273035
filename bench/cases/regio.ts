/**
 * Bench cases for the Regio's page (`npm run bench`): the page's own questions (src/lib/metrics/
 * regio.ts) through a coordinator, as the page asks them, and the page's chart data built from
 * the answers — everything a user waits for except the drawing. The pre-aggregation is the
 * queries' setup: the coordinator builds it once per data version (the first case times it);
 * after that a new period is one small query, a new indicator none.
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';
import { beschikbareKwartalenQuery, regioDuurzaamQuery, regioOverzichtQuery, regioReeksenQuery } from '../../src/lib/metrics/regio.ts';
import { REGIO_CODES } from '../../src/lib/extracts/regions.ts';
import { geindexeerdeReeksen } from '../../src/lib/metrics/regio-index.ts';
import { Coordinator, queryEngineAdapter, type Answer } from '../../src/lib/query/Coordinator.ts';
import { runMetric, type MetricQuery } from '../../src/lib/sql/query.ts';
import { kaartData, PAGINA_INDICATOR_NAMEN, rangTabel } from '../../src/pages/regios/grafieken.ts';
import { spreidingData, startniveau } from '../../src/pages/regios/spreiding.ts';
import { trechterData } from '../../src/pages/regios/trechter.ts';

interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

const NIVEAU_EN_GROEI = PAGINA_INDICATOR_NAMEN.filter((x) => x !== 'duurzaam');

interface Staat {
  /** A coordinator after the page's first question (the pre-aggregation exists). */
  c: Coordinator;
  kwartalen: Kwartaal[];
  stap: number;
}
const staat = new WeakMap<QueryEngine, Staat>();

/** The page once the panel is loaded; only the first run per engine pays for this. */
async function warm(engine: QueryEngine): Promise<Staat> {
  let s = staat.get(engine);
  if (!s) {
    const c = new Coordinator(queryEngineAdapter(engine));
    const kwartalen = (await c.request({}, beschikbareKwartalenQuery())).data;
    if (kwartalen.length < 9) throw new Error('Te weinig kwartalen in doelgroep_kwartaal voor de regio-bench.');
    s = { c, kwartalen, stap: 0 };
    staat.set(engine, s);
  }
  return s;
}

function vraag<T>(s: Staat, q: MetricQuery<T>): Promise<Answer<T>> {
  return s.c.request({}, q);
}

export const cases: BenchCase[] = [
  {
    name: 'regio: pre-aggregatie regio × kwartaal (setup van de regiovragen, eenmalig per dataversie) en de kwartalen',
    run: async (engine) => (await runMetric(engine, beschikbareKwartalenQuery())).length,
  },
  {
    name: 'regio: nieuwe periode (één overzichtsquery op de pre-aggregatie) → kaart/ranglijst/tabel en spreiding',
    async run(engine) {
      const s = await warm(engine);
      // Each run a period not asked before, as a user clicking through would (no cache hit).
      const i = s.stap++;
      const k = s.kwartalen;
      const basis = k[i % (k.length - 5)];
      const eind = k[k.length - 1 - (Math.floor(i / (k.length - 5)) % 4)];
      const { data: o, herkomst } = await vraag(s, regioOverzichtQuery({ basis, eind }));
      const view = { indicator: NIVEAU_EN_GROEI[i % NIVEAU_EN_GROEI.length], basis: o.basis, eind: o.eind };
      const kaart = kaartData(view, rangTabel(view, o, null), herkomst);
      const sg = startniveau(o, i % 2 ? 'banen_per_1000' : 'aandeel_werkzaam');
      return [kaart.rijen.length, spreidingData(sg, herkomst, null).rijen.length];
    },
  },
  {
    name: 'regio: andere indicator (hetzelfde overzicht uit de cache, geen query) → kaart/ranglijst/tabel',
    async run(engine) {
      const s = await warm(engine);
      const k = s.kwartalen;
      const { data: o, herkomst } = await vraag(s, regioOverzichtQuery({ basis: k[0], eind: k[k.length - 1] }));
      const view = { indicator: NIVEAU_EN_GROEI[s.stap++ % NIVEAU_EN_GROEI.length], basis: o.basis, eind: o.eind };
      return kaartData(view, rangTabel(view, o, null), herkomst).rijen.length;
    },
  },
  {
    name: "regio: vergelijken, 6 regio's + landelijk over alle kwartalen, geïndexeerd",
    async run(engine) {
      const s = await warm(engine);
      const i = s.stap++;
      // Another set of six each run (a set asked before would come from the cache).
      const regios = Array.from({ length: 6 }, (_, j) => REGIO_CODES[(i + j * 5) % REGIO_CODES.length]);
      const van = s.kwartalen[0];
      const { data } = await vraag(s, regioReeksenQuery({ van, tot: s.kwartalen[s.kwartalen.length - 1], regios }));
      return geindexeerdeReeksen(data, 'banen', van).length;
    },
  },
  {
    name: 'regio: trechter (werkzaam na 1 jaar per regio, één cohort, nieuw eindkwartaal)',
    async run(engine) {
      const s = await warm(engine);
      // A different end quarter each run (the coordinator caches per end quarter).
      const eind = s.kwartalen[4 + (s.stap++ % (s.kwartalen.length - 4))];
      const q = regioDuurzaamQuery(eind, s.kwartalen);
      if (!q) return 0;
      const { data, herkomst } = await vraag(s, q);
      return trechterData(data.eind, data.rijen, herkomst)?.data.rijen.length ?? 0;
    },
  },
];

export default cases;

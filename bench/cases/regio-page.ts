/**
 * Bench cases for the Regio's page (`npm run bench`): the page's own pattern through RegioBron
 * (src/pages/regios/bron.ts) and the view models (model.ts) — everything before the drawing,
 * which a bench case cannot time (test/e2e/regios.test.ts measures the redraw in Chromium:
 * target ≤ 150 ms median for a new indicator or period on map, ranking and scatter).
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';
import { RegioBron, type RegioEngine } from '../../src/pages/regios/bron.ts';
import {
  kaartData, PAGINA_INDICATOR_NAMEN, rangTabel, spreidingData, startniveau, trechterData, type Herkomst,
} from '../../src/pages/regios/model.ts';

interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

const HERKOMST: Herkomst = { bron: 'bench', synthetisch: true };

/** The bench hands a plain QueryEngine; the page's view keys are just labels then. */
function alsRegioEngine(engine: QueryEngine): RegioEngine {
  return { query: (s, p) => engine.query(s, p), queryLatest: (_k, s, p) => engine.query(s, p), close: async () => {} };
}

interface Staat {
  bron: RegioBron;
  kwartalen: Kwartaal[];
  stap: number;
}
const staat = new WeakMap<QueryEngine, Staat>();

/** A source after its preparation (the page once the panel is loaded); only the first run pays. */
async function warm(engine: QueryEngine): Promise<Staat> {
  let s = staat.get(engine);
  if (!s) {
    const bron = new RegioBron(alsRegioEngine(engine));
    const v = await bron.voorbereiden();
    if (v.kwartalen.length < 9) throw new Error('Te weinig kwartalen in doelgroep_kwartaal voor de regio-bench.');
    s = { bron, kwartalen: v.kwartalen, stap: 0 };
    staat.set(engine, s);
  }
  return s;
}

export const cases: BenchCase[] = [
  {
    name: 'regio-pagina: voorbewerking (regio × kwartaal bouwen en in de pagina inlezen, eenmalig na laden)',
    async run(engine) {
      return (await new RegioBron(alsRegioEngine(engine)).voorbereiden()).rijen;
    },
  },
  {
    name: 'regio-pagina: nieuwe periode en indicator (overzicht uit het geheugen → kaart/ranglijst/tabel + spreiding)',
    async run(engine) {
      const s = await warm(engine);
      // Each run another, not yet cached period and indicator, as a user clicking through would.
      const i = s.stap++;
      const k = s.kwartalen;
      const basis = k[i % (k.length - 5)];
      const eind = k[k.length - 1 - (Math.floor(i / (k.length - 5)) % 4)];
      const o = await s.bron.overzicht({ basis, eind });
      const indicator = PAGINA_INDICATOR_NAMEN.filter((x) => x !== 'duurzaam')[i % 6];
      const view = { indicator, basis, eind };
      const kaart = kaartData(view, rangTabel(view, o, null), HERKOMST);
      const { s: sg, groei } = startniveau(o, i % 2 ? 'banen_per_1000' : 'aandeel_werkzaam');
      return [kaart.rijen.length, spreidingData(sg, HERKOMST, null, groei).rijen.length];
    },
  },
  {
    name: 'regio-pagina: trechter (werkzaam na 1 jaar per regio, één cohort, nieuw eindkwartaal)',
    async run(engine) {
      const s = await warm(engine);
      const bereik = { eerste: s.kwartalen[0], laatste: s.kwartalen[s.kwartalen.length - 1] };
      // A different end quarter each run (the page caches per end quarter).
      const eind = s.kwartalen[4 + (s.stap++ % (s.kwartalen.length - 4))];
      const d = await s.bron.duurzaam(eind, bereik);
      return d ? trechterData(eind, d, HERKOMST)?.data.rijen.length : 0;
    },
  },
];

export default cases;

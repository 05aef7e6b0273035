/**
 * Bench cases for the Beschut werk page (`npm run bench`): the page's own questions
 * (src/pages/beschut-werk/queries.ts) through a coordinator, as the page asks them, followed by
 * the work the page does on the answers before drawing — disclosure control over gemeenten,
 * regions and months, the chart models and the sentences. A filter change is "new period" (new
 * questions), "new gemeente" (a region's gemeenten per month and peildatum) or a reshaping change
 * (aanvrager, minimum taakstelling: no query, only the models).
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import { gebieden } from '../../src/lib/metrics/beschut-afleiden.ts';
import type { GemeentePlekRij, GemeenteRij } from '../../src/lib/metrics/beschut-gemeenten.ts';
import type { MaandRij, PlekkenRij } from '../../src/lib/metrics/beschut.ts';
import { Coordinator, queryEngineAdapter } from '../../src/lib/query/Coordinator.ts';
import { standaardFilters } from '../../src/lib/state/url.ts';
import type { MetricQuery } from '../../src/lib/sql/query.ts';
import { context, eenheidVan, hoofdAanvrager, type BeschutFilters } from '../../src/pages/beschut-werk/context.ts';
import { kaartData, vergelijkModel } from '../../src/pages/beschut-werk/gebieden.ts';
import { aantallenData, cumulatiefData, percentagesData, totalen, totalenData } from '../../src/pages/beschut-werk/maanden.ts';
import { beschermGebieden } from '../../src/pages/beschut-werk/onderdrukking.ts';
import { beschutQueries, jaarVan, plekPunten, verborgenMaanden } from '../../src/pages/beschut-werk/queries.ts';

interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

/**
 * The published comparison is not timed here (it reads a CSV, not the engine), nor what the
 * published figures free in Nederland's 2016 and 2017 months (openbaar.ts; 56 ms for 2017 in
 * Node): this case runs in Node and in the browser, and only Vite reads a CSV as text.
 */
const gepubliceerd = [] as const;
const warm = new WeakMap<QueryEngine, { c: Coordinator; stap: number }>();
const klaar = new WeakMap<QueryEngine, { m: MaandRij[]; g: ReturnType<typeof gebieden>; v: ReturnType<typeof beschermGebieden>; vm: Set<string> }>();

function coordinator(engine: QueryEngine, nieuw: boolean): { c: Coordinator; stap: number } {
  let w = warm.get(engine);
  if (!w || nieuw) warm.set(engine, (w = { c: new Coordinator(queryEngineAdapter(engine)), stap: 0 }));
  return w;
}

const vraag = <T>(c: Coordinator, q: MetricQuery<T> | null): Promise<T | null> => (q ? c.request({}, q).then((a) => a.data) : Promise.resolve(null));

/** Ask what the page asks for `f`, then build what the page draws; returns cells hidden and charts built. */
async function pagina(c: Coordinator, f: BeschutFilters): Promise<{ verborgen: number; grafieken: number }> {
  const e = eenheidVan(f);
  const q = beschutQueries(f, e, gepubliceerd);
  const [m, gem, p, rp] = [
    await vraag<MaandRij[]>(c, q.maanden),
    await vraag<GemeenteRij[]>(c, q.gemeenten),
    await vraag<PlekkenRij[]>(c, q.plekken),
    await vraag<GemeentePlekRij[]>(c, q.regioPlekken),
  ];
  const g = gebieden(gem!);
  // The comparison is per calendar year (queries.ts jaarVan).
  const v = beschermGebieden(g, jaarVan(f).tot);
  const vm = verborgenMaanden(e, f, m!, v, gepubliceerd);
  plekPunten(e, p, rp, g, v);
  return { verborgen: v.adviezen.size + vm.size, grafieken: modellen(f, m!, vm, g, v) };
}

/** The chart models of one view (what a reshaping change redoes). */
function modellen(f: BeschutFilters, m: MaandRij[], vm: Set<string>, g: ReturnType<typeof gebieden>, v: ReturnType<typeof beschermGebieden>): number {
  const ctx = context('bench');
  const a = hoofdAanvrager(f.aanvrager);
  const aanvragers = f.aanvrager === 'alle' ? (['gemeente', 'burger', 'totaal'] as const) : [a];
  aantallenData(m, f.van, f.tot, aanvragers, vm, ctx);
  percentagesData(m, f.van, f.tot, aanvragers, vm, ctx);
  totalenData(totalen(m, f.van, f.tot), aanvragers, vm, ctx);
  cumulatiefData(m, f.tot, a, vm, null, ctx);
  kaartData(g, f, a, v, ctx);
  vergelijkModel(g, f, a, v, ctx);
  return 6;
}

const basis = (): BeschutFilters => standaardFilters('beschut-werk');
// Periods within one calendar year (url.ts), each in another year: each asks new questions.
const PERIODEN: [string, string][] = [['2017-01', '2017-12'], ['2018-01', '2018-06'], ['2019-03', '2019-11'], ['2021-01', '2021-05'], ['2024-02', '2024-12']];

export const cases: BenchCase[] = [
  {
    name: 'Beschut werk: eerste weergave (alle vragen + onderdrukking + grafieken)',
    run: (engine) => pagina(coordinator(engine, true).c, basis()),
  },
  {
    name: 'Beschut werk: andere periode (nieuwe vragen)',
    run: async (engine) => {
      const w = coordinator(engine, false);
      const [van, tot] = PERIODEN[w.stap++ % PERIODEN.length];
      return pagina(w.c, { ...basis(), van, tot });
    },
  },
  {
    name: 'Beschut werk: andere gemeente (haar maanden en de plekken van de regio)',
    run: async (engine) => {
      const w = coordinator(engine, false);
      const g = ['GM0034', 'GM0363', 'GM0228', 'GM0014', 'GM0599'][w.stap++ % 5];
      return pagina(w.c, { ...basis(), gemeente: g });
    },
  },
  {
    name: 'Beschut werk: aanvrager of minimum wisselen (geen query, alleen grafieken)',
    run: async (engine) => {
      const w = coordinator(engine, false);
      let k = klaar.get(engine);
      if (!k) {
        // Once: the answers and their protection, as the page holds them in its consistent view.
        const f = basis();
        const e = eenheidVan(f);
        const q = beschutQueries(f, e, gepubliceerd);
        const m = (await vraag<MaandRij[]>(w.c, q.maanden))!;
        const g = gebieden((await vraag<GemeenteRij[]>(w.c, q.gemeenten))!);
        const v = beschermGebieden(g, jaarVan(f).tot);
        klaar.set(engine, (k = { m, g, v, vm: verborgenMaanden(e, f, m, v, gepubliceerd) }));
      }
      const stap = w.stap++;
      const f = { ...basis(), aanvrager: (['alle', 'gemeente', 'burger'] as const)[stap % 3], minimum: [0, 5, 20][stap % 3] };
      return modellen(f, k.m, k.vm, k.g, k.v);
    },
  },
];

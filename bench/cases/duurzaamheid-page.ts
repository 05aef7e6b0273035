/**
 * Bench cases for the Duurzaamheid page (`npm run bench`): the page's own query pattern through
 * DuurzaamheidBron (src/pages/duurzaamheid/bron.ts), so the numbers are what the page waits for —
 * without the drawing, which a bench case cannot time (the e2e test measures the redraw in
 * Chromium). Targets: a new cohort selection ≤ 300 ms median after the panel is loaded; the
 * all-cohort trend ≤ 2.5 s the first time.
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import { basiskwartalen, panelBereikQuery, type PanelBereik } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';
import { DuurzaamheidBron, isTrendKwartaal, type Selectie, type ViewEngine } from '../../src/pages/duurzaamheid/bron.ts';

interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

/** The bench hands a plain QueryEngine; the page's views are just labels then. */
function alsView(engine: QueryEngine): ViewEngine {
  return { queryLatest: (_view, sql, params) => engine.query(sql, params) };
}

interface Staat {
  bereik: PanelBereik;
  q3: Kwartaal[];
  anders: Kwartaal[];
  /** A source whose trends are loaded (the page after its first view). */
  warm: DuurzaamheidBron | null;
  stap: number;
}
const staat = new WeakMap<QueryEngine, Staat>();

async function voorbereid(engine: QueryEngine): Promise<Staat> {
  let s = staat.get(engine);
  if (!s) {
    const bereik = await runMetric(engine, panelBereikQuery());
    if (!bereik) throw new Error('doelgroep_kwartaal is leeg.');
    const basis = basiskwartalen(bereik, 4);
    s = { bereik, q3: basis.filter(isTrendKwartaal), anders: basis.filter((k) => !isTrendKwartaal(k)), warm: null, stap: 0 };
    staat.set(engine, s);
  }
  return s;
}

function selectie(basis: Kwartaal): Selectie {
  return { basis, horizon: 4, achtergrond: [], regio: [], sector: 'alle' };
}

/** Everything the page shows for one selection, in the page's order (one step after the other). */
async function alles(b: DuurzaamheidBron, s: Selectie): Promise<unknown[]> {
  const uit: unknown[] = [];
  uit.push(await b.cohortTrend(s));
  uit.push(await b.cohort(s));
  uit.push(await b.contractTrend(s));
  uit.push(await b.uitstroom(s));
  uit.push(await b.startersTrend(s));
  uit.push(await b.starters(s));
  return uit;
}

export const cases: BenchCase[] = [
  {
    name: 'duurzaamheid-pagina: trend eerste keer (alle Q3-basiskwartalen × achtergrond, één query)',
    async run(engine) {
      const s = await voorbereid(engine);
      const b = new DuurzaamheidBron(alsView(engine), s.bereik);
      return (await b.cohortTrend(selectie(s.q3.at(-1)!))).length;
    },
  },
  {
    name: 'duurzaamheid-pagina: eerste weergave (cohort, trend, contract, uitstroom, starters)',
    async run(engine) {
      const s = await voorbereid(engine);
      const b = new DuurzaamheidBron(alsView(engine), s.bereik);
      const r = await alles(b, selectie(s.q3.at(-1)!));
      s.warm = b;
      return r.length;
    },
  },
  {
    name: 'duurzaamheid-pagina: ander basiskwartaal, derde kwartaal (uit de trends, geen query)',
    async run(engine) {
      const s = await voorbereid(engine);
      if (!s.warm) {
        s.warm = new DuurzaamheidBron(alsView(engine), s.bereik);
        await alles(s.warm, selectie(s.q3.at(-1)!));
      }
      const basis = s.q3[s.stap++ % s.q3.length];
      return (await alles(s.warm, selectie(basis))).length;
    },
  },
  {
    name: 'duurzaamheid-pagina: ander basiskwartaal, geen derde kwartaal (cohort, uitstroom, starters: drie queries)',
    async run(engine) {
      const s = await voorbereid(engine);
      if (!s.warm) {
        s.warm = new DuurzaamheidBron(alsView(engine), s.bereik);
        await alles(s.warm, selectie(s.q3.at(-1)!));
      }
      // A fresh source with the warm trends' results would need them copied; the per-basis
      // queries do not use the trends, so a fresh source times exactly those three queries.
      const basis = s.anders[s.stap++ % s.anders.length];
      const b = new DuurzaamheidBron(alsView(engine), s.bereik);
      const sel = selectie(basis);
      // One after the other: a native connection runs one prepared statement at a time (the page
      // asks them at once in WASM, where the views' queries interleave; the total is the same).
      const uit = [await b.cohort(sel), await b.uitstroom(sel), await b.starters(sel)];
      return uit.length;
    },
  },
];

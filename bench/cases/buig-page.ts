/**
 * Bench cases for the BUIG page (`npm run bench`): the page's five questions through a
 * coordinator, as the page asks them, followed by the work the page does on the answers before
 * drawing (chart models and sentences). A filter change is either a re-shape (year, range,
 * gemeente: no query, only the models) or a new selection (region: two questions). The issue's
 * target: any filter change redraws in ≤ 100 ms median after load; the drawing itself is not
 * timed here.
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import { GEMEENTEN } from '../../src/lib/extracts/gemeenten.ts';
import { REGIO_CODES } from '../../src/lib/extracts/regions.ts';
import {
  cumulatiefUitJaren, gemeentenQuery, landelijkQuery, regioQuery, spreidingPerJaarQuery,
  type GemeenteRij, type LandelijkRij, type RegioRij, type SpreidingRij,
} from '../../src/lib/metrics/buig.ts';
import { Coordinator, queryEngineAdapter } from '../../src/lib/query/Coordinator.ts';
import type { MetricQuery } from '../../src/lib/sql/query.ts';
import { gemeentenData, rangData, regioData, resultaatData, watervalData } from '../../src/pages/buig/grafieken.ts';
import { inSelectie, onderwerp } from '../../src/pages/buig/selectie.ts';
import { zinBudget, zinCumulatief, zinGemeente, zinGemeenten, zinResultaat, zinSpreiding } from '../../src/pages/buig/zinnen.ts';

interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

interface Antwoorden {
  nationaal: LandelijkRij[];
  selectie: LandelijkRij[];
  spreiding: SpreidingRij[];
  gemeenten: GemeenteRij[];
  regios: RegioRij[];
}

const BRON = { bron: 'bench', peildatum: '2024-12-31', synthetisch: true };
const staat = new WeakMap<QueryEngine, { c: Coordinator; a: Antwoorden; stap: number }>();

const vraag = <T>(c: Coordinator, q: MetricQuery<T>): Promise<T> => c.request({}, q).then((a) => a.data);

async function vragen(c: Coordinator, regio: string | null): Promise<Antwoorden> {
  const sel = { regio: regio ? [regio] : undefined, klasse: null, drempel: 5 };
  return {
    nationaal: await vraag(c, landelijkQuery()),
    selectie: await vraag(c, landelijkQuery(sel)),
    spreiding: await vraag(c, spreidingPerJaarQuery(sel)),
    gemeenten: await vraag(c, gemeentenQuery()),
    regios: await vraag(c, regioQuery({})),
  };
}

/** What the page builds from the answers for one view: every chart model and every sentence. */
function modellen(a: Antwoorden, jaar: number, van: number, tot: number, regio: string | null, gemeente: string | null): number {
  const f = { regio, klasse: null };
  const wie = onderwerp(f);
  const rij = a.selectie.find((r) => r.jaar === jaar)!;
  const inJaar = a.gemeenten.filter((g) => g.jaar === jaar && inSelectie(g, f));
  const s = a.spreiding.find((x) => x.jaar === jaar) ?? null;
  const gekozen = inJaar.find((g) => g.gemeente_code === gemeente);
  const zinnen = [zinResultaat(rij, wie), zinBudget(rij, wie), zinGemeenten(rij, { landelijk: wie.landelijk, selectie: 'bench' }), zinCumulatief(cumulatiefUitJaren(a.selectie, van, tot), wie)];
  if (s) zinnen.push(zinSpreiding(s) ?? '');
  if (gekozen) zinnen.push(zinGemeente(gekozen, inJaar));
  const data = [
    watervalData(rij, { titel: 't', ondertitel: 'o', bron: BRON }),
    resultaatData(a.selectie, { van, tot }, { selectie: 'bench', bron: BRON }),
    gemeentenData(inJaar, { jaar, selectie: 'bench', spreiding: s, bron: BRON }),
    rangData(inJaar, { jaar, selectie: 'bench', gemeente, bron: BRON }),
    regioData(a.regios.filter((r) => r.jaar === jaar), { jaar, selectie: 'bench', bron: BRON }),
  ];
  return data.reduce((n, d) => n + d.rijen.length, zinnen.length);
}

async function warm(engine: QueryEngine): Promise<{ c: Coordinator; a: Antwoorden; stap: number }> {
  let w = staat.get(engine);
  if (!w) {
    const c = new Coordinator(queryEngineAdapter(engine));
    staat.set(engine, (w = { c, a: await vragen(c, null), stap: 0 }));
  }
  return w;
}

export const cases: BenchCase[] = [
  {
    name: 'buig-pagina: eerste weergave (vijf vragen, voorbewerking gemeente × jaar, modellen en zinnen)',
    async run(engine) {
      // A fresh coordinator each run: the setup table and every question are asked again.
      const c = new Coordinator(queryEngineAdapter(engine));
      const a = await vragen(c, null);
      const jaren = a.nationaal.map((r) => r.jaar);
      return modellen(a, jaren[jaren.length - 1], jaren[0], jaren[jaren.length - 1], null, null);
    },
  },
  {
    name: 'buig-pagina: ander jaar, andere periode of gemeente (geen query, alleen modellen en zinnen)',
    async run(engine) {
      const w = await warm(engine);
      const jaren = w.a.nationaal.map((r) => r.jaar);
      const i = w.stap++;
      const jaar = jaren[i % jaren.length];
      const van = jaren[i % Math.max(1, jaren.length - 3)];
      return modellen(w.a, jaar, van, jaren[jaren.length - 1], null, GEMEENTEN[(i * 37) % GEMEENTEN.length].code);
    },
  },
  {
    name: 'buig-pagina: andere regio (twee vragen: jaren en percentielen van de selectie, dan de modellen)',
    async run(engine) {
      const w = await warm(engine);
      // Each run a region not asked before in this run of the bench (35 regions, then cached).
      const regio = REGIO_CODES[w.stap++ % REGIO_CODES.length];
      const a = await vragen(w.c, regio);
      const jaren = a.selectie.map((r) => r.jaar);
      return modellen(a, jaren[jaren.length - 1], jaren[0], jaren[jaren.length - 1], regio, null);
    },
  },
];

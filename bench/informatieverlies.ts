/**
 * Information loss of disclosure control (issue 12), on the demo data in Node: per view of a page
 * and selection, the cells the view declares, those hidden because they hold fewer than 10
 * persons (primary), those hidden to protect them (secondary) and the persons in the latter.
 * Part of `npm run bench` (bench/run.ts); on its own: `npx tsx bench/informatieverlies.ts`.
 *
 * A view is { pagina, view, selectie, bereken(engine) }: Duurzaamheid, Regio's and Beschut werk are
 * in VIEWS (BUIG declares no person counts of its own); pass your own list to informatieverlies(). Beschut werk's comparison is not on lib/disclosure
 * yet: its row counts what the page's own rules (pages/beschut-werk/onderdrukking.ts) hide;
 * Nederland's months go through lib/disclosure (beveiliging.ts, hypercubes) as on the page.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Beveiligd, Informatieverlies } from '../src/lib/disclosure/beveilig.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { DREMPEL } from '../src/lib/format/disclosure.ts';
import { gebieden, type AanvragerKeuze } from '../src/lib/metrics/beschut-afleiden.ts';
import { gemeentenQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import { perMaandQuery } from '../src/lib/metrics/beschut.ts';
import { panelBereikQuery, standaardBasiskwartaal } from '../src/lib/metrics/duurzaamheid/bereik.ts';
import { regioOverzichtQuery } from '../src/lib/metrics/regio.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschermMaanden } from '../src/pages/beschut-werk/beveiliging.ts';
import { beschermGebieden } from '../src/pages/beschut-werk/onderdrukking.ts';
import { jaarBesluit, jaarSommen, jaarVan } from '../src/pages/beschut-werk/queries.ts';
import { gepubliceerdeCijfers } from '../src/lib/voorberekend/beschut.ts';
import { beschermCohorten, beschermStartersPerBasis } from '../src/pages/duurzaamheid/beveiliging.ts';
import { duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import type { Selectie } from '../src/pages/duurzaamheid/selectie.ts';
import { regioBeveiligd, type RegioTabel } from '../src/pages/regios/beveiliging-selectie.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';

export interface VerliesView {
  pagina: string;
  view: string;
  selectie: string;
  bereken(engine: NodeEngine): Promise<Informatieverlies>;
}

export interface VerliesRij extends Informatieverlies {
  pagina: string;
  view: string;
  selectie: string;
  ms: number;
}

/** The loss of several protected tables together (a view with one table per base quarter). */
export function optellen(tabellen: Iterable<Beveiligd>): Informatieverlies {
  const uit = { primair: 0, secundair: 0, personenSecundair: 0, cellen: 0 };
  for (const t of tabellen) for (const k of Object.keys(uit) as (keyof Informatieverlies)[]) uit[k] += t.verlies[k];
  return uit;
}

// ---- Duurzaamheid: one table per base quarter (outcome, uitstroom) and the starters' tables.
const DUURZAAMHEID: [string, Partial<Selectie>][] = [
  ['heel Nederland (standaard)', {}],
  ['AM37 overheid, WIW/ID (klein)', { regio: ['AM37'], sector: 'overheid', achtergrond: ['WIW/ID'] }],
];

function duurzaamheid(selectie: string, over: Partial<Selectie>): VerliesView[] {
  // The three views read the same tables: computed once per engine.
  const klaar = new WeakMap<NodeEngine, ReturnType<typeof bereken>>();
  const tabellen = (engine: NodeEngine) => {
    if (!klaar.has(engine)) klaar.set(engine, bereken(engine));
    return klaar.get(engine)!;
  };
  const bereken = async (engine: NodeEngine) => {
    const bereik = (await runMetric(engine, panelBereikQuery()))!;
    const s = { basis: standaardBasiskwartaal(bereik)!, horizon: 4, achtergrond: [], regio: [], sector: 'alle', ...over } as Selectie;
    const q = duurzaamheidQueries(s, bereik);
    const [cohort, uitstroom, starters] = [await runMetric(engine, q.cohortTrend), await runMetric(engine, q.uitstroomTrend), await runMetric(engine, q.startersTrend)];
    return { s, cohorten: beschermCohorten(cohort, uitstroom, s.achtergrond), starters: beschermStartersPerBasis(starters, s.achtergrond) };
  };
  return [
    { pagina: 'Duurzaamheid', view: 'uitkomst, steeds werkzaam en uitstroom (gekozen basis)', selectie, bereken: async (e) => { const t = await tabellen(e); const b = t.cohorten.get(t.s.basis); return optellen(b ? [b.b] : []); } },
    { pagina: 'Duurzaamheid', view: 'trend (alle basiskwartalen)', selectie, bereken: async (e) => optellen([...(await tabellen(e)).cohorten.values()].map((p) => p.b)) },
    { pagina: 'Duurzaamheid', view: 'starters (alle basiskwartalen)', selectie, bereken: async (e) => optellen([...(await tabellen(e)).starters.values()].map((p) => p.b)) },
  ];
}

// ---- Beschut werk: what the page hides today, counted from its own rules' answer.
const AANVRAGERS: readonly AanvragerKeuze[] = ['gemeente', 'burger', 'totaal'];

/** Loss counted from a set of hidden ids and the values of all declared cells. */
function uitSet(waarden: ReadonlyMap<string, number>, verborgen: ReadonlySet<string>): Informatieverlies {
  const secundair = [...verborgen].map((id) => waarden.get(id) ?? 0).filter((v) => v >= DREMPEL);
  return { cellen: waarden.size, primair: verborgen.size - secundair.length, secundair: secundair.length, personenSecundair: secundair.reduce((a, b) => a + b, 0) };
}

const BESCHUT: [string, string, string][] = [
  ['januari t/m mei 2017 (standaard; vergelijking en maandtabel: heel 2017)', '2017-01', '2017-05'],
  ['maart 2019 (één maand; vergelijking en maandtabel: heel 2019)', '2019-03', '2019-03'],
  ['maart 2021 (één maand; vergelijking en maandtabel: heel 2021)', '2021-03', '2021-03'],
];
const NEDERLAND = { soort: 'nederland', code: 'NL', naam: 'Nederland', regio: null } as const;

function beschut(selectie: string, van: string, tot: string): VerliesView[] {
  return [
    {
      pagina: 'Beschut werk',
      view: "vergelijking: regio's en Nederland (lib/disclosure, kubussen), gemeenten (regels van de pagina, audit per regio)",
      selectie,
      async bereken(engine) {
        const j = jaarVan({ tot });
        const g = gebieden((await runMetric(engine, gemeentenQuery(j)))!);
        const v = beschermGebieden(g, j.tot);
        const waarden = new Map<string, number>();
        for (const u of [...g.gemeenten, ...g.regios, g.nederland]) {
          for (const a of AANVRAGERS) {
            waarden.set(`b|${u.code}|${a}`, u.beoordelingen[a]).set(`p|${u.code}|${a}`, u.positief[a]).set(`n|${u.code}|${a}`, u.beoordelingen[a] - u.positief[a]);
          }
        }
        return uitSet(waarden, v.adviezen);
      },
    },
    {
      pagina: 'Beschut werk',
      view: 'maanden Nederland (lib/disclosure, kubussen; het jaar zoals de vergelijking besliste; wat UWV publiceerde geeft, getoond)',
      selectie,
      async bereken(engine) {
        // The page's year table: months, years to date and the year, less what openbaar.ts prints.
        const j = jaarVan({ tot });
        const m = (await runMetric(engine, perMaandQuery(j)))!;
        const adviezen = beschermGebieden(gebieden((await runMetric(engine, gemeentenQuery(j)))!), j.tot).adviezen;
        const { b } = beschermMaanden(m, jaarSommen(j, NEDERLAND), adviezen);
        const besluit = jaarBesluit(NEDERLAND, j, m, { adviezen, plekken: new Set() }, gepubliceerdeCijfers());
        return uitSet(new Map(b.weergave.cellen.map((c) => [c.id, c.aantal])), besluit);
      },
    },
  ];
}

// ---- Regio's: the overview (map, ranking, profile, neighbours, scatter), the cohort (funnel) and
// the compare view's series, with the two regions with the fewest persons in the end quarter compared.
const REGIOS: [string, Kwartaal, Kwartaal][] = [
  ['2023Q4–2024Q4 (laatste jaar), 2 kleinste regio’s vergeleken', '2023Q4', '2024Q4'],
  ['2012Q4–2013Q4 (kleinste register), 2 kleinste regio’s vergeleken', '2012Q4', '2013Q4'],
];

const REGIO_VIEW: Record<RegioTabel['naam'], string> = {
  overzicht: 'overzicht (kaart, ranglijst, profiel, buren, spreiding)',
  cohort: 'cohort (trechter, werkzaam na 1 jaar)',
  reeksen: 'vergelijken (reeksen)',
};

function regios(selectie: string, van: Kwartaal, tot: Kwartaal): VerliesView[] {
  const klaar = new WeakMap<NodeEngine, Promise<RegioTabel[]>>();
  const tabellen = (engine: NodeEngine) => {
    if (!klaar.has(engine)) klaar.set(engine, bereken(engine));
    return klaar.get(engine)!;
  };
  const bereken = async (engine: NodeEngine) => {
    const o = await runMetric(engine, regioOverzichtQuery({ basis: van, eind: tot }));
    const vergelijk = o.regios.filter((r) => r.regio_naam !== null).sort((a, b) => a.eind.personen - b.eind.personen).slice(0, 2).map((r) => r.regio_code!);
    return regioBeveiligd(engine, { van, tot, vergelijk });
  };
  return (Object.keys(REGIO_VIEW) as RegioTabel['naam'][]).map((naam) => ({
    pagina: "Regio's",
    view: REGIO_VIEW[naam],
    selectie,
    bereken: async (e: NodeEngine) => optellen((await tabellen(e)).filter((t) => t.naam === naam).map((t) => t.b)),
  }));
}

export const VIEWS: VerliesView[] = [
  ...DUURZAAMHEID.flatMap(([naam, s]) => duurzaamheid(naam, s)),
  ...REGIOS.flatMap(([naam, van, tot]) => regios(naam, van, tot)),
  ...BESCHUT.flatMap(([naam, van, tot]) => beschut(naam, van, tot)),
];

/** Runs each view on the demo data in `data` (the folder with manifest.json). */
export async function informatieverlies(data: string, views: readonly VerliesView[] = VIEWS): Promise<VerliesRij[]> {
  const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const engine = await NodeEngine.create();
  try {
    await engine.attachParquet(Object.fromEntries(manifest.extracts.map((e) => [e.name, join(data, e.file)])));
    const uit: VerliesRij[] = [];
    for (const v of views) {
      const t0 = performance.now();
      const verlies = await v.bereken(engine);
      uit.push({ pagina: v.pagina, view: v.view, selectie: v.selectie, ...verlies, ms: Math.round(performance.now() - t0) });
    }
    return uit;
  } finally {
    engine.close();
  }
}

/** The rows as a Markdown table (for the README, under the bench table). */
export function verliesTabel(rijen: readonly VerliesRij[]): string {
  return [
    'Information loss of disclosure control (demo data, Node): cells declared, hidden as under 10 (primary), hidden to protect those (secondary), persons in secondary cells.',
    '',
    '| Page | View | Selection | Cells | Primary | Secondary | Persons in secondary |',
    '|---|---|---|---:|---:|---:|---:|',
    ...rijen.map((r) => `| ${r.pagina} | ${r.view} | ${r.selectie} | ${r.cellen} | ${r.primair} | ${r.secundair} | ${r.personenSecundair} |`),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rijen = await informatieverlies(resolve(fileURLToPath(new URL('..', import.meta.url)), 'data'));
  console.log(verliesTabel(rijen));
  for (const r of rijen) console.log(`${r.ms} ms  ${r.pagina}: ${r.view}, ${r.selectie}`);
}

/**
 * The logic behind the Duurzaamheid page: the achtergrond filter applied by adding up split
 * groups (equal to the same filter in SQL), cohorts read from the trend (equal to their own
 * query, and without a query: counted by the coordinator), provenance of every chart from the
 * answers (a user's own panel is never called demo data), the published figures read as
 * comparable twins with the calibration tolerance and cited by document, and disclosure control.
 * Panels: test/fixtures/duurzaamheid-panel.ts; the expected numbers are read off its timelines.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import type { ExtractName } from '../src/lib/engine/types.ts';
import { Coordinator, queryEngineAdapter } from '../src/lib/query/Coordinator.ts';
import { herkomstVan, type ExtractHerkomst } from '../src/lib/query/herkomst.ts';
import { panelBereikQuery, type PanelBereik } from '../src/lib/metrics/duurzaamheid/bereik.ts';
import { startersQuery } from '../src/lib/metrics/duurzaamheid/starters.ts';
import { cohortUitkomstQuery, type UitkomstRij } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import { uitstroomRedenenQuery } from '../src/lib/metrics/duurzaamheid/uitstroom.ts';
import { runMetric, type MetricQuery } from '../src/lib/sql/query.ts';
import { naarCsv } from '../src/lib/export/csv.ts';
import { AFGELEID, BESCHERMD, KLEIN } from '../src/lib/format/disclosure.ts';
import {
  leesGepubliceerdeDuurzaamheid, tolerantie, vergelijk, type BerekendeCijfers,
} from '../src/lib/published/duurzaamheid.ts';
import { somStarters, somUitkomst, somUitstroom } from '../src/pages/duurzaamheid/groepen.ts';
import { basisRijen, duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import { kiesBasis, kwartaalVanJaar, selectieTekst, trendMarkers, uwvZin, type Selectie } from '../src/pages/duurzaamheid/selectie.ts';
import { indexToKwartaal, kwartaalToIndex, type Kwartaal } from '../src/lib/kwartaal.ts';
import { context, trendData, uitkomstData } from '../src/pages/duurzaamheid/grafieken.ts';
import { verschilData, vergelijkingData } from '../src/pages/duurzaamheid/vergelijking.ts';
import { onderdrukDelen } from '../src/lib/format/disclosure.ts';
import { zinUitkomsten, zinWerkzaam } from '../src/lib/metrics/duurzaamheid/zinnen.ts';
import {
  COHORT_PERSONEN, COHORT_VANAF, COHORT_VERTREK, maakPanel, STARTERS_PERSONEN, STARTERS_VANAF,
} from './fixtures/duurzaamheid-panel.ts';

const CSV = readFileSync(new URL('../data/published/duurzaamheid.csv', import.meta.url), 'utf8');

function herkomst(extract: ExtractName, soort: 'demo' | 'eigen', bestand: string, tot: string): ExtractHerkomst {
  return {
    extract, soort, bestand, bron: soort === 'demo' ? 'Synthetische demodata (seed 20240)' : `eigen bestand ${bestand}`,
    synthetisch: soort === 'demo', peildatumVan: '2020-09-30', peildatumTot: tot, schemaVersie: 1, geladenOp: '2026-01-01T10:00:00Z', versie: 1,
  };
}
const DEMO_PANEL = herkomst('doelgroep_kwartaal', 'demo', 'doelgroep_kwartaal.parquet', '2024-12-31');
const EIGEN_PANEL = herkomst('doelgroep_kwartaal', 'eigen', 'panel_2025q1.parquet', '2025-03-31');
const EIGEN_UITSTROOM = herkomst('doelgroep_uitstroom', 'eigen', 'uitstroom.parquet', '2024-12-31');

function sel(over: Partial<Selectie> = {}): Selectie {
  return { basis: '2021Q3', horizon: 4, achtergrond: [], regio: [], sector: 'alle', ...over };
}

function tel(r: UitkomstRij | undefined) {
  return r && { cohort: r.cohort, werkzaam: r.werkzaam, verloren: r.werkVerloren, uit: r.uitRegister, steeds: r.steedsWerkzaam, zelfde: r.zelfdeBaan };
}

describe('achtergrond filter by adding up the split groups (cohort panel, base 2021Q3)', () => {
  let engine: NodeEngine;
  let bereik: PanelBereik;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await maakPanel(engine, COHORT_PERSONEN, COHORT_VERTREK, COHORT_VANAF);
    bereik = (await runMetric(engine, panelBereikQuery()))!;
  });
  afterAll(() => engine.close());

  it('gives the outcome of Wsw + Participatiewet as the SQL filter does', async () => {
    const split = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, split: 'achtergrond' }, bereik));
    const som = somUitkomst(split, ['Wsw', 'Participatiewet']);
    // At t: Wsw p3, p4, p9; Participatiewet p5, p6, p7, p10 (p1 becomes Wsw only in 2022: base value counts).
    // At 2022Q3: werkzaam p3, p6; werk verloren p4; uit p5, p7, p9, p10.
    expect(tel(som[0])).toEqual({ cohort: 7, werkzaam: 2, verloren: 1, uit: 4, steeds: 0, zelfde: 2 });
    expect(som[0].werkzaamPct).toBeCloseTo((2 / 7) * 100, 10);
    const [sqlRij] = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, filters: { achtergrond: ['Wsw', 'Participatiewet'] } }, bereik));
    expect(tel(som[0])).toEqual(tel(sqlRij));
    // No selection = every group = the unfiltered total (cohort 10 in the metric tests).
    expect(tel(somUitkomst(split)[0])).toEqual({ cohort: 10, werkzaam: 4, verloren: 1, uit: 5, steeds: 2, zelfde: 3 });
  });

  it('adds up the uitstroom reasons of the selected groups', async () => {
    const split = await runMetric(engine, uitstroomRedenenQuery({ basis: '2021Q3', horizon: 4, split: 'achtergrond' }, bereik));
    const som = somUitstroom(split, ['Wsw', 'Participatiewet']);
    // Left: p9 (Wsw; overig 2021Q3 then AOW 2022Q1 → AOW), p5 (AOW), p7 (Wsw-beschut), p10 (no row in window → onbekend).
    const per = Object.fromEntries(som.map((r) => [r.reden, r.aantal]));
    expect(per).toEqual({ AOW: 2, 'Wsw-beschut': 1, 'geen arbeidsvermogen': 0, overleden: 0, overig: 0, onbekend: 1 });
    expect(som.every((r) => r.uitRegister === 4)).toBe(true);
    expect(som.find((r) => r.reden === 'AOW')!.pct).toBe(50);
    const direct = await runMetric(engine, uitstroomRedenenQuery({ basis: '2021Q3', horizon: 4, filters: { achtergrond: ['Wsw', 'Participatiewet'] } }, bereik));
    expect(Object.fromEntries(direct.map((r) => [r.reden, r.aantal]))).toEqual(per);
  });
});

describe('starters: adding up groups (starters panel, base 2021Q3)', () => {
  it('counts Wsw + Participatiewet starters as the SQL filter does', async () => {
    const engine = await NodeEngine.create();
    try {
      await maakPanel(engine, STARTERS_PERSONEN, [], STARTERS_VANAF);
      const bereik = (await runMetric(engine, panelBereikQuery()))!;
      const split = await runMetric(engine, startersQuery({ basis: '2021Q3', split: 'achtergrond' }, bereik));
      const [som] = somStarters(split, ['Wsw', 'Participatiewet']);
      // Starters in 2020Q4…2021Q3 by achtergrond at the start: Wajong p21; Wsw p22, p23; Participatiewet p25, p26.
      // A year later: p22 (job B), p23 (job B), p26 (job A) work; p25 left. Same job: only p26.
      // Two years later: p22 only.
      expect({ n: som.starters, na1: som.werkzaamNa1Jaar, zelfde: som.zelfdeBaanNa1Jaar, na2: som.werkzaamNa2Jaar }).toEqual({ n: 4, na1: 3, zelfde: 1, na2: 1 });
      expect(som.werkzaamNa1JaarPct).toBe(75);
      const [direct] = await runMetric(engine, startersQuery({ basis: '2021Q3', filters: { achtergrond: ['Wsw', 'Participatiewet'] } }, bereik));
      expect([direct.starters, direct.werkzaamNa1Jaar, direct.zelfdeBaanNa1Jaar, direct.werkzaamNa2Jaar]).toEqual([4, 3, 1, 1]);
    } finally {
      await engine.close();
    }
  });
});

describe("the page's queries through the coordinator (cohort panel)", () => {
  let engine: NodeEngine;
  let bereik: PanelBereik;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await maakPanel(engine, COHORT_PERSONEN, COHORT_VERTREK, COHORT_VANAF);
    bereik = (await runMetric(engine, panelBereikQuery()))!;
  });
  afterAll(() => engine.close());

  /** Ask every query of a selection as the page does (one client per section); null = not asked. */
  async function vraagAlles(c: Coordinator, s: Selectie) {
    const q = duurzaamheidQueries(s, bereik);
    const vragen: Record<string, MetricQuery<unknown> | null> = {
      cohortTrend: q.cohortTrend, uitstroomTrend: q.uitstroomTrend, startersTrend: q.startersTrend, contractTrend: q.contractTrend,
      vergCohort: q.vergelijking?.cohort ?? null, vergUitstroom: q.vergelijking?.uitstroom ?? null,
      vergStarters: q.vergelijking?.starters ?? null, vergContract: q.vergelijking?.contract ?? null,
    };
    const uit: Record<string, unknown> = {};
    for (const [naam, vraag] of Object.entries(vragen)) if (vraag) uit[naam] = (await c.request({}, vraag)).data;
    return { q, uit };
  }

  it('reads a Q3 cohort from the trend (one query for all bases), equal to its own query', async () => {
    const c = new Coordinator(queryEngineAdapter(engine));
    const q = duurzaamheidQueries(sel(), bereik);
    const trend = (await c.request({}, q.cohortTrend)).data;
    // Q3 bases with t+4 ≤ 2023Q3: 2020Q3, 2021Q3, 2022Q3 — three bases, one query.
    expect([...new Set(trend.map((r) => r.basis))]).toEqual(['2020Q3', '2021Q3', '2022Q3']);
    const uitTrend = basisRijen(sel(), trend)!;
    const eigen = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, split: 'achtergrond' }, bereik));
    expect(uitTrend.map(tel)).toEqual(eigen.map(tel));
    expect(uitTrend.map((r) => r.groep)).toEqual(['Participatiewet', 'Wajong', 'Wsw']);
    // Another Q3 base: the same trend SQL, answered from the cache.
    const sent = c.stats.sent;
    const ander = duurzaamheidQueries(sel({ basis: '2022Q3' }), bereik);
    await c.request({}, ander.cohortTrend);
    expect(c.stats.sent).toBe(sent);
    expect(c.stats.cacheHits).toBe(1);
  });

  it('changes only the contract trend when the achtergrond changes; the comparison shares the national trends', async () => {
    const c = new Coordinator(queryEngineAdapter(engine));
    const alle = await vraagAlles(c, sel());
    // A Q3 base, national, one year: the comparison's third-quarter trends ARE the page's own.
    expect(c.keyOf(alle.q.vergelijking!.cohort)).toBe(c.keyOf(alle.q.cohortTrend));
    expect(c.keyOf(alle.q.vergelijking!.contract)).toBe(c.keyOf(alle.q.contractTrend));
    // Eight questions, four SQL texts (cohort, uitstroom, starters and contract trend).
    expect(c.stats.sent).toBe(4);
    const wsw = await vraagAlles(c, sel({ achtergrond: ['Wsw'] }));
    expect(c.stats.sent).toBe(5);
    expect(c.keyOf(wsw.q.contractTrend)).not.toBe(c.keyOf(alle.q.contractTrend));
    expect(c.keyOf(wsw.q.vergelijking!.contract)).toBe(c.keyOf(alle.q.contractTrend));
    // The achtergrond filter on the split rows: Wsw at 2021Q3 is p3, p4, p9.
    expect(tel(somUitkomst(basisRijen(sel(), wsw.uit.cohortTrend as UitkomstRij[])!, ['Wsw'])[0]))
      .toEqual({ cohort: 3, werkzaam: 1, verloren: 1, uit: 1, steeds: 0, zelfde: 1 });
    // Back to the earlier selection: everything from the cache.
    await vraagAlles(c, sel());
    expect(c.stats.sent).toBe(5);
  });

  it('asks the trends again for another horizon or region, and not for a Q3 base', async () => {
    const c = new Coordinator(queryEngineAdapter(engine));
    await vraagAlles(c, sel());
    const voor = c.stats.sent;
    const acht = await vraagAlles(c, sel({ horizon: 8 }));
    // Horizon 8: a new cohort and uitstroom trend (starters and contract have no horizon); not
    // comparable, so no third-quarter trends for the comparison.
    expect(c.stats.sent - voor).toBe(2);
    // t+8 ≤ 2023Q3 for Q3 bases: 2020Q3 and 2021Q3.
    expect([...new Set((acht.uit.cohortTrend as UitkomstRij[]).map((r) => r.basis))]).toEqual(['2020Q3', '2021Q3']);
    expect(acht.q.vergelijking).toBeNull();
    const regio = await vraagAlles(c, sel({ regio: ['AM01'] }));
    // A region: cohort, uitstroom, starters and contract trend with the region in SQL.
    expect(c.stats.sent - voor).toBe(6);
    expect(regio.q.vergelijking).toBeNull();
  });

  it('follows the chosen quarter of the year: a fourth-quarter base is read from the fourth-quarter trends', async () => {
    const c = new Coordinator(queryEngineAdapter(engine));
    const s = sel({ basis: '2021Q4', regio: ['AM01'] });
    const { uit } = await vraagAlles(c, s);
    // Fourth quarters with t+4 ≤ 2023Q3: 2020Q4 and 2021Q4.
    expect([...new Set((uit.cohortTrend as UitkomstRij[]).map((r) => r.basis))]).toEqual(['2020Q4', '2021Q4']);
    // Working in AM01 at 2021Q4: p1 (Wajong until 2022), p2 (Wajong), p11 (Wsw); equal to its own query.
    const rijen = basisRijen(s, uit.cohortTrend as UitkomstRij[])!;
    expect(rijen.map((r) => [r.basis, r.groep, r.cohort])).toEqual([['2021Q4', 'Wajong', 2], ['2021Q4', 'Wsw', 1]]);
    const eigen = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q4', horizon: 4, split: 'achtergrond', filters: { regio: ['AM01'] } }, bereik));
    expect(rijen.map(tel)).toEqual(eigen.map(tel));
    // cohort, uitstroom, starters and contract trend.
    expect(c.stats.sent).toBe(4);
    // Another fourth quarter: nothing new. A third quarter: its three trends (the contract trend stays).
    await vraagAlles(c, { ...s, basis: '2020Q4' });
    expect(c.stats.sent).toBe(4);
    await vraagAlles(c, { ...s, basis: '2021Q3' });
    expect(c.stats.sent).toBe(7);
  });

  it('reads Q3 uitstroom from the trend, equal to the direct query', async () => {
    const c = new Coordinator(queryEngineAdapter(engine));
    const q = duurzaamheidQueries(sel(), bereik);
    const rijen = basisRijen(sel(), (await c.request({}, q.uitstroomTrend)).data)!;
    const direct = await runMetric(engine, uitstroomRedenenQuery({ basis: '2021Q3', horizon: 4, split: 'achtergrond' }, bereik));
    const kort = (l: typeof direct) => l.map((r) => `${r.groep}|${r.reden}|${r.aantal}|${r.uitRegister}`).sort();
    expect(kort(rijen)).toEqual(kort(direct));
  });

  it('has no starters when the quarter before the start window is not in the data', async () => {
    // 2021Q1 − 4 = 2020Q1 lies before the first quarter 2020Q3.
    const q = duurzaamheidQueries(sel({ basis: '2021Q1' }), bereik);
    expect(q.startersTelbaar).toBe(false);
    expect(duurzaamheidQueries(sel({ basis: '2021Q4' }), bereik).startersTelbaar).toBe(true);
  });
});

describe('provenance on every chart: a own panel is never called demo data', () => {
  const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
  const rij = (groep: string, cohort: number, werkzaam: number, verloren: number): UitkomstRij => ({
    basis: '2021Q3', eind: '2022Q3', horizon: 4, groep, cohort, werkzaam, werkVerloren: verloren, uitRegister: cohort - werkzaam - verloren,
    steedsWerkzaam: 0, zelfdeBaan: 0, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0, steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: false,
  });

  it('names the own file, its peildatum and no synthetic label in chart, CSV and comparison', () => {
    const ctx = context('heel Nederland, alle sectoren, alle achtergronden', herkomstVan([EIGEN_PANEL]));
    expect(ctx).toEqual({
      selectie: 'heel Nederland, alle sectoren, alle achtergronden',
      bron: 'Eigen bestand panel_2025q1.parquet; bewerking Participatiemonitor',
      peildatum: '2025-03-31',
      synthetisch: false,
    });
    const d = uitkomstData([rij('Wsw', 200, 150, 30)], [], ctx)!;
    const csv = naarCsv(d);
    expect(csv).toContain('Eigen bestand panel_2025q1.parquet');
    expect(csv).not.toMatch(/synthetisch/i);
    const trend = trendData([rij('Wsw', 1000, 880, 90)], [], 4, trendMarkers(cijfers, sel()), ctx);
    expect(trend.kolommen.find((k) => k.key === 'werkzaam_pct')!.label).toBe('Werkzaam na 1 jaar (berekend)');
    expect(trend.bron).toBe('Eigen bestand panel_2025q1.parquet; bewerking Participatiemonitor; gepubliceerde waarden: UWV en SZW (zie bronvermelding per cijfer)');
    const v = vergelijkingData(vergelijk(cijfers.filter((c) => c.indicator === 'werkzaam_na_1_jaar_pct'), {
      cohort: () => rij('totaal', 1000, 880, 90), uitstroom: () => undefined, starters: () => undefined, contract: () => undefined,
    }), ctx);
    expect(v.synthetisch).toBe(false);
    expect(naarCsv(v)).not.toMatch(/synthetisch/i);
    expect(v.kolommen.find((k) => k.key === 'berekend')!.label).toBe('Berekend');
  });

  it('labels demo data as synthetic, and combines the sources of every answer a chart uses', () => {
    const ctx = context('x', herkomstVan([DEMO_PANEL]), herkomstVan([EIGEN_UITSTROOM, DEMO_PANEL]), null);
    expect(ctx.synthetisch).toBe(true);
    expect(ctx.bron).toBe('Synthetische demodata (seed 20240); eigen bestand uitstroom.parquet; bewerking Participatiemonitor');
    expect(naarCsv(uitkomstData([rij('Wsw', 200, 150, 30)], [], ctx)!)).toContain('synthetische demodata');
  });

  it('cites published figures by their document, never by file name', () => {
    const v = vergelijkingData(vergelijk(cijfers.filter((c) => c.indicator === 'werkzaam_na_1_jaar_pct'), {
      cohort: () => rij('totaal', 1000, 880, 90), uitstroom: () => undefined, starters: () => undefined, contract: () => undefined,
    }), context('x', herkomstVan([DEMO_PANEL])));
    const r88 = v.rijen.find((r) => r.gepubliceerd === 88)!;
    expect(r88.bron).toBe('Brief van de minister voor Armoedebeleid, Participatie en Pensioenen aan de Tweede Kamer (Kamerstukken II 2023/24, 34 352, nr. 310)');
    expect(v.bronnen!.find((b) => b.citaat?.includes('88 procent'))!.document).toBe(r88.bron);
    expect(JSON.stringify(v)).not.toMatch(/\.txt\b/);
  });
});

describe('published duurzaamheid figures as comparable twins', () => {
  const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
  const vind = (indicator: string, waarde: number) => cijfers.find((c) => c.indicator === indicator && c.waarde === waarde)!;

  it('reads the starters window: start quarter + 3 is the base, measured 4 or 8 quarters later', () => {
    // "tussen het vierde kwartaal van 2016 en het derde kwartaal van 2017 … een jaar later 67 procent"
    expect(vind('starters_werkzaam_na_1_jaar_pct', 67).berekening).toEqual({ soort: 'starters', basis: '2017Q3', veld: 'werkzaamNa1JaarPct' });
    expect(vind('starters_werkzaam_na_1_jaar_pct', 64).berekening).toEqual({ soort: 'starters', basis: '2016Q3', veld: 'werkzaamNa1JaarPct' });
    // 2015Q4 → 2018Q3 "twee jaar later": base 2016Q3, 8 quarters on.
    expect(vind('starters_werkzaam_na_2_jaar_pct', 58).berekening).toEqual({ soort: 'starters', basis: '2016Q3', veld: 'werkzaamNa2JaarPct' });
    expect(vind('starters_zelfde_baan_pct', 32).berekening).toEqual({ soort: 'starters', basis: '2021Q3', veld: 'zelfdeBaanNa1JaarPct' });
  });

  it('reads a bare year as its third quarter and says so', () => {
    const c = cijfers.find((x) => x.indicator === 'werkzaam_na_1_jaar_pct' && x.periode.startsWith('2022'))!;
    expect(c.berekening).toEqual({ soort: 'cohort', basis: '2022Q3', veld: 'werkzaamPct', groep: 'totaal' });
    expect(c.noot).toContain('alleen een jaar');
    expect(vind('gem_contractduur_jaren', 8.1).berekening).toEqual({ soort: 'contract', kwartaal: '2015Q3', veld: 'gemBaanduurJaren' });
    expect(vind('gem_contractduur_jaren', 5.3).berekening).toEqual({ soort: 'contract', kwartaal: '2022Q3', veld: 'gemBaanduurJaren' });
  });

  it('keeps source and quote, and names why a figure has no twin', () => {
    const c = vind('werkzaam_na_1_jaar_pct', 88);
    expect(c.citaat).toContain('88 procent nog steeds werk had');
    expect(c.citatie).toEqual({
      label: 'Brief van de minister voor Armoedebeleid, Participatie en Pensioenen aan de Tweede Kamer (Kamerstukken II 2023/24, 34 352, nr. 310)',
      citaat: c.citaat,
    });
    expect(c.periode).toBe('K3\u00a02021\u00a0→ K3\u00a02022');
    expect(vind('zelfde_baan_meer_dan_jaar_pct', 38).berekening).toBeNull();
    expect(vind('zelfde_baan_meer_dan_jaar_pct', 38).nietBerekenbaar).toMatch(/definitie/);
  });

  it('uses 1 procentpunt for shares and 1% (at least half the last digit) for years', () => {
    expect(tolerantie({ eenheid: 'procent', waarde: 88 })).toBe(1);
    expect(tolerantie({ eenheid: 'jaar', waarde: 5.3 })).toBeCloseTo(0.053, 12);
    expect(tolerantie({ eenheid: 'jaar', waarde: 2 })).toBe(0.5);
  });

  it('compares with the tolerance, suppresses small groups and names missing quarters', () => {
    const rij = (basis: string, groep: string, cohort: number, werkzaam: number) =>
      ({ basis, groep, cohort, werkzaam, werkVerloren: cohort - werkzaam, uitRegister: 0, steedsWerkzaam: 0, zelfdeBaan: 0 }) as UitkomstRij;
    const bron: BerekendeCijfers = {
      cohort: (basis, groep) => (<Record<string, UitkomstRij>>{
        '2021Q3|totaal': rij('2021Q3', 'totaal', 1000, 889), // 88.9 vs 88 → +0.9
        '2015Q3|totaal': rij('2015Q3', 'totaal', 1000, 859), // 85.9 vs 87 → −1.1
        '2015Q3|Wsw': rij('2015Q3', 'Wsw', 9, 9), // 9 persons: suppressed
      })[`${basis}|${groep}`],
      uitstroom: () => undefined,
      starters: () => undefined,
      contract: () => undefined,
    };
    const werkzaam = cijfers.filter((c) => c.indicator === 'werkzaam_na_1_jaar_pct');
    const uit = vergelijk(werkzaam, bron);
    const van = (waarde: number, groep = 'totaal') => uit.find((v) => v.cijfer.waarde === waarde && v.cijfer.groep === groep)!;
    expect(van(88).berekend).toBeCloseTo(88.9, 10);
    expect(van(88).verschil).toBeCloseTo(0.9, 10);
    expect(van(88).status).toBe('binnen');
    expect(van(87).status).toBe('buiten');
    expect(van(87).verschil).toBeCloseTo(-1.1, 10);
    expect(van(94, 'Wsw').status).toBe('onderdrukt');
    expect(van(94, 'Wsw').berekend).toBeNull();
    expect(van(83).status).toBe('buiten de data');
  });

  it('puts the published values on the retention trend only when the view is comparable', () => {
    const m = trendMarkers(cijfers, sel());
    expect(m.werkzaam!.get('2021Q3')!.waarde).toBe(88);
    expect(m.werkzaam!.get('2022Q3')!.waarde).toBe(87);
    expect(m.zelfde!.get('2016Q3')!.waarde).toBe(66);
    expect(trendMarkers(cijfers, sel({ achtergrond: ['Participatiewet'] })).werkzaam!.get('2017Q3')!.waarde).toBe(82);
    expect(trendMarkers(cijfers, sel({ regio: ['AM38'] }))).toEqual({});
    expect(trendMarkers(cijfers, sel({ horizon: 8 }))).toEqual({});
    expect(trendMarkers(cijfers, sel({ achtergrond: ['Wsw', 'Wajong'] }))).toEqual({});
  });
});

describe('chart data with disclosure control', () => {
  const ctx = context('heel Nederland, alle sectoren, alle achtergronden', herkomstVan([DEMO_PANEL]));
  const rij = (groep: string, cohort: number, werkzaam: number, verloren: number): UitkomstRij => ({
    basis: '2021Q3', eind: '2022Q3', horizon: 4, groep, cohort, werkzaam, werkVerloren: verloren, uitRegister: cohort - werkzaam - verloren,
    steedsWerkzaam: 0, zelfdeBaan: 0, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0, steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: cohort < 10,
  });

  it('shows a group of fewer than 10 as "<10" with its shares suppressed, and never exports the numbers', () => {
    const d = uitkomstData([rij('Wsw', 200, 180, 12), rij('WIW/ID', 8, 6, 1)], [], ctx)!;
    expect(d.rijen.map((r) => r.groep)).toEqual(['Wsw', 'WIW/ID', 'Totaal']);
    const [wsw, wiw, totaal] = d.rijen;
    // WIW/ID (8 = 6 + 1 + 1) is small in every cell; Wsw uit (8) and the total's uit (9) too.
    expect(wiw.cohort).toBe(KLEIN);
    expect([wiw.werkzaam_pct, wiw.verloren_pct, wiw.uit_pct]).toEqual([AFGELEID, AFGELEID, AFGELEID]);
    expect([wsw.uit, totaal.uit]).toEqual([KLEIN, KLEIN]);
    // Total − Wsw would give WIW/ID back: the whole Wsw row goes (cheaper than the total, which
    // the trend and the sentences show too), and werk verloren of Wsw and the total, else
    // 200 − 180 − 12 gives Wsw uit back.
    expect([wsw.cohort, wsw.werkzaam, wsw.verloren, wsw.werkzaam_pct]).toEqual([BESCHERMD, BESCHERMD, BESCHERMD, BESCHERMD]);
    expect([totaal.cohort, totaal.werkzaam, totaal.verloren]).toEqual([208, 186, BESCHERMD]);
    // 186/208 = 89,4%: rounded on its own (the hidden parts are missing), shown as 89%.
    expect(totaal.werkzaam_pct).toBe(0.89);
    const csv = naarCsv(d);
    const regels = csv.split('\r\n');
    expect(regels.find((l) => l.startsWith('WIW/ID'))).toBe('WIW/ID;<10;x;x;x;<10;<10;<10');
    expect(regels.find((l) => l.startsWith('Wsw'))).toBe('Wsw;x;x;x;x;x;x;<10');
    expect(regels.find((l) => l.startsWith('Totaal'))).toBe('Totaal;208;89;x;x;186;x;<10');
    expect(csv).toContain('synthetische demodata');
    expect(d.voetnoten).toContain('x: niet getoond, om een kleine groep elders in de tabel te beschermen (anders zou die uit de andere cijfers te berekenen zijn).');
    expect(d.voetnoten).toContain('Percentages zijn elk apart afgerond, en niet getoonde delen ontbreken; ze tellen daardoor niet altijd op tot 100%.');
  });

  it('hides the total of werkzaam on the trend when cohort − werkzaam is fewer than 10', () => {
    const d = trendData([rij('Wsw', 100, 95, 3)], [], 4, {}, ctx);
    // Not werkzaam: 3 + 2 = 5 persons, readable as cohort − werkzaam: werkzaam and its share hidden
    // to protect them ("x", the protection's reason in the footnote).
    expect(d.rijen[0].cohort).toBe(100);
    expect(d.rijen[0].werkzaam).toBe(BESCHERMD);
    expect(d.rijen[0].werkzaam_pct).toBe(BESCHERMD);
    const ruim = trendData([rij('Wsw', 100, 80, 12)], [], 4, {}, ctx);
    expect(ruim.rijen[0].werkzaam).toBe(80);
  });

  it('keeps only the selected achtergronden and adds their total', () => {
    const d = uitkomstData([rij('Wsw', 200, 180, 12), rij('Wajong', 100, 80, 10), rij('Participatiewet', 50, 40, 5)], ['Wajong', 'Participatiewet'], ctx)!;
    expect(d.rijen.map((r) => r.groep)).toEqual(['Wajong', 'Participatiewet', 'Totaal (selectie)']);
    expect(d.rijen[2].cohort).toBe(150);
    expect(d.rijen[2].werkzaam_pct).toBe(0.8);
  });

  it('gives published values their own columns on the trend, as fractions, with source and quote', () => {
    const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
    const d = trendData([rij('Wsw', 1000, 880, 90)], [], 4, trendMarkers(cijfers, sel()), ctx);
    const r2021 = d.rijen.find((r) => r.basis === '2021Q3')!;
    expect(r2021.werkzaam_pct).toBe(0.88);
    expect(r2021.pub_werkzaam).toBe(0.88);
    expect(r2021.pub_zelfde).toBe(0.71);
    // Published quarters without a computed row still appear (computed empty): 2015Q3 … 2022Q3.
    expect(d.rijen.map((r) => r.basis)).toEqual(['2015Q3', '2016Q3', '2017Q3', '2021Q3', '2022Q3']);
    expect(d.rijen[0].werkzaam_pct).toBeNull();
    expect(d.kolommen.find((k) => k.key === 'pub_werkzaam')!.label).toBe('Werkzaam na 1 jaar (gepubliceerd, UWV)');
    expect(d.kolommen.find((k) => k.key === 'werkzaam_pct')!.label).toContain('synthetische demodata');
    expect(d.bronnen!.some((b) => b.citaat?.includes('88 procent'))).toBe(true);
  });

  it('leaves out the published columns when the view has no published twin (a region)', () => {
    const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
    const d = trendData([rij('Wsw', 1000, 880, 90)], [], 4, trendMarkers(cijfers, sel({ regio: ['AM38'] })), ctx);
    expect(d.kolommen.some((k) => k.key.startsWith('pub_'))).toBe(false);
    expect(Object.keys(d.rijen[0]).some((k) => k.startsWith('pub_'))).toBe(false);
    expect(d.rijen.map((r) => r.basis)).toEqual(['2021Q3']);
    expect(d.bronnen).toEqual([]);
  });
});

/** A cohort row with cohort, werkzaam and werk verloren; the rest is uit het register. */
function rijVan(cohort: number, werkzaam: number, verloren: number): UitkomstRij {
  return {
    basis: '2021Q3', eind: '2022Q3', horizon: 4, groep: 'Wsw', cohort, werkzaam, werkVerloren: verloren, uitRegister: cohort - werkzaam - verloren,
    steedsWerkzaam: 0, zelfdeBaan: 0, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0, steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: cohort < 10,
  };
}

describe('the UWV difference chart', () => {
  it('draws only percentages, in procentpunten, with the rounded values the table prints', () => {
    const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
    const werkzaam2021 = cijfers.find((c) => c.indicator === 'werkzaam_na_1_jaar_pct' && c.periode.startsWith('K3\u00a02021'))!;
    const duur2022 = cijfers.find((c) => c.indicator === 'gem_contractduur_jaren' && c.waarde === 5.3)!;
    const v = [
      // 88,04 is shown as 88,0: its difference with 88 is 0,0, and the bar is 0 too (not 0,04).
      { cijfer: werkzaam2021, berekend: 88.04, verschil: 0.04, tolerantie: 1, status: 'binnen' as const },
      // 4,96 years is shown as 5,0 and is in years: table only.
      { cijfer: duur2022, berekend: 4.96, verschil: -0.34, tolerantie: 0.05, status: 'buiten' as const },
    ];
    const tabel = vergelijkingData(v, context('heel Nederland', null));
    expect(tabel.rijen.map((r) => [r.berekend, r.verschil])).toEqual([[88, 0], [5, -0.3]]);
    expect(tabel.voetnoten).toContain('De grafiek toont alleen de percentages (verschil in procentpunten); de duur van banen in jaren staat alleen in de tabel.');
    const staven = verschilData(tabel, v);
    expect(staven.rijen).toEqual([{ label: 'Na een jaar (weer) werkzaam (totaal, K3\u00a02021\u00a0→ K3\u00a02022)', verschil: 0 }]);
    expect(staven.kolommen[1].label).toBe('Verschil berekend − gepubliceerd (procentpunt)');
  });
});

describe('secondary suppression (onderdrukking.ts)', () => {
  it('hides the next smallest part when exactly one part is below 10', () => {
    expect([...onderdrukDelen({ werkzaam: 180, verloren: 12, uit: 8 })].sort()).toEqual(['uit', 'verloren']);
    expect([...onderdrukDelen({ werkzaam: 180, verloren: 50, uit: 30 })]).toEqual([]);
  });

  it('hides more parts until the hidden ones hold at least 10 persons', () => {
    // 3 + 2 = 5 < 10: werkzaam (= cohort − 5) must go too.
    expect([...onderdrukDelen({ werkzaam: 95, verloren: 3, uit: 2 })].sort()).toEqual(['uit', 'verloren', 'werkzaam']);
    // 6 + 7 = 13 ≥ 10: werkzaam can stay.
    expect([...onderdrukDelen({ werkzaam: 95, verloren: 6, uit: 7 })].sort()).toEqual(['uit', 'verloren']);
    // Reasons: 4 (<10) + the smallest other (12) = 16.
    expect([...onderdrukDelen({ AOW: 40, overig: 12, overleden: 4, onbekend: 30 })].sort()).toEqual(['overig', 'overleden']);
  });

  it('treats parts the table does not show as hidden', () => {
    expect([...onderdrukDelen({ werkzaam: 95, verloren: 3, uit: 2 }, ['verloren', 'uit'])].sort()).toEqual(['uit', 'verloren', 'werkzaam']);
    expect([...onderdrukDelen({ werkzaam: 80, verloren: 12, uit: 8 }, ['verloren', 'uit'])].sort()).toEqual(['uit', 'verloren']);
  });

  it('a sentence whose parts are 0 says "niet getoond"', () => {
    // What the protected table gives when both small parts are hidden: 0 for each.
    const z = { ...rijVan(200, 180, 12), groep: 'totaal', werkVerloren: 0, uitRegister: 0 };
    expect(zinUitkomsten(z)).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten: het aandeel dat een jaar later het werk had verloren of uit het doelgroepregister was gestroomd, wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    );
    expect(zinWerkzaam(z)).toBe('Van de mensen die in het derde kwartaal van 2021 werkten, werkte een jaar later 90 procent nog steeds.');
  });
});

describe('selection', () => {
  const bereik: PanelBereik = { eerste: '2012Q4', laatste: '2024Q4' };

  it('defaults to the latest third quarter that has the horizon in the data', () => {
    expect(kiesBasis(null, 4, bereik).basis).toBe('2023Q3');
    expect(kiesBasis(null, 8, bereik).basis).toBe('2022Q3');
    expect(kiesBasis(null, 4, bereik).opties[0]).toBe('2023Q4');
    expect(kiesBasis(null, 4, bereik).opties.at(-1)).toBe('2012Q4');
  });

  it('keeps a possible quarter from the link and replaces an impossible one with the nearest of its quarter of the year', () => {
    expect(kiesBasis('2021Q1', 4, bereik)).toMatchObject({ basis: '2021Q1', melding: null, vervang: false });
    const k = kiesBasis('2024Q1', 4, bereik);
    // 2024Q1 + 4 is past 2024Q4; the latest first quarter with a year after it is 2023Q1.
    expect(k).toMatchObject({ basis: '2023Q1', vervang: true });
    expect(k.melding).toBe(
      'Basiskwartaal 1e kwartaal 2024 uit de link kan niet met een horizon van 1 jaar: voor 1 jaar is 4e kwartaal 2023 het laatste basiskwartaal (de gegevens lopen tot en met 4e kwartaal 2024). Getoond wordt 1e kwartaal 2023, hetzelfde kwartaal van het jaar.',
    );
    // Before the data: the earliest possible quarter of that quarter of the year.
    expect(kiesBasis('2010Q2', 4, bereik)).toMatchObject({
      basis: '2013Q2',
      vervang: true,
      melding: 'Basiskwartaal 2e kwartaal 2010 uit de link kan niet met een horizon van 1 jaar: de gegevens beginnen in het 4e kwartaal 2012. Getoond wordt 2e kwartaal 2013, hetzelfde kwartaal van het jaar.',
    });
  });

  it('says why the base quarter moves when "2 jaar" is chosen on the latest cohort, and puts the shown quarter in the link', () => {
    // On screen: 4e kwartaal 2023 (the latest with a year after it). The user picks 2 jaar: the
    // link now asks 2023Q4 with horizon 8, which needs 2025Q4.
    const k = kiesBasis('2023Q4', 8, bereik, { basis: '2023Q4', horizon: 4 });
    expect(k).toMatchObject({ basis: '2022Q4', vervang: true });
    expect(k.melding).toBe(
      '4e kwartaal 2023 kan niet met een horizon van 2 jaar: voor 2 jaar is 4e kwartaal 2022 het laatste basiskwartaal (de gegevens lopen tot en met 4e kwartaal 2024). Getoond wordt 4e kwartaal 2022.',
    );
    expect(k.melding).not.toContain('link');
    // A third quarter keeps its quarter of the year: 2023Q3 → 2022Q3, although 2022Q4 is later.
    expect(kiesBasis('2023Q3', 8, bereik, { basis: '2023Q3', horizon: 4 }).melding).toBe(
      '3e kwartaal 2023 kan niet met een horizon van 2 jaar: voor 2 jaar is 4e kwartaal 2022 het laatste basiskwartaal (de gegevens lopen tot en met 4e kwartaal 2024). Getoond wordt 3e kwartaal 2022, hetzelfde kwartaal van het jaar.',
    );
    // Without a quarter in the link (the default, 2023Q3): the same message, and the link keeps
    // no quarter (it means "the latest third quarter", which is what is shown).
    expect(kiesBasis(null, 8, bereik, { basis: '2023Q3', horizon: 4 })).toMatchObject({ basis: '2022Q3', vervang: false });
    expect(kiesBasis(null, 8, bereik, { basis: '2023Q3', horizon: 4 }).melding).toMatch(/^3e kwartaal 2023 kan niet met een horizon van 2 jaar/);
    // Once the link holds the shown quarter, nothing more to say; a quarter that stays possible moves nothing.
    expect(kiesBasis('2022Q4', 8, bereik, { basis: '2022Q4', horizon: 8 })).toMatchObject({ basis: '2022Q4', melding: null, vervang: false });
    expect(kiesBasis('2021Q2', 8, bereik, { basis: '2021Q2', horizon: 4 })).toMatchObject({ basis: '2021Q2', melding: null, vervang: false });
  });

  it('follows the chosen quarter of the year on the trends, with UWV markers only on third quarters', () => {
    expect(kwartaalVanJaar('2021Q4')).toBe(4);
    const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
    expect(Object.keys(trendMarkers(cijfers, sel({ basis: '2021Q3' })))).toEqual(['werkzaam', 'steeds', 'zelfde']);
    expect(trendMarkers(cijfers, sel({ basis: '2021Q4' }))).toEqual({});
    const rij = (basis: Kwartaal, cohort: number, werkzaam: number): UitkomstRij => ({
      basis, eind: indexToKwartaal(kwartaalToIndex(basis) + 4), horizon: 4, groep: 'Wsw', cohort, werkzaam, werkVerloren: cohort - werkzaam, uitRegister: 0,
      steedsWerkzaam: werkzaam, zelfdeBaan: werkzaam, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0, steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: false,
    });
    const ctx = context('heel Nederland, alle sectoren, alle achtergronden', null);
    const d = trendData([rij('2020Q4', 200, 180), rij('2021Q4', 100, 80)], [], 4, {}, ctx, 4);
    expect(d.ondertitel).toBe('Steeds het vierde kwartaal als basis (UWV publiceert voor het derde kwartaal); heel Nederland, alle sectoren, alle achtergronden');
    expect(d.rijen.map((r) => [r.basis, r.werkzaam_pct])).toEqual([['2020Q4', 0.9], ['2021Q4', 0.8]]);
  });

  it('puts the published UWV figures of the cohort next to the computed headline, with their source', () => {
    const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
    const brief = 'Brief van de staatssecretaris van SZW aan de Eerste Kamer, 30 juni 2017 (Kamerstukken I, 33 981, N)';
    // 2015Q3, everyone: 87% werkzaam and 83% at every quarter in between (the same letter).
    expect(uwvZin(cijfers, sel({ basis: '2015Q3' }))).toBe(
      `Gepubliceerd voor hetzelfde cohort: 87 procent werkte een jaar later (nog of weer) en 83 procent had op alle tussenliggende peilmomenten werk (bron: ${brief}).`,
    );
    // One achtergrond: its own published figure.
    expect(uwvZin(cijfers, sel({ basis: '2015Q3', achtergrond: ['Wajong'] }))).toBe(
      `Gepubliceerd voor hetzelfde cohort: 80 procent werkte een jaar later (nog of weer) (bron: ${brief}).`,
    );
    // Nothing published for that cohort, or a view UWV did not publish (region, two years, two groups).
    expect(uwvZin(cijfers, sel({ basis: '2019Q3' }))).toBeNull();
    expect(uwvZin(cijfers, sel({ basis: '2015Q3', regio: ['AM01'] }))).toBeNull();
    expect(uwvZin(cijfers, sel({ basis: '2015Q3', horizon: 8 }))).toBeNull();
    expect(uwvZin(cijfers, sel({ basis: '2015Q3', achtergrond: ['Wsw', 'Wajong'] }))).toBeNull();
  });

  it('describes the selection in words', () => {
    expect(selectieTekst({ regio: [], sector: 'alle', achtergrond: [] })).toBe('heel Nederland, alle sectoren, alle achtergronden');
    expect(selectieTekst({ regio: ['AM38'], sector: 'markt', achtergrond: ['Wsw'] })).toBe('arbeidsmarktregio FoodValley, marktsector, achtergrond Wsw');
  });
});


/**
 * Disclosure control on the Regio's page through lib/disclosure (pages/regios/beveiliging.ts):
 * hand-built panels through the page's own builders (map/ranking, growth, profile, neighbours,
 * scatter, funnel, compare) with the answers worked out here, and the attacker (the audit) over
 * every table the page builds for several selections of the demo data, which must find nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import { demoEngine } from './demo-data.ts';
import { X_BESCHERMING } from '../src/lib/disclosure/zinnen.ts';
import { naarCsv } from '../src/lib/export/csv.ts';
import { AFGELEID, BESCHERMD, KLEIN, TOELICHTING_AFGELEID, TOELICHTING_KLEIN, isOnderdrukt } from '../src/lib/format/disclosure.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { overzichtUitSommen, regioOverzichtQuery, type RegioOverzicht, type Reeksen } from '../src/lib/metrics/regio.ts';
import { kengetallen, UREN_PER_BAAN, type RegioSommen } from '../src/lib/metrics/regio-sommen.ts';
import { herkomstVan } from '../src/lib/query/herkomst.ts';
import { parseHash, type Filters } from '../src/lib/state/url.ts';
import { REGIO_VIEWS } from '../src/pages/regios/briefing.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschermCohort, beschermOverzicht } from '../src/pages/regios/beveiliging.ts';
import { regioBeveiligd, type RegioTabel } from '../src/pages/regios/beveiliging-selectie.ts';
import { burenData } from '../src/pages/regios/buren.ts';
import { kaartData, PAGINA_INDICATOR_NAMEN, profielData, profielRegels, rangTabel, vergelijkData, type KaartView } from '../src/pages/regios/grafieken.ts';
import { spreidingData, startniveau } from '../src/pages/regios/spreiding.ts';
import { trechterData } from '../src/pages/regios/trechter.ts';

const HERKOMST = herkomstVan([]);

/** Sums for a region: people, werkzaam and banen (uren = banen × 331,5). */
function som(personen: number, werkzaam: number, banen: number): RegioSommen {
  const uren = banen * UREN_PER_BAAN;
  return {
    personen, werkzaam, uren, uren_markt: uren, uren_overheid: 0, uren_sector_onbekend: 0,
    uren_regulier: uren, uren_uitzend: 0, uren_detachering: 0, uren_dienstverband_onbekend: 0,
  };
}

/** Intervals the audit finds for the hidden cells: id → [min, max]. */
const intervallen = (t: { b: { audit: { cellen: readonly { id: string; min: number; max: number }[] } } }) =>
  Object.fromEntries(t.b.audit.cellen.map((c) => [c.id, [c.min, c.max]]));

/**
 * 2016Q4 → 2017Q4, three regions:
 *   AM01 Groningen:   30 personen, 12 werkzaam, 10 banen →   7 personen,   3 werkzaam,  2 banen
 *   AM02 Friesland:   50 personen, 25 werkzaam, 20 banen →  40 personen,  20 werkzaam, 15 banen
 *   AM38 FoodValley: 210 personen, 100 werkzaam, 80 banen → 200 personen, 100 werkzaam, 90 banen
 *   Nederland:       290 personen, 137 werkzaam, 110 banen → 247 personen, 123 werkzaam, 107 banen
 */
const O = overzichtUitSommen({ basis: '2016Q4', eind: '2017Q4' }, [
  { regio_code: 'AM01', basis: som(30, 12, 10), eind: som(7, 3, 2) },
  { regio_code: 'AM02', basis: som(50, 25, 20), eind: som(40, 20, 15) },
  { regio_code: 'AM38', basis: som(210, 100, 80), eind: som(200, 100, 90) },
]);
const view = (indicator: KaartView['indicator']): KaartView => ({ indicator, basis: '2016Q4', eind: '2017Q4' });
const kaart = (indicator: KaartView['indicator'], o: RegioOverzicht = O) => {
  const d = kaartData(view(indicator), rangTabel(view(indicator), o, null), HERKOMST);
  return { d, w: (c: string) => d.rijen.find((r) => r.regio_code === c)! };
};

describe('a region with 7 persons in the end quarter', () => {
  it('is "<10", and Nederland minus the other regions no longer gives it back', () => {
    // Before: 247 − 200 − 40 = 7. Now Friesland (40, the smallest other region) is hidden too,
    // not Nederland: a reader knows Groningen + Friesland = 47 with Groningen < 10 and Friesland
    // ≥ 10, so Groningen is anything from 0 to 9 and Friesland 38 to 47.
    const { d, w } = kaart('register');
    expect([w('AM01').waarde, w('AM02').waarde, w('AM38').waarde]).toEqual([KLEIN, BESCHERMD, 200]);
    expect(d.ondertitel).toBe('Nederland: 247. Plaats 1 = hoogste waarde.');
    // Places are counted over the values shown: FoodValley is 1, the hidden ones have none.
    expect([w('AM38').rang, w('AM01').rang, w('AM02').rang]).toEqual([1, null, null]);
    const iv = intervallen(beschermOverzicht(O));
    expect(iv['r:AM01.e.personen']).toEqual([0, 9]);
    expect(iv['r:AM02.e.personen']).toEqual([38, 47]);
    expect(beschermOverzicht(O).b.audit.lekken).toEqual([]);
  });

  it('its banen (hours of 3 werkzaam persons) are hidden, and national banen minus the others do not give them', () => {
    // Banen rest on the werkzaam persons: 3 in Groningen. Nederland's 107 banen are shown; the
    // werkzaam pattern is protected like counts, so Friesland's banen go too: 107 − 90 = 17 is
    // all a reader learns about the two together. Werkzaam: Groningen 0–9, Friesland 14–23
    // (123 − 100 − Groningen's 0–9; its 20 is hidden to protect).
    const { d, w } = kaart('banen');
    expect([w('AM01').waarde, w('AM02').waarde, w('AM38').waarde]).toEqual([AFGELEID, BESCHERMD, 90]);
    expect(d.ondertitel).toBe('Nederland: 107. Plaats 1 = hoogste waarde.');
    // Both reasons in the footnotes (the chart kit adds the one for a small group to the export).
    expect(d.voetnoten).toContain(X_BESCHERMING);
    expect(naarCsv(d)).toContain(TOELICHTING_AFGELEID);
    const iv = intervallen(beschermOverzicht(O));
    expect(iv['r:AM01.e.werkzaam']).toEqual([0, 9]);
    expect(iv['r:AM02.e.werkzaam']).toEqual([14, 23]);
  });

  it('the growth figures do not give it back: growth rests on both quarters, so it goes with the end quarter', () => {
    // Groningen's base quarter (12 werkzaam) is fine, the end quarter (3) is not: showing the
    // growth 2 − 10 = −8 would give the end quarter's banen from the base quarter's.
    for (const indicator of ['groei', 'groei_pct'] as const) {
      const { w } = kaart(indicator);
      expect([w('AM01').waarde, w('AM02').waarde], indicator).toEqual([AFGELEID, BESCHERMD]);
      expect(typeof w('AM38').waarde).toBe('number');
    }
    expect(kaart('groei').d.ondertitel).toBe('Nederland: -3. Plaats 1 = hoogste waarde.');
    // Shares: werkzaam 3 of 7 is "x"; Friesland's share goes with its hidden counts.
    const { w } = kaart('werkzaam_pct');
    expect([w('AM01').waarde, w('AM02').waarde, w('AM38').waarde]).toEqual([AFGELEID, BESCHERMD, 0.5]);
  });

  it('profile, neighbours and scatter print the same answers', () => {
    const regels = profielRegels(view('register'), 'AM01', O, null, HERKOMST)!;
    expect(regels.map((r) => [r.indicator, r.regio, r.plaats])).toEqual([
      ['banen', 'x', '–'], ['groei', 'x', '–'], ['groei_pct', 'x', '–'], ['werkzaam_pct', 'x', '–'],
      ['per1000', 'x', '–'], ['register', '<10', '–'],
    ]);
    expect(regels.find((r) => r.indicator === 'register')!.nederland).toBe('247');
    expect(profielData(view('register'), 'AM01', regels, HERKOMST).voetnoten).toEqual(expect.arrayContaining([TOELICHTING_KLEIN, TOELICHTING_AFGELEID]));
    const buren = burenData('AM01', ['AM02'], ['AM38'], O, HERKOMST);
    expect(buren.rijen.map((r) => r.personen)).toEqual([KLEIN, BESCHERMD, 200, 247]);
    // The scatter: Groningen's start share (12 of 30 = 40,0%) is shown, its growth is not; the
    // line and r use only FoodValley (the one complete point), so there is none.
    const s = spreidingData(startniveau(O, 'aandeel_werkzaam'), HERKOMST, null);
    const groningen = s.rijen.find((r) => r.regio_code === 'AM01')!;
    expect([groningen.x, groningen.y, groningen.groei]).toEqual([0.4, AFGELEID, AFGELEID]);
    expect(s.ondertitel).toBe("Te weinig regio's met een startniveau en een groei om een lijn te trekken (1).");
  });

  it('the briefing\'s profile paragraph says the true reason instead of printing "x"', () => {
    const f = parseHash('#/regios?profiel=AM02').route.filters as Filters<'regios'>;
    const inhoud = REGIO_VIEWS.find((v) => v.sleutel === 'regios/profiel')!.bouw([O, null], [HERKOMST, null], f, null)!;
    const tekst = inhoud.alinea.map((d) => (typeof d === 'string' ? d : d.getal)).join('');
    // Friesland (40 persons) is hidden only to protect Groningen.
    expect(tekst).toContain('Het aantal personen in het doelgroepregister in Friesland wordt niet getoond, om een kleine groep elders in de tabel te beschermen.');
    expect(tekst).not.toMatch(/: x in /);
    expect(JSON.stringify(inhoud.data.rijen)).not.toContain('"40"');
  });

  it('Nederland is never hidden to protect a region when a smaller complement exists', () => {
    for (const id of beschermOverzicht(O).b.onderdrukt.keys()) expect(id.startsWith('NL.')).toBe(false);
  });
});

describe('the cohort: funnel, map and profile read one table', () => {
  it('a region of 8 is "<10"; the national share no longer pins it', () => {
    // n: Groningen 1.000, Friesland 8, FoodValley 500; k: 800, 8, 400. Nederland 1.208 of
    // 1.508: "80,1%". With every other count shown, 80,1% would pin Friesland: with n = 0 the
    // share is 1.200 / 1.500 = 80,0%. FoodValley's k (the cheapest) is hidden too: then
    // k(FoodValley) + k(Friesland) = 80,05–80,15% of 1.500 + n(Friesland) − 800, that is 401–402
    // (n = 0) up to 408–409 (n = 9), so FoodValley's k is 399–409 and Friesland stays 0–9.
    const rijen = [{ regio_code: 'AM01', n: 1000, k: 800 }, { regio_code: 'AM02', n: 8, k: 8 }, { regio_code: 'AM38', n: 500, k: 400 }];
    const c = beschermCohort(rijen);
    const m = trechterData('2017Q4', rijen, HERKOMST)!;
    const rij = (code: string) => m.data.rijen.find((r) => r.regio_code === code)!;
    expect(rij('AM02')).toMatchObject({ n: KLEIN, k: KLEIN, p: AFGELEID, onder95: AFGELEID, oordeel: 'x', signaal: 'binnen' });
    expect(c.b.audit.lekken).toEqual([]);
    expect(c.b.audit.kleinGetoond).toEqual([]);
    expect(intervallen(c)['r:AM02.n']).toEqual([0, 9]);
    expect(intervallen(c)).toEqual({ 'r:AM02.n': [0, 9], 'r:AM02.k': [0, 9], 'r:AM38.k': [399, 409] });
    expect(rij('AM38')).toMatchObject({ n: 500, k: BESCHERMD, p: BESCHERMD, oordeel: 'x' });
    expect(rij('AM01')).toMatchObject({ n: 1000, k: 800, p: 0.8 });
    expect(m.data.ondertitel).toBe('Landelijk 80,1%. Geen enkele regio ligt buiten de 95%-grenzen.');
    // The map's "werkzaam na 1 jaar" gives the same answer per region as the funnel.
    const d = kaartData(view('duurzaam'), rangTabel(view('duurzaam'), O, rijen), HERKOMST);
    for (const code of ['AM01', 'AM02', 'AM38']) expect(d.rijen.find((r) => r.regio_code === code)!.waarde).toEqual(rij(code).p);
  });
});

describe('the compare view: an index rests on its quarter and the base quarter', () => {
  it('a region with 7 in the base quarter shows no index at all; Nederland does', () => {
    const punt = (kwartaal: Kwartaal, personen: number) => ({ kwartaal, ...kengetallen(som(personen, 0, 0)) });
    const reeksen: Reeksen = {
      van: '2016Q4', tot: '2017Q2',
      landelijk: { regio_code: null, regio_naam: 'Nederland', landelijk: true, punten: [punt('2016Q4', 200), punt('2017Q1', 210), punt('2017Q2', 220)] },
      regios: [
        { regio_code: 'AM01', regio_naam: 'Groningen', landelijk: false, punten: [punt('2016Q4', 7), punt('2017Q1', 12), punt('2017Q2', 14)] },
        { regio_code: 'AM38', regio_naam: 'FoodValley', landelijk: false, punten: [punt('2016Q4', 193), punt('2017Q1', 198), punt('2017Q2', 206)] },
      ],
    };
    // 12 / 7 = 171,4 would give 7 back from a later quarter's count; 14 / 7 = 200,0 too.
    const d = vergelijkData(reeksen, 'personen', '2016Q4', ['AM01'], HERKOMST);
    expect(d.rijen.map((r) => r.r_AM01)).toEqual([AFGELEID, AFGELEID, AFGELEID]);
    expect(d.rijen.map((r) => r.landelijk)).toEqual([100, 105, expect.closeTo(110, 9)]);
    // The briefing's sentence gives the reason, not a number.
    const f = parseHash('#/regios?weergave=vergelijk&indicator=register&vergelijk=AM01').route.filters as Filters<'regios'>;
    const inhoud = REGIO_VIEWS.find((v) => v.sleutel === 'regios/vergelijk')!.bouw([reeksen], [HERKOMST], f, null)!;
    const tekst = inhoud.alinea.map((x) => (typeof x === 'string' ? x : x.getal)).join('');
    expect(tekst).toBe(
      'Van het vierde kwartaal van 2016 tot het tweede kwartaal van 2017 groeide het aantal personen in het register in Nederland met 10,0 procent. De groei van het aantal personen in het register in Groningen wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    );
  });
});

describe('the audit over every Regio\'s table on the demo data', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await demoEngine('doelgroep_kwartaal');
  }, 120_000);
  afterAll(() => engine?.close());

  /** The two regions with the fewest persons in the end quarter: the smallest selections. */
  async function kleinste(van: Kwartaal, tot: Kwartaal): Promise<string[]> {
    const o = await runMetric(engine, regioOverzichtQuery({ basis: van, eind: tot }));
    return o.regios.filter((r) => r.regio_naam !== null).sort((a, b) => a.eind.personen - b.eind.personen).slice(0, 2).map((r) => r.regio_code!);
  }

  const controleer = (tabellen: RegioTabel[]) => {
    for (const t of tabellen) {
      expect(t.b.audit.lekken.map((l) => `${t.naam} ${l.id} [${l.min}, ${l.max}]`)).toEqual([]);
      expect(t.b.audit.kleinGetoond, t.naam).toEqual([]);
      for (const [id, reden] of t.b.onderdrukt) if (id.startsWith('NL.')) expect(`${id} ${reden}`).toBe('Nederland shown');
    }
  };

  const SELECTIES: [string, Kwartaal, Kwartaal, KaartView['indicator']][] = [
    ['de eerste kwartalen (kleinste register)', '2012Q4', '2013Q4', 'register'],
    ['de UWV-periode', '2015Q4', '2017Q4', 'banen'],
    ['het laatste jaar', '2023Q4', '2024Q4', 'werkzaam_pct'],
  ];

  it.each(SELECTIES)('%s: no hidden cell recoverable, no count under 10 printed', async (_naam, van, tot, indicator) => {
    const vergelijk = await kleinste(van, tot);
    const tabellen = await regioBeveiligd(engine, { van, tot, vergelijk, indicator });
    expect(tabellen.map((t) => t.naam)).toEqual(['overzicht', 'cohort', 'reeksen']);
    controleer(tabellen);
    // Every view as the page builds it prints no count of persons under 10.
    const o = await runMetric(engine, regioOverzichtQuery({ basis: van, eind: tot }));
    for (const i of PAGINA_INDICATOR_NAMEN.filter((x) => x !== 'duurzaam')) {
      for (const r of kaartData(view(i), rangTabel({ ...view(i), basis: van, eind: tot }, o, null), HERKOMST).rijen) {
        if (i === 'register' && typeof r.waarde === 'number') expect(r.waarde).toBeGreaterThanOrEqual(10);
      }
    }
    for (const r of burenData(vergelijk[0], [vergelijk[1]], [], o, HERKOMST).rijen) if (typeof r.personen === 'number') expect(r.personen).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('a demo overview scaled down 400 times (many regions under 10): still nothing recoverable, Nederland never used', async () => {
    const o = await runMetric(engine, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
    const klein = (s: RegioSommen): RegioSommen => {
      const personen = Math.round(s.personen / 400);
      const werkzaam = Math.min(personen, Math.round(s.werkzaam / 400));
      return { ...som(personen, werkzaam, 0), uren: s.uren / 400 };
    };
    const geschaald = overzichtUitSommen({ basis: '2015Q4', eind: '2017Q4' }, o.regios.map((r) => ({ regio_code: r.regio_code, basis: klein(r.basis), eind: klein(r.eind) })));
    const b = beschermOverzicht(geschaald).b;
    expect(b.verlies.primair).toBeGreaterThan(5);
    controleer([{ naam: 'overzicht', b }]);
    for (const r of kaart('register', geschaald).d.rijen) if (!isOnderdrukt(r.waarde) && r.waarde !== null) expect(r.waarde as number).toBeGreaterThanOrEqual(10);
  }, 120_000);
});

/**
 * The Regio's page as data (src/pages/regios/grafieken.ts, spreiding.ts, trechter.ts) and its chart pieces
 * (klassen.ts, Choropleth): hand-built overviews with numbers worked out by hand, and the rule
 * that map, ranking, table and CSV of one view show the same numbers.
 */
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Choropleth from '../src/lib/charts/Choropleth.svelte';
import DataTable from '../src/lib/charts/DataTable.svelte';
import BarChart from '../src/lib/charts/BarChart.svelte';
import { klassenIndeling, klasseVan } from '../src/lib/charts/klassen.ts';
import { celTekst, type Kolom } from '../src/lib/charts/spec.ts';
import { naarCsv } from '../src/lib/export/csv.ts';
import { REGIO_CODES } from '../src/lib/extracts/regions.ts';
import { AFGELEID, KLEIN } from '../src/lib/format/disclosure.ts';
import { cohortBasis, overzichtUitSommen, type Reeksen } from '../src/lib/metrics/regio.ts';
import { KAART_BRON, REGIO_TOPOJSON_PAD, regioKaart } from '../src/lib/metrics/regio-geo.ts';
import { kengetallen, UREN_PER_BAAN, type RegioSommen } from '../src/lib/metrics/regio-sommen.ts';
import { parseRegionaleGroei } from '../src/lib/published/reference.ts';
import { herkomstVan, type ExtractHerkomst } from '../src/lib/query/herkomst.ts';
import { parseHash } from '../src/lib/state/url.ts';
import { kaartData, profielRegels, rangTabel, vergelijkData, type KaartView } from '../src/pages/regios/grafieken.ts';
import { correlatieZin, gepubliceerdeGroei, groeiVergelijking, landelijkeGroeiData, spreidingData, startniveau } from '../src/pages/regios/spreiding.ts';
import { trechterData } from '../src/pages/regios/trechter.ts';

/** The panel as the query layer describes it: demo data, or a user's own file. */
const extract = (x: Partial<ExtractHerkomst>): ExtractHerkomst => ({
  extract: 'doelgroep_kwartaal', soort: 'demo', bestand: 'doelgroep_kwartaal.parquet',
  bron: 'Synthetische demodata (seed 20240), gekalibreerd op gepubliceerde cijfers van UWV en SZW', synthetisch: true,
  peildatumVan: '2012-03-31', peildatumTot: '2024-12-31', schemaVersie: 1, geladenOp: '2025-01-01T00:00:00Z', versie: 1, ...x,
});
const HERKOMST = herkomstVan([extract({})]);
const EIGEN = herkomstVan([extract({ soort: 'eigen', bestand: 'panel_2025q1.parquet', bron: 'eigen bestand panel_2025q1.parquet', synthetisch: false })]);
const kaart = regioKaart(JSON.parse(readFileSync(REGIO_TOPOJSON_PAD, 'utf8')));

/** Sums for a region: people, werkzaam and banen (uren = banen × 331,5, all in markt/regulier). */
function som(personen: number, werkzaam: number, banen: number): RegioSommen {
  const uren = banen * UREN_PER_BAAN;
  return {
    personen, werkzaam, uren, uren_markt: uren, uren_overheid: 0, uren_sector_onbekend: 0,
    uren_regulier: uren, uren_uitzend: 0, uren_detachering: 0, uren_dienstverband_onbekend: 0,
  };
}

/**
 * Three regions, 2015Q4 → 2017Q4:
 *   AM01 Groningen:   100 personen, 20 werkzaam, 10 banen → 13 banen (+3, +30%)
 *   AM02 Friesland:   100 personen, 30 werkzaam, 10 banen → 12 banen (+2, +20%)
 *   AM38 FoodValley:  100 personen, 40 werkzaam, 10 banen → 11 banen (+1, +10%)
 *   Nederland:        300 personen, 90 werkzaam, 30 banen → 36 banen (+6, +20%)
 * The start share (0,2; 0,3; 0,4) and growth (0,3; 0,2; 0,1) lie on y = 0,5 − x: r = −1.
 */
const OVERZICHT = overzichtUitSommen({ basis: '2015Q4', eind: '2017Q4' }, [
  { regio_code: 'AM01', basis: som(100, 20, 10), eind: som(100, 20, 13) },
  { regio_code: 'AM02', basis: som(100, 30, 10), eind: som(100, 30, 12) },
  { regio_code: 'AM38', basis: som(100, 40, 10), eind: som(100, 40, 11) },
]);

const view = (indicator: KaartView['indicator']): KaartView => ({ indicator, basis: '2015Q4', eind: '2017Q4' });

describe('klassen van de kaart', () => {
  const aantal: Kolom = { key: 'w', label: 'Banen', type: 'aantal' };
  const pct: Kolom = { key: 'w', label: 'Aandeel', type: 'pct', decimalen: 1 };

  it('puts boundaries at rounded quantiles: 1…10 → 3, 5, 6, 8 with Dutch labels', () => {
    // Quantiles of 1..10 at 20/40/60/80% are 2,8; 4,6; 6,4; 8,2, rounded to whole numbers.
    const k = klassenIndeling([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], aantal);
    expect(k.grenzen).toEqual([3, 5, 6, 8]);
    expect(k.klassen.map((c) => c.label)).toEqual(['minder dan 3', '3 tot 5', '5 tot 6', '6 tot 8', '8 of meer']);
  });

  it('classifies a value by what the table shows: 2,6 reads "3" and lands in "3 tot 5"', () => {
    const k = klassenIndeling([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], aantal);
    expect(celTekst(2.6, aantal)).toBe('3');
    expect(klasseVan(2.6, k, aantal)).toBe(1);
    expect(klasseVan(2.4, k, aantal)).toBe(0);
    expect(klasseVan(10, k, aantal)).toBe(4);
    expect(klasseVan(null, k, aantal)).toBe(-1);
  });

  it('rounds percentage boundaries to the shown decimal and makes 0 a boundary when regions shrink and grow', () => {
    const k = klassenIndeling([-0.05, -0.012, 0.021, 0.06, 0.101, 0.152, 0.2, 0.25, 0.3, 0.35], pct);
    expect(k.grenzen).toContain(0);
    for (const g of k.grenzen) expect(Math.round(g * 1000)).toBeCloseTo(g * 1000, 9);
    const eersteBoven = k.grenzen.indexOf(0) + 1;
    // Classes below 0 in violet, from 0 upwards in blue: colour tells the sign.
    expect(k.klassen[0].kleur.token).toMatch(/violet/);
    expect(k.klassen[eersteBoven].kleur.token).toMatch(/lintblauw/);
    expect(k.klassen.at(-1)!.label).toMatch(/^\d+,\d% of meer$/);
  });

  it('gives no classes without values and one class for equal values', () => {
    expect(klassenIndeling([], aantal).klassen).toEqual([]);
    const een = klassenIndeling([7, 7, 7], aantal);
    expect(een.grenzen).toEqual([]);
    expect(een.klassen.map((c) => c.label)).toEqual(['minder dan –']);
    expect(klasseVan(7, een, aantal)).toBe(0);
  });
});

describe('kaart, ranglijst, tabel en CSV van één weergave', () => {
  const data = kaartData(view('groei'), rangTabel(view('groei'), OVERZICHT, null), HERKOMST);

  it('has all 35 regions, ranked, regions without data last without a rank', () => {
    expect(data.rijen).toHaveLength(35);
    expect(new Set(data.rijen.map((r) => r.regio_code))).toEqual(new Set(REGIO_CODES));
    expect(data.rijen.slice(0, 3)).toEqual([
      { regio_naam: 'Groningen', regio_code: 'AM01', waarde: expect.closeTo(3, 9), rang: 1 },
      { regio_naam: 'Friesland', regio_code: 'AM02', waarde: expect.closeTo(2, 9), rang: 2 },
      { regio_naam: 'FoodValley', regio_code: 'AM38', waarde: expect.closeTo(1, 9), rang: 3 },
    ]);
    expect(data.rijen[3]).toMatchObject({ waarde: null, rang: null });
    expect(data.titel).toBe('Groei aantal banen per arbeidsmarktregio, 4e kwartaal 2015 – 4e kwartaal 2017');
    expect(data.ondertitel).toBe('Nederland: 6. Plaats 1 = hoogste waarde.');
    expect(data.voetnoten).toContain(KAART_BRON);
    expect(data.peildatum).toBe('2017-12-31');
  });

  it('takes its source line from the answer: the demo extract, or the user\'s own file by name', () => {
    expect(data.bron).toBe('Synthetische demodata (seed 20240), gekalibreerd op gepubliceerde cijfers van UWV en SZW; bewerking Participatiemonitor');
    expect(data.synthetisch).toBe(true);
    const eigen = kaartData(view('groei'), rangTabel(view('groei'), OVERZICHT, null), EIGEN);
    expect(eigen.bron).toBe('Eigen bestand panel_2025q1.parquet; bewerking Participatiemonitor');
    expect(eigen.synthetisch).toBe(false);
    const csv = naarCsv(eigen);
    expect(csv).toContain('Bron: Eigen bestand panel_2025q1.parquet; bewerking Participatiemonitor; peildatum 31-12-2017');
    expect(csv).not.toMatch(/synthetisch/i);
  });

  it('draws every one of the 35 codes exactly once on the map', () => {
    const html = render(Choropleth, { props: { data, kaart, code: 'regio_code', naam: 'regio_naam', waarde: 'waarde', details: ['rang'], bronKaart: KAART_BRON } }).body;
    const codes = [...html.matchAll(/<path[^>]*data-code="(AM\d\d)"/g)].map((m) => m[1]);
    expect(codes).toHaveLength(35);
    expect([...codes].sort()).toEqual([...REGIO_CODES].sort());
    expect(html).toContain(KAART_BRON);
  });

  it('names each region on the map with the same text as its table row and CSV line', () => {
    const kaartHtml = render(Choropleth, { props: { data, kaart, code: 'regio_code', naam: 'regio_naam', waarde: 'waarde', details: ['rang'] } }).body;
    const namen = new Map([...kaartHtml.matchAll(/data-code="(AM\d\d)"[^>]*aria-label="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(namen.get('AM01')).toBe('Groningen: 3; plaats 1');
    expect(namen.get('AM38')).toBe('FoodValley: 1; plaats 3');
    expect(namen.get('AM05')).toBe('Twente: –; plaats –');

    const tabel = render(DataTable, { props: { data } }).body.replace(/<!--[^>]*-->/g, '');
    const csv = naarCsv(data).split('\r\n');
    const staaf = render(BarChart, { props: { data, categorie: 'regio_naam', waarde: 'waarde' } }).body;
    for (const r of data.rijen.slice(0, 3)) {
      const waarde = celTekst(r.waarde, data.kolommen[2]);
      expect(namen.get(String(r.regio_code))).toBe(`${r.regio_naam}: ${waarde}; plaats ${r.rang}`);
      expect(tabel).toMatch(new RegExp(`<th scope="row"[^>]*>${r.regio_naam}</th><td[^>]*>${r.regio_code}</td><td[^>]*>${waarde}</td><td[^>]*>${r.rang}</td>`));
      expect(csv).toContain(`${r.regio_naam};${r.regio_code};${waarde};${r.rang}`);
      expect(staaf).toContain(`${r.regio_naam} ${waarde}`);
    }
  });

  it('suppresses values resting on fewer than 10 people in map, table and CSV alike', () => {
    const klein = overzichtUitSommen({ basis: '2015Q4', eind: '2017Q4' }, [
      { regio_code: 'AM01', basis: som(100, 20, 10), eind: som(100, 20, 13) },
      { regio_code: 'AM02', basis: som(9, 4, 2), eind: som(9, 5, 3) },
    ]);
    const d = kaartData(view('werkzaam_pct'), rangTabel(view('werkzaam_pct'), klein, null), HERKOMST);
    expect(d.rijen.find((r) => r.regio_code === 'AM02')).toMatchObject({ waarde: AFGELEID, rang: null });
    const r = kaartData(view('register'), rangTabel(view('register'), klein, null), HERKOMST);
    expect(r.rijen.find((x) => x.regio_code === 'AM02')).toMatchObject({ waarde: KLEIN, rang: null });
    expect(naarCsv(r)).toContain('Friesland;AM02;<10;');
    expect(naarCsv(d)).not.toContain('55,6'); // 5 / 9 never leaves the model
  });

  it('reports groups with an unknown region code instead of dropping them silently', () => {
    const o = overzichtUitSommen({ basis: '2015Q4', eind: '2017Q4' }, [
      { regio_code: 'AM01', basis: som(100, 20, 10), eind: som(100, 20, 13) },
      { regio_code: 'AM99', basis: som(50, 10, 5), eind: som(50, 10, 6) },
    ]);
    const d = kaartData(view('banen'), rangTabel(view('banen'), o, null), HERKOMST);
    expect(d.rijen).toHaveLength(35);
    expect(d.ondertitel).toBe('Nederland: 19. Plaats 1 = hoogste waarde.'); // 13 + 6: AM99 counts nationally
    expect(d.voetnoten).toContain('1 groep met een onbekende of lege regiocode (AM99) telt mee in het landelijke cijfer, maar staat niet op de kaart.');
  });
});

describe('startniveau en groei', () => {
  it('fits y = 0,5 − x through the three regions and reports r = −1', () => {
    const s = startniveau(OVERZICHT, 'aandeel_werkzaam');
    expect(s.r).toBeCloseTo(-1, 12);
    expect(s.fit!.helling).toBeCloseTo(-1, 12);
    expect(s.fit!.intercept).toBeCloseTo(0.5, 12);
    expect(s.landelijk.x).toBeCloseTo(0.3, 12);
    expect(s.landelijk.y).toBeCloseTo(0.2, 12);
    const d = spreidingData(s, HERKOMST, null);
    expect(d.ondertitel).toBe("Correlatie r = -1,00 over 3 regio's: regio's die hoger begonnen, groeiden gemiddeld minder.");
    expect(d.rijen.map((r) => [r.regio_naam, r.x, r.y, r.groei])).toEqual([
      ['FoodValley', 0.4, expect.closeTo(0.1, 12), expect.closeTo(1, 9)],
      ['Friesland', 0.3, expect.closeTo(0.2, 12), expect.closeTo(2, 9)],
      ['Groningen', 0.2, expect.closeTo(0.3, 12), expect.closeTo(3, 9)],
    ]);
  });

  it('says when there are too few regions for a line', () => {
    const een = overzichtUitSommen({ basis: '2015Q4', eind: '2017Q4' }, [{ regio_code: 'AM01', basis: som(100, 20, 10), eind: som(100, 20, 13) }]);
    expect(correlatieZin(startniveau(een, 'banen_per_1000'))).toBe("Te weinig regio's met een startniveau en een groei om een lijn te trekken (1).");
  });

  it('quotes the UWV finding from data/published and compares it with the computed national growth', () => {
    const pub = gepubliceerdeGroei(parseRegionaleGroei(readFileSync('data/published/regionale_groei.csv', 'utf8')))!;
    expect(pub.banen).toBe(15847);
    expect(pub.pct).toBeCloseTo(0.165, 12);
    // Cited as the letter it comes from, never by its file name.
    expect(pub.citatie.label).toBe('Brief van de staatssecretaris van SZW aan de Eerste Kamer over vijf onderzoeken, 2019 (34 352, F)');
    expect(pub.citatie.citaat).toContain('15.847 (+16,5 procent)');
    const d = spreidingData(startniveau(OVERZICHT, 'aandeel_werkzaam'), HERKOMST, pub);
    expect(d.bronnen).toEqual([{ label: 'Gepubliceerd: UWV-onderzoek regionale verschillen', document: pub.citatie.label, citaat: pub.citatie.citaat }]);
    expect(JSON.stringify(d)).not.toMatch(/\.txt|github/i);
    const v = groeiVergelijking(OVERZICHT, pub)!;
    expect(v.zelfdePeriode).toBe(true);
    expect(v.berekendBanen).toBeCloseTo(6, 9);
    expect(v.berekendPct).toBeCloseTo(0.2, 12);
    expect(v.verschilBanen).toBeCloseTo(6 - 15847, 9);
    // The table as ChartData: exportable, with the letter cited.
    const t = landelijkeGroeiData(v, OVERZICHT, { bron: 'b', peildatum: '2017-12-31', synthetisch: false });
    expect(t.rijen).toEqual([
      { cijfer: 'Gepubliceerd (UWV)', periode: '2015 tot en met eind 2017', banen: 15847, pct: expect.closeTo(0.165, 12) },
      { cijfer: 'Berekend', periode: '4e kwartaal 2015 – 4e kwartaal 2017', banen: expect.closeTo(6, 9), pct: expect.closeTo(0.2, 12) },
    ]);
    expect(t.bronnen?.[0].citaat).toContain('15.847 (+16,5 procent)');
    expect(naarCsv(t)).toContain('Berekend;4e kwartaal 2015 – 4e kwartaal 2017;6;20,0');
  });
});

describe('trechter: werkzaam na 1 jaar per regio', () => {
  /**
   * Σn = 1.000, Σk = 840 → p0 = 0,84.
   *   AM01 n=100 k=80  p=0,80  se=√(0,84·0,16/100)=0,036661; 95%: 0,7681–0,9119 → binnen
   *   AM02 n=400 k=360 p=0,90  se=0,018330; 95% boven 0,8759; 99,8% boven 0,84+3,09·se = 0,8966 → boven998
   *   AM38 n=500 k=400 p=0,80  se=0,016395; 95% onder 0,8079 → onder95; 99,8% onder 0,7893 → not below
   */
  const model = trechterData('2017Q4', [
    { regio_code: 'AM01', n: 100, k: 80 },
    { regio_code: 'AM02', n: 400, k: 360 },
    { regio_code: 'AM38', n: 500, k: 400 },
  ], HERKOMST)!;
  const rij = (c: string) => model.data.rijen.find((r) => r.regio_code === c)!;

  it('puts the national rate at Σk/Σn and each region against its own limits', () => {
    expect(model.p0).toBeCloseTo(0.84, 12);
    expect(rij('AM01')).toMatchObject({ signaal: 'binnen', oordeel: 'binnen de grenzen' });
    expect(rij('AM01').onder95 as number).toBeCloseTo(0.84 - 1.96 * Math.sqrt(0.84 * 0.16 / 100), 12);
    expect(rij('AM01').onder95 as number).toBeCloseTo(0.768145, 6);
    expect(rij('AM02')).toMatchObject({ signaal: 'boven998', oordeel: 'boven de 99,8%-grens' });
    expect(rij('AM02').boven998 as number).toBeCloseTo(0.896641, 6);
    expect(rij('AM38')).toMatchObject({ signaal: 'onder95', oordeel: 'onder de 95%-grens' });
    expect(rij('AM38').onder95 as number).toBeCloseTo(0.807866, 6);
    expect(rij('AM38').onder998 as number).toBeCloseTo(0.789339, 6);
    expect(model.data.ondertitel).toBe("Landelijk 84,0%. 2 regio's liggen buiten de 95%-grenzen, waarvan 1 buiten de 99,8%-grenzen.");
    expect(model.data.titel).toContain('cohort 4e kwartaal 2016 – 4e kwartaal 2017');
  });

  it('draws limit curves that narrow as n grows', () => {
    const eerste = model.curve[0];
    const laatste = model.curve.at(-1)!;
    expect(eerste.n).toBe(50); // half the smallest region
    expect(laatste.n).toBe(550); // 10% beyond the largest
    expect(eerste.boven95 - eerste.onder95).toBeGreaterThan(laatste.boven95 - laatste.onder95);
    expect(laatste.boven95).toBeCloseTo(0.84 + 1.96 * Math.sqrt(0.84 * 0.16 / 550), 12);
  });

  it('shows a region of fewer than 10 people as <10 / x and never flags it', () => {
    const m = trechterData('2017Q4', [{ regio_code: 'AM01', n: 1000, k: 800 }, { regio_code: 'AM02', n: 8, k: 8 }], HERKOMST)!;
    expect(m.data.rijen.find((r) => r.regio_code === 'AM02')).toMatchObject({ n: KLEIN, k: KLEIN, p: AFGELEID, signaal: 'binnen', oordeel: 'x' });
    expect(m.p0).toBeCloseTo(808 / 1008, 12); // still counted nationally
  });

  it('uses the cohort that starts a year before the end quarter', () => {
    expect(cohortBasis('2017Q4')).toBe('2016Q4');
    expect(cohortBasis('2018Q1')).toBe('2017Q1');
  });
});

describe('vergelijken: geïndexeerde reeksen', () => {
  const punt = (kwartaal: string, banen: number) => ({ kwartaal: kwartaal as '2015Q4', ...kengetallen(som(100, 50, banen)) });
  const reeksen: Reeksen = {
    van: '2015Q4',
    tot: '2016Q2',
    landelijk: { regio_code: null, regio_naam: 'Nederland', landelijk: true, punten: [punt('2015Q4', 200), punt('2016Q1', 210), punt('2016Q2', 220)] },
    regios: [{ regio_code: 'AM38', regio_naam: 'FoodValley', landelijk: false, punten: [punt('2015Q4', 10), punt('2016Q1', 12), punt('2016Q2', 15)] }],
  };

  it('indexes Nederland and each region to its own base quarter = 100', () => {
    const d = vergelijkData(reeksen, 'banen', '2015Q4', ['AM38'], HERKOMST);
    expect(d.kolommen.map((k) => k.label)).toEqual(['Kwartaal', 'Nederland', 'FoodValley']);
    expect(d.rijen).toEqual([
      { kwartaal: '2015Q4', landelijk: 100, r_AM38: 100 },
      { kwartaal: '2016Q1', landelijk: expect.closeTo(105, 9), r_AM38: expect.closeTo(120, 9) },
      { kwartaal: '2016Q2', landelijk: expect.closeTo(110, 9), r_AM38: expect.closeTo(150, 9) },
    ]);
    expect(naarCsv(d)).toContain('2e kwartaal 2016;110,0;150,0');
  });

  it('growth (%) shows the growth since the base quarter, and the title says so', () => {
    // Nederland 200 → 210 → 220: +5%, +10%; FoodValley 10 → 12 → 15: +20%, +50%.
    const d = vergelijkData(reeksen, 'banen', '2015Q4', ['AM38'], HERKOMST, 'groei_pct');
    expect(d.titel).toMatch(/^Groei van het aantal banen sinds 4e kwartaal 2015 \(%\)/);
    expect(d.kolommen.slice(1).map((k) => k.type)).toEqual(['pct', 'pct']);
    expect(d.rijen).toEqual([
      { kwartaal: '2015Q4', landelijk: 0, r_AM38: 0 },
      { kwartaal: '2016Q1', landelijk: expect.closeTo(0.05, 9), r_AM38: expect.closeTo(0.2, 9) },
      { kwartaal: '2016Q2', landelijk: expect.closeTo(0.1, 9), r_AM38: expect.closeTo(0.5, 9) },
    ]);
  });
});

describe('profiel van een regio', () => {
  it('gives each key figure with Nederland and the place among the regions with data', () => {
    const regels = profielRegels(view('banen'), 'AM02', OVERZICHT, [
      { regio_code: 'AM01', n: 100, k: 80 },
      { regio_code: 'AM02', n: 400, k: 360 },
      { regio_code: 'AM38', n: 500, k: 400 },
    ], HERKOMST)!;
    expect(regels.map((r) => [r.label, r.regio, r.nederland, r.plaats])).toEqual([
      ['Banen', '12', '36', '2 van 3'],
      ['Groei aantal banen sinds 4e kwartaal 2015', '2', '6', '2 van 3'],
      ['Groei aantal banen (%) sinds 4e kwartaal 2015', '20,0%', '20,0%', '2 van 3'],
      ['Aandeel werkzaam', '30,0%', '30,0%', '2 van 3'],
      ['Banen per 1.000 personen in het register', '120,0', '120,0', '2 van 3'],
      ['Personen in het doelgroepregister', '100', '300', '1 van 3'],
      ['Werkzaam na 1 jaar (cohort 4e kwartaal 2016)', '90,0%', '84,0%', '1 van 3'],
    ]);
    // Strips compare levels with Nederland, not with national totals.
    expect(regels[0].landelijk).toBeNull();
    expect(regels[3].landelijk).toBeCloseTo(0.3, 12);
  });

  it('has no profile for a region without data', () => {
    expect(profielRegels(view('banen'), 'AM05', OVERZICHT, null, HERKOMST)).toBeNull();
  });
});

describe('links naar de regiopagina', () => {
  it('opens a profile from the short link and explains an unknown region in Dutch', () => {
    expect(parseHash('#/regios?profiel=AM38').route.filters).toMatchObject({ profiel: 'AM38', weergave: 'kaart' });
    const fout = parseHash('#/regios?profiel=AM99');
    expect(fout.route.filters).toMatchObject({ profiel: null });
    expect(fout.meldingen).toEqual([
      "Link-parameter profiel heeft de ongeldige waarde 'AM99': verwacht een code van één van de 35 arbeidsmarktregio's, zoals AM38 (FoodValley). Getoond wordt de standaardwaarde: geen profiel.",
    ]);
  });

  it('keeps indicator, start level and comparison in the link', () => {
    const r = parseHash('#/regios?weergave=spreiding&indicator=duurzaam&startniveau=per1000&vergelijk=AM01,AM38');
    expect(r.meldingen).toEqual([]);
    expect(r.route.filters).toMatchObject({ weergave: 'spreiding', indicator: 'duurzaam', startniveau: 'per1000', vergelijk: ['AM01', 'AM38'] });
    expect(parseHash('#/regios').canoniek).toBe('#/regios?weergave=kaart&indicator=banen');
  });
});

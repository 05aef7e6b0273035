/**
 * The BUIG page's model: headline sentences, ChartData (words not signs, € mln, "n.v.t." without
 * budget), the ranking, the cumulative range, the selection (same as the SQL), the link
 * parameters. Hand-built rows; every expected number is worked out here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { gemeentenQuery, landelijkQuery, type GemeenteRij, type LandelijkRij } from '../src/lib/metrics/buig.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { parseHash, serialiseRoute, type Filters } from '../src/lib/state/url.ts';
import { gemeentenData, rangData, regioData, resultaatData, watervalData, NVT } from '../src/pages/buig/grafieken.ts';
import { buitenDeGegevens, getoondePeriode, getoondJaar, inSelectie, onderwerp, selectieTekst } from '../src/pages/buig/selectie.ts';
import { bedragTekst, zinBudget, zinCumulatief, zinGemeente, zinGemeenten, zinResultaat, zinSpreiding } from '../src/pages/buig/zinnen.ts';

const M = 1e6;
const BRON = { bron: 'Testbron; bewerking Participatiemonitor', peildatum: '2021-12-31', synthetisch: false };

/** A national year: only the fields a test reads matter; the rest is consistent filler. */
function jaar(j: number, voorlopig: number, definitief: number, uitgaven: number, extra: Partial<LandelijkRij> = {}): LandelijkRij {
  const saldo = definitief - uitgaven;
  return {
    jaar: j, voorlopig, definitief, uitgaven, saldo, saldoPct: definitief > 0 ? (100 * saldo) / definitief : null, bijstelling: definitief - voorlopig,
    mutatieDefinitief: null, mutatieDefinitiefPct: null, mutatieUitgavenPct: null, cumulatiefSaldo: saldo, cumulatiefBudget: definitief,
    gemeenten: 342, gemeentenTekort: 0, pctGemeentenTekort: 0, gemeentenTekort5: 0, pctGemeentenTekort5: 0, drempel: 5, gemeentenDrempel: 0,
    pctGemeentenDrempel: 0, gemeentenZonderBudget: 0, ...extra,
  };
}

function gemeente(code: string, naam: string, definitief: number, uitgaven: number, regio = 'AM01'): GemeenteRij {
  const saldo = definitief - uitgaven;
  return { jaar: 2016, gemeente_code: code, naam, regio_code: regio, klasse: 'tot5', voorlopig: definitief, definitief, uitgaven, saldo, saldoPct: definitief > 0 ? (100 * saldo) / definitief : null };
}

const LANDELIJK = { wie: 'gemeenten', budget: 'het macrobudget', landelijk: true };

describe('headline sentences in the style of the letters', () => {
  it('writes a tekort year as the letter of 30 June 2017 would, and an overschot year mirrored', () => {
    // 2016: definitief 5.625 mln, uitgaven 5.895 mln → tekort 270 mln = 4,8% (270 / 5625 = 0,048).
    expect(zinResultaat(jaar(2016, 5600 * M, 5625 * M, 5895 * M), LANDELIJK)).toBe(
      'In 2016 gaven gemeenten € 270 miljoen (4,8 procent) meer uit aan bijstandsuitkeringen dan het macrobudget.',
    );
    // 2018: 6.360 − 6.201 = 159 mln overschot = 2,5%.
    expect(zinResultaat(jaar(2018, 6300 * M, 6360 * M, 6201 * M), LANDELIJK)).toBe(
      'In 2018 gaven gemeenten € 159 miljoen (2,5 procent) minder uit aan bijstandsuitkeringen dan het macrobudget.',
    );
    expect(zinResultaat(jaar(2019, 1, 2 * M, 2 * M), LANDELIJK)).toBe('In 2019 gaven gemeenten precies het macrobudget uit aan bijstandsuitkeringen.');
  });

  it('names the adjustment from voorlopig to definitief in words', () => {
    expect(zinBudget(jaar(2021, 6846 * M, 6386 * M, 6142 * M), LANDELIJK)).toBe(
      'Het definitieve macrobudget 2021 was € 6.386 miljoen: € 460 miljoen minder dan het voorlopige budget van € 6.846 miljoen.',
    );
    const regio = onderwerp({ regio: 'AM01', klasse: null });
    // 104,5 rounds half away from zero to 105 (Intl nl-NL).
    expect(zinBudget(jaar(2016, 100 * M, 104.5 * M, 100 * M), regio)).toBe(
      'Het definitieve budget 2016 van de gemeenten in arbeidsmarktregio Groningen was € 105 miljoen: € 4,5 miljoen meer dan het voorlopige budget van € 100 miljoen.',
    );
  });

  it('gives shares of gemeenten in whole percents, with the chosen threshold', () => {
    const r = jaar(2015, 1, 1, 1, { gemeenten: 342, pctGemeentenTekort: 66.08, drempel: 7, pctGemeentenDrempel: 46.78 });
    expect(zinGemeenten(r, { landelijk: true, selectie: 'heel Nederland' })).toBe(
      'In 2015 had 66 procent van de 342 gemeenten een tekort op het BUIG-budget; 47 procent had een tekort van minstens 7 procent van het budget.',
    );
  });

  it('writes the cumulative result with words and two decimals, as the letter does for 2012–2016', () => {
    expect(zinCumulatief({ van: 2012, tot: 2016, saldo: -35 * M, budget: 26791.6 * M, saldoPct: (-35 / 26791.6) * 100 }, { landelijk: true })).toBe(
      'Het gecumuleerde resultaat over de periode 2012–2016 is een tekort van € 35 miljoen. Dit is 0,13 procent van het cumulatieve macrobudget 2012–2016.',
    );
  });

  it('describes the middle half and the median, each side in words', () => {
    expect(zinSpreiding({ jaar: 2016, gemeenten: 342, p10: -9, p25: -6.24, mediaan: -2.8, p75: 0.34, p90: 3, pctTekort: 70 })).toBe(
      'De middelste helft van de gemeenten had in 2016 een resultaat tussen een tekort van 6,2 procent en een overschot van 0,3 procent van het budget; de middelste gemeente had een tekort van 2,8 procent.',
    );
    expect(zinSpreiding({ jaar: 2016, gemeenten: 3, p10: -1, p25: -1, mediaan: -1, p75: -1, p90: -1, pctTekort: 100 })).toBeNull();
  });

  it('places a gemeente among the others, and gives a gemeente without budget no percentage', () => {
    const rijen = [gemeente('GM1', 'Aa', 100, 110), gemeente('GM2', 'Bee', 200, 190), gemeente('GM3', 'Cee', 0, 50_000)];
    expect(zinGemeente(rijen[1], rijen)).toBe(
      'Bee had in 2016 een overschot van € 10 (5,0 procent van het budget); dat is plaats 2 van 2 gemeenten met een budget, gerekend van het grootste tekort naar het grootste overschot (in procenten van het budget).',
    );
    expect(zinGemeente(rijen[2], rijen)).toBe('Cee had in 2016 geen budget; de uitgaven waren € 50.000, een percentage van het budget is niet van toepassing.');
  });

  it('rounds amounts as the letters do', () => {
    expect([bedragTekst(-270.4 * M), bedragTekst(19 * M), bedragTekst(2.54 * M), bedragTekst(430_400), bedragTekst(999)]).toEqual([
      '€ 270 miljoen', '€ 19 miljoen', '€ 2,5 miljoen', '€ 430.000', '€ 999',
    ]);
  });
});

describe('chart data: amounts in € mln, directions in words', () => {
  it('walks from voorlopig budget to the result, and gives the result % only where there is a budget', () => {
    const w = watervalData(jaar(2016, 5650 * M, 5691.6 * M, 5961.6 * M), { titel: 't', ondertitel: 'o', bron: BRON });
    expect(w.rijen.map((r) => [r.stap, r.bedrag, r.richting])).toEqual([
      ['Voorlopig budget', 5650, ''], ['Bijstelling', expect.closeTo(41.6, 9), 'opwaarts'], ['Definitief budget', 5691.6, ''],
      ['Uitgaven', 5961.6, ''], ['Resultaat', expect.closeTo(270, 9), 'tekort'],
    ]);
    expect(w.rijen[4].pct).toBeCloseTo(270 / 5691.6, 12);
    const zonder = watervalData({ voorlopig: 0, definitief: 0, uitgaven: 100_000, saldo: -100_000, saldoPct: null }, { titel: 't', ondertitel: 'o', bron: BRON, decimalen: 2 });
    expect(zonder.rijen[1].richting).toBe('gelijk');
    expect(zonder.rijen[4]).toMatchObject({ bedrag: 0.1, richting: 'tekort', pct: NVT });
    expect(zonder.voetnoten?.some((n) => n.includes('n.v.t.'))).toBe(true);
  });

  it('sums the cumulative result from the start of the range, with the word of the running total', () => {
    // 2019 −30, 2020 +168, 2021 +244 mln; range 2020–2021: cumulative +168, then +412 on 6.700 + 6.386.
    const rijen = [jaar(2019, 1, 6083.7 * M, 6113.7 * M), jaar(2020, 1, 6700 * M, 6532 * M), jaar(2021, 1, 6386 * M, 6142 * M)];
    const d = resultaatData(rijen, { van: 2020, tot: 2021 }, { selectie: 'heel Nederland', bron: BRON });
    expect(d.rijen.map((r) => [r.jaar, r.uitkomst, r.bedrag, r.cumUitkomst, r.cumBedrag])).toEqual([
      [2020, 'overschot', expect.closeTo(168, 9), 'overschot', expect.closeTo(168, 9)],
      [2021, 'overschot', expect.closeTo(244, 9), 'overschot', expect.closeTo(412, 9)],
    ]);
    expect(d.rijen[1].cumPct).toBeCloseTo(412 / 13086, 12);
    const tekortErbij = resultaatData(rijen, { van: 2019, tot: 2020 }, { selectie: 'x', bron: BRON });
    expect(tekortErbij.rijen.map((r) => [r.uitkomst, r.cumUitkomst])).toEqual([['tekort', 'tekort'], ['overschot', 'overschot']]);
    // No amount column carries a sign: words do.
    for (const r of [...d.rijen, ...tekortErbij.rijen]) for (const k of ['bedrag', 'cumBedrag']) expect(r[k] as number).toBeGreaterThanOrEqual(0);
  });

  it('ranks all gemeenten when there are few, else the largest tekorten and overschotten plus the chosen one', () => {
    const rijen = Array.from({ length: 40 }, (_, i) => gemeente(`GM${1000 + i}`, `G${i}`, 100, 120 - i)).concat(gemeente('GM9999', 'Zonder', 0, 5));
    const d = rangData(rijen, { jaar: 2016, selectie: 'x', gemeente: 'GM1020', bron: BRON, n: 5 });
    expect(d.rijen.map((r) => [r.plaats, r.code])).toEqual([
      [1, 'GM1000'], [2, 'GM1001'], [3, 'GM1002'], [4, 'GM1003'], [5, 'GM1004'], [21, 'GM1020'],
      [36, 'GM1035'], [37, 'GM1036'], [38, 'GM1037'], [39, 'GM1038'], [40, 'GM1039'],
    ]);
    expect(d.rijen[0]).toMatchObject({ uitkomst: 'tekort', pct: 0.2, bedrag: 20 / M });
    expect(d.rijen[10]).toMatchObject({ uitkomst: 'overschot', pct: 0.19 });
    expect(d.voetnoten).toContain('1 gemeente(n) zonder budget staan niet in de ranglijst.');
    expect(rangData(rijen.slice(0, 12), { jaar: 2016, selectie: 'x', gemeente: null, bron: BRON, n: 5 }).rijen).toHaveLength(12);
  });

  it('shows "n.v.t." for a gemeente without budget and names regions', () => {
    const d = gemeentenData([gemeente('GM0060', 'Ameland', 0, 100_000, 'AM02')], { jaar: 2016, selectie: 'x', spreiding: null, bron: BRON });
    expect(d.rijen[0]).toMatchObject({ gemeente: 'Ameland', uitkomst: 'tekort', pct: NVT, bedrag: 0.1, regio: 'Friesland', code: 'GM0060' });
    const r = regioData([{ jaar: 2016, regio_code: 'AM38', gemeenten: 8, voorlopig: 1, definitief: 50 * M, uitgaven: 52 * M, saldo: -2 * M, saldoPct: -4, gemeentenTekort: 5 }], { jaar: 2016, selectie: 'x', bron: BRON });
    expect(r.rijen[0]).toMatchObject({ regio_naam: 'FoodValley', uitkomst: 'tekort', pct: 0.04, bedrag: 2, gemeentenTekort: 5 });
  });
});

describe('the selection', () => {
  it('shows the link year when the data have it, else the latest; clamps the range to the data', () => {
    const jaren = [2011, 2012, 2013, 2014];
    expect([getoondJaar(2012, jaren), getoondJaar(2030, jaren), getoondJaar(null, jaren), getoondJaar(2012, [])]).toEqual([2012, 2014, 2014, null]);
    expect(getoondePeriode(null, null, jaren)).toEqual({ van: 2011, tot: 2014 });
    expect(getoondePeriode(2005, 2012, jaren)).toEqual({ van: 2011, tot: 2012 });
    expect(buitenDeGegevens({ jaar: 2030, van: null, tot: null } as never, jaren)).toBe('2030 zit niet in de geladen gegevens (2011 tot en met 2014); getoond wordt wat er wel is.');
  });

  it('says in words what is selected', () => {
    expect(selectieTekst({ regio: null, klasse: null })).toBe('heel Nederland');
    expect(selectieTekst({ regio: 'AM38', klasse: '5-10' })).toBe('arbeidsmarktregio FoodValley, gemeenten met een budget van € 5 tot 10 mln');
    expect(onderwerp({ regio: null, klasse: 'tot5' }).wie).toBe('de gemeenten met een budget van minder dan € 5 mln');
  });

  describe('narrowing in memory equals the SQL', () => {
    let engine: NodeEngine;
    beforeAll(async () => {
      engine = await NodeEngine.create();
      await engine.exec('CREATE TABLE buig_gemeente (gemeente_code VARCHAR, jaar SMALLINT, budget_voorlopig DOUBLE, budget_definitief DOUBLE, uitgaven DOUBLE)');
      const rijen: [string, number, number, number, number][] = [
        ['GM0014', 2020, 110 * M, 120 * M, 126 * M], ['GM0037', 2020, 9 * M, 8 * M, 8.2 * M], ['GM0034', 2020, 40 * M, 42 * M, 40 * M],
        ['GM0050', 2020, 3 * M, 3 * M, 3.3 * M], ['GM0060', 2020, 0, 0, 0.1 * M], ['GM0014', 2021, 125 * M, 118 * M, 110 * M],
      ];
      for (const r of rijen) await engine.exec('INSERT INTO buig_gemeente VALUES (?, ?, ?, ?, ?)', r);
    });
    afterAll(() => engine.close());

    it('for a region, a size class and both', async () => {
      const alle = await runMetric(engine, gemeentenQuery());
      for (const f of [{ regio: 'AM01', klasse: null }, { regio: null, klasse: 'tot5' }, { regio: 'AM01', klasse: '100plus' }] as const) {
        const sql = await runMetric(engine, gemeentenQuery({ regio: f.regio ? [f.regio] : undefined, klasse: f.klasse }));
        expect(alle.filter((g) => inSelectie(g, f))).toEqual(sql);
      }
    });

    it('and the national rows do not depend on the gemeente chosen', async () => {
      expect(await runMetric(engine, landelijkQuery({ drempel: 5 }))).toEqual(await runMetric(engine, landelijkQuery()));
    });
  });
});

describe('link parameters of the BUIG page', () => {
  it('leaves defaults out of the link and keeps what was chosen', () => {
    const r = parseHash('#/buig?jaar=2016&van=2012&tot=2016&regio=AM38&gemeente=GM0363&klasse=10-25&drempel=7');
    expect(r.meldingen).toEqual([]);
    expect(r.route.filters).toEqual({ jaar: 2016, van: 2012, tot: 2016, regio: 'AM38', gemeente: 'GM0363', klasse: '10-25', drempel: 7 });
    const f = r.route.filters as Filters<'buig'>;
    expect(serialiseRoute({ pagina: 'buig', filters: { ...f, drempel: 5, klasse: null, van: null, tot: null } })).toBe('#/buig?jaar=2016&regio=AM38&gemeente=GM0363');
  });

  it('refuses impossible values with a Dutch message and resets a range that ends before it starts', () => {
    const r = parseHash('#/buig?drempel=0&klasse=reus&jaar=1999');
    expect(r.route.filters).toMatchObject({ drempel: 5, klasse: null, jaar: null });
    expect(r.meldingen).toHaveLength(3);
    expect(r.meldingen[0]).toContain("Link-parameter drempel (drempel voor een groot tekort (% van het budget)) heeft de ongeldige waarde '0'");
    const v = parseHash('#/buig?van=2016&tot=2012');
    expect(v.route.filters).toMatchObject({ van: null, tot: null });
    expect(v.meldingen).toEqual(['Het beginjaar 2016 (parameter van) ligt na het eindjaar 2012 (parameter tot). Getoond worden alle jaren in de gegevens.']);
  });
});

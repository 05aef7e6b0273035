/**
 * Published BUIG figures on the page: every indicator of buig_macrobudget.csv is described, each
 * published figure gets its computed twin in its own unit and orientation (worked out here from
 * hand-built national years), the difference, the 2016 SZW and Divosa figures side by side, the
 * macrobudget stages as a series and the P-budget table as published.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LandelijkRij } from '../src/lib/metrics/buig.ts';
import { BUIG_INDICATOREN, buigIndicator, decimalenVan, stadiaReeks, waardeTekst } from '../src/lib/published/buig.ts';
import { parseBuig, parsePBudget } from '../src/lib/published/reference.ts';
import { pBudgetData, stadiaData, stadiaDomein, twinWaarde, verschilTekst, vergelijkingData } from '../src/pages/buig/gepubliceerd.ts';
import type { Herkomst } from '../src/lib/query/herkomst.ts';

const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');
const PUB = parseBuig(lees('buig_macrobudget.csv'));
const PBUDGET = parsePBudget(lees('p_budget.csv'));
const M = 1e6;

function jaar(j: number, voorlopig: number, definitief: number, uitgaven: number, extra: Partial<LandelijkRij> = {}): LandelijkRij {
  const saldo = definitief - uitgaven;
  return {
    jaar: j, voorlopig, definitief, uitgaven, saldo, saldoPct: (100 * saldo) / definitief, bijstelling: definitief - voorlopig, mutatieDefinitief: null,
    mutatieDefinitiefPct: null, mutatieUitgavenPct: null, cumulatiefSaldo: 0, cumulatiefBudget: 0, gemeenten: 342, gemeentenTekort: 0, pctGemeentenTekort: 0,
    gemeentenTekort5: 0, pctGemeentenTekort5: 0, drempel: 5, gemeentenDrempel: 0, pctGemeentenDrempel: 0, gemeentenZonderBudget: 0, ...extra,
  };
}

/**
 * National years, mln euro: 2012 −19 on 4.750; 2013 +300 on 5.250; 2014 +60,4 on 5.500;
 * 2015 −106,4 on 5.600; 2016 −270 on 5.691,6 (voorlopig 2017 = 5.807,8) → 2012–2016: −35 on 26.791,6.
 */
const JAREN = [
  jaar(2012, 4700 * M, 4750 * M, 4769 * M, { pctGemeentenTekort: 63.2 }),
  jaar(2013, 5150 * M, 5250 * M, 4950 * M),
  jaar(2014, 5450 * M, 5500 * M, 5439.6 * M),
  jaar(2015, 5550 * M, 5600 * M, 5706.4 * M, { pctGemeentenTekort: 66.1, pctGemeentenTekort5: 46.8 }),
  jaar(2016, 5650 * M, 5691.6 * M, 5961.6 * M),
  jaar(2017, 5807.8 * M, 5833.8 * M, 6109.8 * M),
];
const rij = (j: string, ind: string) => PUB.find((r) => r.jaar === j && r.indicator === ind)!;

describe('what each published BUIG figure means', () => {
  it('describes every indicator in the file', () => {
    expect(PUB).toHaveLength(66);
    for (const r of PUB) expect(() => buigIndicator(r.indicator), r.indicator).not.toThrow();
    expect(() => buigIndicator('iets_nieuws')).toThrow(/onbekende indicator "iets_nieuws"/);
    // Every twin is a computed figure; every figure without one says why.
    for (const [naam, i] of Object.entries(BUIG_INDICATOREN)) if (!i.twin) expect(i.toelichting, naam).toBeTruthy();
  });

  it('writes values with words and their published decimals', () => {
    expect(decimalenVan(6215.835)).toBe(3);
    expect(waardeTekst(270, 'tekort', 'mln_eur', 0)).toBe('tekort € 270 mln');
    expect(waardeTekst(-35, 'saldo', 'mln_eur', 0)).toBe('tekort € 35 mln');
    expect(waardeTekst(2.5, 'overschot', 'pct', 1)).toBe('overschot 2,5%');
    expect(waardeTekst(-460, 'mutatie', 'mln_eur', 0)).toBe('€ 460 mln lager');
    expect(waardeTekst(6.1, 'niveau', 'mld_eur', 1)).toBe('€ 6,1 mld');
    expect(waardeTekst(-3, 'tekort', 'mln_eur', 0)).toBe('overschot € 3 mln');
  });
});

describe('published next to computed', () => {
  it('computes each twin in the published unit and orientation', () => {
    expect(twinWaarde(rij('2016', 'tekort_landelijk_ca_szw_voorlopig'), JAREN)).toBeCloseTo(270, 9);
    expect(twinWaarde(rij('2016', 'tekort_landelijk_pct_szw_voorlopig'), JAREN)).toBeCloseTo((270 / 5691.6) * 100, 9);
    expect(twinWaarde(rij('2016', 'tekort_landelijk_divosa_voorlopig'), JAREN)).toBeCloseTo(270, 9);
    expect(twinWaarde(rij('2013', 'overschot_landelijk_ca'), JAREN)).toBeCloseTo(300, 9);
    expect(twinWaarde(rij('2012-2016', 'saldo_cumulatief_ca'), JAREN)).toBeCloseTo(-35, 9);
    expect(twinWaarde(rij('2012-2016', 'saldo_cumulatief_pct'), JAREN)).toBeCloseTo((-35 / 26791.6) * 100, 9);
    expect(twinWaarde(rij('2016', 'uitgaven_bijstandsuitkeringen'), JAREN)).toBeCloseTo(5.9616, 9);
    expect(twinWaarde(rij('2017', 'voorlopig_macrobudget_tov_definitief_2016'), JAREN)).toBeCloseTo(116.2, 9);
    expect(twinWaarde(rij('2015', 'pct_gemeenten_tekort_min_5pct'), JAREN)).toBe(46.8);
    expect(twinWaarde(rij('2018', 'overschot_landelijk_voorlopig'), JAREN)).toBeNull();
    expect(twinWaarde(rij('2019', 'nader_voorlopig_macrobudget'), JAREN)).toBeNull();
  });

  it('rounds the twin as published before taking the difference', () => {
    expect(verschilTekst(270.4, 270, 'mln_eur', 0)).toBe('gelijk');
    expect(verschilTekst(332 - 62, 332, 'mln_eur', 0)).toBe('€ 62 mln lager');
    expect(verschilTekst(4.744, 4.8, 'pct', 1)).toBe('0,1 procentpunt lager');
    expect(verschilTekst(6.14, 6.1, 'mld_eur', 1)).toBe('gelijk');
  });

  it('shows SZW 270 mln (4,8%) and Divosa 332 mln (5,9%) for 2016 side by side, with their definitions', () => {
    const h: Herkomst = { extracts: [], synthetisch: true };
    const d = vergelijkingData(PUB, JAREN, h);
    expect(d.rijen).toHaveLength(66);
    const rijen2016 = d.rijen.filter((r) => r.jaar === '2016' && String(r.cijfer).startsWith('Landelijk tekort'));
    expect(rijen2016.map((r) => [r.cijfer, r.gepubliceerd, r.berekend, r.verschil])).toEqual([
      ['Landelijk tekort volgens SZW (voorlopige cijfers)', 'tekort € 270 mln', 'tekort € 270 mln', 'gelijk'],
      ['Landelijk tekort in % volgens SZW (voorlopige cijfers)', 'tekort 4,8%', 'tekort 4,7%', '0,1 procentpunt lager'],
      ['Landelijk tekort volgens Divosa (na aftrek vangnetreservering)', 'tekort € 332 mln', 'tekort € 270 mln', '€ 62 mln lager'],
      ['Landelijk tekort in % volgens Divosa (na aftrek vangnetreservering)', 'tekort 5,9%', 'tekort 4,7%', '1,2 procentpunt lager'],
    ]);
    expect(String(rijen2016[2].toelichting)).toContain('Divosa');
    const cum = d.rijen.find((r) => r.jaar === '2012-2016' && r.cijfer === 'Gecumuleerd resultaat')!;
    expect([cum.gepubliceerd, cum.berekend, cum.verschil]).toEqual(['tekort € 35 mln', 'tekort € 35 mln', 'gelijk']);
    expect(d.rijen.find((r) => r.jaar === '2018' && r.cijfer === 'Landelijk overschot (voorlopige cijfers)')!.berekend).toBe('niet in de gegevens');
    expect(d.rijen.find((r) => r.cijfer === 'Kosten van de vangnetregeling')!.berekend).toBe('geen berekening');
    expect(d.kolommen.find((k) => k.key === 'berekend')!.label).toBe('Berekend (synthetische demodata)');
    expect(d.bronnen).toHaveLength(66);
    expect(d.rijen.every((r) => !/\.txt|github/i.test(String(r.bron)))).toBe(true);
    // Before the computation: published values, and the computed column says so.
    expect(vergelijkingData(PUB, null, null).rijen[0].berekend).toBe('nog niet berekend');
  });
});

describe('macrobudget stages and P-budget as published', () => {
  it('puts one value per stage and year in the series, and a second source in a note', () => {
    const { jaren, noten } = stadiaReeks(PUB);
    expect(jaren.map((j) => j.jaar)).toEqual([2017, 2019, 2022, 2023, 2024]);
    expect(jaren.find((j) => j.jaar === 2019)!.waarden).toEqual({
      voorlopig: 6219.7, nader_voorlopig: 6019.2, definitief: null, begroting: 6215.835, suppletoire1: 6004.93, suppletoire2: 6083.715,
    });
    expect(jaren.find((j) => j.jaar === 2017)!.waarden).toMatchObject({ voorlopig: 5807.8, nader_voorlopig: 5800 });
    expect(noten.map((r) => `${r.jaar} ${r.indicator}`)).toEqual(['2022 macrobudget_gebundelde_uitkering_tabel', '2024 voorlopig_macrobudget_alt', '2024 nader_voorlopig_macrobudget_alt']);
    const d = stadiaData(PUB);
    expect(d.rijen.map((r) => r.jaar)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(d.rijen[1]).toMatchObject({ voorlopig: null, nader_voorlopig: null });
    expect(d.voetnoten).toContain('2017: nader voorlopig macrobudget gepubliceerd als € 5,8 mld.');
    expect(stadiaDomein(d)).toEqual([5600, 7200]);
    expect(d.synthetisch).toBe(false);
  });

  it('shows the P-budget 2017–2021 with the letter as source and its three decimals', () => {
    const d = pBudgetData(PBUDGET);
    expect(d.rijen).toEqual([
      { jaar: 2017, totaal: 612.709, klassiek: 522.856, nieuw: 89.853 },
      { jaar: 2018, totaal: 622.149, klassiek: 511.136, nieuw: 111.013 },
      { jaar: 2019, totaal: 643.794, klassiek: 513.779, nieuw: 130.015 },
      { jaar: 2020, totaal: 658.958, klassiek: 513.775, nieuw: 145.183 },
      { jaar: 2021, totaal: 699.724, klassiek: 513.772, nieuw: 185.953 },
    ]);
    expect(d.bron).toBe('Brief van de staatssecretaris van SZW aan de Eerste Kamer, 30 juni 2017 (Kamerstukken I, 33 981, N)');
    expect(d.kolommen.slice(1).every((k) => k.decimalen === 3 && k.label.endsWith('(€ mln)'))).toBe(true);
    for (const r of d.rijen) expect(Math.abs((r.klassiek as number) + (r.nieuw as number) - (r.totaal as number))).toBeLessThanOrEqual(0.0011);
  });
});

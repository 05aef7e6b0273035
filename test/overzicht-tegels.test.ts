/**
 * The Overzicht tiles from hand-built query answers: figures, sentences, published counterparts
 * (from the real published files), disclosure and links, worked out by hand below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BanenRij } from '../src/lib/metrics/banen.ts';
import type { JaarRij, PlekkenRij } from '../src/lib/metrics/beschut.ts';
import type { LandelijkRij } from '../src/lib/metrics/buig.ts';
import type { UitkomstRij } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { leesDoelen, leesRealisatie } from '../src/lib/published/banenafspraak.ts';
import { leesGepubliceerdBeschut } from '../src/lib/published/beschut.ts';
import { leesGepubliceerdeDuurzaamheid } from '../src/lib/published/duurzaamheid.ts';
import { parseBuig } from '../src/lib/published/reference.ts';
import { banenTegel, doelVoor } from '../src/pages/overzicht/banen.ts';
import { beschutTegel, maandenVanJaar } from '../src/pages/overzicht/beschut.ts';
import { buigTegel, resultaatWoorden } from '../src/pages/overzicht/buig.ts';
import { duurzaamheidTegel } from '../src/pages/overzicht/duurzaamheid.ts';
import { sparkPad, trendBeschrijving } from '../src/pages/overzicht/tegel.ts';

const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');

function uitkomst(basis: Kwartaal, eind: Kwartaal, groep: string, cohort: number, werkzaam: number, werkVerloren: number, uitRegister: number): UitkomstRij {
  const p = (t: number) => (100 * t) / cohort;
  return {
    basis, eind, horizon: 4, groep, cohort, werkzaam, werkVerloren, uitRegister, steedsWerkzaam: 0, zelfdeBaan: 0,
    werkzaamPct: p(werkzaam), werkVerlorenPct: p(werkVerloren), uitRegisterPct: p(uitRegister), steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: cohort < 10,
  };
}

describe('trend helpers', () => {
  const trend = { titel: 'T', punten: [{ label: 'a', waarde: 1 }, { label: 'b', waarde: null }, { label: 'c', waarde: 3 }, { label: 'd', waarde: 2 }], formaat: String };
  it('describes first, last, lowest, highest and the points left out', () => {
    expect(trendBeschrijving(trend)).toBe('T: van 1 (a) tot 2 (d); laagste 1 (a), hoogste 3 (c); 1 punt niet getoond.');
    expect(trendBeschrijving({ ...trend, punten: [{ label: 'a', waarde: null }] })).toBe('T: geen waarden om te tonen.');
  });
  it('draws a path with a gap where a value is missing', () => {
    // x = 0, 33,3, 66,7, 100; y = 10 − (v − 1) · 10 / 2 → 10, 0, 5.
    expect(sparkPad(trend.punten, 100, 10, 0)).toBe('M0,10M66.7,0L100,5');
  });
});

describe('Duurzaamheid tile', () => {
  const pub = leesGepubliceerdeDuurzaamheid(lees('duurzaamheid.csv'));
  // 2021Q3: 540 + 340 = 880 of 600 + 400 = 1.000 work a year later → 88,0% (UWV published 88%).
  const r2021 = [uitkomst('2021Q3', '2022Q3', 'Wajong', 400, 340, 40, 20), uitkomst('2021Q3', '2022Q3', 'Wsw', 600, 540, 40, 20)];
  // 2023Q3: 450 + 3 = 453 of 500 + 5 = 505 → 89,7%; verloren 31/505 = 6,1%; uit 21/505 = 4,2%.
  const r2023 = [uitkomst('2023Q3', '2024Q3', 'Participatiewet', 5, 3, 1, 1), uitkomst('2023Q3', '2024Q3', 'Wsw', 500, 450, 30, 20)];

  it('latest cohort with UWV figure of the same cohort', () => {
    const t = duurzaamheidTegel(r2021, pub)!;
    expect(t.waarde).toBe('88,0%');
    expect(t.uitleg).toContain('Van de 1.000 mensen');
    expect(t.gepubliceerd.map((g) => g.tekst)).toEqual(['UWV: 88% (3e kwartaal 2021 → 3e kwartaal 2022)']);
    expect(t.gepubliceerd[0].citatie.label).not.toMatch(/\.txt|csv/);
    expect(t.link.href).toBe('#/duurzaamheid?basis=2021Q3&horizon=4&sector=alle');
  });

  it('latest cohort without a UWV figure: the latest published cohort next to its computed value', () => {
    const t = duurzaamheidTegel([...r2021, ...r2023], pub)!;
    expect(t.waarde).toBe('89,7%');
    expect(t.regels).toEqual(['Werk verloren: 6,1%; uit het register: 4,2%.']);
    expect(t.gepubliceerd.map((g) => g.tekst)).toEqual(['Laatst gepubliceerd door UWV: 88% voor 3e kwartaal 2021 → 3e kwartaal 2022; berekend op deze gegevens: 88,0%']);
    expect(t.trend!.punten).toEqual([{ label: '3e kwartaal 2021', waarde: 0.88 }, { label: '3e kwartaal 2023', waarde: 453 / 505 }]);
  });

  it('a cohort under 10 persons shows no share', () => {
    const t = duurzaamheidTegel([uitkomst('2023Q3', '2024Q3', 'Wsw', 9, 9, 0, 0)], pub)!;
    expect(t.waarde).toBe('x');
    expect(t.uitleg).toMatch(/^Minder dan 10 mensen/);
    expect(t.trend!.punten[0].waarde).toBeNull();
    expect(duurzaamheidTegel([], pub)).toBeNull();
  });
});

describe('Banen tile', () => {
  const realisatie = leesRealisatie(lees('banenafspraak_realisatie.csv'));
  const doelen = leesDoelen(lees('banenafspraak_doelen.csv'));
  const rij = (kwartaal: Kwartaal, banen: number, werkzamen = 1000): BanenRij => ({ kwartaal, peildatum: '', groep: 'totaal', uren: banen * 331.5, banen, werkzamen });

  it('growth since the nulmeting against the next target, and the latest published figure', () => {
    // 190.000 − 100.000 = 90.000 extra; target end 2025 (none for 2024) 125.000 → 72%.
    const t = banenTegel([rij('2012Q4', 100_000), rij('2023Q4', 185_000), rij('2024Q4', 190_000)], realisatie, doelen)!;
    expect(t.waarde).toBe('+90.000');
    expect(t.regels).toEqual([
      'Sinds de nulmeting (4e kwartaal 2012, 100.000 banen): +90.000 banen.',
      'Doel van de banenafspraak eind 2025: 125.000 extra banen; gerealiseerd 72% daarvan.',
    ]);
    // 2024Q4 was not published; 31-12-2023 was (86.264), computed 185.000 − 100.000 = 85.000.
    expect(t.gepubliceerd.map((g) => g.tekst)).toEqual([
      'Laatst gepubliceerd: 86.264 extra banen op 31-12-2023 (kwartaalcijfers UWV (dashboard) Q4 2023); berekend op deze gegevens: 85.000',
    ]);
    expect(t.link.href).toBe('#/regios?weergave=kaart&indicator=groei&van=2012Q4&tot=2024Q4');
  });

  it('a quarter with an official jaarmeting is compared with it', () => {
    const t = banenTegel([rij('2012Q4', 100_000), rij('2022Q4', 181_000)], realisatie, doelen)!;
    expect(t.gepubliceerd.map((g) => g.tekst)).toEqual(['Gepubliceerd: 81.117 extra banen op 31-12-2022 (jaarmeting 2022)']);
    expect(t.regels[1]).toBe('Doel van de banenafspraak eind 2022: 92.500 extra banen; gerealiseerd 88% daarvan.');
  });

  it('without the nulmeting: banen only; fewer than 10 working persons: not shown', () => {
    const t = banenTegel([rij('2015Q4', 120_000), rij('2016Q4', 130_000, 9)], realisatie, doelen)!;
    expect(t.kop).toBe('Banen');
    expect(t.waarde).toBe('x');
    expect(t.regels[0]).toMatch(/nulmeting \(4e kwartaal 2012\) zit niet in de geladen gegevens/);
    expect(t.trend!.punten.map((p) => p.waarde)).toEqual([120_000, null]);
    expect(t.link.href).toBe('#/regios?weergave=kaart&indicator=groei&van=2015Q4&tot=2016Q4');
    expect(banenTegel([rij('2016Q4', 130_000)], realisatie, doelen)!.link.href).toBe('#/regios?weergave=kaart&indicator=banen');
    expect(doelVoor(2024, doelen)!.jaar).toBe(2025);
    expect(doelVoor(2026, doelen)).toBeNull();
  });
});

describe('Beschut werk tile', () => {
  const { cijfers } = leesGepubliceerdBeschut(lees('beschut_werk.csv'));
  const jaar = (j: number, aanvrager: JaarRij['aanvrager'], beoordelingen: number, positief: number): JaarRij => ({
    jaar: j, aanvrager, beoordelingen, positief, pctPositief: beoordelingen ? (100 * positief) / beoordelingen : null, wilsonOnder: null, wilsonBoven: null,
  });
  const plek = (peildatum: string, plekken: number, taakstelling: number): PlekkenRij => ({
    peildatum, plekken, taakstelling, realisatiePct: null, gemeenten: 300, gemeentenZonderPlek: 0, pctGemeentenZonderPlek: 0,
  });

  it('share positive in the latest year, places against the taakstelling, the latest published places', () => {
    // 2024: 600 of 800 positive = 75,0%; 9.500 places of 10.000 = 95%.
    const t = beschutTegel(
      [jaar(2023, 'totaal', 1000, 700), jaar(2024, 'gemeente', 300, 250), jaar(2024, 'totaal', 800, 600)],
      [plek('2022-06-30', 7000, 9000), plek('2024-12-31', 9500, 10000)],
      cijfers,
      '2024-10-31',
    )!;
    expect(t.kop).toBe('Positieve adviezen 2024');
    expect(t.waarde).toBe('75,0%');
    expect(t.uitleg).toMatch(/^600 van de 800 adviezen beschut werk in 2024 waren positief/);
    expect(t.regels).toEqual(['Plekken op 31 december 2024: 9.500 tegen een taakstelling van 10.000, 95% van de taakstelling.']);
    expect(t.gepubliceerd.map((g) => g.tekst)).toEqual([
      'Laatst gepubliceerd: 7.421 mensen werkzaam in beschut werk op 30 juni 2022; berekend op deze gegevens: 7.000 plekken',
    ]);
    expect(t.link.href).toBe('#/beschut-werk?van=2024-01&tot=2024-10&aanvrager=alle&niveau=regio&minimum=5&kaart=realisatie');
    expect(t.trend!.punten).toEqual([{ label: '2023', waarde: 0.7 }, { label: '2024', waarde: 0.75 }]);
  });

  it('the published 2016 figure is shown for 2016; small counts are hidden', () => {
    const t = beschutTegel([jaar(2016, 'totaal', 540, 388)], [], cijfers, null)!;
    expect(t.gepubliceerd[0].tekst).toBe('Laatst gepubliceerd: 7.421 mensen werkzaam in beschut werk op 30 juni 2022');
    const k = beschutTegel([jaar(2024, 'totaal', 12, 8)], [], cijfers, null)!;
    expect(k.waarde).toBe('x');
    expect(k.uitleg).toMatch(/^<10 van de 12 adviezen/);
    expect(maandenVanJaar(2024, '2025-03-31')).toEqual({ van: '2024-01', tot: '2024-12' });
  });
});

describe('BUIG tile', () => {
  const pub = parseBuig(lees('buig_macrobudget.csv'));
  const rij = (jaar: number, saldo: number, definitief: number, saldoPct: number | null): LandelijkRij => ({
    jaar, voorlopig: definitief, definitief, uitgaven: definitief - saldo, saldo, saldoPct, bijstelling: 0, mutatieDefinitief: null, mutatieDefinitiefPct: null,
    mutatieUitgavenPct: null, cumulatiefSaldo: saldo, cumulatiefBudget: definitief, gemeenten: 340, gemeentenTekort: 255, pctGemeentenTekort: 75, gemeentenTekort5: 0,
    pctGemeentenTekort5: 0, drempel: 5, gemeentenDrempel: 0, pctGemeentenDrempel: 0, gemeentenZonderBudget: 0,
  });

  it('the latest year with the published result of that year and its computed twin', () => {
    const t = buigTegel([rij(2016, -270e6, 5.6e9, -4.8), rij(2017, -250e6, 5.8e9, -4.3)], pub)!;
    expect(t.waarde).toBe('tekort € 250 mln');
    expect(t.uitleg).toBe('Het definitieve macrobudget BUIG 2017 (€ 5,8 mld) min de uitgaven (€ 6,1 mld), alle gemeenten samen: 4,3% van het budget.');
    expect(t.regels).toEqual(['75% van de gemeenten had een tekort.']);
    expect(t.gepubliceerd.map((g) => g.tekst)).toEqual([
      'Gepubliceerd, 2017: tekort € 276 mln (landelijk tekort, exclusief de kosten van de vangnetregeling); berekend op deze gegevens: tekort € 250 mln',
    ]);
    expect(t.link.href).toBe('#/buig?jaar=2017');
  });

  it('no published result for the latest year: the latest published one the data cover', () => {
    const t = buigTegel([rij(2021, 200e6, 6.2e9, 3.2), rij(2024, -123.4e6, 7e9, -1.8)], pub)!;
    expect(t.waarde).toBe('tekort € 123 mln');
    expect(t.gepubliceerd.map((g) => g.tekst)).toEqual(['Laatst gepubliceerd, 2021: overschot € 244 mln (landelijk overschot); berekend op deze gegevens: overschot € 200 mln']);
    expect(t.trend!.punten.map((p) => p.waarde)).toEqual([200, -123.4]);
    expect(resultaatWoorden(0.4e6)).toEqual({ soort: 'sluitend', bedrag: '€ 0 mln' });
  });
});

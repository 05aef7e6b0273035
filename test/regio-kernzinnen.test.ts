/**
 * The Regio's headline sentences (pages/regios/kernzinnen.ts) on hand-built overviews, through
 * the page's own protected tables (rangTabel, profielRegels, burenData), with every sentence
 * worked out here; and the briefing paragraphs drafted from the same sentences.
 */
import { describe, expect, it } from 'vitest';
import { alineaTekst } from '../src/lib/briefing/alinea.ts';
import { overzichtUitSommen, type Reeksen, type RegioReeks } from '../src/lib/metrics/regio.ts';
import { kengetallen, UREN_PER_BAAN, type RegioSommen } from '../src/lib/metrics/regio-sommen.ts';
import { herkomstVan, type ExtractHerkomst } from '../src/lib/query/herkomst.ts';
import { parseHash, type Filters } from '../src/lib/state/url.ts';
import { REGIO_VIEWS } from '../src/pages/regios/briefing.ts';
import { burenData } from '../src/pages/regios/buren.ts';
import { kaartData, profielRegels, rangTabel, vergelijkData, type KaartView } from '../src/pages/regios/grafieken.ts';
import { trechterKernzinnen, trechterSelectie } from '../src/pages/regios/kernzinnen-trechter.ts';
import { trechterData } from '../src/pages/regios/trechter.ts';
import { spreidingKernzinnen } from '../src/pages/regios/kernzinnen-spreiding.ts';
import { spreidingData, startniveau } from '../src/pages/regios/spreiding.ts';
import { kaartKernzinnen, kaartSelectie, nederlandBanen, profielKernzinnen, profielSelectie, vergelijkKernzinnen, vergelijkSelectie } from '../src/pages/regios/kernzinnen.ts';

function som(personen: number, werkzaam: number, banen: number): RegioSommen {
  const uren = banen * UREN_PER_BAAN;
  return {
    personen, werkzaam, uren, uren_markt: uren, uren_overheid: 0, uren_sector_onbekend: 0,
    uren_regulier: uren, uren_uitzend: 0, uren_detachering: 0, uren_dienstverband_onbekend: 0,
  };
}

function extract(e: Partial<ExtractHerkomst>): ExtractHerkomst {
  return {
    extract: 'doelgroep_kwartaal', soort: 'demo', bestand: 'demo.parquet', bron: 'Synthetische demodata (seed 1)', synthetisch: true,
    peildatumVan: '2016-12-31', peildatumTot: '2017-12-31', schemaVersie: 1, geladenOp: '', versie: 1, ...e,
  };
}
const DEMO = herkomstVan([extract({})]);
const EIGEN = herkomstVan([extract({ soort: 'eigen', bestand: 'panel_2025q1.parquet', bron: 'eigen bestand panel_2025q1.parquet', synthetisch: false })]);

/**
 * 2016Q4 → 2017Q4, every cell 10 or more (nothing hidden):
 *   AM01 Groningen:  100 personen,  50 werkzaam,  40 banen → 110 personen,  55 werkzaam,  44 banen (+4, +10,0%; 50,0% werkzaam)
 *   AM02 Friesland:  200 personen,  80 werkzaam,  60 banen → 190 personen,  76 werkzaam,  57 banen (−3, −5,0%; 40,0%)
 *   AM38 FoodValley: 300 personen, 150 werkzaam, 100 banen → 300 personen, 162 werkzaam, 112 banen (+12, +12,0%; 54,0%)
 *   Nederland:       600 personen, 280 werkzaam, 200 banen → 600 personen, 293 werkzaam, 213 banen (+13, +6,5%; 293/600 = 48,8%)
 */
const G = overzichtUitSommen({ basis: '2016Q4', eind: '2017Q4' }, [
  { regio_code: 'AM01', basis: som(100, 50, 40), eind: som(110, 55, 44) },
  { regio_code: 'AM02', basis: som(200, 80, 60), eind: som(190, 76, 57) },
  { regio_code: 'AM38', basis: som(300, 150, 100), eind: som(300, 162, 112) },
]);

/** The panel of regio-beveiliging.test.ts: Groningen has 7 persons (3 werkzaam) at the end; Friesland is hidden to protect it. */
const O = overzichtUitSommen({ basis: '2016Q4', eind: '2017Q4' }, [
  { regio_code: 'AM01', basis: som(30, 12, 10), eind: som(7, 3, 2) },
  { regio_code: 'AM02', basis: som(50, 25, 20), eind: som(40, 20, 15) },
  { regio_code: 'AM38', basis: som(210, 100, 80), eind: som(200, 100, 90) },
]);

const view = (indicator: KaartView['indicator']): KaartView => ({ indicator, basis: '2016Q4', eind: '2017Q4' });
const kaart = (indicator: KaartView['indicator'], o = G, regio: string | null = null) =>
  kaartKernzinnen({ view: view(indicator), tabel: rangTabel(view(indicator), o, null), nederland: nederlandBanen(o), regio });
const filters = (hash: string) => parseHash(hash).route.filters as Filters<'regios'>;

describe('map and ranking', () => {
  it('Nederland\'s banen and growth, highest and lowest, the chosen region\'s place', () => {
    expect(kaart('banen', G, 'AM02')).toEqual([
      'In het vierde kwartaal van 2017 telde Nederland 213 banen voor mensen uit het doelgroepregister, 13 meer dan in het vierde kwartaal van 2016 (+6,5 procent).',
      'Het aantal banen was het hoogst in FoodValley (112) en het laagst in Groningen (44).',
      "Friesland staat met 57 op plaats 2 van de 3 regio's.",
    ]);
  });

  it('a share is written as the table writes it, with Nederland beside it', () => {
    expect(kaart('werkzaam_pct')[1]).toBe('Het aandeel werkzaam was het hoogst in FoodValley (54,0 procent) en het laagst in Friesland (40,0 procent); voor Nederland als geheel was dat 48,8 procent.');
    // Growth in percent: Friesland's decline keeps its sign.
    expect(kaart('groei_pct')[1]).toBe('De procentuele groei van het aantal banen was het hoogst in FoodValley (12,0 procent) en het laagst in Friesland (-5,0 procent).');
  });

  it('hidden values are counted with their true reasons, never printed', () => {
    // Groningen's 7 persons are "<10"; Friesland's 40 are hidden to protect them (regio-beveiliging.test.ts).
    const zinnen = kaart('register', O, 'AM01');
    expect(zinnen).toEqual([
      'In het vierde kwartaal van 2017 telde Nederland 107 banen voor mensen uit het doelgroepregister, 3 minder dan in het vierde kwartaal van 2016 (-2,7 procent).',
      'Het aantal personen in het doelgroepregister wordt alleen voor FoodValley getoond (200); voor Nederland als geheel was dat 247.',
      "Voor 2 regio's wordt het cijfer niet getoond, voor 1 omdat het om minder dan 10 personen gaat en voor 1 om een kleine groep elders in de tabel te beschermen.",
      'Het aantal personen in het doelgroepregister in Groningen wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    ]);
    expect(zinnen.join(' ')).not.toMatch(/(^|[^\d,])(7|40)(?![\d,])/);
  });

  it('the selection in words', () => {
    expect(kaartSelectie(view('banen'), 'AM38')).toBe('Banen in het eindkwartaal, 4e kwartaal 2016 – 4e kwartaal 2017; gekozen regio: FoodValley');
  });
});

describe('the region profile', () => {
  const profiel = (o: typeof G, code: string, buren: string[]) =>
    profielKernzinnen({ code, view: view('banen'), regels: profielRegels(view('banen'), code, o, null, DEMO)!, buren: burenData(code, buren, [], o, DEMO) });

  it('banen, growth against Nederland, place, neighbours, register and share working', () => {
    expect(profiel(G, 'AM38', ['AM01', 'AM02'])).toEqual([
      'In het vierde kwartaal van 2017 waren er in FoodValley 112 banen voor mensen uit het doelgroepregister, 12 meer dan in het vierde kwartaal van 2016: een groei van 12,0 procent (Nederland: +6,5 procent).',
      "Met die groei staat FoodValley op plaats 1 van de 3 regio's.",
      "In de buurregio's was de groei: Groningen (+10,0 procent) en Friesland (-5,0 procent).",
      "Van de 300 personen in het doelgroepregister in FoodValley werkte 54,0 procent (Nederland: 48,8 procent; plaats 1 van de 3 regio's).",
    ]);
    // A decline: Friesland 60 → 57 banen, −5,0%, last of three.
    expect(profiel(G, 'AM02', [])[0]).toBe(
      'In het vierde kwartaal van 2017 waren er in Friesland 57 banen voor mensen uit het doelgroepregister, 3 minder dan in het vierde kwartaal van 2016: een daling van 5,0 procent (Nederland: +6,5 procent).',
    );
  });

  it('a hidden value gets its true reason in words, and its number appears nowhere', () => {
    // Friesland (40 persons, 20 werkzaam, 15 banen) is hidden to protect Groningen; Groningen's growth rests on 3 werkzaam.
    const zinnen = profiel(O, 'AM02', ['AM01']);
    expect(zinnen).toEqual([
      'Het aantal banen voor mensen uit het doelgroepregister in Friesland wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
      'De groei in Groningen wordt niet getoond, omdat het om minder dan 10 personen gaat.',
      'Het aantal personen in het doelgroepregister in Friesland wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
      'Het aandeel werkzaam in Friesland wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
    ]);
    expect(zinnen.join(' ')).not.toMatch(/(^|[^\d,])(40|20|15|50,0)(?![\d,])/);
  });

  it('the selection in words', () => {
    expect(profielSelectie('AM38', view('banen'))).toBe('Arbeidsmarktregio FoodValley (AM38), 4e kwartaal 2016 – 4e kwartaal 2017');
  });
});

/**
 * Series 2016Q4 → 2017Q4 (two quarters suffice: the sentences read the last one):
 *   Nederland: 1.300 personen, 400 → 440 werkzaam, 1.000 → 1.065 banen: index 106,5 (+6,5%); aandeel 30,8% → 33,8%: index 110,0
 *   FoodValley:  300 personen, 150 → 162 werkzaam,   100 →   112 banen: index 112,0 (+12,0%); aandeel 50,0% → 54,0%: index 108,0
 *   Groningen:   100 personen,  50 →  55 werkzaam,    30 →    40 banen: index 133,3 (40 / 30 = 1,3333…: +33,3%)
 *   Friesland:   200 personen,  80 →  76 werkzaam,    60 →    57 banen: index 95,0 (−5,0%)
 *   Drenthe:      50 personen,   7 →  12 werkzaam,    20 →    25 banen: hidden (7 werkzaam in the base quarter)
 *   XX (a code outside the 35, in Nederland's sums): 650 personen, 113 → 135 werkzaam
 */
const reeks = (code: string | null, punten: [RegioSommen, RegioSommen]): RegioReeks => ({
  regio_code: code, regio_naam: code, landelijk: code === null,
  punten: [{ kwartaal: '2016Q4', ...kengetallen(punten[0]) }, { kwartaal: '2017Q4', ...kengetallen(punten[1]) }],
});
const R: Reeksen = {
  van: '2016Q4', tot: '2017Q4',
  landelijk: reeks(null, [som(1300, 400, 1000), som(1300, 440, 1065)]),
  regios: [
    reeks('AM38', [som(300, 150, 100), som(300, 162, 112)]),
    reeks('AM01', [som(100, 50, 30), som(100, 55, 40)]),
    reeks('AM02', [som(200, 80, 60), som(200, 76, 57)]),
    reeks('AM03', [som(50, 7, 20), som(50, 12, 25)]),
    reeks('XX', [som(650, 113, 0), som(650, 135, 0)]),
  ],
};
const vergelijk = (regios: string[], reeksIndicator: 'banen' | 'aandeel_werkzaam' = 'banen', maat: 'index' | 'groei_pct' = 'index') =>
  vergelijkKernzinnen({ data: vergelijkData(R, reeksIndicator, '2016Q4', regios, DEMO, maat), regios, reeks: reeksIndicator, maat });

describe('the comparison', () => {
  it('the first region against Nederland, highest and lowest, how many grew faster, a hidden region with its reason', () => {
    expect(vergelijk(['AM38', 'AM01', 'AM02', 'AM03'])).toEqual([
      'Van het vierde kwartaal van 2016 tot het vierde kwartaal van 2017 groeide het aantal banen in FoodValley met 12,0 procent, in Nederland met 6,5 procent.',
      "Van de gekozen regio's was de groei het hoogst in Groningen (+33,3 procent) en het laagst in Friesland (-5,0 procent).",
      "In 2 van de 3 gekozen regio's was de groei hoger dan in Nederland.",
      'De groei van het aantal banen in Drenthe wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    ]);
  });

  it('growth in percent gives the same sentences as the index; a decline against a national growth', () => {
    expect(vergelijk(['AM38', 'AM01', 'AM02', 'AM03'], 'banen', 'groei_pct')).toEqual(vergelijk(['AM38', 'AM01', 'AM02', 'AM03']));
    expect(vergelijk(['AM02', 'AM38'])).toEqual([
      'Van het vierde kwartaal van 2016 tot het vierde kwartaal van 2017 daalde het aantal banen in Friesland met 5,0 procent, in Nederland groeide het met 6,5 procent.',
      "Van de gekozen regio's was de groei het hoogst in FoodValley (+12,0 procent) en het laagst in Friesland (-5,0 procent).",
      "In 1 van de 2 gekozen regio's was de groei hoger dan in Nederland.",
    ]);
  });

  it('a hidden first region: Nederland alone, then the reason; its counts appear nowhere', () => {
    const zinnen = vergelijk(['AM03']);
    expect(zinnen).toEqual([
      'Van het vierde kwartaal van 2016 tot het vierde kwartaal van 2017 groeide het aantal banen in Nederland met 6,5 procent.',
      'De groei van het aantal banen in Drenthe wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    ]);
    // Drenthe's 20 → 25 banen would be +25,0 procent (index 125,0).
    expect(zinnen.join(' ')).not.toMatch(/25,0|125|(^|[^\d,])(7|12|20)(?![\d,])/);
  });

  it('a share keeps its index, never a growth in percent', () => {
    expect(vergelijk(['AM38', 'AM01'], 'aandeel_werkzaam')).toEqual([
      'In het vierde kwartaal van 2017 stond het aandeel werkzaam in FoodValley op index 108,0 en in Nederland op index 110,0 (vierde kwartaal van 2016 = 100).',
      "Van de gekozen regio's was de index het hoogst in Groningen (110,0) en het laagst in FoodValley (108,0).",
      "In geen van de 2 gekozen regio's was de index hoger dan in Nederland.",
    ]);
  });

  it('the selection in words', () => {
    expect(vergelijkSelectie('banen', '2016Q4', '2017Q4', ['AM38', 'AM01', 'AM02'])).toBe("Banen, 4e kwartaal 2016 – 4e kwartaal 2017; gekozen regio's: FoodValley, Groningen en Friesland");
    expect(vergelijkSelectie('aandeel_werkzaam', '2016Q4', '2017Q4', ['AM38'])).toBe('Aandeel werkzaam, 4e kwartaal 2016 – 4e kwartaal 2017; gekozen regio: FoodValley');
  });
});

describe('source of the sentences', () => {
  it("a user's own file is named and is no demo data; the demo extract is labelled synthetic", () => {
    const eigen = kaartData(view('banen'), rangTabel(view('banen'), G, null), EIGEN);
    expect([eigen.bron, eigen.peildatum, eigen.synthetisch]).toEqual(['Eigen bestand panel_2025q1.parquet; bewerking Participatiemonitor', '2017-12-31', false]);
    const tekst = [eigen.bron, ...kaart('banen'), ...profielKernzinnen({ code: 'AM38', view: view('banen'), regels: profielRegels(view('banen'), 'AM38', G, null, EIGEN)!, buren: null })].join(' ');
    expect(tekst).not.toMatch(/demodata|synthetisch/i);
    const demo = kaartData(view('banen'), rangTabel(view('banen'), G, null), DEMO);
    expect([demo.bron, demo.synthetisch]).toEqual(['Synthetische demodata (seed 1); bewerking Participatiemonitor', true]);
  });
});

describe('the briefing paragraphs are the page\'s sentences', () => {
  it('map: the same sentences, every figure a number part', () => {
    const inhoud = REGIO_VIEWS.find((v) => v.sleutel === 'regios/kaart')!.bouw([G, null], [DEMO, null], filters('#/regios?indicator=banen&regio=AM02'), null)!;
    expect(alineaTekst(inhoud.alinea)).toBe(kaart('banen', G, 'AM02').join(' '));
    expect(inhoud.alinea.filter((d) => typeof d !== 'string').map((d) => (d as { getal: string }).getal)).toEqual(['213', '13', '6,5 procent', '112', '44', '57', '2', '3']);
  });

  it('comparison: the same sentences, every figure a number part', () => {
    const inhoud = REGIO_VIEWS.find((v) => v.sleutel === 'regios/vergelijk')!.bouw([R], [DEMO], filters('#/regios?weergave=vergelijk&vergelijk=AM38,AM01,AM02,AM03'), null)!;
    expect(alineaTekst(inhoud.alinea)).toBe(vergelijk(['AM38', 'AM01', 'AM02', 'AM03']).join(' '));
    expect(inhoud.alinea.filter((d) => typeof d !== 'string').map((d) => (d as { getal: string }).getal)).toEqual(['12,0 procent', '6,5 procent', '33,3 procent', '-5,0 procent', '2', '3', '10']);
  });

  it('profile: the same sentences, with the map\'s neighbours; a hidden value keeps its reason', () => {
    const bouw = REGIO_VIEWS.find((v) => v.sleutel === 'regios/profiel')!.bouw;
    const tekst = alineaTekst(bouw([O, null], [DEMO, null], filters('#/regios?profiel=AM02'), null)!.alinea);
    // Friesland's neighbours on the map: of them only Groningen is in O (its growth hidden); the others have no data and no sentence.
    expect(tekst).toContain('Het aantal personen in het doelgroepregister in Friesland wordt niet getoond, om een kleine groep elders in de tabel te beschermen.');
    expect(tekst).toContain('De groei in Groningen wordt niet getoond, omdat het om minder dan 10 personen gaat.');
    expect(tekst).not.toMatch(/(^|[^\d,])(40|20|15)(?![\d,])/);
  });
});

describe('the funnel', () => {
  it('Nederland, the regions above and below the limits by name, how many inside', () => {
    // The panel of regio-page.test.ts: Groningen 80 of 100 inside; Friesland 360 of 400 (90,0%)
    // above the 99,8% limit; FoodValley 400 of 500 (80,0%) below the 95% limit; Nederland 840 of 1.000.
    const m = trechterData('2017Q4', [{ regio_code: 'AM01', n: 100, k: 80 }, { regio_code: 'AM02', n: 400, k: 360 }, { regio_code: 'AM38', n: 500, k: 400 }], DEMO)!;
    expect(trechterKernzinnen(m, '2017Q4')).toEqual([
      'Van wie in het vierde kwartaal van 2016 in het register stond en werkte, werkte in het vierde kwartaal van 2017 in Nederland nog 84,0 procent.',
      'Boven de 95%-grens ligt 1 regio, ook boven de 99,8%-grens: Friesland (90,0 procent).',
      'Onder de 95%-grens ligt 1 regio: FoodValley (80,0 procent).',
      'Binnen de grenzen ligt 1 regio: daar is het verschil met Nederland niet groter dan toeval verklaart.',
    ]);
    // Some past the 99,8% limit, some not: Nederland 1.702 of 2.000 = 85,1%; z = (p − 0,851) / √(0,851 · 0,149 / n):
    // Friesland 372 of 400 (93,0%) z = 4,44; Amersfoort 450 of 500 (90,0%) z = 3,08 (past 1,96, not 3,09);
    // Groningen 80 of 100 (80,0%) z = −1,43; FoodValley 800 of 1.000 (80,0%) z = −4,53.
    const m2 = trechterData('2017Q4', [{ regio_code: 'AM01', n: 100, k: 80 }, { regio_code: 'AM02', n: 400, k: 372 }, { regio_code: 'AM14', n: 500, k: 450 }, { regio_code: 'AM38', n: 1000, k: 800 }], DEMO)!;
    expect(trechterKernzinnen(m2, '2017Q4')).toEqual([
      'Van wie in het vierde kwartaal van 2016 in het register stond en werkte, werkte in het vierde kwartaal van 2017 in Nederland nog 85,1 procent.',
      "Boven de 95%-grens liggen 2 regio's: Friesland (93,0 procent; ook boven de 99,8%-grens) en Amersfoort (90,0 procent).",
      'Onder de 95%-grens ligt 1 regio, ook onder de 99,8%-grens: FoodValley (80,0 procent).',
      'Binnen de grenzen ligt 1 regio: daar is het verschil met Nederland niet groter dan toeval verklaart.',
    ]);
    expect(trechterSelectie('2017Q4')).toBe('Werkzaam na 1 jaar, cohort 4e kwartaal 2016 – 4e kwartaal 2017');
  });

  it('hidden shares are not judged and get their reasons; nothing outside the limits', () => {
    // The panel of regio-beveiliging.test.ts: Friesland's 8 are "<10", FoodValley's k is hidden to
    // protect them; Groningen 800 of 1.000 (80,0%) against Nederland 1.208 of 1.508 (80,1%).
    const m = trechterData('2017Q4', [{ regio_code: 'AM01', n: 1000, k: 800 }, { regio_code: 'AM02', n: 8, k: 8 }, { regio_code: 'AM38', n: 500, k: 400 }], DEMO)!;
    const zinnen = trechterKernzinnen(m, '2017Q4');
    expect(zinnen).toEqual([
      'Van wie in het vierde kwartaal van 2016 in het register stond en werkte, werkte in het vierde kwartaal van 2017 in Nederland nog 80,1 procent.',
      'Geen enkele regio ligt buiten de 95%-grenzen: de verschillen met Nederland zijn niet groter dan toeval verklaart.',
      "Voor 2 regio's wordt het percentage niet getoond, voor 1 omdat het om minder dan 10 personen gaat en voor 1 om een kleine groep elders in de tabel te beschermen.",
    ]);
    expect(zinnen.join(' ')).not.toMatch(/100,0|(^|[^\d,])(8|400)(?![\d,])/);
  });
});

describe('start level and growth', () => {
  it('how start level and growth go together, highest and lowest growth with their start level', () => {
    // G: start shares 50,0% / 40,0% / 50,0%, growth +10,0% / −5,0% / +12,0%. Worked out:
    // x̄ = 0,4667, ȳ = 0,05667; Sxy = 0,010667, Sxx = 0,006667, Syy = 0,017267; r = 0,010667 / √(0,006667 · 0,017267) = 0,994.
    const s = startniveau(G, 'aandeel_werkzaam');
    expect(spreidingKernzinnen(s, spreidingData(s, DEMO, null))).toEqual([
      "Regio's waar in het vierde kwartaal van 2016 een groter deel van het register werkte, groeiden tot het vierde kwartaal van 2017 gemiddeld meer in banen (correlatie r = 0,99 over 3 regio's).",
      'De groei was het hoogst in FoodValley (+12,0 procent; bij de start 50,0 procent werkzaam) en het laagst in Friesland (-5,0 procent; bij de start 40,0 procent werkzaam).',
    ]);
  });

  it('hidden points get their reasons and are left out of the line', () => {
    const s = startniveau(O, 'aandeel_werkzaam');
    const zinnen = spreidingKernzinnen(s, spreidingData(s, DEMO, null));
    expect(zinnen).toEqual([
      "Te weinig regio's met een startniveau en een groei om een lijn te trekken (1).",
      "Voor 2 regio's wordt het punt niet getoond, voor 1 omdat het om minder dan 10 personen gaat en voor 1 om een kleine groep elders in de tabel te beschermen.",
      "Die regio's tellen niet mee in de lijn en in r.",
    ]);
    // Neither Groningen's nor Friesland's start share or growth (40,0 / 50,0 / −80,0 / −25,0 procent) is named.
    expect(zinnen.join(' ')).not.toMatch(/procent/);
  });
});

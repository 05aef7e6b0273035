import { describe, expect, it } from 'vitest';
import { extrapoleer } from '../src/lib/metrics/beschut-afleiden.ts';
import type { PeriodeRij } from '../src/lib/metrics/beschut.ts';
import { eenheidVan } from '../src/pages/beschut-werk/context.ts';
import { cel, JAAR_TOT_NU, PERIODE } from '../src/pages/beschut-werk/onderdrukking.ts';
import { kernzinnen, zinAanvragers, zinTotaal, type ZinInvoer } from '../src/pages/beschut-werk/zinnen.ts';

const rij = (aanvrager: PeriodeRij['aanvrager'], b: number, p: number): PeriodeRij => ({
  van: '2017-01', tot: '2017-05', aanvrager, beoordelingen: b, positief: p, pctPositief: (100 * p) / b, maanden: 5, gemiddeldPerMaand: b / 5,
});

/** The letter of 30 June 2017: gemeente 320 / 261, burger 570 / 340, total 890 / 601; places 749 of 2.600 on 30 June. */
const brief: ZinInvoer = {
  eenheid: eenheidVan({ regio: null, gemeente: null }),
  van: '2017-01',
  tot: '2017-05',
  aanvrager: 'totaal',
  periode: [rij('gemeente', 320, 261), rij('burger', 570, 340), rij('totaal', 890, 601)],
  verborgen: new Set(),
  extrapolatie: extrapoleer(2017, '2017-05', 601),
  taakstelling: 2600,
  plekken: { peildatum: '2017-03-31', plekken: 531, taakstelling: 2600, verborgen: false },
  // The comparison is over the calendar year (queries.ts jaarVan), the other sentences over the period.
  vergelijking: { wie: 'gemeenten', van: '2017-01', tot: '2017-12', minimum: 5, gerangschikt: 40, boven: 3 },
};

describe('headline sentences in the style of the letters', () => {
  it('writes the letter of 30 June 2017 from its own numbers', () => {
    expect(kernzinnen(brief)).toEqual([
      'In januari tot en met mei 2017 gaf UWV 890 adviezen beschut werk; 601 daarvan waren positief (68 procent).',
      'Op verzoek van gemeenten waren dat 320 beoordelingen, waarvan 261 positief (82 procent); op verzoek van de mensen zelf 570 beoordelingen, waarvan 340 positief (60 procent).',
      'Dat zijn gemiddeld 178 beoordelingen per maand.',
      // 601 × 12 / 5 = 1.442,4; the interval is 601 + 7/5 × the exact Poisson limits of 601.
      expect.stringMatching(/^Als we de 601 positieve adviezen over de eerste vijf maanden van 2017 extrapoleren naar heel 2017, komen we uit op 1\.442 positieve adviezen \(extrapolatie, geen meting; bij een gelijkblijvend tempo tussen 1\.3\d\d en 1\.5\d\d\)\. De taakstelling voor eind 2017 is 2\.600 plekken\.$/),
      'Op 31 maart 2017 werkten 531 mensen op een beschut werkplek; dat is 20 procent van de taakstelling van 2.600 plekken voor eind 2017.',
      '3 van de 40 gemeenten met een taakstelling van minstens 5 plekken hadden in heel 2017 meer positieve adviezen dan plekken in hun taakstelling voor eind 2017.',
    ]);
  });

  it('names the unit and the aanvrager, and never writes a hidden count', () => {
    const almere: ZinInvoer = {
      ...brief,
      eenheid: eenheidVan({ regio: null, gemeente: 'GM0034' }),
      aanvrager: 'burger',
      periode: [rij('gemeente', 12, 8), rij('burger', 30, 4), rij('totaal', 42, 12)],
      verborgen: new Set([cel('p', PERIODE, 'burger'), cel('n', PERIODE, 'burger'), cel('p', JAAR_TOT_NU, 'burger')]),
      extrapolatie: extrapoleer(2017, '2017-05', 4),
    };
    expect(zinTotaal(almere)).toBe('In januari tot en met mei 2017 gaf UWV op verzoek van de mensen zelf in gemeente Almere 30 adviezen beschut werk; hoeveel daarvan positief waren, wordt niet getoond (kleine aantallen).');
    const zinnen = kernzinnen(almere).join(' ');
    expect(zinnen).not.toMatch(/\b4 positieve|\b4 daarvan/);
    expect(zinnen).not.toMatch(/extrapoleren/);
    // A hidden count of 10 or more is not written at all; one below 10 as "minder dan 10"; no percentage of a hidden count.
    const klein = { ...almere, aanvrager: 'totaal' as const, verborgen: new Set([cel('b', PERIODE, 'gemeente'), cel('p', PERIODE, 'gemeente'), cel('p', PERIODE, 'burger')]) };
    expect(zinAanvragers(klein)).toBe('Op verzoek van gemeenten waren dat een aantal dat niet getoond wordt; op verzoek van de mensen zelf 30 beoordelingen.');
    const weinig = { ...almere, aanvrager: 'totaal' as const, periode: [rij('gemeente', 7, 5), rij('burger', 30, 14), rij('totaal', 37, 19)], verborgen: new Set([cel('b', PERIODE, 'gemeente'), cel('p', PERIODE, 'gemeente'), cel('b', PERIODE, 'burger'), cel('p', PERIODE, 'burger')]) };
    expect(zinAanvragers(weinig)).toBe('Op verzoek van gemeenten waren dat minder dan 10 beoordelingen; op verzoek van de mensen zelf een aantal dat niet getoond wordt.');
  });

  it('where part of a year is hidden, names the year as the comparison prints it (a region\'s months are mostly under 10)', () => {
    const jaarRij = (aanvrager: PeriodeRij['aanvrager'], b: number, p: number): PeriodeRij => ({ ...rij(aanvrager, b, p), tot: '2017-12', maanden: 12, gemiddeldPerMaand: b / 12 });
    const regio: ZinInvoer = {
      ...brief,
      eenheid: eenheidVan({ regio: 'AM18', gemeente: null }),
      periode: [rij('gemeente', 20, 15), rij('burger', 25, 14), rij('totaal', 45, 29)],
      // January–May is no cell of a region's year table: "x" without a reason (queries.ts metSommen).
      verborgen: Object.assign(new Set([cel('b', PERIODE, 'totaal'), cel('p', PERIODE, 'totaal')]), { geheim: new Set([cel('b', PERIODE, 'totaal'), cel('p', PERIODE, 'totaal')]) }),
      jaar: { van: '2017-01', tot: '2017-12', periode: [jaarRij('gemeente', 50, 38), jaarRij('burger', 73, 52), jaarRij('totaal', 123, 90)] },
    };
    // 90 of 123 = 73,2%.
    expect(zinTotaal(regio)).toBe(
      'In januari tot en met mei 2017 gaf UWV in arbeidsmarktregio Groot Amsterdam een aantal adviezen beschut werk dat niet getoond wordt, om kleine aantallen te beschermen; in heel 2017 waren het er 123, waarvan 90 positief (73 procent).',
    );
    // The year's positive hidden too: only the requests; the year hidden: nothing more.
    expect(zinTotaal({ ...regio, verborgen: Object.assign(new Set([...regio.verborgen, cel('p', 'jaar', 'totaal')]), { geheim: regio.verborgen.geheim }) })).toMatch(/; in heel 2017 waren het er 123\.$/);
    expect(zinTotaal({ ...regio, verborgen: Object.assign(new Set([...regio.verborgen, cel('b', 'jaar', 'totaal')]), { geheim: regio.verborgen.geheim }) })).toMatch(/om kleine aantallen te beschermen\.$/);
    // A printed period says nothing of the year.
    expect(zinTotaal({ ...regio, verborgen: new Set() })).toBe('In januari tot en met mei 2017 gaf UWV in arbeidsmarktregio Groot Amsterdam 45 adviezen beschut werk; 29 daarvan waren positief (64 procent).');
  });
});

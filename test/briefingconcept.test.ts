/** The drafted paragraph: figures become number parts, years and codes stay text, rounding words from the exact shares. */
import { describe, expect, it } from 'vitest';
import { conceptAlinea, delenVan } from '../src/lib/briefing/concept.ts';

describe('drafting a paragraph from the page sentences', () => {
  it('makes number parts of figures, not of years or codes', () => {
    expect(delenVan('In 2016 gaven gemeenten € 270 miljoen (4,8 procent) meer uit dan het macrobudget van 1.234 in AM38.')).toEqual([
      'In 2016 gaven gemeenten ',
      { getal: '€ 270 miljoen' },
      ' (',
      { getal: '4,8 procent' },
      ') meer uit dan het macrobudget van ',
      { getal: '1.234' },
      ' in AM38.',
    ]);
    expect(delenVan('Nederland: 12,3% (plaats 4).')).toEqual(['Nederland: ', { getal: '12,3%' }, ' (plaats ', { getal: '4' }, ').']);
  });

  it('adds the rounding word of the exact share (0,876 → bijna 88; 0,8806 → 88 without a word)', () => {
    const zin = 'Van de mensen die in het derde kwartaal van 2021 werkten, werkte een jaar later 88 procent nog steeds.';
    expect(delenVan(zin, [0.876])).toContainEqual({ getal: 'bijna 88 procent' });
    expect(delenVan(zin, [0.8821])).toContainEqual({ getal: 'ruim 88 procent' });
    expect(delenVan(zin, [0.8806])).toContainEqual({ getal: '88 procent' });
    // No share that rounds to this figure: no word.
    expect(delenVan(zin, [0.5])).toContainEqual({ getal: '88 procent' });
  });

  it('gives each figure the first share not yet used that rounds to it, in the order printed', () => {
    const delen = conceptAlinea(['Totaal 88 procent, verloren 9 procent.', 'Wajong 88 procent.'], [0.8843, 0.5, 0.0866, 0.876]);
    expect(delen.filter((d) => typeof d !== 'string')).toEqual([{ getal: 'ruim 88 procent' }, { getal: 'bijna 9 procent' }, { getal: 'bijna 88 procent' }]);
  });

  it('joins sentences with a space and merges text', () => {
    expect(conceptAlinea(['Een 12 procent.', 'Twee.', 'Drie 3 procent.'])).toEqual([
      'Een ',
      { getal: '12 procent' },
      '. Twee. Drie ',
      { getal: '3 procent' },
      '.',
    ]);
  });
});

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

  it('adds the rounding word of the exact share (0,876 → ruim 88; 0,8706 → 88 without a word)', () => {
    const zin = 'Van de mensen die in het derde kwartaal van 2021 werkten, werkte een jaar later 88 procent nog steeds.';
    expect(delenVan(zin, [0.876])).toContainEqual({ getal: 'bijna 88 procent' });
    expect(delenVan(zin, [0.8821])).toContainEqual({ getal: 'ruim 88 procent' });
    expect(delenVan(zin, [0.8806])).toContainEqual({ getal: '88 procent' });
    // No share for this figure, or two shares with different words: no word.
    expect(delenVan(zin, [0.5])).toContainEqual({ getal: '88 procent' });
    expect(delenVan(zin, [0.876, 0.8821])).toContainEqual({ getal: '88 procent' });
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

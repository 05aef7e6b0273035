/**
 * Drafting words for the briefing (lib/briefing/alinea.ts) and the edit model of a paragraph
 * (alinea-sjabloon.ts). Every answer is worked out by hand in the comment next to it.
 */
import { describe, expect, it } from 'vitest';
import {
  aantalInWoorden,
  alineaTekst,
  decimalenVoorVergelijking,
  euroInWoorden,
  metHoofdletter,
  procentInWoorden,
  verschilInWoorden,
} from '../src/lib/briefing/alinea.ts';
import { getallen, naarSjabloon, sjabloonUitBewerking, vulSjabloon } from '../src/lib/briefing/alinea-sjabloon.ts';
import type { TekstDeel } from '../src/lib/briefing/types.ts';

describe('procentInWoorden', () => {
  it('adds "bijna" below and "ruim" above the whole percentage', () => {
    // 86,8% rounds to 87, 0,2 pt below it → bijna; 87,3% rounds to 87, 0,3 pt above → ruim.
    expect(procentInWoorden(0.868)).toBe('bijna 87 procent');
    expect(procentInWoorden(0.873)).toBe('ruim 87 procent');
    // 86,51% rounds up to 87 (0,49 pt below); 86,49% rounds down to 86 (0,49 pt above).
    expect(procentInWoorden(0.8651)).toBe('bijna 87 procent');
    expect(procentInWoorden(0.8649)).toBe('ruim 86 procent');
  });
  it('adds no word within 0,1 procentpunt', () => {
    expect(procentInWoorden(0.87)).toBe('87 procent');
    // 87,1% and 86,9%: exactly 0,1 pt away, still "87 procent" (0.871 × 100 is 87.10000000000001 in floating point).
    expect(procentInWoorden(0.871)).toBe('87 procent');
    expect(procentInWoorden(0.869)).toBe('87 procent');
    // 87,11%: 0,11 pt above → ruim.
    expect(procentInWoorden(0.8711)).toBe('ruim 87 procent');
    expect(procentInWoorden(1)).toBe('100 procent');
    expect(procentInWoorden(0)).toBe('0 procent');
  });
  it('says "ongeveer" when asked', () => {
    expect(procentInWoorden(0.832, { stijl: 'ongeveer' })).toBe('ongeveer 83 procent');
    expect(procentInWoorden(0.83, { stijl: 'ongeveer' })).toBe('83 procent');
  });
  it('gives one decimal without a word when asked, and for a small share that would read 0', () => {
    expect(procentInWoorden(0.868, { decimalen: 1 })).toBe('86,8 procent');
    expect(procentInWoorden(0.165, { decimalen: 1 })).toBe('16,5 procent');
    // 0,3% would be "ruim 0 procent": one decimal instead. 0,04% is within 0,1 pt of 0.
    expect(procentInWoorden(0.003)).toBe('0,3 procent');
    expect(procentInWoorden(0.0004)).toBe('0 procent');
  });
  it('judges negative shares by size', () => {
    // −3,2%: the figure −3 is smaller in size than 3,2 → ruim.
    expect(procentInWoorden(-0.032)).toBe('ruim -3 procent');
    expect(procentInWoorden(-0.028)).toBe('bijna -3 procent');
  });
});

describe('decimalen and differences', () => {
  it('asks for one decimal only when different values read the same', () => {
    // 86,8 and 87,2 both read 87 → 1. 87 and 83 differ → 0. Equal values need no decimal.
    expect(decimalenVoorVergelijking([0.868, 0.872])).toBe(1);
    expect(decimalenVoorVergelijking([0.87, 0.83])).toBe(0);
    expect(decimalenVoorVergelijking([0.87, 0.87])).toBe(0);
    expect(decimalenVoorVergelijking([0.94, 0.8, 0.71, 0.712])).toBe(1);
  });
  it('takes the difference of the figures as shown', () => {
    // 86,6% reads 87 and 83,4% reads 83: the text says 87 and 83, so 4 (not 3,2 → 3).
    expect(verschilInWoorden(0.866, 0.834)).toBe('4 procentpunt hoger');
    expect(verschilInWoorden(0.71, 0.78)).toBe('7 procentpunt lager');
    // Both read 87: one decimal, 86,8 − 87,2 = −0,4.
    expect(verschilInWoorden(0.868, 0.872)).toBe('0,4 procentpunt lager');
    expect(verschilInWoorden(0.8681, 0.8684)).toBe('even hoog');
    expect(verschilInWoorden(0.868, 0.872, { decimalen: 0 })).toBe('even hoog');
    // 16,5 − 15,0 at one decimal = 1,5 (integers of tenths: 165 − 150 = 15).
    expect(verschilInWoorden(0.165, 0.15, { decimalen: 1 })).toBe('1,5 procentpunt hoger');
  });
});

describe('aantalInWoorden', () => {
  it('is exact by default', () => {
    expect(aantalInWoorden(15847)).toBe('15.847');
    expect(aantalInWoorden(36904)).toBe('36.904');
    expect(aantalInWoorden(350)).toBe('350');
  });
  it('rounds as the letters do when asked', () => {
    // ≥ 10.000 to the thousand: 15.847 → 16.000 (below: bijna), 22.340 → 22.000 (above: ruim).
    expect(aantalInWoorden(15847, { afronden: true })).toBe('bijna 16.000');
    expect(aantalInWoorden(22340, { afronden: true })).toBe('ruim 22.000');
    expect(aantalInWoorden(80000, { afronden: true })).toBe('80.000');
    expect(aantalInWoorden(79600, { afronden: true, stijl: 'ongeveer' })).toBe('ongeveer 80.000');
    // 1.000–9.999 to the hundred: 3.449 → 3.400 (ruim); below 1.000 exact.
    expect(aantalInWoorden(3449, { afronden: true })).toBe('ruim 3.400');
    expect(aantalInWoorden(987, { afronden: true })).toBe('987');
    // From a million to a tenth of a million: 1.234.567 → 1,2 miljoen (ruim); 2.000.000 → "2 miljoen".
    expect(aantalInWoorden(1234567, { afronden: true })).toBe('ruim 1,2 miljoen');
    expect(aantalInWoorden(2e6, { afronden: true })).toBe('2 miljoen');
    expect(aantalInWoorden(1960000, { afronden: true })).toBe('bijna 2 miljoen');
    // 999.600 would be "1.000.000" to the thousand: said in millions instead (1,0 → "1"). 999.400 stays "ruim 999.000".
    expect(aantalInWoorden(999600, { afronden: true })).toBe('bijna 1 miljoen');
    expect(aantalInWoorden(999400, { afronden: true })).toBe('ruim 999.000');
  });
  it('capitalises a number text that starts a sentence', () => {
    expect(metHoofdletter(procentInWoorden(0.868))).toBe('Bijna 87 procent');
    expect(metHoofdletter('87 procent')).toBe('87 procent');
  });
  it('writes euros in words', () => {
    expect(euroInWoorden(270_400_000)).toBe('ruim € 270 miljoen');
    expect(euroInWoorden(5.8e9)).toBe('€ 5,8 miljard');
    // 5,76 mld rounds to 5,8 mld: bijna.
    expect(euroInWoorden(5.76e9)).toBe('bijna € 5,8 miljard');
    expect(euroInWoorden(12345)).toBe('€ 12.345');
  });
});

const draft: TekstDeel[] = [
  'Van de werkenden in het derde kwartaal van 2023 werkte een jaar later ',
  { getal: 'bijna 87 procent' },
  ' nog steeds; bij Wsw was dat ',
  { getal: '94 procent' },
  ' {let op}.',
];

describe('the edit model', () => {
  it('joins a paragraph and turns it into a template with its numbers', () => {
    expect(alineaTekst(draft)).toBe(
      'Van de werkenden in het derde kwartaal van 2023 werkte een jaar later bijna 87 procent nog steeds; bij Wsw was dat 94 procent {let op}.',
    );
    expect(getallen(draft)).toEqual(['bijna 87 procent', '94 procent']);
    expect(naarSjabloon(draft)).toEqual({
      sjabloon: 'Van de werkenden in het derde kwartaal van 2023 werkte een jaar later {0} nog steeds; bij Wsw was dat {1} {{let op}}.',
      waarden: ['bijna 87 procent', '94 procent'],
    });
  });
  it('fills an edited template with the current numbers and marks what changed', () => {
    const bewerkt = { sjabloon: 'Een jaar later werkte nog {0} ({{voorlopig}}); Wsw: {1}.', waarden: ['bijna 87 procent', '94 procent'] };
    const zelfde = vulSjabloon(bewerkt, ['bijna 87 procent', '94 procent']);
    expect(zelfde.tekst).toBe('Een jaar later werkte nog bijna 87 procent ({voorlopig}); Wsw: 94 procent.');
    expect(zelfde.gewijzigd).toEqual([]);
    const nieuw = vulSjabloon(bewerkt, ['ruim 88 procent', '94 procent']);
    expect(nieuw.tekst).toBe('Een jaar later werkte nog ruim 88 procent ({voorlopig}); Wsw: 94 procent.');
    expect(nieuw.gewijzigd).toEqual([0]);
    expect(nieuw.delen[1]).toEqual({ getal: 'ruim 88 procent', index: 0, status: 'gewijzigd', was: 'bijna 87 procent' });
    expect(nieuw.delen[3]).toEqual({ getal: '94 procent', index: 1, status: 'gelijk' });
    // The fresh draft has only one number: {1} keeps its edited text and is marked.
    const korter = vulSjabloon(bewerkt, ['bijna 87 procent']);
    expect(korter.tekst).toBe('Een jaar later werkte nog bijna 87 procent ({voorlopig}); Wsw: 94 procent.');
    expect(korter.gewijzigd).toEqual([1]);
    expect(korter.delen[3]).toEqual({ getal: '94 procent', index: 1, status: 'ontbreekt' });
  });
  it('a template round-trips to the drafted text', () => {
    const t = naarSjabloon(draft);
    expect(vulSjabloon(t, getallen(draft)).tekst).toBe(alineaTekst(draft));
  });
  it('reads a plain-text edit back into a template, numbers tied, typed numbers reported', () => {
    const waarden = ['bijna 87 procent', '94 procent'];
    // Words changed, sentences swapped, a year typed: both numbers found, 2023 reported.
    const b = sjabloonUitBewerking('Bij Wsw: 94 procent. In 2023 werkte bijna 87 procent door.', waarden);
    expect(b.tekst).toEqual({ sjabloon: 'Bij Wsw: {1}. In 2023 werkte {0} door.', waarden });
    expect(b.ontbrekend).toEqual([]);
    expect(b.losseGetallen).toEqual(['2023']);
    // A retyped number is not tied any more: reported as missing, and its digits as loose.
    const c = sjabloonUitBewerking('Ruim 90 procent werkte door; Wsw 94 procent.', waarden);
    expect(c.tekst.sjabloon).toBe('Ruim 90 procent werkte door; Wsw {1}.');
    expect(c.ontbrekend).toEqual([0]);
    expect(c.losseGetallen).toEqual(['90']);
  });
  it('ties the same number text twice to its two places in order', () => {
    const b = sjabloonUitBewerking('Man 50 procent, vrouw 50 procent.', ['50 procent', '50 procent']);
    expect(b.tekst.sjabloon).toBe('Man {0}, vrouw {1}.');
  });
});

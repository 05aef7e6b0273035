import { describe, expect, it } from 'vitest';
import {
  formatAantal,
  formatDatum,
  formatEuro,
  formatGetal,
  formatKwartaal,
  formatKwartaalKort,
  formatKwartaalVoluit,
  formatPct,
  formatPctGetal,
  formatPeildatum,
  formatProcentpunt,
  formatVerschil,
} from '../src/lib/format/nl.ts';

describe('nl-NL numbers', () => {
  it('groups thousands with a dot', () => {
    expect(formatAantal(15847)).toBe('15.847');
    expect(formatAantal(1234)).toBe('1.234');
    expect(formatAantal(999)).toBe('999');
    expect(formatAantal(125000)).toBe('125.000');
    expect(formatAantal(-350)).toBe('-350');
  });
  it('uses a decimal comma with a fixed number of decimals', () => {
    expect(formatAantal(1234.5, 1)).toBe('1.234,5');
    expect(formatAantal(2.25, 2)).toBe('2,25');
    expect(formatAantal(0.4, 0)).toBe('0');
  });
  it('never shows "-0" after rounding', () => {
    expect(formatAantal(-0.3)).toBe('0');
    expect(formatPct(-0.0004, 1)).toBe('0,0%');
  });
  it('writes plain numbers without grouping for CSV and years', () => {
    expect(formatGetal(15847)).toBe('15847');
    expect(formatGetal(16.5, 1)).toBe('16,5');
    expect(formatGetal(-830)).toBe('-830');
  });
  it('signs differences', () => {
    expect(formatVerschil(15847)).toBe('+15.847');
    expect(formatVerschil(-350)).toBe('-350');
    expect(formatVerschil(0)).toBe('0');
    expect(formatProcentpunt(0.021)).toBe('+2,1 procentpunt');
    expect(formatProcentpunt(-0.05, 0)).toBe('-5 procentpunt');
  });
  it('rejects nonsense decimals and non-finite numbers', () => {
    expect(() => formatAantal(1, -1)).toThrow(/decimalen/);
    expect(() => formatAantal(Number.NaN)).toThrow(/eindig/);
  });
});

describe('percentages from fractions', () => {
  it('0.165 → 16,5% and chosen decimals', () => {
    expect(formatPct(0.165)).toBe('16,5%');
    expect(formatPct(0.87, 0)).toBe('87%');
    expect(formatPct(0.8765, 2)).toBe('87,65%');
    expect(formatPct(1)).toBe('100,0%');
    expect(formatPct(0.004, 1)).toBe('0,4%');
  });
  it('gives CSV the same rounding as the table, without the % sign and grouping', () => {
    expect(formatPctGetal(0.165)).toBe('16,5');
    expect(formatPctGetal(12.345, 1)).toBe('1234,5');
    for (const v of [0.285, 0.0115, 0.8765, 0.145, 0.0005]) {
      for (const d of [0, 1, 2]) expect(`${formatPctGetal(v, d)}%`).toBe(formatPct(v, d).replace('.', ''));
    }
  });
});

describe('euros', () => {
  it('scales to mln and mld', () => {
    expect(formatEuro(270e6)).toBe('€ 270 mln');
    expect(formatEuro(5.8e9)).toBe('€ 5,8 mld');
    expect(formatEuro(6021.599e6)).toBe('€ 6,0 mld');
    expect(formatEuro(12345)).toBe('€ 12.345');
    expect(formatEuro(-19e6)).toBe('€ -19 mln');
  });
  it('honours a fixed scale and decimals', () => {
    expect(formatEuro(6021.599e6, { schaal: 'mln', decimalen: 1 })).toBe('€ 6.021,6 mln');
    expect(formatEuro(675e6, { schaal: 'mld', decimalen: 2 })).toBe('€ 0,68 mld');
  });
});

describe('quarters and dates', () => {
  it('formats quarters long, short and as in the letters', () => {
    expect(formatKwartaal('2021Q3')).toBe('3e kwartaal 2021');
    expect(formatKwartaalKort('2021Q3')).toBe('K3 2021');
    expect(formatKwartaalVoluit('2021Q3')).toBe('derde kwartaal van 2021');
    expect(formatKwartaalVoluit('2015Q1')).toBe('eerste kwartaal van 2015');
  });
  it('rejects a malformed quarter', () => {
    expect(() => formatKwartaal('2021-3')).toThrow(/Ongeldig kwartaal/);
  });
  it('formats ISO dates as dd-mm-jjjj', () => {
    expect(formatDatum('2022-09-30')).toBe('30-09-2022');
    expect(formatDatum(new Date(Date.UTC(2012, 11, 31)))).toBe('31-12-2012');
  });
  it('rejects impossible dates', () => {
    expect(() => formatDatum('2022-02-30')).toThrow(/Ongeldige datum/);
    expect(() => formatDatum('30-09-2022')).toThrow(/jjjj-mm-dd/);
  });
  it('keeps a period text as peildatum', () => {
    expect(formatPeildatum('2022-12-31')).toBe('31-12-2022');
    expect(formatPeildatum('2015–2017')).toBe('2015–2017');
  });
});

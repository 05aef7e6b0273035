import { describe, expect, it } from 'vitest';
import {
  AFGELEID,
  DREMPEL,
  isOnderdrukt,
  KLEIN,
  onderdruk,
  onderdrukteSoorten,
  veiligAandeel,
  veiligAantal,
  veiligGemiddelde,
} from '../src/lib/format/disclosure.ts';
import { celTekst } from '../src/lib/charts/spec.ts';

describe('disclosure threshold 10', () => {
  it('suppresses counts below 10, zero included', () => {
    expect(DREMPEL).toBe(10);
    expect(veiligAantal(9)).toBe(KLEIN);
    expect(veiligAantal(0)).toBe(KLEIN);
    expect(veiligAantal(10)).toBe(10);
  });
  it('suppresses a share when the group or the numerator is small', () => {
    expect(veiligAandeel(8, 9)).toBe(AFGELEID);
    expect(veiligAandeel(3, 200)).toBe(AFGELEID); // 1,5% of a shown 200 would reveal 3
    expect(veiligAandeel(33, 200)).toBeCloseTo(0.165, 10);
    expect(veiligGemiddelde(4.2, 9)).toBe(AFGELEID);
    expect(veiligGemiddelde(4.2, 10)).toBe(4.2);
  });
  it('shows suppressed cells as "<10" (counts) and "x" (shares)', () => {
    expect(celTekst(KLEIN, { key: 'n', label: 'Aantal', type: 'aantal' })).toBe('<10');
    expect(celTekst(AFGELEID, { key: 'p', label: 'Aandeel', type: 'pct' })).toBe('x');
    expect(celTekst(15847, { key: 'n', label: 'Aantal', type: 'aantal' })).toBe('15.847');
    expect(celTekst(0.165, { key: 'p', label: 'Aandeel', type: 'pct' })).toBe('16,5%');
  });
  it('applies rules to aggregated rows without touching the input', () => {
    const rijen = [
      { groep: 'Wajong', n: 120, werkzaam: 96, pct: 0.8 },
      { groep: 'WIW/ID', n: 7, werkzaam: 6, pct: 6 / 7 },
      { groep: 'Wsw', n: 50, werkzaam: 4, pct: 0.08 },
    ];
    const uit = onderdruk(rijen, {
      aantallen: ['n', 'werkzaam'],
      aandelen: [{ key: 'pct', teller: 'werkzaam', noemer: 'n' }],
    });
    expect(uit[0]).toEqual({ groep: 'Wajong', n: 120, werkzaam: 96, pct: 0.8 });
    expect(uit[1]).toEqual({ groep: 'WIW/ID', n: KLEIN, werkzaam: KLEIN, pct: AFGELEID });
    expect(uit[2]).toEqual({ groep: 'Wsw', n: 50, werkzaam: KLEIN, pct: AFGELEID });
    expect(rijen[1].n).toBe(7);
    expect(isOnderdrukt(uit[2].pct)).toBe(true);
    expect([...onderdrukteSoorten(uit)].sort()).toEqual(['aantal', 'afgeleid']);
  });
});

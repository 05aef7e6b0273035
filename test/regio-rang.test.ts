import { describe, expect, it } from 'vitest';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { AFGELEID } from '../src/lib/format/disclosure.ts';
import { rangMetReferentie, rangReferentie } from '../src/pages/regios/rangreferentie.ts';

// A ranking in rank order: a suppressed region between two shown ones, one without data at the end.
const rijen = [
  { regio_naam: 'A', regio_code: 'AM01', waarde: 30, rang: 1 },
  { regio_naam: 'B', regio_code: 'AM02', waarde: AFGELEID, rang: null },
  { regio_naam: 'C', regio_code: 'AM03', waarde: 10, rang: 2 },
  { regio_naam: 'D', regio_code: 'AM04', waarde: null, rang: null },
];
const data = { titel: 't', kolommen: [], rijen } as unknown as ChartData;
const namen = (d: ChartData) => d.rijen.map((r) => r.regio_naam);

describe("Regio's ranking: the reference is never a national total on the regional axis", () => {
  it('totals compare with the average shown region, not with Nederland (the sum of the regions)', () => {
    // Nederland 45 (also counts a group without a region); the shown regions 30 and 10 → average 20.
    expect(rangReferentie('banen', rijen, 45)).toEqual({ waarde: 20, label: 'Gemiddelde regio' });
    expect(rangReferentie('groei', rijen, 45)).toEqual({ waarde: 20, label: 'Gemiddelde regio' });
    expect(rangReferentie('register', rijen, 45)).toEqual({ waarde: 20, label: 'Gemiddelde regio' });
    expect(rangReferentie('banen', [{ waarde: AFGELEID }, { waarde: null }], 45)).toBeNull();
  });

  it('shares and rates compare with Nederland', () => {
    expect(rangReferentie('groei_pct', rijen, 0.12)).toEqual({ waarde: 0.12, label: 'Nederland' });
    expect(rangReferentie('werkzaam_pct', rijen, 0.25)).toEqual({ waarde: 0.25, label: 'Nederland' });
    expect(rangReferentie('per1000', rijen, null)).toBeNull();
  });

  it('puts the reference as its own bar at its place, after suppressed regions above it', () => {
    const d = rangMetReferentie(data, { waarde: 20, label: 'Gemiddelde regio' });
    expect(namen(d)).toEqual(['A', 'B', 'Gemiddelde regio', 'C', 'D']);
    expect(d.rijen[2]).toEqual({ regio_naam: 'Gemiddelde regio', regio_code: '', waarde: 20, rang: null });
    expect(namen(rangMetReferentie(data, { waarde: 31, label: 'Nederland' }))).toEqual(['Nederland', 'A', 'B', 'C', 'D']);
    expect(namen(rangMetReferentie(data, { waarde: 5, label: 'Nederland' }))).toEqual(['A', 'B', 'C', 'Nederland', 'D']);
    // The map/table data keep the 35 regions only.
    expect(data.rijen).toHaveLength(4);
    expect(rangMetReferentie(data, null)).toBe(data);
  });
});

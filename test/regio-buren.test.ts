import { describe, expect, it } from 'vitest';
import type { RegioOverzicht } from '../src/lib/metrics/regio.ts';
import { vergelijkbareRegios } from '../src/lib/metrics/regio-buren.ts';

// Only the register size in the end quarter matters here.
const overzicht = (grootte: Record<string, number>) =>
  ({ regios: Object.entries(grootte).map(([regio_code, personen]) => ({ regio_code, eind: { personen } })) }) as unknown as RegioOverzicht;

describe('regions of similar size', () => {
  it('picks the regions closest in register size, relatively', () => {
    // AM01 has 10.000. Relative distances: AM02 12.000 → ln 1,2 = 0,18; AM03 8.000 → ln 1,25 = 0,22;
    // AM05 20.000 → 0,69; AM06 4.000 → 0,92; AM07 0 people is left out.
    const o = overzicht({ AM01: 10_000, AM02: 12_000, AM03: 8_000, AM05: 20_000, AM06: 4_000, AM07: 0 });
    expect(vergelijkbareRegios('AM01', o, 3)).toEqual(['AM02', 'AM03', 'AM05']);
    expect(vergelijkbareRegios('AM01', o)).toEqual(['AM02', 'AM03', 'AM05', 'AM06']);
  });

  it('breaks a tie by code and returns nothing for a region without data', () => {
    const o = overzicht({ AM01: 1_000, AM03: 2_000, AM02: 500 });
    expect(vergelijkbareRegios('AM01', o, 2)).toEqual(['AM02', 'AM03']);
    expect(vergelijkbareRegios('AM38', o)).toEqual([]);
  });
});

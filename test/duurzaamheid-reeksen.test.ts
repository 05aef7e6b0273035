// The Duurzaamheid charts are described once (pages/duurzaamheid/reeksen.ts) for the page and
// the briefing: legends name the data kind, and a published series without column is left out.
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { contractReeksen, startersReeksen, trendReeksen } from '../src/pages/duurzaamheid/reeksen.ts';

function data(keys: string[], synthetisch: boolean): ChartData {
  return { titel: 't', bron: 'b', peildatum: '2024-09-30', synthetisch, kolommen: keys.map((key) => ({ key, label: key, type: 'pct' as const })), rijen: [] };
}

describe('Duurzaamheid chart series', () => {
  it('trend: computed lines named after the data, published markers in the same colour', () => {
    const r = trendReeksen(data(['basis', 'werkzaam_pct', 'pub_werkzaam', 'steeds_pct', 'zelfde_pct'], true), 8);
    expect(r.map((s) => s.label)).toEqual(['Werkzaam na 2 jaar (demodata)', 'Werkzaam na 2 jaar (gepubliceerd)', 'Steeds werkzaam (demodata)', 'Zelfde baan (demodata)']);
    expect(r.map((s) => s.kleurIndex)).toEqual([0, 0, 1, 2]);
    expect(r[1]).toMatchObject({ stijl: 'punten', marker: 'ruit' });
  });

  it("a user's own panel reads 'berekend'; starters keep their order na 1 jaar, zelfde baan, na 2 jaar", () => {
    const r = startersReeksen(data(['na1_pct', 'zelfde_pct', 'na2_pct', 'pub_na2'], false));
    expect(r.map((s) => s.label)).toEqual(['Na 1 jaar (berekend)', 'Zelfde baan na 1 jaar (berekend)', 'Na 2 jaar (berekend)', 'Na 2 jaar (gepubliceerd)']);
    expect(contractReeksen(data(['duur', 'pub_duur'], false), 'duur').map((s) => s.label)).toEqual(['Berekend', 'Gepubliceerd']);
    expect(contractReeksen(data(['duur'], true), 'uren')).toEqual([]);
  });
});

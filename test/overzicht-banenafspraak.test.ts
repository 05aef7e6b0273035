import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { naarCsv } from '../src/lib/export/csv.ts';
import { leesDoelen, leesRealisatie, realisatieTegenDoelen } from '../src/lib/published/banenafspraak.ts';
import { AFGELEID_KOLOM, AFGELEID_LABEL, lijnMetAfgeleid, metAfgeleidTotaal } from '../src/pages/overzicht/banenafspraak.ts';

const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');

function klein(): ChartData {
  return {
    titel: 't', bron: 'b', peildatum: '2019-12-31', synthetisch: false,
    kolommen: [
      { key: 'jaar', label: 'Jaar', type: 'jaar' },
      { key: 'totaal', label: 'Totaal', type: 'aantal' },
      { key: 'doel_totaal', label: 'Doel', type: 'aantal' },
      { key: 'markt', label: 'Markt', type: 'aantal' },
      { key: 'overheid', label: 'Overheid', type: 'aantal' },
    ],
    rijen: [
      { jaar: 2017, totaal: 100, doel_totaal: 90, markt: 70, overheid: 29 },
      { jaar: 2018, totaal: null, doel_totaal: 120, markt: 80, overheid: 35 },
      { jaar: 2019, totaal: null, doel_totaal: 150, markt: null, overheid: null },
    ],
    voetnoten: ['eerste', 'Voor 2018 is geen gepubliceerd totaal gevonden, alleen markt en overheid; het totaal wordt niet afgeleid.'],
  };
}

describe('metAfgeleidTotaal', () => {
  it('fills a missing total from markt + overheid and marks it; a published total and an empty year stay', () => {
    const d = metAfgeleidTotaal(klein());
    // 80 + 35 = 115; 2017 keeps its published 100 (not 70 + 29 = 99); 2019 has no parts.
    expect(d.rijen.map((r) => [r.jaar, r.totaal, r[AFGELEID_KOLOM]])).toEqual([[2017, 100, null], [2018, null, 115], [2019, null, null]]);
    expect(d.kolommen.map((k) => k.key)).toEqual(['jaar', 'totaal', 'doel_totaal', AFGELEID_KOLOM, 'markt', 'overheid']);
    expect(d.voetnoten).toEqual([
      'eerste',
      `2018: geen gepubliceerd totaal; het totaal 115 is afgeleid als markt (80) + overheid (35) en staat ook in de kolom "${AFGELEID_LABEL}". Door afronding kan het werkelijke totaal iets afwijken.`,
    ]);
  });

  it('leaves the input untouched', () => {
    const k = klein();
    metAfgeleidTotaal(k);
    expect(k.rijen[1].totaal).toBeNull();
  });

  it('on the published figures: 2018 is 44.017 + 7.940 = 51.957, derived, in table and CSV; no year repeated', () => {
    const d = metAfgeleidTotaal(realisatieTegenDoelen(leesRealisatie(lees('banenafspraak_realisatie.csv')), leesDoelen(lees('banenafspraak_doelen.csv'))));
    const r2018 = d.rijen.find((r) => r.jaar === 2018)!;
    expect(r2018.totaal).toBeNull();
    expect(lijnMetAfgeleid(d).rijen.find((r) => r.jaar === 2018)!.totaal).toBe(51957);
    expect(r2018[AFGELEID_KOLOM]).toBe(51957);
    expect(d.rijen.filter((r) => r[AFGELEID_KOLOM] !== null).map((r) => r.jaar)).toEqual([2018]);
    const csv = naarCsv(d);
    expect(csv).toContain(`${AFGELEID_LABEL}`);
    expect(csv).toMatch(/^2018;viermeting;;43500;51957;44017;;7940;12500$/m);
    expect(csv).toMatch(/^2019;vijfmeting;61615;55000;;51829;/m);
    expect(csv).not.toMatch(/jaarmeting (\d{4}) \1/);
    expect(csv).toContain('jaarmeting 2020, totaal: 66.097');
    expect(csv).not.toContain('het totaal wordt niet afgeleid');
  });
});

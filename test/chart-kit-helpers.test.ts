import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from '../src/lib/charts/LineChart.svelte';
import BarChart from '../src/lib/charts/BarChart.svelte';
import { sorteerRijen } from '../src/lib/charts/sorteer.ts';
import { asLabels, labelRuimte, plotVlak } from '../src/lib/charts/layout.ts';
import { domeinMetNul, domeinMetRand, domeinVanData } from '../src/lib/charts/domein.ts';
import { stapVoor } from '../src/lib/charts/toetsen.ts';
import { AFGELEID, KLEIN } from '../src/lib/format/disclosure.ts';
import { briefingTekst } from '../src/lib/export/briefing.ts';
import { bestandsnaam } from '../src/lib/export/download.ts';
import { voorbeeld } from './fixtures/chart-data.ts';

describe('table sort order', () => {
  const rijen = [
    { g: 'Zeeland', n: 12 },
    { g: 'Ede', n: KLEIN },
    { g: 'Émmen', n: null },
    { g: 'Almere', n: 1500 },
    { g: 'Breda', n: 12 },
  ];
  it('puts suppressed cells below every number and missing ones last, in both directions', () => {
    expect(sorteerRijen(rijen, 'n', true).map((r) => r.g)).toEqual(['Ede', 'Zeeland', 'Breda', 'Almere', 'Émmen']);
    expect(sorteerRijen(rijen, 'n', false).map((r) => r.g)).toEqual(['Almere', 'Zeeland', 'Breda', 'Ede', 'Émmen']);
  });
  it('sorts text in Dutch collation (É next to E)', () => {
    expect(sorteerRijen(rijen, 'g', true).map((r) => r.g)).toEqual(['Almere', 'Breda', 'Ede', 'Émmen', 'Zeeland']);
  });
  it('treats both kinds of suppression alike', () => {
    const r = sorteerRijen([{ p: 0.5 }, { p: AFGELEID }, { p: 0.1 }], 'p', true);
    expect(r.map((x) => x.p)).toEqual([AFGELEID, 0.1, 0.5]);
  });
});

describe('charts refuse a wrong specification with a message', () => {
  it('line chart: missing column', () => {
    const html = render(LineChart, { props: { data: voorbeeld, x: 'kwartaal', series: [{ key: 'bestaat_niet' }] } }).body;
    expect(html).toContain('Grafiek kan niet worden getekend: kolom "bestaat_niet" ontbreekt');
  });
  it('bar chart: text column as value', () => {
    const html = render(BarChart, { props: { data: voorbeeld, categorie: 'groep', waarde: 'kwartaal' } }).body;
    expect(html).toContain('kolom "kwartaal" in "Werkzaam na een jaar; per achtergrond" heeft type kwartaal, verwacht aantal of pct of euro');
  });
});

describe('axis labels', () => {
  it('use one euro scale per axis and the fewest decimals that keep ticks apart', () => {
    expect(asLabels([0, 5e8, 1e9, 1.5e9], { key: 'e', label: 'e', type: 'euro' })).toEqual(['€ 0,0 mld', '€ 0,5 mld', '€ 1,0 mld', '€ 1,5 mld']);
    expect(asLabels([0.8, 0.85, 0.9], { key: 'p', label: 'p', type: 'pct' })).toEqual(['80%', '85%', '90%']);
    expect(asLabels([0.8, 0.825, 0.85], { key: 'p', label: 'p', type: 'pct' })).toEqual(['80,0%', '82,5%', '85,0%']);
    expect(asLabels([0, 20000, 40000], { key: 'n', label: 'n', type: 'aantal' })).toEqual(['0', '20.000', '40.000']);
  });
});

describe('plot area and value domains', () => {
  // Estimated text widths at 12 px: digits 0,62 em, '%' 0,85 em -> "20%" = 2,09 × 12 = 25,08 px, "5%" = 17,64 px.
  it('makes room for the widest label, at least min, at most max', () => {
    expect(labelRuimte(['20%', '5%'])).toBe(26 + 10);
    expect(labelRuimte(['5%'], { min: 20, extra: 12 })).toBe(20 + 12);
    expect(labelRuimte(['20%'], { max: 30 })).toBe(30);
  });
  it('gives the plot what the margins leave, never less than the minimum', () => {
    // The line chart of the golden file lijn.svg: 640 × 320, y labels up to "30%", legend on top.
    expect(plotVlak(640, 320, ['20%', '30%'], { rechts: 14, boven: 36, onder: 30 })).toEqual({
      marge: { links: 36, rechts: 14, boven: 36, onder: 30 },
      plotB: 640 - 36 - 14,
      plotH: 320 - 36 - 30,
    });
    const smal = plotVlak(100, 100, ['20%'], { labelExtra: 14, rechts: 16, boven: 26, onder: 46, min: 80 });
    expect(smal.marge.links).toBe(26 + 14);
    expect([smal.plotB, smal.plotH]).toEqual([80, 80]);
  });
  it('reaches to 0, to the data, or beyond the data by a margin', () => {
    expect(domeinMetNul([3, 7])).toEqual([0, 7]);
    expect(domeinMetNul([-2, 5])).toEqual([-2, 5]);
    expect(domeinMetNul([])).toEqual([0, 1]);
    expect(domeinMetNul([0, 0])).toEqual([0, 1]);
    expect(domeinVanData([0.21, 0.27])).toEqual([0.21, 0.27]);
    expect(domeinVanData([5])).toEqual([5, 6]);
    expect(domeinMetRand([0, 10], 0.05)).toEqual([-0.5, 10.5]);
    expect(domeinMetRand([4], 0.06, 0.1)).toEqual([3.6, 4.4]);
    expect(domeinMetRand([0], 0.05)).toEqual([-1, 1]);
  });
});

describe('keyboard steps between focus stops', () => {
  it('steps with the arrows, jumps with Home/End, stays inside, closes with Escape', () => {
    expect(stapVoor('ArrowRight', 1, 3)).toEqual({ soort: 'naar', index: 2 });
    expect(stapVoor('ArrowDown', 2, 3)).toEqual({ soort: 'naar', index: 2 });
    expect(stapVoor('ArrowLeft', 0, 3)).toEqual({ soort: 'naar', index: 0 });
    expect(stapVoor('ArrowUp', 2, 3)).toEqual({ soort: 'naar', index: 1 });
    expect(stapVoor('Home', 3, 5)).toEqual({ soort: 'naar', index: 0 });
    expect(stapVoor('End', 0, 5)).toEqual({ soort: 'naar', index: 4 });
    expect(stapVoor('Escape', 1, 3)).toEqual({ soort: 'sluit' });
    expect(stapVoor('a', 1, 3)).toBeNull();
    expect(stapVoor('ArrowRight', 0, 0)).toBeNull();
  });
});

describe('briefing text and file names', () => {
  it('never lets a figure travel without its source, and flags synthetic data', () => {
    expect(briefingTekst(voorbeeld, 'Van de mensen die in het derde kwartaal van 2021 werkten, werkte een jaar later 88 procent nog steeds.')).toBe(
      [
        'Van de mensen die in het derde kwartaal van 2021 werkten, werkte een jaar later 88 procent nog steeds.',
        'Werkzaam na een jaar; per achtergrond',
        'Bron: UWV, bewerking SZW; peildatum 30-09-2022.',
        'Let op: synthetische demodata, geen gepubliceerde cijfers.',
      ].join('\n'),
    );
    expect(briefingTekst({ ...voorbeeld, synthetisch: false })).toBe('Werkzaam na een jaar; per achtergrond\nBron: UWV, bewerking SZW; peildatum 30-09-2022.');
  });
  it('builds safe file names from title and peildatum', () => {
    expect(bestandsnaam('Banenafspraak: extra banen gerealiseerd en doel', '2022-12-31', 'csv')).toBe('banenafspraak-extra-banen-gerealiseerd-en-doel-2022-12-31.csv');
    expect(bestandsnaam('Regio’s: groei (€) in Fryslân', '2015–2017', 'svg')).toBe('regio-s-groei-in-fryslan-2015-2017.svg');
    expect(bestandsnaam('***', '', 'png')).toBe('export.png');
  });
});

import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from '../src/lib/charts/LineChart.svelte';
import BarChart from '../src/lib/charts/BarChart.svelte';
import { sorteerRijen } from '../src/lib/charts/sorteer.ts';
import { asLabels } from '../src/lib/charts/layout.ts';
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

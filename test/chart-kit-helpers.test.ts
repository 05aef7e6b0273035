import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from '../src/lib/charts/LineChart.svelte';
import BarChart from '../src/lib/charts/BarChart.svelte';
import { sorteerRijen } from '../src/lib/charts/sorteer.ts';
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

import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from '../src/lib/charts/LineChart.svelte';
import BarChart from '../src/lib/charts/BarChart.svelte';
import StackedBar from '../src/lib/charts/StackedBar.svelte';
import DataTable from '../src/lib/charts/DataTable.svelte';
import BanenafspraakRealisatie from '../src/components/BanenafspraakRealisatie.svelte';
import { leesDoelen, leesRealisatie, realisatieTegenDoelen } from '../src/lib/published/banenafspraak.ts';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { AFGELEID, KLEIN } from '../src/lib/format/disclosure.ts';
import { voorbeeld } from './fixtures/chart-data.ts';

const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');
const banen = realisatieTegenDoelen(leesRealisatie(lees('banenafspraak_realisatie.csv')), leesDoelen(lees('banenafspraak_doelen.csv')));

const decode = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
const ariaLabels = (html: string) => [...html.matchAll(/class="pm-focusdoel[^"]*"[^>]*aria-label="([^"]*)"/g)].map((m) => decode(m[1]));
const tabelCellen = (html: string) =>
  [...html.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => decode(m[1].replace(/<[^>]*>/g, '').trim()));

describe('line chart', () => {
  const html = render(LineChart, {
    props: { data: banen, x: 'jaar', series: [{ key: 'totaal', label: 'Gerealiseerd' }, { key: 'doel_totaal', label: 'Doel', stijl: 'stippel' }] },
  }).body;

  it('is an image with a title and a description naming first and last values', () => {
    expect(html).toMatch(/<svg data-pm-export[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/);
    expect(html).toContain('Gerealiseerd: van 21.057 in 2015 naar 81.117 in 2022.');
    expect(html).toContain('Doel: van 9.000 in 2015 naar 125.000 in 2025.');
  });
  it('has one focus stop per year (roving tabindex) labelled with the values', () => {
    const labels = ariaLabels(html);
    expect(labels).toHaveLength(11); // 2015 … 2025
    expect(labels[4]).toBe('2019: Gerealiseerd 61.615; Doel 55.000');
    expect(labels[3]).toBe('2018: Gerealiseerd –; Doel 43.500');
    expect([...html.matchAll(/tabindex="0"/g)]).toHaveLength(1);
  });
  it('draws a gap where a value is missing (two path segments for the realised line)', () => {
    const paden = [...html.matchAll(/<path d="(M[^"]*)" fill="none"/g)].map((m) => m[1]);
    expect(paden[0].match(/M/g)).toHaveLength(2); // 2015–2017, 2019–2022
  });
  it('shows the same numbers in its table twin', () => {
    const tabel = tabelCellen(render(DataTable, { props: { data: banen } }).body);
    for (const label of ariaLabels(html)) {
      for (const getal of label.match(/\d{1,3}(?:\.\d{3})+|\d+/g) ?? []) expect(tabel).toContain(getal);
    }
  });
});

describe('line chart with nothing to draw', () => {
  const reeks = (v: (typeof KLEIN | null)[]): ChartData => ({
    ...banen,
    rijen: v.map((w, i) => ({ jaar: 2015 + i, totaal: w, doel_totaal: null })),
  });
  const tekst = (html: string) => [...html.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');

  it('says every value is hidden when the cells are suppressed, instead of bare axes', () => {
    const html = render(LineChart, { props: { data: reeks([KLEIN, KLEIN, null]), x: 'jaar', series: [{ key: 'totaal', label: 'Gerealiseerd' }, { key: 'doel_totaal', label: 'Doel' }] } }).body;
    expect(tekst(html)).toBe('Elke waarde is verborgen: zie de toelichting onder de grafiek');
  });
  it('says there is nothing when the cells are only missing, and nothing once one value is drawn', () => {
    const leeg = render(LineChart, { props: { data: reeks([null, null]), x: 'jaar', series: [{ key: 'totaal', label: 'Gerealiseerd' }] } }).body;
    expect(tekst(leeg)).toBe('Geen waarden in deze selectie');
    const een = render(LineChart, { props: { data: { ...reeks([KLEIN, null]), rijen: [{ jaar: 2015, totaal: KLEIN, doel_totaal: null }, { jaar: 2016, totaal: 12, doel_totaal: null }] }, x: 'jaar', series: [{ key: 'totaal', label: 'Gerealiseerd' }] } }).body;
    expect(tekst(een)).toBe('');
  });
});

describe('data table', () => {
  const html = render(DataTable, { props: { data: voorbeeld } }).body;
  it('has a caption, sort buttons in column headers and row headers', () => {
    expect(html).toContain('<caption');
    expect(html).toContain('Werkzaam na een jaar; per achtergrond</caption>');
    expect([...html.matchAll(/<th scope="col"[^>]*>(?:<!--[^>]*-->)*<button type="button"/g)]).toHaveLength(6);
    expect([...html.matchAll(/<th scope="row"/g)]).toHaveLength(8);
  });
  it('formats nl-NL, right-aligns numbers and shows suppressed cells', () => {
    const cellen = tabelCellen(html);
    expect(cellen).toContain('15.847');
    expect(cellen).toContain('16,5%');
    expect(cellen).toContain('€ 270 mln');
    expect(cellen).toContain('€ 5,8 mld');
    expect(cellen).toContain('<10');
    expect(cellen).toContain('x');
    expect(cellen).toContain('3e kwartaal 2021');
    expect(html).toMatch(/<td class="[^"]*pm-num[^"]*">15\.847<\/td>/);
  });
});

describe('bar chart', () => {
  const regios: ChartData = {
    titel: 'Groei banen per regio',
    bron: 'UWV',
    peildatum: '2017-12-31',
    synthetisch: false,
    kolommen: [
      { key: 'regio', label: 'Regio', type: 'tekst' },
      { key: 'groei', label: 'Groei', type: 'pct' },
    ],
    rijen: [
      { regio: 'Achterhoek', groei: 0.12 },
      { regio: 'Flevoland', groei: 0.21 },
      { regio: 'Zeeland', groei: AFGELEID },
    ],
  };
  const html = render(BarChart, {
    props: { data: regios, categorie: 'regio', waarde: 'groei', sorteer: 'aflopend', markeer: ['Flevoland'], landelijk: { waarde: 0.165, label: 'Nederland' } },
  }).body;
  it('sorts, describes every bar and marks the national value', () => {
    expect(html).toContain('Staafdiagram, Groei: Flevoland 21,0%; Achterhoek 12,0%; Zeeland x.');
    expect(html).toContain('Nederland: 16,5%');
  });
  it('highlights with weight as well as colour, and draws no bar for a suppressed cell', () => {
    expect(html).toMatch(/font-weight="700"[^>]*>Flevoland</);
    expect([...html.matchAll(/<rect /g)]).toHaveLength(2);
  });
});

describe('stacked bar', () => {
  const uitkomst: ChartData = {
    titel: 'Uitkomst na een jaar',
    bron: 'UWV',
    peildatum: '2022-09-30',
    synthetisch: true,
    kolommen: [
      { key: 'achtergrond', label: 'Achtergrond', type: 'tekst' },
      { key: 'werkzaam', label: 'Werkzaam', type: 'pct', decimalen: 0 },
      { key: 'verloren', label: 'Werk verloren', type: 'pct', decimalen: 0 },
      { key: 'uit', label: 'Uit register', type: 'pct', decimalen: 0 },
    ],
    rijen: [
      { achtergrond: 'Wsw', werkzaam: 0.94, verloren: 0.04, uit: 0.02 },
      { achtergrond: 'WIW/ID', werkzaam: AFGELEID, verloren: AFGELEID, uit: AFGELEID },
    ],
  };
  const html = render(StackedBar, { props: { data: uitkomst, categorie: 'achtergrond', delen: ['werkzaam', 'verloren', 'uit'] } }).body;
  it('describes the parts and labels wide segments inside the bar', () => {
    expect(html).toContain('Wsw: Werkzaam 94%, Werk verloren 4%, Uit register 2%');
    expect(html).toMatch(/font-weight="700"[^>]*>94%<\/text>/);
  });
  it('does not draw a row with suppressed parts', () => {
    expect(html).toContain('WIW/ID: Werkzaam x, Werk verloren x, Uit register x');
    expect(html).toContain('niet getoond: groep kleiner dan 10 personen');
    // 3 legend swatches + 3 segments of the one drawable row.
    expect([...html.matchAll(/<rect /g)]).toHaveLength(6);
  });
  it('says so instead of drawing when a part is not a share', () => {
    const fout = render(StackedBar, { props: { data: voorbeeld, categorie: 'groep', delen: ['n'] } }).body;
    expect(fout).toContain('role="alert"');
    expect(fout).toContain('heeft type aantal, verwacht pct');
    expect(fout).not.toContain('<svg');
  });
});

describe('banenafspraak component', () => {
  const html = render(BanenafspraakRealisatie, { props: {} }).body;
  it('shows the frame: title, toggle, downloads, source line and per-figure sources', () => {
    expect(html.replace(/<!--[^>]*-->/g, '')).toContain('>Banenafspraak: extra banen gerealiseerd en doel</h2>');
    expect(html).toMatch(/aria-pressed="true"[^>]*>Grafiek</);
    for (const s of ['SVG', 'PNG', 'CSV']) expect(html).toMatch(new RegExp(`aria-label="Download als ${s}"[^>]*>${s}</button>`));
    expect(html).toContain('peildatum 31-12-2022');
    expect(html).toContain('Bronvermelding per cijfer (52)');
    expect(html).not.toContain('synthetische demodata');
  });
  it('draws three panels with the published values', () => {
    expect([...html.matchAll(/<svg data-pm-export/g)]).toHaveLength(3);
    const labels = ariaLabels(html);
    expect(labels).toContain('2022: Gerealiseerd (jaarmeting) 71.113; Doel (cumulatief) 70.000');
    expect(labels).toContain('2022: Gerealiseerd (jaarmeting) 10.004; Doel (cumulatief) 22.500');
  });
  it('derives the missing 2018 total from markt + overheid and marks it as derived', () => {
    // 44.017 + 7.940 = 51.957: a point of its own in the total panel, and a note.
    expect(ariaLabels(html).some((l) => l.startsWith('2018: ') && l.includes('Afgeleid: markt + overheid 51.957'))).toBe(true);
    expect(html).toContain('2018: geen gepubliceerd totaal; het totaal 51.957 is afgeleid als markt (44.017) + overheid (7.940)');
    expect(html).not.toContain('het totaal wordt niet afgeleid');
  });
});

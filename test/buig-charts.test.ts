/**
 * The chart parts made for the BUIG page: directions as words (richting.ts), the beeswarm layout,
 * and what the new charts draw from a table twin that has no signs (server render, checked on the
 * drawing's own numbers).
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Waterfall from '../src/lib/charts/Waterfall.svelte';
import BarLineChart from '../src/lib/charts/BarLineChart.svelte';
import Beeswarm from '../src/lib/charts/Beeswarm.svelte';
import Choropleth from '../src/lib/charts/Choropleth.svelte';
import { readFileSync } from 'node:fs';
import { REGIO_TOPOJSON_PAD, regioKaart } from '../src/lib/metrics/regio-geo.ts';
import { REGIO_CODES } from '../src/lib/extracts/regions.ts';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { beeswarmY, passendeZwerm } from '../src/lib/charts/beeswarm.ts';
import { getekend, woordKlasse, woordTekst, BIJSTELLING_WOORDEN } from '../src/lib/charts/richting.ts';
import type { Kolom } from '../src/lib/charts/spec.ts';
import { gemeentenZwerm, resultaatJaren, waterval } from './fixtures/chart-golden.ts';

const PCT: Kolom = { key: 'p', label: '%', type: 'pct', decimalen: 1 };

describe('directions as words', () => {
  it('turns an amount and its word into a signed value, and back into words', () => {
    expect([getekend(270, 'tekort'), getekend(159, 'overschot'), getekend(0, 'sluitend'), getekend(5, 'iets'), getekend('n.v.t.', 'tekort')]).toEqual([-270, 159, 0, null, null]);
    expect(getekend(41.6, 'opwaarts', BIJSTELLING_WOORDEN)).toBe(41.6);
    expect([woordTekst(-0.048, PCT), woordTekst(0.025, PCT), woordTekst(-0.0004, PCT)]).toEqual(['tekort 4,8%', 'overschot 2,5%', '0,0%']);
  });

  it('labels map classes in words on both sides of zero', () => {
    const b = { min: -0.1, max: 0.05 };
    expect([
      woordKlasse({ van: null, tot: -0.04 }, PCT, b),
      woordKlasse({ van: -0.04, tot: -0.02 }, PCT, b),
      woordKlasse({ van: -0.02, tot: 0 }, PCT, b),
      woordKlasse({ van: 0, tot: 0.02 }, PCT, b),
      woordKlasse({ van: 0.02, tot: null }, PCT, b),
    ]).toEqual(['tekort 4,0% of meer', 'tekort 2,0% tot 4,0%', 'tekort tot 2,0%', 'overschot tot 2,0%', 'overschot 2,0% of meer']);
    // All values on one side: the open end is the data's own extreme.
    expect(woordKlasse({ van: -0.03, tot: null }, PCT, { min: -0.1, max: -0.01 })).toBe('tekort 1,0% tot 3,0%');
  });
});

describe('beeswarm layout', () => {
  const ok = (xs: number[], ys: number[], d: number) => {
    for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) if (Math.hypot(xs[i] - xs[j], ys[i] - ys[j]) < d - 1e-6) return false;
    return true;
  };

  it('keeps dots apart, on the centre line where there is room', () => {
    // Far apart: all on the line. Three on one x: 0, then +d and −d (ties in input order, positive first? no: the smaller offset, then the lower value).
    expect(beeswarmY([0, 20, 40], 4, 0)).toEqual([0, 0, 0]);
    const ys = beeswarmY([10, 10, 10], 4, 0);
    expect(ys).toEqual([0, -8, 8]);
    // A dot 6 px from another moves up or down by √(8² − 6²).
    expect(beeswarmY([0, 6], 4, 0)[1]).toBeCloseTo(-Math.sqrt(64 - 36), 12);
  });

  it('never overlaps, whatever the input, and gives the same answer twice', () => {
    const xs = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 211) + ((i * 37) % 5) / 10);
    const ys = beeswarmY(xs, 3, 0.5);
    expect(ok(xs, ys, 6.5)).toBe(true);
    expect(beeswarmY(xs, 3, 0.5)).toEqual(ys);
  });

  it('shrinks the dots until the swarm fits, down to a minimum', () => {
    // 25 dots on one x stack 12 deep on each side: 12·(2r + 0,5) + r ≤ 100 holds from r = 3,5 (r = 4 needs 106).
    const xs = Array.from({ length: 25 }, () => 50);
    const { r, ys } = passendeZwerm(xs, 100, 4.5, 1.5);
    expect(r).toBe(3.5);
    expect(Math.max(...ys.map(Math.abs)) + r).toBeCloseTo(93.5, 9);
    expect(passendeZwerm(xs, 10, 4.5, 1.5).r).toBe(1.5);
  });
});

/** Numbers of an attribute on elements matching a tag with a given fill token. */
function rects(html: string, kleur: string): { y: number; h: number }[] {
  return [...html.matchAll(/<rect ([^>]*)>/g)]
    .map((m) => m[1])
    .filter((a) => a.includes(kleur))
    .map((a) => ({ y: Number(/\by="([-\d.]+)"/.exec(a)![1]), h: Number(/\bheight="([-\d.]+)"/.exec(a)![1]) }));
}

describe('what the new charts draw', () => {
  it('waterfall: the tekort spans from the definitief budget up to the uitgaven, the adjustment floats up from voorlopig', () => {
    const html = render(Waterfall, { props: { data: waterval, categorie: 'stap', waarde: 'bedrag', richting: 'richting' } }).body;
    const tekort = rects(html, 'robijnrood');
    const stap = rects(html, 'hemelblauw');
    const niveaus = rects(html, 'lintblauw-500');
    expect(tekort).toHaveLength(1);
    expect(stap).toHaveLength(1);
    expect(niveaus).toHaveLength(3);
    const [voorlopig, definitief, uitgaven] = niveaus;
    // Same pixel scale for all: the tekort's top is the uitgaven bar's top, its bottom the definitief bar's top.
    expect(tekort[0].y).toBeCloseTo(uitgaven.y, 6);
    expect(tekort[0].y + tekort[0].h).toBeCloseTo(definitief.y, 6);
    expect(stap[0].y).toBeCloseTo(definitief.y, 6);
    expect(stap[0].y + stap[0].h).toBeCloseTo(voorlopig.y, 6);
    expect(html).toContain('De verticale as begint niet bij nul');
    expect(html).toContain('Resultaat tekort 270,0');
  });

  it('bars: a tekort hangs below the zero line and an overschot stands on it; the axis shows amounts, the words say the side', () => {
    const html = render(BarLineChart, { props: { data: resultaatJaren, categorie: 'jaar', waarde: 'bedrag', richting: 'uitkomst' } }).body;
    // The legend's two swatches (12 px high at y = 2) are not bars.
    const staaf = (r: { y: number; h: number }) => !(r.y === 2 && r.h === 12);
    const tekort = rects(html, 'robijnrood').filter(staaf);
    const overschot = rects(html, 'groen').filter(staaf);
    expect(tekort).toHaveLength(2);
    expect(overschot).toHaveLength(2);
    const nul = tekort[0].y;
    expect(overschot.every((r) => Math.abs(r.y + r.h - nul) < 1e-6)).toBe(true);
    expect(html).toContain('↑ overschot');
    expect(html).toContain('↓ tekort');
    expect(html).not.toMatch(/>-\d|>−\d/);
    expect(html).toContain('2016 tekort 270,0');
  });

  it('beeswarm: a dot per value, none for n.v.t., the highlighted one named above the swarm', () => {
    const html = render(Beeswarm, { props: { data: gemeentenZwerm, waarde: 'pct', richting: 'uitkomst', naam: 'gemeente', id: 'code', markeer: ['GM0103'] } }).body;
    const teken = (html.match(/<circle [^>]*style="fill: var\(--rhc-color-(robijnrood|groen|cool-grey-700)/g) ?? []).length;
    expect(teken).toBe(22);
    expect(html).toContain('1 zonder waarde (n.v.t.) niet getekend');
    expect(html).toMatch(/>Gemeente 4: overschot [\d,]+<\/text>/);
  });

  it('map: when every region has a tekort, a larger tekort is a darker tekort colour and the legend reads in amounts', () => {
    const kaart = regioKaart(JSON.parse(readFileSync(REGIO_TOPOJSON_PAD, 'utf8')));
    const data: ChartData = {
      titel: 'k', bron: 'b', peildatum: '2016-12-31', synthetisch: false,
      kolommen: [{ key: 'code', label: 'Code', type: 'tekst' }, { key: 'naam', label: 'Regio', type: 'tekst' }, { key: 'uitkomst', label: 'Uitkomst', type: 'tekst' }, { key: 'pct', label: '%', type: 'pct', decimalen: 1 }],
      // Tekort of 0,1% (first region) up to 3,5% (last).
      rijen: REGIO_CODES.map((code, i) => ({ code, naam: code, uitkomst: 'tekort', pct: (i + 1) / 1000 })),
    };
    const html = render(Choropleth, { props: { data, kaart, code: 'code', naam: 'naam', waarde: 'pct', richting: 'uitkomst' } }).body;
    const vulling = (code: string) => new RegExp(`data-code="${code}"[^>]*style="fill: var\\(--rhc-color-([a-z]+-\\d+)`).exec(html)?.[1];
    expect(vulling(REGIO_CODES[0])).toBe('violet-100');
    expect(vulling(REGIO_CODES[34])).toBe('violet-500');
    expect(html).toContain('>tekort tot ');
    expect(html).toMatch(/>tekort [\d,]+% of meer</);
    expect(html).not.toMatch(/>-\d|minder dan/);
  });
});

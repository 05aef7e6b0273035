/**
 * Labels beside points (charts/labels.ts): beside the marker with a gap, never over a marker or
 * another label, left out when there is no room. Positions worked out by hand from the rules:
 * 12 px text, capitals 9 px above the baseline, descenders 3 px below, a 3 px gap.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import XAs from '../src/lib/charts/XAs.svelte';
import { LABEL_GAT, plaatsLabels, puntKader, type GeplaatstLabel, type Kader } from '../src/lib/charts/labels.ts';
import { breekNaam, randVoorLaatste, tekstBreedte } from '../src/lib/charts/layout.ts';

const GROOT: Kader = { x0: 0, y0: 0, x1: 600, y1: 400 };

/** The box a placed label's glyphs take (as the browser would draw them, with the width estimate). */
function kader(l: GeplaatstLabel): Kader {
  const w = tekstBreedte(l.tekst, 12);
  const x0 = l.anker === 'start' ? l.x : l.anker === 'end' ? l.x - w : l.x - w / 2;
  return { x0, y0: l.y - 9, x1: x0 + w, y1: l.y + 3 };
}
const raakt = (a: Kader, b: Kader) => !(a.x1 <= b.x0 || a.x0 >= b.x1 || a.y1 <= b.y0 || a.y0 >= b.y1);

describe('plaatsLabels', () => {
  it('puts a label right of its point, past the edge of the marker and a gap, centred on the point', () => {
    // A triangle reaching 8,75 px: the text starts at 100 + 8,75 + 3 = 111,75; baseline 100 + 9/2.
    const [l] = plaatsLabels([{ x: 100, y: 100, tekst: 'Drenthe', straal: 8.75 }], [puntKader(100, 100, 8.75)], GROOT);
    expect(l).toEqual({ x: 111.75, y: 104.5, anker: 'start', tekst: 'Drenthe', nadruk: false });
    expect(LABEL_GAT).toBe(3);
  });

  it('goes left when the right side is outside the plot, then above when a neighbour takes the left', () => {
    const [links] = plaatsLabels([{ x: 590, y: 100, tekst: 'Zaanstreek/Waterland' }], [], GROOT);
    expect(links).toMatchObject({ x: 582, y: 104.5, anker: 'end' });
    // Right runs past 600, a marker 20 px to the left blocks the left spot; above: baseline 200 − 5 − 3 − 3 = 189.
    const [boven] = plaatsLabels([{ x: 570, y: 200, tekst: 'Drenthe' }], [puntKader(570, 200), puntKader(550, 200)], GROOT);
    expect(boven).toMatchObject({ x: 570, y: 189, anker: 'middle' });
  });

  it('leaves a label out when no side is free', () => {
    // Everything but a 8 px band through the point is taken: no 12 px label fits anywhere.
    const bezet = [puntKader(300, 200), { x0: 0, y0: 0, x1: 600, y1: 196 }, { x0: 0, y0: 204, x1: 600, y1: 400 }];
    expect(plaatsLabels([{ x: 300, y: 200, tekst: 'Midden-Utrecht' }], bezet, GROOT)).toEqual([]);
  });

  it('in a crowded cluster no label touches a marker (its full reach) or another label', () => {
    // 25 triangles of 8,75 px reach on a 22 px grid, every one asking for a label.
    const punten = Array.from({ length: 25 }, (_, i) => ({ x: 200 + (i % 5) * 22, y: 150 + Math.floor(i / 5) * 22, straal: 8.75 }));
    const markers = punten.map((p) => puntKader(p.x, p.y, p.straal));
    const labels = plaatsLabels(
      punten.map((p, i) => ({ ...p, tekst: `Regio ${i + 1}` })),
      markers,
      GROOT,
    );
    expect(labels.length).toBeGreaterThan(0);
    const kaders = labels.map(kader);
    for (const k of kaders) for (const m of markers) expect(raakt(k, m), JSON.stringify({ k, m })).toBe(false);
    for (let i = 0; i < kaders.length; i++) for (let j = i + 1; j < kaders.length; j++) expect(raakt(kaders[i], kaders[j])).toBe(false);
  });
});

describe('XAs thins crowded labels from the last one back', () => {
  it('nine quarters, every third label: the last quarter is labelled', () => {
    const labels = ['2015Q4', '2016Q1', '2016Q2', '2016Q3', '2016Q4', '2017Q1', '2017Q2', '2017Q3', '2017Q4'];
    const html = render(XAs, { props: { ticks: labels.map((_, i) => i), labels, schaal: (i: number) => i * 40, hoogte: 100, stap: 3 } }).body;
    expect([...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['2016Q2', '2017Q1', '2017Q4']);
  });
});

describe('names and axis labels at the edge of a narrow chart', () => {
  it('breekNaam breaks a region name at spaces, slashes and hyphens to fit', () => {
    expect(breekNaam('Zaanstreek/Waterland', 80, 12)).toEqual(['Zaanstreek/', 'Waterland']);
    expect(breekNaam('Stedendriehoek en Noordwest Veluwe', 130, 12)).toEqual(['Stedendriehoek en', 'Noordwest Veluwe']);
    expect(breekNaam('Groningen', 80, 12)).toEqual(['Groningen']);
    for (const r of breekNaam('Zuid-Kennemerland en IJmond', 110, 12)) expect(tekstBreedte(r, 12)).toBeLessThanOrEqual(110);
  });

  it('randVoorLaatste leaves room for half the last label beyond the plot edge', () => {
    // "12.000" at 12 px: five digits of 0,62 em and a point of 0,3 em = 40,8 px; half + 2 = 22,4 → 23.
    expect(randVoorLaatste(['0', '6.000', '12.000'], 16)).toBe(23);
    expect(randVoorLaatste(['0', '5'], 16)).toBe(16);
    // "K4 2024": K, 4, 2, 0, 2, 4 at 0,62 em and a space of 0,28 em = 48 px; a point 10 px inside
    // the edge needs 24 + 2 − 10 = 16 px.
    expect(randVoorLaatste(['K4 2024'], 0, 10)).toBe(16);
  });
});

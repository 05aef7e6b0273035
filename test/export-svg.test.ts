import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from '../src/lib/charts/LineChart.svelte';
import BarChart from '../src/lib/charts/BarChart.svelte';
import { losVarsOp, schoonPaneel, standaloneSvg, svgAfmetingen } from '../src/lib/export/svg.ts';
import { leesDoelen, leesRealisatie, realisatieTegenDoelen } from '../src/lib/published/banenafspraak.ts';
import { voorbeeld } from './fixtures/chart-data.ts';

const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');
const banen = realisatieTegenDoelen(leesRealisatie(lees('banenafspraak_realisatie.csv')), leesDoelen(lees('banenafspraak_doelen.csv')));

/** The outer <svg data-pm-export> of a server-rendered chart. */
function tekening(html: string): string {
  const m = /<svg data-pm-export[\s\S]*?<\/svg>/.exec(html);
  if (!m) throw new Error('geen tekening gevonden');
  return m[0];
}

/** Minimal XML well-formedness: every opened element is closed in order. */
function gebalanceerd(xml: string): boolean {
  const stapel: string[] = [];
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, sluit, naam, zelf] = m;
    if (zelf) continue;
    if (sluit) {
      if (stapel.pop() !== naam) return false;
    } else stapel.push(naam);
  }
  return stapel.length === 0;
}

describe('standalone SVG export', () => {
  const lijn = tekening(
    render(LineChart, {
      props: { data: banen, x: 'jaar', series: [{ key: 'totaal' }, { key: 'doel_totaal', stijl: 'stippel' }] },
    }).body,
  );
  const svg = standaloneSvg(banen, [{ markup: lijn, x: 0, y: 0, breedte: 640, hoogte: 320 }]);

  it('carries title, subtitle, source line with peildatum', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="pm-titel">Banenafspraak: extra banen gerealiseerd en doel</title>');
    expect(svg).toContain('>Officiële jaarmetingen 2015–2022 tegen het cumulatieve doel, per sector</text>');
    expect(svg).toContain('Bron: SZW/UWV, officiële jaarmetingen banenafspraak;');
    expect(svg).toContain('peildatum 31-12-2022');
    expect(svg).not.toContain('synthetische demodata');
  });
  it('has no external references, no CSS variables and no screen-only attributes', () => {
    expect(svg).not.toMatch(/\b(?:href|src)\s*=/);
    expect(svg).not.toMatch(/url\(/);
    expect(svg).not.toMatch(/@import|<image|<script|<foreignObject/i);
    expect(svg).not.toContain('var(');
    expect(svg).not.toMatch(/tabindex|data-pm-export|class=/);
    expect(svg).not.toContain('<!--');
  });
  it('resolves token colours to the design-token values', () => {
    expect(svg).toContain('stroke: #154273'); // lintblauw-500, first series
    expect(svg).toContain('stroke: #e17000'); // oranje-500, second series
    expect(svg).toContain('font-family="&apos;Fira Sans&apos;, Arial, Verdana, sans-serif"');
  });
  it('is well-formed and sized to fit the panel plus margins', () => {
    expect(gebalanceerd(svg)).toBe(true);
    const { breedte, hoogte } = svgAfmetingen(svg);
    expect(breedte).toBe(640 + 32);
    expect(hoogte).toBeGreaterThan(320 + 60);
    expect(svg).toMatch(/<svg viewBox="0 0 640 320"[^>]* x="16" y="\d+" width="640" height="320">/);
  });
  it('labels synthetic data in the drawing and the footer, and explains suppressed cells', () => {
    const staaf = tekening(render(BarChart, { props: { data: voorbeeld, categorie: 'groep', waarde: 'n' } }).body);
    const s = standaloneSvg(voorbeeld, [{ markup: staaf, x: 0, y: 0, breedte: 640, hoogte: 300 }]);
    expect(s).toContain('>synthetische demodata</text>');
    expect(s).toContain('Let op: synthetische demodata, geen gepubliceerde cijfers.');
    expect(s).toContain('&lt;10: minder dan 10 personen');
    expect(s).toContain('>&lt;10</text>');
    expect(gebalanceerd(s)).toBe(true);
  });
  it('escapes text that looks like markup', () => {
    const s = standaloneSvg({ ...voorbeeld, titel: 'A < B & "C"', synthetisch: false }, []);
    expect(s).toContain('A &lt; B &amp; &quot;C&quot;');
  });
});

describe('SVG helpers', () => {
  it('resolves var() with the resolver first, then the token, then the fallback', () => {
    expect(losVarsOp('fill: var(--rhc-color-lintblauw-500, #000)')).toBe('fill: #154273');
    expect(losVarsOp('fill: var(--onbekend, #123456)')).toBe('fill: #123456');
    expect(losVarsOp('fill: var(--onbekend)')).toBe('fill: currentColor');
    expect(losVarsOp('fill: var(--x, #000)', (n) => (n === '--x' ? ' #abcdef ' : undefined))).toBe('fill: #abcdef');
  });
  it('keeps attributes intact when the browser reports a font list with double quotes', () => {
    const oplosser = (n: string) => (n === '--rhc-text-font-family-sans' ? '"Fira Sans", Arial, sans-serif' : undefined);
    const paneel = '<svg viewBox="0 0 10 10" style="font-family: var(--rhc-text-font-family-sans, Arial);"><text>a</text></svg>';
    const s = standaloneSvg(voorbeeld, [{ markup: paneel, x: 0, y: 0, breedte: 10, hoogte: 10 }], oplosser);
    expect(s).toContain(`style="font-family: 'Fira Sans', Arial, sans-serif;"`);
    expect(s).toContain('font-family="&apos;Fira Sans&apos;, Arial, sans-serif"');
    expect(gebalanceerd(s)).toBe(true);
  });
  it('trims coordinates but never numbers in text', () => {
    const uit = schoonPaneel('<line x1="1.23456" y1="203.20000000000002"/><text aria-label="15.847">15.847</text>');
    expect(uit).toBe('<line x1="1.23" y1="203.20"/><text aria-label="15.847">15.847</text>');
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contrast, KLEUR, kleur, markerPad, REEKS_KLEUREN, tekstKleurOp, tokenWaarde } from '../src/lib/charts/palette.ts';

/** Token values as the stylesheet defines them, aliases (var(--x)) followed. */
function cssTokens(): Map<string, string> {
  const pad = createRequire(import.meta.url).resolve('@rijkshuisstijl-community/design-tokens/dist/root.css');
  const css = readFileSync(pad, 'utf8');
  const ruw = new Map([...css.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
  const los = (v: string, diepte = 0): string => {
    const m = /^var\((--[\w-]+)\)$/.exec(v);
    return m && diepte < 10 ? los(ruw.get(m[1]) ?? v, diepte + 1) : v;
  };
  return new Map([...ruw].map(([k, v]) => [k, los(v)]));
}

describe('chart colours from the Rijkshuisstijl tokens', () => {
  const css = cssTokens();
  const wit = KLEUR.achtergrond.hex;

  it('match the token stylesheet value for value', () => {
    for (const k of [...REEKS_KLEUREN, ...Object.values(KLEUR)]) expect(k.hex.toLowerCase()).toBe(css.get(k.token)?.toLowerCase());
    expect(wit).toBe('#ffffff');
  });
  it('give every series at least 3:1 against the background (WCAG 1.4.11)', () => {
    for (const k of REEKS_KLEUREN) expect(contrast(k.hex, wit)).toBeGreaterThanOrEqual(3);
    expect(contrast(KLEUR.referentie.hex, wit)).toBeGreaterThanOrEqual(3);
    expect(contrast(KLEUR.gedempt.hex, wit)).toBeGreaterThanOrEqual(3);
    expect(contrast(KLEUR.as.hex, wit)).toBeGreaterThanOrEqual(3);
  });
  it('keep text at 4.5:1: axis text on white and labels inside segments', () => {
    expect(contrast(KLEUR.tekst.hex, wit)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(KLEUR.tekstSubtiel.hex, wit)).toBeGreaterThanOrEqual(4.5);
    for (const k of REEKS_KLEUREN) expect(contrast(tekstKleurOp(k).hex, k.hex)).toBeGreaterThanOrEqual(4.5);
  });
  it('computes WCAG contrast correctly on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#154273', '#ffffff')).toBeCloseTo(10.2, 1);
    expect(contrast('#e17000', '#ffffff')).toBeCloseTo(3.22, 2);
  });
  it('refers to tokens by CSS name with the value as fallback, and rejects unknown tokens', () => {
    expect(kleur('--rhc-color-oranje-500').css).toBe('var(--rhc-color-oranje-500, #e17000)');
    expect(tokenWaarde('--rhc-color-cool-grey-700')).toBe('#334155');
    expect(() => kleur('--rhc-color-bestaat-niet')).toThrow(/Onbekend design token/);
  });
  it('has distinct marker shapes', () => {
    const vormen = (['cirkel', 'vierkant', 'driehoek', 'ruit'] as const).map((v) => markerPad(v, 4));
    expect(new Set(vormen).size).toBe(4);
  });
});

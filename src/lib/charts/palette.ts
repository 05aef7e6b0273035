/**
 * Chart colours, all taken from the Rijkshuisstijl design tokens. Marks refer to the CSS custom
 * property (so a theme can restyle them) with the token's own value as fallback (so a chart
 * still has its colours where the token stylesheet is not loaded, and an exported SVG can be
 * resolved to plain colours). Every series colour has at least 3:1 contrast on white (WCAG 2.1
 * 1.4.11, checked in test/chart-palette.test.ts); series also differ by marker shape and dash,
 * never by colour alone.
 */
import * as tokens from '@rijkshuisstijl-community/design-tokens/dist/index.js';

export interface Kleur {
  /** CSS custom property name, e.g. --rhc-color-lintblauw-500. */
  token: string;
  /** The token's value from the design-tokens package. */
  hex: string;
  /** For use in style attributes: var(--token, hex). */
  css: string;
}

/** '--rhc-color-cool-grey-700' → tokens.rhcColorCoolGrey700. */
function tokenNaam(cssNaam: string): string {
  return cssNaam
    .replace(/^--/, '')
    .split('-')
    .map((deel, i) => (i === 0 ? deel : deel.charAt(0).toUpperCase() + deel.slice(1)))
    .join('');
}

/** The literal value of a design token by its CSS name, or undefined if unknown. */
export function tokenWaarde(cssNaam: string): string | undefined {
  const v = (tokens as Record<string, unknown>)[tokenNaam(cssNaam)];
  return typeof v === 'string' ? v : undefined;
}

export function kleur(token: string): Kleur {
  const hex = tokenWaarde(token);
  if (!hex) throw new Error(`Onbekend design token: ${token}`);
  return { token, hex, css: `var(${token}, ${hex})` };
}

/**
 * Categorical series colours in order. Alternating dark and mid hues so neighbouring series
 * stay apart in greyscale print as well.
 */
export const REEKS_KLEUREN: readonly Kleur[] = [
  kleur('--rhc-color-lintblauw-500'),
  kleur('--rhc-color-oranje-500'),
  kleur('--rhc-color-hemelblauw-500'),
  kleur('--rhc-color-violet-500'),
  kleur('--rhc-color-groen-500'),
  kleur('--rhc-color-bruin-500'),
  kleur('--rhc-color-donkerblauw-500'),
  kleur('--rhc-color-robijnrood-500'),
];

export function reeksKleur(i: number): Kleur {
  return REEKS_KLEUREN[((i % REEKS_KLEUREN.length) + REEKS_KLEUREN.length) % REEKS_KLEUREN.length];
}

/** Neutral colours for text, axes and grid lines. */
export const KLEUR = {
  tekst: kleur('--rhc-color-foreground-default'),
  tekstSubtiel: kleur('--rhc-color-foreground-subtle'),
  as: kleur('--rhc-color-border-default'),
  raster: kleur('--rhc-color-cool-grey-200'),
  achtergrond: kleur('--rhc-color-bg-document'),
  /** Reference lines (national value, targets): dark grey, not a series colour. */
  referentie: kleur('--rhc-color-cool-grey-700'),
  /** A bar that is not highlighted when one is. */
  gedempt: kleur('--rhc-color-lintblauw-400'),
  markering: kleur('--rhc-color-oranje-500'),
  wit: kleur('--rhc-color-wit'),
  zwart: kleur('--rhc-color-zwart'),
} as const;

/** Attributes for a text halo in the background colour, so labels stay legible over lines. */
export const HALO = { 'stroke-width': 3, 'paint-order': 'stroke', 'stroke-linejoin': 'round' } as const;

export const FONT = `var(--rhc-text-font-family-sans, ${tokenWaarde('--rhc-text-font-family-sans') ?? 'Arial, sans-serif'})`;

/** Relative luminance of #rrggbb (WCAG 2.1 definition). */
export function luminantie(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Geen #rrggbb-kleur: ${hex}`);
  const kanalen = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255);
  const [r, g, b] = kanalen.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminantie(a), luminantie(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Text colour (white or the default text colour) with the higher contrast on a fill. */
export function tekstKleurOp(vlak: Kleur): Kleur {
  return contrast(vlak.hex, KLEUR.wit.hex) >= contrast(vlak.hex, KLEUR.tekst.hex) ? KLEUR.wit : KLEUR.tekst;
}

export type MarkerVorm = 'cirkel' | 'vierkant' | 'driehoek' | 'ruit' | 'geen';
export const MARKER_VORMEN: readonly MarkerVorm[] = ['cirkel', 'vierkant', 'driehoek', 'ruit'];

/** SVG path of a marker centred on 0,0 with roughly equal visual area. */
export function markerPad(vorm: MarkerVorm, r: number): string {
  switch (vorm) {
    case 'cirkel':
      return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
    case 'vierkant': {
      const s = r * 0.89;
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
    case 'driehoek': {
      const h = r * 1.25;
      return `M0,${-h}L${h * 0.95},${h * 0.7}H${-h * 0.95}Z`;
    }
    case 'ruit': {
      const s = r * 1.3;
      return `M0,${-s}L${s},0L0,${s}L${-s},0Z`;
    }
    case 'geen':
      return '';
  }
}

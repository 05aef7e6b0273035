/**
 * Standalone SVG export: the chart drawing(s) wrapped with title, subtitle, the
 * "synthetische demodata" label, source line with peildatum and footnotes. Everything is
 * inline (no stylesheet, no CSS variables, no external references), so the file opens the
 * same in a browser, Word, PowerPoint or Inkscape. Pure string work: testable without a DOM.
 */
import { bronRegel, LABEL_SYNTHETISCH, NOOT_SYNTHETISCH, toelichtingen, type ChartData } from '../charts/spec.ts';
import { KLEUR, tokenWaarde } from '../charts/palette.ts';
import { breekRegels } from '../charts/layout.ts';

/** One drawing (the outer <svg> of a chart) and where it sat in the frame on screen. */
export interface SvgPaneel {
  markup: string;
  x: number;
  y: number;
  breedte: number;
  hoogte: number;
}

export type VarOplosser = (naam: string) => string | undefined;

const MARGE = 16;
const TITEL_PX = 18;
const SUB_PX = 13;
const VOET_PX = 11;

export function escapeXml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * Replaces var(--name, fallback) by a plain value: the resolver's answer (computed style in the
 * browser), else the design-token value, else the fallback.
 */
export function losVarsOp(tekst: string, oplosser?: VarOplosser): string {
  const patroon = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*?))?\s*\)/g;
  let uit = tekst;
  // Repeat: a resolved value may itself hold var(...) from a token alias.
  for (let i = 0; i < 5 && uit.includes('var('); i++) {
    uit = uit.replace(patroon, (_m, naam: string, terugval?: string) => {
      const v = oplosser?.(naam)?.trim() || tokenWaarde(naam) || terugval?.trim();
      // The value lands inside an XML attribute: double quotes (browsers report font names
      // as "Fira Sans") become single quotes, markup characters are dropped.
      return v ? v.replaceAll('"', "'").replace(/[<>&]/g, '') : 'currentColor';
    });
  }
  return uit;
}

/** Removes what only makes sense on screen: comments, focus/ARIA plumbing, classes, ids. */
export function schoonPaneel(markup: string): string {
  return markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|transform|points)="([^"]*)"/g, (_m, naam: string, waarde: string) =>
      ` ${naam}="${waarde.replace(/(\d+\.\d{2})\d+/g, '$1')}"`,
    )
    .replace(/\s(?:class|tabindex|data-[\w-]+|aria-labelledby|aria-describedby|role)="[^"]*"/g, '')
    .replace(/&nbsp;/g, '&#160;');
}

function tekstRegels(regels: string[], x: number, y: number, px: number, kleur: string, extra = ''): string {
  return regels
    .map(
      (r, i) =>
        `<text x="${x}" y="${y + i * Math.round(px * 1.35)}" font-size="${px}" fill="${kleur}"${extra}>${escapeXml(r)}</text>`,
    )
    .join('\n');
}

/**
 * The full standalone document. Panels keep their on-screen positions; the canvas is as wide as
 * the widest panel (at least 480 px) plus margins.
 */
export function standaloneSvg(data: ChartData, panelen: readonly SvgPaneel[], oplosser?: VarOplosser): string {
  const inhoudB = Math.max(480, ...panelen.map((p) => p.x + p.breedte));
  const B = Math.ceil(inhoudB + 2 * MARGE);
  const tekstB = B - 2 * MARGE;
  const kleurTekst = losVarsOp(KLEUR.tekst.css, oplosser);
  const kleurSubtiel = losVarsOp(KLEUR.tekstSubtiel.css, oplosser);
  const font = losVarsOp('var(--rhc-text-font-family-sans)', oplosser);

  const delen: string[] = [];
  let y = MARGE + TITEL_PX;

  const badge = data.synthetisch ? LABEL_SYNTHETISCH : '';
  const badgeB = badge ? Math.ceil(badge.length * 6.6 + 16) : 0;
  const titelRegels = breekRegels(data.titel, tekstB - (badge ? badgeB + 12 : 0), TITEL_PX);
  delen.push(tekstRegels(titelRegels, MARGE, y, TITEL_PX, kleurTekst, ' font-weight="700"'));
  if (badge) {
    const bx = B - MARGE - badgeB;
    const by = y - TITEL_PX + 1;
    const badgeVlak = losVarsOp('var(--rhc-color-donkergeel-50)', oplosser);
    const badgeRand = losVarsOp('var(--rhc-color-bruin-500)', oplosser);
    delen.push(
      `<g><rect x="${bx}" y="${by}" width="${badgeB}" height="22" rx="3" fill="${badgeVlak}" stroke="${badgeRand}"/>` +
        `<text x="${bx + badgeB / 2}" y="${by + 15}" font-size="12" font-weight="700" text-anchor="middle" fill="${kleurTekst}">${escapeXml(badge)}</text></g>`,
    );
  }
  y += (titelRegels.length - 1) * Math.round(TITEL_PX * 1.35);
  if (data.ondertitel) {
    const sub = breekRegels(data.ondertitel, tekstB, SUB_PX);
    y += Math.round(SUB_PX * 1.6);
    delen.push(tekstRegels(sub, MARGE, y, SUB_PX, kleurSubtiel));
    y += (sub.length - 1) * Math.round(SUB_PX * 1.35);
  }
  y += 14;

  const top = y;
  let onderkant = top;
  for (const p of panelen) {
    const schoon = losVarsOp(schoonPaneel(p.markup), oplosser);
    // Each drawing becomes a nested <svg> at its on-screen position.
    const genest = schoon.replace(
      /^<svg\b([^>]*)>/,
      (_m, attrs: string) =>
        `<svg${attrs.replace(/\s(?:x|y|width|height|xmlns)="[^"]*"/g, '')} x="${MARGE + p.x}" y="${top + p.y}" width="${p.breedte}" height="${p.hoogte}">`,
    );
    delen.push(genest);
    onderkant = Math.max(onderkant, top + p.y + p.hoogte);
  }

  y = onderkant + 20;
  const voet: string[] = [bronRegel(data)];
  if (data.synthetisch) voet.push(NOOT_SYNTHETISCH);
  voet.push(...toelichtingen(data));
  for (const v of voet) {
    const regels = breekRegels(v, tekstB, VOET_PX);
    delen.push(tekstRegels(regels, MARGE, y, VOET_PX, kleurSubtiel));
    y += regels.length * Math.round(VOET_PX * 1.35) + 3;
  }
  const H = Math.ceil(y + MARGE - 6);

  const achtergrond = losVarsOp(KLEUR.achtergrond.css, oplosser);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${B}" height="${H}" viewBox="0 0 ${B} ${H}" role="img" aria-labelledby="pm-titel pm-bron" font-family="${escapeXml(font)}">\n` +
    `<title id="pm-titel">${escapeXml(data.titel)}</title>\n` +
    `<desc id="pm-bron">${escapeXml([data.ondertitel, bronRegel(data), data.synthetisch ? LABEL_SYNTHETISCH : ''].filter(Boolean).join('. '))}</desc>\n` +
    `<rect width="${B}" height="${H}" fill="${achtergrond}"/>\n` +
    delen.join('\n') +
    `\n</svg>\n`
  );
}

/** Width and height declared on a standalone SVG (used to size the PNG canvas). */
export function svgAfmetingen(svg: string): { breedte: number; hoogte: number } {
  const m = /<svg\b[^>]*\bwidth="(\d+(?:\.\d+)?)"[^>]*\bheight="(\d+(?:\.\d+)?)"/.exec(svg);
  if (!m) throw new Error('SVG zonder breedte en hoogte');
  return { breedte: Number(m[1]), hoogte: Number(m[2]) };
}

/**
 * Browser side: serialises the drawings (elements marked data-pm-export) inside a container,
 * with their positions relative to it, and resolves CSS variables from computed style.
 */
export function panelenUit(container: HTMLElement): SvgPaneel[] {
  const basis = container.getBoundingClientRect();
  const serializer = new XMLSerializer();
  return Array.from(container.querySelectorAll<SVGSVGElement>('svg[data-pm-export]')).map((el) => {
    const box = el.getBoundingClientRect();
    return {
      markup: serializer.serializeToString(el),
      x: Math.round(box.left - basis.left),
      y: Math.round(box.top - basis.top),
      breedte: Math.round(box.width) || Number(el.getAttribute('width')) || 0,
      hoogte: Math.round(box.height) || Number(el.getAttribute('height')) || 0,
    };
  });
}

export function computedOplosser(el: Element): VarOplosser {
  const stijl = getComputedStyle(el);
  return (naam) => stijl.getPropertyValue(naam) || undefined;
}

/**
 * Golden SVG files (Observable Plot's test/plot.js is the model). A server-rendered chart is
 * normalised — Svelte's comments gone, ids numbered in order, attributes and style declarations
 * sorted, coordinates rounded to 2 decimals, one element per line — so the file only changes when
 * the drawing does. Every top-level <svg> of the chart (the drawing and its interaction layer) is
 * placed in one root <svg>, stacked, so the file opens in a browser for review.
 *
 * A mismatch writes <naam>-changed.svg next to the golden file and fails: review it, and if the
 * change is intended, move it over the golden file. A missing golden file is written (and the
 * test passes) on a developer's machine; under CI it fails: CI never creates golden files.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Attributes whose numbers are text for people, never rounded. */
const TEKST_ATTRIBUUT = /^(?:aria-|role$|id$|class$|data-)/;

export const isCi = (): boolean => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** The top-level <svg>…</svg> blocks of rendered HTML, in order (nested svgs stay inside). */
export function svgBlokken(html: string): string[] {
  const zonder = html.replace(/<!--[\s\S]*?-->/g, '');
  const blokken: string[] = [];
  let diepte = 0;
  let begin = -1;
  for (const m of zonder.matchAll(/<(\/?)svg\b[^>]*?(\/?)>/g)) {
    if (m[2]) continue;
    if (!m[1]) {
      if (diepte++ === 0) begin = m.index;
    } else if (--diepte === 0) blokken.push(zonder.slice(begin, m.index + m[0].length));
  }
  return blokken;
}

/** Svelte's scoping classes (svelte-1sasd0j) change with any CSS edit; they are not the drawing. */
const zonderScope = (klassen: string) => klassen.split(/\s+/).filter((k) => k && !/^svelte-[a-z0-9]+$/.test(k)).join(' ');

type Token = { soort: 'open' | 'sluit' | 'leeg'; naam: string; attrs: [string, string][] } | { soort: 'tekst'; tekst: string };

function tokens(xml: string): Token[] {
  const uit: Token[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      if (m[5].trim()) uit.push({ soort: 'tekst', tekst: m[5].trim() });
      continue;
    }
    const attrs = [...m[3].matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)]
      .map((a): [string, string] => [a[1], a[1] === 'class' ? zonderScope(a[2] ?? '') : (a[2] ?? '')])
      .filter(([n, w]) => n !== 'class' || w !== '');
    uit.push({ soort: m[1] ? 'sluit' : m[4] ? 'leeg' : 'open', naam: m[2], attrs });
  }
  return uit;
}

const rond = (s: string) => s.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (g) => {
  const v = Number(g);
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
});

function normaalAttribuut(naam: string, waarde: string): string {
  if (naam === 'style') {
    return waarde
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .sort()
      .join('; ');
  }
  return TEKST_ATTRIBUUT.test(naam) ? waarde : rond(waarde);
}

/** Numbers ids (and everything that refers to them) in order of appearance. */
function hernoemIds(tekst: string): string {
  const ids = [...new Set([...tekst.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))];
  // Longest first, so "s1-t" is not half-replaced by "s1".
  const volgorde = ids.map((id, i) => ({ id, nieuw: `id${i + 1}` })).sort((a, b) => b.id.length - a.id.length);
  let uit = tekst;
  for (const { id, nieuw } of volgorde) {
    uit = uit.replace(new RegExp(`(?<=["#\\s])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=["\\s)])`, 'g'), nieuw);
  }
  return uit;
}

function opmaak(lijst: Token[], diepteStart = 1): string[] {
  const regels: string[] = [];
  let diepte = diepteStart;
  const tag = (t: Extract<Token, { naam: string }>, zelfSluitend: boolean) => {
    const attrs = [...t.attrs]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([n, w]) => ` ${n}="${normaalAttribuut(n, w)}"`)
      .join('');
    return `<${t.naam}${attrs}${zelfSluitend ? '/' : ''}>`;
  };
  for (let i = 0; i < lijst.length; i++) {
    const t = lijst[i];
    const inspring = '  '.repeat(diepte);
    if (t.soort === 'tekst') regels.push(inspring + t.tekst);
    else if (t.soort === 'leeg') regels.push(inspring + tag(t, true));
    else if (t.soort === 'sluit') regels.push('  '.repeat(--diepte) + `</${t.naam}>`);
    else {
      const volgende = lijst[i + 1];
      const daarna = lijst[i + 2];
      if (volgende?.soort === 'sluit') {
        regels.push(inspring + tag(t, true));
        i += 1;
      } else if (volgende?.soort === 'tekst' && daarna?.soort === 'sluit') {
        regels.push(`${inspring}${tag(t, false)}${volgende.tekst}</${t.naam}>`);
        i += 2;
      } else {
        regels.push(inspring + tag(t, false));
        diepte++;
      }
    }
  }
  return regels;
}

/**
 * One reviewable SVG document from a chart's rendered HTML: drawings stacked top to bottom, an
 * interaction layer (class pm-overlay) over the drawing before it, as on screen.
 */
export function goldenSvg(html: string): string {
  const blokken = svgBlokken(html);
  if (blokken.length === 0) throw new Error('geen <svg> in de uitvoer');
  let y = 0;
  let vorigeY = 0;
  let breedte = 0;
  let hoogte = 0;
  const delen: string[] = [];
  for (const blok of blokken) {
    const lijst = tokens(blok);
    const wortel = lijst[0] as Extract<Token, { naam: string }>;
    const attr = (n: string) => Number(wortel.attrs.find(([a]) => a === n)?.[1] ?? 0);
    const laag = wortel.attrs.some(([n, w]) => n === 'class' && /\bpm-overlay\b/.test(w));
    const top = laag ? vorigeY : y;
    wortel.attrs = [...wortel.attrs.filter(([n]) => n !== 'x' && n !== 'y' && n !== 'xmlns'), ['x', '0'], ['y', String(top)]];
    delen.push(...opmaak(lijst));
    breedte = Math.max(breedte, attr('width'));
    hoogte = Math.max(hoogte, top + attr('height'));
    if (!laag) {
      vorigeY = y;
      y += attr('height');
    }
  }
  const kop = `<svg xmlns="${SVG_NS}" width="${rond(String(breedte))}" height="${rond(String(hoogte))}" viewBox="0 0 ${rond(String(breedte))} ${rond(String(hoogte))}">`;
  return hernoemIds([kop, ...delen, '</svg>'].join('\n')) + '\n';
}

/** Compares with the golden file; see the header for what happens on a mismatch or without one. */
export function vergelijkMetGolden(pad: URL, inhoud: string): { ok: true } | { ok: false; reden: string } {
  const bestand = fileURLToPath(pad);
  const gewijzigd = bestand.replace(/(\.[^./]+)$/, '-changed$1');
  if (!existsSync(bestand)) {
    if (isCi()) return { ok: false, reden: `golden file ontbreekt: ${bestand} (CI maakt geen golden files; draai de test lokaal en commit het bestand)` };
    mkdirSync(dirname(bestand), { recursive: true });
    writeFileSync(bestand, inhoud);
    console.warn(`golden file geschreven: ${bestand}`);
    return { ok: true };
  }
  if (readFileSync(bestand, 'utf8') === inhoud) {
    if (existsSync(gewijzigd)) unlinkSync(gewijzigd);
    return { ok: true };
  }
  writeFileSync(gewijzigd, inhoud);
  return { ok: false, reden: `afwijking van ${bestand}; bekijk ${gewijzigd} en vervang het golden file alleen als de wijziging bedoeld is` };
}

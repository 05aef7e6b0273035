/**
 * A very small literate-notebook runtime: prose cells (a little Markdown), code cells that show
 * their code and render their result (a table or text), and a static HTML page at the end.
 * Enough for a report that is rebuilt in CI from the project's own metric functions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Tabel {
  kolommen: { key: string; label: string; uitlijning?: 'links' | 'rechts' }[];
  rijen: Record<string, string | number | null>[];
  /** Optional CSS class per row (e.g. 'buiten'). */
  klasse?: (rij: Record<string, string | number | null>) => string | undefined;
}

type Blok =
  | { soort: 'md'; html: string }
  | { soort: 'cel'; titel: string; code: string; uitvoer: string; ms: number };

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Minimal Markdown: #/##/### headings, paragraphs, "- " lists, `code`, **bold**, [text](url). */
export function markdown(tekst: string): string {
  const inline = (s: string) => esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
  const uit: string[] = [];
  for (const blok of tekst.trim().split(/\n\s*\n/)) {
    const regels = blok.split('\n').map((r) => r.trim());
    const kop = /^(#{1,3}) (.*)$/.exec(regels[0]);
    if (kop && regels.length === 1) uit.push(`<h${kop[1].length + 1}>${inline(kop[2])}</h${kop[1].length + 1}>`);
    else if (regels.every((r) => r.startsWith('- '))) uit.push(`<ul>${regels.map((r) => `<li>${inline(r.slice(2))}</li>`).join('')}</ul>`);
    else uit.push(`<p>${inline(regels.join(' '))}</p>`);
  }
  return uit.join('\n');
}

export function tabelHtml(t: Tabel): string {
  const kop = t.kolommen.map((k) => `<th scope="col" class="${k.uitlijning === 'rechts' ? 'r' : ''}">${esc(k.label)}</th>`).join('');
  const rijen = t.rijen.map((r) => {
    const klasse = t.klasse?.(r);
    return `<tr${klasse ? ` class="${klasse}"` : ''}>${t.kolommen.map((k) => `<td class="${k.uitlijning === 'rechts' ? 'r' : ''}">${r[k.key] === null || r[k.key] === undefined ? '' : String(r[k.key])}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<div class="tabel"><table><thead><tr>${kop}</tr></thead><tbody>${rijen}</tbody></table></div>`;
}

export class Notebook {
  private blokken: Blok[] = [];

  constructor(private readonly titel: string) {}

  md(tekst: string): void {
    this.blokken.push({ soort: 'md', html: markdown(tekst) });
  }

  /** Raw HTML (already escaped by the caller). */
  html(html: string): void {
    this.blokken.push({ soort: 'md', html });
  }

  /** A code cell: `code` is what the reader sees; `f` computes the output (a table or HTML). */
  async cel(titel: string, code: string, f: () => Promise<Tabel | string>): Promise<void> {
    const t0 = performance.now();
    const r = await f();
    this.blokken.push({ soort: 'cel', titel, code: code.trim(), uitvoer: typeof r === 'string' ? r : tabelHtml(r), ms: performance.now() - t0 });
  }

  schrijf(bestand: string): void {
    mkdirSync(dirname(bestand), { recursive: true });
    const inhoud = this.blokken.map((b) => b.soort === 'md' ? b.html : `<section class="cel"><h4>${esc(b.titel)}</h4>
<details><summary>Code</summary><pre><code>${esc(b.code)}</code></pre></details>
${b.uitvoer}</section>`).join('\n');
    writeFileSync(bestand, `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(this.titel)}</title>
<style>
  body { font-family: system-ui, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; max-width: 72rem; margin: 0 auto; padding: 1.5rem; line-height: 1.5; }
  h1 { color: #154273; } h2 { color: #154273; border-bottom: 2px solid #154273; padding-bottom: .2rem; margin-top: 2.2rem; }
  h3, h4 { color: #154273; }
  .label { display: inline-block; background: #f9e11e; color: #000; font-weight: 600; padding: .1rem .5rem; border-radius: 3px; }
  .tabel { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .5rem 0 1rem; }
  th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .45rem; text-align: left; vertical-align: top; }
  th { background: #eef2f7; } .r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.buiten td { background: #fde2e1; } tr.uitzondering td { background: #fff6d6; }
  code { background: #f3f4f6; padding: 0 .2rem; border-radius: 3px; } pre { background: #f6f8fa; padding: .7rem; overflow-x: auto; font-size: .8rem; }
  .cel { border-left: 3px solid #b2c2d6; padding-left: .8rem; margin: 1rem 0; } details summary { cursor: pointer; color: #154273; }
  .noot { color: #444; font-size: .82rem; } a { color: #154273; }
</style>
</head>
<body>
<h1>${esc(this.titel)}</h1>
${inhoud}
</body>
</html>
`);
  }
}

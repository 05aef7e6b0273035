/**
 * The briefing as rich text for the clipboard (an e-mail): headings, paragraphs, simple tables
 * and source lines, all styled inline because mail programs drop stylesheets; and a plain-text
 * twin for programs that take only text. Charts are left out: most mail programs block embedded
 * images, and the Word export has them. Cells as the page shows them ("<10", "x" included).
 */
import { celTekst, isNumeriek, type ChartData } from '../charts/spec.ts';
import { kopieerNaarKlembord } from '../export/briefing.ts';
import { escapeXml as esc } from '../export/svg.ts';
import { sectieNoten, synthetischeNoot } from './export-delen.ts';
import type { BriefingDocument } from './types.ts';

const LETTER = 'font-family: Calibri, Arial, sans-serif; color: #000000;';
const KLEIN = 'font-size: 9pt; color: #444444; margin: 2pt 0;';
const CEL = 'border: 1px solid #b3b3b3; padding: 2pt 6pt; vertical-align: top;';

const rechts = (k: ChartData['kolommen'][number]) => isNumeriek(k.type) || k.type === 'jaar';

function htmlTabel(tabel: ChartData, nummer: number): string {
  const kop = tabel.kolommen
    .map((k) => `<th style="${CEL} background: #e6e6e6; text-align: ${rechts(k) ? 'right' : 'left'};">${esc(k.label)}</th>`)
    .join('');
  const rijen = tabel.rijen
    .map(
      (rij) =>
        '<tr>' +
        tabel.kolommen
          .map((k) => `<td style="${CEL} text-align: ${rechts(k) ? 'right; white-space: nowrap' : 'left'};">${esc(celTekst(rij[k.key], k))}</td>`)
          .join('') +
        '</tr>',
    )
    .join('\n');
  return (
    `<p style="${LETTER} font-weight: bold; margin: 8pt 0 2pt;">Tabel ${nummer}. ${esc(tabel.titel)}</p>\n` +
    `<table style="${LETTER} border-collapse: collapse; font-size: 10pt;">\n<thead><tr>${kop}</tr></thead>\n<tbody>\n${rijen}\n</tbody>\n</table>`
  );
}

/** The document as HTML for the clipboard. */
export function naarHtml(doc: BriefingDocument): string {
  const delen: string[] = [
    `<h1 style="${LETTER} font-size: 16pt;">${esc(doc.titel)}</h1>`,
    `<p style="${LETTER}">Datum: ${esc(doc.datum)}<br>Peildatum van de gegevens: ${esc(doc.peildatum)}</p>`,
  ];
  if (doc.adres) delen.push(`<p style="${LETTER}">Deze briefing openen: <a href="${esc(doc.adres)}">${esc(doc.adres)}</a></p>`);
  let tabelNummer = 0;
  for (const s of doc.secties) {
    delen.push(`<h2 style="${LETTER} font-size: 13pt; margin: 14pt 0 4pt;">${esc(s.kop)}</h2>`);
    if (s.alinea) delen.push(`<p style="${LETTER}">${esc(s.alinea)}</p>`);
    if (s.tabel) delen.push(htmlTabel(s.tabel, ++tabelNummer));
    delen.push(`<p style="${LETTER} ${KLEIN}">${esc(s.bronRegel)}</p>`);
    const noot = synthetischeNoot(s);
    if (noot) delen.push(`<p style="${LETTER} ${KLEIN} font-weight: bold;">${esc(noot)}</p>`);
    for (const n of sectieNoten(s)) delen.push(`<p style="${LETTER} ${KLEIN}">${esc(n)}</p>`);
  }
  return `<div style="${LETTER} font-size: 11pt;">\n${delen.join('\n')}\n</div>\n`;
}

/** The plain-text twin: the same order; table rows with tabs between cells (they paste into a sheet). */
export function naarPlatteTekst(doc: BriefingDocument): string {
  const blokken: string[] = [[doc.titel, `Datum: ${doc.datum}`, `Peildatum van de gegevens: ${doc.peildatum}`, ...(doc.adres ? [`Deze briefing openen: ${doc.adres}`] : [])].join('\n')];
  let tabelNummer = 0;
  for (const s of doc.secties) {
    const regels = [s.kop];
    if (s.alinea) regels.push('', s.alinea);
    if (s.tabel) {
      const t = s.tabel;
      regels.push('', `Tabel ${++tabelNummer}. ${t.titel}`, t.kolommen.map((k) => k.label).join('\t'));
      for (const rij of t.rijen) regels.push(t.kolommen.map((k) => celTekst(rij[k.key], k)).join('\t'));
    }
    regels.push('', s.bronRegel);
    const noot = synthetischeNoot(s);
    if (noot) regels.push(noot);
    regels.push(...sectieNoten(s));
    blokken.push(regels.join('\n'));
  }
  return blokken.join('\n\n') + '\n';
}

/**
 * Puts HTML and its plain-text twin on the clipboard, so a mail program pastes the rich version
 * and a text field the plain one. Where ClipboardItem is missing or refused: the text only.
 */
export async function kopieerRijkeTekst(html: string, tekst: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([tekst], { type: 'text/plain' }),
        }),
      ]);
      return true;
    }
  } catch {
    // Permission refused or not supported for text/html: fall back to plain text below.
  }
  return kopieerNaarKlembord(tekst);
}

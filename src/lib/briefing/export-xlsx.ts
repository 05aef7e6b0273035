/**
 * All tables of the briefing as an Excel workbook (.xlsx), written with `exceljs`, which is loaded
 * only when the user exports (dynamic import: its own chunk). One sheet per table after a first
 * sheet with the briefing's title, date and peildatum. Numbers are stored as numbers (shares as
 * fractions) with display formats — Excel shows them with the user's own separators, so a Dutch
 * Excel shows 16,5% and 15.847 — and a suppressed cell is the text "<10" or "x", never a number.
 */
import { isOnderdrukt, onderdruktTekst } from '../format/disclosure.ts';
import { formatKwartaal, formatPeildatum } from '../format/nl.ts';
import type { ChartData, Kolom } from '../charts/spec.ts';
import { sectieNoten, synthetischeNoot } from './export-delen.ts';
import type { BriefingDocument, DocumentSectie } from './types.ts';

type ExcelJs = typeof import('exceljs');
type Werkblad = import('exceljs').Worksheet;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAX_BLADNAAM = 31;

/**
 * A valid, unique sheet name: Excel refuses []:*?/\ , more than 31 characters, a leading or
 * trailing apostrophe, the reserved "History", and names that differ only in case.
 */
export function bladNaam(gewenst: string, gebruikt: ReadonlySet<string>): string {
  let basis = gewenst
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!basis || basis.toLowerCase() === 'history') basis = 'Tabel';
  const bezet = new Set([...gebruikt].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const achter = i === 1 ? '' : ` (${i})`;
    const naam = basis.slice(0, MAX_BLADNAAM - achter.length).trimEnd() + achter;
    if (!bezet.has(naam.toLowerCase())) return naam;
  }
}

/** Excel's number format for a column (codes are locale-free: Excel localises the separators). */
export function getalNotatie(k: Kolom): string | undefined {
  const dec = (d: number) => (d > 0 ? `.${'0'.repeat(d)}` : '');
  switch (k.type) {
    case 'pct':
      return `0${dec(k.decimalen ?? 1)}%`;
    case 'aantal':
      return `#,##0${dec(k.decimalen ?? 0)}`;
    case 'euro':
      return `"€ "#,##0${dec(k.decimalen ?? 0)}`;
    case 'jaar':
      return '0';
    case 'datum':
      return 'dd-mm-yyyy';
    default:
      return undefined;
  }
}

/** A cell's value as Excel stores it: numbers as numbers, dates as dates, suppressed as text. */
function celWaarde(v: unknown, k: Kolom): string | number | Date | null {
  if (isOnderdrukt(v)) return onderdruktTekst(v);
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (k.type === 'kwartaal') return formatKwartaal(String(v));
  if (k.type === 'datum' && /^\d{4}-\d{2}-\d{2}$/.test(String(v))) return new Date(`${v}T00:00:00Z`);
  return String(v);
}

const rechts = (k: Kolom) => k.type !== 'tekst' && k.type !== 'kwartaal';

function vulBlad(blad: Werkblad, s: DocumentSectie, tabel: ChartData): void {
  const regel = (tekst: string, font?: Partial<import('exceljs').Font>) => {
    const r = blad.addRow([tekst]);
    if (font) r.getCell(1).font = font;
  };
  regel(tabel.titel, { bold: true, size: 14 });
  if (tabel.ondertitel) regel(tabel.ondertitel);
  regel(`Bron: ${tabel.bron}`);
  regel(`Peildatum: ${formatPeildatum(tabel.peildatum)}`);
  const noot = synthetischeNoot(s);
  if (noot) regel(noot, { bold: true });
  blad.addRow([]);

  const kop = blad.addRow(tabel.kolommen.map((k) => k.label));
  kop.eachCell((c, i) => {
    c.font = { bold: true };
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { horizontal: rechts(tabel.kolommen[i - 1]) ? 'right' : 'left', wrapText: true };
  });
  blad.views = [{ state: 'frozen', ySplit: kop.number }];

  for (const rij of tabel.rijen) {
    const r = blad.addRow(tabel.kolommen.map((k) => celWaarde(rij[k.key], k)));
    tabel.kolommen.forEach((k, i) => {
      const c = r.getCell(i + 1);
      const notatie = getalNotatie(k);
      if (notatie && (typeof c.value === 'number' || c.value instanceof Date)) c.numFmt = notatie;
      if (rechts(k)) c.alignment = { horizontal: 'right' };
    });
  }

  const noten = sectieNoten(s);
  const bronnen = tabel.bronnen ?? [];
  if (noten.length || bronnen.length) blad.addRow([]);
  for (const n of noten) regel(n);
  if (bronnen.length) {
    const k = blad.addRow(['Bronnen', 'Document', 'Adres', 'Citaat']);
    k.font = { bold: true };
    for (const b of bronnen) blad.addRow([b.label, b.document ?? '', b.url ?? '', b.citaat ?? '']);
  }

  // Widths from the table's own cells (the long title rows may run over empty cells).
  tabel.kolommen.forEach((k, i) => {
    const teksten = [k.label, ...tabel.rijen.map((rij) => String(celWaarde(rij[k.key], k) ?? ''))];
    blad.getColumn(i + 1).width = Math.min(50, Math.max(10, ...teksten.map((t) => t.length + 2)));
  });
}

/** The first sheet: what the workbook is, and which sheet holds which table. */
function vulInhoud(blad: Werkblad, doc: BriefingDocument, bladen: { naam: string; titel: string }[]): void {
  blad.addRow([doc.titel]).getCell(1).font = { bold: true, size: 14 };
  blad.addRow([`Datum: ${doc.datum}`]);
  blad.addRow([`Peildatum van de gegevens: ${doc.peildatum}`]);
  if (doc.adres) blad.addRow(['Deze briefing openen:', { text: doc.adres, hyperlink: doc.adres }]);
  blad.addRow([]);
  blad.addRow(['Blad', 'Tabel']).font = { bold: true };
  for (const b of bladen) blad.addRow([b.naam, b.titel]);
  blad.getColumn(1).width = 34;
  blad.getColumn(2).width = 70;
}

/** The workbook as an .xlsx file. Sections without a table get no sheet. */
export async function naarXlsx(doc: BriefingDocument): Promise<Blob> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Participatiemonitor';
  wb.title = doc.titel;
  const gebruikt = new Set<string>(['Briefing']);
  const inhoud = wb.addWorksheet('Briefing');
  const bladen: { naam: string; titel: string }[] = [];
  for (const s of doc.secties) {
    if (!s.tabel) continue;
    const naam = bladNaam(s.tabel.titel || s.kop, gebruikt);
    gebruikt.add(naam);
    bladen.push({ naam, titel: s.tabel.titel });
    vulBlad(wb.addWorksheet(naam), s, s.tabel);
  }
  vulInhoud(inhoud, doc, bladen);
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([new Uint8Array(buffer as ArrayBuffer)], { type: XLSX_MIME });
}

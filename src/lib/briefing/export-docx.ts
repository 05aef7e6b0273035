/**
 * The briefing as a Word document (.docx), written with the `docx` library, which is loaded only
 * when the user exports (dynamic import: its own chunk, not in the main bundle). What policy staff
 * paste into a letter: a title with date and peildatum, per section a heading, the paragraph, the
 * chart as an image with a caption holding the source line, a real Word table with the cells as
 * the page shows them (nl-NL numbers, "<10" and "x" for suppressed cells), the synthetic-data
 * note and the footnotes; the footer holds the title and the page numbers.
 */
import { celTekst, isNumeriek, type ChartData } from '../charts/spec.ts';
import { svgNaarPng } from '../export/png.ts';
import { svgAfmetingen } from '../export/svg.ts';
import { sectieNoten, synthetischeNoot } from './export-delen.ts';
import type { BriefingDocument, DocumentSectie } from './types.ts';

type Docx = typeof import('docx');
type Blok = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A chart as PNG with the size (CSS pixels) it should have on the page. */
export interface PngAfbeelding {
  data: Uint8Array;
  breedte: number;
  hoogte: number;
}

/** Turns a standalone SVG into a PNG; null leaves the chart out. */
export type PngMaker = (svg: string) => Promise<PngAfbeelding | null>;

export interface DocxOpties {
  /** Default: the browser's canvas (lib/export/png.ts). False: no charts (e.g. in Node). */
  png?: PngMaker | false;
}

/** In the browser: the SVG drawn on a canvas at 2×, placed at its own size. */
const browserPng: PngMaker = async (svg) => {
  const blob = await svgNaarPng(svg, 2);
  return { data: new Uint8Array(await blob.arrayBuffer()), ...svgAfmetingen(svg) };
};

/** A4 with 2,54 cm margins: 11906 − 2 × 1440 twips of text width (15 twips to a pixel). */
const TEKSTBREEDTE_TWIPS = 11906 - 2 * 1440;
const TEKSTBREEDTE_PX = Math.floor(TEKSTBREEDTE_TWIPS / 15);
const TAAL = { value: 'nl-NL' };

/** Column widths in twips, in proportion to the longest text in each column (header included). */
function kolomBreedtes(tabel: ChartData, cellen: string[][]): number[] {
  const lengtes = tabel.kolommen.map((k, i) => Math.max(4, k.label.length, ...cellen.map((r) => r[i].length)));
  const som = lengtes.reduce((a, b) => a + b, 0);
  return lengtes.map((l) => Math.floor((TEKSTBREEDTE_TWIPS * l) / som));
}

function tabelBlok(d: Docx, tabel: ChartData): InstanceType<Docx['Table']> {
  const cellen = tabel.rijen.map((rij) => tabel.kolommen.map((k) => celTekst(rij[k.key], k)));
  const rechts = tabel.kolommen.map((k) => isNumeriek(k.type) || k.type === 'jaar');
  const cel = (tekst: string, i: number, kop: boolean) =>
    new d.TableCell({
      children: [
        new d.Paragraph({
          alignment: rechts[i] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          children: [new d.TextRun({ text: tekst, bold: kop })],
        }),
      ],
      shading: kop ? { type: d.ShadingType.CLEAR, fill: 'E6E6E6', color: 'auto' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return new d.Table({
    width: { size: TEKSTBREEDTE_TWIPS, type: d.WidthType.DXA },
    columnWidths: kolomBreedtes(tabel, cellen),
    rows: [
      new d.TableRow({ tableHeader: true, cantSplit: true, children: tabel.kolommen.map((k, i) => cel(k.label, i, true)) }),
      ...cellen.map((r) => new d.TableRow({ cantSplit: true, children: r.map((t, i) => cel(t, i, false)) })),
    ],
  });
}

function kleineTekst(d: Docx, tekst: string, extra: { bold?: boolean } = {}): InstanceType<Docx['Paragraph']> {
  return new d.Paragraph({ spacing: { after: 60 }, children: [new d.TextRun({ text: tekst, size: 18, ...extra })] });
}

async function sectieBlokken(d: Docx, s: DocumentSectie, nummers: { figuur: number; tabel: number }, png: PngMaker | false): Promise<Blok[]> {
  const uit: Blok[] = [new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, keepNext: true, text: s.kop })];
  if (s.alinea) uit.push(new d.Paragraph({ spacing: { after: 160 }, text: s.alinea }));
  const naam = s.tabel?.titel ?? s.kop;
  let bronGezet = false;
  const afbeelding = s.grafiekSvg && png ? await png(s.grafiekSvg) : null;
  if (afbeelding) {
    const breedte = Math.min(afbeelding.breedte, TEKSTBREEDTE_PX);
    const hoogte = Math.round((afbeelding.hoogte * breedte) / afbeelding.breedte);
    uit.push(
      new d.Paragraph({
        keepNext: true,
        children: [
          new d.ImageRun({
            type: 'png',
            data: afbeelding.data,
            transformation: { width: breedte, height: hoogte },
            altText: { name: `Figuur ${nummers.figuur + 1}`, title: naam, description: `${naam}. ${s.bronRegel}` },
          }),
        ],
      }),
      new d.Paragraph({ style: 'Caption', text: `Figuur ${++nummers.figuur}. ${naam}. ${s.bronRegel}` }),
    );
    bronGezet = true;
  }
  if (s.tabel) {
    uit.push(new d.Paragraph({ style: 'Caption', keepNext: true, text: `Tabel ${++nummers.tabel}. ${s.tabel.titel}` }));
    uit.push(tabelBlok(d, s.tabel));
    uit.push(kleineTekst(d, s.bronRegel));
    bronGezet = true;
  }
  if (!bronGezet) uit.push(kleineTekst(d, s.bronRegel));
  const noot = synthetischeNoot(s);
  if (noot) uit.push(kleineTekst(d, noot, { bold: true }));
  for (const n of sectieNoten(s)) uit.push(kleineTekst(d, n));
  return uit;
}

/** The whole document as a .docx file. */
export async function naarDocx(doc: BriefingDocument, opties: DocxOpties = {}): Promise<Blob> {
  const d: Docx = await import('docx');
  const png = opties.png === undefined ? browserPng : opties.png;
  const kop: Blok[] = [
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, text: doc.titel }),
    new d.Paragraph({ text: `Datum: ${doc.datum}` }),
    new d.Paragraph({ spacing: { after: 240 }, text: `Peildatum van de gegevens: ${doc.peildatum}` }),
  ];
  if (doc.adres) {
    kop.splice(
      3,
      0,
      new d.Paragraph({
        spacing: { after: 240 },
        children: [
          new d.TextRun({ text: 'Deze briefing openen: ' }),
          new d.ExternalHyperlink({ link: doc.adres, children: [new d.TextRun({ text: doc.adres, style: 'Hyperlink' })] }),
        ],
      }),
    );
  }
  const nummers = { figuur: 0, tabel: 0 };
  const inhoud: Blok[] = [...kop];
  for (const s of doc.secties) inhoud.push(...(await sectieBlokken(d, s, nummers, png)));

  const voet = new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [new d.TextRun({ size: 16, children: [`${doc.titel} — pagina `, d.PageNumber.CURRENT, ' van ', d.PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const document = new d.Document({
    title: doc.titel,
    creator: 'Participatiemonitor',
    description: `Briefing, peildatum ${doc.peildatum}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: TAAL } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: { default: voet },
        children: inhoud,
      },
    ],
  });
  const bytes = new Uint8Array(await d.Packer.toArrayBuffer(document));
  return new Blob([bytes], { type: DOCX_MIME });
}

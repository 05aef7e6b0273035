/**
 * The briefing exports (Word, Excel, rich text) from one hand-built BriefingDocument, against
 * golden files in test/golden/briefing/ (same rules as the chart goldens: a mismatch writes a
 * -changed file next to it; CI never creates a golden file). The .docx is opened as a zip here
 * (a small reader on node:zlib), the .xlsx is reopened with exceljs.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../src/lib/charts/spec.ts';
import { AFGELEID, KLEIN } from '../src/lib/format/disclosure.ts';
import type { BriefingDocument } from '../src/lib/briefing/types.ts';
import { DOCX_MIME, naarDocx, type PngMaker } from '../src/lib/briefing/export-docx.ts';
import { bladNaam, getalNotatie, naarXlsx, XLSX_MIME } from '../src/lib/briefing/export-xlsx.ts';
import { naarHtml, naarPlatteTekst } from '../src/lib/briefing/export-html.ts';
import { vergelijkMetGolden } from './golden-svg.ts';

const duurzaamheid: ChartData = {
  titel: 'Werkzaam na 1 jaar naar achtergrond [3e kwartaal 2023]',
  bron: 'UWV, bewerking SZW',
  peildatum: '2024-09-30',
  synthetisch: true,
  kolommen: [
    { key: 'achtergrond', label: 'Achtergrond', type: 'tekst' },
    { key: 'kwartaal', label: 'Basiskwartaal', type: 'kwartaal' },
    { key: 'werkenden', label: 'Werkenden', type: 'aantal' },
    { key: 'werkzaam', label: 'Werkzaam na 1 jaar', type: 'pct' },
  ],
  rijen: [
    { achtergrond: 'Totaal', kwartaal: '2023Q3', werkenden: 15847, werkzaam: 0.868 },
    { achtergrond: 'Wajong', kwartaal: '2023Q3', werkenden: 5120, werkzaam: 0.8 },
    { achtergrond: 'Wsw', kwartaal: '2023Q3', werkenden: 3300, werkzaam: 0.9412 },
    { achtergrond: 'Nieuw beschut', kwartaal: '2023Q3', werkenden: KLEIN, werkzaam: AFGELEID },
  ],
};

const buig: ChartData = {
  titel: 'BUIG: resultaat per jaar',
  bron: 'SZW, verdeelmodel BUIG',
  peildatum: '2017-06-30',
  synthetisch: false,
  kolommen: [
    { key: 'jaar', label: 'Jaar', type: 'jaar' },
    { key: 'resultaat', label: 'Resultaat', type: 'euro' },
    { key: 'aandeel', label: 'Aandeel van budget', type: 'pct', decimalen: 0 },
    { key: 'vastgesteld', label: 'Vastgesteld', type: 'datum' },
  ],
  rijen: [
    { jaar: 2016, resultaat: -270_400_000, aandeel: -0.048, vastgesteld: '2017-06-30' },
    { jaar: 2017, resultaat: 12345, aandeel: null, vastgesteld: '2018-06-29' },
  ],
  voetnoten: ['2017: voorlopig.'],
  bronnen: [{ label: 'Tekort 2016', document: 'Kamerbrief BUIG, 30 juni 2017', url: 'https://example.org/brief', citaat: 'een tekort van circa € 270 miljoen' }],
};

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"><rect width="800" height="400"/></svg>';

const document: BriefingDocument = {
  titel: 'Briefing arbeidsbeperking',
  datum: '6 december 2026',
  peildatum: '30 september 2024',
  adres: 'https://example.org/participatiemonitor/#/briefing?b=abc',
  secties: [
    {
      kop: 'Duurzaamheid: werkzaam na 1 jaar, 3e kwartaal 2023',
      alinea: 'Van de 15.847 werkenden in het derde kwartaal van 2023 werkte een jaar later bijna 87 procent nog steeds.',
      tabel: duurzaamheid,
      grafiekSvg: SVG,
      bronRegel: 'Bron: UWV, bewerking SZW; peildatum 30-09-2024',
      synthetischeNoot: 'Let op: synthetische demodata, geen gepubliceerde cijfers.',
    },
    {
      kop: 'BUIG: resultaat',
      alinea: 'In 2016 hadden gemeenten samen een tekort van ruim € 270 miljoen.',
      tabel: buig,
      bronRegel: 'Bron: SZW, verdeelmodel BUIG; peildatum 30-06-2017',
    },
    {
      kop: "Regio's: groei",
      alinea: 'Alleen tekst, zonder tabel of grafiek.',
      bronRegel: 'Bron: UWV; peildatum 31-12-2023',
      voetnoten: ['Groei sinds de nulmeting.'],
    },
  ],
};

/** The files of a zip archive by name (stored or deflated entries, read from the central directory). */
function unzip(buf: Buffer): Map<string, Buffer> {
  const uit = new Map<string, Buffer>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('geen zip: einde van de centrale map ontbreekt');
  const aantal = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < aantal; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('kapotte centrale map');
    const methode = buf.readUInt16LE(p + 10);
    const grootte = buf.readUInt32LE(p + 20);
    const naamLengte = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const lokaal = buf.readUInt32LE(p + 42);
    const naam = buf.toString('utf8', p + 46, p + 46 + naamLengte);
    const begin = lokaal + 30 + buf.readUInt16LE(lokaal + 26) + buf.readUInt16LE(lokaal + 28);
    const data = buf.subarray(begin, begin + grootte);
    uit.set(naam, methode === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + naamLengte + extra;
  }
  return uit;
}

const ontsnap = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The text of a WordprocessingML part in reading order: one line per paragraph, a table row as
 * "| cel | cel |", an image as [afbeelding], a field (page number) as [PAGE].
 */
function wordTekst(xml: string): string[] {
  const regels: string[] = [];
  let alinea = '';
  let cellen: string[] | null = null;
  let cel: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>|<(\/?)(w:p|w:tr|w:tc|w:drawing)\b[^>]*?(\/?)>/g)) {
    if (m[1] !== undefined) alinea += ontsnap(m[1]);
    else if (m[2] !== undefined) alinea += `[${m[2].trim()}]`;
    else {
      const [sluit, tag, leeg] = [m[3] === '/', m[4], m[5] === '/'];
      if (tag === 'w:drawing' && !sluit) alinea += '[afbeelding]';
      else if (tag === 'w:tr') {
        if (!sluit) cellen = [];
        else if (cellen) {
          regels.push(`| ${cellen.join(' | ')} |`);
          cellen = null;
        }
      } else if (tag === 'w:tc') {
        if (sluit && cellen) {
          cellen.push(cel.join(' '));
          cel = [];
        }
      } else if (tag === 'w:p' && (sluit || leeg)) {
        if (cellen) cel.push(alinea);
        else regels.push(alinea);
        alinea = '';
      }
    }
  }
  return regels;
}

const tinyPng = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

describe('Word', () => {
  it('writes a valid .docx whose text holds headings, paragraphs, the table cells as shown and the notes', async () => {
    const gevraagd: string[] = [];
    const png: PngMaker = async (svg) => {
      gevraagd.push(svg);
      return { data: tinyPng, breedte: 800, hoogte: 400 };
    };
    const blob = await naarDocx(document, { png });
    expect(blob.type).toBe(DOCX_MIME);
    const bestanden = unzip(Buffer.from(await blob.arrayBuffer()));
    expect(bestanden.has('[Content_Types].xml')).toBe(true);
    const xml = bestanden.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toMatch(/^<\?xml/);
    // One chart, asked once, embedded as PNG at the text width: 601 px wide, 400 × 601 / 800 = 300,5 → 301 px high (EMU = px × 9525).
    expect(gevraagd).toEqual([SVG]);
    expect([...bestanden.keys()].filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(1);
    expect(xml).toContain(`cx="${601 * 9525}" cy="${301 * 9525}"`);
    const tekst = wordTekst(xml);
    // The table row as on the page: 15.847, 86,8%; the suppressed row "<10" and "x", never a number.
    expect(tekst).toContain('| Totaal | 3e kwartaal 2023 | 15.847 | 86,8% |');
    expect(tekst).toContain('| Nieuw beschut | 3e kwartaal 2023 | <10 | x |');
    expect(tekst).toContain('| 2016 | € -270 mln | -5% | 30-06-2017 |');
    expect(tekst).toContain('Figuur 1. Werkzaam na 1 jaar naar achtergrond [3e kwartaal 2023]. Bron: UWV, bewerking SZW; peildatum 30-09-2024');
    const voet = wordTekst(bestanden.get('word/footer1.xml')?.toString('utf8') ?? '');
    expect(voet.join('\n')).toContain('Briefing arbeidsbeperking — pagina [PAGE] van [NUMPAGES]');
    const golden = [...tekst, '--- voettekst ---', ...voet].join('\n') + '\n';
    const r = vergelijkMetGolden(new URL('./golden/briefing/briefing.docx.txt', import.meta.url), golden);
    expect(r.ok, r.ok ? '' : r.reden).toBe(true);
  });

  it('leaves charts out when no PNG can be made, and keeps the source line', async () => {
    const blob = await naarDocx(document, { png: false });
    const xml = unzip(Buffer.from(await blob.arrayBuffer())).get('word/document.xml')?.toString('utf8') ?? '';
    const tekst = wordTekst(xml);
    expect(tekst.some((r) => r.includes('[afbeelding]'))).toBe(false);
    expect(tekst.filter((r) => r === 'Bron: UWV, bewerking SZW; peildatum 30-09-2024')).toHaveLength(1);
  });
});

/** Cell values, kinds and formats of every sheet, one line a cell. */
async function werkmapInhoud(blob: Blob): Promise<{ tekst: string; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blob.arrayBuffer()) as ArrayBuffer);
  const regels: string[] = [];
  wb.eachSheet((blad) => {
    regels.push(`== ${blad.name}`);
    blad.eachRow((rij) =>
      rij.eachCell((c) => {
        const v = c.value;
        const soort = typeof v === 'number' ? 'getal' : v instanceof Date ? 'datum' : typeof v === 'string' ? 'tekst' : 'anders';
        const waarde = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v);
        regels.push(`${c.address}\t${soort}\t${waarde}${c.numFmt ? `\t[${c.numFmt}]` : ''}`);
      }),
    );
  });
  return { tekst: regels.join('\n') + '\n', wb };
}

describe('Excel', () => {
  it('writes one sheet per table with numbers as numbers, Dutch display formats and "<10"/"x" as text', async () => {
    const blob = await naarXlsx(document);
    expect(blob.type).toBe(XLSX_MIME);
    const { tekst, wb } = await werkmapInhoud(blob);
    // The first sheet lists the tables; the text-only section gets no sheet. The title is cut at 31 characters ("[" would not be allowed).
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Briefing', 'Werkzaam na 1 jaar naar achterg', 'BUIG resultaat per jaar']);
    const blad = wb.getWorksheet('Werkzaam na 1 jaar naar achterg')!;
    // Rows: title, source, peildatum, synthetic note, empty, header (6), data from 7.
    expect(blad.getCell('A1').value).toBe('Werkzaam na 1 jaar naar achtergrond [3e kwartaal 2023]');
    expect(blad.getCell('A3').value).toBe('Peildatum: 30-09-2024');
    expect(blad.getCell('A4').value).toBe('Let op: synthetische demodata, geen gepubliceerde cijfers.');
    expect(blad.getCell('C7').value).toBe(15847);
    expect(blad.getCell('C7').numFmt).toBe('#,##0');
    expect(blad.getCell('D7').value).toBe(0.868);
    expect(blad.getCell('D7').numFmt).toBe('0.0%');
    expect(blad.getCell('C10').value).toBe('<10');
    expect(blad.getCell('D10').value).toBe('x');
    const buigBlad = wb.getWorksheet('BUIG resultaat per jaar')!;
    // No synthetic note: header on row 5. Euro whole, share as 0%, the date as a date.
    expect(buigBlad.getCell('B6').value).toBe(-270_400_000);
    expect(buigBlad.getCell('B6').numFmt).toBe('"€ "#,##0');
    expect(buigBlad.getCell('C6').numFmt).toBe('0%');
    expect(buigBlad.getCell('D6').value).toEqual(new Date('2017-06-30T00:00:00Z'));
    expect(buigBlad.getCell('C7').value).toBe(null);
    const r = vergelijkMetGolden(new URL('./golden/briefing/briefing.xlsx.txt', import.meta.url), tekst);
    expect(r.ok, r.ok ? '' : r.reden).toBe(true);
  });

  it('makes valid, unique sheet names', () => {
    expect(bladNaam('Werkzaam: 1/2 jaar [totaal]?', new Set())).toBe('Werkzaam 1 2 jaar totaal');
    // 31 characters at most; a taken name (in any case) gets " (2)" within the 31.
    const lang = 'Banen per regio en kwartaal sinds de nulmeting';
    expect(bladNaam(lang, new Set())).toBe('Banen per regio en kwartaal sin');
    expect(bladNaam(lang, new Set(['banen per regio en kwartaal sin']))).toBe('Banen per regio en kwartaal (2)');
    expect(bladNaam("'History'", new Set())).toBe('Tabel');
    expect(bladNaam('***', new Set(['Tabel']))).toBe('Tabel (2)');
  });

  it('gives each column type its format', () => {
    expect(getalNotatie({ key: 'a', label: 'A', type: 'pct' })).toBe('0.0%');
    expect(getalNotatie({ key: 'a', label: 'A', type: 'aantal', decimalen: 1 })).toBe('#,##0.0');
    expect(getalNotatie({ key: 'a', label: 'A', type: 'tekst' })).toBe(undefined);
  });
});

describe('rich text', () => {
  it('writes HTML with inline styles and a plain-text twin, suppressed cells as on the page', () => {
    const html = naarHtml(document);
    const tekst = naarPlatteTekst(document);
    expect(html).not.toMatch(/<style|class=/);
    expect(html).toContain('>&lt;10</td>');
    expect(tekst).toContain('Nieuw beschut\t3e kwartaal 2023\t<10\tx');
    expect(tekst).toContain('x: niet getoond, omdat de groep (of de teller) kleiner is dan 10 personen.');
    const a = vergelijkMetGolden(new URL('./golden/briefing/briefing.html', import.meta.url), html);
    expect(a.ok, a.ok ? '' : a.reden).toBe(true);
    const b = vergelijkMetGolden(new URL('./golden/briefing/briefing.txt', import.meta.url), tekst);
    expect(b.ok, b.ok ? '' : b.reden).toBe(true);
  });
});

describe('the synthetic-data note', () => {
  it('travels with a synthetic table in every export, also when the section does not give it', async () => {
    const noot = 'Let op: synthetische demodata, geen gepubliceerde cijfers.';
    const kaal: BriefingDocument = { ...document, secties: [{ kop: 'Zonder noot', tabel: duurzaamheid, bronRegel: 'Bron: UWV, bewerking SZW; peildatum 30-09-2024' }] };
    expect(naarPlatteTekst(kaal)).toContain(noot);
    expect(naarHtml(kaal)).toContain(noot);
    const word = unzip(Buffer.from(await (await naarDocx(kaal, { png: false })).arrayBuffer())).get('word/document.xml')?.toString('utf8') ?? '';
    expect(wordTekst(word)).toContain(noot);
    const { wb } = await werkmapInhoud(await naarXlsx(kaal));
    expect(wb.worksheets[1].getCell('A4').value).toBe(noot);
    // A non-synthetic table gets none.
    const echt: BriefingDocument = { ...document, secties: [{ kop: 'BUIG', tabel: buig, bronRegel: 'Bron: SZW' }] };
    expect(naarPlatteTekst(echt)).not.toContain('synthetische');
  });
});

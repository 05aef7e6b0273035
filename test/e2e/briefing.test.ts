/**
 * The Briefing in Debian Chromium, on the demo data: sections are added with "Voeg toe aan
 * briefing" on the Duurzaamheid, Regio's and BUIG pages; the briefing link opened in a NEW browser
 * context (no localStorage) shows the same sections with the same paragraphs and table numbers;
 * the A4 print has no horizontal overflow (checked on the print layout at the A4 text width, and
 * page.pdf() gives A4 pages); the Word download is a zip whose document.xml holds the sentences
 * and table numbers; the Excel download has numeric cells (read with exceljs); axe finds nothing;
 * at 390 px the page does not scroll sideways. Screenshots (1280, 390, print) go to screenshots/.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ROOT, describeReport, launchBrowser, newMonitoredContext, runAxe, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const SCHERM = join(ROOT, 'screenshots');

let browser: Browser;
let context: BrowserContext;
let report: PageReport;
let page: Page;
let link: string;

interface SectieTekst {
  view: string | null;
  kop: string;
  alinea: string;
  tabel: string[][];
  bron: string;
}

/** Open a page, wait for its data, and add the figure titled `titel` to the briefing. */
async function voegToe(hash: string, titel: RegExp, aantal: number): Promise<void> {
  await page.goto(`${baseUrl}${hash}`);
  await settle(page, 300_000);
  const figuur = page.getByRole('figure').filter({ has: page.getByRole('heading', { name: titel }) }).first();
  await figuur.waitFor({ timeout: 180_000 });
  await figuur.getByRole('button', { name: 'Voeg toe aan briefing' }).click();
  const melding = figuur.getByRole('status').filter({ hasText: 'toegevoegd aan de briefing' });
  await expect.poll(() => melding.innerText(), { timeout: 10_000 }).toContain(`(${aantal === 1 ? '1 onderdeel' : `${aantal} onderdelen`})`);
  expect(await melding.getByRole('link', { name: 'Naar de briefing' }).getAttribute('href')).toMatch(/^#\/briefing\?b=[A-Za-z0-9_-]+$/);
}

/** Wait until every section shows its paragraph and table, then read them. */
async function secties(p: Page, n: number): Promise<SectieTekst[]> {
  await expect.poll(() => p.locator('section[data-briefing-view] .bf-tekst').count(), { timeout: 240_000 }).toBe(n);
  await expect.poll(() => p.locator('section[data-briefing-view] table').count(), { timeout: 60_000 }).toBe(n);
  await settle(p, 120_000);
  return p.locator('section[data-briefing-view]').evaluateAll((els) =>
    els.map((el) => ({
      view: el.getAttribute('data-briefing-view'),
      kop: el.querySelector('h2')?.textContent?.trim() ?? '',
      alinea: (el.querySelector('.bf-tekst') as HTMLElement | null)?.innerText.trim() ?? '',
      tabel: [...el.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())),
      bron: (el.querySelector('.bf-bron') as HTMLElement | null)?.innerText.trim() ?? '',
    })),
  );
}

/** Elements wider than the page or reaching past its right edge. */
async function overloop(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const breedte = document.documentElement.clientWidth;
    const uit: string[] = [];
    if (document.documentElement.scrollWidth > breedte + 1) uit.push(`document ${document.documentElement.scrollWidth} > ${breedte}`);
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > breedte + 1 && getComputedStyle(el).visibility !== 'hidden') {
        const sectie = el.closest('section[data-briefing-view]')?.getAttribute('data-briefing-view') ?? '';
        uit.push(`${sectie}: ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${el.tagName === 'text' ? `'${el.textContent}' ` : ''}${Math.round(r.right)} > ${breedte}`);
      }
    }
    return uit.slice(0, 10);
  });
}

/** The files of a zip archive (what .docx is), read from its central directory; stored or deflated entries. */
function zipBestanden(zip: Buffer): Map<string, Buffer> {
  const eind = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eind < 0) throw new Error('geen zip-bestand');
  const aantal = zip.readUInt16LE(eind + 10);
  let p = zip.readUInt32LE(eind + 16);
  const uit = new Map<string, Buffer>();
  for (let i = 0; i < aantal; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('kapotte centrale map');
    const methode = zip.readUInt16LE(p + 10);
    const grootte = zip.readUInt32LE(p + 20);
    const naamLengte = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const commentaar = zip.readUInt16LE(p + 32);
    const lokaal = zip.readUInt32LE(p + 42);
    const naam = zip.subarray(p + 46, p + 46 + naamLengte).toString('utf8');
    const start = lokaal + 30 + zip.readUInt16LE(lokaal + 26) + zip.readUInt16LE(lokaal + 28);
    const data = zip.subarray(start, start + grootte);
    uit.set(naam, methode === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + naamLengte + extra + commentaar;
  }
  return uit;
}

async function download(knop: string): Promise<Buffer> {
  const wacht = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: knop, exact: true }).click();
  return readFileSync((await (await wacht).path())!);
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, report } = await newMonitoredContext(browser, origin));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('Briefing: from three pages to one document', () => {
  let eerste: SectieTekst[];

  test('an empty briefing explains how to add sections', async () => {
    await page.goto(`${baseUrl}#/briefing`);
    await settle(page, 300_000);
    expect(await page.getByTestId('briefing-leeg').innerText()).toContain('Voeg toe aan briefing');
  }, 360_000);

  test('adds a section from Duurzaamheid, Regio\'s and BUIG', async () => {
    await voegToe('#/duurzaamheid', /^Uitkomst na 1 jaar per achtergrond/, 1);
    await voegToe('#/regios?weergave=profiel&regio=AM38', /^Profiel /, 2);
    await voegToe('#/buig', /^Resultaat per jaar en cumulatief/, 3);
    await page.getByRole('figure').getByRole('link', { name: 'Naar de briefing' }).first().click();
    eerste = await secties(page, 3);
    link = page.url();
    expect(link).toMatch(/#\/briefing\?b=[A-Za-z0-9_-]+$/);
    expect(eerste.map((s) => s.view)).toEqual(['duurzaamheid/uitkomst', 'regios/profiel', 'buig/jaar']);
    for (const s of eerste) {
      expect(s.alinea.length, s.kop).toBeGreaterThan(40);
      expect(s.tabel.length, s.kop).toBeGreaterThan(0);
      expect(s.bron).toMatch(/^Bron: Synthetische demodata/);
      expect(s.bron).toContain('Let op: synthetische demodata, geen gepubliceerde cijfers.');
    }
    // The drafted Duurzaamheid paragraph is the page's headline sentence in the letters' words.
    const alinea = (view: string) => eerste.find((s) => s.view === view)?.alinea ?? '';
    expect(alinea('duurzaamheid/uitkomst')).toMatch(/werkte een jaar later (bijna |ruim )?\d+ procent nog steeds/);
    expect(alinea('regios/profiel')).toMatch(/^In het vierde kwartaal van 2024 waren er in FoodValley [\d.]+ banen voor mensen uit het doelgroepregister, [\d.]+ (meer|minder) dan in het vierde kwartaal van 2023: een (groei|daling) van \d+,\d procent \(Nederland: [+-]\d+,\d procent\)\. Met die groei staat FoodValley op plaats \d+ van de 35 regio's\./);
    expect(alinea('buig/jaar')).toMatch(/^In \d{4} gaven gemeenten € [\d.,]+ miljoen/);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    expect(report.consoleErrors, describeReport(report)).toEqual([]);
  }, 900_000);

  test('the link opened in a new browser context shows the same sections and numbers', async () => {
    const ander = await newMonitoredContext(browser, origin);
    try {
      const p = await ander.context.newPage();
      await p.goto(link);
      expect(await p.evaluate(() => localStorage.getItem('pm-briefing'))).not.toBeNull();
      const tweede = await secties(p, 3);
      expect(tweede).toEqual(eerste);
      expect(ander.report.pageErrors, describeReport(ander.report)).toEqual([]);
    } finally {
      await ander.context.close();
    }
  }, 600_000);

  test('moving and removing a section changes the link; an edit keeps the numbers', async () => {
    const volgorde = () => page.locator('section[data-briefing-view]').evaluateAll((els) => els.map((el) => el.getAttribute('data-briefing-view')));
    const views = eerste.map((s) => s.view);
    await page.locator('section[data-briefing-view]').nth(1).getByRole('button', { name: 'Onderdeel 2 omhoog' }).click();
    await expect.poll(volgorde).toEqual([views[1], views[0], views[2]]);
    expect(page.url()).not.toBe(link);
    await page.locator('section[data-briefing-view]').first().getByRole('button', { name: 'Onderdeel 1 omlaag' }).click();
    await expect.poll(volgorde).toEqual(views);
    expect(page.url()).toBe(link);

    // Edit the first paragraph: type before it; the number parts stay as they were.
    const eersteSectie = page.locator('section[data-briefing-view]').first();
    const getallenVoor = await eersteSectie.locator('.bf-getal-tekst').allInnerTexts();
    await eersteSectie.getByRole('button', { name: 'Tekst bewerken' }).click();
    const veld = eersteSectie.getByRole('textbox');
    // Click where the text starts (a click on a number token leaves no caret: it is locked).
    await veld.click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Kort gezegd: ');
    await eersteSectie.getByRole('button', { name: 'Tekst opslaan' }).click();
    await expect.poll(() => eersteSectie.locator('.bf-tekst').innerText()).toMatch(/^Kort gezegd: /);
    expect(await eersteSectie.locator('.bf-getal-tekst').allInnerTexts()).toEqual(getallenVoor);
    await eersteSectie.getByRole('button', { name: 'Terug naar de concepttekst' }).click();
    await expect.poll(() => eersteSectie.locator('.bf-tekst').innerText()).toBe(eerste[0].alinea);
  }, 120_000);

  test('an edited text whose numbers the data no longer give marks them "gewijzigd" until accepted', async () => {
    const b = Buffer.from(JSON.stringify({ s: [['buig/jaar', '', 1, 'Het resultaat: {0}.', ['€ 1 miljoen']]] })).toString('base64url');
    const p = await context.newPage();
    try {
      await p.goto(`${baseUrl}#/briefing?b=${b}`);
      const mark = p.locator('mark.bf-gewijzigd');
      await mark.waitFor({ timeout: 120_000 });
      // The current first number of the drafted BUIG paragraph replaces the edited one, marked.
      const buig = eerste.find((x) => x.view === 'buig/jaar')!;
      const getal = /€ [\d.,]+ miljoen/.exec(buig.alinea)![0];
      expect(await mark.getAttribute('title')).toBe('Was: € 1 miljoen');
      expect((await p.locator('.bf-tekst').textContent())!.replace(/\s+/g, ' ')).toBe(`Het resultaat: ${getal} (gewijzigd, was € 1 miljoen).`);
      expect(await p.getByRole('status').filter({ hasText: 'gewijzigd sinds de tekst werd bewerkt' }).count()).toBe(1);
      await p.getByRole('button', { name: 'Nieuwe getallen overnemen' }).click();
      await expect.poll(() => mark.count()).toBe(0);
      expect(await p.locator('.bf-tekst').innerText()).toBe(`Het resultaat: ${getal}.`);
    } finally {
      await p.close();
    }
  }, 180_000);

  test('a link with an impossible section says so in Dutch and shows the rest', async () => {
    const b = Buffer.from(JSON.stringify({ t: 'Nota', s: [['buig/jaar', '', 1], ['bestaat/niet', '', 7]] })).toString('base64url');
    const p = await context.newPage();
    try {
      await p.goto(`${baseUrl}#/briefing?b=${b}`);
      const alert = p.getByRole('alert').filter({ hasText: 'Niet alles uit de link kon worden gebruikt' });
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.innerText()).toContain("onderdeel 2 ('bestaat/niet') bestaat niet en is weggelaten");
      expect(await p.getByRole('heading', { level: 1 }).innerText()).toBe('Briefing: Nota');
      await expect.poll(() => p.locator('section[data-briefing-view]').evaluateAll((els) => els.map((el) => el.getAttribute('data-briefing-view')))).toEqual(['buig/jaar']);
    } finally {
      await p.close();
    }
  }, 120_000);

  test('A4 print: no horizontal overflow, and page.pdf() gives A4 pages', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SCHERM, 'briefing-1280.png'), fullPage: true });
    // The text width of A4 with the app's 15 mm side margins: 180 mm = 680 CSS px.
    await page.emulateMedia({ media: 'print' });
    let pdf: Buffer;
    try {
      await page.setViewportSize({ width: 680, height: 1000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SCHERM, 'briefing-print.png'), fullPage: true });
      expect(await overloop(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
      pdf = await page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    const pdfPad = join(SCHERM, 'briefing.pdf');
    writeFileSync(pdfPad, pdf);
    // The PDF pages as Chromium's PDF viewer shows them (footer with title and page numbers), to look at.
    const kijker = await browser.newPage({ viewport: { width: 1000, height: 3600 } });
    await kijker.goto(`file://${pdfPad}`);
    await kijker.waitForTimeout(3_000);
    await kijker.screenshot({ path: join(SCHERM, 'briefing-pdf.png') });
    await kijker.close();
    const tekst = pdf.toString('latin1');
    const paginas = [...tekst.matchAll(/\/Type\s*\/Page[^s]/g)].length;
    expect(paginas).toBeGreaterThan(1);
    // Every page's MediaBox is A4: 210 × 297 mm = 595,3 × 841,9 points (Chromium rounds up to whole points).
    const vakken = [...tekst.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(vakken.length).toBe(paginas);
    for (const [b, h] of vakken) {
      expect(Math.abs(b - 595.3)).toBeLessThan(1);
      expect(Math.abs(h - 841.9)).toBeLessThan(1.2);
    }
  }, 120_000);

  test('Word: a zip whose document.xml holds the sentences and the table numbers', async () => {
    const docx = await download('Word');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = zipBestanden(docx);
    const xml = zip.get('word/document.xml')!.toString('utf8');
    // Every chart as an image in the document.
    expect([...zip.keys()].filter((n) => /^word\/media\/.+\.png$/.test(n)).length).toBe(eerste.length);
    const tekst = xml
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    // The first sentence of each paragraph (words and numbers as shown) and cells of each table.
    for (const s of eerste) {
      expect(tekst, s.kop).toContain(s.kop);
      expect(tekst, s.kop).toContain(s.alinea.split('. ')[0]);
      for (const cel of s.tabel[0].filter((c) => /\d/.test(c))) expect(tekst, `${s.kop}: ${cel}`).toContain(cel);
    }
  }, 120_000);

  test('Excel: one sheet per table with numbers stored as numbers', async () => {
    const xlsx = await download('Excel');
    const boek = new ExcelJS.Workbook();
    await boek.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    // A contents sheet, then one sheet per table.
    expect(boek.worksheets.map((b) => b.name)[0]).toBe('Briefing');
    expect(boek.worksheets.length).toBe(1 + eerste.length);
    let getallen = 0;
    for (const blad of boek.worksheets) blad.eachRow((rij) => rij.eachCell((c) => void (typeof c.value === 'number' && getallen++)));
    expect(getallen).toBeGreaterThan(20);
  }, 120_000);

  test('copy as rich text: the paragraphs and the source on the clipboard', async () => {
    await page.getByRole('button', { name: 'Kopieer als opgemaakte tekst' }).click();
    await expect.poll(() => page.locator('.bf-status').innerText()).toContain('als opgemaakte tekst gekopieerd');
    const tekst = await page.evaluate(() => navigator.clipboard.readText());
    for (const s of eerste) expect(tekst).toContain(s.alinea.split('. ')[0]);
    expect(tekst).toContain('Bron: Synthetische demodata');
  }, 60_000);

  test('axe finds no WCAG 2.1 AA violations', async () => {
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
  }, 60_000);

  test('390 px: readable without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCHERM, 'briefing-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);
});

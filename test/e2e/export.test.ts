/**
 * Export of the banenafspraak chart on the Overzicht page (published figures): CSV in Dutch Excel
 * conventions, SVG and PNG with title and source line, each delivered as a browser download.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newMonitoredContext, settle } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let chart: Locator;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context } = await newMonitoredContext(browser, origin));
  page = await context.newPage();
  await page.goto(`${baseUrl}#/`);
  await settle(page, 120_000);
  // The chart of yearly realisation against the targets: a figure whose caption names the banenafspraak.
  chart = page.getByRole('figure').filter({ hasText: /banenafspraak/i }).first();
  await chart.waitFor({ state: 'visible', timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

/** Click the export control for a format (directly, or inside an "Exporteren"/"Download" menu). */
async function download(format: 'CSV' | 'SVG' | 'PNG'): Promise<{ download: Download; bytes: Buffer }> {
  const direct = chart.getByRole('button', { name: new RegExp(`\\b${format}\\b`) });
  if ((await direct.count()) === 0) {
    await chart.getByRole('button', { name: /export|download/i }).first().click();
  }
  const item = chart.getByRole('button', { name: new RegExp(`\\b${format}\\b`) })
    .or(chart.getByRole('menuitem', { name: new RegExp(`\\b${format}\\b`) }))
    .or(chart.getByRole('link', { name: new RegExp(`\\b${format}\\b`) }));
  const downloaded = page.waitForEvent('download', { timeout: 20_000 });
  // The chart reports a failed export in its status line: fail at once, with its words.
  const failed = chart.getByRole('status').filter({ hasText: /mislukt/i }).waitFor({ timeout: 20_000 })
    .then(async () => {
      throw new Error(`geen ${format}-download; de grafiek meldt: "${(await chart.getByRole('status').allInnerTexts()).join(' ').trim()}"`);
    });
  downloaded.catch(() => undefined);
  failed.catch(() => undefined);
  await item.first().click();
  const dl = await Promise.race([downloaded, failed]);
  const path = await dl.path();
  return { download: dl, bytes: readFileSync(path) };
}

describe('export van de banenafspraak-grafiek op het Overzicht', () => {
  test('CSV: UTF-8 BOM, puntkomma, decimale komma, titel- en bronregel', async () => {
    const { download: dl, bytes } = await download('CSV');
    expect(dl.suggestedFilename()).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
    expect(text).toMatch(/banenafspraak/i);
    expect(text, 'bronregel').toMatch(/^.*Bron.*$/m);
    // Data rows: separated by ';', never ','-separated; published totals such as 21.057 (2015).
    const dataLines = lines.filter((l) => l.split(';').length >= 3);
    expect(dataLines.length).toBeGreaterThanOrEqual(5);
    expect(text).toMatch(/(^|;)"?2015"?;/m);
    expect(text).toMatch(/21057|21\.057/);
    // Decimal comma where a fraction occurs; no decimal point between digits in any number cell.
    for (const line of dataLines) {
      for (const cell of line.split(';')) {
        expect(cell, `cel "${cell}" in regel "${line}"`).not.toMatch(/^-?\d+\.\d{1,2}$/);
      }
    }
    // No cell starts a formula in Excel.
    for (const line of lines) for (const cell of line.split(';')) expect(cell).not.toMatch(/^"?[=+@]/);
  });

  test('SVG: zelfstandig bestand met titel, bronregel en peildatum', async () => {
    const { download: dl, bytes } = await download('SVG');
    expect(dl.suggestedFilename()).toMatch(/\.svg$/);
    const svg = bytes.toString('utf8');
    expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    // Well-formed XML, as other programs (and the PNG export) need it.
    const parseError = await page.evaluate(
      `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
        const e = d.querySelector('parsererror'); return e ? e.textContent : null; })()`,
    );
    expect(parseError, 'SVG is geen geldige XML').toBeNull();
    expect(svg).toMatch(/banenafspraak/i);
    expect(svg).toMatch(/Bron/);
    expect(svg).toMatch(/peildatum|\b20\d\d\b/i);
    // Self-contained: no references to other files or origins.
    expect(svg).not.toMatch(/(href|src)="(https?:|\/\/)/);
  });

  test('PNG: geldig plaatje van redelijke grootte', async () => {
    const { download: dl, bytes } = await download('PNG');
    expect(dl.suggestedFilename()).toMatch(/\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(400);
    expect(height).toBeGreaterThanOrEqual(200);
    expect(bytes.length, 'geen leeg plaatje').toBeGreaterThan(5_000);
  });
});

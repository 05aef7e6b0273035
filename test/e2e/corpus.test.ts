/**
 * The project's corpus (test/fixtures/make-corpus.ts: more than forty malformed and ten valid but
 * unusual extracts, written by native DuckDB) through the Data page, one file after another in
 * one browser context, as an analyst would try them. Each malformed file is refused with a short
 * Dutch message that names the file, the column and the row, and the loaded data stay as they
 * were; each valid file is accepted with its rows, notes and warnings, and afterwards no page that
 * uses its contract shows an error box or stays busy. No page error, no HTML from a file rendered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { ExtractName } from '../../src/lib/engine/types.ts';
import { kortBestand, MAX_BERICHT } from '../../src/lib/extracts/meldingen.ts';
import { CORPUS, maakCorpus } from '../fixtures/make-corpus.ts';
import { describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let dir: string;
let browser: Browser;
let page: Page;
let report: PageReport;

/** The pages that compute from each contract (as the Data page lists them). */
const PAGINAS: Record<ExtractName, string[]> = {
  doelgroep_kwartaal: ['#/duurzaamheid', '#/regios'],
  doelgroep_uitstroom: ['#/duurzaamheid'],
  beschut_adviezen: ['#/beschut-werk'],
  beschut_plekken: ['#/beschut-werk'],
  buig_gemeente: ['#/buig'],
};

/** English that must never reach a message (library errors, stack traces, SQL). */
const ENGELS = /\b(error|cannot|failed|undefined|unhandled|thrift|exception|parser|conversion|expected|invalid|SELECT|FROM)\b/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-corpus-'));
  await maakCorpus(dir);
  browser = await launchBrowser();
  const monitored = await newMonitoredContext(browser, origin);
  report = monitored.report;
  page = await monitored.context.newPage();
  await page.goto(`${baseUrl}#/data`);
  await settle(page, 120_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What is loaded, as the Data page and the status line say it. */
async function geladen(): Promise<string> {
  const tabel = await page.locator('main table').first().innerText();
  const status = await page.locator('.status .samenvatting').innerText();
  return `${tabel}\n${status}`;
}

/** Upload one file through the picker and read the message it gets (the newest one). */
async function upload(bestand: string): Promise<{ rol: string | null; titel: string; berichten: string[]; tekst: string }> {
  const wissen = page.getByRole('button', { name: 'Meldingen wissen' });
  if (await wissen.count()) await wissen.click();
  await page.locator('input[type="file"]').first().setInputFiles(join(dir, bestand));
  const melding = page.locator('.uitslagen > .pm-melding').first();
  await melding.waitFor({ timeout: 60_000 });
  await settle(page);
  return {
    rol: await melding.getAttribute('role'),
    titel: await melding.locator('.pm-melding__titel').first().innerText(),
    berichten: await melding.locator(':scope > ul > li').allInnerTexts(),
    tekst: await melding.innerText(),
  };
}

test('the corpus has at least 40 malformed and 10 valid-but-unusual extracts', () => {
  expect(CORPUS.filter((c) => c.verdict === 'geweigerd').length).toBeGreaterThanOrEqual(40);
  expect(CORPUS.filter((c) => c.verdict === 'geaccepteerd').length).toBeGreaterThanOrEqual(10);
});

describe('malformed extracts are refused, naming file, column and row; the loaded data stay', () => {
  test.each(CORPUS.filter((c) => c.verdict === 'geweigerd').map((f) => [f.bestand.slice(0, 60), f] as const))('%s', async (_, f) => {
    const voor = await geladen();
    const r = await upload(f.bestand);
    const wat = `${f.bestand} (${f.omschrijving}):\n${r.tekst}`;
    expect(r.rol, wat).toBe('alert');
    expect(r.titel, wat).toContain(`${kortBestand(f.bestand)} is geweigerd`);
    expect(r.berichten.length, wat).toBeGreaterThan(0);
    expect(r.berichten[0], wat).toContain(kortBestand(f.bestand));
    for (const n of f.noemt) expect(r.berichten.join('\n'), wat).toContain(n);
    for (const b of r.berichten) {
      expect(b.length, wat).toBeLessThanOrEqual(MAX_BERICHT);
      expect(b, wat).not.toMatch(ENGELS);
    }
    expect(new Set(r.berichten).size, `${wat}: one message per problem`).toBe(r.berichten.length);
    expect(await geladen(), `${wat}: loaded data unchanged`).toBe(voor);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    expect(report.consoleErrors, describeReport(report)).toEqual([]);
  });

  test('a value with HTML is shown as text, never as markup', async () => {
    expect(await page.evaluate(() => (globalThis as { __pmXss?: unknown }).__pmXss)).toBeUndefined();
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
  });
});

describe('valid but unusual extracts are accepted, and every page that uses them stays usable', () => {
  test.each(CORPUS.filter((c) => c.verdict === 'geaccepteerd').map((f) => [f.bestand, f] as const))('%s', async (_, f) => {
    if (!page.url().endsWith('#/data')) {
      await page.goto(`${baseUrl}#/data`);
      await settle(page);
    }
    const r = await upload(f.bestand);
    const wat = `${f.bestand} (${f.omschrijving}):\n${r.tekst}`;
    expect(r.rol, wat).toBe('status');
    expect(r.titel, wat).toBe(`${f.bestand} is goedgekeurd`);
    expect(r.berichten[0], wat).toContain(`${f.contract}): ${f.rijen} ${f.rijen === 1 ? 'rij' : 'rijen'}`);
    for (const o of f.opmerking ?? []) expect(r.tekst, wat).toContain(o);
    if (!f.opmerking?.some((o) => o.startsWith('Genegeerd'))) expect(r.tekst, wat).not.toContain('Genegeerd');
    const rij = page.getByRole('row').filter({ hasText: f.contract! });
    expect(await rij.innerText(), wat).toMatch(/eigen bestand sinds/);

    for (const hash of PAGINAS[f.contract!]) {
      await page.goto(`${baseUrl}${hash}`);
      await settle(page, 60_000);
      const main = page.locator('main');
      // Error boxes only: a page may warn (amber) that its default period is not in the data.
      const fouten = await main.locator('.pm-melding--fout').allInnerTexts();
      expect(fouten, `${f.bestand} op ${hash}`).toEqual([]);
      expect(await main.innerText(), `${f.bestand} op ${hash}`).not.toMatch(/mislukt|Ongeldig kwartaal/);
      expect(await main.locator('[aria-busy="true"]').count(), `${f.bestand} op ${hash}: nothing stays busy`).toBe(0);
    }
    await page.goto(`${baseUrl}#/data`);
    await settle(page);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    expect(report.consoleErrors, describeReport(report)).toEqual([]);
  });
});

describe('the example file of each contract can be downloaded from the Data page and is accepted as it is', () => {
  test.each(['doelgroep_kwartaal', 'doelgroep_uitstroom', 'beschut_adviezen', 'beschut_plekken', 'buig_gemeente'] as const)('%s', async (naam) => {
    if (!page.url().endsWith('#/data')) {
      await page.goto(`${baseUrl}#/data`);
      await settle(page);
    }
    const contract = page.locator('details.contract').filter({ hasText: naam });
    await contract.locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), contract.getByRole('link', { name: /Voorbeeldbestand/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${naam}_voorbeeld.parquet`);
    await download.saveAs(join(dir, download.suggestedFilename()));
    await contract.locator('summary').click();
    const r = await upload(download.suggestedFilename());
    expect(r.rol, r.tekst).toBe('status');
    expect(r.berichten[0], r.tekst).toContain(`(${naam})`);
    expect(r.tekst, 'no warning for an example').not.toContain('Let op');
    expect(report.pageErrors, describeReport(report)).toEqual([]);
  });
});

/**
 * A user's own extract in a fresh browser: dropped on the Data page while the demo data are still
 * loading, it wins over the demo extract of its contract that was still waiting (and over the one
 * that was loading), and the message shown is the state that holds. After a reload the file is
 * still there ("eigen bestand sinds …", kept in the browser, never uploaded); the remove button
 * brings the demo extract back, also after the next reload.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { VOORBEELD_SQL } from '../../src/lib/extracts/voorbeelden.ts';
import { describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let dir: string;
let browser: Browser;
let context: BrowserContext;
let report: PageReport;
let page: Page;

const PANEL = 'mijn_panel.parquet';
const PLEKKEN = 'mijn_plekken.parquet';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-eigen-'));
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (${VOORBEELD_SQL.doelgroep_kwartaal}) TO '${join(dir, PANEL)}' (FORMAT parquet)`);
  await conn.run(`COPY (${VOORBEELD_SQL.beschut_plekken}) TO '${join(dir, PLEKKEN)}' (FORMAT parquet)`);
  conn.closeSync();
  db.closeSync();
  browser = await launchBrowser();
  ({ context, report } = await newMonitoredContext(browser, origin));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Drop files on the drop zone as a user would (a real drop event with a DataTransfer). */
async function drop(files: string[]): Promise<void> {
  const payload = files.map((f) => ({ naam: f, b64: readFileSync(join(dir, f)).toString('base64') }));
  const dt = await page.evaluateHandle((payload) => {
    const dt = new DataTransfer();
    for (const { naam, b64 } of payload) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], naam));
    }
    return dt;
  }, payload);
  await page.locator('.zone').dispatchEvent('drop', { dataTransfer: dt });
}

const rij = (contract: string) => page.getByRole('row').filter({ hasText: contract });

test('a file dropped while the demo data load wins over the demo extract of its contract', async () => {
  await page.goto(`${baseUrl}#/data`);
  await page.locator('.zone').waitFor();
  // The drop happens while the demo data are still loading (the national panel alone takes seconds).
  expect(await page.locator('.status').innerText()).toMatch(/Rekenmodule starten|Gegevens laden/);
  await drop([PANEL, PLEKKEN]);

  const ok = page.locator('.uitslagen [role="status"]');
  await expect.poll(() => ok.count(), { timeout: 120_000 }).toBe(2);
  await settle(page, 120_000);
  expect(await page.locator('.status .samenvatting').innerText()).toMatch(/^5 extracten geladen/);

  // Both contracts hold the user's files: the demo extracts that came later did not replace them.
  expect(await rij('doelgroep_kwartaal').innerText()).toMatch(/eigen bestand sinds .*mijn_panel.*\(10 rijen\)/s);
  expect(await rij('beschut_plekken').innerText()).toMatch(/eigen bestand sinds .*mijn_plekken.*\(3 rijen\)/s);
  expect(await rij('buig_gemeente').innerText()).toMatch(/demodata \(4\.788 rijen\)/);
  // The messages say what holds now.
  const teksten = await ok.allInnerTexts();
  for (const t of teksten) expect(t).toContain('blijft in deze browser bewaard');
  expect(teksten.join('\n')).not.toMatch(/Inmiddels/);
  expect([...report.pageErrors, ...report.consoleErrors], describeReport(report)).toEqual([]);
});

test('after a reload the files are still there, loaded again from the browser', async () => {
  const sinds = (await rij('beschut_plekken').innerText()).match(/eigen bestand sinds ([^:]+):/)?.[1];
  expect(sinds).toBeTruthy();
  await page.reload();
  await settle(page, 120_000);
  expect(await rij('doelgroep_kwartaal').innerText()).toMatch(/eigen bestand sinds .*mijn_panel.*\(10 rijen\)/s);
  expect(await rij('beschut_plekken').innerText()).toContain(`eigen bestand sinds ${sinds}:`);
  expect(await page.locator('.status .samenvatting').innerText()).toMatch(/^5 extracten geladen/);
  // Nothing was uploaded: every request stayed on this origin, and no file went out in a request body.
  expect(report.foreignRequests).toEqual([]);
});

test('the remove button brings the demo extract back, also after the next reload', async () => {
  await rij('beschut_plekken').getByRole('button', { name: /verwijderen/i }).click();
  await expect.poll(() => rij('beschut_plekken').innerText(), { timeout: 60_000 }).toMatch(/demodata \(13\.680 rijen\)/);
  await settle(page);
  expect(await rij('doelgroep_kwartaal').innerText()).toMatch(/eigen bestand sinds/);
  await page.reload();
  await settle(page, 120_000);
  expect(await rij('beschut_plekken').innerText()).toMatch(/demodata \(13\.680 rijen\)/);
  expect(await rij('doelgroep_kwartaal').innerText()).toMatch(/eigen bestand sinds .*mijn_panel/s);
  expect([...report.pageErrors, ...report.consoleErrors, ...report.httpErrors], describeReport(report)).toEqual([]);
});

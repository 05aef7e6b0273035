/**
 * The security headers in the browser (vite preview sends them as the production hosts do, see
 * src/build/headers.ts): the page, both workers (DuckDB-WASM and the Parquet decoder), the WASM
 * module and the data files carry the Content-Security-Policy, X-Content-Type-Options and
 * Referrer-Policy; another page cannot frame the dashboard; a whole session, including reading a
 * user's file in the decode worker, runs under that policy without a single violation.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { BEVEILIGINGSKOPPEN } from '../../src/build/headers.ts';
import { VOORBEELD_SQL } from '../../src/lib/extracts/voorbeelden.ts';
import { ROUTES, describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let dir: string;
let browser: Browser;
let report: PageReport;
const responses: Response[] = [];
let violations: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-headers-'));
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (${VOORBEELD_SQL.beschut_adviezen}) TO '${join(dir, 'adviezen.parquet')}' (FORMAT parquet)`);
  conn.closeSync();
  db.closeSync();

  browser = await launchBrowser();
  const monitored = await newMonitoredContext(browser, origin);
  report = monitored.report;
  monitored.context.on('response', (r) => responses.push(r));
  const page = await monitored.context.newPage();
  // Every violation of the page's policy is an event on the document (workers' refusals surface as failures below).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __pmCsp?: string[] };
      (w.__pmCsp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${baseUrl}#/data`);
  await settle(page, 120_000);
  await page.locator('input[type="file"]').first().setInputFiles(join(dir, 'adviezen.parquet'));
  await page.locator('.uitslagen [role="status"]').waitFor({ timeout: 60_000 });
  const nav = page.getByRole('navigation').first();
  for (const { name } of ROUTES) {
    await nav.getByRole('link', { name, exact: true }).click();
    await settle(page);
  }
  violations = await page.evaluate(() => (window as unknown as { __pmCsp?: string[] }).__pmCsp ?? []);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function kopVan(filter: (r: Response) => boolean, wat: string): Promise<Record<string, string>> {
  const r = responses.find((x) => x.url().startsWith(origin) && x.status() < 300 && filter(x));
  expect(r, `geen antwoord voor ${wat}`).toBeDefined();
  return r!.allHeaders();
}

test.each([
  ['de pagina', (r: Response) => r.request().resourceType() === 'document'],
  ['de DuckDB-worker', (r: Response) => /duckdb-browser-(eh|mvp)\.worker/.test(r.url())],
  ['de Parquet-lezer (worker)', (r: Response) => /\/assets\/worker-[^/]+\.js$/.test(r.url())],
  ['de WebAssembly-module', (r: Response) => r.url().endsWith('.wasm')],
  ['het manifest', (r: Response) => r.url().endsWith('/data/manifest.json')],
  ['een extract', (r: Response) => r.url().includes('/data/extracts/')],
] as const)('%s krijgt de beveiligingskoppen', async (wat, filter) => {
  const koppen = await kopVan(filter, wat);
  for (const [k, v] of Object.entries(BEVEILIGINGSKOPPEN)) expect(koppen[k.toLowerCase()], `${wat}: ${k}`).toBe(v);
});

test('het beleid staat alleen de eigen origin toe en verbiedt inlijsten', async () => {
  const koppen = await kopVan((r) => r.request().resourceType() === 'document', 'de pagina');
  expect(koppen['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(koppen['content-security-policy']).toContain("default-src 'self'");
  expect(koppen['content-security-policy']).not.toContain("'unsafe-eval'");
});

test('een andere pagina kan het dashboard niet in een frame tonen', async () => {
  const own = await newMonitoredContext(browser, origin);
  const page = await own.context.newPage();
  await page.setContent(`<iframe id="f" src="${baseUrl}" width="800" height="600"></iframe>`);
  await expect.poll(() => page.frames().length, { timeout: 10_000 }).toBe(2);
  const frame = page.frames()[1];
  await frame.waitForLoadState('load').catch(() => undefined);
  // Blocked by frame-ancestors: the frame holds Chromium's error page, not the dashboard.
  await expect.poll(() => frame.url(), { timeout: 10_000 }).not.toBe('about:blank');
  expect(frame.url()).not.toContain('127.0.0.1');
  expect(own.report.consoleErrors.join('\n')).toMatch(/frame-ancestors/);
  await own.context.close();
});

test('een hele sessie, met een eigen bestand, geeft geen enkele schending van het beleid', () => {
  expect(violations).toEqual([]);
  expect([...report.consoleErrors, ...report.pageErrors, ...report.httpErrors], describeReport(report)).toEqual([]);
});

/**
 * Everything the dashboard needs comes from its own origin: a whole session (every page via the
 * navigation, then a reload) fetches the DuckDB-WASM module, its worker and the demo extracts
 * from the preview server and nothing from anywhere else (no CDN, no DuckDB extension download).
 * Requests to other origins are blocked by the harness, so a leak fails here instead of hanging.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { ROUTES, describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let browser: Browser;
let report: PageReport;

beforeAll(async () => {
  browser = await launchBrowser();
  const monitored = await newMonitoredContext(browser, origin);
  report = monitored.report;
  const page = await monitored.context.newPage();
  await page.goto(`${baseUrl}#/`);
  await settle(page, 120_000);
  const nav = page.getByRole('navigation').first();
  for (const { name } of ROUTES) {
    await nav.getByRole('link', { name, exact: true }).click();
    await settle(page);
  }
  await page.reload();
  await settle(page, 120_000);
});

afterAll(async () => {
  await browser?.close();
});

const paths = () => report.requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname);

test('een hele sessie doet geen enkel verzoek naar een andere origin', () => {
  expect(report.requests.length).toBeGreaterThan(0);
  expect(report.foreignRequests, describeReport(report)).toEqual([]);
});

test('DuckDB-WASM (module en worker) komt van de eigen origin', () => {
  expect(paths().filter((p) => p.endsWith('.wasm')).length, paths().join('\n')).toBeGreaterThan(0);
  expect(paths().some((p) => /worker/i.test(p)), paths().join('\n')).toBe(true);
});

test('de demo-extracten en het manifest komen van de eigen origin', () => {
  expect(paths().some((p) => p.endsWith('manifest.json')), paths().join('\n')).toBe(true);
  expect(paths().some((p) => p.endsWith('.parquet')), paths().join('\n')).toBe(true);
});

test('geen HTTP-fouten of console-fouten in de hele sessie', () => {
  expect([...report.httpErrors, ...report.consoleErrors, ...report.pageErrors], describeReport(report)).toEqual([]);
});

/**
 * A reload draws the first view from the answers kept in the browser (issue 15, target 2): after a
 * first visit to Duurzaamheid, a reload shows the same key sentences, and the coordinator's
 * counters say they came from the kept answers (persisted) without a single query to the engine —
 * counted, never timed. Before the reload, once the engine has given back the cold load's heap
 * (release), a new question is still answered. The answers shipped with the demo data are left
 * out here (test/e2e/eerste-bezoek.test.ts covers those).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { CoordinatorStats } from '../../src/lib/query/Coordinator.ts';
import { encodeShipped } from '../../src/lib/query/shipped-answers.ts';
import { describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';
import { eersteKernzin } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let browser: Browser;
let page: Page;
let report: PageReport;

async function tellers(p: Page): Promise<CoordinatorStats> {
  return p.evaluate(() => (globalThis as unknown as { __pmQueryStats(): CoordinatorStats }).__pmQueryStats());
}

/** Number of answers kept in IndexedDB (the result store's index). */
async function bewaard(p: Page): Promise<number> {
  return p.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const r = indexedDB.open('pm-antwoorden');
        r.onsuccess = () => {
          const db = r.result;
          if (!db.objectStoreNames.contains('index')) return resolve(0);
          const c = db.transaction('index').objectStore('index').count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
        r.onerror = () => resolve(-1);
      }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  const ctx = await newMonitoredContext(browser, origin);
  report = ctx.report;
  // This test is about the answers kept in this browser: the site is served as if it shipped no
  // answers computed ahead (an empty file), so the first visit computes its view in the engine.
  await ctx.context.route('**/data/antwoorden.arrow', (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(encodeShipped([])) }));
  page = await ctx.context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('Herladen', () => {
  test('de kernzinnen komen na herladen uit de bewaarde antwoorden, zonder query naar de rekenmodule', async () => {
    await page.goto(`${baseUrl}#/duurzaamheid`);
    await settle(page, 300_000);
    const eerst = await page.getByTestId('kernzinnen').locator('li').allInnerTexts();
    expect(eerst[0]).toMatch(/procent/);
    const bezoek1 = await tellers(page);
    expect(bezoek1.sent).toBeGreaterThan(0);
    expect(bezoek1.persisted).toBe(0);
    // The answers are written shortly after they arrive: wait until the count holds still.
    let vorige = -1;
    for (let i = 0; i < 100; i++) {
      const n = await bewaard(page);
      if (n > 0 && n === vorige) break;
      vorige = n;
      await page.waitForTimeout(300);
    }
    expect(vorige).toBeGreaterThan(0);

    // After the background copy the engine gives back the cold load's heap (a fresh DuckDB worker
    // on the cache file); a new question is still answered, with the page's setup tables rebuilt.
    await page.waitForFunction(() => (globalThis as unknown as { __pmEngineTimings(): { releaseMs?: number } }).__pmEngineTimings().releaseMs !== undefined, undefined, {
      timeout: 180_000,
      polling: 250,
    });
    const opties = await page.locator('#dz-basis option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const ander = opties.find((k) => !k.endsWith('Q3'))!;
    const voorVraag = await tellers(page);
    await page.locator('#dz-basis').selectOption(ander);
    await settle(page, 300_000);
    expect((await tellers(page)).sent).toBeGreaterThan(voorVraag.sent);
    expect((await page.getByTestId('kernzinnen').locator('li').allInnerTexts())[0]).toMatch(/procent|niet getoond/);
    await page.goto(`${baseUrl}#/duurzaamheid`);
    await settle(page, 300_000);

    await page.reload();
    // The first key sentence on screen, and the counters at that very moment.
    const { zin, tellers: bijZin } = await eersteKernzin<CoordinatorStats>(page, 120_000);
    expect(zin).toBe(eerst[0]);
    expect(bijZin.persisted).toBeGreaterThan(0);
    expect(bijZin.sent).toBe(0);

    // The whole first view, once the engine has the data too: the same sentences, still no query.
    await settle(page, 300_000);
    expect(await page.getByTestId('kernzinnen').locator('li').allInnerTexts()).toEqual(eerst);
    const bezoek2 = await tellers(page);
    expect(bezoek2.sent).toBe(0);
    expect(bezoek2.persisted).toBeGreaterThanOrEqual(bijZin.persisted);
    expect([...report.consoleErrors, ...report.pageErrors, ...report.httpErrors], describeReport(report)).toEqual([]);
  }, 600_000);
});

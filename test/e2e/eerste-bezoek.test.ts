/**
 * A first visit on the demo data draws the Duurzaamheid first view from the answers computed ahead
 * (issue 15, target 1; data/antwoorden.arrow, notebooks/generate-antwoorden.ts): in a fresh
 * profile the headline appears with the numbers native DuckDB computes on the same Parquet files,
 * and at that moment the coordinator has sent no query to the engine — counted, never timed.
 * Once the engine has the data a new question is computed in the browser as always.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { formatKwartaalVoluit } from '../../src/lib/format/nl.ts';
import { panelBereikQuery, standaardBasiskwartaal } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { cohortUitkomstQuery } from '../../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { CoordinatorStats } from '../../src/lib/query/Coordinator.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { ROOT, describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';
import { eersteKernzin } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = join(ROOT, 'data');
const HEADLINE = /^Van de (.+) die in het (\w+) kwartaal van (\d{4}) werkten, werkte (een|twee) jaar later (\d+) procent nog steeds\.$/;

let browser: Browser;
let page: Page;
let report: PageReport;

beforeAll(async () => {
  browser = await launchBrowser();
  const ctx = await newMonitoredContext(browser, origin);
  report = ctx.report;
  page = await ctx.context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The native headline numbers of the default cohort: its base quarter and the share still working. */
async function native(): Promise<{ basis: string; pct: number }> {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const pad = (n: string) => join(DATA, manifest.extracts.find((e) => e.name === n)!.file);
  const engine = await NodeEngine.create();
  try {
    await engine.attachParquet({ doelgroep_kwartaal: pad('doelgroep_kwartaal'), doelgroep_uitstroom: pad('doelgroep_uitstroom') });
    const bereik = (await runMetric(engine, panelBereikQuery()))!;
    const basis = standaardBasiskwartaal(bereik)!;
    const [t] = await runMetric(engine, cohortUitkomstQuery({ basis, horizon: 4 }, bereik));
    return { basis, pct: Math.round((t.werkzaam / t.cohort) * 100) };
  } finally {
    await engine.close();
  }
}

describe('Eerste bezoek', () => {
  test('de kernzin van Duurzaamheid komt uit de vooraf berekende antwoorden: native getallen, geen query naar de rekenmodule', async () => {
    const verwacht = await native();
    await page.goto(`${baseUrl}#/duurzaamheid`);
    // The first key sentence on screen, and the counters at that very moment.
    const { zin, tellers } = await eersteKernzin<CoordinatorStats>(page, 180_000);
    const m = HEADLINE.exec(zin);
    expect(m, zin).not.toBeNull();
    expect(`${m![2]} kwartaal van ${m![3]}`).toBe(formatKwartaalVoluit(verwacht.basis));
    expect(Number(m![5])).toBe(verwacht.pct);
    expect(tellers.sent).toBe(0);
    // The range and the cohort trend at least: both answered from the file, in a fresh profile.
    expect(tellers.persisted).toBeGreaterThanOrEqual(2);

    // The whole first view, once the engine has the data too: still no query for it.
    await settle(page, 300_000);
    const na = (await page.evaluate(() => (globalThis as unknown as { __pmQueryStats(): CoordinatorStats }).__pmQueryStats())) as CoordinatorStats;
    expect(na.sent).toBe(0);
    expect((await page.getByTestId('kernzinnen').locator('li').allInnerTexts())[0]).toBe(zin);

    // A question outside the first view (horizon two years) is computed in the browser.
    await page.locator('input[name="dz-horizon"][value="8"]').check();
    await settle(page, 300_000);
    const daarna = (await page.evaluate(() => (globalThis as unknown as { __pmQueryStats(): CoordinatorStats }).__pmQueryStats())) as CoordinatorStats;
    expect(daarna.sent).toBeGreaterThan(0);
    expect((await page.getByTestId('kernzinnen').locator('li').allInnerTexts())[0]).toMatch(/twee jaar later \d+ procent|niet getoond/);
    expect([...report.consoleErrors, ...report.pageErrors, ...report.httpErrors], describeReport(report)).toEqual([]);
  }, 600_000);
});

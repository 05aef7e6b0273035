/**
 * No view is left busy, in Debian Chromium on the demo data:
 * (a) 200 filter changes on Duurzaamheid as fast as the page takes them: the page settles on the
 *     LAST selection (its headline equals native DuckDB) and the coordinator's counters show that
 *     superseded work was dropped from the queue or interrupted in the engine. The settle time is
 *     printed for the record, never asserted (no wall-clock thresholds in tests).
 * (b) every page in one tab, in several orders with pauses of 0, 1 and 3 s — including
 *     Overzicht → Regio's (3 s after it has loaded) → Duurzaamheid, which once left four sections
 *     on "Bezig met berekenen…" for good: after each order nothing is busy and no calculation
 *     failed, and every Duurzaamheid section has content.
 * E2E_DATA_DIR (relative to the repo) points at another data folder with manifest.json.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { panelBereikQuery, standaardBasiskwartaal, type PanelBereik } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { cohortUitkomstQuery } from '../../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { CoordinatorStats } from '../../src/lib/query/Coordinator.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { formatKwartaal } from '../../src/lib/format/nl.ts';
import { wissels } from './wissels.ts';
import { ROOT, ROUTES, describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');

let browser: Browser;
let native: NodeEngine;
let bereik: PanelBereik;

function parquet(naam: string): string {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const e = manifest.extracts.find((x) => x.name === naam);
  if (!e) throw new Error(`${naam} staat niet in ${DATA}/manifest.json`);
  return join(DATA, e.file);
}

async function tellers(p: Page): Promise<CoordinatorStats> {
  return p.evaluate(() => (globalThis as unknown as { __pmQueryStats(): CoordinatorStats }).__pmQueryStats());
}

/** Wait (functional timeout, not a speed claim) until no element anywhere is busy. */
async function nietsBezig(p: Page, timeout = 180_000): Promise<void> {
  await p.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout, polling: 50 });
}

/** Failed calculations and alerts on the page now. */
async function fouten(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const uit: string[] = [];
    for (const el of document.querySelectorAll('[role="alert"]')) uit.push((el as HTMLElement).innerText.trim());
    if (document.body.innerText.includes('Deze berekening is mislukt')) uit.push('Deze berekening is mislukt');
    return uit;
  });
}

beforeAll(async () => {
  native = await NodeEngine.create();
  await native.attachParquet({ doelgroep_kwartaal: parquet('doelgroep_kwartaal'), doelgroep_uitstroom: parquet('doelgroep_uitstroom') });
  bereik = (await runMetric(native, panelBereikQuery()))!;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await native?.close();
});

describe('200 snelle filterwissels op Duurzaamheid', () => {
  let page: Page;
  let report: PageReport;

  beforeAll(async () => {
    const m = await newMonitoredContext(browser, origin);
    report = m.report;
    page = await m.context.newPage();
    await page.goto(`${baseUrl}#/duurzaamheid`);
    await settle(page, 300_000);
  }, 360_000);

  test('eindigen op de laatste selectie; vervangen werk is uit de wachtrij gehaald of onderbroken', async () => {
    const standaard = standaardBasiskwartaal(bereik)!;
    const { links, laatste } = wissels(standaard);
    // The last selection: a fourth quarter (own queries), one region, one sector, one achtergrond.
    expect(laatste.basis.endsWith('Q4')).toBe(true);

    const voor = await tellers(page);
    // One change per task, as fast as the page takes them (each hashchange is handled in between).
    await page.evaluate(async (hashes) => {
      for (const h of hashes) {
        window.location.hash = h;
        await new Promise((r) => setTimeout(r, 0));
      }
    }, links);
    const t0 = Date.now();
    await page.waitForFunction(
      ([kop]) =>
        document.querySelectorAll('[aria-busy="true"]').length === 0 &&
        (document.querySelector('#dz-kern-kop')?.textContent ?? '').includes(kop) &&
        (document.querySelector('[data-testid="kernzinnen"] li')?.textContent ?? '').startsWith('Van de mensen met achtergrond Wajong'),
      [formatKwartaal(laatste.basis)] as const,
      { timeout: 60_000, polling: 50 },
    );
    const settleMs = Date.now() - t0;
    const na = await tellers(page);
    const delta = Object.fromEntries(Object.keys(na).map((key) => [key, na[key as keyof CoordinatorStats] - voor[key as keyof CoordinatorStats]]));
    console.log(`[settle] ${links.length} wissels: rustig ${settleMs} ms na de laatste wissel; tellers ${JSON.stringify(delta)}`);

    expect(new URL(page.url()).hash).toBe(links.at(-1));
    // The headline is the last selection's, equal to native DuckDB on the same Parquet.
    const zin = (await page.getByTestId('kernzinnen').locator('li').allInnerTexts())[0];
    const m = /^Van de mensen met achtergrond Wajong die in het vierde kwartaal van (\d{4}) werkten, werkte een jaar later (\d+) procent nog steeds\.$/.exec(zin);
    expect(m, zin).not.toBeNull();
    expect(m![1]).toBe(laatste.basis.slice(0, 4));
    const [t] = await runMetric(native, cohortUitkomstQuery({
      basis: laatste.basis, horizon: 4, filters: { regio: [laatste.regio], sector: [laatste.sector], achtergrond: [laatste.achtergrond] },
    }, bereik));
    expect(Number(m![2])).toBe(Math.round((t.werkzaam / t.cohort) * 100));
    expect(await fouten(page)).toEqual([]);

    // Superseded work was dropped from the queue or interrupted in the engine …
    expect(delta.dropped + delta.interrupted, JSON.stringify(delta)).toBeGreaterThan(0);
    // … so far fewer queries reached the engine than the page asked: up to 8 per change.
    expect(delta.sent, JSON.stringify(delta)).toBeLessThan(links.length);
    expect([...report.consoleErrors, ...report.pageErrors], describeReport(report)).toEqual([]);
  }, 120_000);
});

describe('alle pagina’s in één tabblad, in verschillende volgordes en met pauzes', () => {
  const naam = (hash: string) => ROUTES.find((r) => r.hash === hash)!.name;
  const OVERZICHT = '#/';
  const REGIOS = '#/regios';
  const DUURZAAMHEID = '#/duurzaamheid';
  const alle = ROUTES.map((r) => r.hash);
  const volgordes: { pauze: number; paginas: string[] }[] = [
    // The order that once left four Duurzaamheid sections busy for good (pause 3 s after Regio's has loaded).
    { pauze: 3_000, paginas: [OVERZICHT, REGIOS, DUURZAAMHEID] },
    { pauze: 0, paginas: [...alle] },
    { pauze: 1_000, paginas: [...alle].reverse() },
    { pauze: 3_000, paginas: ['#/data', DUURZAAMHEID, '#/buig', REGIOS, '#/beschut-werk', '#/briefing', OVERZICHT, DUURZAAMHEID] },
    { pauze: 0, paginas: [DUURZAAMHEID, REGIOS, DUURZAAMHEID, OVERZICHT, REGIOS, DUURZAAMHEID] },
  ];

  let page: Page;
  let report: PageReport;

  beforeAll(async () => {
    const m = await newMonitoredContext(browser, origin);
    report = m.report;
    page = await m.context.newPage();
  });

  test('laat na elke volgorde niets bezig en geen mislukte berekening achter; elke sectie van Duurzaamheid heeft inhoud', async () => {
    for (const [i, v] of volgordes.entries()) {
      const route = v.paginas.map(naam).join(' → ');
      for (const [j, hash] of v.paginas.entries()) {
        if (i === 0 && j === 0) {
          await page.goto(`${baseUrl}${hash}`);
        } else {
          await page.evaluate((h) => {
            window.location.hash = h;
          }, hash);
        }
        // The first order waits for each page to load before its pause (Regio's: 3 s after loading).
        if (i === 0) await settle(page, 300_000);
        if (v.pauze) await page.waitForTimeout(v.pauze);
      }
      await settle(page, 180_000);
      await nietsBezig(page);
      expect(await fouten(page), `${route}: ${describeReport(report)}`).toEqual([]);
      await expect(page.getByRole('heading', { level: 1 }).innerText(), route).resolves.toBe(naam(v.paginas.at(-1)!));
      if (v.paginas.at(-1) === DUURZAAMHEID) await duurzaamheidHeeftInhoud(page, route);
    }
    expect([...report.consoleErrors, ...report.pageErrors], describeReport(report)).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
  }, 900_000);
});

/** Every section of the Duurzaamheid page shows its chart, sentences or a message, none busy. */
async function duurzaamheidHeeftInhoud(p: Page, route: string): Promise<void> {
  const secties = await p.locator('main [data-sectie]').evaluateAll((els) =>
    els.map((el) => ({
      naam: el.getAttribute('data-sectie'),
      bezig: el.getAttribute('aria-busy'),
      figuren: el.querySelectorAll('figure, [role="figure"]').length,
      zinnen: el.querySelectorAll('[data-testid="kernzinnen"] li').length,
      melding: el.querySelector('.pm-melding--info')?.textContent?.trim() ?? '',
      tekst: (el as HTMLElement).innerText.trim().slice(0, 80),
    })),
  );
  expect(secties.map((s) => s.naam), route).toEqual(['kern', 'uitkomst', 'trend', 'vergelijking', 'starters', 'starters-trend', 'contract', 'uitstroom']);
  for (const s of secties) {
    expect(s.bezig, `${route}: ${s.naam}`).toBe('false');
    expect(s.figuren + s.zinnen + (s.melding ? 1 : 0), `${route}: ${s.naam} is leeg ("${s.tekst}")`).toBeGreaterThan(0);
  }
}

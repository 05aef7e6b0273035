/**
 * Every page of the built site, opened by its link in Debian Chromium: it shows its heading,
 * logs no console or page errors, fetches nothing from another origin, and axe-core finds no
 * WCAG 2.1 A/AA violation. Impossible URLs get a Dutch message instead of a broken page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  ROUTES, describeReport, launchBrowser, newMonitoredContext, runAxe, settle,
  type AxeViolation, type PageReport,
} from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let browser: Browser;
let context: BrowserContext;
let report: PageReport;
let resetReport: () => void;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, report, reset: resetReport } = await newMonitoredContext(browser, origin));
  // Warm-up: the first visit loads the demo extracts; later visits may come from the cache.
  const page = await context.newPage();
  await page.goto(`${baseUrl}#/`);
  await settle(page, 120_000);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
});

interface Visit {
  report: PageReport;
  h1: string[];
  axe: { violations: AxeViolation[]; summary: string };
}
const visits = new Map<string, Promise<Visit>>();

/** Open a route once in a fresh tab (full page load) and keep what it did, for several tests. */
function visit(hash: string): Promise<Visit> {
  let v = visits.get(hash);
  if (!v) {
    v = (async () => {
      resetReport();
      const page = await context.newPage();
      await page.goto(`${baseUrl}${hash}`);
      await settle(page);
      const h1 = await page.getByRole('heading', { level: 1 }).allInnerTexts();
      const axe = await runAxe(page);
      const snapshot = structuredClone(report);
      await page.close();
      return { report: snapshot, h1, axe };
    })();
    visits.set(hash, v);
  }
  return v;
}

describe.each(ROUTES)('pagina $name ($hash)', ({ hash, name }) => {
  test('laadt met de eigen kop, zonder console- of paginafouten', async () => {
    const v = await visit(hash);
    expect(v.h1.join(' | '), 'h1 van de pagina').toContain(name);
    expect([...v.report.consoleErrors, ...v.report.pageErrors, ...v.report.httpErrors], describeReport(v.report)).toEqual([]);
  });

  test('haalt niets op van een andere origin', async () => {
    const v = await visit(hash);
    expect(v.report.requests.length, 'de pagina deed verzoeken').toBeGreaterThan(0);
    expect(v.report.foreignRequests, describeReport(v.report)).toEqual([]);
  });

  test('heeft geen WCAG 2.1 AA-overtredingen (axe-core)', async () => {
    const v = await visit(hash);
    expect(v.axe.violations.map((x) => x.id), v.axe.summary).toEqual([]);
  });
});

describe('navigatie', () => {
  test('de hoofdnavigatie bereikt elke pagina en zet de pagina in de URL', async () => {
    resetReport();
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/`);
    await settle(page);
    const nav = page.getByRole('navigation').first();
    for (const { hash, name } of ROUTES) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect.poll(() => new URL(page.url()).hash.split('?')[0], { timeout: 10_000 }).toBe(hash);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 10_000 }).toContain(name);
      // The link of the current page says so to assistive technology.
      expect(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    await settle(page);
    expect([...report.consoleErrors, ...report.pageErrors], describeReport(report)).toEqual([]);
    await page.close();
  });
});

describe('onmogelijke URL', () => {
  async function open(hash: string): Promise<Page> {
    resetReport();
    const page = await context.newPage();
    await page.goto(`${baseUrl}${hash}`);
    await settle(page);
    return page;
  }

  test('een onbekende pagina toont een Nederlandse melding met een weg terug', async () => {
    const page = await open('#/bestaat-niet');
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toMatch(/niet gevonden|bestaat niet|onbekende pagina/i);
    await expect.poll(() => page.getByRole('link', { name: 'Overzicht', exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    await page.close();
  });

  test('een onmogelijke filterwaarde in de URL toont een Nederlandse melding', async () => {
    // AM99 is not one of the 35 arbeidsmarktregio's.
    const page = await open('#/regios?regio=AM99');
    const melding = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'AM99' });
    await expect.poll(() => melding.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await melding.first().innerText()).toMatch(/onbekend|ongeldig|bestaat niet|niet mogelijk/i);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    await page.close();
  });
});

describe('tabelweergave', () => {
  test('de tabel naast de banenafspraak-grafiek is met het toetsenbord te openen, in nl-NL en zonder WCAG-overtredingen', async () => {
    resetReport();
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/`);
    await settle(page);
    const figuur = page.getByRole('figure').filter({ hasText: /banenafspraak/i }).first();
    const knop = figuur.getByRole('button', { name: 'Tabel', exact: true });
    await knop.focus();
    await page.keyboard.press('Enter');
    expect(await knop.getAttribute('aria-pressed')).toBe('true');
    const tabel = figuur.getByRole('table').first();
    await tabel.waitFor({ state: 'visible' });
    // Published totals of the eenmeting (2015) in Dutch notation: 21.057 banen, 15.604 markt.
    const tekst = await tabel.innerText();
    expect(tekst).toContain('21.057');
    expect(tekst).toContain('15.604');
    const axe = await runAxe(page);
    expect(axe.violations.map((x) => x.id), axe.summary).toEqual([]);
    expect([...report.consoleErrors, ...report.pageErrors], describeReport(report)).toEqual([]);
    await page.close();
  });
});

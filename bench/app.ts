import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { ensureBuilt as ensureSiteBuilt, startPreview as startSitePreview } from '../test/e2e/harness.ts';
import { encodeShipped } from '../src/lib/query/shipped-answers.ts';
import { tabCost, type TabCost } from './browser.ts';
import { visitPages, type PageVisit } from './pages.ts';
import { measureSettle, type SettleResult } from './settle.ts';

/**
 * What a user feels (issue 15, targets 1 and 2): the real site (dist/, built like the e2e tests
 * build it), the Duurzaamheid page, time from navigation until the first key sentence is on
 * screen — on a first visit (fresh profile: no OPFS cache, nothing persisted) and after a reload
 * once the background cache copy is done. Plus the coordinator's counters at that moment and what
 * the tab holds. The demo's first view comes from the answers computed ahead (data/antwoorden.arrow);
 * `computed` is the same first visit with those left out (an empty file is served), i.e. what a
 * user's own file of the same size gets. At twice the scale (bench/schaal.ts) the main visit is
 * that computed one, and every page is visited once after the heap was given back.
 */

export interface AppVisit {
  /** Navigation start → first kernzin on screen. */
  headlineMs: number;
  /** Navigation start → no busy section left on the page (the whole first view). */
  firstViewMs: number | null;
  /** Coordinator counters when the sentence appeared. */
  stats: Record<string, number> | null;
  /** The engine's start and load timings when the whole first view was drawn. */
  engine: unknown;
  cost: TabCost;
}

export interface AppResult {
  cold: AppVisit;
  /** Time from navigation until the background copy into the OPFS cache finished. */
  cacheCopyDoneMs: number | null;
  afterCopy: TabCost;
  /** Time from navigation until the engine had given back the cold load's heap (release), and the tab then. */
  releaseDoneMs: number | null;
  afterRelease: TabCost;
  reload: AppVisit;
  engine: unknown;
  /** A first visit without the answers computed ahead (only when the main visit had them). */
  computed: AppVisit | null;
  /** Every page once, after the heap was given back (when asked). */
  pages: PageVisit[] | null;
  /** Whether the main visit could use the answers computed ahead. */
  shipped: boolean;
  /** Issue 8: 200 rapid filter changes on Duurzaamheid (when the pages were visited). */
  settle: SettleResult | null;
}

export interface AppOptions {
  /** Serve the answers computed ahead (false: an empty file, everything computed in the tab). */
  shipped: boolean;
  /** Visit every page after the heap was given back. */
  pages: boolean;
}

/** A context on which the site seems to ship no answers computed ahead. */
async function withoutShipped(context: BrowserContext): Promise<void> {
  const empty = Buffer.from(encodeShipped([]));
  await context.route('**/data/antwoorden.arrow', (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: empty }));
}

function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
}

const ROUTE = '#/duurzaamheid';

export async function measureApp(browser: Browser, browserCdp: CDPSession, options: AppOptions): Promise<AppResult> {
  ensureSiteBuilt();
  const site = await startSitePreview();
  const context = await newContext(browser);
  try {
    if (!options.shipped) await withoutShipped(context);
    const page = await context.newPage();
    await page.goto(`${site.url}${ROUTE}`);
    const cold = await visit(page, browserCdp);
    const cacheCopyDoneMs = await page
      .waitForFunction(
        () => {
          const t = (globalThis as unknown as { __pmEngineTimings?: () => { loads: Record<string, { bron: string }>; persisted: Record<string, unknown> } }).__pmEngineTimings?.();
          if (!t) return false;
          const copied = Object.values(t.loads).filter((l) => l.bron === 'parquet').length;
          return copied > 0 && Object.keys(t.persisted).length >= copied ? performance.now() : false;
        },
        undefined,
        { timeout: 180_000, polling: 100 },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => null);
    const afterCopy = await tabCost(browserCdp, page);
    const releaseDoneMs = await page
      .waitForFunction(
        () => {
          const t = (globalThis as unknown as { __pmEngineTimings?: () => { releaseMs?: number } }).__pmEngineTimings?.();
          return t?.releaseMs !== undefined ? performance.now() : false;
        },
        undefined,
        { timeout: 60_000, polling: 100 },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => null);
    const afterRelease = await tabCost(browserCdp, page);
    const pages = options.pages ? await visitPages(page, browserCdp) : null;
    const settle = options.pages ? await measureSettle(page, site.url) : null;
    if (pages) await page.goto(`${site.url}${ROUTE}`);
    await page.reload();
    const reload = await visit(page, browserCdp);
    const engine = await page.evaluate(() => (globalThis as unknown as { __pmEngineTimings?: () => unknown }).__pmEngineTimings?.() ?? null);
    await context.close();
    const computed = options.shipped ? await computedVisit(browser, browserCdp, site.url) : null;
    return { cold, cacheCopyDoneMs, afterCopy, releaseDoneMs, afterRelease, reload, engine, computed, pages, shipped: options.shipped, settle };
  } finally {
    await context.close();
    await site.stop();
  }
}

/** A first visit in a fresh profile with no answers computed ahead: the first view computed in the tab. */
async function computedVisit(browser: Browser, browserCdp: CDPSession, url: string): Promise<AppVisit> {
  const context = await newContext(browser);
  try {
    await withoutShipped(context);
    const page = await context.newPage();
    await page.goto(`${url}${ROUTE}`);
    return await visit(page, browserCdp);
  } finally {
    await context.close();
  }
}

async function visit(page: Page, browserCdp: CDPSession): Promise<AppVisit> {
  // Predicates without named inner functions (tsx would wrap those in a helper the page lacks).
  const headline = await page.waitForFunction(
    () => {
      const li = document.querySelector('[data-testid="kernzinnen"] li');
      if (!li || !/procent/.test(li.textContent ?? '')) return false;
      const s = (globalThis as unknown as { __pmQueryStats?: () => Record<string, number> }).__pmQueryStats?.() ?? null;
      return { ms: performance.now(), stats: s };
    },
    undefined,
    { timeout: 300_000, polling: 'raf' },
  );
  const { ms, stats } = (await headline.jsonValue()) as { ms: number; stats: Record<string, number> | null };
  const firstViewMs = await page
    .waitForFunction(
      () => {
        for (const el of document.querySelectorAll('main [aria-busy="true"]')) if (el.getClientRects().length > 0) return false;
        return performance.now();
      },
      undefined,
      { timeout: 300_000, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null);
  const engine = await page.evaluate(() => (globalThis as unknown as { __pmEngineTimings?: () => unknown }).__pmEngineTimings?.() ?? null);
  return { headlineMs: ms, firstViewMs, stats, engine, cost: await tabCost(browserCdp, page) };
}

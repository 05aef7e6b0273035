import type { CDPSession, Page } from 'playwright-core';
import { ROUTES } from '../test/e2e/harness.ts';
import { tabCost, type TabCost } from './browser.ts';

/**
 * Every page of the site, one after the other in the same tab (issue 15, target 4: "every page
 * works"): the hash route is set, then the time until the page's own heading is there and no
 * section in <main> is busy, whether an error message or a console/page error appeared, and what
 * the tab holds after it. A report: a failure is written down, never thrown.
 */

export interface PageVisit {
  hash: string;
  name: string;
  /** Route set → own heading on screen and nothing busy in <main> (null: not within the time). */
  drawnMs: number | null;
  /** Error messages on the page (role=alert with the error style) and console/page errors meanwhile. */
  errors: string[];
  cost: TabCost;
}

export async function visitPages(page: Page, browserCdp: CDPSession, timeoutMs = 180_000): Promise<PageVisit[]> {
  const out: PageVisit[] = [];
  let errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') errors.push(m.text());
  };
  const onPageError = (e: Error) => errors.push(e.message);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    for (const { hash, name } of ROUTES) {
      errors = [];
      const t0 = await page.evaluate((h) => {
        location.hash = h;
        return performance.now();
      }, hash);
      // Predicate without named inner functions (tsx would wrap those in a helper the page lacks).
      const drawn = await page
        .waitForFunction(
          ({ naam, t }) => {
            const h1 = document.querySelector('main h1');
            if (!h1 || !(h1.textContent ?? '').includes(naam)) return false;
            for (const el of document.querySelectorAll('main [aria-busy="true"], main [role="progressbar"]')) if (el.getClientRects().length > 0) return false;
            return performance.now() - t;
          },
          { naam: name, t: t0 },
          { timeout: timeoutMs, polling: 50 },
        )
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => null);
      const fouten = await page.evaluate(() =>
        [...document.querySelectorAll('main .pm-melding--fout')].filter((el) => el.getClientRects().length > 0).map((el) => (el as HTMLElement).innerText.trim()),
      );
      out.push({ hash, name, drawnMs: drawn, errors: [...fouten, ...errors], cost: await tabCost(browserCdp, page) });
      console.log(`  pagina ${name.padEnd(14)} ${drawn === null ? 'NIET getekend' : `${Math.round(drawn)} ms`}${out.at(-1)!.errors.length ? `, fouten: ${out.at(-1)!.errors.join(' | ').slice(0, 200)}` : ''}`);
    }
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
  return out;
}

/**
 * Issue 8: "200 rapid filter changes on Duurzaamheid settle within 3 s of the last change",
 * measured here (test/e2e/settle.test.ts checks the outcome and the counters, not the time). The
 * same mix as that test (test/e2e/wissels.ts), one hash change per task.
 * Settled: nothing on the page busy and the headline is the last selection's.
 */
import type { Page } from 'playwright-core';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { wissels } from '../test/e2e/wissels.ts';

export interface SettleResult {
  changes: number;
  /** Last change → settled on the last selection (null: not within the time). */
  settledMs: number | null;
  /** Coordinator counters over the changes (sent, interrupted, dropped, …). */
  stats: Record<string, number> | null;
}

export async function measureSettle(page: Page, url: string): Promise<SettleResult> {
  await page.goto(`${url}#/duurzaamheid`);
  // The page's own default base quarter (the latest third quarter with a year after it).
  const standaard = await page
    .waitForFunction(
      () => {
        const s = document.querySelector('#dz-basis') as HTMLSelectElement | null;
        const busy = document.querySelectorAll('[aria-busy="true"]').length > 0;
        return s && s.value && !busy && document.querySelector('[data-testid="kernzinnen"] li') ? s.value : false;
      },
      undefined,
      { timeout: 300_000, polling: 100 },
    )
    .then((h) => h.jsonValue() as Promise<string>);
  const { links } = wissels(standaard as Kwartaal);
  const stats = () => page.evaluate(() => (globalThis as unknown as { __pmQueryStats?: () => Record<string, number> }).__pmQueryStats?.() ?? null);
  const voor = await stats();
  // Predicates without named inner functions (tsx would wrap those in a helper the page lacks).
  const laatste = await page.evaluate(async (hashes) => {
    for (const h of hashes) {
      window.location.hash = h;
      await new Promise((r) => setTimeout(r, 0));
    }
    return performance.now();
  }, links);
  const klaar = await page
    .waitForFunction(
      () =>
        document.querySelectorAll('[aria-busy="true"]').length === 0 &&
        (document.querySelector('[data-testid="kernzinnen"] li')?.textContent ?? '').startsWith('Van de mensen met achtergrond Wajong')
          ? performance.now()
          : false,
      undefined,
      { timeout: 120_000, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null);
  const na = await stats();
  const delta = voor && na ? Object.fromEntries(Object.keys(na).map((k) => [k, na[k] - (voor[k] ?? 0)])) : null;
  return { changes: links.length, settledMs: klaar === null ? null : klaar - laatste, stats: delta };
}

/**
 * Screenshots of every page for people to look at (not a test): builds the site when stale,
 * serves it with vite preview, and saves screenshots/<page>.png at 1280×900 (full page) plus an
 * A4 print rendering of the Overzicht. Run: npx tsx scripts/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ROUTES, describeReport, ensureBuilt, launchBrowser, newMonitoredContext, settle, startPreview } from '../test/e2e/harness.ts';

const outDir = join(ROOT, 'screenshots');
mkdirSync(outDir, { recursive: true });

const slug = (hash: string) => hash.replace(/^#\/?/, '').replace(/[^a-z0-9-]+/gi, '-') || 'overzicht';

ensureBuilt();
const server = await startPreview();
const browser = await launchBrowser();
try {
  const { context, report, reset } = await newMonitoredContext(browser, server.origin);
  for (const { hash, name } of ROUTES) {
    reset();
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${server.url}${hash}`);
    await settle(page, 120_000);
    const file = join(outDir, `${slug(hash)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const problems = describeReport(report);
    console.log(`${name.padEnd(14)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${file}${problems === 'geen problemen' ? '' : `\n  ${problems.replaceAll('\n', '\n  ')}`}`);
    await page.close();
  }

  // Print: A4 portrait at 96 dpi (794×1123 CSS px) with print media, as a briefing would be printed.
  const page = await context.newPage();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${server.url}#/`);
  await settle(page, 120_000);
  const file = join(outDir, 'overzicht-print-a4.png');
  await page.screenshot({ path: file, fullPage: true });
  console.log(`Overzicht (print A4)      ${file}`);
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}

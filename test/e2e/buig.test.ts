/**
 * The BUIG page in Debian Chromium: on the demo data the result per year (table twin and CSV)
 * equals the metric layer on native DuckDB with the same Parquet, and so do the headline sentence
 * and the computed twins of the published figures (SZW and Divosa 2016 both shown); the design
 * claims of the query layer hold, counted by the coordinator (year and gemeente only re-shape:
 * no query; a region asks again; back to a selection seen before: from the cache); axe finds
 * nothing; 390 px wide nothing overflows; and a user's own buig_gemeente extract, written here by
 * native DuckDB and loaded on the Data page, recomputes every figure and is named by its file,
 * never labelled synthetic, with "n.v.t." for a gemeente without budget.
 * How fast a redraw is, is a figure in `npm run bench`, not a test.
 * E2E_DATA_DIR (relative to the repo) points at another data folder with manifest.json.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { celTekst } from '../../src/lib/charts/spec.ts';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { landelijkQuery, type LandelijkRij } from '../../src/lib/metrics/buig.ts';
import { buigIndicator, decimalenVan, waardeTekst } from '../../src/lib/published/buig.ts';
import { parseBuig } from '../../src/lib/published/reference.ts';
import type { CoordinatorStats } from '../../src/lib/query/Coordinator.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { resultaatData } from '../../src/pages/buig/grafieken.ts';
import { twinWaarde } from '../../src/pages/buig/gepubliceerd.ts';
import { onderwerp } from '../../src/pages/buig/selectie.ts';
import { zinResultaat } from '../../src/pages/buig/zinnen.ts';
import { ROOT, describeReport, launchBrowser, newMonitoredContext, runAxe, settle, type PageReport } from './harness.ts';
import { frame, tabelRijen } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');

let browser: Browser;
let context: BrowserContext;
let report: PageReport;
let page: Page;
let nationaal: LandelijkRij[];

function parquet(naam: string): string {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const e = manifest.extracts.find((x) => x.name === naam);
  if (!e) throw new Error(`${naam} staat niet in ${DATA}/manifest.json`);
  return join(DATA, e.file);
}

async function stats(): Promise<CoordinatorStats> {
  return page.evaluate(() => (globalThis as unknown as { __pmQueryStats: () => CoordinatorStats }).__pmQueryStats());
}

async function kernzinnen(): Promise<string[]> {
  return page.getByTestId('buig-kernzinnen').locator('li').allInnerTexts();
}

/** Change the link inside the running app and wait until the waterfall shows `jaar` and nothing is busy. */
async function toon(hash: string, jaar: number): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await frame(page, new RegExp(`^Van voorlopig budget naar resultaat, ${jaar}$`)).waitFor({ timeout: 120_000 });
  await settle(page, 120_000);
}

beforeAll(async () => {
  const native = await NodeEngine.create();
  try {
    await native.attachParquet({ buig_gemeente: parquet('buig_gemeente') });
    nationaal = await runMetric(native, landelijkQuery());
  } finally {
    await native.close();
  }
  browser = await launchBrowser();
  ({ context, report } = await newMonitoredContext(browser, origin));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  await page.goto(`${baseUrl}#/buig`);
  await settle(page, 300_000);
  await page.getByTestId('buig-kernzinnen').waitFor({ timeout: 120_000 });
}, 360_000);

afterAll(async () => {
  await browser?.close();
});

describe('BUIG op de demodata', () => {
  test('loads with its heading, names the data and has no errors', async () => {
    expect(await page.getByRole('heading', { level: 1, name: 'BUIG' }).isVisible()).toBe(true);
    expect(await page.getByTestId('buig-herkomst').innerText()).toMatch(/^Synthetische demodata/);
    expect(report.consoleErrors, describeReport(report)).toEqual([]);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
  });

  test('the national result per year (table twin and CSV) equals native DuckDB on the same Parquet', async () => {
    const jaren = nationaal.map((r) => r.jaar);
    const verwacht = resultaatData(nationaal, { van: jaren[0], tot: jaren[jaren.length - 1] }, { selectie: '', bron: { bron: '', peildatum: '', synthetisch: true } });
    const f = frame(page, /^Resultaat per jaar en cumulatief/);
    const rijen = await tabelRijen(f);
    expect(rijen).toEqual(verwacht.rijen.map((r) => verwacht.kolommen.map((k) => celTekst(r[k.key], k))));
    // Words, not signs, and at least one year of each kind in the demo data.
    expect(rijen.map((r) => r[1])).toContain('tekort');
    expect(rijen.map((r) => r[1])).toContain('overschot');
    expect(rijen.flat().some((c) => /^[-−]\d/.test(c))).toBe(false);

    const wacht = page.waitForEvent('download', { timeout: 30_000 });
    await f.getByRole('button', { name: 'Download als CSV' }).click();
    const csv = readFileSync((await (await wacht).path())!, 'utf8').slice(1).split('\r\n');
    const kop = csv.findIndex((l) => l.startsWith('Jaar;'));
    expect(csv[kop]).toBe('Jaar;Uitkomst;Bedrag (€ mln);% van het definitieve budget;Cumulatief: uitkomst;Cumulatief bedrag (€ mln);Cumulatief: % van het cumulatieve budget');
    const r2016 = nationaal.find((r) => r.jaar === 2016)!;
    expect(csv[kop + 1 + jaren.indexOf(2016)]).toMatch(
      new RegExp(`^2016;tekort;${(Math.abs(r2016.saldo) / 1e6).toFixed(1).replace('.', ',')};${Math.abs(r2016.saldoPct!).toFixed(1).replace('.', ',')};`),
    );
  });

  test('the headline sentence of the latest year equals the same sentence from native DuckDB', async () => {
    const laatste = nationaal[nationaal.length - 1];
    expect((await kernzinnen())[0]).toBe(zinResultaat(laatste, onderwerp({ regio: null, klasse: null })));
  });

  test('published figures appear with their computed twins, SZW and Divosa 2016 both', async () => {
    const pub = parseBuig(readFileSync(join(ROOT, 'data/published/buig_macrobudget.csv'), 'utf8'));
    const tabel = page.locator('[data-sectie="buig-gepubliceerd"] table');
    const rijen = await tabel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
    expect(rijen).toHaveLength(pub.length);
    for (const ind of ['tekort_landelijk_ca_szw_voorlopig', 'tekort_landelijk_divosa_voorlopig', 'tekort_landelijk_pct_szw_voorlopig', 'tekort_landelijk_pct_divosa_voorlopig']) {
      const r = pub.find((x) => x.indicator === ind)!;
      const i = buigIndicator(ind);
      const twin = waardeTekst(twinWaarde(r, nationaal)!, i.soort, r.eenheid, decimalenVan(r.waarde));
      expect(rijen, ind).toContainEqual(['2016', i.omschrijving, waardeTekst(r.waarde, i.soort, r.eenheid, decimalenVan(r.waarde)), twin, expect.any(String), expect.any(String), expect.any(String)]);
    }
    expect(rijen.find((r) => r[1] === 'Landelijk tekort volgens SZW (voorlopige cijfers)')!.slice(2, 3)).toEqual(['tekort € 270 mln']);
    expect(rijen.find((r) => r[1] === 'Landelijk tekort volgens Divosa (na aftrek vangnetreservering)')!.slice(2, 3)).toEqual(['tekort € 332 mln']);
    expect(await page.getByTestId('buig-2016').innerText()).toContain('Divosa');
  });

  test('copies the headline sentences with selection and source', async () => {
    await page.getByRole('button', { name: 'Kopieer kernzinnen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De kernzinnen zijn met selectie en bron gekopieerd.' }).count(), { timeout: 10_000 }).toBe(1);
    const tekst = await page.evaluate(() => navigator.clipboard.readText());
    const zinnen = await kernzinnen();
    expect(tekst.split('\n')).toEqual(['Selectie: heel Nederland.', ...zinnen, expect.stringMatching(/^Bron: Synthetische demodata .*bewerking Participatiemonitor\.$/), 'Let op: synthetische demodata, geen gepubliceerde cijfers.']);
  });

  test('year, range and gemeente only re-shape (no query); a region asks again; a selection seen before comes from the cache', async () => {
    await toon('#/buig', nationaal[nationaal.length - 1].jaar);
    const voor = await stats();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2016');
    await frame(page, /^Van voorlopig budget naar resultaat, 2016$/).waitFor({ timeout: 30_000 });
    await page.getByLabel('Beginjaar').selectOption('2012');
    await page.getByLabel('Eindjaar (tot en met)').selectOption('2016');
    await frame(page, /^Resultaat per jaar en cumulatief, 2012–2016$/).waitFor({ timeout: 30_000 });
    await page.getByLabel('Uw gemeente (zoek op naam)').fill('Amsterdam');
    await page.getByRole('button', { name: 'Toon', exact: true }).click();
    await frame(page, /^Amsterdam: van voorlopig budget naar resultaat, 2016$/).waitFor({ timeout: 30_000 });
    await settle(page, 60_000);
    expect(page.url()).toContain('jaar=2016&van=2012&tot=2016&gemeente=GM0363');
    expect((await stats()).sent).toBe(voor.sent);
    // The cumulative sentence 2012–2016 (as in the letter) is re-shaped too.
    expect(await kernzinnen()).toContainEqual(expect.stringMatching(/^Het gecumuleerde resultaat over de periode 2012–2016 is een tekort van € \d+ miljoen\./));

    await page.getByLabel('Arbeidsmarktregio', { exact: true }).selectOption('AM38');
    await expect.poll(async () => (await kernzinnen())[0], { timeout: 60_000 }).toMatch(/^In 2016 gaven de gemeenten in arbeidsmarktregio FoodValley /);
    await settle(page, 60_000);
    const regio = await stats();
    expect(regio.sent).toBeGreaterThan(voor.sent);

    await page.getByLabel('Arbeidsmarktregio', { exact: true }).selectOption('');
    await expect.poll(async () => (await kernzinnen())[0], { timeout: 60_000 }).toMatch(/^In 2016 gaven gemeenten /);
    await settle(page, 60_000);
    const terug = await stats();
    expect(terug.sent).toBe(regio.sent);
    expect(terug.cacheHits).toBeGreaterThan(regio.cacheHits);
  });

  test('axe finds no WCAG 2.1 A/AA violation', async () => {
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
  });

  test('390 px wide: nothing sticks out sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('eigen BUIG-extract', () => {
  /**
   * Two years of five gemeenten (euros), as in test/buig.test.ts:
   *   2020: definitief 173 mln, uitgaven 177,6 mln → tekort 4,6 mln (2,7%); Ameland without budget.
   *   2021: definitief 173,2 mln, uitgaven 162,6 mln → overschot 10,6 mln (6,1%; a sentence rounds it to € 11 miljoen);
   *   2020–2021: overschot 6,0 mln, 1,73% of 346,2 mln.
   */
  let dir: string;
  const bestand = 'buig_eigen.parquet';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-buig-'));
    const rijen = [
      ['GM0014', 2020, 110e6, 120e6, 126e6], ['GM0037', 2020, 9e6, 8e6, 8.2e6], ['GM0034', 2020, 40e6, 42e6, 40e6], ['GM0050', 2020, 3e6, 3e6, 3.3e6], ['GM0060', 2020, 0, 0, 0.1e6],
      ['GM0014', 2021, 125e6, 118e6, 110e6], ['GM0037', 2021, 8e6, 8e6, 8.4e6], ['GM0034', 2021, 42e6, 44e6, 41e6], ['GM0050', 2021, 3e6, 3.2e6, 3.2e6], ['GM0060', 2021, 0, 0, 0],
    ].map(([g, j, v, d, u]) => `('${g}', ${j}::SMALLINT, ${v}::DOUBLE, ${d}::DOUBLE, ${u}::DOUBLE)`);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`COPY (SELECT * FROM (VALUES ${rijen.join(', ')}) AS t(gemeente_code, jaar, budget_voorlopig, budget_definitief, uitgaven)) TO '${join(dir, bestand)}' (FORMAT parquet)`);
    conn.closeSync();
    db.closeSync();
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every figure is recomputed from the file and the page names it', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/data';
    });
    await settle(page, 120_000);
    await page.locator('input[type="file"]').first().setInputFiles(join(dir, bestand));
    await expect.poll(() => page.getByRole('status').filter({ hasText: bestand }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await settle(page, 120_000);
    await page.evaluate(() => {
      window.location.hash = '#/buig';
    });
    await expect.poll(() => page.getByTestId('buig-herkomst').innerText(), { timeout: 60_000 }).toBe(`Eigen bestand ${bestand}`);
    await frame(page, /^Van voorlopig budget naar resultaat, 2021$/).waitFor({ timeout: 60_000 });
    await settle(page, 60_000);

    expect((await kernzinnen())[0]).toBe('In 2021 gaven gemeenten € 11 miljoen (6,1 procent) minder uit aan bijstandsuitkeringen dan het macrobudget.');
    const f = frame(page, /^Resultaat per jaar en cumulatief, 2020–2021$/);
    expect(await tabelRijen(f)).toEqual([
      ['2020', 'tekort', '4,6', '2,7%', 'tekort', '4,6', '2,66%'],
      ['2021', 'overschot', '10,6', '6,1%', 'overschot', '6,0', '1,73%'],
    ]);
    const tekst = await f.innerText();
    expect(tekst).toContain(`Eigen bestand ${bestand}; bewerking Participatiemonitor`);
    expect(tekst).not.toContain('synthetische demodata');
    expect(await page.locator('[data-sectie="buig-jaren"]').innerText()).not.toContain('synthetische demodata');
    // The published figures stay; their years are not in this file.
    const szw = page.locator('[data-sectie="buig-gepubliceerd"] tr').filter({ hasText: 'Landelijk tekort volgens SZW (voorlopige cijfers)' });
    expect(await szw.locator('td').nth(2).innerText()).toBe('niet in de gegevens');

    // 2020: Ameland has no budget: "n.v.t.", no division by zero.
    await page.getByLabel('Jaar', { exact: true }).selectOption('2020');
    const g = frame(page, /^Resultaat per gemeente in 2020$/);
    await g.waitFor({ timeout: 30_000 });
    const ameland = (await tabelRijen(g)).find((r) => r[0] === 'Ameland')!;
    expect(ameland.slice(0, 4)).toEqual(['Ameland', 'tekort', 'n.v.t.', '0,10']);
    expect(await page.locator('.pm-zwerm desc').textContent()).toContain('1 zonder waarde (n.v.t.) niet getekend');
  });
});

/**
 * The Beschut werk page in Debian Chromium, on the demo data: its headline sentence, monthly table,
 * extrapolation and comparison equal the metric layer on native DuckDB with the same Parquet; the
 * published January–May 2017 figures stand next to their computed twins (with the source's own
 * arithmetic for its "71%"); aanvrager, minimum taakstelling, map indicator and level reshape the
 * page without a single query (coordinator counters); Nederland's year table of 2022 as rule 3's
 * exchange decides it (in the protection worker); a region and a gemeente found by name go
 * into the URL; axe finds nothing (the default view and a gemeente's); nothing is wider than 390 px; exports carry title and source;
 * and a user's own beschut_adviezen (written by native DuckDB) recomputes the page and is named.
 * E2E_DATA_DIR (relative to the repo) points at another data folder with manifest.json.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { formatAantal, formatGetal } from '../../src/lib/format/nl.ts';
import { periodeTotaalQuery, perMaandQuery, plekkenQuery } from '../../src/lib/metrics/beschut.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { ROOT, describeReport, launchBrowser, newMonitoredContext, runAxe, settle, type PageReport } from './harness.ts';
import { frame, tabelRijen } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');

let browser: Browser;
let context: BrowserContext;
let report: PageReport;
let page: Page;
let native: NodeEngine;

function parquet(naam: string): string {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const e = manifest.extracts.find((x) => x.name === naam);
  if (!e) throw new Error(`${naam} staat niet in ${DATA}/manifest.json`);
  return join(DATA, e.file);
}

const stats = () => page.evaluate(() => (globalThis as unknown as { __pmQueryStats: () => { sent: number } }).__pmQueryStats());
const eersteZin = () => page.locator('[data-testid="kernzinnen"] li').first().innerText();
const procent = (t: number, n: number) => `${formatAantal(Math.round((100 * t) / n))} procent`;

/** Go to a view inside the running app (no reload) and wait until every section is done. */
async function toon(hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await settle(page, 120_000);
}

beforeAll(async () => {
  native = await NodeEngine.create();
  await native.attachParquet({ beschut_adviezen: parquet('beschut_adviezen'), beschut_plekken: parquet('beschut_plekken') });
  browser = await launchBrowser();
  ({ context, report } = await newMonitoredContext(browser, origin));
  page = await context.newPage();
  await page.goto(`${baseUrl}#/beschut-werk`);
  await settle(page, 300_000);
  await page.locator('[data-testid="kernzinnen"] li').first().waitFor({ timeout: 120_000 });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await native?.close();
});

describe('Beschut werk op de demodata', () => {
  test('the headline sentence, the monthly table and the extrapolation equal native DuckDB', async () => {
    const t = await runMetric(native, periodeTotaalQuery({ van: '2017-01', tot: '2017-05' }));
    const tot = t.find((r) => r.aanvrager === 'totaal')!;
    expect(await eersteZin()).toBe(
      `In januari tot en met mei 2017 gaf UWV ${formatAantal(tot.beoordelingen)} adviezen beschut werk; ${formatAantal(tot.positief)} daarvan waren positief (${procent(tot.positief, tot.beoordelingen)}).`,
    );

    const m = await runMetric(native, perMaandQuery({ van: '2017-01', tot: '2017-05' }));
    const rijen = await tabelRijen(frame(page, /^Beoordelingen beschut werk per maand/));
    expect(rijen.map((r) => r[0])).toEqual(['jan 2017', 'feb 2017', 'mrt 2017', 'apr 2017', 'mei 2017']);
    const maanden = ['2017-01', '2017-02', '2017-03', '2017-04', '2017-05'];
    rijen.forEach((r, i) => {
      // Columns: maand, then beoordelingen and positief of gemeente, burger, totaal. Hidden cells say "<10" or "x".
      (['gemeente', 'burger', 'totaal'] as const).forEach((a, j) => {
        const n = m.find((x) => x.maand === maanden[i] && x.aanvrager === a)!;
        for (const [k, waarde] of [[1 + 2 * j, n.beoordelingen], [2 + 2 * j, n.positief]] as const) {
          if (r[k] === '<10' || r[k] === 'x') expect(r[k] === '<10' ? waarde < 10 : true, `${maanden[i]} ${a}`).toBe(true);
          else expect(r[k], `${maanden[i]} ${a}`).toBe(formatAantal(waarde));
        }
      });
      // National totals per month, always printed: the counts hidden to protect January's small
      // burger group are printed, since UWV's letter gave that group away (openbaar.ts).
      const totaal = formatAantal(m.find((x) => x.maand === maanden[i] && x.aanvrager === 'totaal')!.beoordelingen);
      expect(r[5]).toBe(totaal);
    });

    const e = frame(page, /^Positieve adviezen in 2017 \(totaal\), opgeteld/);
    const k = tot.positief;
    expect(await e.innerText()).toContain(
      `Extrapolatie, geen meting: ${formatAantal(k)} positieve adviezen in 5 maanden × 12 / 5 = ${formatAantal(Math.round((k * 12) / 5))}`,
    );
    const cum = await tabelRijen(e);
    expect(cum[11][0]).toBe('dec 2017');
    expect(cum[11][2]).toBe(formatAantal(Math.round((k * 12) / 5)));
    expect(cum[4].slice(1, 3)).toEqual([formatAantal(k), formatAantal(k)]);
  });

  test('the published January–May 2017 figures stand next to their computed twins, with the source’s arithmetic', async () => {
    const rijen = await tabelRijen(frame(page, /^Gepubliceerde cijfers beschut werk naast de berekening/));
    const rij = (cijfer: string) => {
      const r = rijen.find((x) => x[0] === cijfer);
      expect(r, cijfer).toBeDefined();
      return r!;
    };
    const t = await runMetric(native, periodeTotaalQuery({ van: '2017-01', tot: '2017-05' }));
    const twin = (a: string) => t.find((r) => r.aanvrager === a)!;
    for (const [a, naam, b, p] of [['gemeente', 'op verzoek van gemeenten', '320', '261'], ['burger', 'op verzoek van burgers', '570', '340'], ['totaal', 'totaal', '890', '601']] as const) {
      expect(rij(`Beoordelingen, ${naam}, januari t/m mei 2017`).slice(1, 3)).toEqual([b, formatAantal(twin(a).beoordelingen)]);
      expect(rij(`Positieve adviezen, ${naam}, januari t/m mei 2017`).slice(1, 3)).toEqual([p, formatAantal(twin(a).positief)]);
    }
    const pct = rij('Percentage positief, totaal, januari t/m mei 2017');
    expect(pct.slice(1, 3)).toEqual(['71%', `${formatGetal(twin('totaal').pctPositief!, 1)}%`]);
    expect(pct[5]).toBe('601 / 890 = 67,5%');
    expect(pct[6]).toMatch(/^De bron noemt 71%/);
    const j2016 = await runMetric(native, periodeTotaalQuery({ van: '2016-01', tot: '2016-12', aanvrager: ['gemeente'] }));
    expect(rij('Beoordelingen, op verzoek van gemeenten, heel 2016').slice(1, 3)).toEqual(['540', formatAantal(j2016[0].beoordelingen)]);
    expect(rij('Positieve adviezen, op verzoek van gemeenten, heel 2016').slice(1, 3)).toEqual(['388', formatAantal(j2016[0].positief)]);
    const m = await runMetric(native, perMaandQuery({ van: '2017-01', tot: '2017-05', aanvrager: ['burger'] }));
    for (const [maand, naam, waarde] of [['2017-01', 'januari 2017', '12'], ['2017-03', 'maart 2017', '144'], ['2017-05', 'mei 2017', '179']]) {
      expect(rij(`Beoordelingen, op verzoek van burgers, ${naam}`).slice(1, 3)).toEqual([waarde, formatAantal(m.find((r) => r.maand === maand && r.aanvrager === 'burger')!.beoordelingen)]);
    }
    const p = await runMetric(native, plekkenQuery());
    for (const [datum, naam, waarde] of [['2016-12-31', '31 december 2016', '313'], ['2017-12-31', '31 december 2017', '1.184'], ['2018-03-31', '31 maart 2018', '1.465']]) {
      expect(rij(`Mensen werkzaam op een beschut werkplek, ${naam}`).slice(1, 3)).toEqual([waarde, formatAantal(p.find((r) => r.peildatum === datum)!.plekken)]);
    }
  });

  test('aanvrager, minimum taakstelling, map indicator and level reshape the page without a query', async () => {
    const voor = await stats();
    await page.getByRole('radio', { name: 'Burger', exact: true }).check();
    const t = await runMetric(native, periodeTotaalQuery({ van: '2017-01', tot: '2017-05' }));
    const burger = t.find((r) => r.aanvrager === 'burger')!;
    await expect.poll(eersteZin, { timeout: 10_000 }).toBe(
      `In januari tot en met mei 2017 gaf UWV op verzoek van de mensen zelf ${formatAantal(burger.beoordelingen)} adviezen beschut werk; ${formatAantal(burger.positief)} daarvan waren positief (${procent(burger.positief, burger.beoordelingen)}).`,
    );
    await page.getByLabel('Minimale taakstelling (plekken)').fill('40');
    await page.getByLabel('Minimale taakstelling (plekken)').press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toContain('minimum=40');
    await page.getByLabel('Kaart toont').selectOption('positief');
    await page.getByRole('radio', { name: 'Gemeenten', exact: true }).check();
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toMatch(/aanvrager=burger.*niveau=gemeente.*minimum=40.*kaart=positief/);
    await settle(page);
    expect((await stats()).sent, 'vier herschikkingen, geen enkele query').toBe(voor.sent);
    await toon('#/beschut-werk');
  });

  test("Nederland's year table is decided in the worker with rule 3's exchange: January–April 2022 prints the gemeenten's 257 requests", async () => {
    // The module's first choice hid April's year to date of the gemeenten's requests; the exchange
    // prints it and hides fewer persons (test/beschut-maanden-demo.test.ts works the table out).
    await toon('#/beschut-werk?van=2022-01&tot=2022-04');
    const t = await runMetric(native, periodeTotaalQuery({ van: '2022-01', tot: '2022-04' }));
    const gemeente = t.find((r) => r.aanvrager === 'gemeente')!;
    expect(gemeente.beoordelingen).toBe(257);
    const rijen = await tabelRijen(frame(page, /^Beoordelingen en positieve adviezen per aanvrager/));
    expect(rijen.find((r) => r[0] === 'Gemeente')?.slice(0, 2)).toEqual(['Gemeente', '257']);
    await toon('#/beschut-werk');
  });

  test('another period in the same calendar year sends no query: the months and the comparison are per year', async () => {
    await settle(page);
    const voor = await stats();
    await page.locator('#bw-van').selectOption('2017-03');
    await page.locator('#bw-tot').selectOption('2017-08');
    await expect.poll(eersteZin, { timeout: 10_000 }).toMatch(/^In maart tot en met augustus 2017 gaf UWV /);
    await settle(page);
    expect((await stats()).sent, 'een andere periode in 2017: geen query').toBe(voor.sent);
    // The comparison says over which year it runs.
    expect(await page.getByTestId('vergelijking-jaar').innerText()).toContain('(hier heel 2017)');
    await toon('#/beschut-werk');
  });

  test('while the comparison of a period is protected (in a worker), the page still answers a click', async () => {
    const periode = '#/beschut-werk?van=2018-01&tot=2018-06';
    await toon(periode);
    await toon('#/beschut-werk');
    // Back to that period: its answers come from the cache, so what keeps the sections busy is the
    // disclosure control of the comparison alone (the page keeps only the last period's).
    const voor = await stats();
    await page.evaluate((h) => {
      window.location.hash = h;
    }, periode);
    const gebiedenBezig = () => document.querySelector('[data-sectie="gebieden"]')?.getAttribute('aria-busy') === 'true';
    await page.waitForFunction(gebiedenBezig, undefined, { timeout: 30_000, polling: 20 });
    await page.getByRole('radio', { name: 'Burger', exact: true }).check();
    // The click went through (filter in the link) while the comparison was still being protected.
    const [hash, bezig] = await page.evaluate(() => [window.location.hash, document.querySelector('[data-sectie="gebieden"]')?.getAttribute('aria-busy')]);
    expect(hash).toContain('aanvrager=burger');
    expect(bezig, 'de vergelijking was nog bezig toen de klik verwerkt was').toBe('true');
    await settle(page, 120_000);
    expect((await stats()).sent, 'een periode die al gezien is: geen query').toBe(voor.sent);
    expect(await eersteZin()).toMatch(/^In januari tot en met juni 2018 gaf UWV op verzoek van de mensen zelf /);
    await toon('#/beschut-werk');
  });

  test('a region filter recomputes the page for that region; a gemeente found by name goes into the link', async () => {
    await page.getByLabel('Arbeidsmarktregio', { exact: true }).selectOption({ label: 'Groot Amsterdam' });
    await settle(page, 60_000);
    // A region's months are decided per calendar year; January–May holds a hidden month, so its sum
    // prints "x" without a reason (queries.ts metSommen): two periods cannot give a month back. The
    // sentence names the whole year instead, the comparison's count.
    const t = await runMetric(native, periodeTotaalQuery({ van: '2017-01', tot: '2017-12', regio: ['AM18'] }));
    const tot = t.find((r) => r.aanvrager === 'totaal')!;
    const [b, p] = [formatAantal(tot.beoordelingen), formatAantal(tot.positief)];
    const begin = `In januari tot en met mei 2017 gaf UWV in arbeidsmarktregio Groot Amsterdam een aantal adviezen beschut werk dat niet getoond wordt, om kleine aantallen te beschermen; in heel 2017 waren het er ${b}`;
    await expect.poll(eersteZin, { timeout: 30_000 }).toMatch(new RegExp(`^${begin.replace(/[.()]/g, '\\$&')}`));
    const deel = await eersteZin();
    // The whole year is the comparison's count, printed; its positive adviezen as there too.
    await page.locator('#bw-tot').selectOption('2017-12');
    await settle(page, 60_000);
    const positief = `${p} daarvan waren positief (${procent(tot.positief, tot.beoordelingen)})`;
    await expect.poll(eersteZin, { timeout: 30_000 }).toMatch(/^In heel 2017 /);
    expect(deel).toBe((await eersteZin()).includes(positief) ? `${begin}, waarvan ${p} positief (${procent(tot.positief, tot.beoordelingen)}).` : `${begin}.`);
    await expect.poll(eersteZin, { timeout: 30_000 }).toMatch(new RegExp(`^In heel 2017 gaf UWV in arbeidsmarktregio Groot Amsterdam ${formatAantal(tot.beoordelingen).replace('.', '\\.')} adviezen beschut werk`));
    await page.locator('#bw-tot').selectOption('2017-05');
    await settle(page, 60_000);
    await page.locator('#bw-gemeente').fill('Almere');
    await page.locator('#bw-gemeente').press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toContain('gemeente=GM0034');
    await settle(page, 60_000);
    await expect.poll(() => page.getByRole('heading', { name: /^Profiel gemeente Almere/ }).count(), { timeout: 30_000 }).toBe(1);
    expect(await eersteZin()).toMatch(/^In januari tot en met mei 2017 gaf UWV in gemeente Almere /);
    await toon('#/beschut-werk');
  });

  test('axe finds no WCAG 2.1 A/AA violation, and nothing is wider than 390 px', async () => {
    await page.locator('[data-testid="kernzinnen"] li').first().waitFor();
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const { violations: smal, summary: s2 } = await runAxe(page);
    expect(smal, s2).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect([...report.consoleErrors, ...report.pageErrors], describeReport(report)).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
  });

  test("axe finds no WCAG 2.1 A/AA violation on a gemeente's view once its protection has settled", async () => {
    // 's-Gravenhage (Haaglanden), July–December 2021: its months and the comparison of gemeenten are
    // protected in a worker; settle waits until no section is busy any more.
    await toon('#/beschut-werk?van=2021-07&tot=2021-12&gemeente=GM0518');
    await expect.poll(() => page.getByRole('heading', { name: /^Profiel gemeente 's-Gravenhage/ }).count(), { timeout: 30_000 }).toBe(1);
    expect(await eersteZin()).toMatch(/^In juli tot en met december 2021 gaf UWV in gemeente 's-Gravenhage /);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await toon('#/beschut-werk');
  });

  test('exports carry title, source and peildatum, and the CSV holds no suppressed number', async () => {
    const f = frame(page, /^Percentage positieve adviezen per maand/);
    const wacht = page.waitForEvent('download', { timeout: 30_000 });
    await f.getByRole('button', { name: 'Download als CSV' }).click();
    const csv = readFileSync((await (await wacht).path())!, 'utf8');
    expect(csv).toContain('Percentage positieve adviezen per maand, januari t/m mei 2017');
    expect(csv).toMatch(/Bron: Synthetische demodata .*; peildatum 31-12-2024/);
    // The months whose counts are hidden carry "x", never a percentage.
    const rijen = await tabelRijen(f);
    const verborgen = rijen.filter((r) => r[1] === 'x').map((r) => r[0]);
    for (const m of verborgen) expect(csv.split('\r\n').find((l) => l.startsWith(`${m};`))!.split(';')[1]).toBe('x');
    const svgWacht = page.waitForEvent('download', { timeout: 30_000 });
    await f.getByRole('button', { name: 'Download als SVG' }).click();
    const svg = readFileSync((await (await svgWacht).path())!, 'utf8');
    expect(svg).toContain('Percentage positieve adviezen per maand');
    expect(svg).toContain('Bron: Synthetische demodata');
  });
});

describe('eigen bestand beschut_adviezen', () => {
  /**
   * January–March 2017, each month: gemeente requests 40 (25 positive), burger requests 30 (18
   * positive), alternately Amsterdam and Rotterdam → 210 beoordelingen, 129 positive (61%). The
   * page is asked for exactly those months (a month without adviezen would be "<10" and hide more).
   */
  let dir: string;
  const bestand = 'beschut_adviezen_eigen.parquet';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-beschut-'));
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`COPY (
      WITH s AS (
        SELECT m, 'gemeente' AS a, i < 25 AS pos FROM range(1, 4) t(m), range(40) r(i)
        UNION ALL SELECT m, 'burger', i < 18 FROM range(1, 4) t(m), range(30) r(i))
      SELECT (row_number() OVER ())::INTEGER AS advies_id, make_date(2017, m::INTEGER, 10) AS besluitdatum,
             CASE WHEN row_number() OVER () % 2 = 0 THEN 'GM0363' ELSE 'GM0599' END AS gemeente_code,
             a AS aanvrager, CASE WHEN pos THEN 'positief' ELSE 'negatief' END AS uitkomst
      FROM s) TO '${join(dir, bestand)}' (FORMAT parquet)`);
    conn.closeSync();
    db.closeSync();
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("a user's beschut_adviezen recomputes the page, and the page names that file", async () => {
    await toon('#/data');
    await page.locator('input[type="file"]').first().setInputFiles(join(dir, bestand));
    await expect.poll(() => page.getByRole('status').filter({ hasText: bestand }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await settle(page, 120_000);
    await toon('#/beschut-werk?van=2017-01&tot=2017-03');
    await expect.poll(eersteZin, { timeout: 60_000 }).toBe('In januari tot en met maart 2017 gaf UWV 210 adviezen beschut werk; 129 daarvan waren positief (61 procent).');
    const f = frame(page, /^Beoordelingen beschut werk per maand/);
    expect(await f.innerText()).toContain(`Bron: Eigen bestand ${bestand}; bewerking Participatiemonitor`);
    expect(await f.innerText()).not.toMatch(/synthetisch/i);
    expect(await tabelRijen(f)).toEqual([
      ['jan 2017', '40', '25', '30', '18', '70', '43'],
      ['feb 2017', '40', '25', '30', '18', '70', '43'],
      ['mrt 2017', '40', '25', '30', '18', '70', '43'],
    ]);
    expect(await page.locator('.bw-kern').innerText()).toContain(`Eigen bestand ${bestand}`);
    // Published figures outside the months of the file have no twin; January 2017 has one.
    const pub = await tabelRijen(frame(page, /^Gepubliceerde cijfers beschut werk naast de berekening/));
    expect(pub.find((r) => r[0] === 'Beoordelingen, op verzoek van gemeenten, heel 2016')![2]).toBe('niet in de gegevens');
    expect(pub.find((r) => r[0] === 'Beoordelingen, totaal, januari t/m mei 2017')![2]).toBe('niet in de gegevens');
    expect(pub.find((r) => r[0] === 'Beoordelingen, op verzoek van burgers, januari 2017')!.slice(1, 3)).toEqual(['12', '30']);
  });
});

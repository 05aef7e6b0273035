/**
 * The Overzicht in Debian Chromium on the demo data: every tile shows the figure the metric layer
 * gives on native DuckDB with the same Parquet (and a plain SQL count worked out here agrees),
 * its published counterpart with a citation (never a file name), the provenance of the answer,
 * and a link that opens its page with the same selection. The banenafspraak chart has the 2018
 * total, marked as derived in chart, table and CSV, and the CSV never repeats a year. axe finds
 * nothing; 390 px wide nothing sticks out.
 * E2E_DATA_DIR (relative to the repo) points at another data folder with manifest.json.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import type { ExtractName } from '../../src/lib/engine/types.ts';
import { banenQuery } from '../../src/lib/metrics/banen.ts';
import { perJaarQuery, plekkenQuery } from '../../src/lib/metrics/beschut.ts';
import { landelijkQuery } from '../../src/lib/metrics/buig.ts';
import { panelBereikQuery } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { leesDoelen, leesRealisatie } from '../../src/lib/published/banenafspraak.ts';
import { leesGepubliceerdBeschut } from '../../src/lib/published/beschut.ts';
import { leesGepubliceerdeDuurzaamheid } from '../../src/lib/published/duurzaamheid.ts';
import { parseBuig } from '../../src/lib/published/reference.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { AFGELEID_LABEL } from '../../src/pages/overzicht/banenafspraak.ts';
import { banenTegel } from '../../src/pages/overzicht/banen.ts';
import { beschutTegel } from '../../src/pages/overzicht/beschut.ts';
import { buigTegel } from '../../src/pages/overzicht/buig.ts';
import { duurzaamheidTegel, duurzaamheidTrendQuery } from '../../src/pages/overzicht/duurzaamheid.ts';
import type { TegelInhoud } from '../../src/pages/overzicht/tegel.ts';
import { ROOT, describeReport, launchBrowser, newMonitoredContext, runAxe, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');
const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string; peildatumTot: string }[] };
const lees = (f: string) => readFileSync(join(ROOT, 'data/published', f), 'utf8');

let browser: Browser;
let report: PageReport;
let page: Page;
const verwacht: Record<string, TegelInhoud> = {};
/** Independent counts, plain SQL on the same Parquet. */
let los: { cohort: number; werkzaam: number; basis: string; extraBanen: number; positief: number; beoordelingen: number; saldo: number };

function tegel(id: string): Locator {
  return page.locator(`[data-tegel="${id}"]`);
}

async function getal(sql: string, native: NodeEngine): Promise<Record<string, number>> {
  const t = await native.query(sql);
  const r = t.get(0)!.toJSON() as Record<string, unknown>;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
}

beforeAll(async () => {
  const native = await NodeEngine.create();
  try {
    const bestanden: Partial<Record<ExtractName, string>> = {};
    for (const e of manifest.extracts) bestanden[e.name as ExtractName] = join(DATA, e.file);
    await native.attachParquet(bestanden);
    const bereik = (await runMetric(native, panelBereikQuery()))!;
    verwacht.duurzaamheid = duurzaamheidTegel(await runMetric(native, duurzaamheidTrendQuery(bereik)), leesGepubliceerdeDuurzaamheid(lees('duurzaamheid.csv')))!;
    verwacht.banen = banenTegel(await runMetric(native, banenQuery()), leesRealisatie(lees('banenafspraak_realisatie.csv')), leesDoelen(lees('banenafspraak_doelen.csv')))!;
    const totDatum = manifest.extracts.find((e) => e.name === 'beschut_adviezen')!.peildatumTot;
    verwacht['beschut-werk'] = beschutTegel(await runMetric(native, perJaarQuery()), await runMetric(native, plekkenQuery({})), leesGepubliceerdBeschut(lees('beschut_werk.csv')).cijfers, totDatum)!;
    verwacht.buig = buigTegel(await runMetric(native, landelijkQuery()), parseBuig(lees('buig_macrobudget.csv')))!;

    // The latest third quarter with a year after it, counted without the metric layer.
    const b = await getal(`SELECT max(peildatum) AS p FROM doelgroep_kwartaal WHERE month(peildatum) = 9 AND peildatum + INTERVAL 1 YEAR <= (SELECT max(peildatum) FROM doelgroep_kwartaal)`, native);
    const basis = new Date(b.p).toISOString().slice(0, 10);
    const c = await getal(
      `SELECT count(*) AS cohort, count(*) FILTER (WHERE e.werkzaam) AS werkzaam FROM doelgroep_kwartaal b
       LEFT JOIN doelgroep_kwartaal e ON e.persoon_id = b.persoon_id AND e.peildatum = (DATE '${basis}' + INTERVAL 1 YEAR)::DATE
       WHERE b.peildatum = DATE '${basis}' AND b.werkzaam`,
      native,
    );
    const banen = await getal(
      `SELECT sum(uren) FILTER (WHERE peildatum = (SELECT max(peildatum) FROM doelgroep_kwartaal)) / 331.5 - sum(uren) FILTER (WHERE peildatum = DATE '2012-12-31') / 331.5 AS extra
       FROM doelgroep_kwartaal WHERE werkzaam`,
      native,
    );
    const adv = await getal(
      `SELECT count(*) FILTER (WHERE uitkomst = 'positief') AS positief, count(*) AS beoordelingen FROM beschut_adviezen
       WHERE year(besluitdatum) = (SELECT max(year(besluitdatum)) FROM beschut_adviezen)`,
      native,
    );
    const buig = await getal(`SELECT sum(budget_definitief) - sum(uitgaven) AS saldo FROM buig_gemeente WHERE jaar = (SELECT max(jaar) FROM buig_gemeente)`, native);
    los = { ...c, basis, extraBanen: banen.extra, ...adv, saldo: buig.saldo } as typeof los;
  } finally {
    await native.close();
  }
  browser = await launchBrowser();
  let context;
  ({ context, report } = await newMonitoredContext(browser, origin));
  page = await context.newPage();
  await page.goto(`${baseUrl}#/`);
  await settle(page, 300_000);
  await tegel('buig').getByTestId('tegel-waarde').waitFor({ timeout: 120_000 });
}, 400_000);

afterAll(async () => {
  await browser?.close();
});

describe('Overzicht op de demodata', () => {
  test('the tile logic on native DuckDB agrees with plain SQL counts', () => {
    const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(verwacht.duurzaamheid.waarde).toBe(pct.format(los.werkzaam / los.cohort));
    expect(verwacht.duurzaamheid.link.href).toContain(`basis=${los.basis.slice(0, 4)}Q3`);
    expect(verwacht.banen.waarde).toBe(`+${Math.round(los.extraBanen).toLocaleString('nl-NL')}`);
    expect(verwacht['beschut-werk'].waarde).toBe(pct.format(los.positief / los.beoordelingen));
    expect(verwacht.buig.waarde).toBe(`${los.saldo < 0 ? 'tekort' : 'overschot'} € ${Math.round(Math.abs(los.saldo) / 1e6).toLocaleString('nl-NL')} mln`);
  });

  for (const id of ['duurzaamheid', 'banen', 'beschut-werk', 'buig']) {
    test(`tile ${id}: figure, sentences, published counterpart, provenance and link as computed natively`, async () => {
      const v = verwacht[id];
      const t = tegel(id);
      expect(await t.getByTestId('tegel-waarde').innerText()).toBe(v.waarde);
      expect(await t.locator('.pm-tegel__uitleg').innerText()).toBe(v.uitleg);
      expect(await t.locator('.pm-tegel__regel').allInnerTexts()).toEqual(v.regels);
      const pub = await t.locator('.pm-tegel__pub p').allInnerTexts();
      expect(pub.map((p) => p.replace(/\s*Bron:.*$/s, ''))).toEqual(v.gepubliceerd.map((g) => `${g.tekst}.`));
      for (const [i, g] of v.gepubliceerd.entries()) expect(pub[i]).toContain(`Bron: ${g.citatie.label}`);
      const tekst = await t.innerText();
      expect(tekst).not.toMatch(/\.txt|\.csv|\.parquet/);
      expect(tekst).toMatch(/synthetische demodata/);
      expect(tekst).toMatch(/Bron: Synthetische demodata \(seed 20240\).*; bewerking Participatiemonitor; peildatum \d\d-\d\d-\d{4}/);
      expect(await t.getByRole('img').getAttribute('aria-label')).toContain(`${v.trend!.titel}: van `);
      expect(await t.getByRole('link', { name: v.link.tekst }).getAttribute('href')).toBe(v.link.href);
    });
  }

  test('the links open each page with the same selection', async () => {
    const d = verwacht.duurzaamheid.link.href;
    await tegel('duurzaamheid').getByRole('link', { name: verwacht.duurzaamheid.link.tekst }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(d);
    const basis = /basis=(\d{4})Q3/.exec(d)![1];
    await page.getByRole('heading', { level: 2, name: new RegExp(`^In het kort: 3e kwartaal ${basis} tot 3e kwartaal ${Number(basis) + 1}$`) }).waitFor({ timeout: 120_000 });
    await page.goBack();
    await tegel('buig').getByTestId('tegel-waarde').waitFor({ timeout: 60_000 });
    const jaar = /jaar=(\d{4})/.exec(verwacht.buig.link.href)![1];
    await tegel('buig').getByRole('link', { name: verwacht.buig.link.tekst }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/buig?jaar=${jaar}`);
    await page.getByRole('heading', { name: new RegExp(`Van voorlopig budget naar resultaat, ${jaar}$`) }).waitFor({ timeout: 120_000 });
    await page.goBack();
    await tegel('banen').getByTestId('tegel-waarde').waitFor({ timeout: 60_000 });
    // The Regio's page over the same period gives the same national growth as the tile.
    await tegel('banen').getByRole('link', { name: verwacht.banen.link.tekst }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(verwacht.banen.link.href);
    await page.getByText(`Nederland: ${verwacht.banen.waarde.replace(/^\+/, '')}.`).first().waitFor({ timeout: 120_000 });
    await page.goBack();
    await tegel('beschut-werk').getByRole('link', { name: verwacht['beschut-werk'].link.tekst }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(verwacht['beschut-werk'].link.href);
    await page.getByRole('heading', { level: 1, name: 'Beschut werk' }).waitFor({ timeout: 60_000 });
    await page.goBack();
    await tegel('buig').getByTestId('tegel-waarde').waitFor({ timeout: 60_000 });
    await settle(page, 120_000);
  });

  test('banenafspraak chart: 2018 total present and marked derived; the CSV repeats no year', async () => {
    const f = page.getByRole('figure').filter({ hasText: /banenafspraak/i }).first();
    expect(await f.innerText()).toContain('Afgeleid: markt + overheid');
    expect(await f.innerText()).toMatch(/2018: geen gepubliceerd totaal; het totaal 51\.957 is afgeleid als markt \(44\.017\) \+ overheid \(7\.940\)/);
    await f.getByRole('button', { name: 'Tabel', exact: true }).click();
    // Header cells carry a sort mark ("↕") on a line of its own.
    const kop = (await f.locator('table thead th').allInnerTexts()).map((k) => k.split('\n')[0].trim());
    const rijen = await f.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
    const rij = rijen.find((r) => r[0] === '2018') ?? [];
    expect(rij[kop.indexOf('Totaal: gerealiseerd')], JSON.stringify({ kop, rij })).toBe('–');
    expect(rij[kop.indexOf(AFGELEID_LABEL)]).toBe('51.957');
    await f.getByRole('button', { name: 'Grafiek', exact: true }).click();

    const downloaded = page.waitForEvent('download', { timeout: 20_000 });
    await f.getByRole('button', { name: /\bCSV\b/ }).click();
    const csv = readFileSync(await (await downloaded).path(), 'utf8');
    expect(csv).toContain(AFGELEID_LABEL);
    expect(csv).toMatch(/^2018;viermeting;;43500;51957;44017;;7940;12500\r?$/m);
    expect(csv).not.toMatch(/jaarmeting (\d{4}) \1/);
    expect(csv).toContain('jaarmeting 2020, totaal: 66.097');
  });

  test('no console errors, no foreign requests; axe finds no WCAG 2.1 A/AA violation', async () => {
    expect(report.consoleErrors, describeReport(report)).toEqual([]);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
  });

  test('390 px wide: nothing sticks out sideways and the tiles stack', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const links = await page.locator('article.pm-tegel').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(links).size).toBe(1);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

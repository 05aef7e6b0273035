/**
 * One count on two pages, end to end (issue 12): a small own panel loaded on the Data page in
 * Debian Chromium, where the Regio's page hides Friesland's werkzaam persons of 2020Q3 (30) to
 * protect Groningen (6). Duurzaamheid filtered on Friesland prints that count as its cohort total
 * and as the contract trend's werkzamen: both say "x" there too, and Regio's map says the same.
 * Before, the page printed 30, and Nederland 286 − Drenthe 100 − Twente 150 − 30 gave Groningen's 6.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { NodeEngine } from '../../src/lib/engine/node.ts';
import { BESCHERMD } from '../../src/lib/format/disclosure.ts';
import { panelBereikQuery } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { beschermCohorten } from '../../src/pages/duurzaamheid/beveiliging.ts';
import { duurzaamheidQueries } from '../../src/pages/duurzaamheid/queries.ts';
import { regioKwartalen } from '../../src/pages/duurzaamheid/regio-kwartaal.ts';
import type { Selectie } from '../../src/pages/duurzaamheid/selectie.ts';
import { launchBrowser, laadEigenBestand, newMonitoredContext, settle, type PageReport } from './harness.ts';
import { paneelAlsParquet } from './paneel.ts';
import { alleCsv, getoondeAantallen } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const bestand = 'doelgroep_kwartaal_twee_paginas.parquet';

let browser: Browser;
let page: Page;
let report: PageReport;
let engine: NodeEngine;
let dir: string;

/**
 * 2020Q3 → 2021Q3 (ids stay; a worker has one baan):
 *   Groningen (AM01): 20 persons, 6 werkzaam, both quarters
 *   Friesland (AM02): 60 persons; in 2020Q3 Wajong ids 1–16 and Wsw ids 17–30 werkzaam. A year
 *     later Wajong 10 werkzaam, 3 not, 3 gone; Wsw 10 werkzaam, 2 not, 2 gone
 *   Drenthe (AM03): 200 persons, 100 werkzaam; Twente (AM05): 300 persons, 150 werkzaam
 */
function panel(): string[] {
  const rijen: string[] = [];
  const rij = (id: number, datum: string, achtergrond: string, regio: string, gemeente: string, werkzaam: boolean) =>
    rijen.push(werkzaam
      ? `(${id}::BIGINT, DATE '${datum}', '${achtergrond}', '${regio}', '${gemeente}', true, ${id + 90000}::BIGINT, 'markt', 'regulier', 'onbepaald', 331.5::DOUBLE, DATE '2014-01-01')`
      : `(${id}::BIGINT, DATE '${datum}', '${achtergrond}', '${regio}', '${gemeente}', false, NULL::BIGINT, NULL, NULL, NULL, 0.0::DOUBLE, NULL::DATE)`);
  for (const datum of ['2020-09-30', '2021-09-30']) {
    for (let i = 1; i <= 20; i++) rij(i, datum, 'Wajong', 'AM01', 'GM0014', i <= 6);
    for (let i = 1; i <= 200; i++) rij(10000 + i, datum, 'Wajong', 'AM03', 'GM0109', i <= 100);
    for (let i = 1; i <= 300; i++) rij(20000 + i, datum, 'Wajong', 'AM05', 'GM0153', i <= 150);
  }
  for (let i = 1; i <= 60; i++) rij(1000 + i, '2020-09-30', i > 16 && i <= 30 ? 'Wsw' : 'Wajong', 'AM02', 'GM0080', i <= 30);
  for (let i = 1; i <= 60; i++) {
    const weg = (i >= 14 && i <= 16) || (i >= 29 && i <= 30);
    if (!weg) rij(1000 + i, '2021-09-30', i > 16 && i <= 30 ? 'Wsw' : 'Wajong', 'AM02', 'GM0080', i <= 10 || (i >= 17 && i <= 26));
  }
  return rijen;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-twee-paginas-'));
  engine = await paneelAlsParquet(join(dir, bestand), panel());

  browser = await launchBrowser();
  const c = await newMonitoredContext(browser, origin);
  report = c.report;
  page = await c.context.newPage();
  await laadEigenBestand(page, baseUrl, join(dir, bestand));
}, 420_000);

afterAll(async () => {
  await browser?.close();
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Duurzaamheid on Friesland takes the Regio\'s decision of its werkzaam count', () => {
  test('in Node: the cohort total 30 is hidden to protect, as on the Regio\'s page', async () => {
    const bereik = (await runMetric(engine, panelBereikQuery()))!;
    const s: Selectie = { basis: '2020Q3', horizon: 4, achtergrond: [], regio: ['AM02'], sector: 'alle' };
    const q = duurzaamheidQueries(s, bereik);
    const rijen = await runMetric(engine, q.cohortTrend);
    expect(rijen.map((r) => [r.groep, r.cohort, r.werkzaam, r.werkVerloren, r.uitRegister])).toEqual([['Wajong', 16, 10, 3, 3], ['Wsw', 14, 10, 2, 2]]);
    const regio = regioKwartalen(await runMetric(engine, q.regioKwartaal!), s.regio);
    expect(regio('2020Q3')).toMatchObject({ werkzaam: 30, besluit: { verborgen: 'bescherming' } });
    const p = beschermCohorten(rijen, null, [], regio).get('2020Q3')!;
    expect(p.aantal('totaal', 'cohort')).toBe(BESCHERMD);
    expect(p.b.audit.lekken).toEqual([]);
  });

  test('the page: the total and the contract trend\'s werkzamen of 2020Q3 are "x", no count under 10', async () => {
    await page.goto(`${baseUrl}#/duurzaamheid?regio=AM02`);
    await settle(page, 300_000);
    const csvs = await alleCsv(page);
    for (const a of getoondeAantallen(csvs, (k) => /personen/i.test(k) && !/gepubliceerd/i.test(k))) expect(a.waarde, a.waar).toBeGreaterThanOrEqual(10);
    const uitkomst = csvs.find((c) => c.titel.startsWith('Uitkomst'))!;
    const totaal = uitkomst.rijen.find((r) => r[0] === 'Totaal')!;
    expect(totaal[uitkomst.kop.indexOf('Werkzaam in basiskwartaal (personen)')]).toBe('x');
    const contract = csvs.find((c) => c.titel.startsWith('Vaste contracten'))!;
    const q3 = contract.rijen.find((r) => r[0] === '3e kwartaal 2020' || r[0].includes('2020'))!;
    expect(q3[contract.kop.indexOf('Werkzame personen')]).toBe('x');
    expect(report.pageErrors).toEqual([]);
  }, 300_000);
});

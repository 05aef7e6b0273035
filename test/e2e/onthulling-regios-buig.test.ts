/**
 * Disclosure control end to end, Regio's page: a small own panel (a region of 7 persons, a
 * cohort of 3 still working) loaded on the Data page in Debian Chromium; every view's CSV is
 * downloaded and checked: no count of persons under 10 appears, and the file is, line for line,
 * what the page's builders give in Node on the same panel through the one disclosure module —
 * whose audit finds no hidden cell a reader of those numbers can pin to fewer than 10 values.
 *
 * BUIG is not in here: its extract holds euros per gemeente and year, no count of persons (the
 * README's rule set says why no suppression applies; test/buig-onthulling.test.ts holds that claim).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { ChartData } from '../../src/lib/charts/spec.ts';
import type { NodeEngine } from '../../src/lib/engine/node.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';
import { naarCsv } from '../../src/lib/export/csv.ts';
import { beschikbareKwartalenQuery, regioDuurzaamQuery, regioOverzichtQuery, regioReeksenQuery } from '../../src/lib/metrics/regio.ts';
import { vergelijkbareRegios } from '../../src/lib/metrics/regio-buren.ts';
import { REGIO_TOPOJSON_PAD, regioKaart } from '../../src/lib/metrics/regio-geo.ts';
import { parseRegionaleGroei } from '../../src/lib/published/reference.ts';
import { herkomstVan } from '../../src/lib/query/herkomst.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { regioBeveiligd } from '../../src/pages/regios/beveiliging-selectie.ts';
import { burenData } from '../../src/pages/regios/buren.ts';
import { kaartData, profielData, profielRegels, rangTabel, vergelijkData, type PaginaIndicator } from '../../src/pages/regios/grafieken.ts';
import { gepubliceerdeGroei, spreidingData, startniveau } from '../../src/pages/regios/spreiding.ts';
import { trechterData } from '../../src/pages/regios/trechter.ts';
import { ROOT, launchBrowser, laadEigenBestand, newMonitoredContext, settle } from './harness.ts';
import { paneelAlsParquet } from './paneel.ts';
import { frame, toonRegioWeergave } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let engine: NodeEngine;
let dir: string;
const bestand = 'doelgroep_kwartaal_klein.parquet';
const VAN: Kwartaal = '2016Q4';
const TOT: Kwartaal = '2017Q4';

/**
 * Two quarters, three regions (person ids stay across quarters; a worker has 1 baan = 331,5 uren):
 *   Groningen  (AM01, GM0014): 30 in 2016Q4 (ids 1–30, 12 working) → 7 in 2017Q4 (ids 1–7, 3 working)
 *   Friesland  (AM02, GM0080): 50 (25 working) → 40 (20 working)
 *   FoodValley (AM38, GM0228): 210 (100 working) → 200 (100 working)
 * Cohort 2016Q4 → 2017Q4: Groningen 12 working, 3 still; Friesland 25, 20; FoodValley 100, 100.
 */
function panel(): string[] {
  const rijen: string[] = [];
  const regio = (start: number, code: string, gemeente: string, q4: [number, number], q8: [number, number]) => {
    for (const [datum, [personen, werkend]] of [['2016-12-31', q4], ['2017-12-31', q8]] as const) {
      for (let i = 1; i <= personen; i++) {
        const id = start + i;
        rijen.push(i <= werkend
          ? `(${id}::BIGINT, DATE '${datum}', 'Wajong', '${code}', '${gemeente}', true, ${id + 5000}::BIGINT, 'markt', 'regulier', 'onbepaald', 331.5::DOUBLE, DATE '2014-01-01')`
          : `(${id}::BIGINT, DATE '${datum}', 'Wajong', '${code}', '${gemeente}', false, NULL::BIGINT, NULL, NULL, NULL, 0.0::DOUBLE, NULL::DATE)`);
      }
    }
  };
  regio(0, 'AM01', 'GM0014', [30, 12], [7, 3]);
  regio(1000, 'AM02', 'GM0080', [50, 25], [40, 20]);
  regio(2000, 'AM38', 'GM0228', [210, 100], [200, 100]);
  return rijen;
}

const toon = (hash: string, weergave: string, sleutel: string) => toonRegioWeergave(page, hash, weergave, sleutel);

async function csv(f: Locator): Promise<string> {
  const wacht = page.waitForEvent('download', { timeout: 30_000 });
  await f.getByRole('button', { name: 'Download als CSV' }).click();
  return readFileSync((await (await wacht).path())!, 'utf8');
}

/** The lines that carry figures (title, subtitle, table, footnotes); not the source line, which names the file and load time. */
const cijferregels = (tekst: string) => tekst.replace(/^\uFEFF/, '').split('\r\n').filter((r) => !/^("?)Bron: |^Let op: /.test(r));

/** Cells of one column of the CSV's table (by header), as written. */
function kolom(tekst: string, kop: string): string[] {
  const regels = tekst.replace(/^\uFEFF/, '').split('\r\n');
  const start = regels.findIndex((r) => r.split(';').includes(kop));
  expect(start, `kolom ${kop}`).toBeGreaterThan(-1);
  const i = regels[start].split(';').indexOf(kop);
  const uit: string[] = [];
  for (const r of regels.slice(start + 1)) {
    if (r === '') break;
    uit.push(r.split(';')[i]);
  }
  return uit;
}

/** Every count shown is a marker or at least 10. */
function geenKleinAantal(cellen: string[]): void {
  for (const c of cellen) if (c !== '' && c !== 'x' && c !== '<10') expect(Number(c.replace(',', '.'))).toBeGreaterThanOrEqual(10);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-onthulling-'));
  engine = await paneelAlsParquet(join(dir, bestand), panel());

  browser = await launchBrowser();
  ({ context } = await newMonitoredContext(browser, origin));
  page = await context.newPage();
  await laadEigenBestand(page, baseUrl, join(dir, bestand));
}, 420_000);

afterAll(async () => {
  await browser?.close();
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Regio\'s on a small own panel: the exported CSV', () => {
  const h = herkomstVan([]);
  const view = (indicator: PaginaIndicator) => ({ indicator, basis: VAN, eind: TOT });

  test('the Node tables of this panel hide the region of 7 and leave nothing recoverable', async () => {
    const tabellen = await regioBeveiligd(engine, { van: VAN, tot: TOT, vergelijk: ['AM01', 'AM38'], indicator: 'register' });
    for (const t of tabellen) expect(t.b.audit.lekken.map((l) => `${t.naam} ${l.id}`)).toEqual([]);
    const overzicht = tabellen.find((t) => t.naam === 'overzicht')!.b;
    expect(overzicht.onderdrukt.get('r:AM01.e.personen')).toBe('klein');
    expect(tabellen.find((t) => t.naam === 'cohort')!.b.onderdrukt.get('r:AM01.k')).toBe('klein');
  });

  test.each(['register', 'banen', 'groei', 'groei_pct', 'werkzaam_pct', 'per1000', 'duurzaam'] as PaginaIndicator[])(
    'kaart %s: no count under 10, and the file is the protected table',
    async (indicator) => {
      await toon(`#/regios?weergave=kaart&indicator=${indicator}&van=${VAN}&tot=${TOT}`, 'kaart', `${indicator}|${VAN}|${TOT}`);
      const tekst = await csv(frame(page, /per arbeidsmarktregio/));
      const o = await runMetric(engine, regioOverzichtQuery({ basis: VAN, eind: TOT }));
      const kwartalen = await runMetric(engine, beschikbareKwartalenQuery());
      const d = indicator === 'duurzaam' ? (await runMetric(engine, regioDuurzaamQuery(TOT, kwartalen)!)).rijen : null;
      const data = kaartData(view(indicator), rangTabel(view(indicator), o, d), h);
      expect(cijferregels(tekst)).toEqual(cijferregels(naarCsv(data)));
      if (indicator === 'register') {
        expect(tekst).toContain('Groningen;AM01;<10;');
        geenKleinAantal(kolom(tekst, 'Personen in het doelgroepregister'));
      }
      expect(tekst).not.toMatch(/;AM01;\d/);
    },
    180_000,
  );

  test('trechter, spreiding, vergelijk and profiel: no count under 10, each file the protected table', async () => {
    const kaart = regioKaart(JSON.parse(readFileSync(join(ROOT, REGIO_TOPOJSON_PAD), 'utf8')));
    const o = await runMetric(engine, regioOverzichtQuery({ basis: VAN, eind: TOT }));
    const kwartalen = await runMetric(engine, beschikbareKwartalenQuery());
    const cohort = (await runMetric(engine, regioDuurzaamQuery(TOT, kwartalen)!)).rijen;
    const verwacht: [string, string, string, RegExp, ChartData][] = [
      [`#/regios?weergave=trechter&van=${VAN}&tot=${TOT}`, 'trechter', `trechter|${TOT}`, /^Werkzaam na 1 jaar per arbeidsmarktregio tegen/, trechterData(TOT, cohort, h)!.data],
      [`#/regios?weergave=spreiding&van=${VAN}&tot=${TOT}`, 'spreiding', `aandeel_werkzaam|${VAN}|${TOT}`, /^Startniveau/,
        spreidingData(startniveau(o, 'aandeel_werkzaam'), h, gepubliceerdeGroei(parseRegionaleGroei(readFileSync(join(ROOT, 'data/published/regionale_groei.csv'), 'utf8'))))],
      [`#/regios?weergave=vergelijk&indicator=register&van=${VAN}&tot=${TOT}&vergelijk=AM01,AM38`, 'vergelijk', `personen|${VAN}|${TOT}|AM01,AM38`, /^Ontwikkeling/,
        vergelijkData(await runMetric(engine, regioReeksenQuery({ van: VAN, tot: TOT })), 'personen', VAN, ['AM01', 'AM38'], h)],
    ];
    for (const [hash, weergave, sleutel, titel, data] of verwacht) {
      await toon(hash, weergave, sleutel);
      const tekst = await csv(frame(page, titel));
      expect(cijferregels(tekst), weergave).toEqual(cijferregels(naarCsv(data)));
      if (weergave === 'trechter') {
        // Groningen's cohort: 12 working at the start (shown), 3 of them still (hidden), so its share too.
        expect(tekst).toContain('Groningen;AM01;12;<10;x;');
        geenKleinAantal(kolom(tekst, `Werkzaam in 4e kwartaal 2016`));
        geenKleinAantal(kolom(tekst, `Nog werkzaam in 4e kwartaal 2017`));
      }
    }
    // The profile of the region of 7: its key figures and the neighbours table.
    await page.evaluate((h) => {
      window.location.hash = h;
    }, `#/regios?weergave=profiel&regio=AM01&van=${VAN}&tot=${TOT}`);
    await page.locator(`[data-regio-weergave="profiel"][data-sleutel="profiel|AM01|${VAN}|${TOT}"][aria-busy="false"]`).waitFor({ timeout: 120_000 });
    await settle(page, 120_000);
    const v = view('banen');
    const regels = profielRegels(v, 'AM01', o, cohort, h)!;
    const kern = await csv(frame(page, /^Profiel Groningen/));
    expect(cijferregels(kern)).toEqual(cijferregels(naarCsv(profielData(v, 'AM01', regels, h))));
    expect(kolom(kern, 'Groningen')).toEqual(['x', 'x', 'x', 'x', 'x', '<10', 'x']);
    const buren = kaart.buren.get('AM01') ?? [];
    const naast = await csv(frame(page, /^Groningen naast buurregio's/));
    expect(cijferregels(naast)).toEqual(cijferregels(naarCsv(burenData('AM01', buren, vergelijkbareRegios('AM01', o), o, h))));
    geenKleinAantal(kolom(naast, 'Personen in het register 4e kwartaal 2017'));
  }, 420_000);
});

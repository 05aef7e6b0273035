/**
 * The Regio's page on the demo data, in Debian Chromium: every one of the 35 region codes is on
 * the map exactly once; map (accessible names), ranking, table twin and CSV download of one view
 * carry the same numbers, and those equal the metric layer on native DuckDB with the same
 * Parquet; the keyboard reaches and selects regions; a profile link opens the profile and an
 * unknown region in a link gives a Dutch message; axe finds nothing in any view; exports carry
 * title, source, peildatum, "synthetische demodata" and the map attribution; the design claims
 * of the query layer hold, counted by the coordinator (a new indicator sends no query, a period
 * seen before sends none, a new period one); and a user's own panel, loaded on the Data page,
 * replaces the demo numbers on the map and is named by its file, never labelled synthetic.
 * How fast a redraw is, is a figure in `npm run bench`, not a test.
 * E2E_DATA_DIR (relative to the repo) points at another data folder with manifest.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { celTekst } from '../../src/lib/charts/spec.ts';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { REGIO_CODES } from '../../src/lib/extracts/regions.ts';
import { regioOverzichtQuery } from '../../src/lib/metrics/regio.ts';
import { KAART_BRON } from '../../src/lib/metrics/regio-geo.ts';
import { herkomstVan } from '../../src/lib/query/herkomst.ts';
import type { CoordinatorStats } from '../../src/lib/query/Coordinator.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { kaartData, rangTabel } from '../../src/pages/regios/grafieken.ts';
import { ROOT, describeReport, launchBrowser, newMonitoredContext, runAxe, settle, type PageReport } from './harness.ts';
import { schrijfPaneel } from './paneel.ts';
import { frame, tabelRijen, toonRegioWeergave } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');

let browser: Browser;
let context: BrowserContext;
let report: PageReport;
let page: Page;

function parquet(naam: string): string {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const e = manifest.extracts.find((x) => x.name === naam);
  if (!e) throw new Error(`${naam} staat niet in ${DATA}/manifest.json`);
  return join(DATA, e.file);
}

const toon = (hash: string, weergave: string, sleutel: string) => toonRegioWeergave(page, hash, weergave, sleutel);

async function download(f: Locator, soort: 'CSV' | 'SVG' | 'PNG'): Promise<{ dl: Download; bytes: Buffer }> {
  const wacht = page.waitForEvent('download', { timeout: 30_000 });
  await f.getByRole('button', { name: `Download als ${soort}` }).click();
  const dl = await wacht;
  return { dl, bytes: readFileSync((await dl.path())!) };
}

/** "8.175" / "16,5%" (table) and "8175" / "16,5" (CSV) to one comparable text. */
const kaal = (s: string) => s.replaceAll('.', '').replace(/\s*%$/, '');

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, report } = await newMonitoredContext(browser, origin));
  page = await context.newPage();
  await page.goto(`${baseUrl}#/regios?weergave=kaart&indicator=banen&van=2015Q4&tot=2017Q4`);
  await settle(page, 300_000);
  await page.locator('[data-regio-weergave="kaart"][data-sleutel="banen|2015Q4|2017Q4"]').waitFor({ timeout: 120_000 });
}, 360_000);

afterAll(async () => {
  await browser?.close();
});

describe('kaart en ranglijst', () => {
  test('every one of the 35 region codes is on the map exactly once', async () => {
    const codes = await page.locator('svg path[data-code]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code')));
    expect(codes).toHaveLength(35);
    expect([...codes].sort()).toEqual([...REGIO_CODES].sort());
  });

  test('map names, ranking, table twin and CSV carry the same numbers, equal to native DuckDB', async () => {
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    const namen = await page.locator('svg path[data-code]').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-code'), p.getAttribute('aria-label')] as [string, string]));
    const perCode = new Map(namen);
    const rijen = await tabelRijen(f);
    expect(rijen).toHaveLength(35);
    const csv = (await download(f, 'CSV')).bytes.toString('utf8').slice(1).split('\r\n');
    const rang = (await f.locator('.pm-staaf desc').textContent()) ?? '';

    for (const [naam, code, waarde, plaats] of rijen) {
      expect(perCode.get(code), code).toBe(`${naam}: ${waarde}; plaats ${plaats}`);
      const regel = csv.find((l) => l.startsWith(`${naam};${code};`));
      expect(regel, `${code} in CSV`).toBeDefined();
      expect(kaal(regel!.split(';')[2])).toBe(kaal(waarde));
      expect(rang).toContain(`${naam} ${waarde}`);
    }

    // The same view computed by the metric layer on native DuckDB from the same Parquet.
    const native = await NodeEngine.create();
    try {
      await native.attachParquet({ doelgroep_kwartaal: parquet('doelgroep_kwartaal') });
      const o = await runMetric(native, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
      const v = { indicator: 'banen' as const, basis: o.basis, eind: o.eind };
      const data = kaartData(v, rangTabel(v, o, null), herkomstVan([]));
      expect(rijen).toEqual(data.rijen.map((r) => [r.regio_naam, r.regio_code, celTekst(r.waarde, data.kolommen[2]), celTekst(r.rang, data.kolommen[3])]));
    } finally {
      await native.close();
    }
  });

  test('the headline sentences carry the same numbers as the table, with selection, source and peildatum', async () => {
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    const rijen = (await tabelRijen(f)).filter((r) => r[3] !== '–');
    const nederland = /Nederland: ([\d.]+)\./.exec(await f.innerText())![1];
    const zinnen = await page.getByTestId('regio-kernzinnen').locator('li').allInnerTexts();
    expect(zinnen[0]).toMatch(new RegExp(`^In het vierde kwartaal van 2017 telde Nederland ${nederland.replaceAll('.', '\\.')} banen voor mensen uit het doelgroepregister, `));
    const [hoogste, laagste] = [rijen[0], rijen.at(-1)!];
    expect(zinnen[1]).toBe(`Het aantal banen was het hoogst in ${hoogste[0]} (${hoogste[2]}) en het laagst in ${laagste[0]} (${laagste[2]}).`);
    const blok = await page.locator('.rg-kern').innerText();
    expect(blok).toContain('Selectie: Banen in het eindkwartaal, 4e kwartaal 2015 – 4e kwartaal 2017.');
    expect(blok).toMatch(/Bron: Synthetische demodata[^\n]*; peildatum 31-12-2017; synthetische demodata, geen gepubliceerde cijfers\./i);
  });

  test('the keyboard reaches a region, moves along the ranking and selects it', async () => {
    const stop = page.locator('svg path[data-code][tabindex="0"]');
    await stop.focus();
    const eerste = await stop.getAttribute('data-code');
    await page.keyboard.press('ArrowDown');
    const tweede = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(tweede).not.toBe(eerste);
    await expect.poll(() => page.locator('.pm-kaart .pm-tooltip').innerText()).toContain('Plaats');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain(`regio=${tweede}`);
    // The hash changes before the map has re-rendered with the new selection: wait for it.
    await expect.poll(() => page.locator(`svg path[data-code="${tweede}"]`).getAttribute('aria-pressed')).toBe('true');
  });

  test('SVG and PNG exports carry title, source line, peildatum, demo label and the map attribution', async () => {
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    const svg = (await download(f, 'SVG')).bytes.toString('utf8');
    expect(svg).toContain('Banen per arbeidsmarktregio, 4e kwartaal 2017');
    expect(svg).toContain('peildatum 31-12-2017');
    expect(svg).toContain('synthetische demodata');
    expect(svg).toContain(KAART_BRON);
    expect(svg.match(/<path[^>]*d="M/g)!.length).toBeGreaterThanOrEqual(35);
    const png = await download(f, 'PNG');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.dl.suggestedFilename()).toMatch(/\.png$/);
  });
});

describe('vragen aan de rekenmodule (tellers van de coordinator)', () => {
  const tellers = () => page.evaluate(() => (globalThis as unknown as { __pmQueryStats: () => CoordinatorStats }).__pmQueryStats());

  /** Choose an option the way a user does and wait until the view shows the expected key. */
  async function kies(select: string, waarde: string, weergave: string, sleutel: string): Promise<void> {
    await page.selectOption(select, waarde);
    await page.locator(`[data-regio-weergave="${weergave}"][data-sleutel="${sleutel}"][aria-busy="false"]`).waitFor({ timeout: 120_000 });
  }

  test('a new indicator sends no query: every indicator but duurzaamheid comes from the same overview answer', async () => {
    await toon('#/regios?weergave=kaart&indicator=banen&van=2015Q4&tot=2017Q4', 'kaart', 'banen|2015Q4|2017Q4');
    const voor = await tellers();
    for (const i of ['groei', 'groei_pct', 'werkzaam_pct', 'register', 'per1000', 'banen']) await kies('#rg-indicator', i, 'kaart', `${i}|2015Q4|2017Q4`);
    const na = await tellers();
    console.log(`[regio] zes indicatoren: voor ${JSON.stringify(voor)}, na ${JSON.stringify(na)}`);
    expect(na.sent - voor.sent).toBe(0);
  });

  test('a new period sends one query, a period seen before none; the scatter reuses the map\'s answer', async () => {
    await toon('#/regios?weergave=kaart&indicator=banen&van=2015Q4&tot=2017Q4', 'kaart', 'banen|2015Q4|2017Q4');
    const begin = await tellers();
    await kies('#rg-tot', '2018Q3', 'kaart', 'banen|2015Q4|2018Q3');
    const nieuw = await tellers();
    expect(nieuw.sent - begin.sent).toBe(1);
    await kies('#rg-tot', '2017Q4', 'kaart', 'banen|2015Q4|2017Q4');
    const terug = await tellers();
    expect(terug.sent - nieuw.sent).toBe(0);
    expect(terug.cacheHits).toBeGreaterThan(nieuw.cacheHits);
    // The scatter of the same period, and another start level: derived from that answer too.
    await toon('#/regios?weergave=spreiding&van=2015Q4&tot=2017Q4', 'spreiding', 'aandeel_werkzaam|2015Q4|2017Q4');
    await kies('#rg-start', 'per1000', 'spreiding', 'banen_per_1000|2015Q4|2017Q4');
    const spreiding = await tellers();
    console.log(`[regio] periode: begin ${JSON.stringify(begin)}, nieuw ${JSON.stringify(nieuw)}, terug ${JSON.stringify(terug)}, spreiding ${JSON.stringify(spreiding)}`);
    expect(spreiding.sent - terug.sent).toBe(0);
  });

  test('other regions to compare send no query: every region\'s series is one answer (the quarters\' disclosure tables need them all)', async () => {
    await toon('#/regios?weergave=vergelijk&van=2015Q4&tot=2017Q4&vergelijk=AM01,AM38', 'vergelijk', 'banen|2015Q4|2017Q4|AM01,AM38');
    const voor = await tellers();
    await toon('#/regios?weergave=vergelijk&van=2015Q4&tot=2017Q4&vergelijk=AM05,AM12,AM38', 'vergelijk', 'banen|2015Q4|2017Q4|AM05,AM12,AM38');
    const na = await tellers();
    expect(na.sent - voor.sent).toBe(0);
    expect(await tabelRijen(frame(page, /^Ontwikkeling van het aantal banen/)).then((r) => r[0])).toEqual(['4e kwartaal 2015', '100,0', '100,0', '100,0', '100,0']);
  });
});

describe('weergaven', () => {
  test('start level vs growth shows the fitted line, r and the UWV finding next to the computed growth', async () => {
    await toon('#/regios?weergave=spreiding&van=2015Q4&tot=2017Q4', 'spreiding', 'aandeel_werkzaam|2015Q4|2017Q4');
    const f = frame(page, /^Startniveau 4e kwartaal 2015/);
    await expect.poll(() => f.innerText()).toMatch(/Correlatie r = -?\d,\d\d over 35 regio's/);
    expect(await f.locator('svg circle.pm-focusdoel').count()).toBe(35);
    const tabel = page.getByRole('table', { name: /gepubliceerd door UWV en berekend/ });
    await expect.poll(() => tabel.innerText()).toContain('+15.847');
    expect(await tabel.innerText()).toContain('+16,5%');
    expect(await page.locator('.rg-citaat').innerText()).toContain('15.847 (+16,5 procent)');
  });

  test('the funnel shows every region against its cohort with 95% and 99,8% limits', async () => {
    await toon('#/regios?weergave=trechter&tot=2017Q4', 'trechter', 'trechter|2017Q4');
    const f = frame(page, /^Werkzaam na 1 jaar per arbeidsmarktregio/);
    expect(await f.locator('svg circle.pm-focusdoel').count()).toBe(35);
    expect(await f.innerText()).toMatch(/Landelijk \d+,\d%/);
    const rijen = await tabelRijen(f);
    expect(rijen).toHaveLength(35);
    for (const r of rijen) expect(r[9]).toMatch(/^(binnen de grenzen|boven de 95%-grens|onder de 95%-grens|boven de 99,8%-grens|onder de 99,8%-grens|x)$/);
  });

  test('compare shows one panel per chosen region against Nederland, indexed to 100', async () => {
    await toon('#/regios?weergave=vergelijk&van=2015Q4&tot=2017Q4&vergelijk=AM01,AM38', 'vergelijk', 'banen|2015Q4|2017Q4|AM01,AM38');
    const f = frame(page, /^Ontwikkeling van het aantal banen/);
    expect(await f.locator('svg[data-pm-export]').count()).toBe(2);
    const rijen = await tabelRijen(f);
    expect(rijen[0]).toEqual(['4e kwartaal 2015', '100,0', '100,0', '100,0']);
    // The headline sentences read the table's last row: growth = the printed index minus 100.
    const laatste = rijen.at(-1)!;
    expect(laatste[0]).toBe('4e kwartaal 2017');
    const [nl, groningen, foodvalley] = laatste.slice(1).map((t) => Math.round((Number(t.replaceAll('.', '').replace(',', '.')) - 100) * 10) / 10);
    const procent = (g: number) => `${Math.abs(g).toFixed(1).replace('.', ',')} procent`;
    const teken = (g: number) => `${g > 0 ? '+' : g < 0 ? '-' : ''}${procent(g)}`;
    const zinnen = await page.getByTestId('regio-kernzinnen').locator('li').allInnerTexts();
    // Groningen and Nederland both grew in the demo data (a decline would read "daalde").
    expect([groningen > 0, nl > 0]).toEqual([true, true]);
    expect(zinnen[0]).toBe(`Van het vierde kwartaal van 2015 tot het vierde kwartaal van 2017 groeide het aantal banen in Groningen met ${procent(groningen)}, in Nederland met ${procent(nl)}.`);
    const [h, l] = groningen >= foodvalley ? [['Groningen', groningen], ['FoodValley', foodvalley]] as const : [['FoodValley', foodvalley], ['Groningen', groningen]] as const;
    expect(zinnen[1]).toBe(`Van de gekozen regio's was de groei het hoogst in ${h[0]} (${teken(h[1])}) en het laagst in ${l[0]} (${teken(l[1])}).`);
    const sneller = [groningen, foodvalley].filter((g) => g > nl).length;
    expect(zinnen[2]).toBe(`In ${['geen van de 2', '1 van de 2', 'beide'][sneller]} gekozen regio's was de groei hoger dan in Nederland.`);
    expect(zinnen).toHaveLength(3);
    const blok = await page.locator('.rg-kern').innerText();
    expect(blok).toContain("Selectie: Banen, 4e kwartaal 2015 – 4e kwartaal 2017; gekozen regio's: Groningen en FoodValley.");
    expect(blok).toMatch(/Bron: Synthetische demodata[^\n]*; peildatum 31-12-2017; synthetische demodata, geen gepubliceerde cijfers\./i);
  });

  test('the list of regions to compare stays open while ticking several', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/regios?weergave=vergelijk&van=2015Q4&tot=2017Q4';
    });
    const lijst = page.locator('details.regio');
    await lijst.waitFor();
    expect(await lijst.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    for (const naam of ['Groningen', 'FoodValley', 'Drenthe']) {
      await lijst.getByLabel(naam, { exact: true }).check();
      await settle(page, 120_000);
      expect(await lijst.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    }
    expect(await page.evaluate(() => window.location.hash)).toContain('vergelijk=');
  });

  test('a profile link opens the profile of that region, on the latest quarter in the data', async () => {
    // The demo data run to 2024Q4: the default period is the year before it.
    await toon('#/regios?profiel=AM38', 'profiel', 'profiel|AM38|2023Q4|2024Q4');
    expect(await page.getByRole('heading', { level: 2, name: /^Profiel: FoodValley/ }).count()).toBe(1);
    const kern = page.getByRole('table', { name: /Kerncijfers FoodValley/ });
    expect(await kern.locator('tbody tr').count()).toBe(7);
    expect(await kern.innerText()).toMatch(/van 35/);
    expect(await page.locator('.rg-pagina').innerText()).toContain('4e kwartaal 2024');
    // The profile's sentences carry the key figures as its table prints them.
    const rij = async (label: RegExp) => (await kern.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label }) }).first().locator('td').allInnerTexts());
    const [banen, groeiPct] = [await rij(/^Banen$/), await rij(/^Groei aantal banen \(%\)/)];
    const zinnen = await page.getByTestId('regio-kernzinnen').locator('li').allInnerTexts();
    expect(zinnen[0]).toContain(`waren er in FoodValley ${banen[0]} banen voor mensen uit het doelgroepregister`);
    expect(zinnen[0]).toContain(`van ${groeiPct[0].replace(/^-/, '').replace('%', ' procent')}`);
    const [plaats, van] = groeiPct[2].split(' van ');
    expect(zinnen[1]).toBe(`Met die groei staat FoodValley op plaats ${plaats} van de ${van} regio's.`);
  });

  test("the UWV study's period is one click away", async () => {
    await toon('#/regios?weergave=kaart&indicator=banen', 'kaart', 'banen|2023Q4|2024Q4');
    await page.getByRole('button', { name: 'UWV-onderzoek 2015–2017' }).click();
    await page.locator('[data-regio-weergave="kaart"][data-sleutel="banen|2015Q4|2017Q4"][aria-busy="false"]').waitFor({ timeout: 120_000 });
    expect(await page.getByRole('button', { name: 'UWV-onderzoek 2015–2017' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => window.location.hash)).toContain('van=2015Q4&tot=2017Q4');
    await page.getByRole('button', { name: 'Laatste jaar in de gegevens' }).click();
    await page.locator('[data-regio-weergave="kaart"][data-sleutel="banen|2023Q4|2024Q4"][aria-busy="false"]').waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => window.location.hash)).not.toContain('van=');
  });

  test('an unknown region in the link gives a Dutch message', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/regios?profiel=AM99';
    });
    const melding = page.getByRole('alert').filter({ hasText: 'AM99' });
    await melding.waitFor();
    expect(await melding.innerText()).toContain("Link-parameter profiel heeft de ongeldige waarde 'AM99': verwacht een code van één van de 35 arbeidsmarktregio's");
  });

  test.each([
    ['kaart', '#/regios?weergave=kaart&indicator=duurzaam&van=2015Q4&tot=2017Q4&regio=AM38', 'duurzaam|2015Q4|2017Q4'],
    ['vergelijk', '#/regios?weergave=vergelijk&van=2015Q4&tot=2017Q4&vergelijk=AM01,AM13,AM38', 'banen|2015Q4|2017Q4|AM01,AM13,AM38'],
    ['spreiding', '#/regios?weergave=spreiding&van=2015Q4&tot=2017Q4&startniveau=per1000', 'banen_per_1000|2015Q4|2017Q4'],
    ['trechter', '#/regios?weergave=trechter&tot=2018Q4', 'trechter|2018Q4'],
    ['profiel', '#/regios?weergave=profiel&regio=AM01', 'profiel|AM01|2023Q4|2024Q4'],
  ])('axe finds no WCAG 2.1 AA violation in the %s view', async (weergave, hash, sleutel) => {
    await toon(hash, weergave, sleutel);
    const axe = await runAxe(page);
    expect(axe.violations, axe.summary).toEqual([]);
  });

  test.each([
    ['kaart', '#/regios?weergave=kaart', 'banen|2023Q4|2024Q4'],
    ['vergelijk', '#/regios?weergave=vergelijk&van=2015Q4&tot=2017Q4&vergelijk=AM01,AM13,AM38', 'banen|2015Q4|2017Q4|AM01,AM13,AM38'],
    ['spreiding', '#/regios?weergave=spreiding', 'aandeel_werkzaam|2023Q4|2024Q4'],
    ['trechter', '#/regios?weergave=trechter', 'trechter|2024Q4'],
    ['profiel', '#/regios?weergave=profiel&regio=AM38', 'profiel|AM38|2023Q4|2024Q4'],
  ])('at 390 px every text of the %s view lies inside its drawing and overlaps no other text', async (weergave, hash, sleutel) => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await toon(hash, weergave, sleutel);
      const problemen = await page.evaluate(() => {
        const uit: string[] = [];
        for (const svg of document.querySelectorAll('main svg[role="img"], main svg[data-pm-export]')) {
          if (svg.parentElement?.closest('svg')) continue;
          const kader = svg.getBoundingClientRect();
          const teksten = [...svg.querySelectorAll('text')]
            .map((t) => ({ t: t.textContent ?? '', r: t.getBoundingClientRect() }))
            .filter((x) => x.r.width > 0 && x.t.trim() !== '');
          for (const { t, r } of teksten) {
            if (r.left < kader.left - 1 || r.right > kader.right + 1 || r.top < kader.top - 1 || r.bottom > kader.bottom + 1) uit.push(`buiten de tekening: "${t}"`);
          }
          for (let i = 0; i < teksten.length; i++) {
            for (let j = i + 1; j < teksten.length; j++) {
              const a = teksten[i].r;
              const b = teksten[j].r;
              // 2 px of slack: glyph boxes include line spacing above and below.
              if (a.right - 2 > b.left && b.right - 2 > a.left && a.bottom - 2 > b.top && b.bottom - 2 > a.top) uit.push(`over elkaar: "${teksten[i].t}" en "${teksten[j].t}"`);
            }
          }
        }
        return uit;
      });
      expect(problemen).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (weergave === 'profiel') {
        // The key-figures table keeps its "Plaats" column on screen (issue 14).
        const kop = page.getByRole('table', { name: /Kerncijfers FoodValley/ }).getByRole('columnheader', { name: 'Plaats' });
        const vak = await kop.boundingBox();
        expect(vak !== null && vak.x >= 0 && vak.x + vak.width <= 390).toBe(true);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('no console errors, page errors or foreign requests', () => {
    expect(report.consoleErrors, describeReport(report)).toEqual([]);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
  });
});

describe('eigen paneel', () => {
  /**
   * Three quarters, two regions, 20 people each (1 baan = 331,5 uren):
   *   FoodValley (AM38, Ede): 10 working in 2015Q4 and 2016Q4, 15 in 2017Q4 → 10 → 15 banen
   *   Groningen (AM01, Groningen): 12 working in every quarter → 12 banen
   * (every figure rests on 10 or more people, so disclosure control hides nothing here; what it
   * hides on a small own panel is test/e2e/onthulling-regios-buig.test.ts)
   */
  let dir: string;
  const bestand = 'doelgroep_kwartaal_eigen.parquet';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-regio-'));
    const rijen: string[] = [];
    for (const [datum, fvWerkt] of [['2015-12-31', 10], ['2016-12-31', 10], ['2017-12-31', 15]] as const) {
      for (let i = 1; i <= 20; i++) {
        for (const [id, regio, gemeente, werkt] of [[i, 'AM38', 'GM0228', i <= fvWerkt], [100 + i, 'AM01', 'GM0014', i <= 12]] as const) {
          rijen.push(werkt
            ? `(${id}::BIGINT, DATE '${datum}', 'Wajong', '${regio}', '${gemeente}', true, ${id + 5000}::BIGINT, 'markt', 'regulier', 'onbepaald', 331.5::DOUBLE, DATE '2014-01-01')`
            : `(${id}::BIGINT, DATE '${datum}', 'Wajong', '${regio}', '${gemeente}', false, NULL::BIGINT, NULL, NULL, NULL, 0.0::DOUBLE, NULL::DATE)`);
        }
      }
    }
    await schrijfPaneel(join(dir, bestand), rijen);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("a user's panel loaded on the Data page replaces the demo numbers on the map", async () => {
    await page.evaluate(() => {
      window.location.hash = '#/data';
    });
    await settle(page, 120_000);
    await page.locator('input[type="file"]').first().setInputFiles(join(dir, bestand));
    await expect.poll(() => page.getByRole('status').filter({ hasText: bestand }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await settle(page, 120_000);
    await page.evaluate(() => {
      window.location.hash = '#/regios?weergave=kaart&indicator=banen&van=2015Q4&tot=2017Q4';
    });
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    await expect.poll(() => f.innerText(), { timeout: 60_000 }).toContain(`Eigen bestand ${bestand}; bewerking Participatiemonitor`);
    expect(await f.innerText()).toContain('Nederland: 27.');
    expect(await f.innerText()).not.toMatch(/synthetisch/i);
    const csv = (await download(f, 'CSV')).bytes.toString('utf8');
    expect(csv).toContain(`Bron: Eigen bestand ${bestand}; bewerking Participatiemonitor`);
    expect(csv).not.toMatch(/synthetisch/i);
    // The headline sentences: the panel's numbers, its file named, nowhere called demo data.
    const kern = await page.locator('.rg-kern').innerText();
    expect(kern).toContain('Het aantal banen was het hoogst in FoodValley (15) en het laagst in Groningen (12).');
    expect(kern).toContain(`Bron: Eigen bestand ${bestand}; bewerking Participatiemonitor; peildatum 31-12-2017.`);
    expect(kern).not.toMatch(/demodata|synthetisch/i);
    const rijen = await tabelRijen(f);
    expect(rijen.slice(0, 3)).toEqual([
      ['FoodValley', 'AM38', '15', '1'],
      ['Groningen', 'AM01', '12', '2'],
      [expect.any(String), expect.any(String), '–', '–'],
    ]);
    expect(await page.locator('svg path[data-code="AM38"]').getAttribute('aria-label')).toBe('FoodValley: 15; plaats 1');
  });

  test("a briefing section on the user's panel names the file, is not labelled synthetic and drafts from its numbers", async () => {
    await page.evaluate(() => {
      window.location.hash = '#/regios?weergave=kaart&indicator=banen&van=2015Q4&tot=2017Q4';
    });
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    await expect.poll(() => f.innerText(), { timeout: 60_000 }).toContain(`Eigen bestand ${bestand}`);
    await f.getByRole('button', { name: 'Voeg toe aan briefing' }).click();
    await page.evaluate(() => {
      window.location.hash = '#/briefing';
    });
    const sectie = page.locator('section[data-briefing-view="regios/kaart"]').last();
    await expect.poll(() => sectie.innerText(), { timeout: 60_000 }).toContain(`Eigen bestand ${bestand}`);
    const tekst = await sectie.innerText();
    // FoodValley 15 banen, Groningen 12 (the panel above): highest and lowest of the two regions with figures.
    expect(tekst).toContain('Het aantal banen was het hoogst in FoodValley (15) en het laagst in Groningen (12).');
    expect(tekst).not.toMatch(/synthetisch/i);
  });

  test("a plain link on the user's panel shows its latest quarter and the year before, without a period message", async () => {
    // The panel holds 2015Q4, 2016Q4 and 2017Q4: latest 2017Q4, a year before it 2016Q4.
    await page.evaluate(() => {
      window.location.hash = '#/regios?weergave=kaart&indicator=groei';
    });
    await page.locator('[data-regio-weergave="kaart"][data-sleutel="groei|2016Q4|2017Q4"][aria-busy="false"]').waitFor({ timeout: 120_000 });
    await settle(page, 120_000);
    expect(await page.locator('.rg-pagina').innerText()).not.toContain('niet in de geladen gegevens');
    const rijen = await tabelRijen(frame(page, /^Groei/));
    // FoodValley 10 → 15 banen (+5), Groningen 12 → 12 (0).
    expect(rijen.slice(0, 2).map((r) => [r[0], r[2]])).toEqual([
      ['FoodValley', '5'],
      ['Groningen', '0'],
    ]);
  });
});

/**
 * Voorberekende gegevens in Debian Chromium. `npm run compute` (bereken.ts, native DuckDB) writes
 * the demo data's tables to a temporary folder, then:
 * - on the Data page the user chooses that folder's files; the Regio's map, ranking and table show
 *   the same numbers as the metric layer on native DuckDB with the microdata, the source line says
 *   "Voorberekend uit synthetische demodata" (still labelled synthetic); the funnel draws from the
 *   folder and equals the funnel on the microdata; the Duurzaamheid page draws its national view
 *   from the folder (key sentences, outcome table and the UWV comparison as on the microdata), and
 *   two achtergronden in its contract trend and a region filter say in Dutch that they are not
 *   available; so does Beschut werk (key sentences, months, totals and the regions' comparison as
 *   on the microdata, and the published figures beside their twins as on the microdata; a region's months are not
 *   available); "Terug naar de microdata" brings the
 *   demo numbers back, and an own extract ends the mode; the BUIG page and the Overzicht BUIG
 *   tile draw from the folder (buig_gj) with the numbers of native DuckDB on the extract, the
 *   Banen tile from agg_banen_kwartaal, the Duurzaamheid tile from agg_duurzaamheid_tegel and the
 *   Beschut werk tile from agg_beschut_gebied and agg_beschut_plekken, as on
 *   the microdata after going back; after a reload the folder (kept in the browser) still draws,
 *   after going back a reload draws from the microdata;
 * - a folder whose Regio's cells are partly suppressed shows them and Nederland as "x";
 * - a copy of the built site whose data/ folder holds only the computed folder (published without
 *   microdata) draws the Regio's map from it and never asks for an extract.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { celTekst } from '../../src/lib/charts/spec.ts';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { landelijkQuery } from '../../src/lib/metrics/buig.ts';
import { regioOverzichtQuery } from '../../src/lib/metrics/regio.ts';
import { buigIndicator, decimalenVan, waardeTekst } from '../../src/lib/published/buig.ts';
import { parseBuig } from '../../src/lib/published/reference.ts';
import { herkomstVan } from '../../src/lib/query/herkomst.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { VOORBEELD_SQL } from '../../src/lib/extracts/voorbeelden.ts';
import { literal } from '../../src/lib/sql/quote.ts';
import { compute } from '../../src/lib/voorberekend/bereken.ts';
import { X_BESCHERMING } from '../../src/lib/disclosure/zinnen.ts';
import { TOELICHTING_AFGELEID } from '../../src/lib/format/disclosure.ts';
import { NIET_VOORBEREKEND } from '../../src/lib/voorberekend/setup.ts';
import { twinWaarde } from '../../src/pages/buig/gepubliceerd.ts';
import { buigTegel } from '../../src/pages/overzicht/buig.ts';
import { kaartData, rangTabel } from '../../src/pages/regios/grafieken.ts';
import { ROOT, launchBrowser, newMonitoredContext, runAxe, settle, type PageReport } from './harness.ts';
import { frame, tabelRijen } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let tmp: string;
let map: string;
let browser: Browser;
let verwacht: string[][];

const KAART = '#/regios?weergave=kaart&indicator=banen&van=2015Q4&tot=2017Q4';
const KAART_KLAAR = '[data-regio-weergave="kaart"][data-sleutel="banen|2015Q4|2017Q4"][aria-busy="false"]';
const TRECHTER = '#/regios?weergave=trechter&tot=2017Q4';
const TRECHTER_KLAAR = '[data-regio-weergave="trechter"][data-sleutel="trechter|2017Q4"][aria-busy="false"]';
let trechterVoorberekend: string[][] = [];
/** The BUIG tile's figure and the SZW 2016 twin, from native DuckDB on buig_gemeente. */
let buigVerwacht: { tegel: string; twin2016: string };
let buigVoorberekend: string[][] = [];
/** The Banen, BUIG and Duurzaamheid tiles (figure and explanation) drawn from the folder. */
let tegelsVoorberekend: string[][] = [];
/** What the Duurzaamheid page shows: the key sentences, the outcome table, its source line and the comparison's summary. */
interface DuurzaamheidGetoond { kern: string[]; uitkomst: string[][]; bron: string; vergelijking: string }
let duurzaamheidVoorberekend: DuurzaamheidGetoond;
const DUURZAAMHEID_KLAAR = '[data-sectie="uitkomst"][aria-busy="false"] figure';

async function duurzaamheidTonen(page: Page): Promise<DuurzaamheidGetoond> {
  const zinnen = page.getByTestId('kernzinnen').locator('li');
  // Every sentence: the outcome, starters, contracts and uitstroom (the last joins when its answer is there).
  for (const zin of ['begonnen zijn met werken', 'verloonde uren', 'voornaamste reden voor uitstroom']) await zinnen.filter({ hasText: zin }).first().waitFor({ timeout: 120_000 });
  const samenvatting = page.locator('.dz-samenvatting');
  await samenvatting.waitFor({ timeout: 120_000 });
  const f = frame(page, /^Uitkomst na 1 jaar per achtergrond/);
  return { kern: await zinnen.allInnerTexts(), uitkomst: await tabelRijen(f), bron: await f.innerText(), vergelijking: (await samenvatting.innerText()).split('\n')[0] };
}

/** What the Beschut werk page shows for heel Nederland: key sentences, months, totals and the comparison of regions. */
interface BeschutGetoond { kern: string[]; maanden: string[][]; totalen: string[][]; vergelijking: string[][]; gepubliceerd: string[][]; bron: string }
let beschutVoorberekend: BeschutGetoond;
const BESCHUT = '#/beschut-werk?van=2017-01&tot=2017-05';
const BESCHUT_KLAAR = '[data-beschut-sectie="gebieden"][data-sleutel="2017-01|2017-12|alle|regio|5|realisatie|"] [aria-busy="false"] figure >> nth=0';

async function beschutTonen(page: Page): Promise<BeschutGetoond> {
  const zinnen = page.getByTestId('kernzinnen').locator('li');
  await zinnen.first().waitFor({ timeout: 120_000 });
  const maanden = frame(page, /^Beoordelingen beschut werk per maand/);
  return {
    kern: await zinnen.allInnerTexts(),
    maanden: await tabelRijen(maanden),
    totalen: await tabelRijen(frame(page, /^Beoordelingen en positieve adviezen per aanvrager/)),
    vergelijking: await tabelRijen(frame(page, /^Positieve adviezen per plek van de taakstelling 2017, arbeidsmarktregio's/)),
    gepubliceerd: await tabelRijen(frame(page, /^Gepubliceerde cijfers beschut werk naast de berekening/)),
    bron: await maanden.innerText(),
  };
}

async function tegels(page: Page): Promise<string[][]> {
  const uit: string[][] = [];
  for (const id of ['banen', 'buig', 'duurzaamheid', 'beschut-werk']) {
    const t = page.locator(`[data-tegel="${id}"]`);
    await t.getByTestId('tegel-waarde').waitFor({ timeout: 120_000 });
    uit.push([await t.getByTestId('tegel-waarde').innerText(), await t.locator('.pm-tegel__uitleg').innerText()]);
  }
  return uit;
}
const BUIG_KLAAR = '[data-sectie="buig-jaren"][aria-busy="false"]';

async function buigTabel(page: Page): Promise<string[][]> {
  return page.locator('[data-sectie="buig-gepubliceerd"] table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
}

/** Poll in a hook (expect.poll works only inside a test). */
async function wachtTot(ok: () => Promise<boolean>, ms: number, wat: string): Promise<void> {
  const eind = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > eind) throw new Error(`${wat}: niet binnen ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function toon(page: Page, hash: string, klaar: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.locator(klaar).waitFor({ timeout: 120_000 });
  await settle(page, 120_000);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pm-voorberekend-'));
  map = join(tmp, 'map');
  await compute(join(ROOT, 'data/extracts'), { uit: map });
  // The page's map rows computed by the metric layer on the microdata (native DuckDB).
  const native = await NodeEngine.create();
  try {
    await native.attachParquet({ doelgroep_kwartaal: join(ROOT, 'data/extracts/doelgroep_kwartaal.parquet') });
    const o = await runMetric(native, regioOverzichtQuery({ basis: '2015Q4', eind: '2017Q4' }));
    const v = { indicator: 'banen' as const, basis: o.basis, eind: o.eind };
    const data = kaartData(v, rangTabel(v, o, null), herkomstVan([]));
    verwacht = data.rijen.map((r) => [String(r.regio_naam), String(r.regio_code), celTekst(r.waarde, data.kolommen[2]), celTekst(r.rang, data.kolommen[3])]);
    await native.attachParquet({ buig_gemeente: join(ROOT, 'data/extracts/buig_gemeente.parquet') });
    const nationaal = await runMetric(native, landelijkQuery());
    const pub = parseBuig(readFileSync(join(ROOT, 'data/published/buig_macrobudget.csv'), 'utf8'));
    const szw = pub.find((x) => x.indicator === 'tekort_landelijk_ca_szw_voorlopig')!;
    buigVerwacht = {
      tegel: buigTegel(nationaal, pub)!.waarde,
      twin2016: waardeTekst(twinWaarde(szw, nationaal)!, buigIndicator(szw.indicator).soort, szw.eenheid, decimalenVan(szw.waarde)),
    };
  } finally {
    await native.close();
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('op de Data-pagina gekozen', () => {
  let page: Page;
  let report: PageReport;

  beforeAll(async () => {
    let context;
    ({ context, report } = await newMonitoredContext(browser, origin));
    page = await context.newPage();
    await page.goto(`${baseUrl}#/data`);
    await settle(page, 300_000);
    await page.getByTestId('voorberekend-kiezer').setInputFiles(readdirSync(map).map((f) => join(map, f)));
    const melding = page.getByRole('status').filter({ hasText: 'rekent met voorberekende gegevens' });
    await wachtTot(async () => (await melding.count()) === 1, 60_000, 'melding voorberekende gegevens');
  }, 360_000);

  test('the Data page names the source and the suppressed cells, never a file path, and passes axe', async () => {
    const melding = await page.getByRole('status').filter({ hasText: 'rekent met voorberekende gegevens' }).innerText();
    expect(melding).toContain('Bron: voorberekend uit synthetische demodata (seed 20240)');
    expect(melding).toContain('peildatum tot en met 31-12-2024');
    // 1,175 Duurzaamheid cells; Beschut werk per calendar year: 21,558 comparison counts, 189 month
    // counts, Nederland's first peildatum (0 places) and 5 twins of the published figures.
    // Not all under 10: the count includes the cells emptied to protect them (said so).
    expect(melding).toContain('11 tabellen, 22.928 cellen leeg gelaten (groepen van minder dan 10 personen, en cellen waaruit die terug te rekenen zouden zijn)');
    expect(melding).not.toContain(tmp);
    expect(await page.getByText('Voorberekend zijn nu:').innerText()).toContain(
      "Voorberekend zijn nu: Regio's, Overzicht (tegel Banen), Overzicht (tegel Duurzaamheid), Duurzaamheid (heel Nederland), Beschut werk (heel Nederland per kalenderjaar en de gepubliceerde cijfers; ook de tegel op het Overzicht), BUIG (ook de tegel op het Overzicht).",
    );
    // Every page says it in the shell, with the source.
    expect(await page.getByRole('note', { name: 'Voorberekende gegevens' }).innerText()).toContain(
      'Het dashboard tekent uit tabellen die vooraf zijn berekend (voorberekend uit synthetische demodata (seed 20240)',
    );
    // The Data page in this mode passes axe too (pages.test.ts runs it on the microdata).
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
  });

  test("the Regio's map, ranking and table equal native DuckDB on the microdata, labelled voorberekend and synthetic", async () => {
    await toon(page, KAART, KAART_KLAAR);
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    expect(await tabelRijen(f)).toEqual(verwacht);
    const tekst = await f.innerText();
    expect(tekst).toMatch(/Voorberekend uit synthetische demodata \(seed 20240\)[^\n]*bewerking Participatiemonitor/);
    expect(tekst).toContain('synthetische demodata');
    expect(tekst).not.toContain(tmp);
  });

  test('the funnel (werkzaam na 1 jaar per region) draws from the folder', async () => {
    await toon(page, TRECHTER, TRECHTER_KLAAR);
    const f = frame(page, /^Werkzaam na 1 jaar per arbeidsmarktregio/);
    trechterVoorberekend = await tabelRijen(f);
    expect(trechterVoorberekend).toHaveLength(35);
    expect(await f.innerText()).toMatch(/Voorberekend uit synthetische demodata/);
    expect(report.pageErrors).toEqual([]);
  });

  test('Duurzaamheid draws its national view from the folder; several achtergronden in the contract trend and a region filter say in Dutch that they need microdata', async () => {
    await toon(page, '#/duurzaamheid', DUURZAAMHEID_KLAAR);
    duurzaamheidVoorberekend = await duurzaamheidTonen(page);
    expect(duurzaamheidVoorberekend.kern[0]).toMatch(/^Van de mensen die in het derde kwartaal van 2023 werkten, werkte een jaar later \d+ procent nog steeds\.$/);
    // Starters and the contract trend come from the folder too.
    expect(duurzaamheidVoorberekend.kern.some((z) => z.includes('begonnen zijn met werken'))).toBe(true);
    expect(duurzaamheidVoorberekend.kern.some((z) => z.includes('verloonde uren'))).toBe(true);
    // Four achtergronden and the total, each with its cohort printed.
    expect(duurzaamheidVoorberekend.uitkomst.map((r) => r[0])).toEqual(['Wajong', 'Wsw', 'Participatiewet', 'WIW/ID', 'Totaal']);
    expect(duurzaamheidVoorberekend.uitkomst.every((r) => /^\d{1,3}(\.\d{3})*$/.test(r[1]))).toBe(true);
    expect(duurzaamheidVoorberekend.bron).toMatch(/Voorberekend uit synthetische demodata/);
    expect(duurzaamheidVoorberekend.vergelijking).toMatch(/^\d+ van de \d+ vergeleken cijfers liggen binnen de tolerantie/);
    expect(await page.getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count()).toBe(0);
    // Two achtergronden: the contract trend (a mean duration cannot be added up) needs microdata; the rest draws.
    await page.evaluate(() => {
      window.location.hash = '#/duurzaamheid?achtergrond=Wajong,Wsw';
    });
    await expect.poll(() => page.locator('[data-sectie="contract"]').getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count(), { timeout: 60_000 }).toBe(1);
    await page.locator(DUURZAAMHEID_KLAAR).waitFor({ timeout: 60_000 });
    // A region filter: the outcome and the headline say it, nothing is computed from the folder's national table.
    await page.evaluate(() => {
      window.location.hash = '#/duurzaamheid?regio=AM01';
    });
    const uitkomst = page.locator('[data-sectie="uitkomst"]');
    await expect.poll(() => uitkomst.getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('[data-sectie="kern"]').getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText('Deze berekening is mislukt').count()).toBe(0);
    expect(report.pageErrors).toEqual([]);
  });

  test('Beschut werk draws its national view and the published figures from the folder (stand-ins for its empty counts never shown); a region\'s months say in Dutch that they need microdata', async () => {
    await toon(page, BESCHUT, BESCHUT_KLAAR);
    beschutVoorberekend = await beschutTonen(page);
    expect(beschutVoorberekend.kern[0]).toMatch(/^In januari tot en met mei 2017 gaf UWV [\d.]+ adviezen beschut werk; [\d.]+ daarvan waren positief \(\d+ procent\)\.$/);
    expect(beschutVoorberekend.maanden.map((r) => r[0])).toEqual(['jan 2017', 'feb 2017', 'mrt 2017', 'apr 2017', 'mei 2017']);
    // January's positive burger adviezen are hidden in the folder as on the microdata page ("<10",
    // a stand-in behind it); the rest of January prints, since UWV's letter gave that group away.
    expect(beschutVoorberekend.maanden[0].slice(1).map((v) => (v === '<10' || v === 'x' ? v : 'getal'))).toEqual(['getal', 'getal', 'getal', '<10', 'getal', 'getal']);
    expect(beschutVoorberekend.vergelijking).toHaveLength(35);
    expect(beschutVoorberekend.bron).toMatch(/Voorberekend uit synthetische demodata/);
    // The published figures beside their twins as the folder wrote them (equal to the microdata
    // page's table: "Terug naar de microdata" below): January 2017's share of positive burger
    // adviezen "x" (7 of 12), the 12 requests printed.
    const rij = (cijfer: string) => beschutVoorberekend.gepubliceerd.find((r) => r[0] === cijfer)!;
    expect(beschutVoorberekend.gepubliceerd).toHaveLength(36);
    expect(rij('Percentage positief, op verzoek van burgers, januari 2017').slice(1, 3)).toEqual(['58%', 'x']);
    expect(rij('Beoordelingen, op verzoek van burgers, januari 2017').slice(1, 4)).toEqual(['12', '12', '0']);
    expect(await page.locator('[data-beschut-sectie="gepubliceerd"]').getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count()).toBe(0);
    // A region: the comparison and its profile draw, its months need microdata.
    await page.evaluate(() => {
      window.location.hash = '#/beschut-werk?van=2017-01&tot=2017-05&regio=AM25';
    });
    const maanden = page.locator('[data-beschut-sectie="maanden"]');
    await expect.poll(() => maanden.getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count(), { timeout: 60_000 }).toBe(1);
    await page.locator('[data-beschut-sectie="gebieden"][data-sleutel="2017-01|2017-12|alle|regio|5|realisatie|AM25"] [aria-busy="false"] figure').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-beschut-sectie="gebieden"]').getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count()).toBe(0);
    // WCAG 2.1 AA with the "not available" notes next to the drawn comparison.
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText('Deze berekening is mislukt').count()).toBe(0);
    expect(report.pageErrors).toEqual([]);
  });

  test('the BUIG page and the Overzicht Banen and BUIG tiles draw from the folder (BUIG with the numbers of native DuckDB on the extract)', async () => {
    await toon(page, '#/buig', BUIG_KLAAR);
    await expect.poll(() => page.getByTestId('buig-herkomst').innerText(), { timeout: 60_000 }).toMatch(/^Voorberekend uit synthetische demodata/);
    await page.locator('[data-sectie="buig-gemeenten"][aria-busy="false"]').waitFor({ timeout: 60_000 });
    buigVoorberekend = await buigTabel(page);
    const szw = buigVoorberekend.find((r) => r[1] === 'Landelijk tekort volgens SZW (voorlopige cijfers)')!;
    expect(szw.slice(0, 4)).toEqual(['2016', 'Landelijk tekort volgens SZW (voorlopige cijfers)', 'tekort € 270 mln', buigVerwacht.twin2016]);
    expect(await page.getByRole('status').filter({ hasText: NIET_VOORBEREKEND }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
    // The Banen tile (national banen per quarter, agg_banen_kwartaal) and the BUIG tile.
    tegelsVoorberekend = await tegels(page);
    expect(tegelsVoorberekend[1][0]).toBe(buigVerwacht.tegel);
    expect(tegelsVoorberekend[0][0]).toMatch(/^[+−]\d{1,3}(\.\d{3})*$/);
    expect(tegelsVoorberekend[0][1]).toMatch(/^[\d.]+ banen voor mensen uit het doelgroepregister in het 4e kwartaal 2024/);
    // The Duurzaamheid tile from agg_duurzaamheid_tegel: the last third quarter with a year after it.
    expect(tegelsVoorberekend[2][0]).toMatch(/^\d{1,2},\d%$/);
    // The Beschut werk tile from Nederland's years and places (agg_beschut_gebied, agg_beschut_plekken).
    expect(tegelsVoorberekend[3][1]).toMatch(/^[\d.]+ van de [\d.]+ adviezen beschut werk in 2024 waren positief/);
    expect(tegelsVoorberekend[2][1]).toMatch(/^Van de [\d.]+ mensen uit het doelgroepregister die in het 3e kwartaal 2023 werkten/);
    expect(report.pageErrors).toEqual([]);
  });

  test('after a reload the dashboard still draws from the folder (kept in this browser, checked again)', async () => {
    await page.reload();
    const notitie = page.getByRole('note', { name: 'Voorberekende gegevens' });
    await expect.poll(() => notitie.count(), { timeout: 120_000 }).toBe(1);
    await toon(page, KAART, KAART_KLAAR);
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    expect(await tabelRijen(f)).toEqual(verwacht);
    expect(await f.innerText()).toMatch(/Voorberekend uit synthetische demodata/);
    await page.evaluate(() => {
      window.location.hash = '#/data';
    });
    const melding = page.getByRole('status').filter({ hasText: 'rekent met voorberekende gegevens' });
    await expect.poll(() => melding.innerText(), { timeout: 60_000 }).toContain('De map is in deze browser bewaard: ook na herladen tekent het dashboard eruit');
    expect(report.pageErrors).toEqual([]);
  });

  test('"Terug naar de microdata" brings the demo source back', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/data';
    });
    await page.getByRole('button', { name: 'Terug naar de microdata' }).click();
    await toon(page, KAART, KAART_KLAAR);
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    expect(await tabelRijen(f)).toEqual(verwacht);
    expect(await f.innerText()).not.toContain('Voorberekend');
    expect(await page.getByRole('note', { name: 'Voorberekende gegevens' }).count()).toBe(0);
    // The funnel on the microdata (the per-quarter cohort query) shows what the folder showed.
    await toon(page, TRECHTER, TRECHTER_KLAAR);
    expect(await tabelRijen(frame(page, /^Werkzaam na 1 jaar per arbeidsmarktregio/))).toEqual(trechterVoorberekend);
    // The BUIG page's published-next-to-computed table on the extract is the folder's.
    await toon(page, '#/buig', BUIG_KLAAR);
    await expect.poll(() => page.getByTestId('buig-herkomst').innerText(), { timeout: 60_000 }).toMatch(/^Synthetische demodata/);
    expect(await buigTabel(page)).toEqual(buigVoorberekend);
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
    expect(await tegels(page)).toEqual(tegelsVoorberekend);
    // The Duurzaamheid page on the microdata: the same key sentence and outcome table as from the folder.
    await toon(page, '#/duurzaamheid', DUURZAAMHEID_KLAAR);
    const micro = await duurzaamheidTonen(page);
    expect(micro.bron).not.toMatch(/Voorberekend/);
    expect({ ...micro, bron: '' }).toEqual({ ...duurzaamheidVoorberekend, bron: '' });
    // Beschut werk on the microdata: the same sentences, months, totals and comparison as from the folder.
    await toon(page, BESCHUT, BESCHUT_KLAAR);
    const beschut = await beschutTonen(page);
    expect(beschut.bron).not.toMatch(/Voorberekend/);
    expect({ ...beschut, bron: '' }).toEqual({ ...beschutVoorberekend, bron: '' });
    // The folder is forgotten: a reload draws from the microdata.
    await page.reload();
    await toon(page, KAART, KAART_KLAAR);
    expect(await frame(page, /^Banen per arbeidsmarktregio/).innerText()).not.toContain('Voorberekend');
    expect(await page.getByRole('note', { name: 'Voorberekende gegevens' }).count()).toBe(0);
  });

  test("an own extract loaded while drawing from the folder ends voorberekend mode: the pages use the user's microdata", async () => {
    const eigen = join(tmp, 'mijn_panel.parquet');
    const db = await NodeEngine.create();
    await db.exec(`COPY (${VOORBEELD_SQL.doelgroep_kwartaal}) TO ${literal(eigen)} (FORMAT parquet)`);
    await db.close();
    await page.evaluate(() => {
      window.location.hash = '#/data';
    });
    await page.getByTestId('voorberekend-kiezer').setInputFiles(readdirSync(map).map((f) => join(map, f)));
    const notitie = page.getByRole('note', { name: 'Voorberekende gegevens' });
    await expect.poll(() => notitie.count(), { timeout: 60_000 }).toBe(1);
    await page.locator('.zone input[type="file"]').setInputFiles(eigen);
    await expect.poll(() => notitie.count(), { timeout: 120_000 }).toBe(0);
    await settle(page, 120_000);
    await page.evaluate(() => {
      window.location.hash = '#/regios?weergave=kaart&indicator=banen';
    });
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    await expect.poll(() => f.innerText(), { timeout: 120_000 }).toMatch(/Eigen bestand mijn_panel\.parquet/);
    expect(await f.innerText()).not.toContain('Voorberekend');
  });
});

describe('een map met onderdrukte cellen (Regio\'s)', () => {
  // The demo panel with Friesland (AM02) cut to 5 persons in 2017Q4: that cell is small, so
  // compute leaves it and the quarter's smallest other region empty; the map shows both as "x"
  // and Nederland too (its 2017Q4 sum is not known), never adding an empty cell as 0.
  let klein: string;
  beforeAll(async () => {
    const extracten = join(tmp, 'klein-extracten');
    klein = join(tmp, 'klein-map');
    const db = await NodeEngine.create();
    try {
      await db.exec(`CREATE VIEW p AS SELECT * FROM read_parquet(${literal(join(ROOT, 'data/extracts/doelgroep_kwartaal.parquet'))})`);
      await db.exec(`CREATE TABLE weg AS SELECT persoon_id FROM p WHERE regio_code = 'AM02' AND peildatum = DATE '2017-12-31' ORDER BY persoon_id OFFSET 5`);
      cpSync(join(ROOT, 'data/extracts'), extracten, { recursive: true, filter: (f) => !f.endsWith('doelgroep_kwartaal.parquet') });
      await db.exec(`COPY (SELECT * FROM p WHERE NOT (peildatum = DATE '2017-12-31' AND persoon_id IN (SELECT persoon_id FROM weg))) TO ${literal(join(extracten, 'doelgroep_kwartaal.parquet'))} (FORMAT parquet)`);
    } finally {
      await db.close();
    }
    await compute(extracten, { uit: klein });
  }, 300_000);

  test('the map shows the empty cells and Nederland as "x"; the other regions as computed', async () => {
    const { context, report } = await newMonitoredContext(browser, origin);
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/data`);
    await settle(page, 300_000);
    await page.getByTestId('voorberekend-kiezer').setInputFiles(readdirSync(klein).map((f) => join(klein, f)));
    const melding = page.getByRole('status').filter({ hasText: 'rekent met voorberekende gegevens' });
    await expect.poll(() => melding.count(), { timeout: 60_000 }).toBe(1);
    // 2 region × quarter cells, the cohorts that start or end in 2017Q4 in Friesland (each with its
    // complement), and the Duurzaamheid page's small achtergrond and uitstroom cells.
    expect(await melding.innerText()).toMatch(/11 tabellen, [1-9][.\d]* cellen leeg gelaten/);
    await toon(page, KAART, KAART_KLAAR);
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    const rijen = await tabelRijen(f);
    const x = rijen.filter((r) => r[2] === 'x');
    expect(x.map((r) => r[1])).toContain('AM02');
    expect(x).toHaveLength(2);
    // Every other region as native DuckDB computes it on the microdata (the demo's rows), ranks among the values shown.
    const getoond = rijen.filter((r) => r[2] !== 'x').map((r) => r.slice(0, 3));
    const uitDemo = verwacht.filter((r) => !x.some((y) => y[1] === r[1])).map((r) => r.slice(0, 3));
    expect(getoond).toEqual(uitDemo);
    expect(await f.innerText()).toContain('Nederland: x.');
    // Each "x" with its true reason: Friesland's own cell is small, the other was emptied to protect it.
    expect(await f.innerText()).toContain(TOELICHTING_AFGELEID);
    expect(await f.innerText()).toContain(X_BESCHERMING);
    expect(report.pageErrors).toEqual([]);
    await context.close();
  });
});

async function vrijePoort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

describe('een site zonder microdata (data/ bevat alleen de voorberekende map)', () => {
  let server: ChildProcess;
  let site: string;

  beforeAll(async () => {
    // The built site with its data/ folder replaced: the computed folder, the map geometry, no extracts.
    const dist = join(tmp, 'dist');
    cpSync(join(ROOT, 'dist'), dist, { recursive: true, filter: (p) => !p.startsWith(join(ROOT, 'dist', 'data')) });
    cpSync(map, join(dist, 'data'), { recursive: true });
    if (existsSync(join(ROOT, 'dist/data/geo'))) cpSync(join(ROOT, 'dist/data/geo'), join(dist, 'data/geo'), { recursive: true });
    const poort = await vrijePoort();
    server = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(poort), '--strictPort'], {
      cwd: ROOT, detached: true, stdio: 'ignore',
    });
    site = `http://127.0.0.1:${poort}`;
    await wachtTot(async () => (await fetch(`${site}/`).catch(() => null))?.ok ?? false, 30_000, 'vite preview');
  }, 120_000);

  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  test("the Regio's map draws from the folder and no extract is ever requested", async () => {
    const { context, report } = await newMonitoredContext(browser, site);
    const page = await context.newPage();
    await page.goto(`${site}/${KAART}`);
    await page.locator(KAART_KLAAR).waitFor({ timeout: 120_000 });
    await settle(page, 120_000);
    const f = frame(page, /^Banen per arbeidsmarktregio/);
    expect(await tabelRijen(f)).toEqual(verwacht);
    expect(await f.innerText()).toMatch(/Voorberekend uit synthetische demodata/);
    expect(await page.getByRole('note', { name: 'Voorberekende gegevens' }).innerText()).toContain('zonder microdata');
    const parquet = report.requests.filter((u) => u.includes('.parquet'));
    expect(parquet.map((u) => new URL(u).pathname).sort()).toEqual(['/data/agg_banen_kwartaal.parquet', '/data/agg_beschut_gebied.parquet', '/data/agg_beschut_gepubliceerd.parquet', '/data/agg_beschut_maand.parquet', '/data/agg_beschut_plekken.parquet', '/data/agg_duurzaamheid_cohort.parquet', '/data/agg_duurzaamheid_contract.parquet', '/data/agg_duurzaamheid_tegel.parquet', '/data/agg_regio_cohort.parquet', '/data/agg_regio_kwartaal.parquet', '/data/buig_gj.parquet']);
    expect(report.requests.filter((u) => u.includes('/extracts/'))).toEqual([]);
    expect(report.pageErrors).toEqual([]);
    await context.close();
  });
});

/**
 * The Duurzaamheid page on the demo data, in Debian Chromium: it loads without console errors,
 * the headline shows a percentage for the default cohort, the base quarter changes through the
 * UI (URL and numbers follow), a link with filters reopens the same view, the counts in the
 * table twins equal native DuckDB on the same Parquet files, the query layer's design claims hold
 * (another third-quarter base quarter and going back send no query; a new achtergrond sends only
 * the contract trend — counted by the coordinator, never timed), axe finds nothing, 390 px wide
 * nothing overflows, and a user's own panel loaded on the Data page is computed, named as the
 * source and never labelled demo data.
 * E2E_DATA_DIR (relative to the repo) points at another data folder with manifest.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { panelBereikQuery, standaardBasiskwartaal, type PanelBereik } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { cohortTrendQuery, cohortUitkomstQuery, type UitkomstRij } from '../../src/lib/metrics/duurzaamheid/uitkomst.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import type { CoordinatorStats } from '../../src/lib/query/Coordinator.ts';
import { maakPanel, type Persoon, type Vertrek } from '../fixtures/duurzaamheid-panel.ts';
import { indexToKwartaal, kwartaalToIndex, type Kwartaal } from '../../src/lib/kwartaal.ts';
import { formatKwartaal, formatKwartaalVoluit } from '../../src/lib/format/nl.ts';
import { ROOT, describeReport, launchBrowser, newMonitoredContext, runAxe, settle, type PageReport } from './harness.ts';
import { frame, tabelRijen } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');

let browser: Browser;
let context: BrowserContext;
let report: PageReport;
let resetReport: () => void;
let page: Page;
let native: NodeEngine;
let bereik: PanelBereik;
let standaard: Kwartaal;

const HEADLINE = /^Van de (.+) die in het (\w+) kwartaal van (\d{4}) werkten, werkte (een|twee) jaar later (\d+) procent nog steeds\.$/;

function parquet(naam: string): string {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const e = manifest.extracts.find((x) => x.name === naam);
  if (!e) throw new Error(`${naam} staat niet in ${DATA}/manifest.json`);
  return join(DATA, e.file);
}

async function kernzinnen(p: Page): Promise<string[]> {
  return p.getByTestId('kernzinnen').locator('li').allInnerTexts();
}

/** The coordinator's counters: how many queries went to the engine, came from the cache, … */
async function tellers(p: Page): Promise<CoordinatorStats> {
  return p.evaluate(() => (globalThis as unknown as { __pmQueryStats(): CoordinatorStats }).__pmQueryStats());
}

/** "12.345" → 12345 (nl-NL count). */
function aantal(s: string): number {
  if (!/^\d{1,3}(\.\d{3})*$/.test(s)) throw new Error(`geen aantal: "${s}"`);
  return Number(s.replaceAll('.', ''));
}

beforeAll(async () => {
  native = await NodeEngine.create();
  await native.attachParquet({ doelgroep_kwartaal: parquet('doelgroep_kwartaal'), doelgroep_uitstroom: parquet('doelgroep_uitstroom') });
  bereik = (await runMetric(native, panelBereikQuery()))!;
  standaard = standaardBasiskwartaal(bereik)!;
  browser = await launchBrowser();
  ({ context, report, reset: resetReport } = await newMonitoredContext(browser, origin));
  page = await context.newPage();
  await page.goto(`${baseUrl}#/duurzaamheid`);
  await settle(page, 300_000);
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await native?.close();
});

describe('Duurzaamheid op de demodata', () => {
  test('laadt zonder fouten en noemt voor het standaardcohort een percentage', async () => {
    expect([...report.consoleErrors, ...report.pageErrors, ...report.httpErrors], describeReport(report)).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Duurzaamheid');
    // No basis in the link: the latest Q3 with a year after it, and the link stays without basis.
    expect(new URL(page.url()).hash).toBe('#/duurzaamheid?horizon=4&sector=alle');
    const [eerste] = await kernzinnen(page);
    const m = HEADLINE.exec(eerste);
    expect(m, eerste).not.toBeNull();
    expect(`${m![2]} kwartaal van ${m![3]}`).toBe(formatKwartaalVoluit(standaard));
    // The sentence's number is the native share, rounded as in the letters.
    const [t] = await runMetric(native, cohortUitkomstQuery({ basis: standaard, horizon: 4 }, bereik));
    expect(Number(m![5])).toBe(Math.round((t.werkzaam / t.cohort) * 100));
    await expect(page.locator('#dz-basis').inputValue()).resolves.toBe(standaard);
  });

  test('geeft in DuckDB-WASM dezelfde aantallen als native DuckDB op dezelfde Parquet-bestanden', async () => {
    // Outcome per achtergrond for the default cohort (table twin of the stacked bar).
    const uitkomst = await tabelRijen(frame(page, /^Uitkomst na 1 jaar per achtergrond/));
    const nat = await runMetric(native, cohortUitkomstQuery({ basis: standaard, horizon: 4, split: 'achtergrond' }, bereik));
    const perGroep = new Map(nat.map((r) => [r.groep, r]));
    for (const [groep, cohort, , , , werkzaam, verloren, uit] of uitkomst) {
      if (groep === 'Totaal') continue;
      const r = perGroep.get(groep);
      expect(r, groep).toBeDefined();
      expect([aantal(cohort), aantal(werkzaam), aantal(verloren), aantal(uit)], groep).toEqual([r!.cohort, r!.werkzaam, r!.werkVerloren, r!.uitRegister]);
    }
    expect(uitkomst.length).toBe(nat.length + 1);

    // Retention trend over all Q3 base quarters (table twin of the trend chart).
    const trend = await tabelRijen(frame(page, /^Nog aan het werk na 1 jaar, per basiskwartaal/));
    const nt = await runMetric(native, cohortTrendQuery({ horizon: 4, kwartaalVanJaar: 3 }, bereik));
    const perBasis = new Map<string, UitkomstRij>(nt.map((r) => [formatKwartaal(r.basis), r]));
    let vergeleken = 0;
    for (const rij of trend) {
      const r = perBasis.get(rij[0]);
      if (!r) continue; // a published value outside the data has a row without computed numbers
      // Columns: basis, cohort, six shares, then the counts werkzaam, steeds werkzaam, zelfde baan.
      const [werkzaam, steeds, zelfde] = rij.slice(-3);
      expect([aantal(rij[1]), aantal(werkzaam), aantal(steeds), aantal(zelfde)], rij[0]).toEqual([r.cohort, r.werkzaam, r.steedsWerkzaam, r.zelfdeBaan]);
      vergeleken++;
    }
    expect(vergeleken).toBe(nt.length);
  });

  test('toont de gepubliceerde UWV-cijfers naast de berekening, met bron en tolerantie', async () => {
    const f = frame(page, /^Gepubliceerde UWV-cijfers naast de berekening/);
    await expect(f.getByRole('columnheader', { name: /Binnen tolerantie/ }).count()).resolves.toBe(1);
    const rijen = await f.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    const r88 = rijen.find((r) => /K3\s2021\s→ K3\s2022/.test(r) && /88,0/.test(r));
    expect(r88, rijen.join('\n')).toMatch(/\t(ja|nee)$/);
    await expect(page.getByText(/van de \d+ vergeleken cijfers liggen binnen de tolerantie \(1 procentpunt\)/).count()).resolves.toBe(1);
    await expect(f.getByText('Bronvermelding per cijfer', { exact: false }).count()).resolves.toBeGreaterThan(0);
  });

  test('een ander derde kwartaal, een andere achtergrond en terug: alleen wat nieuw is gaat naar de rekenmodule', async () => {
    const kop = page.locator('#dz-kern-kop');
    const begin = await tellers(page);
    // Other third-quarter base quarters are read from the trends: no query at all.
    const q3 = [1, 2, 3].map((i) => indexToKwartaal(kwartaalToIndex(standaard) - 4 * i)).filter((k) => kwartaalToIndex(k) >= kwartaalToIndex(bereik.eerste));
    expect(q3.length).toBeGreaterThan(0);
    for (const k of q3) {
      await page.locator('#dz-basis').selectOption(k);
      await page.waitForURL((u) => u.hash.includes(`basis=${k}`));
      await settle(page);
      await expect(kop.innerText()).resolves.toContain(formatKwartaal(k));
      const [t] = await runMetric(native, cohortUitkomstQuery({ basis: k, horizon: 4 }, bereik));
      expect(Number(HEADLINE.exec((await kernzinnen(page))[0])![5])).toBe(Math.round((t.werkzaam / t.cohort) * 100));
    }
    const naQ3 = await tellers(page);
    expect(naQ3.sent, JSON.stringify({ begin, naQ3 })).toBe(begin.sent);

    // An achtergrond is applied on the split rows; only the contract trend (a mean job duration
    // cannot be added up over groups) is asked again: exactly one query.
    await page.getByRole('checkbox', { name: 'Wsw', exact: true }).check();
    await page.waitForURL((u) => u.hash.includes('achtergrond=Wsw'));
    await settle(page);
    const naWsw = await tellers(page);
    expect(naWsw.sent - naQ3.sent, JSON.stringify({ naQ3, naWsw })).toBe(1);
    const zin = (await kernzinnen(page))[0];
    expect(zin).toMatch(/^Van de mensen met achtergrond Wsw die/);
    const [wsw] = await runMetric(native, cohortUitkomstQuery({ basis: q3.at(-1)!, horizon: 4, filters: { achtergrond: ['Wsw'] } }, bereik));
    expect(Number(HEADLINE.exec(zin)![5])).toBe(Math.round((wsw.werkzaam / wsw.cohort) * 100));

    // Going back to earlier selections: everything from the cache.
    await page.getByRole('checkbox', { name: 'Wsw', exact: true }).uncheck();
    await page.waitForURL((u) => !u.hash.includes('achtergrond='));
    await settle(page);
    await page.locator('#dz-basis').selectOption(standaard);
    await page.waitForURL((u) => u.hash.includes(`basis=${standaard}`));
    await settle(page);
    await expect(kop.innerText()).resolves.toContain(formatKwartaal(standaard));
    const terug = await tellers(page);
    expect(terug.sent, JSON.stringify({ naWsw, terug })).toBe(naWsw.sent);
    expect(terug.cacheHits).toBeGreaterThan(naWsw.cacheHits);
    console.log(`[duurzaamheid] tellers na de wissels: ${JSON.stringify(terug)}`);
  });

  test('wisselt het basiskwartaal via de keuzelijst: link en cijfers volgen', async () => {
    const basis = indexToKwartaal(kwartaalToIndex(standaard) - 8);
    const voor = await kernzinnen(page);
    await page.locator('#dz-basis').selectOption(basis);
    await page.waitForURL((u) => u.hash.includes(`basis=${basis}`));
    await settle(page);
    const na = await kernzinnen(page);
    expect(na).not.toEqual(voor);
    const m = HEADLINE.exec(na[0]);
    expect(`${m![2]} kwartaal van ${m![3]}`).toBe(formatKwartaalVoluit(basis));
    const [t] = await runMetric(native, cohortUitkomstQuery({ basis, horizon: 4 }, bereik));
    expect(Number(m![5])).toBe(Math.round((t.werkzaam / t.cohort) * 100));
    await expect(page.locator('#dz-kern-kop').innerText()).resolves.toContain(formatKwartaal(basis));
  });

  test('"2 jaar" op het laatste cohort: de pagina zegt waarom het basiskwartaal verschuift en de link volgt', async () => {
    // The latest base quarter with a year after it, and the latest with two years after it.
    const laatste1 = indexToKwartaal(kwartaalToIndex(bereik.laatste) - 4);
    const laatste2 = indexToKwartaal(kwartaalToIndex(bereik.laatste) - 8);
    await page.goto(`${baseUrl}#/duurzaamheid?basis=${laatste1}&horizon=4`);
    await settle(page, 120_000);
    await expect(page.getByTestId('basis-melding').count()).resolves.toBe(0);
    await page.getByRole('radio', { name: /2 jaar/ }).check();
    await page.waitForURL((u) => u.hash.includes('horizon=8'));
    await settle(page);
    // Same quarter of the year, two years before the end of the data; the link says so too.
    expect(new URL(page.url()).hash).toBe(`#/duurzaamheid?basis=${laatste2}&horizon=8&sector=alle`);
    await expect(page.locator('#dz-basis').inputValue()).resolves.toBe(laatste2);
    await expect(page.getByTestId('basis-melding').innerText()).resolves.toBe(
      `${formatKwartaal(laatste1)} kan niet met een horizon van 2 jaar: voor 2 jaar is ${formatKwartaal(laatste2)} het laatste basiskwartaal (de gegevens lopen tot en met ${formatKwartaal(bereik.laatste)}). Getoond wordt ${formatKwartaal(laatste2)}.`,
    );
    const m = HEADLINE.exec((await kernzinnen(page))[0]);
    expect(`${m![2]} kwartaal van ${m![3]}`).toBe(formatKwartaalVoluit(laatste2));
    expect(m![4]).toBe('twee');
    // The trend follows the chosen quarter of the year and says which.
    const q = Number(laatste2.slice(-1));
    const naam = ['eerste', 'tweede', 'derde', 'vierde'][q - 1];
    await expect(page.locator('#dz-trend-kop').innerText()).resolves.toBe(`Door de jaren heen: steeds het ${naam} kwartaal`);
    const trend = await tabelRijen(frame(page, /^Nog aan het werk na 2 jaar, per basiskwartaal/));
    expect(trend.length).toBeGreaterThan(3);
    expect(trend.every((r) => r[0].startsWith(`${q}e kwartaal`)), trend.map((r) => r[0]).join(', ')).toBe(true);
    const nt = await runMetric(native, cohortTrendQuery({ horizon: 8, kwartaalVanJaar: q as 1 | 2 | 3 | 4 }, bereik));
    const r = nt.find((x) => x.basis === laatste2)!;
    const rij = trend.find((x) => x[0] === formatKwartaal(laatste2))!;
    expect([aantal(rij[1]), aantal(rij.at(-3)!)]).toEqual([r.cohort, r.werkzaam]);
    // Choosing another quarter afterwards: the message goes.
    await page.locator('#dz-basis').selectOption(indexToKwartaal(kwartaalToIndex(laatste2) - 1));
    await settle(page);
    await expect(page.getByTestId('basis-melding').count()).resolves.toBe(0);
  });

  test('zet het gepubliceerde UWV-cijfer met bron naast de berekende kernzin', async () => {
    await page.goto(`${baseUrl}#/duurzaamheid?basis=2021Q3&horizon=4`);
    await settle(page, 120_000);
    const zinnen = await kernzinnen(page);
    expect(zinnen[0]).toMatch(/^Van de mensen die in het derde kwartaal van 2021 werkten, werkte een jaar later \d+ procent nog steeds\.$/);
    expect(zinnen[1]).toMatch(/^Gepubliceerd voor hetzelfde cohort: 88 procent werkte een jaar later \(nog of weer\), .* \(bron: Brief van .+\)\.$/);
  });

  test('een link met filters opent dezelfde weergave', async () => {
    // Build a view with the controls …
    await page.locator('#dz-basis').selectOption('2021Q4');
    await page.getByRole('checkbox', { name: 'Wsw', exact: true }).check();
    await page.getByRole('radio', { name: /2 jaar/ }).check();
    await page.locator('#dz-sector').selectOption('markt');
    await page.getByText('Arbeidsmarktregio:').click();
    await page.getByRole('checkbox', { name: 'FoodValley' }).check();
    await settle(page);
    const hash = new URL(page.url()).hash;
    expect(hash).toBe('#/duurzaamheid?basis=2021Q4&horizon=8&achtergrond=Wsw&regio=AM38&sector=markt');
    const zinnen = await kernzinnen(page);
    expect(zinnen[0]).toMatch(/^Van de mensen met achtergrond Wsw die in het vierde kwartaal van 2021 werkten, werkte twee jaar later/);
    const uitkomst = await tabelRijen(frame(page, /^Uitkomst na 2 jaar per achtergrond/));

    // … and open its link in a fresh tab.
    resetReport();
    const tweede = await context.newPage();
    await tweede.goto(`${baseUrl}${hash}`);
    await settle(tweede, 120_000);
    expect(new URL(tweede.url()).hash).toBe(hash);
    await expect(tweede.locator('#dz-basis').inputValue()).resolves.toBe('2021Q4');
    await expect(tweede.getByRole('checkbox', { name: 'Wsw', exact: true }).isChecked()).resolves.toBe(true);
    await expect(tweede.getByRole('radio', { name: /2 jaar/ }).isChecked()).resolves.toBe(true);
    await expect(tweede.locator('#dz-sector').inputValue()).resolves.toBe('markt');
    await expect(tweede.getByText('Arbeidsmarktregio:').innerText()).resolves.toContain('FoodValley');
    expect(await kernzinnen(tweede)).toEqual(zinnen);
    expect(await tabelRijen(frame(tweede, /^Uitkomst na 2 jaar per achtergrond/))).toEqual(uitkomst);
    // Published figures are national: this view says so instead of comparing.
    await expect(tweede.getByText('Voor deze selectie is er daarom geen vergelijking').count()).resolves.toBe(1);
    expect([...report.consoleErrors, ...report.pageErrors], describeReport(report)).toEqual([]);
    await tweede.close();
  });

  test('heeft geen WCAG 2.1 AA-overtredingen, ook niet in de tabelweergave', async () => {
    await page.goto(`${baseUrl}#/duurzaamheid`);
    await settle(page, 120_000);
    const grafiek = await runAxe(page);
    expect(grafiek.violations.map((v) => v.id), grafiek.summary).toEqual([]);
    for (const knop of await page.getByRole('button', { name: 'Tabel', exact: true }).all()) await knop.click();
    const tabellen = await runAxe(page);
    expect(tabellen.violations.map((v) => v.id), tabellen.summary).toEqual([]);
  });

  test('past op een smal scherm (390 px) zonder dat de pagina zijwaarts schuift', async () => {
    const smal = await context.newPage();
    await smal.setViewportSize({ width: 390, height: 844 });
    await smal.goto(`${baseUrl}#/duurzaamheid`);
    await settle(smal, 120_000);
    const [breed, zichtbaar] = await smal.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(breed).toBeLessThanOrEqual(zichtbaar);
    expect(HEADLINE.test((await kernzinnen(smal))[0])).toBe(true);
    await smal.close();
  });
});

describe('een eigen paneel', () => {
  /**
   * Five quarters, 2022Q3 … 2023Q3 (one character each), all in Groningen (AM01); every job on a
   * permanent contract, 100 uren, started 2015-01-01. Base 2022Q3 (the only third quarter with a
   * year after it), outcome 2023Q3:
   *   p1–p14   AAAAA  werkzaam throughout, same job           → werkzaam, steeds, zelfde baan
   *   p15–p18  AA-BB  a gap, then job B                      → werkzaam
   *   p19–p28  AAA--  stays in the register without work     → werk verloren
   *   p29–p40  AA...  leaves the register after 2022Q4       → uit het register (8× AOW, 4× overleden)
   *   p41–p45  --AAA  not working at the base quarter        → not in the cohort
   * Cohort 40: werkzaam 18 (45%), werk verloren 10 (25%), uit 12 (30%), steeds 14 (35%), zelfde baan 14 (35%).
   * In 2023Q3 23 people work, all hours on a permanent contract (100%).
   */
  const PANEEL = 'dz_eigen_paneel.parquet';
  const UITSTROOM = 'dz_eigen_uitstroom.parquet';
  let dir: string;
  let eigen: NodeEngine;
  const tijdlijnen: [number, number, string][] = [[1, 14, 'AAAAA'], [15, 18, 'AA-BB'], [19, 28, 'AAA--'], [29, 40, 'AA...'], [41, 45, '--AAA']];
  const personen: Persoon[] = tijdlijnen.flatMap(([van, tot, tijdlijn]) =>
    Array.from({ length: tot - van + 1 }, (_, i) => ({ id: van + i, tijdlijn, achtergrond: (van + i) % 2 ? 'Wajong' : 'Wsw', regio: 'AM01' })));
  const vertrek: Vertrek[] = Array.from({ length: 12 }, (_, i) => ({ id: 29 + i, kwartaal: '2022Q4', reden: i < 8 ? 'AOW' : 'overleden' }));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-dz-'));
    const schrijf = await NodeEngine.create();
    await maakPanel(schrijf, personen, vertrek, '2022Q3');
    await schrijf.exec(`COPY doelgroep_kwartaal TO '${join(dir, PANEEL)}' (FORMAT parquet)`);
    await schrijf.exec(`COPY doelgroep_uitstroom TO '${join(dir, UITSTROOM)}' (FORMAT parquet)`);
    await schrijf.close();
    eigen = await NodeEngine.create();
    await eigen.attachParquet({ doelgroep_kwartaal: join(dir, PANEEL), doelgroep_uitstroom: join(dir, UITSTROOM) });
  });

  afterAll(async () => {
    await eigen?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('wordt berekend, als bron genoemd en nergens demodata genoemd', async () => {
    const p = await context.newPage();
    await p.goto(`${baseUrl}#/data`);
    await settle(p, 300_000);
    await p.locator('input[type="file"]').first().setInputFiles([join(dir, PANEEL), join(dir, UITSTROOM)]);
    for (const naam of [PANEEL, UITSTROOM]) {
      await expect.poll(() => p.getByRole('status').filter({ hasText: naam }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    }
    await settle(p, 120_000);
    await p.evaluate(() => {
      window.location.hash = '#/duurzaamheid';
    });
    await expect.poll(() => p.locator('#dz-kern-kop').innerText(), { timeout: 60_000 }).toContain(formatKwartaal('2022Q3'));
    await settle(p, 120_000);

    // The headline: Wajong (odd ids) and Wsw (even) hold 20 each, every part under 10 (werkzaam
    // 9 + 9, verloren 5 + 5, uit 6 + 6, steeds 7 + 7). Printing the total's 18 werkzaam would pin
    // both groups' "<10" at 9 (18 = a + b with a, b ≤ 9), so the total's parts and shares are
    // hidden, and the sentences say why. UWV's figure for the same cohort (published for 2022 →
    // 2023, read as the third quarter) follows the first sentence.
    const zinnen = await kernzinnen(p);
    const bescherm = 'wordt niet getoond, om een kleine groep elders in de tabel te beschermen.';
    expect(zinnen.slice(0, 5)).toEqual([
      `Van de mensen die in het derde kwartaal van 2022 werkten: het aandeel dat een jaar later nog werkte, ${bescherm}`,
      'Gepubliceerd voor hetzelfde cohort: 87 procent werkte een jaar later (nog of weer) (bron: UWV, via opnaarde125000.nl, https://www.opnaarde125000.nl/duurzaamheid-banenafspraak-banen/).',
      `Van de mensen die in het derde kwartaal van 2022 werkten: het aandeel dat een jaar later het werk had verloren of uit het doelgroepregister was gestroomd, ${bescherm}`,
      `Van de mensen die in het derde kwartaal van 2022 werkten: het aandeel dat op alle tussenliggende peilmomenten werk had, ${bescherm}`,
      `Van de mensen die in het derde kwartaal van 2022 werkten: het aandeel dat een jaar later nog in dezelfde baan werkte, ${bescherm}`,
    ]);
    expect(zinnen).toContain('In het derde kwartaal van 2023 werd 100 procent van de verloonde uren gewerkt op basis van een contract voor onbepaalde tijd.');
    const eigenBereik = (await runMetric(eigen, panelBereikQuery()))!;
    expect(eigenBereik).toEqual({ eerste: '2022Q3', laatste: '2023Q3' });
    const [t] = await runMetric(eigen, cohortUitkomstQuery({ basis: '2022Q3', horizon: 4 }, eigenBereik));
    expect([t.cohort, t.werkzaam, t.werkVerloren, t.uitRegister, t.steedsWerkzaam, t.zelfdeBaan]).toEqual([40, 18, 10, 12, 14, 14]);

    // Provenance: the user's file is the source; nothing on this page says demo data.
    const kern = await p.getByTestId('kernzinnen').locator('..').innerText();
    expect(kern).toContain(`Eigen bestand ${PANEEL}`);
    expect(kern).not.toMatch(/demodata|synthetisch/i);
    const figuren = await p.locator('main').getByRole('figure').all();
    expect(figuren.length).toBeGreaterThanOrEqual(5);
    for (const f of figuren) {
      const tekst = await f.innerText();
      expect(tekst, tekst.slice(0, 200)).not.toMatch(/demodata|synthetisch/i);
      expect(tekst, tekst.slice(0, 200)).toContain(`Eigen bestand ${PANEEL}`);
    }
    const uitkomst = await tabelRijen(frame(p, /^Uitkomst na 1 jaar per achtergrond/));
    // Wajong: odd ids; Wsw: even. Totaal 40 = 18 werkzaam + 10 verloren + 12 uit, its parts hidden
    // (see above). Every group part is under 10; the groups' 20s go too (40 − 20 and three parts
    // under 10 would narrow them), so only the total cohort of 40 is printed.
    expect(uitkomst).toEqual([
      ['Wajong', 'x', 'x', 'x', 'x', '<10', '<10', '<10'],
      ['Wsw', 'x', 'x', 'x', 'x', '<10', '<10', '<10'],
      ['Totaal', '40', 'x', 'x', 'x', 'x', 'x', 'x'],
    ]);
    expect(await p.locator('main').innerText()).not.toMatch(/synthetische demodata/i);
    await p.close();
  });
});

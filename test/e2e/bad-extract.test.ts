/**
 * A user drops a bad extract on the Data page: the file is refused with a Dutch message that
 * names the file, the column and an offending row, and the data already loaded stays as it was.
 * Fixtures are written with native DuckDB into a temporary directory.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { describeReport, launchBrowser, newMonitoredContext, settle, type PageReport } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');

let dir: string;
let browser: Browser;
let context: BrowserContext;
let report: PageReport;

/** Five register rows in Achterhoek (AM09, Aalten GM0197); persoon 1004 gets `regio` instead. */
function kwartaalRows(regioVoor1004: string, withUren = true): string {
  const rows = [1001, 1002, 1003, 1004, 1005].map((id) => {
    const regio = id === 1004 ? regioVoor1004 : 'AM09';
    const werkzaam = id % 2 === 1;
    return `(${id}::BIGINT, DATE '2021-09-30', 'Wajong', '${regio}', 'GM0197', ${werkzaam},
      ${werkzaam ? `${id + 50000}::BIGINT` : 'NULL::BIGINT'}, ${werkzaam ? "'markt'" : 'NULL'},
      ${werkzaam ? "'regulier'" : 'NULL'}, ${werkzaam ? "'onbepaald'" : 'NULL'}, ${werkzaam ? 300.0 : 0.0}::DOUBLE,
      ${werkzaam ? "DATE '2019-01-01'" : 'NULL::DATE'})`;
  });
  const cols = ['persoon_id', 'peildatum', 'achtergrond', 'regio_code', 'gemeente_code', 'werkzaam', 'baan_id', 'sector', 'dienstverband', 'contract', 'uren', 'baan_startdatum'];
  const select = withUren ? cols.join(', ') : cols.filter((c) => c !== 'uren').join(', ');
  return `SELECT ${select} FROM (VALUES ${rows.join(',\n')}) AS t(${cols.join(', ')})`;
}

const files = {
  onbekendeRegio: 'doelgroep_kwartaal_onbekende_regio.parquet',
  geenParquet: 'doelgroep_kwartaal_export.parquet',
  kolomOntbreekt: 'doelgroep_kwartaal_zonder_uren.parquet',
  /** The unknown-region file under another name, for a second try later in the session. */
  nogmaals: 'doelgroep_kwartaal_nogmaals.parquet',
  geldig: 'beschut_plekken_eigen.parquet',
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (${kwartaalRows('AM99')}) TO '${join(dir, files.onbekendeRegio)}' (FORMAT parquet)`);
  await conn.run(`COPY (${kwartaalRows('AM99')}) TO '${join(dir, files.nogmaals)}' (FORMAT parquet)`);
  await conn.run(`COPY (${kwartaalRows('AM09', false)}) TO '${join(dir, files.kolomOntbreekt)}' (FORMAT parquet)`);
  // A valid beschut_plekken extract: three gemeenten in Achterhoek, one peildatum.
  await conn.run(
    `COPY (SELECT * FROM (VALUES ('GM0197', DATE '2023-12-31', 12, 15), ('GM1859', DATE '2023-12-31', 7, 9),
       ('GM0222', DATE '2023-12-31', 20, 18)) AS t(gemeente_code, peildatum, plekken, taakstelling))
     TO '${join(dir, files.geldig)}' (FORMAT parquet)`,
  );
  conn.closeSync();
  db.closeSync();
  // A CSV export renamed to .parquet: the classic mistake.
  writeFileSync(join(dir, files.geenParquet), 'persoon_id;peildatum;regio_code\n1001;30-09-2021;AM09\n');

  browser = await launchBrowser();
  ({ context, report } = await newMonitoredContext(browser, origin));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the Data page says about the loaded data: every table on it, as text. */
async function loadedState(page: Page): Promise<string[]> {
  return page.locator('main table').allInnerTexts();
}

/** Upload through the file picker and return the Dutch refusal that names this file. */
async function uploadAndGetRefusal(page: Page, file: string): Promise<string> {
  await page.locator('input[type="file"]').first().setInputFiles(join(dir, file));
  const melding = page.getByRole('alert').filter({ hasText: file });
  await expect.poll(() => melding.count(), { timeout: 30_000, message: `geen melding (role=alert) die ${file} noemt` }).toBeGreaterThan(0);
  await settle(page);
  return (await melding.allInnerTexts()).join('\n');
}

// One tab for the refusals, as a user would try one file after another in the same session;
// each must leave what is loaded exactly as it was.
describe('een fout extract op de Data-pagina', () => {
  let page: Page;

  beforeAll(async () => {
    page = await context.newPage();
    await page.goto(`${baseUrl}#/data`);
    await settle(page, 120_000);
  });

  test('een onbekende regio_code wordt geweigerd met bestand, kolom en de foute rij', async () => {
    const before = await loadedState(page);
    expect(before.length, 'de Data-pagina toont het manifest als tabel').toBeGreaterThan(0);

    const text = await uploadAndGetRefusal(page, files.onbekendeRegio);
    expect(text).toContain('regio_code');
    expect(text).toContain('AM99');
    expect(text, 'de melding wijst de rij aan (persoon_id of rijnummer)').toMatch(/1004|rij\s*\d+/i);
    expect(text).toMatch(/geweigerd|onbekend|ongeldig|niet geladen|komt niet voor/i);

    expect(await loadedState(page), 'geladen gegevens onveranderd').toEqual(before);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
  });

  test('een bestand dat geen Parquet is wordt geweigerd met een Nederlandse melding', async () => {
    const before = await loadedState(page);

    const text = await uploadAndGetRefusal(page, files.geenParquet);
    expect(text).toMatch(/geen (geldig )?parquet|niet gelezen|kan niet/i);

    expect(await loadedState(page), 'geladen gegevens onveranderd').toEqual(before);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
  });

  test('een Parquet zonder verplichte kolom wordt geweigerd en noemt die kolom', async () => {
    const before = await loadedState(page);

    const text = await uploadAndGetRefusal(page, files.kolomOntbreekt);
    expect(text).toContain('uren');
    expect(text).toMatch(/ontbreekt|mist|ontbrekende/i);

    expect(await loadedState(page), 'geladen gegevens onveranderd').toEqual(before);
  });

  test('na een geweigerd bestand geeft het Overzicht nog dezelfde cijfers', async () => {
    await page.goto(`${baseUrl}#/`);
    await settle(page);
    const before = await page.locator('main').innerText();

    await page.goto(`${baseUrl}#/data`);
    await settle(page);
    await uploadAndGetRefusal(page, files.nogmaals);

    await page.goto(`${baseUrl}#/`);
    await settle(page);
    expect(await page.locator('main').innerText()).toEqual(before);
    expect(report.pageErrors, describeReport(report)).toEqual([]);
  });

  test('een geldig extract wordt wel geladen en vervangt de demodata van hetzelfde contract', async () => {
    // A context of its own: the replaced extract must not leak into the other tests.
    const own = await newMonitoredContext(browser, origin);
    const page = await own.context.newPage();
    await page.goto(`${baseUrl}#/data`);
    await settle(page, 120_000);
    await page.locator('input[type="file"]').first().setInputFiles(join(dir, files.geldig));
    const ok = page.getByRole('status').filter({ hasText: files.geldig });
    await expect.poll(() => ok.count(), { timeout: 30_000, message: `geen bevestiging die ${files.geldig} noemt` }).toBeGreaterThan(0);
    await settle(page);
    const rij = page.getByRole('row').filter({ hasText: 'beschut_plekken' });
    await expect.poll(() => rij.innerText(), { timeout: 10_000 }).toMatch(/eigen bestand/);
    expect(await rij.innerText()).toContain(files.geldig.replace('.parquet', ''));
    expect(await rij.innerText()).toMatch(/3 rijen/);
    expect([...own.report.pageErrors, ...own.report.consoleErrors], describeReport(own.report)).toEqual([]);
    await own.context.close();
  });
});

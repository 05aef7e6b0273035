/**
 * The plausibility rules (src/lib/extracts/plausibiliteit.ts) on hand-made rows in native DuckDB:
 * each rule refuses what cannot be true with a message naming file, column and row, lets the
 * boundary values through, and the warning rules say what is short or missing without refusing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { CONTRACTS } from '../src/lib/extracts/contracts.ts';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import { PLAUSIBILITEIT, ernst, plausibiliteitWaarschuwingen } from '../src/lib/extracts/plausibiliteit.ts';
import { beschrijfControles, runContentChecks } from '../src/lib/extracts/validate.ts';

/** "Today" in these tests: the rules reach up to the end of next year, 2027-12-31. */
const NU = new Date('2026-06-15T12:00:00Z');

let engine: NodeEngine;

beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

/** One worker in Amsterdam per row: (persoon_id, peildatum, uren, baan_startdatum). */
async function panel(rows: [number, string, number, string | null][]): Promise<void> {
  const values = rows
    .map(([id, p, u, s]) => `(${id}, DATE '${p}', ${u}, ${s === null ? 'NULL' : `DATE '${s}'`})`)
    .join(', ');
  await engine.exec(`CREATE OR REPLACE TABLE dk AS
    SELECT persoon_id::BIGINT AS persoon_id, peildatum, 'Wajong' AS achtergrond, 'AM18' AS regio_code, 'GM0363' AS gemeente_code,
           true AS werkzaam, (persoon_id + 100)::BIGINT AS baan_id, 'markt' AS sector, 'regulier' AS dienstverband,
           'onbepaald' AS contract, uren::DOUBLE AS uren, baan_startdatum
    FROM (VALUES ${values}) AS v(persoon_id, peildatum, uren, baan_startdatum)`);
}

async function berichten(contract: keyof typeof CONTRACTS, table: string): Promise<string[]> {
  return (await runContentChecks(engine, CONTRACTS[contract], table, 'x.parquet', GEMEENTEN, NU)).map((i) => i.bericht);
}

describe('doelgroep_kwartaal', () => {
  it('passes the boundaries: the nulmeting 2012-12-31, the end of next year, 2.208 hours, a job from 1950', async () => {
    await panel([
      [1, '2012-12-31', 2208, '1950-01-01'],
      [2, '2027-12-31', 0.5, '2027-12-31'],
    ]);
    expect(await berichten('doelgroep_kwartaal', 'dk')).toEqual([]);
  });

  it('refuses a peildatum before the nulmeting, with file, column and row', async () => {
    await panel([[1, '1900-03-31', 10, '1899-01-01']]);
    expect(await berichten('doelgroep_kwartaal', 'dk')).toEqual([
      'x.parquet, kolom peildatum: 1900-03-31 ligt buiten 31-12-2012 tot en met 31-12-2027, in de rij persoon_id=1, peildatum=1900-03-31; ' +
        'het doelgroepregister begint bij de nulmeting van eind 2012.',
      'x.parquet, kolom baan_startdatum: 1899-01-01 ligt buiten 01-01-1950 tot en met 31-12-2027, in de rij persoon_id=1, peildatum=1900-03-31; ' +
        'een baan die nu nog loopt, begon niet vóór 1950.',
    ]);
  });

  it('refuses a peildatum after the end of next year (2999 and 2028)', async () => {
    await panel([
      [1, '2999-12-31', 10, '2020-01-01'],
      [2, '2028-03-31', 10, '2020-01-01'],
    ]);
    const [bericht, ...rest] = await berichten('doelgroep_kwartaal', 'dk');
    expect(rest).toEqual([]);
    expect(bericht).toMatch(/^x\.parquet, kolom peildatum: (2999-12-31|2028-03-31) ligt buiten 31-12-2012 tot en met 31-12-2027, in de rij persoon_id=[12], /);
    expect(bericht).toMatch(/ Dit geldt voor 2 rijen\.$/);
  });

  it("refuses 'infinity' as a peildatum with one message (not also 'no quarter end')", async () => {
    await panel([[1, '2021-09-30', 10, '2020-01-01']]);
    await engine.exec(`INSERT INTO dk SELECT * REPLACE (2 AS persoon_id, DATE 'infinity' AS peildatum) FROM dk`);
    expect(await berichten('doelgroep_kwartaal', 'dk')).toEqual([
      "x.parquet, kolom peildatum: 'infinity' is geen echte datum, in de rij persoon_id=2, peildatum=infinity.",
    ]);
  });

  it('refuses a job that starts after its peildatum, also far in the future', async () => {
    await panel([
      [1, '2021-09-30', 10, '2021-10-01'],
      [2, '2021-09-30', 10, '2021-09-30'],
    ]);
    expect(await berichten('doelgroep_kwartaal', 'dk')).toEqual([
      'x.parquet, kolom baan_startdatum: 2021-10-01 ligt na de peildatum, in de rij persoon_id=1, peildatum=2021-09-30; ' +
        'een baan begint niet na de peildatum van de rij.',
    ]);
    await panel([[1, '2021-09-30', 10, '2999-01-01']]);
    const msgs = await berichten('doelgroep_kwartaal', 'dk');
    expect(msgs.map((m) => m.slice(0, 40))).toEqual(['x.parquet, kolom baan_startdatum: 2999-0', 'x.parquet, kolom baan_startdatum: 2999-0']);
    expect(msgs[1]).toContain('ligt na de peildatum');
  });

  it('refuses more hours than a quarter has', async () => {
    await panel([[7, '2021-09-30', 2208.5, '2020-01-01']]);
    expect(await berichten('doelgroep_kwartaal', 'dk')).toEqual([
      'x.parquet, kolom uren: de waarde 2208.5 is groter dan 2.208, in de rij persoon_id=7, peildatum=2021-09-30; ' +
        'uren zijn nooit negatief en een kwartaal heeft hoogstens 92 × 24 uur.',
    ]);
  });

  it('refuses an extract without rows, once', async () => {
    await panel([[1, '2021-09-30', 10, '2020-01-01']]);
    await engine.exec('DELETE FROM dk');
    expect(await berichten('doelgroep_kwartaal', 'dk')).toEqual(['x.parquet bevat geen rijen. Een extract heeft minstens één rij; exporteer het opnieuw.']);
  });

  it('warns (without refusing) about a short series and a gap in the quarters', async () => {
    // 2021Q3, 2022Q1, 2022Q2: three quarters, 2021Q4 missing.
    await panel([
      [1, '2021-09-30', 10, '2020-01-01'],
      [1, '2022-03-31', 10, '2020-01-01'],
      [1, '2022-06-30', 10, '2020-01-01'],
    ]);
    expect(await berichten('doelgroep_kwartaal', 'dk')).toEqual([]);
    expect(await plausibiliteitWaarschuwingen(engine, CONTRACTS.doelgroep_kwartaal, 'dk', 'x.parquet')).toEqual([
      'x.parquet: de reeks telt 3 kwartalen (2021Q3 tot en met 2022Q2); de uitkomsten na een jaar (Duurzaamheid) hebben een basiskwartaal ' +
        'en vier kwartalen erna nodig. Die onderdelen blijven leeg.',
      'x.parquet, kolom peildatum: tussen 2021Q3 en 2022Q2 ontbreekt 1 kwartaal, te beginnen bij 2021Q4. Cijfers over die periode ontbreken.',
    ]);
  });

  it('gives no warning for five quarters in a row', async () => {
    await panel(['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31', '2022-03-31'].map((p) => [1, p, 10, '2020-01-01']));
    expect(await plausibiliteitWaarschuwingen(engine, CONTRACTS.doelgroep_kwartaal, 'dk', 'x.parquet')).toEqual([]);
  });
});

describe('the other contracts', () => {
  it('beschut_adviezen: besluitdatum before 2015 is refused, 1 January 2015 passes', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE ba AS SELECT * FROM (VALUES
      (1, DATE '1900-01-01', 'GM0363', 'gemeente', 'positief'), (2, DATE '2015-01-01', 'GM0363', 'burger', 'negatief'))
      AS v(advies_id, besluitdatum, gemeente_code, aanvrager, uitkomst)`);
    expect(await berichten('beschut_adviezen', 'ba')).toEqual([
      'x.parquet, kolom besluitdatum: 1900-01-01 ligt buiten 01-01-2015 tot en met 31-12-2027, in de rij advies_id=1; beschut werk bestaat sinds 1 januari 2015.',
    ]);
  });

  it('beschut_plekken: a negative number of places is refused', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE bp AS SELECT * FROM (VALUES
      ('GM0363', DATE '2018-03-31', -1, 10), ('GM0518', DATE '2018-03-31', 0, 0)) AS v(gemeente_code, peildatum, plekken, taakstelling)`);
    expect(await berichten('beschut_plekken', 'bp')).toEqual([
      'x.parquet, kolom plekken: de waarde -1 is kleiner dan 0, in de rij gemeente_code=GM0363, peildatum=2018-03-31; een aantal plekken is nooit negatief.',
    ]);
  });

  it('buig_gemeente: jaar 20250 and a budget of −1.000.000 are refused; a gap in the years only warns', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE bg AS SELECT gemeente_code, jaar, v::DOUBLE AS budget_voorlopig, d::DOUBLE AS budget_definitief, v::DOUBLE AS uitgaven
      FROM (VALUES ('GM0363', 20250, 1e6, 1e6), ('GM0363', 2016, 2e6, -1e6)) AS t(gemeente_code, jaar, v, d)`);
    expect(await berichten('buig_gemeente', 'bg')).toEqual([
      'x.parquet, kolom jaar: het jaar 20250 ligt buiten 2011 tot en met 2027, in de rij gemeente_code=GM0363, jaar=20250.',
      'x.parquet, kolom budget_definitief: de waarde -1000000.0 is kleiner dan 0, in de rij gemeente_code=GM0363, jaar=2016; een budget is nooit negatief.',
    ]);
    await engine.exec(`CREATE OR REPLACE TABLE bg AS SELECT gemeente_code, jaar, 1e6::DOUBLE AS budget_voorlopig, 1e6::DOUBLE AS budget_definitief, 0::DOUBLE AS uitgaven
      FROM (VALUES ('GM0363', 2015), ('GM0363', 2018)) AS t(gemeente_code, jaar)`);
    expect(await berichten('buig_gemeente', 'bg')).toEqual([]);
    expect(await plausibiliteitWaarschuwingen(engine, CONTRACTS.buig_gemeente, 'bg', 'x.parquet')).toEqual([
      'x.parquet, kolom jaar: tussen 2015 en 2018 ontbreken 2 jaren, te beginnen bij 2016. Cijfers over die periode ontbreken.',
    ]);
  });
});

describe('the rules as a list', () => {
  it('every contract refuses an empty file; only series and gaps merely warn', () => {
    for (const [naam, regels] of Object.entries(PLAUSIBILITEIT)) {
      expect(regels.some((r) => r.soort === 'rijen'), naam).toBe(true);
      for (const r of regels) expect(ernst(r), `${naam} ${r.soort}`).toBe(r.soort === 'reeks' || r.soort === 'gat' ? 'waarschuwen' : 'weigeren');
    }
  });

  it('the Data page describes them per column, with the dates of today', () => {
    const d = beschrijfControles(CONTRACTS.doelgroep_kwartaal, NU);
    expect(d.peildatum).toContain('van 31-12-2012 tot en met 31-12-2027');
    expect(d.baan_startdatum).toEqual(['van 01-01-1950 tot en met 31-12-2027', 'niet na de peildatum']);
    expect(d.uren).toContain('van 0 tot en met 2.208');
    expect(d['']).toEqual(['minstens één rij']);
    expect(beschrijfControles(CONTRACTS.buig_gemeente, NU).jaar).toEqual(['verplicht (nooit leeg)', 'deel van de sleutel (gemeente_code, jaar), samen uniek', 'van 2011 tot en met 2027', 'waarschuwing bij ontbrekende jaren']);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { toRows } from '../src/lib/engine/rows.ts';
import { CONTRACTS } from '../src/lib/extracts/contracts.ts';
import { GEMEENTEN, REGIO_NAAM_ALIASSEN } from '../src/lib/extracts/gemeenten.ts';
import { REGIO_NAMEN } from '../src/lib/extracts/regions.ts';
import { checkParquetMagic, checkSchema, guessContract, matchContract, recogniseContract, typeFamilie } from '../src/lib/extracts/schema-check.ts';
import { beschrijfControles, describeColumns, runContentChecks, validateTable } from '../src/lib/extracts/validate.ts';
import { maakSlechteParquet } from './fixtures/make-bad-parquet.ts';

const DK = CONTRACTS.doelgroep_kwartaal;
/** A fixed "today" for the rules that reach up to the end of next year. */
const NU = new Date('2026-06-15T12:00:00Z');
const BESTAND = 'doelgroep.parquet';

/** Four valid person-quarters: two quarters of one worker, a non-worker, a detached government worker. */
const VALID_DK = `
  CREATE OR REPLACE TABLE dk AS
  SELECT persoon_id::BIGINT AS persoon_id, peildatum::DATE AS peildatum, achtergrond, regio_code, gemeente_code,
         werkzaam, baan_id::BIGINT AS baan_id, sector, dienstverband, contract, uren::DOUBLE AS uren,
         baan_startdatum::DATE AS baan_startdatum
  FROM (VALUES
    (1, '2021-09-30', 'Wajong',          'AM18', 'GM0363', true,  10,   'markt',    'regulier',    'onbepaald', 200.0, '2020-01-01'),
    (1, '2021-12-31', 'Wajong',          'AM18', 'GM0363', true,  10,   'markt',    'regulier',    'onbepaald', 210.0, '2020-01-01'),
    (2, '2021-09-30', 'Wsw',             'AM38', 'GM0228', false, NULL, NULL,       NULL,          NULL,        0.0,   NULL),
    (3, '2021-09-30', 'Participatiewet', 'AM21', 'GM0518', true,  11,   'overheid', 'detachering', 'bepaald',   120.5, '2021-07-01')
  ) AS v(persoon_id, peildatum, achtergrond, regio_code, gemeente_code, werkzaam, baan_id, sector, dienstverband, contract, uren, baan_startdatum)`;

let engine: NodeEngine;
let dir: string;

beforeAll(async () => {
  engine = await NodeEngine.create();
  dir = mkdtempSync(join(tmpdir(), 'validate-'));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

async function berichten(table = 'dk'): Promise<string[]> {
  return (await runContentChecks(engine, DK, table, BESTAND)).map((i) => i.bericht);
}

describe('gemeente reference list', () => {
  it('equals data/published/gemeenten_arbeidsmarktregio.csv, with every region mapped to one of the 35 codes', async () => {
    const csv = toRows<{ code: string; naam: string; regio_naam: string }>(
      await engine.query(
        `SELECT gemeente_code AS code, gemeente_naam AS naam, arbeidsmarktregio_naam AS regio_naam
         FROM read_csv('data/published/gemeenten_arbeidsmarktregio.csv', header = true, all_varchar = true) ORDER BY code`,
      ),
    );
    const naamNaarCode = new Map(Object.entries(REGIO_NAMEN).map(([c, n]) => [n, c]));
    const verwacht = csv.map((r) => ({
      code: r.code,
      naam: r.naam,
      regio: naamNaarCode.get(r.regio_naam) ?? REGIO_NAAM_ALIASSEN[r.regio_naam],
    }));
    expect(GEMEENTEN).toEqual(verwacht);
    expect(GEMEENTEN).toHaveLength(342);
    expect(new Set(GEMEENTEN.map((g) => g.regio)).size).toBe(35);
  });
});

describe('type families', () => {
  it('accepts every integer width, VARCHAR and ENUM, and Arrow names', () => {
    for (const t of ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UBIGINT', 'HUGEINT', 'Int32', 'Int64', 'Uint16'])
      expect(typeFamilie(t), t).toBe('integer');
    for (const t of ['VARCHAR', "ENUM('Wajong', 'Wsw')", 'Utf8', 'Dictionary<Int32, Utf8>']) expect(typeFamilie(t), t).toBe('varchar');
    for (const t of ['DOUBLE', 'FLOAT', 'DECIMAL(18,3)', 'Float64']) expect(typeFamilie(t), t).toBe('double');
    expect(typeFamilie('DATE')).toBe('date');
    expect(typeFamilie('Date32<DAY>')).toBe('date');
    expect(typeFamilie('BOOLEAN')).toBe('boolean');
    expect(typeFamilie('TIMESTAMP')).toBe('anders');
    expect(typeFamilie('BLOB')).toBe('anders');
  });
});

describe('schema check', () => {
  const goed = DK.columns.map((c) => ({
    name: c.name,
    type: { integer: 'INTEGER', double: 'DOUBLE', varchar: "ENUM('a')", boolean: 'BOOLEAN', date: 'DATE' }[c.kind],
  }));

  it('passes a schema with other integer widths, ENUMs, whole-number doubles and an extra column', () => {
    const cols = [...goed.map((c) => (c.name === 'uren' ? { ...c, type: 'BIGINT' } : c)), { name: 'toelichting', type: 'VARCHAR' }];
    expect(checkSchema(DK, cols, BESTAND)).toEqual([]);
  });

  it('names a missing column and what the contract asks for', () => {
    const issues = checkSchema(DK, goed.filter((c) => c.name !== 'regio_code'), BESTAND);
    expect(issues).toHaveLength(1);
    expect(issues[0].kolom).toBe('regio_code');
    expect(issues[0].bericht).toBe(
      'doelgroep.parquet, kolom regio_code: de kolom ontbreekt; het contract doelgroep_kwartaal (schema v1) vraagt ' +
        'tekst (VARCHAR, ENUM of dictionary-gecodeerde tekst): arbeidsmarktregio (AMxx).',
    );
  });

  it('points at a column whose name differs only in capitals', () => {
    const cols = goed.map((c) => (c.name === 'persoon_id' ? { ...c, name: 'Persoon_ID' } : c));
    const [issue] = checkSchema(DK, cols, BESTAND);
    expect(issue.bericht).toContain("Er is wel een kolom 'Persoon_ID': noem die precies 'persoon_id' (kleine letters).");
  });

  it('refuses a timestamp for a date column and text for a boolean, naming the type found', () => {
    const cols = goed.map((c) =>
      c.name === 'peildatum' ? { ...c, type: 'TIMESTAMP' } : c.name === 'werkzaam' ? { ...c, type: 'VARCHAR' } : c,
    );
    expect(checkSchema(DK, cols, BESTAND).map((i) => i.bericht)).toEqual([
      'doelgroep.parquet, kolom peildatum: het type TIMESTAMP past niet bij het contract doelgroep_kwartaal; ' +
        'verwacht een datum zonder tijd (DATE). Sla de kolom op als DATE, zonder tijd.',
      'doelgroep.parquet, kolom werkzaam: het type VARCHAR past niet bij het contract doelgroep_kwartaal; ' +
        'verwacht waar/onwaar (BOOLEAN).',
    ]);
  });

  it('refuses a decimal for an integer column', () => {
    const cols = goed.map((c) => (c.name === 'persoon_id' ? { ...c, type: 'DECIMAL(18,0)' } : c));
    expect(checkSchema(DK, cols, BESTAND)[0].kolom).toBe('persoon_id');
  });
});

describe('recognising the contract', () => {
  it('recognises each of the five contracts from its column names', () => {
    for (const c of Object.values(CONTRACTS)) expect(recogniseContract(c.columns.map((k) => k.name))?.name).toBe(c.name);
  });

  it('does not mistake the uitstroom extract (with reden) for the quarterly panel', () => {
    expect(recogniseContract(['persoon_id', 'peildatum', 'reden'])?.name).toBe('doelgroep_uitstroom');
  });

  it('guesses the intended contract when a column is missing, and gives up on unrelated columns', () => {
    expect(recogniseContract(['gemeente_code', 'peildatum', 'plekken'])).toBeNull();
    expect(guessContract(['gemeente_code', 'peildatum', 'plekken'])?.name).toBe('beschut_plekken');
    expect(guessContract(['naam', 'adres'])).toBeNull();
  });

  it('explains in Dutch which columns each contract expects when nothing fits', () => {
    const { contract, problemen } = matchContract([{ name: 'naam', type: 'VARCHAR' }], 'adressen.parquet');
    expect(contract).toBeNull();
    expect(problemen[0].kolom).toBeNull();
    expect(problemen[0].bericht).toBe(
      'adressen.parquet: de kolommen naam passen bij geen enkel extractcontract. Een extract heeft de kolommen van één contract, ' +
        'bijvoorbeeld doelgroep_kwartaal (persoon_id, peildatum, …); zie de contracten onderaan deze pagina.',
    );
  });

  it('reports missing columns against the guessed contract', () => {
    const cols = CONTRACTS.beschut_plekken.columns.filter((c) => c.name !== 'taakstelling').map((c) => ({ name: c.name, type: 'INTEGER' }));
    const { contract, problemen } = matchContract(
      cols.map((c) => (c.name === 'gemeente_code' ? { ...c, type: 'VARCHAR' } : c.name === 'peildatum' ? { ...c, type: 'DATE' } : c)),
      'plekken.parquet',
    );
    expect(contract?.name).toBe('beschut_plekken');
    expect(problemen.map((p) => p.kolom)).toEqual(['taakstelling']);
  });
});

describe('content checks on doelgroep_kwartaal', () => {
  beforeEach(async () => {
    await engine.exec(VALID_DK);
  });

  it('passes a valid table', async () => {
    expect(await berichten()).toEqual([]);
  });

  it('reports an unknown region code with file, column and row, and does not drop the row', async () => {
    await engine.exec(`UPDATE dk SET regio_code = 'AM99' WHERE persoon_id = 3`);
    const issues = await runContentChecks(engine, DK, 'dk', BESTAND);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ bestand: BESTAND, kolom: 'regio_code' });
    expect(issues[0].bericht).toBe(
      "doelgroep.parquet, kolom regio_code: onbekende regiocode 'AM99' in de rij persoon_id=3, peildatum=2021-09-30. " +
        "Verwacht één van de 35 arbeidsmarktregio's (AM01 tot en met AM38, zonder AM04, AM16 en AM31).",
    );
    expect(issues[0].voorbeeld).toEqual({ persoon_id: '3', peildatum: '2021-09-30', waarde: 'AM99' });
    const [{ n }] = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM dk`));
    expect(n).toBe(4);
  });

  it('reports a duplicate key with the number of copies', async () => {
    await engine.exec(`INSERT INTO dk SELECT * FROM dk WHERE persoon_id = 1 AND peildatum = DATE '2021-12-31'`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolommen persoon_id en peildatum: de sleutel is niet uniek; de rij persoon_id=1, peildatum=2021-12-31 komt 2 keer voor.',
    ]);
  });

  it('reports a NULL in a required column', async () => {
    await engine.exec(`UPDATE dk SET achtergrond = NULL WHERE persoon_id = 2`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom achtergrond: lege waarde (NULL) in de rij persoon_id=2, peildatum=2021-09-30. Deze kolom is verplicht.',
    ]);
  });

  it('reports a value outside the domain and lists the allowed values', async () => {
    await engine.exec(`UPDATE dk SET achtergrond = 'Wsw-oud' WHERE persoon_id = 2`);
    expect(await berichten()).toEqual([
      "doelgroep.parquet, kolom achtergrond: onbekende waarde 'Wsw-oud' in de rij persoon_id=2, peildatum=2021-09-30. " +
        "Toegestaan zijn 'Wajong', 'Wsw', 'Participatiewet' of 'WIW/ID'.",
    ]);
  });

  it('reports an unknown gemeente code', async () => {
    await engine.exec(`UPDATE dk SET gemeente_code = 'GM9999' WHERE persoon_id = 2`);
    expect(await berichten()).toEqual([
      "doelgroep.parquet, kolom gemeente_code: onbekende gemeentecode 'GM9999' in de rij persoon_id=2, peildatum=2021-09-30. " +
        'Verwacht een code als GM0363 uit de gemeentelijke indeling 2026 (342 gemeenten).',
    ]);
  });

  it('reports a gemeente that lies in another region than the row says', async () => {
    await engine.exec(`UPDATE dk SET gemeente_code = 'GM0363' WHERE persoon_id = 3`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom gemeente_code: gemeente GM0363 (Amsterdam) ligt niet in regio AM21 (Haaglanden) ' +
        'maar in AM18 (Groot Amsterdam), in de rij persoon_id=3, peildatum=2021-09-30.',
    ]);
  });

  it('reports a peildatum that is not the last day of a quarter', async () => {
    await engine.exec(`UPDATE dk SET peildatum = DATE '2021-09-15' WHERE persoon_id = 3`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom peildatum: 2021-09-15 is niet de laatste dag van een kwartaal, in de rij persoon_id=3, peildatum=2021-09-15. ' +
        'Verwacht 31 maart, 30 juni, 30 september of 31 december.',
    ]);
  });

  it('reports negative hours against the minimum', async () => {
    await engine.exec(`UPDATE dk SET uren = -1.5 WHERE persoon_id = 3`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom uren: de waarde -1.5 is kleiner dan 0, in de rij persoon_id=3, peildatum=2021-09-30; ' +
        'uren zijn nooit negatief en een kwartaal heeft hoogstens 92 × 24 uur.',
    ]);
  });

  it('reports hours that are not a finite number', async () => {
    await engine.exec(`UPDATE dk SET uren = 'NaN'::DOUBLE WHERE persoon_id = 3`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom uren: de waarde is NaN (geen getal), in de rij persoon_id=3, peildatum=2021-09-30. Verwacht een gewoon getal.',
    ]);
  });

  it('reports a worker without baan_id', async () => {
    await engine.exec(`UPDATE dk SET baan_id = NULL WHERE persoon_id = 3`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom baan_id: werkzaam is waar maar baan_id is leeg in de rij persoon_id=3, peildatum=2021-09-30. ' +
        'Een werkzame persoon heeft een baan_id.',
    ]);
  });

  it('reports a baan_id for someone not working', async () => {
    await engine.exec(`UPDATE dk SET baan_id = 55 WHERE persoon_id = 2`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom baan_id: werkzaam is onwaar maar baan_id is 55 in de rij persoon_id=2, peildatum=2021-09-30. ' +
        'baan_id moet leeg zijn als de persoon niet werkzaam is.',
    ]);
  });

  it('reports hours for someone not working', async () => {
    await engine.exec(`UPDATE dk SET uren = 12 WHERE persoon_id = 2`);
    expect(await berichten()).toEqual([
      'doelgroep.parquet, kolom uren: werkzaam is onwaar maar uren is 12.0 in de rij persoon_id=2, peildatum=2021-09-30. ' +
        'Uren moeten 0 zijn als de persoon niet werkzaam is.',
    ]);
  });

  it('says how many rows share a defect', async () => {
    await engine.exec(`UPDATE dk SET regio_code = 'AM99' WHERE persoon_id = 1`);
    const [issue] = await runContentChecks(engine, DK, 'dk', BESTAND);
    expect(issue.bericht).toMatch(/^doelgroep\.parquet, kolom regio_code: onbekende regiocode 'AM99' in de rij persoon_id=1, peildatum=2021-(09-30|12-31)\. /);
    expect(issue.bericht).toMatch(/ Dit geldt voor 2 rijen\.$/);
  });

  it('reads a valid table in four queries: one scan for row checks, one for value checks, the key, the gemeente-region join', async () => {
    const queries: string[] = [];
    const telEngine = { query: (sql: string) => (queries.push(sql), engine.query(sql)), close: async () => {} };
    expect(await runContentChecks(telEngine, DK, 'dk', BESTAND)).toEqual([]);
    expect(queries).toHaveLength(4);
    expect(queries[0]).toMatch(/^SELECT count\(\*\) FILTER/);
    expect(queries[1]).toMatch(/^WITH w0 AS \(SELECT "peildatum", count\(\*\) AS __n FROM "dk" GROUP BY "peildatum"\)/);
  });

  it('reports one issue per failing check when a table has several defects', async () => {
    await engine.exec(`UPDATE dk SET regio_code = 'AM99', uren = -2 WHERE persoon_id = 3`);
    expect((await runContentChecks(engine, DK, 'dk', BESTAND)).map((i) => i.kolom)).toEqual(['regio_code', 'uren']);
  });
});

describe('content checks on the other contracts', () => {
  it('reports a duplicate advies_id and an unknown aanvrager in beschut_adviezen', async () => {
    await engine.exec(`
      CREATE OR REPLACE TABLE ba AS
      SELECT advies_id::INTEGER AS advies_id, besluitdatum::DATE AS besluitdatum, gemeente_code, aanvrager, uitkomst
      FROM (VALUES (1, '2017-01-10', 'GM0363', 'gemeente', 'positief'),
                   (1, '2017-01-11', 'GM0518', 'werkgever', 'negatief')) AS v(advies_id, besluitdatum, gemeente_code, aanvrager, uitkomst)`);
    const issues = await runContentChecks(engine, CONTRACTS.beschut_adviezen, 'ba', 'adviezen.parquet');
    expect(issues.map((i) => i.bericht)).toEqual([
      'adviezen.parquet, kolom advies_id: de sleutel is niet uniek; de rij advies_id=1 komt 2 keer voor.',
      "adviezen.parquet, kolom aanvrager: onbekende waarde 'werkgever' in de rij advies_id=1. Toegestaan zijn 'gemeente' of 'burger'.",
    ]);
  });

  it('reports a BUIG year before 2011 and passes valid plekken', async () => {
    await engine.exec(`
      CREATE OR REPLACE TABLE bg AS
      SELECT gemeente_code, jaar::SMALLINT AS jaar, v::DOUBLE AS budget_voorlopig, v::DOUBLE AS budget_definitief, v::DOUBLE AS uitgaven
      FROM (VALUES ('GM0363', 1999, 1e6), ('GM0363', 2016, 2e6)) AS t(gemeente_code, jaar, v)`);
    expect((await runContentChecks(engine, CONTRACTS.buig_gemeente, 'bg', 'buig.parquet', GEMEENTEN, NU)).map((i) => i.bericht)).toEqual([
      'buig.parquet, kolom jaar: het jaar 1999 ligt buiten 2011 tot en met 2027, in de rij gemeente_code=GM0363, jaar=1999.',
    ]);
    await engine.exec(`
      CREATE OR REPLACE TABLE bp AS
      SELECT 'GM0363' AS gemeente_code, DATE '2018-03-31' AS peildatum, 100 AS plekken, 120 AS taakstelling`);
    expect(await runContentChecks(engine, CONTRACTS.beschut_plekken, 'bp', 'plekken.parquet')).toEqual([]);
  });
});

describe('whole validation of Parquet files on native DuckDB', () => {
  it('passes a valid Parquet file written with ENUM and INTEGER columns', async () => {
    await engine.exec(VALID_DK);
    const file = join(dir, 'goed.parquet');
    await engine.exec(`
      CREATE OR REPLACE TYPE achtergrond_t AS ENUM ('Wajong', 'Wsw', 'Participatiewet', 'WIW/ID');
      COPY (SELECT persoon_id::INTEGER AS persoon_id, peildatum, achtergrond::achtergrond_t AS achtergrond, regio_code, gemeente_code,
                   werkzaam, baan_id, sector, dienstverband, contract, uren, baan_startdatum, 'x' AS extra FROM dk)
      TO '${file}' (FORMAT parquet)`);
    await engine.attachParquet({ doelgroep_kwartaal: file });
    const cols = await describeColumns(engine, 'doelgroep_kwartaal');
    expect(cols.find((c) => c.name === 'persoon_id')?.type).toBe('INTEGER');
    const result = await validateTable(engine, 'doelgroep_kwartaal', 'goed.parquet');
    expect(result).toEqual({ contract: DK, problemen: [], extra: ['extra'] });
  });

  it('refuses a Parquet file with an unknown region code, naming file, column and row', async () => {
    await engine.exec(VALID_DK);
    const file = join(dir, 'am99.parquet');
    await engine.exec(`COPY (SELECT * REPLACE (CASE WHEN persoon_id = 2 THEN 'AM99' ELSE regio_code END AS regio_code) FROM dk) TO '${file}' (FORMAT parquet)`);
    await engine.attachParquet({ doelgroep_kwartaal: file });
    const { contract, problemen } = await validateTable(engine, 'doelgroep_kwartaal', 'am99.parquet');
    expect(contract?.name).toBe('doelgroep_kwartaal');
    expect(problemen.map((p) => p.bericht)).toEqual([
      "am99.parquet, kolom regio_code: onbekende regiocode 'AM99' in de rij persoon_id=2, peildatum=2021-09-30. " +
        "Verwacht één van de 35 arbeidsmarktregio's (AM01 tot en met AM38, zonder AM04, AM16 en AM31).",
    ]);
  });

  it('stops at the schema when a column has the wrong type, without running content checks', async () => {
    await engine.exec(VALID_DK);
    const file = join(dir, 'timestamp.parquet');
    await engine.exec(`COPY (SELECT * REPLACE (peildatum::TIMESTAMP AS peildatum) FROM dk) TO '${file}' (FORMAT parquet)`);
    await engine.attachParquet({ doelgroep_kwartaal: file });
    const { problemen } = await validateTable(engine, 'doelgroep_kwartaal', 'timestamp.parquet');
    expect(problemen.map((p) => p.kolom)).toEqual(['peildatum']);
    expect(problemen[0].bericht).toContain('het type TIMESTAMP');
  });
});

describe('before reading a file', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('refuses a CSV renamed to .parquet with a Dutch message naming the file', () => {
    const csv = enc('persoon_id;peildatum\n1001;30-09-2021\n');
    expect(checkParquetMagic(csv.subarray(0, 4), csv.subarray(-4), 'export.parquet', csv.length)?.bericht).toBe(
      'export.parquet is geen geldig Parquet-bestand: een Parquet-bestand begint en eindigt met de tekens PAR1. ' +
        'Is het misschien een CSV- of Excel-export met de extensie .parquet, of is het bestand afgebroken?',
    );
    expect(checkParquetMagic(new Uint8Array(), new Uint8Array(), 'leeg.parquet', 0)?.bericht).toBe('leeg.parquet is leeg (0 bytes) en dus geen Parquet-bestand.');
  });

  it('accepts the magic bytes of a real Parquet file and refuses a truncated one', async () => {
    await engine.exec(VALID_DK);
    const file = join(dir, 'magie.parquet');
    await engine.exec(`COPY dk TO '${file}' (FORMAT parquet)`);
    const bytes = new Uint8Array(readFileSync(file));
    expect(checkParquetMagic(bytes.subarray(0, 4), bytes.subarray(-4), 'magie.parquet', bytes.length)).toBeNull();
    const half = bytes.subarray(0, bytes.length >> 1);
    expect(checkParquetMagic(half.subarray(0, 4), half.subarray(-4), 'half.parquet', half.length)?.bericht).toContain('afgebroken');
  });

  it('describes the checks per column in Dutch', () => {
    const d = beschrijfControles(DK);
    expect(d.regio_code).toEqual(['verplicht (nooit leeg)', "een van de 35 arbeidsmarktregio's (AM01–AM38)"]);
    expect(d.gemeente_code).toContain('gemeentecode uit de indeling 2026, in de regio van de rij');
    expect(d.baan_id).toEqual(['leeg als en alleen als werkzaam onwaar is']);
    expect(d.persoon_id).toEqual(['verplicht (nooit leeg)', 'deel van de sleutel (persoon_id, peildatum), samen uniek']);
  });
});

describe('the bad-Parquet fixtures', () => {
  it('each file is refused with its own message, the valid one passes', async () => {
    const fixDir = mkdtempSync(join(tmpdir(), 'slecht-'));
    try {
      const fixtures = await maakSlechteParquet(fixDir);
      expect(fixtures).toHaveLength(12);
      for (const f of fixtures) {
        const pad = join(fixDir, f.bestand);
        const bytes = new Uint8Array(readFileSync(pad));
        const magie = checkParquetMagic(bytes.subarray(0, 4), bytes.subarray(-4), f.bestand, bytes.length);
        const problemen = magie
          ? [magie]
          : (await (async () => {
              await engine.exec(`CREATE OR REPLACE VIEW upload AS SELECT * FROM read_parquet('${pad}')`);
              return (await validateTable(engine, 'upload', f.bestand)).problemen;
            })());
        if (f.verwacht === null) {
          expect(problemen, f.bestand).toEqual([]);
        } else {
          expect(problemen.length, f.bestand).toBeGreaterThan(0);
          expect(problemen[0].kolom, f.bestand).toBe(f.verwacht.kolom);
          expect(problemen[0].bericht, f.bestand).toContain(f.verwacht.bevat);
          expect(problemen[0].bericht.startsWith(f.bestand), f.bestand).toBe(true);
        }
      }
    } finally {
      rmSync(fixDir, { recursive: true, force: true });
    }
  });
});

/**
 * The coordinator in voorberekend mode, on native DuckDB with both a (tiny) panel and a
 * voorberekende tabel whose numbers differ from it on purpose, so the test sees which one a query
 * read: a Regio's query reads the folder's table (its setup is replaced, the panel's aggregate is
 * never built), a query on the panel is not sent and gets the Dutch note, answers carry the
 * voorberekend source, and going back to microdata builds the aggregate from the panel again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { beschikbareKwartalenQuery, regioOverzichtQuery } from '../src/lib/metrics/regio.ts';
import { Coordinator, queryEngineAdapter } from '../src/lib/query/Coordinator.ts';
import { bronTekst, type ExtractHerkomst } from '../src/lib/query/herkomst.ts';
import { toRows } from '../src/lib/engine/rows.ts';
import { voorberekendeCatalogus } from '../src/lib/voorberekend/catalogus.ts';
import type { VoorberekendManifest } from '../src/lib/voorberekend/manifest.ts';
import { NIET_VOORBEREKEND } from '../src/lib/voorberekend/setup.ts';
import { tabelSql } from '../src/lib/voorberekend/laden.ts';
import { TABELLEN } from '../src/lib/voorberekend/tabellen.ts';

const TABEL = TABELLEN[0];
const KOLOMMEN = TABEL.kolommen.map((k) => ({ name: k.naam, type: k.type }));

const MANIFEST: VoorberekendManifest = {
  kind: 'voorberekend', source: 'Synthetische demodata (seed 1)', synthetic: true, schemaVersion: 1,
  peildatumVan: '2020-03-31', peildatumTot: '2020-06-30', generatedAt: '2026-12-06T00:00:00Z', threshold: 10,
  tables: [{ name: TABEL.naam, file: `${TABEL.naam}.parquet`, rows: 2, bytes: 1, sha256: '0'.repeat(64), columns: KOLOMMEN, extracts: ['doelgroep_kwartaal'], suppressedCells: 0 }],
};

/** The folder's table: AM01 with 100 persons in 2020Q1 (kw 8080) and 120 in 2020Q2; the panel has 2. */
const rij = (kw: number, personen: number) => ({
  regio_code: 'AM01', kw, personen, werkzaam: personen / 2, uren: 3315, uren_markt: 3315, uren_overheid: 0, uren_sector_onbekend: 0,
  uren_regulier: 3315, uren_uitzend: 0, uren_detachering: 0, uren_dienstverband_onbekend: 0, onderdrukt: false,
});
const FOLDER = new Map([[TABEL.naam, tabelSql(MANIFEST.tables[0], [rij(8080, 100), rij(8081, 120)])]]);

const DEMO: ExtractHerkomst = {
  extract: 'doelgroep_kwartaal', soort: 'demo', bestand: 'extracts/doelgroep_kwartaal.parquet', bron: 'Synthetische demodata (seed 1)',
  synthetisch: true, peildatumVan: '2020-03-31', peildatumTot: '2020-06-30', schemaVersie: 1, geladenOp: 'x', versie: 1,
};

let engine: NodeEngine;
let c: Coordinator;

beforeAll(async () => {
  engine = await NodeEngine.create();
  await engine.exec(`CREATE TABLE doelgroep_kwartaal AS SELECT * FROM (VALUES
    (1, DATE '2020-03-31', 'AM01', true, 331.5, 'markt', 'regulier'),
    (2, DATE '2020-06-30', 'AM01', false, 0.0, NULL, NULL)) AS t(persoon_id, peildatum, regio_code, werkzaam, uren, sector, dienstverband)`);
  c = new Coordinator(queryEngineAdapter(engine));
  c.setVoorberekend(FOLDER);
  c.setCatalog(voorberekendeCatalogus(MANIFEST));
});
afterAll(() => engine.close());

describe('Coordinator.setVoorberekend', () => {
  it("answers the Regio's queries from the folder's table, named as voorberekend and synthetic", async () => {
    const kwartalen = await c.request({}, beschikbareKwartalenQuery());
    expect(kwartalen.data).toEqual(['2020Q1', '2020Q2']);
    const o = await c.request({}, regioOverzichtQuery({ basis: '2020Q1', eind: '2020Q2' }));
    expect([o.data.landelijk.basis.personen, o.data.landelijk.eind.personen, o.data.landelijk.eind.werkzaam]).toEqual([100, 120, 60]);
    expect(o.herkomst.synthetisch).toBe(true);
    expect(bronTekst(o.herkomst)).toBe('Voorberekend uit synthetische demodata (seed 1); bewerking Participatiemonitor');
    // The engine's table is the folder's (100 + 120 persons), not one built from the panel (2).
    expect(toRows<{ n: number }>(await engine.query('SELECT CAST(sum(personen) AS INTEGER) AS n FROM agg_regio_kwartaal'))).toEqual([{ n: 220 }]);
  });

  it('does not send a query that reads microdata, and says so in Dutch', async () => {
    const voor = c.stats.sent;
    const q = { sql: 'SELECT count(*)::INTEGER AS n FROM doelgroep_kwartaal', params: [], extracts: ['doelgroep_kwartaal'] as const, shape: () => 0 };
    await expect(c.request({}, q)).rejects.toThrow(NIET_VOORBEREKEND);
    expect(c.stats.sent).toBe(voor);
  });

  it('builds the aggregate from the panel again after going back to microdata', async () => {
    c.setVoorberekend(null);
    c.setCatalog([DEMO]);
    const o = await c.request({}, regioOverzichtQuery({ basis: '2020Q1', eind: '2020Q2' }));
    expect([o.data.landelijk.basis.personen, o.data.landelijk.eind.personen, o.data.landelijk.eind.werkzaam]).toEqual([1, 1, 0]);
    expect(toRows<{ n: number }>(await engine.query('SELECT CAST(sum(personen) AS INTEGER) AS n FROM agg_regio_kwartaal'))).toEqual([{ n: 2 }]);
  });
});

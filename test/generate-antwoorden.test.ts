/**
 * The demo's first views computed ahead (notebooks/generate-antwoorden.ts), on demo data at 1%
 * scale in a temp folder: a coordinator on the written file answers the Duurzaamheid page's
 * first-view questions — built by the page's own query builders, keyed by the manifest's
 * identities — without sending a query, with the same rows native DuckDB gives for that SQL;
 * under another identity (other content) the same questions go to the engine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereerAntwoorden } from '../notebooks/generate-antwoorden.ts';
import { genereer } from '../notebooks/generator/index.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { parseManifest, type Manifest } from '../src/lib/extracts/manifest.ts';
import { panelBereikQuery, type PanelBereik } from '../src/lib/metrics/duurzaamheid/bereik.ts';
import { voorlopigeCatalogus } from '../src/lib/query/catalogus.ts';
import { Coordinator, queryEngineAdapter, type CoordinatorEngine } from '../src/lib/query/Coordinator.ts';
import { WithShippedAnswers } from '../src/lib/query/shipped-answers.ts';
import { runMetric, type MetricQuery } from '../src/lib/sql/query.ts';
import { standaardFilters } from '../src/lib/state/url.ts';
import { duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import { kiesBasis } from '../src/pages/duurzaamheid/selectie.ts';

let dir: string;
let manifest: Manifest;
let native: NodeEngine;
let bereik: PanelBereik;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-antw-'));
  await genereer({ seed: 11, scale: 0.01, out: join(dir, 'extracts'), manifest: join(dir, 'manifest.json') });
  await genereerAntwoorden(dir);
  manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  native = await NodeEngine.create();
  await native.attachParquet(Object.fromEntries(manifest.extracts.map((e) => [e.name, join(dir, e.file)])));
  bereik = (await runMetric(native, panelBereikQuery()))!;
}, 240_000);

afterAll(async () => {
  await native?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page's first view as it asks it (no filters in the link). */
function eersteWeergave(): MetricQuery<unknown>[] {
  const f = standaardFilters('duurzaamheid');
  const basis = kiesBasis(f.basis, f.horizon, bereik).basis!;
  const q = duurzaamheidQueries({ basis, horizon: f.horizon, achtergrond: f.achtergrond, regio: f.regio, sector: f.sector }, bereik);
  return [panelBereikQuery(), q.cohortTrend, q.contractTrend, q.uitstroomTrend, q.startersTrend] as MetricQuery<unknown>[];
}

/** A coordinator on the written file; its engine is native DuckDB on the same files, counted. */
function coordinator(): { c: Coordinator; gestuurd: string[] } {
  const gestuurd: string[] = [];
  const inner = queryEngineAdapter(native);
  const engine: CoordinatorEngine = { send: (sql, signal, slot) => (gestuurd.push(sql), inner.send(sql, signal, slot)) };
  const store = new WithShippedAnswers(async () => new Uint8Array(readFileSync(join(dir, 'antwoorden.arrow'))), null);
  return { c: new Coordinator(engine, { store }), gestuurd };
}

describe('vooraf berekende antwoorden van de demodata', () => {
  it('answer the first view of Duurzaamheid on exactly this data without a query, with the rows native DuckDB gives', async () => {
    const { c, gestuurd } = coordinator();
    c.setCatalog(voorlopigeCatalogus(manifest, []), { provisional: true });
    const vragen = eersteWeergave();
    for (const q of vragen) {
      const a = await c.request({}, q);
      expect(a.data, q.sql.slice(0, 60)).toEqual(await runMetric(native, q));
    }
    expect(gestuurd).toEqual([]);
    expect(c.stats.persisted).toBe(vragen.length);
  });

  it('another content hash (other demo data) gets none of them: the engine computes every question', async () => {
    const { c, gestuurd } = coordinator();
    const ander = { ...manifest, extracts: manifest.extracts.map((e) => ({ ...e, sha256: e.sha256.replace(/^./, (x) => (x === 'a' ? 'b' : 'a')) })) };
    c.setCatalog(voorlopigeCatalogus(ander, []));
    const vragen = eersteWeergave();
    for (const q of vragen) await c.request({}, q);
    expect(c.stats.persisted).toBe(0);
    expect(gestuurd).toHaveLength(vragen.length);
  });
});

/**
 * The answers of the demo's default first views, computed ahead (issue 15, target 1): the
 * Duurzaamheid, Regio's and BUIG pages with no filters in their link and the Overzicht tiles, asked through the
 * same Coordinator and the same query builders as the pages, on native DuckDB over the demo
 * Parquet files, and written as <data>/antwoorden.arrow (src/lib/query/shipped-answers.ts).
 * The keys carry each extract's identity from the manifest (content hash + schema), so the site
 * uses an answer only for exactly this data; a user's own file is always computed in the browser.
 *   npx tsx notebooks/generate-antwoorden.ts [--data data]
 * Run by `npm run data` after the extracts are written; `npm start` and `npm test` run it when
 * the file is missing or older than the manifest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Table } from 'apache-arrow';
import { NodeEngine } from '../src/lib/engine/node.ts';
import type { ExtractName } from '../src/lib/engine/types.ts';
import { parseManifest } from '../src/lib/extracts/manifest.ts';
import { banenQuery } from '../src/lib/metrics/banen.ts';
import { perJaarQuery, plekkenQuery } from '../src/lib/metrics/beschut.ts';
import { landelijkQuery, regioQuery, spreidingPerJaarQuery } from '../src/lib/metrics/buig.ts';
import { panelBereikQuery, type PanelBereik } from '../src/lib/metrics/duurzaamheid/bereik.ts';
import { beschikbareKwartalenQuery, regioOverzichtQuery } from '../src/lib/metrics/regio.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { voorlopigeCatalogus } from '../src/lib/query/catalogus.ts';
import { Coordinator, queryEngineAdapter } from '../src/lib/query/Coordinator.ts';
import type { AnswerStore } from '../src/lib/query/result-store.ts';
import { answerBytes, encodeShipped, type ShippedAnswer } from '../src/lib/query/shipped-answers.ts';
import type { MetricQuery } from '../src/lib/sql/query.ts';
import { standaardFilters } from '../src/lib/state/url.ts';
import { duurzaamheidTrendQuery } from '../src/pages/overzicht/duurzaamheid.ts';
import { duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import { kiesBasis } from '../src/pages/duurzaamheid/selectie.ts';
import { metriekSelectie } from '../src/pages/buig/selectie.ts';
import { gekozenPeriode } from '../src/pages/regios/periode.ts';

export const ANTWOORDEN_BESTAND = 'antwoorden.arrow';

/** Every answer the coordinator would keep, recorded instead of kept. */
class Opname implements AnswerStore {
  readonly antwoorden = new Map<string, ShippedAnswer>();
  async get(): Promise<Table | undefined> {
    return undefined;
  }
  put(key: string, table: Table, versies: readonly string[]): void {
    this.antwoorden.set(key, { key, versies: [...versies], bytes: answerBytes(table) });
  }
  keepOnly(): void {}
}

/** The Duurzaamheid page's first view with the filters of a link without parameters. */
function duurzaamheidEersteWeergave(bereik: PanelBereik): MetricQuery<unknown>[] {
  const f = standaardFilters('duurzaamheid');
  const keuze = kiesBasis(f.basis, f.horizon, bereik);
  if (!keuze.basis) return [];
  const q = duurzaamheidQueries({ basis: keuze.basis, horizon: f.horizon, achtergrond: f.achtergrond, regio: f.regio, sector: f.sector }, bereik);
  return [q.cohortTrend, q.contractTrend, q.uitstroomTrend, q.startersTrend, ...Object.values(q.vergelijking ?? {})] as MetricQuery<unknown>[];
}

/** The Regio's page's first view (the map, indicator banen): the quarters, then the overview of the default period. */
async function regiosEersteWeergave(vraag: (q: MetricQuery<unknown>) => Promise<unknown>): Promise<MetricQuery<unknown>[]> {
  const kwartalen = (await vraag(beschikbareKwartalenQuery() as MetricQuery<unknown>)) as Kwartaal[];
  const f = standaardFilters('regios');
  const periode = gekozenPeriode(f.van, f.tot, kwartalen);
  return periode ? [regioOverzichtQuery({ basis: periode.van, eind: periode.tot }) as MetricQuery<unknown>] : [];
}

/**
 * The BUIG page's first view (national, every size class), without the list of every municipality
 * (≈ 400 KB; on a few thousand rows the browser computes it in a moment once the data are in).
 */
function buigEersteWeergave(): MetricQuery<unknown>[] {
  const f = standaardFilters('buig');
  return [landelijkQuery(), landelijkQuery(metriekSelectie(f)), spreidingPerJaarQuery({ regio: f.regio ? [f.regio] : undefined, klasse: f.klasse }), regioQuery({ klasse: f.klasse })] as MetricQuery<unknown>[];
}

/** Compute the answers for the data folder `dataDir` (with manifest.json) and write them next to it. */
export async function genereerAntwoorden(dataDir: string): Promise<{ pad: string; aantal: number; bytes: number }> {
  const manifest = parseManifest(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')));
  const engine = await NodeEngine.create();
  try {
    const files: Partial<Record<ExtractName, string>> = {};
    for (const e of manifest.extracts) files[e.name] = join(dataDir, e.file);
    await engine.attachParquet(files);
    const opname = new Opname();
    const c = new Coordinator(queryEngineAdapter(engine), { store: opname });
    // The identities the site gives these extracts (catalogus.ts), as the coordinator keys them.
    c.setCatalog(voorlopigeCatalogus(manifest, []));
    const vraag = (q: MetricQuery<unknown>) => c.request({}, q).then((a) => a.data);
    const namen = new Set(manifest.extracts.map((e) => e.name));
    const bereik = namen.has('doelgroep_kwartaal') ? ((await vraag(panelBereikQuery())) as PanelBereik | null) : null;
    const vragen: MetricQuery<unknown>[] = [];
    if (bereik) vragen.push(...duurzaamheidEersteWeergave(bereik), duurzaamheidTrendQuery(bereik));
    if (namen.has('doelgroep_kwartaal')) vragen.push(banenQuery() as MetricQuery<unknown>, ...(await regiosEersteWeergave(vraag)));
    if (namen.has('beschut_adviezen')) vragen.push(perJaarQuery() as MetricQuery<unknown>);
    if (namen.has('beschut_plekken')) vragen.push(plekkenQuery({}) as MetricQuery<unknown>);
    if (namen.has('buig_gemeente')) vragen.push(...buigEersteWeergave());
    for (const q of vragen) await vraag(q);
    const antwoorden = [...opname.antwoorden.values()];
    const bytes = encodeShipped(antwoorden);
    const pad = join(dataDir, ANTWOORDEN_BESTAND);
    writeFileSync(pad, bytes);
    return { pad, aantal: antwoorden.length, bytes: bytes.byteLength };
  } finally {
    await engine.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--data');
  const dir = resolve(i >= 0 ? process.argv[i + 1] : join(import.meta.dirname, '..', 'data'));
  try {
    const r = await genereerAntwoorden(dir);
    console.log(`  ${r.pad}: ${r.aantal} antwoorden, ${(r.bytes / 1024).toFixed(1)} KiB`);
  } catch (e) {
    console.error(`Antwoorden vooraf berekenen mislukt: ${(e as Error).message}`);
    process.exit(1);
  }
}

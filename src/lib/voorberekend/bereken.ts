/**
 * `npm run compute` in Node: read a folder of extracts with native DuckDB (all threads), build
 * every voorberekende tabel with the metric's own setup statement, apply its disclosure control
 * and write it as Parquet next to a manifest with source, peildatum range, contract version and
 * content hashes. Node only (fs, crypto, @duckdb/node-api); the site never imports this module.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { NodeEngine } from '../engine/node.ts';
import { toRows } from '../engine/rows.ts';
import type { ExtractName } from '../engine/types.ts';
import { EXTRACT_NAMES } from '../extracts/contracts.ts';
import { parseManifest, type Manifest } from '../extracts/manifest.ts';
import { panelBereikQuery, type PanelBereik } from '../metrics/duurzaamheid/bereik.ts';
import { runMetric } from '../sql/query.ts';
import { literal } from '../sql/quote.ts';
import { MANIFEST_BESTAND, SOORT, type VoorberekendeTabelInfo, type VoorberekendManifest } from './manifest.ts';
import { vulDuurzaamheid } from './duurzaamheid.ts';
import { vulContract } from './duurzaamheid-contract.ts';
import { vulBeschut } from './beschut.ts';
import { BESCHUT_GEBIED_TABEL } from '../metrics/beschut-voorberekend.ts';
import type { QueryEngine } from '../engine/types.ts';
import { DUURZAAMHEID_COHORT_TABEL, DUURZAAMHEID_CONTRACT_TABEL } from '../metrics/duurzaamheid/voorberekend.ts';
import { beveiligdeSelectie, TABELLEN } from './tabellen.ts';

export interface ComputeOpties {
  /** Output folder (created when missing). */
  uit: string;
  /** Source name for readers; default: the demo manifest's source, else "eigen extract <bestand>". */
  bron?: string;
}

/** The extracts in a folder: `<contract>.parquet` files, with the demo manifest when one lists them. */
export function vindExtracten(map: string): { bestanden: Partial<Record<ExtractName, string>>; manifest: Manifest | null } {
  const bestanden: Partial<Record<ExtractName, string>> = {};
  for (const f of readdirSync(map)) {
    const naam = f.replace(/\.parquet$/, '');
    if (f.endsWith('.parquet') && (EXTRACT_NAMES as string[]).includes(naam)) bestanden[naam as ExtractName] = resolve(map, f);
  }
  // data/manifest.json sits next to data/extracts/; a folder may also carry its own.
  const kandidaat = [join(map, 'manifest.json'), join(dirname(resolve(map)), 'manifest.json')].find(existsSync);
  let manifest: Manifest | null = null;
  if (kandidaat) {
    try {
      manifest = parseManifest(JSON.parse(readFileSync(kandidaat, 'utf8')));
    } catch {
      manifest = null;
    }
  }
  return { bestanden, manifest };
}

function sha256(pad: string): string {
  return createHash('sha256').update(readFileSync(pad)).digest('hex');
}

/** Source, synthetic flag and peildatum range: from the demo manifest only when the file is the one it lists. */
async function herkomst(engine: NodeEngine, pad: string, extract: ExtractName, manifest: Manifest | null, bron?: string) {
  const m = manifest?.extracts.find((e) => e.name === extract);
  if (m && m.sha256 === sha256(pad)) return { source: bron ?? m.source, synthetic: m.synthetic, van: m.peildatumVan, tot: m.peildatumTot, schema: m.schemaVersion };
  // buig_gemeente has years, no peildatum: its range runs from 1 January of the first year to 31 December of the last.
  const [van, tot] = extract === 'buig_gemeente'
    ? ["strftime(make_date(min(jaar)::BIGINT, 1, 1), '%Y-%m-%d')", "strftime(make_date(max(jaar)::BIGINT, 12, 31), '%Y-%m-%d')"]
    : ["strftime(min(peildatum)::DATE, '%Y-%m-%d')", "strftime(max(peildatum)::DATE, '%Y-%m-%d')"];
  const [r] = toRows<{ van: string | null; tot: string | null }>(await engine.query(`SELECT ${van} AS van, ${tot} AS tot FROM ${extract}`));
  return { source: bron ?? `eigen extract ${basename(pad)}`, synthetic: false, van: r?.van ?? null, tot: r?.tot ?? null, schema: 1 };
}

/** The tables filled in JavaScript after their `bouw` (their disclosure control is the page's own). */
const VULLING: Readonly<Record<string, (engine: QueryEngine, bereik: PanelBereik | null) => Promise<void>>> = {
  // The Duurzaamheid tables read the panel, so a folder that has them has its range.
  [DUURZAAMHEID_COHORT_TABEL]: async (engine, bereik) => {
    if (bereik) await vulDuurzaamheid(engine, bereik);
  },
  [DUURZAAMHEID_CONTRACT_TABEL]: async (engine, bereik) => {
    if (bereik) await vulContract(engine, bereik);
  },
  [BESCHUT_GEBIED_TABEL]: vulBeschut,
};

/** Compute every table whose extracts are in the folder; returns the manifest written. */
export async function compute(map: string, opties: ComputeOpties): Promise<VoorberekendManifest> {
  const { bestanden, manifest } = vindExtracten(map);
  const tabellen = TABELLEN.filter((t) => t.extracts.every((x) => bestanden[x]));
  if (tabellen.length === 0) throw new Error(`Geen extract gevonden in ${map} waaruit iets voorberekend kan worden (verwacht bijvoorbeeld doelgroep_kwartaal.parquet of buig_gemeente.parquet).`);
  mkdirSync(opties.uit, { recursive: true });
  const engine = await NodeEngine.create();
  try {
    await engine.attachParquet(bestanden);
    // The source and peildatum range are the panel's; a folder with only BUIG takes them from that extract.
    const hoofd: ExtractName = bestanden.doelgroep_kwartaal ? 'doelgroep_kwartaal' : tabellen[0].extracts[0];
    const bron = await herkomst(engine, bestanden[hoofd]!, hoofd, manifest, opties.bron);
    const bereik = bestanden.doelgroep_kwartaal ? await runMetric(engine, panelBereikQuery()) : null;
    if (bestanden.doelgroep_kwartaal && !bereik) throw new Error(`${basename(bestanden.doelgroep_kwartaal)} heeft geen rijen.`);
    const info: VoorberekendeTabelInfo[] = [];
    for (const t of tabellen) {
      await engine.exec(t.bouw(bereik));
      // Beschut werk's two tables are filled together, by the first.
      if (t.gevuld) await VULLING[t.naam]?.(engine, bereik);
      const select = beveiligdeSelectie(t);
      const gevonden = toRows<{ column_name: string; column_type: string }>(await engine.query(`DESCRIBE ${select}`))
        .map((c) => `${c.column_name}:${c.column_type}`).join(',');
      const verwacht = t.kolommen.map((k) => `${k.naam}:${k.type}`).join(',');
      if (gevonden !== verwacht) throw new Error(`${t.naam}: kolommen ${gevonden} wijken af van ${verwacht}.`);
      const bestand = `${t.naam}.parquet`;
      const pad = join(opties.uit, bestand);
      await engine.exec(`COPY (${select}) TO ${literal(pad)} (FORMAT parquet, COMPRESSION snappy)`);
      const [telling] = toRows<{ rijen: number; klein: number }>(
        await engine.query(`SELECT count(*) AS rijen, count(*) FILTER (WHERE onderdrukt) AS klein FROM read_parquet(${literal(pad)})`),
      );
      info.push({
        name: t.naam, file: bestand, rows: telling.rijen, bytes: readFileSync(pad).byteLength, sha256: sha256(pad),
        columns: t.kolommen.map((k) => ({ name: k.naam, type: k.type })), extracts: [...t.extracts], suppressedCells: telling.klein,
      });
    }
    const uit: VoorberekendManifest = {
      kind: SOORT, source: bron.source, synthetic: bron.synthetic, schemaVersion: bron.schema,
      peildatumVan: bron.van, peildatumTot: bron.tot, generatedAt: new Date().toISOString(), threshold: 10, tables: info,
    };
    writeFileSync(join(opties.uit, MANIFEST_BESTAND), `${JSON.stringify(uit, null, 2)}\n`);
    return uit;
  } finally {
    await engine.close();
  }
}

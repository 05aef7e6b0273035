/**
 * The demo-data generator: every extract contract of src/lib/extracts/contracts.ts as synthetic,
 * seeded, calibrated Parquet, plus data/manifest.json. Same seed and scale → identical rows.
 * Steps: targets from the published figures → regional paths → panel simulation (DuckDB) →
 * uitstroom → hours calibration → beschut werk and BUIG (small, JS) → Parquet + manifest.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExtractName } from '../../src/lib/engine/types.ts';
import { CONTRACTS, EXTRACT_NAMES } from '../../src/lib/extracts/contracts.ts';
import type { Manifest, ManifestEntry } from '../../src/lib/extracts/manifest.ts';
import { literal } from '../../src/lib/sql/quote.ts';
import { BESCHUT_TOT, BESCHUT_VANAF, genereerAdviezen, genereerPlekken } from './beschut.ts';
import { genereerBuig, MACRO } from './buig.ts';
import { urenFactoren } from './calibrate.ts';
import { bouwGeografie } from './geography.ts';
import { baanStap, bouwUitstroom, simuleerPanel } from './panel.ts';
import { loadPublished } from './published.ts';
import { regioPaden } from './regio-paden.ts';
import { doelreeksen, totaalBanen } from './targets.ts';
import { NT, peildatum } from './time.ts';
import { grootte, schrijfAdviezen, schrijfBuig, schrijfPanel, schrijfPlekken, schrijfUitstroom, sha256 } from './write.ts';

/** Bump when the generator's output changes for the same seed (the browser keys its cache on sha256 anyway). */
export const GENERATOR_VERSIE = '1.0.0';
export const STANDAARD_SEED = 20240;
/** The manifest's `source`, shown to users as the source of every demo figure: no repository paths. */
export function bronTekst(seed: number): string {
  return `Synthetische demodata (seed ${seed}), gekalibreerd op gepubliceerde cijfers van UWV en SZW`;
}

export interface GenereerOpties {
  seed?: number;
  /** Directory for the Parquet files (default data/extracts). */
  out?: string;
  /** Where the manifest goes (default: manifest.json next to the extracts directory). */
  manifest?: string;
  /** Fraction of the national register to simulate (1 = national scale; tests use 0.01; 2 = twice the national panel, issue 15 target 4). */
  scale?: number;
  /** DuckDB threads (default: DuckDB's own choice). */
  threads?: number;
  log?: (regel: string) => void;
}

export interface GenereerResultaat {
  manifest: Manifest;
  tijden: Record<string, number>;
  urenFactorBereik: [number, number];
}

const BESCHRIJVING: Readonly<Record<ExtractName, string>> = {
  doelgroep_kwartaal: 'Synthetisch panel: één rij per persoon per kwartaal in het doelgroepregister, met werk en verloonde uren. Gekalibreerd op de gepubliceerde registeromvang, banen (jaarmetingen) en duurzaamheidscijfers.',
  doelgroep_uitstroom: 'Synthetisch: vertrek uit het doelgroepregister met de reden (AOW, Wsw-beschut, geen arbeidsvermogen, overleden, overig).',
  beschut_adviezen: 'Synthetisch: adviezen beschut werk per beoordeling, gekalibreerd op de gepubliceerde aantallen per maand en aanvrager.',
  beschut_plekken: 'Synthetisch: gerealiseerde plekken beschut werk en taakstelling per gemeente per kwartaal, gekalibreerd op de landelijke stand.',
  buig_gemeente: 'Synthetisch: BUIG-budget (voorlopig, definitief) en uitgaven per gemeente per jaar, gekalibreerd op het landelijke tekort/overschot.',
};

export async function genereer(opties: GenereerOpties = {}): Promise<GenereerResultaat> {
  const seed = opties.seed ?? STANDAARD_SEED;
  const scale = opties.scale ?? 1;
  const out = opties.out ?? join(import.meta.dirname, '..', '..', 'data', 'extracts');
  const manifestPad = opties.manifest ?? join(dirname(out), 'manifest.json');
  const log = opties.log ?? (() => {});
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) throw new Error(`seed moet een geheel getal 0…2^31 zijn, niet ${seed}`);
  if (!(scale > 0 && scale <= 3)) throw new Error(`scale moet tussen 0 en 3 liggen, niet ${scale}`);
  mkdirSync(out, { recursive: true });
  const tijden: Record<string, number> = {};
  let t0 = performance.now();
  const stap = (naam: string) => {
    const nu = performance.now();
    tijden[naam] = Math.round(nu - t0);
    log(`${naam}: ${(tijden[naam] / 1000).toFixed(1)} s`);
    t0 = nu;
  };

  const pub = loadPublished();
  const doel = doelreeksen(pub);
  const geo = bouwGeografie(pub.gemeenten, seed);
  const banenPerWerkende = Array.from({ length: NT }, (_, t) => totaalBanen(doel.banen, t) / doel.werkzaam[t]);
  const paden = regioPaden(pub, geo, seed, scale, doel.register, doel.werkzaam, banenPerWerkende);
  stap('doelreeksen');

  const db = await DuckDBInstance.create(':memory:', opties.threads ? { threads: String(opties.threads) } : undefined);
  const conn = await db.connect();
  try {
    const sim = await simuleerPanel(conn, seed, geo, paden, baanStap(scale));
    stap(`panel (${sim.personen.toLocaleString('nl-NL')} personen)`);
    await bouwUitstroom(conn);
    const factoren = await urenFactoren(conn, doel, scale, paden.banenAnkers, geo.regios.length);
    stap('uitstroom en urenkalibratie');
    const pad = (n: ExtractName) => join(out, `${n}.parquet`);
    await schrijfPanel(conn, geo, factoren, pad('doelgroep_kwartaal'));
    stap('doelgroep_kwartaal.parquet');
    await schrijfUitstroom(conn, pad('doelgroep_uitstroom'));
    await conn.run('DROP TABLE panel; DROP TABLE uitstroom');
    const adviezen = genereerAdviezen(seed, geo);
    await schrijfAdviezen(conn, adviezen, pad('beschut_adviezen'));
    await schrijfPlekken(conn, genereerPlekken(seed, geo, adviezen), pad('beschut_plekken'));
    await schrijfBuig(conn, genereerBuig(seed, geo), pad('buig_gemeente'));
    stap('uitstroom, beschut werk, BUIG');

    const bereik: Record<ExtractName, [string, string]> = {
      doelgroep_kwartaal: [peildatum(0), peildatum(NT - 1)],
      doelgroep_uitstroom: [peildatum(0), peildatum(NT - 2)],
      beschut_adviezen: [`${BESCHUT_VANAF}-01-01`, `${BESCHUT_TOT}-12-31`],
      beschut_plekken: [`${BESCHUT_VANAF}-03-31`, peildatum(NT - 1)],
      buig_gemeente: [`${Math.min(...Object.keys(MACRO).map(Number))}-12-31`, `${Math.max(...Object.keys(MACRO).map(Number))}-12-31`],
    };
    const extracts: ManifestEntry[] = [];
    for (const naam of EXTRACT_NAMES) {
      const bestand = pad(naam);
      const telling = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, min(${naam === 'beschut_adviezen' ? 'besluitdatum' : naam === 'buig_gemeente' ? 'make_date(jaar, 12, 31)' : 'peildatum'})::VARCHAR AS van,
        max(${naam === 'beschut_adviezen' ? 'besluitdatum' : naam === 'buig_gemeente' ? 'make_date(jaar, 12, 31)' : 'peildatum'})::VARCHAR AS tot FROM read_parquet(${literal(bestand)})`);
      const [rij] = telling.getRowObjectsJS() as { n: number; van: string; tot: string }[];
      extracts.push({
        name: naam,
        file: `extracts/${naam}.parquet`,
        schemaVersion: CONTRACTS[naam].schemaVersion,
        title: CONTRACTS[naam].title,
        description: BESCHRIJVING[naam],
        source: bronTekst(seed),
        synthetic: true,
        seed,
        generatorVersion: scale === 1 ? GENERATOR_VERSIE : `${GENERATOR_VERSIE} (scale ${scale})`,
        peildatumVan: rij.van ?? bereik[naam][0],
        peildatumTot: rij.tot ?? bereik[naam][1],
        rows: rij.n,
        bytes: grootte(bestand),
        sha256: await sha256(bestand),
      });
    }
    const manifest: Manifest = { generatedAt: null, extracts };
    writeFileSync(manifestPad, `${JSON.stringify(manifest, null, 2)}\n`);
    stap('manifest');
    const fb = factoren.bereik;
    return { manifest, tijden, urenFactorBereik: fb };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

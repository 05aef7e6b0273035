/**
 * The catalog of loaded data in voorberekend mode: every contract is "loaded" as voorberekend, so
 * each page asks its questions and gets either an answer from the folder's tables or the plain
 * Dutch note that it is not available. Provenance names the folder's source — still synthetic when
 * it was computed from demo data, the extract's name for own data — and never a file path.
 */
import { EXTRACT_NAMES } from '../extracts/contracts.ts';
import type { ExtractHerkomst } from '../query/herkomst.ts';
import type { VoorberekendManifest } from './manifest.ts';

let volgende = 0;

export function voorberekendeBron(m: VoorberekendManifest): string {
  return `voorberekend uit ${m.source.charAt(0).toLowerCase()}${m.source.slice(1)}`;
}

export function voorberekendeCatalogus(m: VoorberekendManifest): ExtractHerkomst[] {
  // Far above the load counter of catalogus.ts: a version never repeats an earlier key.
  const versie = 1_000_000 + ++volgende;
  return EXTRACT_NAMES.map((extract) => ({
    extract,
    soort: 'voorberekend',
    bestand: '',
    bron: voorberekendeBron(m),
    synthetisch: m.synthetic,
    peildatumVan: m.peildatumVan,
    peildatumTot: m.peildatumTot,
    schemaVersie: m.schemaVersion,
    geladenOp: m.generatedAt,
    versie,
  }));
}

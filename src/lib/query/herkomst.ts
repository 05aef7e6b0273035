/**
 * Provenance: where a computed number came from. The query layer attaches a `Herkomst` to every
 * answer, built from the extracts the query reads, so a source line, a "synthetisch" label, an
 * export header or a generated sentence always names the data it was computed on — the demo
 * extract or the user's own file — and never relies on a global flag.
 */
import type { ExtractName } from '../engine/types.ts';
import { formatDatum } from '../format/nl.ts';

/** One loaded extract as the user should know it. */
export interface ExtractHerkomst {
  extract: ExtractName;
  /**
   * 'demo': the bundled extract; 'eigen': a file the user loaded on the Data page; 'voorberekend':
   * tables computed by `npm run compute` (no microdata; `bron` names what they came from).
   */
  soort: 'demo' | 'eigen' | 'voorberekend';
  /** The file name (the user's own name for an own file). */
  bestand: string;
  /** Source text for readers: the manifest's source for demo data. */
  bron: string;
  synthetisch: boolean;
  /** ISO dates of the first and last peildatum in the extract (null when unknown or empty). */
  peildatumVan: string | null;
  peildatumTot: string | null;
  schemaVersie: number;
  /** ISO timestamp of loading. */
  geladenOp: string;
  /** Increases whenever this extract is replaced; part of every cache key that reads it. */
  versie: number;
  /**
   * The content's stable identity (a demo extract's manifest hash), the same after a reload: when
   * present it replaces `versie` in cache keys, and answers on it are kept across reloads.
   */
  identiteit?: string;
}

export interface Herkomst {
  extracts: readonly ExtractHerkomst[];
  /** True when any of the extracts is synthetic demo data. */
  synthetisch: boolean;
}

/** What every computed figure's source line adds to the data's own source. */
export const BEWERKING = 'bewerking Participatiemonitor';

export function herkomstVan(extracts: readonly ExtractHerkomst[]): Herkomst {
  return { extracts, synthetisch: extracts.some((e) => e.synthetisch) };
}

/** "eigen bestand panel.parquet" or the demo extract's source text. */
export function extractBron(e: ExtractHerkomst): string {
  return e.soort === 'eigen' ? `eigen bestand ${e.bestand}` : e.bron;
}

/**
 * The source line of computed figures: every distinct source of the extracts read, then the
 * processing, e.g. "Synthetische demodata (seed 20240); bewerking Participatiemonitor" or
 * "Eigen bestand panel_2025q1.parquet; bewerking Participatiemonitor".
 */
export function bronTekst(h: Herkomst): string {
  const bronnen = [...new Set(h.extracts.map(extractBron))];
  if (bronnen.length === 0) return BEWERKING;
  const tekst = bronnen.join('; ');
  return `${tekst.charAt(0).toUpperCase()}${tekst.slice(1)}; ${BEWERKING}`;
}

/** The last peildatum of the data read (ISO), or a period when extracts end on different dates. */
export function peildatumTekst(h: Herkomst): string {
  const tot = [...new Set(h.extracts.map((e) => e.peildatumTot).filter((d): d is string => d !== null))].sort();
  if (tot.length === 0) return 'onbekend';
  if (tot.length === 1) return tot[0];
  return `${formatDatum(tot[0])} en ${formatDatum(tot[tot.length - 1])}`;
}

/** The fields of a ChartData that say where its numbers come from. */
export function grafiekHerkomst(h: Herkomst): { bron: string; peildatum: string; synthetisch: boolean } {
  return { bron: bronTekst(h), peildatum: peildatumTekst(h), synthetisch: h.synthetisch };
}

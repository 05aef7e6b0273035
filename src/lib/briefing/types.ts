/**
 * The briefing: a list of sections, each a view of a page in a given state plus what to include.
 * The whole briefing lives in the URL (a colleague opens the same briefing from a link) and in
 * localStorage between visits; nothing is uploaded. A section is recomputed from its view's
 * queries on whatever data is loaded, so its numbers are never copies.
 */
import type { Component } from 'svelte';
import type { ChartData } from '../charts/spec.ts';
import type { MetricQuery } from '../sql/query.ts';
import type { Herkomst } from '../query/herkomst.ts';
import type { PaginaId } from '../state/url.ts';

/** What a section shows. */
export interface Onderdelen {
  tekst: boolean;
  grafiek: boolean;
  tabel: boolean;
}

/**
 * Text the user edited. Numbers stay tied to computed values: the template holds {0}, {1}, …
 * where the drafted text had a number, and `waarden` the number texts at the time of editing,
 * so a later recomputation that changes a number is marked instead of silently kept or lost.
 */
export interface BewerkteTekst {
  sjabloon: string;
  waarden: string[];
}

export interface Sectie {
  /** Stable within the briefing ("s1", "s2", …). */
  id: string;
  /** Registry key of the view, e.g. "duurzaamheid/uitkomst". */
  view: string;
  /** The page's URL query string when the section was added ("basis=2023Q3&horizon=4"). */
  params: string;
  onderdelen: Onderdelen;
  /** Absent: the drafted text. */
  tekst?: BewerkteTekst;
}

export interface Briefing {
  titel: string;
  secties: Sectie[];
}

/** A drafted paragraph: plain text and numbers tied to computed values ("bijna 87 procent"). */
export type TekstDeel = string | { getal: string };

/** What a view gives the briefing, built from its answers. */
export interface BriefingInhoud {
  /** Section heading, e.g. "Duurzaamheid: werkzaam na 1 jaar, 3e kwartaal 2023". */
  kop: string;
  /** Table, source line, peildatum and synthetic flag (the same ChartData the page shows). */
  data: ChartData;
  /** The drafted paragraph in the style of the letters. */
  alinea: TekstDeel[];
  /** The chart as the page draws it. */
  grafiek?: { component: Component<any>; props: Record<string, unknown> };
}

/**
 * A view a briefing can hold: its queries from the page's filters (parsed from the section's
 * URL parameters with the page's own schema), and how to build it from the answers.
 * Some pages first ask what the data hold (the range of quarters or years) and pick their
 * default period from it, like the page does: `vooraf` is that question, and `vragen` gets its
 * answer (null when there is none).
 */
export interface BriefingView<F = any> {
  sleutel: string;
  pagina: PaginaId;
  /** Short Dutch name for the "add" confirmation and the section list. */
  naam: string;
  vooraf?(filters: F): MetricQuery<unknown> | null;
  /** At most MAX_VRAGEN queries; null while something is missing (the answer of `vooraf`). */
  vragen(filters: F, vooraf: unknown): (MetricQuery<unknown> | null)[] | null;
  /** Null when the answers hold nothing to show (the reason in `leeg`). */
  bouw(antwoorden: unknown[], herkomsten: (Herkomst | null)[], filters: F, vooraf: unknown): BriefingInhoud | null;
  /** Why a section is empty (shown instead of its content). */
  leeg?: string;
}

/** Queries one section may ask (the Briefing page keeps this many query states per section). */
export const MAX_VRAGEN = 6;

/**
 * The neutral document every export is written from (Word, Excel, rich text, print): what the
 * Briefing page shows, with numbers already formatted and suppressed cells as "<10"/"x".
 */
export interface DocumentSectie {
  kop: string;
  /** The paragraph as shown (edited or drafted). */
  alinea?: string;
  /** The table (rendered with celTekst for Word/HTML, numbers as numbers in Excel). */
  tabel?: ChartData;
  /** The chart as a standalone SVG (Word gets a PNG made from it). */
  grafiekSvg?: string;
  /** "Bron: …; peildatum …" as under the chart. */
  bronRegel: string;
  /** Present on synthetic data: the synthetic-data note. */
  synthetischeNoot?: string;
  voetnoten?: string[];
}

export interface BriefingDocument {
  titel: string;
  /** Date of the export in words ("6 december 2026"). */
  datum: string;
  /** Peildatum of the data in words. */
  peildatum: string;
  /** Link that reopens this briefing. */
  adres?: string;
  secties: DocumentSectie[];
}

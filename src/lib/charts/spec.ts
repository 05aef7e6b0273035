/**
 * The one description of a chart's data. The chart, its table twin, the CSV and the SVG/PNG
 * export are all rendered from the same ChartData object, so they cannot disagree.
 */
import {
  isOnderdrukt, onderdruktTekst, onderdrukteSoorten, TOELICHTING_AFGELEID, TOELICHTING_BESCHERMD, TOELICHTING_GEHEIM, TOELICHTING_KLEIN,
} from '../format/disclosure.ts';
import {
  formatAantal,
  formatDatum,
  formatEuro,
  formatGetal,
  formatKwartaal,
  formatKwartaalKort,
  formatPct,
  formatPeildatum,
} from '../format/nl.ts';

/**
 * - tekst: free text; jaar: a year (no thousands separator);
 * - aantal: a count (persons, banen); pct: a FRACTION (0.165 = 16,5%); euro: whole euros;
 * - kwartaal: '2021Q3'; datum: 'yyyy-mm-dd'.
 */
export type KolomType = 'tekst' | 'jaar' | 'aantal' | 'pct' | 'euro' | 'kwartaal' | 'datum';

export interface Kolom {
  key: string;
  label: string;
  type: KolomType;
  /** Decimals shown (and exported). Defaults: aantal 0, pct 1, euro as formatEuro. */
  decimalen?: number;
}

/** One published figure's source: which figure (label), the document it comes from, link and quote. */
export interface BronVermelding {
  label: string;
  /** The document as a reader names it ("UWV, via schulinck.nl"); see lib/published/bronvermelding.ts. */
  document?: string;
  url?: string;
  citaat?: string;
}

export interface ChartData {
  titel: string;
  ondertitel?: string;
  /** Short source line, e.g. "UWV, bewerking SZW". Shown as "Bron: …; peildatum …". */
  bron: string;
  /** ISO date (yyyy-mm-dd) or a period text. */
  peildatum: string;
  /** True for computed numbers on synthetic demo data: labelled "synthetische demodata" everywhere. */
  synthetisch: boolean;
  kolommen: Kolom[];
  rijen: Record<string, unknown>[];
  /** Extra notes shown under the chart and in every export. */
  voetnoten?: string[];
  /** Per-figure sources (published figures with URL and quote). */
  bronnen?: BronVermelding[];
}

export const LABEL_SYNTHETISCH = 'synthetische demodata';
/** The warning under every computed figure on synthetic data, in exports and copied text. */
export const NOOT_SYNTHETISCH = `Let op: ${LABEL_SYNTHETISCH}, geen gepubliceerde cijfers.`;

export function kolom(data: ChartData, key: string): Kolom {
  const k = data.kolommen.find((c) => c.key === key);
  if (!k) throw new Error(`Kolom "${key}" bestaat niet in "${data.titel}"`);
  return k;
}

export function isNumeriek(type: KolomType): boolean {
  return type === 'aantal' || type === 'pct' || type === 'euro';
}

/** A cell value as a number for drawing; null for missing or suppressed cells. */
export function alsGetal(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export const TEKST_ONTBREEKT = '–';

/** Display text of one cell, the same in table, tooltip, aria label and SVG label. */
export function celTekst(v: unknown, k: Kolom): string {
  if (isOnderdrukt(v)) return onderdruktTekst(v);
  if (v === null || v === undefined || v === '') return TEKST_ONTBREEKT;
  switch (k.type) {
    case 'tekst':
      return String(v);
    case 'jaar':
      return typeof v === 'number' ? formatGetal(v, 0) : String(v);
    case 'aantal':
      return typeof v === 'number' ? formatAantal(v, k.decimalen ?? 0) : String(v);
    case 'pct':
      return typeof v === 'number' ? formatPct(v, k.decimalen ?? 1) : String(v);
    case 'euro':
      return typeof v === 'number' ? formatEuro(v, { decimalen: k.decimalen }) : String(v);
    case 'kwartaal':
      return formatKwartaal(String(v));
    case 'datum':
      return formatDatum(String(v));
  }
}

/** Short form for axis ticks (quarters as "K3 2021"). */
export function asTekst(v: unknown, k: Kolom): string {
  if (k.type === 'kwartaal' && typeof v === 'string') return formatKwartaalKort(v);
  return celTekst(v, k);
}

/** "Bron: UWV, bewerking SZW; peildatum 30-09-2022". */
export function bronRegel(data: ChartData): string {
  return `Bron: ${data.bron}; peildatum ${formatPeildatum(data.peildatum)}`;
}

/** Footnotes for a chart: the given ones plus an explanation of each kind of suppressed cell. */
export function toelichtingen(data: ChartData): string[] {
  const uit = [...(data.voetnoten ?? [])];
  const soorten = onderdrukteSoorten(data.rijen);
  if (soorten.has('aantal')) uit.push(TOELICHTING_KLEIN);
  if (soorten.has('afgeleid')) uit.push(TOELICHTING_AFGELEID);
  if (soorten.has('bescherming')) uit.push(TOELICHTING_BESCHERMD);
  if (soorten.has('geheim')) uit.push(TOELICHTING_GEHEIM);
  // A page may have given one of these itself.
  return [...new Set(uit)];
}

/** Checks the columns a component needs exist and have a fitting type; a clear message otherwise. */
export function vereisKolommen(data: ChartData, keys: readonly string[], numeriek = true): Kolom[] {
  return keys.map((key) => {
    const k = kolom(data, key);
    if (numeriek && !isNumeriek(k.type)) {
      throw new Error(`Kolom "${key}" in "${data.titel}" is geen getal (type ${k.type})`);
    }
    return k;
  });
}

/** One series of a line chart. */
export interface LijnSerie {
  /** Column key (numeric column of the ChartData). */
  key: string;
  /** Legend label; defaults to the column label. */
  label?: string;
  /** 'lijn' solid, 'stippel' dashed (targets, forecasts), 'punten' markers only (published values). */
  stijl?: 'lijn' | 'stippel' | 'punten';
  /** Index into the series palette (default: position in the list); 'neutraal' = dark grey, e.g. for Nederland. */
  kleurIndex?: number | 'neutraal';
  /** Marker shape (default by position; 'punten' series default to 'ruit'). */
  marker?: 'cirkel' | 'vierkant' | 'driehoek' | 'ruit' | 'geen';
  /** An interval around the series, drawn as a light band: numeric columns of its bounds and what it is ("95%-interval"). */
  band?: { onder: string; boven: string; label: string };
}

/** A horizontal reference line: national value, target, threshold. */
export interface Referentielijn {
  waarde: number;
  label: string;
}

/**
 * Checks that the columns a chart needs exist and have an allowed type. Returns a Dutch message
 * for the first problem, or null. Charts show the message instead of throwing, so one wrong
 * specification cannot take a whole page down.
 */
export function controleerKolommen(data: ChartData, eisen: readonly { key: string; types?: readonly KolomType[] }[]): string | null {
  for (const e of eisen) {
    const k = data.kolommen.find((c) => c.key === e.key);
    if (!k) return `kolom "${e.key}" ontbreekt in "${data.titel}"`;
    if (e.types && !e.types.includes(k.type)) {
      return `kolom "${e.key}" in "${data.titel}" heeft type ${k.type}, verwacht ${e.types.join(' of ')}`;
    }
  }
  return null;
}

export const NUMERIEK: readonly KolomType[] = ['aantal', 'pct', 'euro'];

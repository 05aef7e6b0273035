/**
 * What the Briefing page shows, as the neutral document every export is written from (Word,
 * Excel, rich text): headings, the paragraph as shown, the table, the chart as standalone SVG,
 * source line, footnotes and the synthetic-data note. Numbers keep their ChartData form, so a
 * suppressed cell is "<10" or "x" in every export alike.
 */
import { bronRegel, NOOT_SYNTHETISCH } from '../../lib/charts/spec.ts';
import type { BriefingDocument, BriefingInhoud, DocumentSectie, Onderdelen } from '../../lib/briefing/types.ts';
import { formatDatumVoluit } from '../../lib/format/nl.ts';

/** What a section on the page shows now, for the exports. */
export interface SectieStand {
  inhoud: BriefingInhoud;
  /** The paragraph as shown (edited or drafted). */
  alinea: string;
  /** The drawn chart (its svg[data-pm-export]), when shown. */
  grafiek: HTMLElement | undefined;
}

/** "6 december 2026" (the date of a letter, the local calendar day). */
export function datumInWoorden(d: Date): string {
  const twee = (n: number) => String(n).padStart(2, '0');
  return formatDatumVoluit(`${d.getFullYear()}-${twee(d.getMonth() + 1)}-${twee(d.getDate())}`);
}

/** The briefing's peildatum: the latest of the sections' (ISO dates), else their texts; "onbekend" without sections. */
export function briefingPeildatum(peildata: readonly string[]): string {
  const iso = peildata.filter((p) => /^\d{4}-\d{2}-\d{2}$/.test(p)).sort();
  if (iso.length > 0) return formatDatumVoluit(iso[iso.length - 1]);
  const overig = [...new Set(peildata)];
  return overig.length > 0 ? overig.join(', ') : 'onbekend';
}

export function documentSectie(inhoud: BriefingInhoud, onderdelen: Onderdelen, alinea: string, grafiekSvg: string | undefined): DocumentSectie {
  return {
    kop: inhoud.kop,
    ...(onderdelen.tekst && alinea.trim() ? { alinea } : {}),
    ...(onderdelen.tabel ? { tabel: inhoud.data } : {}),
    ...(onderdelen.grafiek && grafiekSvg ? { grafiekSvg } : {}),
    bronRegel: bronRegel(inhoud.data),
    ...(inhoud.data.synthetisch ? { synthetischeNoot: NOOT_SYNTHETISCH } : {}),
    ...(inhoud.data.voetnoten?.length ? { voetnoten: inhoud.data.voetnoten } : {}),
  };
}

export function briefingDocument(titel: string, datum: Date, secties: { sectie: DocumentSectie; peildatum: string }[], adres?: string): BriefingDocument {
  return {
    titel,
    datum: datumInWoorden(datum),
    peildatum: briefingPeildatum(secties.map((s) => s.peildatum)),
    ...(adres ? { adres } : {}),
    secties: secties.map((s) => s.sectie),
  };
}

/**
 * What one Overzicht tile shows, as plain data built from a query's answer (the tile modules
 * duurzaamheid.ts, banen.ts, beschut.ts, buig.ts), so the numbers can be checked without a
 * browser: the headline figure in nl-NL, a sentence saying what it is, further lines, a small
 * trend (with its text alternative), the published counterpart with its citation, and the link
 * into the page with the same selection. Source, peildatum and the synthetic label come from the
 * answer's provenance in the component (grafiekHerkomst), never from here.
 */
import { isOnderdrukt, type Onderdrukt } from '../../lib/format/disclosure.ts';
import { formatPct } from '../../lib/format/nl.ts';
import type { Citatie } from '../../lib/published/bronvermelding.ts';

export interface TrendPunt {
  /** x label as a reader says it ("3e kwartaal 2021", "2019"). */
  label: string;
  /** null: not shown (suppressed, or not in the data). */
  waarde: number | null;
}

export interface TegelTrend {
  /** What the line shows, e.g. "Werkzaam na 1 jaar per basiskwartaal". */
  titel: string;
  punten: TrendPunt[];
  /** How a value reads (the text alternative names first, last, lowest and highest). */
  formaat: (v: number) => string;
}

export interface TegelGepubliceerd {
  /** The published figure in words, with its period ("UWV: 88% (3e kwartaal 2021 → 3e kwartaal 2022)"). */
  tekst: string;
  citatie: Citatie;
}

export interface TegelInhoud {
  /** What the headline figure is ("Werkzaam na 1 jaar"). */
  kop: string;
  /** The headline figure, formatted (or "x"/"<10" when suppressed). */
  waarde: string;
  /** One sentence that says what the figure is about. */
  uitleg: string;
  /** Further figures, one line each. */
  regels: string[];
  trend: TegelTrend | null;
  /** Published counterparts (none: the tile says there is none). */
  gepubliceerd: TegelGepubliceerd[];
  /** Said when nothing published is comparable. */
  geenGepubliceerd?: string;
  link: { href: string; tekst: string };
}

/** A trend of shares (one decimal); a protected share leaves a gap in the line. */
export function aandeelTrend<R>(titel: string, rijen: readonly R[], label: (r: R) => string, aandeel: (r: R) => number | Onderdrukt): TegelTrend {
  return {
    titel,
    punten: rijen.map((r) => {
      const a = aandeel(r);
      return { label: label(r), waarde: isOnderdrukt(a) ? null : a };
    }),
    formaat: (v) => formatPct(v, 1),
  };
}

/**
 * Text alternative of a trend line: "… van 84,1% (3e kwartaal 2015) tot 86,9% (3e kwartaal 2023);
 * laagste 83,0% (2016), hoogste 88,2% (2021)." Points without a value are left out and counted.
 */
export function trendBeschrijving(t: TegelTrend): string {
  const met = t.punten.filter((p): p is TrendPunt & { waarde: number } => p.waarde !== null);
  if (met.length === 0) return `${t.titel}: geen waarden om te tonen.`;
  const eerste = met[0];
  const laatste = met[met.length - 1];
  const f = (p: { label: string; waarde: number }) => `${t.formaat(p.waarde)} (${p.label})`;
  let tekst = met.length === 1 ? `${t.titel}: ${f(eerste)}` : `${t.titel}: van ${f(eerste)} tot ${f(laatste)}`;
  if (met.length > 2) {
    const laag = met.reduce((a, b) => (b.waarde < a.waarde ? b : a));
    const hoog = met.reduce((a, b) => (b.waarde > a.waarde ? b : a));
    tekst += `; laagste ${f(laag)}, hoogste ${f(hoog)}`;
  }
  const weg = t.punten.length - met.length;
  if (weg > 0) tekst += `; ${weg} ${weg === 1 ? 'punt' : 'punten'} niet getoond`;
  return `${tekst}.`;
}

/** The SVG path of a sparkline in a box of w × h (gaps where a point has no value). */
export function sparkPad(punten: readonly TrendPunt[], w: number, h: number, marge = 2): string {
  const waarden = punten.map((p) => p.waarde).filter((v): v is number => v !== null);
  if (waarden.length === 0) return '';
  const min = Math.min(...waarden);
  const max = Math.max(...waarden);
  const x = (i: number) => (punten.length === 1 ? w / 2 : marge + (i * (w - 2 * marge)) / (punten.length - 1));
  const y = (v: number) => (max === min ? h / 2 : h - marge - ((v - min) * (h - 2 * marge)) / (max - min));
  let pad = '';
  let open = false;
  punten.forEach((p, i) => {
    if (p.waarde === null) {
      open = false;
      return;
    }
    pad += `${open ? 'L' : 'M'}${r(x(i))},${r(y(p.waarde))}`;
    open = true;
  });
  return pad;
}

function r(v: number): string {
  return String(Math.round(v * 10) / 10);
}

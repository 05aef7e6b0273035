/**
 * Start level vs growth as data: the scatter's ChartData, its sentence, and the UWV finding
 * (published national growth 2015 – end 2017) beside the same figure computed from the loaded
 * data. Pure functions, from one overview answer.
 */
import type { ChartData, Kolom } from '../../lib/charts/spec.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { formatGetal, formatKwartaal } from '../../lib/format/nl.ts';
import type { RegioOverzicht } from '../../lib/metrics/regio.ts';
import { startniveauVersusGroei, type StartniveauGroei, type StartniveauMaat } from '../../lib/metrics/regio-startniveau.ts';
import { kleinsteKwadraten, pearsonR } from '../../lib/metrics/stats.ts';
import type { Onderdrukt } from '../../lib/format/disclosure.ts';
import { bronVermelding, type Citatie } from '../../lib/published/bronvermelding.ts';
import type { RegionaleGroeiRij } from '../../lib/published/reference.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import { beschermingsNoot, beschermOverzicht } from './beveiliging.ts';
import { BAAN_NOOT, herkomstVelden } from './grafieken.ts';

export const STARTNIVEAU_LABEL: Record<StartniveauMaat, string> = {
  aandeel_werkzaam: 'Aandeel werkzaam bij de start',
  banen_per_1000: 'Banen per 1.000 personen bij de start',
};

export interface GepubliceerdeGroei {
  banen: number;
  /** Fraction (0,165). */
  pct: number;
  periode: string;
  /** The document the figure comes from (the letter), with the quoted passage. */
  citatie: Citatie;
}

/** The UWV finding (national growth 2015 – end 2017) from regionale_groei.csv. */
export function gepubliceerdeGroei(rijen: readonly RegionaleGroeiRij[]): GepubliceerdeGroei | null {
  const abs = rijen.find((r) => r.regioCode === null && r.indicator === 'groei_aantal_banen_doelgroep');
  const pct = rijen.find((r) => r.regioCode === null && r.indicator === 'groei_aantal_banen_doelgroep_pct');
  if (!abs || !pct) return null;
  return { banen: abs.waarde, pct: pct.waarde / 100, periode: abs.peildatum, citatie: abs.citatie };
}

/** The published period (2015 through end 2017) in quarters: end 2015 → end 2017. */
export const GEPUBLICEERDE_PERIODE = { basis: '2015Q4', eind: '2017Q4' } as const;

export function spreidingData(s: VeiligStartniveau, herkomst: Herkomst, gepubliceerd: GepubliceerdeGroei | null): ChartData {
  const xType: Kolom = s.maat === 'aandeel_werkzaam'
    ? { key: 'x', label: STARTNIVEAU_LABEL[s.maat], type: 'pct', decimalen: 1 }
    : { key: 'x', label: STARTNIVEAU_LABEL[s.maat], type: 'aantal', decimalen: 1 };
  const rijen = s.punten
    .map((p) => ({ regio_naam: p.regio_naam ?? p.regio_code, regio_code: p.regio_code, x: p.x, y: p.y, groei: p.groei }))
    .sort((a, b) => String(a.regio_naam).localeCompare(String(b.regio_naam), 'nl'));
  const noten = [
    `Elke regio telt één keer mee in de lijn en in r (ongewogen), zoals in de vergelijking van UWV.`,
    BAAN_NOOT,
    ...beschermingsNoot(rijen),
  ];
  return {
    titel: `Startniveau ${formatKwartaal(s.basis)} tegen groei van het aantal banen tot ${formatKwartaal(s.eind)}`,
    ondertitel: correlatieZin(s),
    ...herkomstVelden(herkomst, s.eind),
    kolommen: [
      { key: 'regio_naam', label: 'Arbeidsmarktregio', type: 'tekst' },
      { key: 'regio_code', label: 'Code', type: 'tekst' },
      xType,
      { key: 'y', label: 'Groei aantal banen (%)', type: 'pct', decimalen: 1 },
      { key: 'groei', label: 'Groei aantal banen', type: 'aantal', decimalen: 0 },
    ],
    rijen,
    voetnoten: noten,
    bronnen: gepubliceerd ? [bronVermelding('Gepubliceerd: UWV-onderzoek regionale verschillen', gepubliceerd.citatie)] : undefined,
  };
}

/** "r = −0,52 over 35 regio's: regio's die hoger begonnen, groeiden gemiddeld minder." */
export function correlatieZin(s: Pick<StartniveauGroei, 'r' | 'fit' | 'n'>): string {
  if (s.r === null || s.fit === null) return `Te weinig regio's met een startniveau en een groei om een lijn te trekken (${s.n}).`;
  const richting = s.r < -0.1 ? "regio's die hoger begonnen, groeiden gemiddeld minder" : s.r > 0.1 ? "regio's die hoger begonnen, groeiden gemiddeld meer" : 'nauwelijks samenhang tussen startniveau en groei';
  return `Correlatie r = ${formatGetal(s.r, 2)} over ${s.n} regio's: ${richting}.`;
}

export interface GroeiVergelijking {
  gepubliceerd: GepubliceerdeGroei;
  berekendBanen: number;
  berekendPct: number | null;
  verschilBanen: number;
  /** True when the view's period is the published one (end 2015 → end 2017). */
  zelfdePeriode: boolean;
}

/** Null when disclosure control hides the national growth (it never does with 10 or more werkzaam in both quarters). */
export function groeiVergelijking(overzicht: RegioOverzicht, gepubliceerd: GepubliceerdeGroei): GroeiVergelijking | null {
  const groei = beschermOverzicht(overzicht).waarde('groei', null, overzicht.landelijk.groei_banen);
  if (typeof groei !== 'number') return null;
  return {
    gepubliceerd,
    berekendBanen: groei,
    berekendPct: overzicht.landelijk.groei_banen_rel,
    verschilBanen: groei - gepubliceerd.banen,
    zelfdePeriode: overzicht.basis === GEPUBLICEERDE_PERIODE.basis && overzicht.eind === GEPUBLICEERDE_PERIODE.eind,
  };
}

export interface VeiligPunt {
  regio_code: string;
  regio_naam: string | null;
  x: number | Onderdrukt | null;
  y: number | Onderdrukt | null;
  /** Growth in banen (absolute). */
  groei: number | Onderdrukt | null;
}

/** The scatter after disclosure control: line and r over the regions shown only. */
export interface VeiligStartniveau extends Omit<StartniveauGroei, 'punten'> {
  punten: VeiligPunt[];
}

/**
 * Start level against growth for the 35 regions, every value as the overview's disclosure table
 * allows (beveiliging.ts); a hidden point is left out of the line and r, so they give nothing of it away.
 */
export function startniveau(overzicht: RegioOverzicht, maat: StartniveauMaat): VeiligStartniveau {
  const s = startniveauVersusGroei(overzicht, maat);
  const b = beschermOverzicht(overzicht);
  const xMaat = maat === 'aandeel_werkzaam' ? 'aandeel_werkzaam_basis' : 'banen_per_1000_basis';
  const groei = new Map(overzicht.regios.map((r) => [r.regio_code, r.groei_banen]));
  const punten = s.punten
    .filter((p): p is typeof p & { regio_code: string } => p.regio_code !== null && Object.hasOwn(REGIO_NAMEN, p.regio_code))
    .map((p) => ({
      regio_code: p.regio_code,
      regio_naam: p.regio_naam,
      x: b.waarde(xMaat, p.regio_code, p.x),
      y: b.waarde('groei', p.regio_code, p.y),
      groei: b.waarde('groei', p.regio_code, groei.get(p.regio_code) ?? null),
    }));
  const compleet = punten.filter((p): p is VeiligPunt & { x: number; y: number } => typeof p.x === 'number' && typeof p.y === 'number');
  const getal = (v: number | Onderdrukt | null) => (typeof v === 'number' ? v : null);
  return {
    ...s,
    punten,
    fit: kleinsteKwadraten(compleet),
    r: pearsonR(compleet),
    n: compleet.length,
    landelijk: { x: getal(b.waarde(xMaat, null, s.landelijk.x)), y: getal(b.waarde('groei', null, s.landelijk.y)) },
  };
}

/**
 * The national growth, published (UWV) and computed, as ChartData: the table with its exports
 * (CSV with the source line and the citation of the published figure).
 */
export function landelijkeGroeiData(v: GroeiVergelijking, o: RegioOverzicht, herkomst: Pick<ChartData, 'bron' | 'peildatum' | 'synthetisch'>): ChartData {
  return {
    titel: 'Landelijke groei van het aantal banen: gepubliceerd en berekend',
    ondertitel: v.zelfdePeriode ? undefined : 'De gekozen periode is niet die van het UWV-onderzoek (4e kwartaal 2015 – 4e kwartaal 2017).',
    ...herkomst,
    kolommen: [
      { key: 'cijfer', label: 'Cijfer', type: 'tekst' },
      { key: 'periode', label: 'Periode', type: 'tekst' },
      { key: 'banen', label: 'Groei banen', type: 'aantal' },
      { key: 'pct', label: 'Groei (%)', type: 'pct', decimalen: 1 },
    ],
    rijen: [
      { cijfer: 'Gepubliceerd (UWV)', periode: '2015 tot en met eind 2017', banen: v.gepubliceerd.banen, pct: v.gepubliceerd.pct },
      { cijfer: 'Berekend', periode: `${formatKwartaal(o.basis)} – ${formatKwartaal(o.eind)}`, banen: v.berekendBanen, pct: v.berekendPct },
    ],
    bronnen: [bronVermelding('Gepubliceerd cijfer', v.gepubliceerd.citatie)],
  };
}

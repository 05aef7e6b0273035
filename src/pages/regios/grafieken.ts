/**
 * The Regio's page as data: for each view one ChartData built from the answers of the metric
 * layer (src/lib/metrics/regio*.ts). The map, the ranking bars, the table twin and the CSV of a
 * view all read the SAME ChartData object, so their numbers cannot differ. Pure functions: no
 * engine, no DOM; tested in test/regio-page.test.ts. The scatter and the funnel are in
 * spreiding.ts and trechter.ts.
 */
import { celTekst, type ChartData, type Kolom, type KolomType } from '../../lib/charts/spec.ts';
import { REGIO_CODES, REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import type { Reden } from '../../lib/disclosure/tabel.ts';
import { isOnderdrukt, type Onderdrukt } from '../../lib/format/disclosure.ts';
import { formatGetal, formatKwartaal } from '../../lib/format/nl.ts';
import { indexToKwartaal, kwartaalEinde, kwartaalToIndex, type Kwartaal } from '../../lib/kwartaal.ts';
import { cohortBasis, regioNaam, type RegioAandeel, type RegioDuurzaam, type RegioOverzicht, type Reeksen } from '../../lib/metrics/regio.ts';
import { aandeelTabel } from '../../lib/metrics/regio-aandeel.ts';
import { KAART_BRON } from '../../lib/metrics/regio-geo.ts';
import { geindexeerdeReeksen } from '../../lib/metrics/regio-index.ts';
import {
  indicatorTabel, regioProfiel, type NiveauIndicator, type RangTabel, type RegioIndicator,
} from '../../lib/metrics/regio-indicatoren.ts';
import { rangschik } from '../../lib/metrics/stats.ts';
import { UREN_PER_BAAN } from '../../lib/metrics/regio-sommen.ts';
import { grafiekHerkomst, type Herkomst } from '../../lib/query/herkomst.ts';
import { beschermCohort, beschermingsNoot, beschermOverzicht, beschermReeksen, redenNoten, type OverzichtMaat } from './beveiliging.ts';

// ---------------------------------------------------------------------------------------------
// Context shared by every chart of the page
// ---------------------------------------------------------------------------------------------

/**
 * Where a chart's numbers come from, read from the answer it was computed from (the demo extract
 * or the user's own file). The peildatum is the end of the quarter the chart shows, not the last
 * date in the extract.
 */
export function herkomstVelden(h: Herkomst, eind: Kwartaal): Pick<ChartData, 'bron' | 'peildatum' | 'synthetisch'> {
  const { bron, synthetisch } = grafiekHerkomst(h);
  return { bron, peildatum: kwartaalEinde(eind), synthetisch };
}

export const BAAN_NOOT = `Eén baan = 25,5 verloonde uren per week (${formatGetal(UREN_PER_BAAN, 1)} uur per kwartaal).`;

// ---------------------------------------------------------------------------------------------
// Indicators of the page (the URL's `indicator`) and how they map onto the metric layer
// ---------------------------------------------------------------------------------------------

export type PaginaIndicator = 'banen' | 'groei' | 'groei_pct' | 'werkzaam_pct' | 'register' | 'per1000' | 'duurzaam';

export interface PaginaIndicatorInfo {
  /** Label in the selector and as the value column's header. */
  label: string;
  /** Indicator in regio.ts; null for duurzaamheid (comes from the cohort metric). */
  metriek: RegioIndicator | null;
  type: KolomType;
  decimalen: number;
  /** Level series for the compare view and profile when this indicator is chosen. */
  reeks: NiveauIndicator;
  /** Level at the end quarter, change over the period, or the one-year cohort ending there. */
  soort: 'niveau' | 'groei' | 'cohort';
}

export const PAGINA_INDICATOREN: Record<PaginaIndicator, PaginaIndicatorInfo> = {
  banen: { label: 'Banen', metriek: 'banen', type: 'aantal', decimalen: 0, reeks: 'banen', soort: 'niveau' },
  groei: { label: 'Groei aantal banen', metriek: 'groei_banen', type: 'aantal', decimalen: 0, reeks: 'banen', soort: 'groei' },
  groei_pct: { label: 'Groei aantal banen (%)', metriek: 'groei_banen_rel', type: 'pct', decimalen: 1, reeks: 'banen', soort: 'groei' },
  werkzaam_pct: { label: 'Aandeel werkzaam', metriek: 'aandeel_werkzaam', type: 'pct', decimalen: 1, reeks: 'aandeel_werkzaam', soort: 'niveau' },
  register: { label: 'Personen in het doelgroepregister', metriek: 'personen', type: 'aantal', decimalen: 0, reeks: 'personen', soort: 'niveau' },
  per1000: { label: 'Banen per 1.000 personen in het register', metriek: 'banen_per_1000', type: 'aantal', decimalen: 1, reeks: 'banen_per_1000', soort: 'niveau' },
  duurzaam: { label: 'Werkzaam na 1 jaar', metriek: null, type: 'pct', decimalen: 1, reeks: 'banen', soort: 'cohort' },
};

export const PAGINA_INDICATOR_NAMEN = Object.keys(PAGINA_INDICATOREN) as PaginaIndicator[];

/** Longer wording for the selector (what exactly is measured). */
export const INDICATOR_KEUZE_TEKST: Record<PaginaIndicator, string> = {
  banen: 'Banen in het eindkwartaal',
  groei: 'Groei aantal banen sinds het beginkwartaal',
  groei_pct: 'Groei aantal banen sinds het beginkwartaal (%)',
  werkzaam_pct: 'Aandeel werkzaam in het eindkwartaal',
  register: 'Personen in het doelgroepregister in het eindkwartaal',
  per1000: 'Banen per 1.000 personen in het register (eindkwartaal)',
  duurzaam: 'Werkzaam na 1 jaar (duurzaamheid, cohort tot het eindkwartaal)',
};

/** "4e kwartaal 2015 – 4e kwartaal 2017". */
export function periodeTekst(basis: string, eind: string): string {
  return `${formatKwartaal(basis)} – ${formatKwartaal(eind)}`;
}

// ---------------------------------------------------------------------------------------------
// Map, ranking and table: one ChartData
// ---------------------------------------------------------------------------------------------

export interface KaartView {
  indicator: PaginaIndicator;
  basis: Kwartaal;
  eind: Kwartaal;
}

/** Where each page indicator is declared in the overview's table (beveiliging.ts). */
const OVERZICHT_MAAT: Record<Exclude<PaginaIndicator, 'duurzaam'>, OverzichtMaat> = {
  banen: 'banen', groei: 'groei', groei_pct: 'groei', werkzaam_pct: 'aandeel_werkzaam', register: 'personen', per1000: 'banen_per_1000',
};

export interface PaginaRij {
  regio_code: string | null;
  /** As it may be printed: the number, "<10" / "x", or null without data. */
  waarde: number | Onderdrukt | null;
  /** 1 = highest among the values shown (a hidden value has no place, so no gap betrays it). */
  rang: number | null;
}

/** The ranked table of one indicator after disclosure control: what map, ranking, table, CSV, profile and briefing read. */
export interface PaginaTabel {
  /** Regions with a value shown first (by rank), then hidden ones, then those without data. */
  rijen: PaginaRij[];
  landelijk: number | Onderdrukt | null;
  /** Codes outside the 35 (or NULL): in the national figure, not on the map. */
  onbekend: (string | null)[];
}

/**
 * The ranked table of the chosen indicator (from the overview, or from the cohort for
 * duurzaamheid), through the page's disclosure tables: every value is what the one module
 * allows (beveiliging.ts), and places are counted over the values shown.
 */
export function rangTabel(view: KaartView, overzicht: RegioOverzicht, duurzaam: readonly RegioAandeel[] | null, basisKwartaal: RegioDuurzaam['basisKwartaal'] = []): PaginaTabel {
  const info = PAGINA_INDICATOREN[view.indicator];
  if (view.indicator === 'duurzaam') {
    if (!duurzaam) throw new Error('Duurzaamheid per regio is nog niet berekend.');
    const c = beschermCohort(duurzaam, basisKwartaal);
    return beveiligd(aandeelTabel(duurzaam, info.label), (code) => c.aandeel(code));
  }
  const o = beschermOverzicht(overzicht);
  const maat = OVERZICHT_MAAT[view.indicator];
  return beveiligd(indicatorTabel(overzicht, info.metriek!), (code, v) => o.waarde(maat, code, v));
}

function beveiligd(t: RangTabel, veilig: (code: string | null, v: number) => number | Onderdrukt | null): PaginaTabel {
  const waarde = (code: string | null, v: number | null) => (v === null ? null : veilig(code, v));
  const opKaart = (code: string | null) => code !== null && Object.hasOwn(REGIO_NAMEN, code);
  const rijen = t.rijen
    .filter((r) => opKaart(r.regio_code))
    .map((r) => ({ regio_code: r.regio_code, waarde: waarde(r.regio_code, r.waarde) }));
  const gerangschikt = rangschik(rijen, (r) => (typeof r.waarde === 'number' ? r.waarde : null));
  const volgorde = (r: PaginaRij) => (typeof r.waarde === 'number' ? 0 : r.waarde === null ? 2 : 1);
  return {
    rijen: gerangschikt.map((g) => ({ ...g.rij, rang: g.rang })).sort((a, b) => volgorde(a) - volgorde(b)),
    landelijk: waarde(null, t.landelijk),
    onbekend: t.rijen.filter((r) => !opKaart(r.regio_code)).map((r) => r.regio_code),
  };
}

export interface KaartRij extends Record<string, unknown> {
  regio_naam: string;
  regio_code: string;
  waarde: number | Onderdrukt | null;
  rang: number | null;
}

/**
 * ChartData of the map view: one row per region (all 35, in rank order, hidden values and
 * regions without data last), the value column typed by indicator. The values are those of the
 * protected table (rangTabel), so nothing is drawn that disclosure control hides.
 */
export function kaartData(view: KaartView, tabel: PaginaTabel, herkomst: Herkomst): ChartData {
  const info = PAGINA_INDICATOREN[view.indicator];
  const perCode = new Map(tabel.rijen.map((r) => [r.regio_code!, r]));
  const ontbrekend = REGIO_CODES.filter((c) => !perCode.has(c));
  const rijen: KaartRij[] = [
    ...tabel.rijen.map((r) => ({ regio_naam: REGIO_NAMEN[r.regio_code!], regio_code: r.regio_code!, waarde: r.waarde, rang: r.rang })),
    ...ontbrekend.map((c) => ({ regio_naam: REGIO_NAMEN[c], regio_code: c, waarde: null, rang: null })),
  ];
  const onbekend = tabel.onbekend;
  const noten = [BAAN_NOOT];
  if (info.soort === 'groei') noten.unshift(`Groei: verschil tussen ${formatKwartaal(view.basis)} en ${formatKwartaal(view.eind)}.`);
  if (info.soort === 'cohort')
    noten.unshift(`Werkzaam na 1 jaar: van wie in ${formatKwartaal(cohortBasis(view.eind))} in het register stond en werkte, het deel dat in ${formatKwartaal(view.eind)} nog werkte; regio op het beginmoment.`);
  if (onbekend.length > 0)
    noten.push(`${onbekend.length} ${onbekend.length === 1 ? 'groep' : 'groepen'} met een onbekende of lege regiocode (${onbekend.map((c) => c ?? 'leeg').join(', ')}) ${onbekend.length === 1 ? 'telt' : 'tellen'} mee in het landelijke cijfer, maar ${onbekend.length === 1 ? 'staat' : 'staan'} niet op de kaart.`);
  if (ontbrekend.length > 0) noten.push(`Geen gegevens voor ${ontbrekend.map((c) => REGIO_NAMEN[c]).join(', ')}.`);
  noten.push(KAART_BRON, ...beschermingsNoot(rijen));
  const landelijk = tabel.landelijk;
  const waardeKolom: Kolom = { key: 'waarde', label: info.label, type: info.type, decimalen: info.decimalen };
  return {
    titel: `${info.label} per arbeidsmarktregio, ${info.soort === 'groei' ? periodeTekst(view.basis, view.eind) : info.soort === 'cohort' ? `cohort ${periodeTekst(cohortBasis(view.eind), view.eind)}` : formatKwartaal(view.eind)}`,
    ondertitel: landelijk === null ? undefined : `Nederland: ${celTekst(landelijk, waardeKolom)}. Plaats 1 = hoogste waarde.`,
    ...herkomstVelden(herkomst, view.eind),
    kolommen: [
      { key: 'regio_naam', label: 'Arbeidsmarktregio', type: 'tekst' },
      { key: 'regio_code', label: 'Code', type: 'tekst' },
      waardeKolom,
      { key: 'rang', label: 'Plaats', type: 'aantal' },
    ],
    rijen,
    voetnoten: noten,
  };
}

// ---------------------------------------------------------------------------------------------
// Compare: indexed series, wide table
// ---------------------------------------------------------------------------------------------

export const REEKS_LABEL: Record<NiveauIndicator, string> = {
  banen: 'banen',
  banen_markt: 'banen in de marktsector',
  banen_overheid: 'banen bij de overheid',
  banen_regulier: 'banen in regulier dienstverband',
  banen_uitzend: 'banen via uitzendwerk',
  banen_detachering: 'banen via detachering',
  personen: 'personen in het register',
  werkzaam: 'werkzame personen',
  aandeel_werkzaam: 'aandeel werkzaam',
  banen_per_1000: 'banen per 1.000 personen in het register',
};

export function reeksKey(code: string | null): string {
  return code === null ? 'landelijk' : `r_${code}`;
}

/**
 * Wide table: one row per quarter, Nederland and each chosen region as index (base quarter = 100),
 * or with `maat` 'groei_pct' as growth since the base quarter (a fraction: index / 100 − 1).
 * `reeksen` holds every region (regioReeksenQuery without a choice): the quarters' tables need them.
 */
export function vergelijkData(
  reeksen: Reeksen,
  indicator: NiveauIndicator,
  basis: Kwartaal,
  regios: readonly string[],
  herkomst: Herkomst,
  maat: 'index' | 'groei_pct' = 'index',
): ChartData {
  const geindexeerd = geindexeerdeReeksen({ ...reeksen, regios: reeksen.regios.filter((r) => r.regio_code !== null && regios.includes(r.regio_code)) }, indicator, basis);
  // A point rests on the counts of its quarter and the base quarter: shown only when both are
  // printed in their quarter's own table (built from every region's series).
  const veilig = beschermReeksen(reeksen, indicator, indexToKwartaal(kwartaalToIndex(basis)), regios);
  const perKey = new Map(geindexeerd.map((g) => [reeksKey(g.regio_code), g]));
  const kwartalen = [...new Set(geindexeerd.flatMap((g) => g.punten.map((p) => p.kwartaal)))].sort((a, b) => kwartaalToIndex(a) - kwartaalToIndex(b));
  const keys = ['landelijk', ...regios.map(reeksKey)];
  const omzet = (index: number | null) => (index === null ? null : maat === 'index' ? index : index / 100 - 1);
  const codes = new Map<string, string | null>([['landelijk', null], ...regios.map((c) => [reeksKey(c), c] as const)]);
  const rijen = kwartalen.map((kw) => {
    const rij: Record<string, unknown> = { kwartaal: kw };
    for (const key of keys) {
      const v = omzet(perKey.get(key)?.punten.find((p) => p.kwartaal === kw)?.index ?? null);
      rij[key] = v === null ? null : veilig.punt(codes.get(key)!, kw, v);
    }
    return rij;
  });
  const groei = maat === 'groei_pct';
  const type = groei ? ('pct' as const) : ('aantal' as const);
  return {
    titel: groei
      ? `Groei van het aantal ${REEKS_LABEL[indicator]} sinds ${formatKwartaal(basis)} (%) per regio tegen Nederland, ${periodeTekst(reeksen.van, reeksen.tot)}`
      : `Ontwikkeling van het aantal ${REEKS_LABEL[indicator]} per regio tegen Nederland, ${periodeTekst(reeksen.van, reeksen.tot)}`,
    ondertitel: groei
      ? `Procentuele groei ten opzichte van ${formatKwartaal(basis)} (= 0%). Elke regio ten opzichte van haar eigen beginwaarde, zodat grote en kleine regio's vergelijkbaar zijn.`
      : `Index: ${formatKwartaal(basis)} = 100. Elke regio ten opzichte van haar eigen beginwaarde, zodat grote en kleine regio's vergelijkbaar zijn.`,
    ...herkomstVelden(herkomst, reeksen.tot),
    kolommen: [
      { key: 'kwartaal', label: 'Kwartaal', type: 'kwartaal' },
      { key: 'landelijk', label: 'Nederland', type, decimalen: 1 },
      ...regios.map((c) => ({ key: reeksKey(c), label: REGIO_NAMEN[c] ?? c, type, decimalen: 1 })),
    ],
    rijen,
    voetnoten: indicator.startsWith('banen') ? [BAAN_NOOT] : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Region profile (factsheet)
// ---------------------------------------------------------------------------------------------

export interface ProfielRegel {
  indicator: PaginaIndicator;
  label: string;
  regio: string;
  nederland: string;
  plaats: string;
  /** The place as a number (null when not shown) and the number of regions with a value shown. */
  rang: number | null;
  van: number;
  /**
   * For the position strip: every region's value, the region's own and the national one (null
   * when suppressed or missing, and for totals such as banen: Nederland is the sum, not a level
   * a region can be compared with).
   */
  waarden: number[];
  eigen: number | null;
  landelijk: number | null;
  kolom: Kolom;
  /** Why the region's value is not shown (null when it is): for a sentence that says the true reason. */
  reden: Reden | null;
}

const PROFIEL_INDICATOREN: PaginaIndicator[] = ['banen', 'groei', 'groei_pct', 'werkzaam_pct', 'per1000', 'register', 'duurzaam'];

/** Key figures of one region with the national value and its place among the 35. */
export function profielRegels(
  view: KaartView, code: string, overzicht: RegioOverzicht, duurzaam: readonly RegioAandeel[] | null, herkomst: Herkomst, basisKwartaal: RegioDuurzaam['basisKwartaal'] = [],
): ProfielRegel[] | null {
  if (!regioProfiel(overzicht, code)) return null;
  const uit: ProfielRegel[] = [];
  for (const indicator of PROFIEL_INDICATOREN) {
    if (indicator === 'duurzaam' && !duurzaam) continue;
    const v = { ...view, indicator };
    const tabel = rangTabel(v, overzicht, duurzaam, basisKwartaal);
    const data = kaartData(v, tabel, herkomst);
    const k = data.kolommen[2];
    const eigen = data.rijen.find((r) => r.regio_code === code)!;
    const van = data.rijen.filter((r) => typeof r.waarde === 'number').length;
    const tekst = (x: unknown) => celTekst(x, k);
    const info = PAGINA_INDICATOREN[indicator];
    uit.push({
      indicator,
      label: info.soort === 'groei' ? `${info.label} sinds ${formatKwartaal(view.basis)}` : info.soort === 'cohort' ? `${info.label} (cohort ${formatKwartaal(cohortBasis(view.eind))})` : info.label,
      regio: tekst(eigen.waarde),
      nederland: tabel.landelijk === null ? '–' : tekst(tabel.landelijk),
      plaats: typeof eigen.rang === 'number' ? `${eigen.rang} van ${van}` : '–',
      rang: typeof eigen.rang === 'number' ? eigen.rang : null,
      van,
      waarden: data.rijen.map((r) => r.waarde).filter((x): x is number => typeof x === 'number'),
      eigen: typeof eigen.waarde === 'number' ? eigen.waarde : null,
      landelijk: info.type === 'aantal' && indicator !== 'per1000' ? null : typeof tabel.landelijk === 'number' ? tabel.landelijk : null,
      kolom: k,
      reden: isOnderdrukt(eigen.waarde) ? (eigen.waarde.soort === 'bescherming' ? 'bescherming' : 'klein') : null,
    });
  }
  return uit;
}

/** ChartData of the profile's key figures (text cells: the units differ per row). */
export function profielData(view: KaartView, code: string, regels: readonly ProfielRegel[], herkomst: Herkomst): ChartData {
  const naam = regioNaam(code) ?? code;
  return {
    titel: `Profiel ${naam} (${code}), ${formatKwartaal(view.eind)}`,
    ondertitel: `Kerncijfers van de arbeidsmarktregio ${naam}, met Nederland en de plaats onder de 35 regio's (1 = hoogste waarde).`,
    ...herkomstVelden(herkomst, view.eind),
    kolommen: [
      { key: 'label', label: 'Kerncijfer', type: 'tekst' },
      { key: 'regio', label: naam, type: 'tekst' },
      { key: 'nederland', label: 'Nederland', type: 'tekst' },
      { key: 'plaats', label: 'Plaats', type: 'tekst' },
    ],
    rijen: regels.map((r) => ({ label: r.label, regio: r.regio, nederland: r.nederland, plaats: r.plaats })),
    voetnoten: [BAAN_NOOT, ...redenNoten(regels.map((r) => ({ reden: r.reden, tekst: r.regio })))],
  };
}

/** Series of one region and Nederland, indexed to the base quarter, for the profile. */
export function profielReeksData(reeksen: Reeksen, code: string, basis: Kwartaal, herkomst: Herkomst): ChartData {
  const d = vergelijkData(reeksen, 'banen', basis, [code], herkomst);
  return { ...d, titel: `Banen in ${regioNaam(code) ?? code} en Nederland, ${periodeTekst(reeksen.van, reeksen.tot)}`, ondertitel: `Index: ${formatKwartaal(basis)} = 100.` };
}

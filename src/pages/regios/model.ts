/**
 * The Regio's page as data: for each view one ChartData built from the metric layer's results
 * (src/lib/metrics/regio.ts, stats.ts). The map, the ranking bars, the table twin and the CSV of
 * a view all read the SAME ChartData object, so their numbers cannot differ. Pure functions: no
 * engine, no DOM; tested in test/regio-page.test.ts.
 */
import { celTekst, type ChartData, type Kolom, type KolomType } from '../../lib/charts/spec.ts';
import { REGIO_CODES, REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { AFGELEID, DREMPEL, KLEIN, type Onderdrukt } from '../../lib/format/disclosure.ts';
import { formatGetal, formatKwartaal, formatPct } from '../../lib/format/nl.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import { KAART_BRON } from '../../lib/metrics/regio-geo.ts';
import {
  aandeelTabel, geindexeerdeReeksen, indicatorTabel, regioFunnel, regioNaam, regioProfiel, startniveauVersusGroei, UREN_PER_BAAN,
  type NiveauIndicator, type RangTabel, type RegioIndicator, type RegioOverzicht, type Reeksen, type StartniveauGroei, type StartniveauMaat,
} from '../../lib/metrics/regio.ts';
import { indexToKwartaal, kwartaalEinde, kwartaalToIndex, type Kwartaal } from '../../lib/kwartaal.ts';
import { funnelCurve, type FunnelCurvePunt } from '../../lib/metrics/stats.ts';
import type { RegionaleGroeiRij } from '../../lib/published/reference.ts';

// ---------------------------------------------------------------------------------------------
// Context shared by every chart of the page
// ---------------------------------------------------------------------------------------------

export interface Herkomst {
  /** Source line of computed figures, e.g. "Synthetische demodata (…)" or "Eigen extract panel.parquet". */
  bron: string;
  synthetisch: boolean;
}

const BAAN_NOOT = `Eén baan = 25,5 verloonde uren per week (${formatGetal(UREN_PER_BAAN, 1)} uur per kwartaal).`;

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

/** Base quarter of the one-year cohort whose outcome falls in the end quarter. */
export function cohortBasis(eind: string): Kwartaal {
  return indexToKwartaal(kwartaalToIndex(eind) - 4);
}

/** "4e kwartaal 2015 – 4e kwartaal 2017". */
export function periodeTekst(basis: string, eind: string): string {
  return `${formatKwartaal(basis)} – ${formatKwartaal(eind)}`;
}

// ---------------------------------------------------------------------------------------------
// Duurzaamheid by region as funnel/map input
// ---------------------------------------------------------------------------------------------

export interface DuurzaamRegio {
  regio_code: string | null;
  /** Werkzaam at the base quarter (the cohort). */
  n: number;
  /** Of whom werkzaam one year later. */
  k: number;
}

/** Cohort rows split by regio_code (groep = code, 'onbekend' for NULL) as n/k per region. */
export function duurzaamPerRegio(rijen: readonly UitkomstRij[]): DuurzaamRegio[] {
  return rijen.map((r) => ({ regio_code: r.groep === 'onbekend' ? null : r.groep, n: r.cohort, k: r.werkzaam }));
}

// ---------------------------------------------------------------------------------------------
// Map, ranking and table: one ChartData
// ---------------------------------------------------------------------------------------------

export interface KaartView {
  indicator: PaginaIndicator;
  basis: Kwartaal;
  eind: Kwartaal;
}

/** The ranked table of the chosen indicator (from the overview, or from the cohort for duurzaamheid). */
export function rangTabel(view: KaartView, overzicht: RegioOverzicht, duurzaam: readonly DuurzaamRegio[] | null): RangTabel {
  const info = PAGINA_INDICATOREN[view.indicator];
  if (info.metriek) return indicatorTabel(overzicht, info.metriek);
  if (!duurzaam) throw new Error('Duurzaamheid per regio is nog niet berekend.');
  return aandeelTabel(duurzaam, info.label);
}

/**
 * A value as shown. Counts of people under 10 become "<10"; anything resting on fewer than 10
 * people (banen, growth, shares in a tiny region; a cohort share with n or k under 10) becomes "x".
 */
function veilig(indicator: PaginaIndicator, v: number | null, personen: number, teller: number | undefined): number | Onderdrukt | null {
  if (v === null) return null;
  if (indicator === 'register') return v < DREMPEL ? KLEIN : v;
  if (personen < DREMPEL || (teller !== undefined && teller < DREMPEL)) return AFGELEID;
  return v;
}

export interface KaartRij extends Record<string, unknown> {
  regio_naam: string;
  regio_code: string;
  waarde: number | Onderdrukt | null;
  rang: number | null;
}

/**
 * ChartData of the map view: one row per region (all 35, in rank order, regions without data
 * last), the value column typed by indicator. Person counts under 10 and values resting on them
 * are suppressed before anything is drawn.
 */
export function kaartData(view: KaartView, tabel: RangTabel, herkomst: Herkomst, duurzaam: readonly DuurzaamRegio[] | null = null): ChartData {
  const info = PAGINA_INDICATOREN[view.indicator];
  const perCode = new Map(tabel.rijen.filter((r) => r.regio_code !== null).map((r) => [r.regio_code!, r]));
  const kPerCode = new Map((duurzaam ?? []).map((d) => [d.regio_code, d.k]));
  const bekend = tabel.rijen.filter((r) => r.regio_code !== null && Object.hasOwn(REGIO_NAMEN, r.regio_code));
  const ontbrekend = REGIO_CODES.filter((c) => !perCode.has(c));
  const rijen: KaartRij[] = [
    ...bekend.map((r) => {
      const waarde = veilig(view.indicator, r.waarde, r.personen, info.soort === 'cohort' ? kPerCode.get(r.regio_code) : undefined);
      return { regio_naam: REGIO_NAMEN[r.regio_code!], regio_code: r.regio_code!, waarde, rang: typeof waarde === 'number' ? r.rang : null };
    }),
    ...ontbrekend.map((c) => ({ regio_naam: REGIO_NAMEN[c], regio_code: c, waarde: null, rang: null })),
  ];
  const onbekend = tabel.rijen.filter((r) => !(r.regio_code !== null && Object.hasOwn(REGIO_NAMEN, r.regio_code)));
  const noten = [BAAN_NOOT];
  if (info.soort === 'groei') noten.unshift(`Groei: verschil tussen ${formatKwartaal(view.basis)} en ${formatKwartaal(view.eind)}.`);
  if (info.soort === 'cohort')
    noten.unshift(`Werkzaam na 1 jaar: van wie in ${formatKwartaal(cohortBasis(view.eind))} in het register stond en werkte, het deel dat in ${formatKwartaal(view.eind)} nog werkte; regio op het beginmoment.`);
  if (onbekend.length > 0)
    noten.push(`${onbekend.length} ${onbekend.length === 1 ? 'groep' : 'groepen'} met een onbekende of lege regiocode (${onbekend.map((r) => r.regio_code ?? 'leeg').join(', ')}) ${onbekend.length === 1 ? 'telt' : 'tellen'} mee in het landelijke cijfer, maar ${onbekend.length === 1 ? 'staat' : 'staan'} niet op de kaart.`);
  if (ontbrekend.length > 0) noten.push(`Geen gegevens voor ${ontbrekend.map((c) => REGIO_NAMEN[c]).join(', ')}.`);
  noten.push(KAART_BRON);
  const landelijk = tabel.landelijk;
  const waardeKolom: Kolom = { key: 'waarde', label: info.label, type: info.type, decimalen: info.decimalen };
  return {
    titel: `${info.label} per arbeidsmarktregio, ${info.soort === 'groei' ? periodeTekst(view.basis, view.eind) : info.soort === 'cohort' ? `cohort ${periodeTekst(cohortBasis(view.eind), view.eind)}` : formatKwartaal(view.eind)}`,
    ondertitel: landelijk === null ? undefined : `Nederland: ${celTekst(landelijk, waardeKolom)}. Plaats 1 = hoogste waarde.`,
    bron: herkomst.bron,
    peildatum: kwartaalEinde(view.eind),
    synthetisch: herkomst.synthetisch,
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
// Start level vs growth (scatter)
// ---------------------------------------------------------------------------------------------

export const STARTNIVEAU_LABEL: Record<StartniveauMaat, string> = {
  aandeel_werkzaam: 'Aandeel werkzaam bij de start',
  banen_per_1000: 'Banen per 1.000 personen bij de start',
};

export interface GepubliceerdeGroei {
  banen: number;
  /** Fraction (0,165). */
  pct: number;
  periode: string;
  bron: string;
  citaat: string;
}

/** The UWV finding (national growth 2015 – end 2017) from regionale_groei.csv. */
export function gepubliceerdeGroei(rijen: readonly RegionaleGroeiRij[]): GepubliceerdeGroei | null {
  const abs = rijen.find((r) => r.regioCode === null && r.indicator === 'groei_aantal_banen_doelgroep');
  const pct = rijen.find((r) => r.regioCode === null && r.indicator === 'groei_aantal_banen_doelgroep_pct');
  if (!abs || !pct) return null;
  return { banen: abs.waarde, pct: pct.waarde / 100, periode: abs.peildatum, bron: abs.source, citaat: abs.quote };
}

/** The published period (2015 through end 2017) in quarters: end 2015 → end 2017. */
export const GEPUBLICEERDE_PERIODE = { basis: '2015Q4', eind: '2017Q4' } as const;

export function spreidingData(s: StartniveauGroei, herkomst: Herkomst, gepubliceerd: GepubliceerdeGroei | null, groeiBanen: Map<string | null, number>): ChartData {
  const xType: Kolom = s.maat === 'aandeel_werkzaam'
    ? { key: 'x', label: STARTNIVEAU_LABEL[s.maat], type: 'pct', decimalen: 1 }
    : { key: 'x', label: STARTNIVEAU_LABEL[s.maat], type: 'aantal', decimalen: 1 };
  const rijen = s.punten
    .filter((p) => p.regio_code !== null && Object.hasOwn(REGIO_NAMEN, p.regio_code))
    .map((p) => ({ regio_naam: p.regio_naam ?? p.regio_code, regio_code: p.regio_code, x: p.x, y: p.y, groei: groeiBanen.get(p.regio_code) ?? null }))
    .sort((a, b) => String(a.regio_naam).localeCompare(String(b.regio_naam), 'nl'));
  const noten = [
    `Elke regio telt één keer mee in de lijn en in r (ongewogen), zoals in de vergelijking van UWV.`,
    BAAN_NOOT,
  ];
  return {
    titel: `Startniveau ${formatKwartaal(s.basis)} tegen groei van het aantal banen tot ${formatKwartaal(s.eind)}`,
    ondertitel: correlatieZin(s),
    bron: herkomst.bron,
    peildatum: kwartaalEinde(s.eind),
    synthetisch: herkomst.synthetisch,
    kolommen: [
      { key: 'regio_naam', label: 'Arbeidsmarktregio', type: 'tekst' },
      { key: 'regio_code', label: 'Code', type: 'tekst' },
      xType,
      { key: 'y', label: 'Groei aantal banen (%)', type: 'pct', decimalen: 1 },
      { key: 'groei', label: 'Groei aantal banen', type: 'aantal', decimalen: 0 },
    ],
    rijen,
    voetnoten: noten,
    bronnen: gepubliceerd
      ? [{ label: `Gepubliceerd (UWV-onderzoek regionale verschillen, ${bronKort(gepubliceerd.bron)})`, citaat: gepubliceerd.citaat }]
      : undefined,
  };
}

function bronKort(source: string): string {
  const m = /\((.*)\)\s*$/.exec(source);
  return m ? m[1] : source;
}

/** "r = −0,52 over 35 regio's: regio's die hoger begonnen, groeiden gemiddeld minder." */
export function correlatieZin(s: StartniveauGroei): string {
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

export function groeiVergelijking(overzicht: RegioOverzicht, gepubliceerd: GepubliceerdeGroei): GroeiVergelijking {
  return {
    gepubliceerd,
    berekendBanen: overzicht.landelijk.groei_banen,
    berekendPct: overzicht.landelijk.groei_banen_rel,
    verschilBanen: overzicht.landelijk.groei_banen - gepubliceerd.banen,
    zelfdePeriode: overzicht.basis === GEPUBLICEERDE_PERIODE.basis && overzicht.eind === GEPUBLICEERDE_PERIODE.eind,
  };
}

export function startniveau(overzicht: RegioOverzicht, maat: StartniveauMaat): { s: StartniveauGroei; groei: Map<string | null, number> } {
  return { s: startniveauVersusGroei(overzicht, maat), groei: new Map(overzicht.regios.map((r) => [r.regio_code, r.groei_banen])) };
}

// ---------------------------------------------------------------------------------------------
// Funnel (werkzaam na 1 jaar by region)
// ---------------------------------------------------------------------------------------------

export type Signaal = 'boven998' | 'boven95' | 'binnen' | 'onder95' | 'onder998';

const OORDEEL_TEKST: Record<Signaal, string> = {
  boven998: 'boven de 99,8%-grens',
  boven95: 'boven de 95%-grens',
  binnen: 'binnen de grenzen',
  onder95: 'onder de 95%-grens',
  onder998: 'onder de 99,8%-grens',
};

export interface TrechterModel {
  data: ChartData;
  p0: number;
  curve: FunnelCurvePunt[];
}

export function trechterData(eind: Kwartaal, invoer: readonly DuurzaamRegio[], herkomst: Herkomst): TrechterModel | null {
  const f = regioFunnel(invoer);
  if (f.p0 === null) return null;
  const p0 = f.p0;
  const rijen = f.punten
    .filter((p) => p.regio_code !== null && Object.hasOwn(REGIO_NAMEN, p.regio_code))
    .map((p) => {
      const klein = p.n < DREMPEL || p.k < DREMPEL;
      const signaal: Signaal =
        klein || p.p === null ? 'binnen'
          : p.oordeel998 === 'boven' ? 'boven998' : p.oordeel95 === 'boven' ? 'boven95'
            : p.oordeel998 === 'onder' ? 'onder998' : p.oordeel95 === 'onder' ? 'onder95' : 'binnen';
      return {
        regio_naam: p.regio_naam ?? p.regio_code,
        regio_code: p.regio_code,
        n: p.n < DREMPEL ? KLEIN : p.n,
        k: p.k < DREMPEL ? KLEIN : p.k,
        p: klein ? AFGELEID : p.p,
        onder95: klein ? AFGELEID : (p.grenzen95?.onder ?? null),
        boven95: klein ? AFGELEID : (p.grenzen95?.boven ?? null),
        onder998: klein ? AFGELEID : (p.grenzen998?.onder ?? null),
        boven998: klein ? AFGELEID : (p.grenzen998?.boven ?? null),
        oordeel: klein ? 'x' : OORDEEL_TEKST[signaal],
        signaal,
      };
    })
    .sort((a, b) => String(a.regio_naam).localeCompare(String(b.regio_naam), 'nl'));
  const ns = f.punten.filter((p) => p.regio_code !== null && p.n >= DREMPEL).map((p) => p.n);
  const nMin = Math.max(1, Math.floor(Math.min(...ns, 1e12) * 0.5));
  const nMax = Math.max(nMin + 1, Math.ceil(Math.max(...ns, 1) * 1.1));
  const buiten = rijen.filter((r) => r.signaal !== 'binnen');
  const basis = cohortBasis(eind);
  return {
    p0,
    curve: funnelCurve(p0, nMin, nMax, 120),
    data: {
      titel: `Werkzaam na 1 jaar per arbeidsmarktregio tegen de omvang van de groep, cohort ${periodeTekst(basis, eind)}`,
      ondertitel: `Landelijk ${formatPct(p0, 1)}. ${buiten.length === 0 ? 'Geen enkele regio ligt buiten de 95%-grenzen.' : `${buiten.length} ${buiten.length === 1 ? 'regio ligt' : "regio's liggen"} buiten de 95%-grenzen, waarvan ${buiten.filter((r) => r.signaal.endsWith('998')).length} buiten de 99,8%-grenzen.`}`,
      bron: herkomst.bron,
      peildatum: kwartaalEinde(eind),
      synthetisch: herkomst.synthetisch,
      kolommen: [
        { key: 'regio_naam', label: 'Arbeidsmarktregio', type: 'tekst' },
        { key: 'regio_code', label: 'Code', type: 'tekst' },
        { key: 'n', label: `Werkzaam in ${formatKwartaal(basis)}`, type: 'aantal' },
        { key: 'k', label: `Nog werkzaam in ${formatKwartaal(eind)}`, type: 'aantal' },
        { key: 'p', label: 'Werkzaam na 1 jaar', type: 'pct', decimalen: 1 },
        { key: 'onder95', label: '95%-grens onder', type: 'pct', decimalen: 1 },
        { key: 'boven95', label: '95%-grens boven', type: 'pct', decimalen: 1 },
        { key: 'onder998', label: '99,8%-grens onder', type: 'pct', decimalen: 1 },
        { key: 'boven998', label: '99,8%-grens boven', type: 'pct', decimalen: 1 },
        { key: 'oordeel', label: 'Ligt', type: 'tekst' },
      ],
      rijen,
      voetnoten: [
        'Controlegrenzen rond het landelijke percentage: p₀ ± z·√(p₀(1−p₀)/n) met z = 1,96 (95%) en z = 3,09 (99,8%). Een kleine regio schommelt van nature meer; alleen een regio buiten de grenzen wijkt meer af dan toeval verklaart.',
        `Cohort: wie in ${formatKwartaal(basis)} in het register stond en werkte; regio op dat moment.`,
      ],
    },
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

/** Wide table: one row per quarter, Nederland and each chosen region as index (base quarter = 100). */
export function vergelijkData(reeksen: Reeksen, indicator: NiveauIndicator, basis: Kwartaal, regios: readonly string[], herkomst: Herkomst): ChartData {
  const geindexeerd = geindexeerdeReeksen(reeksen, indicator, basis);
  const perKey = new Map(geindexeerd.map((g) => [reeksKey(g.regio_code), g]));
  const kwartalen = [...new Set(geindexeerd.flatMap((g) => g.punten.map((p) => p.kwartaal)))].sort((a, b) => kwartaalToIndex(a) - kwartaalToIndex(b));
  const keys = ['landelijk', ...regios.map(reeksKey)];
  const rijen = kwartalen.map((kw) => {
    const rij: Record<string, unknown> = { kwartaal: kw };
    for (const key of keys) rij[key] = perKey.get(key)?.punten.find((p) => p.kwartaal === kw)?.index ?? null;
    return rij;
  });
  return {
    titel: `Ontwikkeling van het aantal ${REEKS_LABEL[indicator]} per regio tegen Nederland, ${periodeTekst(reeksen.van, reeksen.tot)}`,
    ondertitel: `Index: ${formatKwartaal(basis)} = 100. Elke regio ten opzichte van haar eigen beginwaarde, zodat grote en kleine regio's vergelijkbaar zijn.`,
    bron: herkomst.bron,
    peildatum: kwartaalEinde(reeksen.tot),
    synthetisch: herkomst.synthetisch,
    kolommen: [
      { key: 'kwartaal', label: 'Kwartaal', type: 'kwartaal' },
      { key: 'landelijk', label: 'Nederland', type: 'aantal', decimalen: 1 },
      ...regios.map((c) => ({ key: reeksKey(c), label: REGIO_NAMEN[c] ?? c, type: 'aantal' as const, decimalen: 1 })),
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
  /**
   * For the position strip: every region's value, the region's own and the national one (null
   * when suppressed or missing, and for totals such as banen: Nederland is the sum, not a level
   * a region can be compared with).
   */
  waarden: number[];
  eigen: number | null;
  landelijk: number | null;
  kolom: Kolom;
}

const PROFIEL_INDICATOREN: PaginaIndicator[] = ['banen', 'groei', 'groei_pct', 'werkzaam_pct', 'per1000', 'register', 'duurzaam'];

/** Key figures of one region with the national value and its place among the 35. */
export function profielRegels(view: KaartView, code: string, overzicht: RegioOverzicht, duurzaam: readonly DuurzaamRegio[] | null, herkomst: Herkomst): ProfielRegel[] | null {
  if (!regioProfiel(overzicht, code)) return null;
  const uit: ProfielRegel[] = [];
  for (const indicator of PROFIEL_INDICATOREN) {
    if (indicator === 'duurzaam' && !duurzaam) continue;
    const v = { ...view, indicator };
    const data = kaartData(v, rangTabel(v, overzicht, duurzaam), herkomst, duurzaam);
    const k = data.kolommen[2];
    const eigen = data.rijen.find((r) => r.regio_code === code)!;
    const tabel = rangTabel(v, overzicht, duurzaam);
    const van = data.rijen.filter((r) => typeof r.waarde === 'number').length;
    const tekst = (x: unknown) => celTekst(x, k);
    const info = PAGINA_INDICATOREN[indicator];
    uit.push({
      indicator,
      label: info.soort === 'groei' ? `${info.label} sinds ${formatKwartaal(view.basis)}` : info.soort === 'cohort' ? `${info.label} (cohort ${formatKwartaal(cohortBasis(view.eind))})` : info.label,
      regio: tekst(eigen.waarde),
      nederland: tabel.landelijk === null ? '–' : tekst(tabel.landelijk),
      plaats: typeof eigen.rang === 'number' ? `${eigen.rang} van ${van}` : '–',
      waarden: data.rijen.map((r) => r.waarde).filter((x): x is number => typeof x === 'number'),
      eigen: typeof eigen.waarde === 'number' ? eigen.waarde : null,
      landelijk: info.type === 'aantal' && indicator !== 'per1000' ? null : tabel.landelijk,
      kolom: k,
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
    bron: herkomst.bron,
    peildatum: kwartaalEinde(view.eind),
    synthetisch: herkomst.synthetisch,
    kolommen: [
      { key: 'label', label: 'Kerncijfer', type: 'tekst' },
      { key: 'regio', label: naam, type: 'tekst' },
      { key: 'nederland', label: 'Nederland', type: 'tekst' },
      { key: 'plaats', label: 'Plaats', type: 'tekst' },
    ],
    rijen: regels.map((r) => ({ label: r.label, regio: r.regio, nederland: r.nederland, plaats: r.plaats })),
    voetnoten: [BAAN_NOOT],
  };
}

/** Series of one region and Nederland, indexed to the base quarter, for the profile. */
export function profielReeksData(reeksen: Reeksen, code: string, basis: Kwartaal, herkomst: Herkomst): ChartData {
  const d = vergelijkData(reeksen, 'banen', basis, [code], herkomst);
  return { ...d, titel: `Banen in ${regioNaam(code) ?? code} en Nederland, ${periodeTekst(reeksen.van, reeksen.tot)}`, ondertitel: `Index: ${formatKwartaal(basis)} = 100.` };
}

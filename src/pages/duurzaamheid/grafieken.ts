/**
 * ChartData for the Duurzaamheid page, built from the metric rows. One object per chart feeds
 * the drawing, its table twin, the CSV and the SVG/PNG export. Disclosure control is applied
 * HERE, before anything is drawn, through lib/disclosure (beveiliging.ts: one protected table per
 * base quarter for everything the page shows about it): counts become "<10" or "x" and shares
 * "x" where the rule set says so, so no export can carry them. Shares come already rounded as
 * printed (parts of 100% by largest remainder where all parts are shown). The contract trend
 * (means over all werkenden) keeps the primary rule of format/disclosure.ts.
 * Shares are fractions (0.88 = 88%) as the chart kit expects.
 */
import type { BronVermelding, ChartData, Kolom } from '../../lib/charts/spec.ts';
import { AFGELEID, BESCHERMD, DREMPEL, KLEIN, isOnderdrukt, onderdruk, onderdrukteSoorten, veiligGemiddelde } from '../../lib/format/disclosure.ts';
import { formatAantal, formatKwartaal } from '../../lib/format/nl.ts';
import type { ContractRij } from '../../lib/metrics/duurzaamheid/contract.ts';
import type { Horizon } from '../../lib/metrics/duurzaamheid/filters.ts';
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import { kwartaalToIndex, type Kwartaal } from '../../lib/kwartaal.ts';
import { ACHTERGRONDEN } from '../../lib/extracts/contracts.ts';
import type { GepubliceerdCijfer } from '../../lib/published/duurzaamheid.ts';
import { bronVermelding } from '../../lib/published/bronvermelding.ts';
import { grafiekHerkomst, herkomstVan, type ExtractHerkomst, type Herkomst } from '../../lib/query/herkomst.ts';
import { somStarters, somUitkomst, somUitstroom, TOTAAL } from './groepen.ts';
import type { RegioKwartalen } from './regio-kwartaal.ts';
import { AFRONDING_LOS, AFRONDING_OPTELLEND, X_BESCHERMING } from '../../lib/disclosure/zinnen.ts';
import {
  beschermCohort, beschermCohorten, beschermStarters, beschermStartersPerBasis, gekozenGroepen, optellend, TREND_DECIMALEN,
  type CohortBescherming, type StartersBescherming,
} from './beveiliging.ts';

/**
 * What every computed chart says about where its numbers come from — source line, peildatum and
 * the synthetic label, read from the answers' provenance (never a global flag) — and the
 * selection in words, e.g. "heel Nederland, alle sectoren".
 */
export interface Context {
  selectie: string;
  bron: string;
  peildatum: string;
  synthetisch: boolean;
}

/** The context of a chart computed from these answers (all the extracts they read). */
export function context(selectie: string, ...herkomsten: readonly (Herkomst | null)[]): Context {
  const extracts = new Map<string, ExtractHerkomst>();
  for (const h of herkomsten) for (const e of h?.extracts ?? []) extracts.set(e.extract, e);
  return { selectie, ...grafiekHerkomst(herkomstVan([...extracts.values()])) };
}

const BRON_GEPUBLICEERD = '; gepubliceerde waarden: UWV en SZW (zie bronvermelding per cijfer)';

/** Source, peildatum and data kind of a chart; a trend with published markers names their source too. */
function herkomstVelden(ctx: Context, markers?: Markers): Pick<ChartData, 'bron' | 'peildatum' | 'synthetisch'> {
  const gepubliceerd = markers !== undefined && alleMarkers(markers).length > 0;
  return { bron: ctx.bron + (gepubliceerd ? BRON_GEPUBLICEERD : ''), peildatum: ctx.peildatum, synthetisch: ctx.synthetisch };
}

const REDEN_NAAM: Record<string, string> = {
  AOW: 'AOW-leeftijd bereikt',
  'Wsw-beschut': 'Naar Wsw beschut werk',
  'geen arbeidsvermogen': 'Geen arbeidsvermogen',
  overleden: 'Overleden',
  overig: 'Overige reden',
  onbekend: 'Reden onbekend',
};

function hoofdletter(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function later(h: Horizon): string {
  return h === 4 ? 'na 1 jaar' : 'na 2 jaar';
}

/** Groups in a fixed order: the achtergronden of the contract, then anything else (onbekend). */
export function groepVolgorde(groepen: Iterable<string>): string[] {
  const alle = [...new Set(groepen)];
  const bekend = ACHTERGRONDEN.filter((a) => alle.includes(a));
  return [...bekend, ...alle.filter((g) => !(ACHTERGRONDEN as readonly string[]).includes(g)).sort()];
}

function uitkomstKolommen(): Kolom[] {
  return [
    { key: 'groep', label: 'Groep', type: 'tekst' },
    { key: 'cohort', label: 'Werkzaam in basiskwartaal (personen)', type: 'aantal' },
    { key: 'werkzaam_pct', label: 'Werkzaam', type: 'pct', decimalen: 0 },
    { key: 'verloren_pct', label: 'Werk verloren', type: 'pct', decimalen: 0 },
    { key: 'uit_pct', label: 'Uit het register', type: 'pct', decimalen: 0 },
    { key: 'werkzaam', label: 'Werkzaam (personen)', type: 'aantal' },
    { key: 'verloren', label: 'Werk verloren (personen)', type: 'aantal' },
    { key: 'uit', label: 'Uit het register (personen)', type: 'aantal' },
  ];
}

/** Footnotes on what disclosure control did to a view: hidden to protect others, and the rounding. */
function beschermingsNoten(rijen: readonly Record<string, unknown>[], optellend: boolean | null): string[] {
  return [
    ...(onderdrukteSoorten(rijen).has('bescherming') ? [X_BESCHERMING] : []),
    ...(optellend === null ? [] : [optellend ? AFRONDING_OPTELLEND : AFRONDING_LOS]),
  ];
}

/**
 * Stacked bar: werkzaam / werk verloren / uit het register per achtergrond (the selected ones,
 * all when none is selected) and the total of the selection. Every number comes from the base
 * quarter's protected table (beveiliging.ts): the page passes the one it shares with the trend,
 * the sentences and the uitstroom; without it the table of these rows alone is used.
 */
export function uitkomstData(rijen: readonly UitkomstRij[], achtergrond: readonly string[], ctx: Context, bescherming?: CohortBescherming): ChartData | null {
  const gekozen = gekozenGroepen(rijen, achtergrond);
  if (gekozen.length === 0) return null;
  const { basis, eind, horizon: h } = gekozen[0];
  const p = bescherming ?? beschermCohort(gekozen);
  const volgorde = groepVolgorde(gekozen.map((r) => r.groep));
  const rij = (label: string, g: string) => ({
    groep: label,
    cohort: p.aantal(g, 'cohort'),
    werkzaam_pct: p.aandeel(g, 'werkzaam', 0),
    verloren_pct: p.aandeel(g, 'verloren', 0),
    uit_pct: p.aandeel(g, 'uit', 0),
    werkzaam: p.aantal(g, 'werkzaam'),
    verloren: p.aantal(g, 'verloren'),
    uit: p.aantal(g, 'uit'),
  });
  const uit = volgorde.map((g) => rij(g, g));
  if (volgorde.length > 1) uit.push(rij(achtergrond.length ? 'Totaal (selectie)' : 'Totaal', 'totaal'));
  const groepen = volgorde.length > 1 ? [...volgorde, 'totaal'] : volgorde;
  return {
    titel: `Uitkomst ${later(h)} per achtergrond`,
    ondertitel: `Mensen die in het ${formatKwartaal(basis)} werkten: situatie in het ${formatKwartaal(eind)}; ${ctx.selectie}`,
    ...herkomstVelden(ctx),
    kolommen: uitkomstKolommen(),
    rijen: uit,
    voetnoten: [
      'Werkzaam, werk verloren en uit het register zijn samen iedereen die in het basiskwartaal werkte. Achtergrond zoals in het basiskwartaal.',
      ...beschermingsNoten(uit, groepen.every((g) => optellend(p, g))),
    ],
  };
}

/** The source of each published figure, for "Bronvermelding per cijfer". */
export function bronnenVan(cijfers: Iterable<GepubliceerdCijfer>): BronVermelding[] {
  return [...cijfers].map((c) => bronVermelding(`${c.omschrijving}, ${c.groep}, ${c.periode}: ${formatWaarde(c)}`, c.citatie));
}

function formatWaarde(c: GepubliceerdCijfer): string {
  const w = String(c.waarde).replace('.', ',');
  return c.eenheid === 'procent' ? `${w}%` : `${w} jaar`;
}

/** Rows keyed by quarter, in quarter order, with the given quarters added where missing. */
function opKwartaal<T>(rijen: Map<Kwartaal, T>, extra: Iterable<Kwartaal>): Kwartaal[] {
  return [...new Set([...rijen.keys(), ...extra])].sort((a, b) => kwartaalToIndex(a) - kwartaalToIndex(b));
}

/**
 * Drop published-value columns that have no value at all (a filtered view has no published
 * twin): no empty legend entries, table columns or CSV columns.
 */
function zonderLegePublicaties(d: ChartData): ChartData {
  const leeg = d.kolommen.filter((k) => k.key.startsWith('pub_') && d.rijen.every((r) => r[k.key] === null || r[k.key] === undefined)).map((k) => k.key);
  if (leeg.length === 0) return d;
  return {
    ...d,
    kolommen: d.kolommen.filter((k) => !leeg.includes(k.key)),
    rijen: d.rijen.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !leeg.includes(k)))),
  };
}

/** Published markers for one trend: series key → (quarter → figure). */
export type Markers = Partial<Record<string, Map<Kwartaal, GepubliceerdCijfer>>>;

const MARKER_NOOT = 'Lijnen: berekend uit de geladen extracten. Losse ruiten: door UWV/SZW gepubliceerde waarden, met bron en citaat onder "Bronvermelding per cijfer".';

function alleMarkers(m: Markers): GepubliceerdCijfer[] {
  return Object.values(m).flatMap((x) => (x ? [...x.values()] : []));
}

function markerKwartalen(m: Markers): Kwartaal[] {
  return Object.values(m).flatMap((x) => (x ? [...x.keys()] : []));
}

/** "Steeds het derde kwartaal als basis (zoals UWV)" or another quarter of the year. */
function basisKwartalen(kwartaal: number): string {
  return kwartaal === 3 ? 'steeds het derde kwartaal als basis (zoals UWV)' : `steeds het ${kwartaalNaam(kwartaal)} als basis (UWV publiceert voor het derde kwartaal)`;
}

/** 3 → "derde kwartaal" (titles of the trends). */
export function kwartaalNaam(kwartaal: number): string {
  return `${['eerste', 'tweede', 'derde', 'vierde'][kwartaal - 1]} kwartaal`;
}

/**
 * Retention across base quarters (those in the chosen quarter of the year): werkzaam after h, at
 * every quarter in between, in the same job — computed — with the published UWV values (third
 * quarters) as separate columns.
 */
export function trendData(
  rijen: readonly UitkomstRij[],
  achtergrond: readonly string[],
  h: Horizon,
  markers: Markers,
  ctx: Context,
  kwartaal = 3,
  bescherming?: ReadonlyMap<Kwartaal, CohortBescherming>,
): ChartData {
  const totaal = new Map(somUitkomst(rijen, achtergrond).map((r) => [r.basis, r]));
  const kwartalen = opKwartaal(totaal, markerKwartalen(markers));
  const pub = (key: string, k: Kwartaal) => {
    const c = markers[key]?.get(k);
    return c ? c.waarde / 100 : null;
  };
  // Each base quarter's row as its own protected table decides (the same answer as on its own page).
  const p = bescherming ?? beschermCohorten(rijen, null, achtergrond);
  const uit = kwartalen.map((k) => {
    const b = totaal.has(k) ? p.get(k) : undefined;
    return {
      basis: k,
      cohort: b?.aantal('totaal', 'cohort') ?? null,
      werkzaam: b?.aantal('totaal', 'werkzaam') ?? null,
      steeds: b?.aantal('totaal', 'steeds') ?? null,
      zelfde: b?.aantal('totaal', 'zelfde') ?? null,
      werkzaam_pct: b?.aandeel('totaal', 'werkzaam', TREND_DECIMALEN) ?? null,
      steeds_pct: b?.aandeel('totaal', 'steeds', TREND_DECIMALEN) ?? null,
      zelfde_pct: b?.aandeel('totaal', 'zelfde', TREND_DECIMALEN) ?? null,
      pub_werkzaam: pub('werkzaam', k),
      pub_steeds: pub('steeds', k),
      pub_zelfde: pub('zelfde', k),
    };
  });
  const berekend = ctx.synthetisch ? 'berekend, synthetische demodata' : 'berekend';
  return zonderLegePublicaties({
    titel: `Nog aan het werk ${later(h)}, per basiskwartaal`,
    ondertitel: `${hoofdletter(basisKwartalen(kwartaal))}; ${ctx.selectie}`,
    ...herkomstVelden(ctx, markers),
    kolommen: [
      { key: 'basis', label: 'Basiskwartaal', type: 'kwartaal' },
      { key: 'cohort', label: 'Werkzaam in basiskwartaal (personen)', type: 'aantal' },
      { key: 'werkzaam_pct', label: `Werkzaam ${later(h)} (${berekend})`, type: 'pct', decimalen: 1 },
      { key: 'pub_werkzaam', label: `Werkzaam ${later(h)} (gepubliceerd, UWV)`, type: 'pct', decimalen: 0 },
      { key: 'steeds_pct', label: `Op alle tussenliggende kwartalen werkzaam (${berekend})`, type: 'pct', decimalen: 1 },
      { key: 'pub_steeds', label: 'Op alle tussenliggende kwartalen werkzaam (gepubliceerd, UWV)', type: 'pct', decimalen: 0 },
      { key: 'zelfde_pct', label: `In dezelfde baan (${berekend})`, type: 'pct', decimalen: 1 },
      { key: 'pub_zelfde', label: 'In dezelfde baan (gepubliceerd, UWV)', type: 'pct', decimalen: 0 },
      { key: 'werkzaam', label: `Werkzaam ${later(h)} (personen)`, type: 'aantal' },
      { key: 'steeds', label: 'Steeds werkzaam (personen)', type: 'aantal' },
      { key: 'zelfde', label: 'In dezelfde baan (personen)', type: 'aantal' },
    ],
    rijen: uit,
    voetnoten: [...(alleMarkers(markers).length ? [MARKER_NOOT] : []), ...beschermingsNoten(uit, null)],
    bronnen: bronnenVan(alleMarkers(markers)),
  });
}

/** A starters row as its protected table allows ('totaal' = the total of the groups shown). */
function startersRij(p: StartersBescherming, g: string): Record<string, unknown> {
  return {
    starters: p.aantal(g, 'starters'),
    na1_pct: p.aandeel(g, 'na1'),
    zelfde_pct: p.aandeel(g, 'zelfde'),
    na2_pct: p.aandeel(g, 'na2'),
    na1: p.aantal(g, 'na1'),
    zelfde: p.aantal(g, 'zelfde'),
    na2: p.aantal(g, 'na2'),
  };
}

function startersKolommen(eerste: Kolom, berekend: string, metPub: boolean): Kolom[] {
  return [
    eerste,
    { key: 'starters', label: 'Starters (personen)', type: 'aantal' },
    { key: 'na1_pct', label: `Werkzaam na 1 jaar${berekend}`, type: 'pct', decimalen: 1 },
    ...(metPub ? [{ key: 'pub_na1', label: 'Werkzaam na 1 jaar (gepubliceerd, UWV)', type: 'pct', decimalen: 0 } as Kolom] : []),
    { key: 'zelfde_pct', label: `In dezelfde baan na 1 jaar${berekend}`, type: 'pct', decimalen: 1 },
    ...(metPub ? [{ key: 'pub_zelfde', label: 'In dezelfde baan na 1 jaar (gepubliceerd, UWV)', type: 'pct', decimalen: 0 } as Kolom] : []),
    { key: 'na2_pct', label: `Werkzaam na 2 jaar${berekend}`, type: 'pct', decimalen: 1 },
    ...(metPub ? [{ key: 'pub_na2', label: 'Werkzaam na 2 jaar (gepubliceerd, UWV)', type: 'pct', decimalen: 0 } as Kolom] : []),
    { key: 'na1', label: 'Werkzaam na 1 jaar (personen)', type: 'aantal' },
    { key: 'zelfde', label: 'In dezelfde baan na 1 jaar (personen)', type: 'aantal' },
    { key: 'na2', label: 'Werkzaam na 2 jaar (personen)', type: 'aantal' },
  ];
}

/** Starters across base quarters (the chosen quarter of the year), with the published values as markers. */
export function startersTrendData(
  rijen: readonly StartersRij[],
  achtergrond: readonly string[],
  markers: Markers,
  ctx: Context,
  kwartaal = 3,
  bescherming?: ReadonlyMap<Kwartaal, StartersBescherming>,
): ChartData {
  const p = bescherming ?? beschermStartersPerBasis(rijen, achtergrond);
  const totaal = new Map(somStarters(rijen, achtergrond).map((r) => [r.basis, r]));
  const kwartalen = opKwartaal(totaal, markerKwartalen(markers));
  const pub = (key: string, k: Kwartaal) => {
    const c = markers[key]?.get(k);
    return c ? c.waarde / 100 : null;
  };
  const uit = kwartalen.map((k) => {
    const b = totaal.has(k) ? p.get(k) : undefined;
    const basis = b ? startersRij(b, 'totaal') : { starters: null, na1_pct: null, zelfde_pct: null, na2_pct: null, na1: null, zelfde: null, na2: null };
    return { basis: k, ...basis, pub_na1: pub('na1', k), pub_zelfde: pub('zelfde', k), pub_na2: pub('na2', k) };
  });
  const berekend = ctx.synthetisch ? ' (berekend, synthetische demodata)' : ' (berekend)';
  return zonderLegePublicaties({
    titel: 'Starters: nog aan het werk na 1 en 2 jaar',
    ondertitel: `Mensen die in de vier kwartalen tot en met het basiskwartaal (steeds een ${kwartaalNaam(kwartaal)}) begonnen met werken; ${ctx.selectie}`,
    ...herkomstVelden(ctx, markers),
    kolommen: startersKolommen({ key: 'basis', label: 'Basiskwartaal (einde startperiode)', type: 'kwartaal' }, berekend, true),
    rijen: uit,
    voetnoten: [
      'Een starter werkt in kwartaal s en werkte niet in het kwartaal ervoor; wie vaker start telt één keer, vanaf de eerste start. Gemeten 4 en 8 kwartalen na de start.',
      ...(alleMarkers(markers).length ? [MARKER_NOOT] : []),
      ...beschermingsNoten(uit, null),
    ],
    bronnen: bronnenVan(alleMarkers(markers)),
  });
}

/** Starters of one base quarter per achtergrond plus the total of the selection. */
export function startersGroepData(rijen: readonly StartersRij[], achtergrond: readonly string[], ctx: Context, bescherming?: StartersBescherming): ChartData | null {
  const gekozen = gekozenGroepen(rijen, achtergrond);
  if (gekozen.length === 0) return null;
  const p = bescherming ?? beschermStarters(gekozen);
  const volgorde = groepVolgorde(gekozen.map((r) => r.groep));
  const uit = volgorde.map((g) => ({ groep: g, ...startersRij(p, g) }));
  if (volgorde.length > 1) uit.push({ groep: achtergrond.length ? 'Totaal (selectie)' : 'Totaal', ...startersRij(p, 'totaal') });
  const { basis, vanaf } = gekozen[0];
  const berekend = ctx.synthetisch ? ' (synthetische demodata)' : '';
  return {
    titel: `Starters per achtergrond, ${formatKwartaal(vanaf)} tot en met ${formatKwartaal(basis)}`,
    ondertitel: `Aandeel dat een jaar na de start nog werkt; ${ctx.selectie}`,
    ...herkomstVelden(ctx),
    kolommen: startersKolommen({ key: 'groep', label: 'Groep', type: 'tekst' }, berekend, false),
    rijen: uit,
    voetnoten: [
      'Achtergrond zoals in het kwartaal van de (eerste) start. "–": nog niet bekend, de gegevens lopen nog niet ver genoeg door.',
      ...beschermingsNoten(uit, null),
    ],
  };
}

/** Hours on a permanent contract and mean job duration per quarter, with published markers. */
/**
 * The contract trend. Its count of werkzamen in a quarter is the same people as the cohort total
 * of that base quarter (werkzaam then, same selection): where the cohort table hides that total
 * (to protect a small group in it), this row hides it too, with the hours share and mean duration
 * that rest on it — otherwise the trend would print what the table protects.
 */
export function contractData(
  rijen: readonly ContractRij[], markers: Markers, ctx: Context, cohorten?: ReadonlyMap<Kwartaal, CohortBescherming>, regio?: RegioKwartalen | null,
): ChartData {
  const perKw = new Map(rijen.filter((r) => r.groep === TOTAAL).map((r) => [r.kwartaal, r]));
  const kwartalen = opKwartaal(perKw, markerKwartalen(markers));
  const uit = kwartalen.map((k) => {
    const r = perKw.get(k);
    const c = markers.uren?.get(k);
    const d = markers.duur?.get(k);
    const totaal = cohorten?.get(k)?.aantal('totaal', 'cohort');
    // The same people as the Regio's count of the quarter: hidden there to protect, hidden here.
    const rk = r ? regio?.(k) : null;
    const elders = rk && rk.werkzaam === r!.werkzamen && rk.besluit.verborgen === 'bescherming' ? BESCHERMD : undefined;
    const beschermd = r !== undefined && r.werkzamen >= DREMPEL ? (elders ?? (totaal !== undefined && isOnderdrukt(totaal) ? totaal : null)) : null;
    // A row a voorberekende map left empty: its werkzamen as the map says, the rest "x" (its values are stand-ins).
    const leeg = r?.leeg === 'bescherming' ? BESCHERMD : r?.leeg === 'klein' ? AFGELEID : null;
    return {
      kwartaal: k,
      werkzamen: r?.leeg === 'klein' ? KLEIN : (leeg ?? beschermd ?? r?.werkzamen ?? null),
      // Shares of hours and mean durations are derived from a group of persons: suppressed with it.
      uren_pct: leeg ?? (r && r.urenOnbepaaldPct !== null ? (beschermd ?? veiligGemiddelde(r.urenOnbepaaldPct / 100, r.werkzamen)) : null),
      pub_uren: c ? c.waarde / 100 : null,
      duur: leeg ?? (r && r.gemBaanduurJaren !== null ? (beschermd ?? veiligGemiddelde(r.gemBaanduurJaren, r.werkzamen)) : null),
      pub_duur: d ? d.waarde : null,
    };
  });
  const getoond = onderdruk(uit, { aantallen: ['werkzamen'] });
  const berekend = ctx.synthetisch ? ' (berekend, synthetische demodata)' : ' (berekend)';
  return zonderLegePublicaties({
    titel: 'Vaste contracten en duur van banen',
    ondertitel: `Per kwartaal, van alle werkenden in het register; ${ctx.selectie}`,
    ...herkomstVelden(ctx, markers),
    kolommen: [
      { key: 'kwartaal', label: 'Kwartaal', type: 'kwartaal' },
      { key: 'werkzamen', label: 'Werkzame personen', type: 'aantal' },
      { key: 'uren_pct', label: `Verloonde uren op een vast contract${berekend}`, type: 'pct', decimalen: 1 },
      { key: 'pub_uren', label: 'Verloonde uren op een vast contract (gepubliceerd, UWV)', type: 'pct', decimalen: 0 },
      { key: 'duur', label: `Gemiddelde duur lopende banen, jaren${berekend}`, type: 'aantal', decimalen: 1 },
      { key: 'pub_duur', label: 'Gemiddelde duur lopende banen, jaren (gepubliceerd, UWV)', type: 'aantal', decimalen: 1 },
    ],
    rijen: getoond,
    voetnoten: [
      'Vast contract: contract voor onbepaalde tijd. Duur: van de begindatum van de huidige baan tot de peildatum.',
      ...beschermingsNoten(getoond, null),
      ...(alleMarkers(markers).length ? [MARKER_NOOT, 'UWV publiceerde de duur voor 2015–2017 als jaarcijfer; die staan bij het derde kwartaal.'] : []),
    ],
    bronnen: bronnenVan(alleMarkers(markers)),
  });
}

/**
 * Reasons for leaving the register, for the people of the cohort who left it: parts of the
 * total's "uit het register", protected in the same table as the outcome (beveiliging.ts).
 */
export function uitstroomData(rijen: readonly UitstroomRij[], achtergrond: readonly string[], ctx: Context, bescherming: CohortBescherming): ChartData | null {
  const som = somUitstroom(rijen, achtergrond);
  if (som.length === 0) return null;
  const { basis, eind, horizon, uitRegister } = som[0];
  const uit = som.map((r) => {
    const b = bescherming.reden(r.reden);
    return { reden: REDEN_NAAM[r.reden] ?? r.reden, aantal: b?.aantal ?? null, uitRegister: b?.totaal ?? null, pct: b?.aandeel ?? null };
  });
  const verdeling = (bescherming.b.weergave.aandelen ?? []).find((a) => a.teller.startsWith('U:'));
  return {
    titel: 'Redenen van uitstroom uit het register',
    ondertitel: `Van wie in het ${formatKwartaal(basis)} werkte en ${later(horizon)} (${formatKwartaal(eind)}) niet meer in het register stond; ${ctx.selectie}`,
    ...herkomstVelden(ctx),
    kolommen: [
      { key: 'reden', label: 'Reden', type: 'tekst' },
      { key: 'pct', label: 'Aandeel van de uitstroom', type: 'pct', decimalen: 0 },
      { key: 'aantal', label: 'Personen', type: 'aantal' },
      { key: 'uitRegister', label: 'Uitgestroomd totaal (personen)', type: 'aantal' },
    ],
    rijen: uit,
    voetnoten: [
      `Reden van het laatste vertrek uit het register tussen ${formatKwartaal(basis)} en ${formatKwartaal(eind)}; "onbekend" als er geen vertrekregistratie is.`,
      ...(uitRegister === 0 ? ['Niemand uit deze groep is uit het register gestroomd.'] : []),
      ...beschermingsNoten(uit, verdeling ? bescherming.b.optellend(verdeling.id) : null),
    ],
  };
}

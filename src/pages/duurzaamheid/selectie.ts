/**
 * The selection of the Duurzaamheid page in words, which base quarter is actually shown, and
 * when published figures are comparable with what is shown.
 */
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { formatKwartaal } from '../../lib/format/nl.ts';
import { basiskwartalen, type PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import type { ContractRij } from '../../lib/metrics/duurzaamheid/contract.ts';
import type { Filters, Horizon, KwartaalVanJaar } from '../../lib/metrics/duurzaamheid/filters.ts';
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import { kwartaalToIndex, parseKwartaal, type Kwartaal } from '../../lib/kwartaal.ts';
import type { Achtergrond, Sector } from '../../lib/extracts/contracts.ts';
import { gepubliceerdPerKwartaal, type BerekendeCijfers, type CohortVeld, type GepubliceerdCijfer, type StartersVeld } from '../../lib/published/duurzaamheid.ts';
import type { Markers } from './grafieken.ts';
import { somStarters, somUitkomst, somUitstroom, TOTAAL, vanBasis } from './groepen.ts';
import { vergelijkingBesluit, type PaginaTabellen } from './vergelijking-besluit.ts';

/** The cohort figures UWV published, in the order of the headline, as words after the number. */
const UWV_WOORDEN: readonly [CohortVeld, string][] = [
  ['werkzaamPct', 'werkte een jaar later (nog of weer)'],
  ['steedsWerkzaamPct', 'had op alle tussenliggende peilmomenten werk'],
  ['werkVerlorenPct', 'had het werk verloren'],
  ['uitRegisterPct', 'was uit het doelgroepregister gestroomd'],
  ['zelfdeBaanPct', 'werkte nog in dezelfde baan'],
];

/** What the page shows: the URL filters with a base quarter that the data allow. */
export interface Selectie {
  basis: Kwartaal;
  horizon: Horizon;
  achtergrond: readonly Achtergrond[];
  regio: readonly string[];
  sector: 'alle' | Sector;
}

/** The UWV studies measure from third quarters: published figures exist only for those bases. */
export const UWV_KWARTAAL: KwartaalVanJaar = 3;

/** The quarter of the year (1–4) of a base quarter: the trends follow the chosen one. */
export function kwartaalVanJaar(k: Kwartaal): KwartaalVanJaar {
  return parseKwartaal(k)?.kwartaal ?? UWV_KWARTAAL;
}

/**
 * The filters that go into SQL. Achtergrond is not one of them: every query is split by
 * achtergrond and the filter is applied on the split rows (groepen.ts), so changing it needs no
 * query. Regions sorted, so one selection is one SQL text (one cache entry).
 */
export function sqlFilters(s: Pick<Selectie, 'regio' | 'sector'>): Filters {
  return { regio: [...s.regio].sort(), sector: s.sector === 'alle' ? [] : [s.sector] };
}

/** "heel Nederland, alle sectoren, alle achtergronden" or the chosen regions/sector/achtergronden. */
export function selectieTekst(s: Pick<Selectie, 'regio' | 'sector' | 'achtergrond'>): string {
  const regio = s.regio.length === 0
    ? 'heel Nederland'
    : s.regio.length === 1
      ? `arbeidsmarktregio ${REGIO_NAMEN[s.regio[0]] ?? s.regio[0]}`
      : `arbeidsmarktregio's ${s.regio.map((r) => REGIO_NAMEN[r] ?? r).join(', ')}`;
  const sector = s.sector === 'alle' ? 'alle sectoren' : s.sector === 'markt' ? 'marktsector' : 'sector overheid';
  const achtergrond = s.achtergrond.length === 0 ? 'alle achtergronden' : `achtergrond ${s.achtergrond.join(', ')}`;
  return `${regio}, ${sector}, ${achtergrond}`;
}

export interface BasisKeuze {
  /** The base quarter shown, or null when the data allow none for this horizon. */
  basis: Kwartaal | null;
  /** Base quarters that can be chosen for this horizon (latest first). */
  opties: Kwartaal[];
  /** Dutch message when the base quarter asked for could not be shown: what is shown instead and why. */
  melding: string | null;
  /** The link names a base quarter that cannot be shown: the page writes `basis` into it. */
  vervang: boolean;
}

/** What the page showed before this selection: tells a horizon change from a link. */
export interface VorigeKeuze {
  basis: Kwartaal;
  horizon: Horizon;
}

function jaren(h: Horizon): string {
  return h === 4 ? '1 jaar' : '2 jaar';
}

/**
 * The nearest possible base quarter for one that is not: the latest (or, before the data, the
 * earliest) with the same quarter of the year, so the trend stays the same; else the latest
 * (earliest) at all.
 */
function vervanger(k: Kwartaal, geldig: readonly Kwartaal[]): Kwartaal | null {
  if (geldig.length === 0) return null;
  const zelfde = geldig.filter((g) => kwartaalVanJaar(g) === kwartaalVanJaar(k));
  const teLaat = kwartaalToIndex(k) > kwartaalToIndex(geldig.at(-1)!);
  return teLaat ? (zelfde.at(-1) ?? geldig.at(-1)!) : (zelfde[0] ?? geldig[0]);
}

/**
 * The base quarter to show: the one asked for (the link) when the data have t+h; with none, the
 * latest third quarter that has t+h (else the latest base quarter at all). A quarter that is not
 * possible is replaced by the nearest one with the same quarter of the year, and the message says
 * why — as the consequence of a horizon change when `vorige` (what was shown before) had another
 * horizon, else as a link that could not be followed. `vervang`: the page writes the quarter
 * shown into the link, so the link always says what is on screen.
 */
export function kiesBasis(gevraagd: Kwartaal | null, horizon: Horizon, bereik: PanelBereik, vorige: VorigeKeuze | null = null): BasisKeuze {
  const geldig = basiskwartalen(bereik, horizon);
  const opties = [...geldig].reverse();
  const standaard = geldig.filter((k) => kwartaalVanJaar(k) === UWV_KWARTAAL).at(-1) ?? geldig.at(-1) ?? null;
  if (gevraagd !== null && geldig.includes(gevraagd)) return { basis: gevraagd, opties, melding: null, vervang: false };
  // A horizon change that makes the quarter on screen impossible (in the link or the default).
  const gewisseld = vorige !== null && vorige.horizon !== horizon && !geldig.includes(vorige.basis) && (gevraagd === null || gevraagd === vorige.basis);
  if (gevraagd === null && !gewisseld) return { basis: standaard, opties, melding: null, vervang: false };
  const van = gevraagd ?? vorige!.basis;
  const basis = vervanger(van, geldig);
  if (basis === null) return { basis: null, opties, melding: null, vervang: false };
  const fk = formatKwartaal;
  const teLaat = kwartaalToIndex(van) > kwartaalToIndex(geldig.at(-1)!);
  const grens = teLaat
    ? `voor ${jaren(horizon)} is ${fk(geldig.at(-1)!)} het laatste basiskwartaal (de gegevens lopen tot en met ${fk(bereik.laatste)})`
    : `de gegevens beginnen in het ${fk(bereik.eerste)}`;
  const getoond = `Getoond wordt ${fk(basis)}${kwartaalVanJaar(basis) === kwartaalVanJaar(van) && basis !== geldig.at(teLaat ? -1 : 0) ? ', hetzelfde kwartaal van het jaar' : ''}.`;
  const melding = gewisseld
    ? `${fk(van)} kan niet met een horizon van ${jaren(horizon)}: ${grens}. ${getoond}`
    : `Basiskwartaal ${fk(van)}${vorige === null ? ' uit de link' : ''} kan niet met een horizon van ${jaren(horizon)}: ${grens}. ${getoond}`;
  return { basis, opties, melding, vervang: gevraagd !== null };
}

/** Published values are national, all sectors, one year: comparable only with such a view. */
export function vergelijkbaar(s: Pick<Selectie, 'regio' | 'sector' | 'horizon'>): boolean {
  return s.regio.length === 0 && s.sector === 'alle' && s.horizon === 4;
}

function perBasis(cijfers: readonly GepubliceerdCijfer[], veld: CohortVeld, groep: string) {
  return gepubliceerdPerKwartaal(cijfers, (b) => (b.soort === 'cohort' && b.veld === veld && b.groep === groep ? b.basis : null));
}

/** Markers for the retention trend: the published group that matches the achtergrond selection. */
export function trendMarkers(cijfers: readonly GepubliceerdCijfer[], s: Selectie): Markers {
  if (!vergelijkbaar(s) || kwartaalVanJaar(s.basis) !== UWV_KWARTAAL) return {};
  const groep = s.achtergrond.length === 0 ? TOTAAL : s.achtergrond.length === 1 ? s.achtergrond[0] : null;
  if (!groep) return {};
  return { werkzaam: perBasis(cijfers, 'werkzaamPct', groep), steeds: perBasis(cijfers, 'steedsWerkzaamPct', groep), zelfde: perBasis(cijfers, 'zelfdeBaanPct', groep) };
}

function startersPerBasis(cijfers: readonly GepubliceerdCijfer[], veld: StartersVeld) {
  return gepubliceerdPerKwartaal(cijfers, (b) => (b.soort === 'starters' && b.veld === veld ? b.basis : null));
}

/**
 * Starters markers: published for everyone in the country (any horizon: starters have their own),
 * for third-quarter bases (the trend shows them only when it follows third quarters).
 */
export function startersMarkers(cijfers: readonly GepubliceerdCijfer[], s: Selectie): Markers {
  if (s.regio.length || s.sector !== 'alle' || s.achtergrond.length || kwartaalVanJaar(s.basis) !== UWV_KWARTAAL) return {};
  return { na1: startersPerBasis(cijfers, 'werkzaamNa1JaarPct'), zelfde: startersPerBasis(cijfers, 'zelfdeBaanNa1JaarPct'), na2: startersPerBasis(cijfers, 'werkzaamNa2JaarPct') };
}

/** Contract markers: published for everyone in the country. */
export function contractMarkers(cijfers: readonly GepubliceerdCijfer[], s: Selectie): Markers {
  if (s.regio.length || s.sector !== 'alle' || s.achtergrond.length) return {};
  const m = (veld: 'urenOnbepaaldPct' | 'gemBaanduurJaren') =>
    gepubliceerdPerKwartaal(cijfers, (b) => (b.soort === 'contract' && b.veld === veld ? b.kwartaal : null));
  return { uren: m('urenOnbepaaldPct'), duur: m('gemBaanduurJaren') };
}

/**
 * The computed side of the comparison, from the national trends (horizon 4, all groups). A count
 * a voorberekende map left empty holds a stand-in; it is never read for a value: the page's tables
 * hide every share on an empty count first (besluit). `pagina`: the page's own tables, only when
 * built from these same rows with every achtergrond (vergelijking-besluit.ts).
 */
export function berekendeCijfers(
  cohort: readonly UitkomstRij[],
  uitstroom: readonly UitstroomRij[],
  startersRijen: readonly StartersRij[],
  contract: readonly ContractRij[],
  pagina: PaginaTabellen = {},
): BerekendeCijfers {
  const contractPerKw = new Map(contract.filter((r) => r.groep === TOTAAL).map((r) => [r.kwartaal, r]));
  const cohortVan = (basis: Kwartaal, groep: string) => {
    const rijen = vanBasis(cohort, basis);
    return groep === TOTAAL ? somUitkomst(rijen)[0] : rijen.find((x) => x.groep === groep);
  };
  return {
    besluit: vergelijkingBesluit(cohort, uitstroom, startersRijen, pagina),
    cohort: cohortVan,
    uitstroom(basis) {
      const rijen = vanBasis(uitstroom, basis);
      if (!rijen.length) return undefined;
      const som = somUitstroom(rijen);
      // From a map the reasons' stand-ins need not add up to uit het register: take the total's as written.
      if (!rijen.some((r) => r.totaalLeeg !== undefined)) return som;
      const uit = cohortVan(basis, TOTAAL)?.uitRegister ?? 0;
      return som.map((r) => ({ ...r, uitRegister: uit }));
    },
    starters: (basis) => somStarters(vanBasis(startersRijen, basis))[0],
    contract: (kw) => contractPerKw.get(kw),
  };
}

/**
 * The published UWV figures of the cohort shown, as one sentence with their sources, to stand
 * next to the computed headline ("Gepubliceerd voor hetzelfde cohort: 88 procent werkte een jaar
 * later (nog of weer), … (bron: Brief van …)."). Null when the view is not comparable (region,
 * sector, two years, several achtergronden) or nothing was published for this base quarter.
 */
export function uwvZin(cijfers: readonly GepubliceerdCijfer[], s: Selectie): string | null {
  if (!vergelijkbaar(s) || s.achtergrond.length > 1) return null;
  const groep = s.achtergrond.length === 0 ? TOTAAL : s.achtergrond[0];
  const gevonden = UWV_WOORDEN.flatMap(([veld, woorden]) => {
    const c = cijfers.find((x) => x.berekening?.soort === 'cohort' && x.berekening.veld === veld && x.berekening.basis === s.basis && x.berekening.groep === groep);
    return c ? [{ c, tekst: `${String(c.waarde).replace('.', ',')} procent ${woorden}` }] : [];
  });
  if (gevonden.length === 0) return null;
  const delen = gevonden.map((g) => g.tekst);
  const lijst = delen.length === 1 ? delen[0] : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
  const bronnen = [...new Set(gevonden.map((g) => g.c.citatie.label + (g.c.citatie.url ? `, ${g.c.citatie.url}` : '')))].join('; ');
  return `Gepubliceerd voor hetzelfde cohort: ${lijst} (bron: ${bronnen}).`;
}

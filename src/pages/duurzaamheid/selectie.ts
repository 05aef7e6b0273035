/**
 * The selection of the Duurzaamheid page in words, which base quarter is actually shown, and
 * when published figures are comparable with what is shown.
 */
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { formatKwartaal } from '../../lib/format/nl.ts';
import { basiskwartalen, type PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import type { ContractRij } from '../../lib/metrics/duurzaamheid/contract.ts';
import type { Filters, Horizon } from '../../lib/metrics/duurzaamheid/filters.ts';
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import { parseKwartaal, type Kwartaal } from '../../lib/kwartaal.ts';
import type { Achtergrond, Sector } from '../../lib/extracts/contracts.ts';
import { gepubliceerdPerKwartaal, type BerekendeCijfers, type CohortVeld, type GepubliceerdCijfer, type StartersVeld } from '../../lib/published/duurzaamheid.ts';
import type { Markers } from './grafieken.ts';
import { somStarters, somUitkomst, somUitstroom, TOTAAL, vanBasis } from './groepen.ts';

/** What the page shows: the URL filters with a base quarter that the data allow. */
export interface Selectie {
  basis: Kwartaal;
  horizon: Horizon;
  achtergrond: readonly Achtergrond[];
  regio: readonly string[];
  sector: 'alle' | Sector;
}

/** Trends use third quarters as base (the UWV peilmoment). */
export const TREND_KWARTAAL = 3;

/** A third-quarter base is read from the trends; any other base has its own queries. */
export function isTrendKwartaal(k: Kwartaal): boolean {
  return parseKwartaal(k)?.kwartaal === TREND_KWARTAAL;
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
  /** Dutch message when the quarter in the link could not be used. */
  melding: string | null;
}

/**
 * The base quarter to show: the one in the link when the data have t+h, else the latest third
 * quarter that has t+h (else the latest base quarter at all).
 */
export function kiesBasis(gevraagd: Kwartaal | null, horizon: Horizon, bereik: PanelBereik): BasisKeuze {
  const geldig = basiskwartalen(bereik, horizon);
  const opties = [...geldig].reverse();
  const standaard = geldig.filter(isTrendKwartaal).at(-1) ?? geldig.at(-1) ?? null;
  if (gevraagd === null || geldig.includes(gevraagd)) return { basis: gevraagd ?? standaard, opties, melding: null };
  const jaren = horizon === 4 ? 'een jaar' : 'twee jaar';
  const melding = standaard
    ? `Basiskwartaal ${formatKwartaal(gevraagd)} uit de link kan niet: de gegevens (${formatKwartaal(bereik.eerste)} tot en met ${formatKwartaal(bereik.laatste)}) lopen niet tot ${jaren} later. Getoond wordt het ${formatKwartaal(standaard)}.`
    : null;
  return { basis: standaard, opties, melding };
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
  if (!vergelijkbaar(s)) return {};
  const groep = s.achtergrond.length === 0 ? TOTAAL : s.achtergrond.length === 1 ? s.achtergrond[0] : null;
  if (!groep) return {};
  return { werkzaam: perBasis(cijfers, 'werkzaamPct', groep), steeds: perBasis(cijfers, 'steedsWerkzaamPct', groep), zelfde: perBasis(cijfers, 'zelfdeBaanPct', groep) };
}

function startersPerBasis(cijfers: readonly GepubliceerdCijfer[], veld: StartersVeld) {
  return gepubliceerdPerKwartaal(cijfers, (b) => (b.soort === 'starters' && b.veld === veld ? b.basis : null));
}

/** Starters markers: published for everyone in the country (any horizon: starters have their own). */
export function startersMarkers(cijfers: readonly GepubliceerdCijfer[], s: Selectie): Markers {
  if (s.regio.length || s.sector !== 'alle' || s.achtergrond.length) return {};
  return { na1: startersPerBasis(cijfers, 'werkzaamNa1JaarPct'), zelfde: startersPerBasis(cijfers, 'zelfdeBaanNa1JaarPct'), na2: startersPerBasis(cijfers, 'werkzaamNa2JaarPct') };
}

/** Contract markers: published for everyone in the country. */
export function contractMarkers(cijfers: readonly GepubliceerdCijfer[], s: Selectie): Markers {
  if (s.regio.length || s.sector !== 'alle' || s.achtergrond.length) return {};
  const m = (veld: 'urenOnbepaaldPct' | 'gemBaanduurJaren') =>
    gepubliceerdPerKwartaal(cijfers, (b) => (b.soort === 'contract' && b.veld === veld ? b.kwartaal : null));
  return { uren: m('urenOnbepaaldPct'), duur: m('gemBaanduurJaren') };
}

/** The computed side of the comparison, from the national trends (horizon 4, all groups). */
export function berekendeCijfers(
  cohort: readonly UitkomstRij[],
  uitstroom: readonly UitstroomRij[],
  startersRijen: readonly StartersRij[],
  contract: readonly ContractRij[],
): BerekendeCijfers {
  const contractPerKw = new Map(contract.filter((r) => r.groep === TOTAAL).map((r) => [r.kwartaal, r]));
  return {
    cohort(basis, groep) {
      const rijen = vanBasis(cohort, basis);
      return groep === TOTAAL ? somUitkomst(rijen)[0] : rijen.find((r) => r.groep === groep);
    },
    uitstroom(basis) {
      const rijen = vanBasis(uitstroom, basis);
      return rijen.length ? somUitstroom(rijen) : undefined;
    },
    starters: (basis) => somStarters(vanBasis(startersRijen, basis))[0],
    contract: (kw) => contractPerKw.get(kw),
  };
}

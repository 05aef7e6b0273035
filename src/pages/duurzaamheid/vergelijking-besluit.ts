/**
 * The UWV comparison's computed shares go through the page's own disclosure tables: a share the
 * page hides (its count under 10, or hidden to protect a small group elsewhere in that base
 * quarter's table, or left empty by a voorberekende map) is hidden in the comparison with the
 * same reason, so the comparison can never print what the outcome table, trend or uitstroom
 * table hides. The tables are those of the national view with every achtergrond (the comparison
 * compares national figures and the large achtergronden), built once per base quarter asked — or
 * taken from the page when it shows that very view (PaginaTabellen).
 */
import type { Onderdrukt } from '../../lib/format/disclosure.ts';
import { isOnderdrukt } from '../../lib/format/disclosure.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import type { Berekening, CohortVeld, StartersVeld } from '../../lib/published/duurzaamheid.ts';
import { beschermCohort, beschermStarters, type CohortBescherming, type StartersBescherming, type UitkomstVeld } from './beveiliging.ts';
import { perBasis, TOTAAL } from './groepen.ts';

const COHORT: Readonly<Record<CohortVeld, Exclude<UitkomstVeld, 'cohort'>>> = {
  werkzaamPct: 'werkzaam', werkVerlorenPct: 'verloren', uitRegisterPct: 'uit', steedsWerkzaamPct: 'steeds', zelfdeBaanPct: 'zelfde',
};
const STARTERS: Readonly<Record<StartersVeld, 'na1' | 'zelfde' | 'na2'>> = {
  werkzaamNa1JaarPct: 'na1', zelfdeBaanNa1JaarPct: 'zelfde', werkzaamNa2JaarPct: 'na2',
};

const mark = (v: number | Onderdrukt | null | undefined): Onderdrukt | null => (isOnderdrukt(v) ? v : null);

/**
 * Tables the page already built per base quarter from these very rows for the national view with
 * every achtergrond (beschermCohorten, beschermStartersPerBasis): the same tables, so reused. A
 * base quarter missing from them is built here.
 */
export interface PaginaTabellen {
  cohort?: ReadonlyMap<Kwartaal, CohortBescherming>;
  starters?: ReadonlyMap<Kwartaal, StartersBescherming>;
}

/** The page's decision on the count behind each computed figure (BerekendeCijfers.besluit). */
export function vergelijkingBesluit(
  cohort: readonly UitkomstRij[],
  uitstroom: readonly UitstroomRij[],
  starters: readonly StartersRij[],
  pagina: PaginaTabellen = {},
): (b: Berekening) => Onderdrukt | null {
  const cohortRijen = perBasis(cohort);
  const redenen = perBasis(uitstroom);
  const startersRijen = perBasis(starters);
  const cohortTabel = new Map<Kwartaal, CohortBescherming | null>(pagina.cohort);
  const startersTabel = new Map<Kwartaal, StartersBescherming | null>(pagina.starters);
  const tabel = (basis: Kwartaal) => {
    if (!cohortTabel.has(basis)) {
      const rijen = cohortRijen.get(basis);
      cohortTabel.set(basis, rijen ? beschermCohort(rijen, redenen.get(basis) ?? [], null, true) : null);
    }
    return cohortTabel.get(basis)!;
  };
  const startersVan = (basis: Kwartaal) => {
    if (!startersTabel.has(basis)) {
      const rijen = startersRijen.get(basis);
      startersTabel.set(basis, rijen ? beschermStarters(rijen, true) : null);
    }
    return startersTabel.get(basis)!;
  };
  return (b) => {
    switch (b.soort) {
      case 'cohort': {
        const p = tabel(b.basis);
        if (!p || (b.groep !== TOTAAL && !p.groepen.includes(b.groep))) return null;
        return mark(p.aandeel(b.groep, COHORT[b.veld], 1));
      }
      case 'uitstroom':
        return mark(tabel(b.basis)?.reden(b.reden)?.aandeel);
      case 'starters':
        return mark(startersVan(b.basis)?.aandeel(TOTAAL, STARTERS[b.veld]));
      default:
        // Hours and durations: means over the werkzamen, judged on their own count (the national
        // contract trend hides nothing else).
        return null;
    }
  };
}

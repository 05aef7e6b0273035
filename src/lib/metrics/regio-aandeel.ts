/**
 * A rate per region from counts (werkzaam na 1 jaar: n = the cohort, k = still werkzaam a year
 * later): the ranked table for the map and the funnel with control limits. The national rate is
 * Σk / Σn over all rows, unknown codes included.
 */
import { regioNaam, type RegioAandeel } from './regio.ts';
import type { RangTabel } from './regio-indicatoren.ts';
import { funnel, rangschik, type FunnelMethode, type FunnelResultaat } from './stats.ts';

/** Funnel data: each region's rate with its 95% and 99,8% limits and flags. */
export function regioFunnel(
  rijen: readonly RegioAandeel[],
  opties: { p0?: number; methode?: FunnelMethode } = {},
): FunnelResultaat<RegioAandeel & { regio_naam: string | null }> {
  return funnel(rijen.map((r) => ({ ...r, regio_naam: regioNaam(r.regio_code) })), opties);
}

/** The rate per region as a ranked table for the map (`personen` = n, for disclosure). */
export function aandeelTabel(rijen: readonly RegioAandeel[], label: string): RangTabel {
  const f = funnel(rijen);
  const gerangschikt = rangschik(f.punten, (r) => r.p);
  return {
    label,
    eenheid: 'fractie',
    rijen: gerangschikt.map((g) => ({
      regio_code: g.rij.regio_code,
      regio_naam: regioNaam(g.rij.regio_code),
      waarde: g.waarde,
      rang: g.rang,
      gedeeld: g.gedeeld,
      personen: g.rij.n,
    })),
    landelijk: f.p0,
    aantalMetWaarde: gerangschikt.filter((g) => g.rang !== null).length,
  };
}

/**
 * Series indexed to their base quarter = 100, so a small and a large region can be compared
 * (compare view, profile). Derived from one series answer (regioReeksenQuery) without a query.
 */
import { kwartaalToIndex, indexToKwartaal, type Kwartaal } from '../kwartaal.ts';
import type { ReeksPunt, Reeksen } from './regio.ts';
import { controleerIndicator, type NiveauIndicator } from './regio-indicatoren.ts';

export interface IndexPunt {
  kwartaal: Kwartaal;
  waarde: number | null;
  /** waarde / waarde at the base quarter × 100; null when the base is missing or 0. */
  index: number | null;
}

/** Index a series to its base quarter = 100. */
function indexeer(punten: readonly ReeksPunt[], indicator: NiveauIndicator, basis: Kwartaal): IndexPunt[] {
  const b = punten.find((p) => p.kwartaal === basis)?.[indicator] ?? null;
  return punten.map((p) => {
    const waarde = p[indicator];
    return { kwartaal: p.kwartaal, waarde, index: waarde !== null && b !== null && b !== 0 ? (waarde / b) * 100 : null };
  });
}

export interface GeindexeerdeReeks {
  regio_code: string | null;
  regio_naam: string | null;
  landelijk: boolean;
  punten: IndexPunt[];
}

/** National first, then the regions in the order of `reeksen.regios`. */
export function geindexeerdeReeksen(reeksen: Reeksen, indicator: NiveauIndicator, basis: string): GeindexeerdeReeks[] {
  controleerIndicator(indicator);
  const basisKw = indexToKwartaal(kwartaalToIndex(basis));
  return [reeksen.landelijk, ...reeksen.regios].map((r) => ({
    regio_code: r.regio_code, regio_naam: r.regio_naam, landelijk: r.landelijk, punten: indexeer(r.punten, indicator, basisKw),
  }));
}

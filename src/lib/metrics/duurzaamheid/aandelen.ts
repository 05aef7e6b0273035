/** Shares of a group (0..100) and the disclosure flag every result row carries. */
import { DREMPEL } from '../../format/disclosure.ts';

/** Below the disclosure threshold (format/disclosure.ts, 10 persons): counts and shares are not shown. */
export function onderDrempel(n: number): boolean {
  return n < DREMPEL;
}

export function pct(teller: number, noemer: number): number {
  return noemer > 0 ? (teller / noemer) * 100 : 0;
}

export function pctOfNull(teller: number | null, noemer: number): number | null {
  return teller === null || noemer <= 0 ? null : (teller / noemer) * 100;
}

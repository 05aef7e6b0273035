/**
 * The periods an extract can cover at all (the plausibility rules, plausibiliteit.ts) and that a
 * link may therefore name (state/url.ts): from the nulmeting at the end of 2012 up to the end of
 * next year. Kept apart so the URL parser does not load the validator.
 */

/** The nulmeting of the banenafspraak: the register starts at the end of 2012. */
export const NULMETING = '2012-12-31';
/** The first quarter any extract can hold: the quarter of the nulmeting. */
export const EERSTE_KWARTAAL = '2012Q4';

/** The last year a file may reach: next year (a file is often delivered before its last quarter ends). */
export function laatsteJaar(nu: Date = new Date()): number {
  return nu.getFullYear() + 1;
}

/** The last quarter any extract can hold. */
export function laatsteKwartaal(nu: Date = new Date()): string {
  return `${laatsteJaar(nu)}Q4`;
}

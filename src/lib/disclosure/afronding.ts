/**
 * Rounding of shares in whole numbers only, so that what is shown is exactly what the audit
 * assumes the reader saw. A share teller/noemer shown with d decimals of a percentage is counted
 * in units of 10^-d percent: `eenheden` 333 with d = 1 is 33,3%. One share is rounded half up
 * (as Intl does for positive numbers); the parts of 100% are rounded by largest remainder
 * (Hamilton's method), so that they add up to exactly 100%.
 */

/** Units in the whole: 100 · 10^d for a percentage with d decimals. */
export function eenhedenInGeheel(decimalen: number, schaal = 100): number {
  return schaal * 10 ** decimalen;
}

function veilig(x: number): number {
  if (!Number.isSafeInteger(x)) throw new Error(`disclosure: rounding out of exact range (${x})`);
  return x;
}

/** teller/noemer in units, rounded half up: 1/3 with 1 decimal → 333; 1/8 with 0 decimals → 13. */
export function afgerondHalf(teller: number, noemer: number, decimalen: number, schaal = 100): number {
  if (noemer <= 0) throw new Error('disclosure: share of an empty group');
  const s = eenhedenInGeheel(decimalen, schaal);
  // floor((s·t)/n + ½) = floor((2·s·t + n) / (2n)), all in whole numbers.
  return Math.floor(veilig(2 * s * teller + noemer) / (2 * noemer));
}

/**
 * Parts of one whole in units that add up to exactly the whole: each part gets the whole units
 * of its exact value, and the units still missing go to the parts with the largest remainders
 * (ties: the larger part, then the first). Parts 905/27/68 of 1000 in whole percents: exact 90,5 /
 * 2,7 / 6,8 → 90 / 3 / 7 (each rounded on its own they would be 91 + 3 + 7 = 101).
 */
export function grootsteRest(tellers: readonly number[], noemer: number, decimalen: number, schaal = 100): number[] {
  if (noemer <= 0) throw new Error('disclosure: share of an empty group');
  const s = eenhedenInGeheel(decimalen, schaal);
  if (tellers.reduce((a, b) => a + b, 0) !== noemer) throw new Error('disclosure: parts do not add up to the whole');
  const heel = tellers.map((t) => Math.floor(veilig(s * t) / noemer));
  const rest = tellers.map((t, i) => s * t - heel[i] * noemer);
  let tekort = s - heel.reduce((a, b) => a + b, 0);
  const volgorde = tellers.map((_, i) => i).sort((a, b) => rest[b] - rest[a] || tellers[b] - tellers[a] || a - b);
  for (const i of volgorde) {
    if (tekort <= 0) break;
    heel[i] += 1;
    tekort -= 1;
  }
  return heel;
}

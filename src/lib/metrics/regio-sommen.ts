/**
 * The additive sums behind every regional figure, and the one place their ratios are derived.
 * SQL returns only sums (people, werkzaam, uren, split by sector and dienstverband); banen,
 * shares and growth follow here (`kengetallen`, `groei`), so a region and Nederland follow the
 * same formulas and the national figure is always the sum over regions.
 */
import { DIENSTVERBANDEN, SECTOREN } from '../extracts/contracts.ts';
import { inList, literal } from '../sql/quote.ts';

/** One baan = 25,5 verloonde uren per week; a quarter has 13 weeks → 331,5 uren per quarter. */
export const UREN_PER_BAAN = 25.5 * 13;

export interface RegioSommen {
  /** People in the register (one panel row per person per quarter). */
  personen: number;
  werkzaam: number;
  uren: number;
  uren_markt: number;
  uren_overheid: number;
  /** Uren with sector NULL or outside the contract's domain (kept so the split adds up). */
  uren_sector_onbekend: number;
  uren_regulier: number;
  uren_uitzend: number;
  uren_detachering: number;
  uren_dienstverband_onbekend: number;
}

const SOM_NAMEN = [
  'personen', 'werkzaam', 'uren', 'uren_markt', 'uren_overheid', 'uren_sector_onbekend',
  'uren_regulier', 'uren_uitzend', 'uren_detachering', 'uren_dienstverband_onbekend',
] as const satisfies readonly (keyof RegioSommen)[];

/**
 * Each sum as an aggregate over the per-cell rows (region × date × sector × dienstverband) of
 * the pre-aggregation's inner query; conditions use only contract enums.
 */
export function celSommen(): string {
  const uren = (voorwaarde: string) => `coalesce(sum(uren) FILTER (WHERE ${voorwaarde}), 0)`;
  const defs: Record<keyof RegioSommen, string> = {
    personen: 'CAST(sum(personen) AS BIGINT)',
    werkzaam: 'CAST(sum(werkzaam) AS BIGINT)',
    uren: 'CAST(sum(uren) AS DOUBLE)',
    uren_markt: uren(`sector = ${literal(SECTOREN[0])}`),
    uren_overheid: uren(`sector = ${literal(SECTOREN[1])}`),
    uren_sector_onbekend: uren(`sector IS NULL OR sector NOT IN ${inList(SECTOREN)}`),
    uren_regulier: uren(`dienstverband = ${literal(DIENSTVERBANDEN[0])}`),
    uren_uitzend: uren(`dienstverband = ${literal(DIENSTVERBANDEN[1])}`),
    uren_detachering: uren(`dienstverband = ${literal(DIENSTVERBANDEN[2])}`),
    uren_dienstverband_onbekend: uren(`dienstverband IS NULL OR dienstverband NOT IN ${inList(DIENSTVERBANDEN)}`),
  };
  return SOM_NAMEN.map((n) => `${defs[n]} AS ${n}`).join(',\n    ');
}

/** Sums over rows of the pre-aggregation, optionally restricted by `periode`, with a column prefix. */
export function somKolommen(periode: string | null, prefix = ''): string {
  return SOM_NAMEN.map((n) => {
    const som = periode ? `sum(${n}) FILTER (WHERE ${periode})` : `sum(${n})`;
    return `CAST(coalesce(${som}, 0) AS DOUBLE) AS ${prefix}${n}`;
  }).join(',\n    ');
}

/**
 * Sums standing in for a cell a voorberekende map left empty (fewer than 10 persons, or protecting
 * such a cell). Never printed: the page's disclosure tables hide every value resting on that cell
 * ("x"), and hide Nederland too, whose sum they enter. They are numbers only so that every figure
 * derived from the cell exists and is drawn as hidden, not as "geen gegevens".
 */
export function vervangendeSommen(): RegioSommen {
  const s = {} as RegioSommen;
  for (const naam of SOM_NAMEN) s[naam] = naam === 'personen' || naam === 'werkzaam' ? 10 : UREN_PER_BAAN;
  return s;
}

export function leesSommen(rij: Record<string, unknown>, prefix = ''): RegioSommen {
  const s = {} as RegioSommen;
  for (const naam of SOM_NAMEN) s[naam] = Number(rij[prefix + naam] ?? 0);
  return s;
}

export function somOver(lijst: readonly RegioSommen[]): RegioSommen {
  const s = {} as RegioSommen;
  for (const naam of SOM_NAMEN) s[naam] = lijst.reduce((a, r) => a + r[naam], 0);
  return s;
}

export interface RegioKengetallen extends RegioSommen {
  banen: number;
  banen_markt: number;
  banen_overheid: number;
  banen_sector_onbekend: number;
  banen_regulier: number;
  banen_uitzend: number;
  banen_detachering: number;
  banen_dienstverband_onbekend: number;
  /** werkzaam / personen; null without anyone in the register. */
  aandeel_werkzaam: number | null;
  /** banen per 1.000 people in the register. */
  banen_per_1000: number | null;
}

/** Banen and ratios from sums: the one place these formulas live. */
export function kengetallen(s: RegioSommen): RegioKengetallen {
  const b = (uren: number) => uren / UREN_PER_BAAN;
  const banen = b(s.uren);
  return {
    ...s,
    banen,
    banen_markt: b(s.uren_markt),
    banen_overheid: b(s.uren_overheid),
    banen_sector_onbekend: b(s.uren_sector_onbekend),
    banen_regulier: b(s.uren_regulier),
    banen_uitzend: b(s.uren_uitzend),
    banen_detachering: b(s.uren_detachering),
    banen_dienstverband_onbekend: b(s.uren_dienstverband_onbekend),
    aandeel_werkzaam: s.personen > 0 ? s.werkzaam / s.personen : null,
    banen_per_1000: s.personen > 0 ? (banen / s.personen) * 1000 : null,
  };
}

export interface Groei {
  /** banen(eind) − banen(basis) */
  groei_banen: number;
  /** groei / banen(basis); null when there were no banen at the base. */
  groei_banen_rel: number | null;
}

export function groei(basis: RegioKengetallen, eind: RegioKengetallen): Groei {
  const g = eind.banen - basis.banen;
  return { groei_banen: g, groei_banen_rel: basis.banen > 0 ? g / basis.banen : null };
}

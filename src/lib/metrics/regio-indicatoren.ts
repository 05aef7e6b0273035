/**
 * The regional indicators and what is derived from one overview answer without a query: the
 * ranked table per indicator (map, ranking bars, table twin and CSV all read it, so they agree)
 * and a region's profile (its place for every indicator).
 */
import type { Kwartaal } from '../kwartaal.ts';
import type { LandelijkRij, RegioOverzicht, RegioOverzichtRij } from './regio.ts';
import { rangschik } from './stats.ts';

export type Eenheid = 'banen' | 'personen' | 'fractie' | 'per1000';

interface IndicatorInfo {
  label: string;
  eenheid: Eenheid;
  /** `eind`: level at the end quarter; `groei`: change from base to end. */
  periode: 'eind' | 'groei';
}

export const REGIO_INDICATOREN = {
  banen: { label: 'Banen (25,5 uur per week)', eenheid: 'banen', periode: 'eind' },
  banen_markt: { label: 'Banen in de marktsector', eenheid: 'banen', periode: 'eind' },
  banen_overheid: { label: 'Banen bij de overheid', eenheid: 'banen', periode: 'eind' },
  banen_regulier: { label: 'Banen in regulier dienstverband', eenheid: 'banen', periode: 'eind' },
  banen_uitzend: { label: 'Banen via uitzendwerk', eenheid: 'banen', periode: 'eind' },
  banen_detachering: { label: 'Banen via detachering', eenheid: 'banen', periode: 'eind' },
  personen: { label: 'Personen in het doelgroepregister', eenheid: 'personen', periode: 'eind' },
  werkzaam: { label: 'Werkzame personen', eenheid: 'personen', periode: 'eind' },
  aandeel_werkzaam: { label: 'Aandeel werkzaam', eenheid: 'fractie', periode: 'eind' },
  banen_per_1000: { label: 'Banen per 1.000 personen in het register', eenheid: 'per1000', periode: 'eind' },
  groei_banen: { label: 'Groei aantal banen', eenheid: 'banen', periode: 'groei' },
  groei_banen_rel: { label: 'Groei aantal banen (%)', eenheid: 'fractie', periode: 'groei' },
  aandeel_landelijke_groei: { label: 'Aandeel in de landelijke groei', eenheid: 'fractie', periode: 'groei' },
} as const satisfies Record<string, IndicatorInfo>;

export type RegioIndicator = keyof typeof REGIO_INDICATOREN;
export type NiveauIndicator = { [K in RegioIndicator]: (typeof REGIO_INDICATOREN)[K]['periode'] extends 'eind' ? K : never }[RegioIndicator];

export const REGIO_INDICATOR_NAMEN = Object.keys(REGIO_INDICATOREN) as RegioIndicator[];

function isRegioIndicator(s: unknown): s is RegioIndicator {
  return typeof s === 'string' && Object.hasOwn(REGIO_INDICATOREN, s);
}

export function controleerIndicator(s: unknown): asserts s is RegioIndicator {
  if (!isRegioIndicator(s)) throw new Error(`Onbekende indicator "${String(s)}"; kies uit ${REGIO_INDICATOR_NAMEN.join(', ')}.`);
}

function indicatorWaarde(rij: LandelijkRij, indicator: RegioIndicator): number | null {
  const info: IndicatorInfo = REGIO_INDICATOREN[indicator];
  if (info.periode === 'groei') return rij[indicator as 'groei_banen' | 'groei_banen_rel' | 'aandeel_landelijke_groei'];
  return rij.eind[indicator as NiveauIndicator];
}

export interface IndicatorRij {
  regio_code: string | null;
  regio_naam: string | null;
  waarde: number | null;
  /** 1 = highest value (not "best"); ties share a rank. Null without a value. */
  rang: number | null;
  gedeeld: boolean;
  /** People in the register at the end quarter: the format layer uses it for disclosure. */
  personen: number;
}

/** A ranked table of one value per region: what map, ranking bars, table twin and CSV all read. */
export interface RangTabel {
  label: string;
  eenheid: Eenheid;
  /** Sorted by rank (highest first), rows without a value last. */
  rijen: IndicatorRij[];
  /** The national value (from the summed numerators and denominators, same formula). */
  landelijk: number | null;
  /** Number of rows with a value (the "van" in "plaats 3 van 35"). */
  aantalMetWaarde: number;
}

export interface IndicatorTabel extends RangTabel {
  indicator: RegioIndicator;
  periode: 'eind' | 'groei';
  basis: Kwartaal;
  eind: Kwartaal;
}

export function indicatorTabel(overzicht: RegioOverzicht, indicator: RegioIndicator): IndicatorTabel {
  controleerIndicator(indicator);
  const info: IndicatorInfo = REGIO_INDICATOREN[indicator];
  const gerangschikt = rangschik(overzicht.regios, (r) => indicatorWaarde(r, indicator));
  return {
    indicator,
    label: info.label,
    eenheid: info.eenheid,
    periode: info.periode,
    basis: overzicht.basis,
    eind: overzicht.eind,
    rijen: gerangschikt.map((g) => ({
      regio_code: g.rij.regio_code,
      regio_naam: g.rij.regio_naam,
      waarde: g.waarde,
      rang: g.rang,
      gedeeld: g.gedeeld,
      personen: g.rij.eind.personen,
    })),
    landelijk: indicatorWaarde(overzicht.landelijk, indicator),
    aantalMetWaarde: gerangschikt.filter((g) => g.rang !== null).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Region profile (factsheet)
// ---------------------------------------------------------------------------------------------

export interface ProfielPositie {
  indicator: RegioIndicator;
  label: string;
  eenheid: Eenheid;
  waarde: number | null;
  rang: number | null;
  gedeeld: boolean;
  van: number;
  landelijk: number | null;
}

export interface RegioProfiel {
  regio_code: string;
  regio_naam: string | null;
  basis: Kwartaal;
  eind: Kwartaal;
  rij: RegioOverzichtRij;
  landelijk: LandelijkRij;
  /** Every indicator with the region's rank among all regions in the overview. */
  posities: ProfielPositie[];
}

/** Key figures of one region and its position among the regions for each indicator; null when the region has no data. */
export function regioProfiel(overzicht: RegioOverzicht, code: string): RegioProfiel | null {
  const rij = overzicht.regios.find((r) => r.regio_code === code);
  if (!rij) return null;
  const posities = REGIO_INDICATOR_NAMEN.map((indicator) => {
    const t = indicatorTabel(overzicht, indicator);
    const eigen = t.rijen.find((r) => r.regio_code === code)!;
    return {
      indicator, label: t.label, eenheid: t.eenheid, waarde: eigen.waarde, rang: eigen.rang,
      gedeeld: eigen.gedeeld, van: t.aantalMetWaarde, landelijk: t.landelijk,
    };
  });
  return { regio_code: code, regio_naam: rij.regio_naam, basis: overzicht.basis, eind: overzicht.eind, rij, landelijk: overzicht.landelijk, posities };
}

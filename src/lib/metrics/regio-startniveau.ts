/**
 * UWV's finding that regions which started high grew less, from one overview answer: each
 * region's start level at the base quarter against its relative growth in banen, with a fitted
 * line and r.
 */
import type { Kwartaal } from '../kwartaal.ts';
import type { RegioOverzicht } from './regio.ts';
import { kleinsteKwadraten, pearsonR, type LijnFit } from './stats.ts';

export type StartniveauMaat = 'aandeel_werkzaam' | 'banen_per_1000';

export interface ScatterPunt {
  regio_code: string | null;
  regio_naam: string | null;
  /** Start level at the base quarter. */
  x: number | null;
  /** Relative growth in banen, base → end. */
  y: number | null;
}

export interface StartniveauGroei {
  maat: StartniveauMaat;
  basis: Kwartaal;
  eind: Kwartaal;
  /** Every region, also those without x or y (they are not in the fit). */
  punten: ScatterPunt[];
  fit: LijnFit | null;
  r: number | null;
  /** Regions used for fit and r. */
  n: number;
  landelijk: { x: number | null; y: number | null };
}

/**
 * Each region's werkzaam share (or banen per 1.000 register members) at the base against its
 * relative growth in banen. The fit is unweighted: every region counts once, as in the published
 * comparison.
 */
export function startniveauVersusGroei(overzicht: RegioOverzicht, maat: StartniveauMaat = 'aandeel_werkzaam'): StartniveauGroei {
  if (maat !== 'aandeel_werkzaam' && maat !== 'banen_per_1000') throw new Error(`Onbekende maat voor het startniveau: "${String(maat)}".`);
  const punten = overzicht.regios.map((r) => ({ regio_code: r.regio_code, regio_naam: r.regio_naam, x: r.basis[maat], y: r.groei_banen_rel }));
  const compleet = punten.filter((p): p is ScatterPunt & { x: number; y: number } => p.x !== null && p.y !== null);
  return {
    maat,
    basis: overzicht.basis,
    eind: overzicht.eind,
    punten,
    fit: kleinsteKwadraten(compleet),
    r: pearsonR(compleet),
    n: compleet.length,
    landelijk: { x: overzicht.landelijk.basis[maat], y: overzicht.landelijk.groei_banen_rel },
  };
}

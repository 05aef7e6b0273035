/**
 * The series of a line chart as drawn: label, style, colour and marker per series, and how a
 * marker is painted (the same in the legend, on the line and in the tooltip).
 */
import { kolom, type ChartData, type LijnSerie } from './spec.ts';
import { KLEUR, MARKER_VORMEN, reeksKleur, type Kleur, type MarkerVorm } from './palette.ts';

export interface Reeks {
  key: string;
  label: string;
  stijl: 'lijn' | 'stippel' | 'punten';
  kleur: Kleur;
  marker: MarkerVorm;
}

export function reeksenVan(data: ChartData, series: readonly LijnSerie[]): Reeks[] {
  return series.map((s, i) => {
    const stijl = s.stijl ?? 'lijn';
    return {
      key: s.key,
      label: s.label ?? kolom(data, s.key).label,
      stijl,
      kleur: s.kleurIndex === 'neutraal' ? KLEUR.referentie : reeksKleur(s.kleurIndex ?? i),
      marker: s.marker ?? (stijl === 'punten' ? 'ruit' : MARKER_VORMEN[i % MARKER_VORMEN.length]),
    };
  });
}

/** Hollow markers on a dashed line, dark-edged diamonds for published points, solid otherwise. */
export function markerVerf(r: Reeks): { vulling: string; rand: string } {
  return {
    vulling: r.stijl === 'stippel' ? KLEUR.achtergrond.css : r.kleur.css,
    rand: r.stijl === 'punten' ? KLEUR.tekst.css : r.kleur.css,
  };
}

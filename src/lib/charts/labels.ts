/**
 * Labels next to points (scatter, funnel) without overlap: each label tries right, left, above
 * and below its point and takes the first free spot inside the plot; a label that fits nowhere is
 * left out (the table twin still has the point). Greedy, in the order given, so callers put the
 * labels that matter most first.
 */
import { KLEIN_PX, tekstBreedte } from './layout.ts';

export interface Kader {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelVraag {
  /** Point position in plot coordinates. */
  x: number;
  y: number;
  tekst: string;
  nadruk?: boolean;
}

export interface GeplaatstLabel {
  x: number;
  y: number;
  anker: 'start' | 'end' | 'middle';
  tekst: string;
  nadruk: boolean;
}

function overlapt(a: Kader, b: Kader): boolean {
  return !(a.x1 < b.x0 || a.x0 > b.x1 || a.y1 < b.y0 || a.y0 > b.y1);
}

/**
 * @param vragen labels in order of importance
 * @param bezet areas already taken (the points themselves, a legend)
 * @param grens where labels may go (plot coordinates)
 */
export function plaatsLabels(vragen: readonly LabelVraag[], bezet: readonly Kader[], grens: Kader, px = KLEIN_PX): GeplaatstLabel[] {
  const vol = [...bezet];
  const uit: GeplaatstLabel[] = [];
  for (const v of vragen) {
    const w = tekstBreedte(v.tekst, px);
    const h = px;
    const opties = [
      { x: v.x + 8, y: v.y + 4, anker: 'start' as const, k: { x0: v.x + 8, y0: v.y - h / 2 - 2, x1: v.x + 8 + w, y1: v.y + h / 2 } },
      { x: v.x - 8, y: v.y + 4, anker: 'end' as const, k: { x0: v.x - 8 - w, y0: v.y - h / 2 - 2, x1: v.x - 8, y1: v.y + h / 2 } },
      { x: v.x, y: v.y - 9, anker: 'middle' as const, k: { x0: v.x - w / 2, y0: v.y - 9 - h, x1: v.x + w / 2, y1: v.y - 7 } },
      { x: v.x, y: v.y + 19, anker: 'middle' as const, k: { x0: v.x - w / 2, y0: v.y + 7, x1: v.x + w / 2, y1: v.y + 21 } },
    ];
    const vrij = opties.find(
      (o) => o.k.x0 >= grens.x0 && o.k.x1 <= grens.x1 && o.k.y0 >= grens.y0 && o.k.y1 <= grens.y1 && !vol.some((b) => overlapt(o.k, b)),
    );
    if (!vrij) continue;
    vol.push(vrij.k);
    uit.push({ x: vrij.x, y: vrij.y, anker: vrij.anker, tekst: v.tekst, nadruk: v.nadruk ?? false });
  }
  return uit;
}

/** A small square around a point, for `bezet`. */
export function puntKader(x: number, y: number, r = 5): Kader {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}

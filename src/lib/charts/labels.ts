/**
 * Labels next to points (scatter, funnel) without overlap: each label tries right, left, above
 * and below its point and takes the first free spot inside the plot; a label that fits nowhere is
 * left out (the table twin still has the point). Greedy, in the order given, so callers put the
 * labels that matter most first. A label keeps a gap from the edge of its point's marker (its
 * `straal`, which the caller knows: a triangle reaches further than a circle), and its box runs
 * from the top of the capitals to the bottom of the descenders, so no glyph touches a marker.
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
  /** Distance from the point to the edge of its marker, stroke included (default 5). */
  straal?: number;
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
  // Capitals reach ~0.75 em above the baseline, descenders ~0.25 em below it.
  const stijg = Math.round(px * 0.75);
  const daal = Math.ceil(px * 0.25);
  for (const v of vragen) {
    // Estimates are rough: a little room so a wider font does not reach the next marker.
    const w = tekstBreedte(v.tekst, px) * 1.06;
    const r = (v.straal ?? 5) + LABEL_GAT;
    const basis = v.y + stijg / 2;
    const boven = v.y - r - daal;
    const onder = v.y + r + stijg;
    const opties = [
      { x: v.x + r, y: basis, anker: 'start' as const, k: { x0: v.x + r, y0: basis - stijg, x1: v.x + r + w, y1: basis + daal } },
      { x: v.x - r, y: basis, anker: 'end' as const, k: { x0: v.x - r - w, y0: basis - stijg, x1: v.x - r, y1: basis + daal } },
      { x: v.x, y: boven, anker: 'middle' as const, k: { x0: v.x - w / 2, y0: boven - stijg, x1: v.x + w / 2, y1: boven + daal } },
      { x: v.x, y: onder, anker: 'middle' as const, k: { x0: v.x - w / 2, y0: onder - stijg, x1: v.x + w / 2, y1: onder + daal } },
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

/** Gap between a marker's edge and its label, in px. */
export const LABEL_GAT = 3;

/** The square a point's marker takes (r: its `straal`), for `bezet`. */
export function puntKader(x: number, y: number, r = 5): Kader {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}

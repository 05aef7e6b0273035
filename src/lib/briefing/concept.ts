/**
 * The drafted paragraph of a section: the page's own headline sentences (never a second copy of
 * their wording or their numbers), joined, with every figure as a number part ({getal}) so an
 * edit cannot change it. Whole percentages get the letters' rounding words from alinea.ts when
 * the view passes the exact shares the sentences were written from, in the order the sentences
 * print them ("88 procent" from 0,876 → "bijna 88 procent"): each figure takes the first share not
 * yet used that rounds to it; a figure without such a share keeps no word.
 */
import { procentInWoorden } from './alinea.ts';
import type { TekstDeel } from './types.ts';

/** A figure: optional €, digits with nl-NL separators, optional unit. Years stand alone and are no figures. */
const GETAL = /(?:€\s?)?[−-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:%|\s(?:procentpunt|procent|miljoen|miljard))?/g;
const JAAR = /^(?:19|20)\d\d$/;
const HEEL_PROCENT = /^(\d{1,3}) procent$/;

/** The rounding word of a whole percentage, from the first unused share that rounds to it. */
function metWoord(tekst: string, aandelen: readonly number[], gebruikt: Set<number>): string {
  const m = HEEL_PROCENT.exec(tekst);
  if (!m) return tekst;
  const i = aandelen.findIndex((a, j) => !gebruikt.has(j) && Math.round(Math.abs(a) * 100) === Number(m[1]));
  if (i < 0) return tekst;
  gebruikt.add(i);
  return procentInWoorden(Math.abs(aandelen[i]));
}

/** One sentence as text and number parts. */
export function delenVan(zin: string, aandelen: readonly number[] = [], gebruikt = new Set<number>()): TekstDeel[] {
  const uit: TekstDeel[] = [];
  let vorige = 0;
  for (const m of zin.matchAll(GETAL)) {
    const voor = zin[m.index - 1];
    // Part of a word or a code ("AM38", "2021Q3"), or a year: text.
    if ((voor && /[\p{L}\d]/u.test(voor)) || /^[\p{L}\d]/u.test(zin.slice(m.index + m[0].length)) || JAAR.test(m[0])) continue;
    if (m.index > vorige) uit.push(zin.slice(vorige, m.index));
    uit.push({ getal: metWoord(m[0], aandelen, gebruikt) });
    vorige = m.index + m[0].length;
  }
  if (vorige < zin.length) uit.push(zin.slice(vorige));
  return uit;
}

/** The paragraph: sentences joined by a space, adjacent text parts merged. */
export function conceptAlinea(zinnen: readonly string[], aandelen: readonly number[] = []): TekstDeel[] {
  const uit: TekstDeel[] = [];
  const gebruikt = new Set<number>();
  zinnen.forEach((z, i) => {
    for (const d of delenVan(i === 0 ? z : ` ${z}`, aandelen, gebruikt)) {
      const laatste = uit.at(-1);
      if (typeof d === 'string' && typeof laatste === 'string') uit[uit.length - 1] = laatste + d;
      else uit.push(d);
    }
  });
  return uit;
}

/**
 * The BUIG page's choices (from the link) as they apply to the loaded data: which year is shown,
 * which range of years, which gemeenten are in the selection, and how the selection reads in a
 * sentence. Pure functions, tested on hand-built rows.
 */
import { GEMEENTEN } from '../../lib/extracts/gemeenten.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { GROOTTEKLASSEN, type BuigSelectie, type GemeenteRij } from '../../lib/metrics/buig.ts';
import type { Filters } from '../../lib/state/url.ts';

export type BuigFilters = Filters<'buig'>;

const GEMEENTE_NAAM = new Map(GEMEENTEN.map((g) => [g.code, g.naam]));

export function gemeenteNaam(code: string): string {
  return GEMEENTE_NAAM.get(code) ?? code;
}

/** What the metric queries narrow to (the gemeente only highlights, it does not narrow). */
export function metriekSelectie(f: BuigFilters): BuigSelectie {
  return { regio: f.regio ? [f.regio] : undefined, klasse: f.klasse, drempel: f.drempel };
}

export function isLandelijk(f: BuigFilters): boolean {
  return f.regio === null && f.klasse === null;
}

/** The year shown: the one in the link when the data have it, else the latest year in the data. */
export function getoondJaar(gekozen: number | null, jaren: readonly number[]): number | null {
  if (jaren.length === 0) return null;
  return gekozen !== null && jaren.includes(gekozen) ? gekozen : jaren[jaren.length - 1];
}

/** The range shown: the link's years clamped to the data; absent ends are the data's first and last year. */
export function getoondePeriode(van: number | null, tot: number | null, jaren: readonly number[]): { van: number; tot: number } | null {
  if (jaren.length === 0) return null;
  const eerste = jaren[0];
  const laatste = jaren[jaren.length - 1];
  const v = Math.min(Math.max(van ?? eerste, eerste), laatste);
  const t = Math.max(Math.min(tot ?? laatste, laatste), eerste);
  return v <= t ? { van: v, tot: t } : { van: eerste, tot: laatste };
}

/** A link value outside the data, in Dutch (null when everything in the link is in the data). */
export function buitenDeGegevens(f: BuigFilters, jaren: readonly number[]): string | null {
  if (jaren.length === 0) return null;
  const buiten = [f.jaar, f.van, f.tot].filter((j): j is number => j !== null && !jaren.includes(j));
  if (buiten.length === 0) return null;
  const lijst = [...new Set(buiten)].join(' en ');
  return `${lijst} ${buiten.length === 1 ? 'zit' : 'zitten'} niet in de geladen gegevens (${jaren[0]} tot en met ${jaren[jaren.length - 1]}); getoond wordt wat er wel is.`;
}

/** Same narrowing as the SQL (buig.ts selectieFilter), for the gemeenten read once for all selections. */
export function inSelectie(g: Pick<GemeenteRij, 'regio_code' | 'klasse'>, f: Pick<BuigFilters, 'regio' | 'klasse'>): boolean {
  return (f.regio === null || g.regio_code === f.regio) && (f.klasse === null || g.klasse === f.klasse);
}

function klasseLabel(k: NonNullable<BuigFilters['klasse']>): string {
  return GROOTTEKLASSEN.find((x) => x.id === k)!.label;
}

/** "heel Nederland", "arbeidsmarktregio Groningen", "heel Nederland, budget € 5 tot 10 mln". */
export function selectieTekst(f: Pick<BuigFilters, 'regio' | 'klasse'>): string {
  const waar = f.regio ? `arbeidsmarktregio ${REGIO_NAMEN[f.regio] ?? f.regio}` : 'heel Nederland';
  return f.klasse ? `${waar}, gemeenten met een budget van ${klasseLabel(f.klasse)}` : waar;
}

/**
 * Who the sentences are about: "gemeenten" nationally; "de gemeenten in arbeidsmarktregio
 * Groningen", "gemeenten met een budget van € 5 tot 10 mln" otherwise; and what they spend against.
 */
export function onderwerp(f: Pick<BuigFilters, 'regio' | 'klasse'>): { wie: string; budget: string; landelijk: boolean } {
  if (f.regio === null && f.klasse === null) return { wie: 'gemeenten', budget: 'het macrobudget', landelijk: true };
  const regio = f.regio ? ` in arbeidsmarktregio ${REGIO_NAMEN[f.regio] ?? f.regio}` : '';
  const klasse = f.klasse ? ` met een budget van ${klasseLabel(f.klasse)}` : '';
  return { wie: `de gemeenten${regio}${klasse}`, budget: 'hun budget', landelijk: false };
}

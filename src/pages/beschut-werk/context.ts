/**
 * Shared pieces of the Beschut werk page models: the unit a view is about (Nederland, a region or
 * a gemeente), the selection in words, where a chart's numbers come from (the answers'
 * provenance, never a global flag), and how a protected count becomes a cell.
 */
import { GEMEENTEN } from '../../lib/extracts/gemeenten.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { AFGELEID, BESCHERMD, DREMPEL, GEHEIM, KLEIN, type Onderdrukt } from '../../lib/format/disclosure.ts';
import type { AanvragerKeuze } from '../../lib/metrics/beschut-afleiden.ts';
import { periodeNaam } from '../../lib/published/beschut.ts';
import { grafiekHerkomst, herkomstVan, type ExtractHerkomst, type Herkomst } from '../../lib/query/herkomst.ts';
import type { Filters } from '../../lib/state/url.ts';

export type BeschutFilters = Filters<'beschut-werk'>;

export interface Eenheid {
  soort: 'nederland' | 'regio' | 'gemeente';
  /** 'NL', AMxx or GMxxxx: the code of the unit in the comparison of gemeenten and regions. */
  code: string;
  naam: string;
  /** The region of a gemeente (its own code for a region, null for Nederland). */
  regio: string | null;
}

const GEMEENTE = new Map(GEMEENTEN.map((g) => [g.code, g]));

/** A chosen gemeente wins over a chosen region (it lies in one); nothing chosen is Nederland. */
export function eenheidVan(f: Pick<BeschutFilters, 'regio' | 'gemeente'>): Eenheid {
  const g = f.gemeente ? GEMEENTE.get(f.gemeente) : undefined;
  if (g) return { soort: 'gemeente', code: g.code, naam: g.naam, regio: g.regio };
  if (f.regio && REGIO_NAMEN[f.regio]) return { soort: 'regio', code: f.regio, naam: REGIO_NAMEN[f.regio], regio: f.regio };
  return { soort: 'nederland', code: 'NL', naam: 'Nederland', regio: null };
}

/** "heel Nederland", "arbeidsmarktregio Twente", "gemeente Almere". */
export function eenheidTekst(e: Eenheid): string {
  return e.soort === 'nederland' ? 'heel Nederland' : e.soort === 'regio' ? `arbeidsmarktregio ${e.naam}` : `gemeente ${e.naam}`;
}

/** "in Nederland", "in arbeidsmarktregio Twente", "in gemeente Almere". */
export function inEenheid(e: Eenheid): string {
  return e.soort === 'nederland' ? 'in Nederland' : `in ${eenheidTekst(e)}`;
}

/** The aanvragers a view shows: all three, or the one chosen. */
export function getoondeAanvragers(a: BeschutFilters['aanvrager']): AanvragerKeuze[] {
  return a === 'alle' ? ['gemeente', 'burger', 'totaal'] : [a];
}

/** The aanvrager whose numbers a single figure (sentence, map, ranking) uses. */
export function hoofdAanvrager(a: BeschutFilters['aanvrager']): AanvragerKeuze {
  return a === 'alle' ? 'totaal' : a;
}

export const AANVRAGER_LABEL: Record<AanvragerKeuze, string> = { gemeente: 'Gemeente', burger: 'Burger', totaal: 'Totaal' };

export interface Context {
  selectie: string;
  bron: string;
  peildatum: string;
  synthetisch: boolean;
}

/** The selection in words: unit, period and aanvrager, e.g. "heel Nederland, januari t/m mei 2017, alle aanvragers". */
export function selectieTekst(e: Eenheid, van: string, tot: string, aanvrager: BeschutFilters['aanvrager']): string {
  const a = aanvrager === 'alle' ? 'alle aanvragers' : aanvrager === 'gemeente' ? 'aangevraagd door gemeenten' : 'aangevraagd door burgers';
  return `${eenheidTekst(e)}, ${periodeNaam(van, tot)}, ${a}`;
}

/** Source line, peildatum and synthetic label of a chart computed from these answers. */
export function context(selectie: string, ...herkomsten: readonly (Herkomst | null)[]): Context {
  const extracts = new Map<string, ExtractHerkomst>();
  for (const h of herkomsten) for (const e of h?.extracts ?? []) extracts.set(e.extract, e);
  return { selectie, ...grafiekHerkomst(herkomstVan([...extracts.values()])) };
}

/** The source line, peildatum and synthetic label of a chart, from its context. */
export function bronVelden(ctx: Context): { bron: string; peildatum: string; synthetisch: boolean } {
  return { bron: ctx.bron, peildatum: ctx.peildatum, synthetisch: ctx.synthetisch };
}

/**
 * Hidden cells; `zonderReden`: a gemeente's own months, whose hidden counts print "x" without
 * saying why (as every gemeente's count in the comparison, whose unit is in its id); `geheim`:
 * single cells whose reason would narrow another hidden cell (lib/disclosure/verzwijgen.ts);
 * `openbaar`: Nederland's months where UWV published figures of its own, whose consequences are
 * printed (openbaar.ts), so that the footnote says so.
 */
export type VerborgenCellen = ReadonlySet<string> & { readonly zonderReden?: boolean; readonly geheim?: ReadonlySet<string>; readonly openbaar?: boolean };

/** A gemeente's hidden count says nothing of its size: "<10" would bound it, and through the region's sums its neighbours. */
export function zonderReden(verborgen: VerborgenCellen, id: string): boolean {
  return verborgen.zonderReden === true || verborgen.geheim?.has(id) === true || id.split('|')[1]?.startsWith('GM') === true;
}

/**
 * A count as a cell: the number, or "<10" when disclosure control hides it as small, "x" when it
 * hides it to protect a small group elsewhere (BESCHERMD) or without saying why (GEHEIM).
 */
export function telCel(verborgen: VerborgenCellen, id: string, waarde: number): number | Onderdrukt {
  if (!verborgen.has(id)) return waarde;
  if (zonderReden(verborgen, id)) return GEHEIM;
  return waarde < DREMPEL ? KLEIN : BESCHERMD;
}

/**
 * A value derived from counts (`tellingen`: id and count; share, interval, average): "x" when any
 * is hidden, with the reason of the hidden ones (a small one among them: AFGELEID).
 */
export function afgeleidCel<T>(verborgen: VerborgenCellen, tellingen: readonly (readonly [string, number])[], waarde: T): T | Onderdrukt {
  const weg = tellingen.filter(([id]) => verborgen.has(id));
  if (weg.length === 0) return waarde;
  if (weg.some(([id]) => zonderReden(verborgen, id))) return GEHEIM;
  return weg.some(([, n]) => n < DREMPEL) ? AFGELEID : BESCHERMD;
}

/** Where UWV published monthly figures itself (openbaar.ts): NOOT_AANVULLEND does not hold for what those give. */
export const NOOT_OPENBAAR =
  'UWV publiceerde zelf cijfers over maanden in deze periode (zie "Gepubliceerde cijfers"). Wat uit die cijfers al volgt, wordt getoond: een groep van minder dan 10 personen die UWV zelf bekendmaakte, kan dan uit een totaal min de delen volgen.';

export const NOOT_AANVULLEND =
  'Aantallen onder de 10 worden niet getoond ("<10"); waar anders een verborgen aantal terug te rekenen is uit wat wel getoond wordt (een totaal min de delen), is ook een ander aantal verborgen ("x").';

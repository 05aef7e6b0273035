/**
 * Beschut werk on a voorberekende map (`npm run compute`, voorberekend/beschut.ts writes the
 * tables): per calendar year the page's national view — every gemeente, region and Nederland
 * (`agg_beschut_gebied`) and Nederland's months (`agg_beschut_maand`) — one row per count, a count
 * the page hides written empty with the reason it prints; and Nederland's places per peildatum
 * (`agg_beschut_plekken`).
 *
 * The variants read them back in the rows the page's queries answer with, plus the map's cells
 * (`kaart`): a count the file left empty is 0 in the rows until the page gives it a stand-in that
 * keeps every printed sum true (pages/beschut-werk/invulling.ts); the page hides every empty cell
 * with the file's reason. Only whole calendar years of the national view have a variant (what the
 * file holds), and the twins of the published figures (`agg_beschut_gepubliceerd`: the page's
 * published section as computed on the microdata); any other question says it needs microdata.
 */
import type { Table } from 'apache-arrow';
import { toRows } from '../engine/rows.ts';
import { GEMEENTEN } from '../extracts/gemeenten.ts';
import type { MetricQuery } from '../sql/query.ts';
import type { GemeenteRij } from './beschut-gemeenten.ts';
import { maandenVan } from './beschut-afleiden.ts';
import { metInterval, type JaarRij, type MaandRij, type PlekkenRij } from './beschut.ts';

export const BESCHUT_GEBIED_TABEL = 'agg_beschut_gebied';
export const BESCHUT_MAAND_TABEL = 'agg_beschut_maand';
export const BESCHUT_PLEKKEN_TABEL = 'agg_beschut_plekken';
export const BESCHUT_GEPUBLICEERD_TABEL = 'agg_beschut_gepubliceerd';

/** Why a count of the map is empty: the reason the microdata page prints for it. */
export type KaartReden = 'klein' | 'bescherming' | 'geheim';

/**
 * One count of Beschut werk's voorberekende map as the page reads it back: `eenheid` a gemeente
 * (GMxxxx), region (AMxx) or 'NL' in the comparison; a month ('yyyy-mm'), the year ('jaar') or a
 * year to date ('tm' + 'yyyy-mm') in Nederland's months; `soort` b (beoordelingen), p (positief),
 * n (negatief), 'plekken' or 'taakstelling'; `aantal` null where the file left it empty.
 */
export interface KaartCel {
  eenheid: string;
  soort: string;
  aanvrager: 'gemeente' | 'burger' | 'totaal';
  aantal: number | null;
  reden: KaartReden | null;
}

/** An answer read from a map: its rows (empty counts 0 for now) and the map's cells they come from. */
export type MetKaart<T> = T & { readonly kaart?: readonly KaartCel[] };

type Variant<T> = NonNullable<MetricQuery<T>['voorberekend']>;

const alleenVoorberekend = (tabel: string) => [{ name: tabel, sql: `SELECT 'alleen voorberekend (npm run compute)'` }];

/** The calendar year a period is, or null (the map holds whole years only). */
export function kalenderjaar(p: { van: string; tot: string }): number | null {
  const j = p.van.slice(0, 4);
  return p.van === `${j}-01` && p.tot === `${j}-12` ? Number(j) : null;
}

const cellen = (table: Table) =>
  toRows<KaartCel & { peildatum?: string | null }>(table).map((c) => ({ ...c, aantal: c.aantal === null ? null : Number(c.aantal) }));

const GEMEENTE = new Map(GEMEENTEN.map((g) => [g.code, g]));

/** gemeentenQuery of a calendar year on the map: every gemeente's row, its counts as written (empty: 0). */
export function gemeentenVoorberekend(jaar: number): Variant<MetKaart<GemeenteRij[]>> {
  return {
    sql: `SELECT eenheid, soort, aanvrager, aantal, onderdrukt_reden AS reden, peildatum FROM ${BESCHUT_GEBIED_TABEL} WHERE jaar = ? ORDER BY eenheid, soort, aanvrager`,
    params: [jaar],
    setup: alleenVoorberekend(BESCHUT_GEBIED_TABEL),
    shape: (table) => {
      const kaart = cellen(table);
      const rijen = new Map<string, GemeenteRij>();
      for (const c of kaart) {
        const ref = GEMEENTE.get(c.eenheid);
        if (!ref) continue;
        let r = rijen.get(c.eenheid);
        if (!r) {
          r = { code: ref.code, naam: ref.naam, regio: ref.regio, beoordelingenGemeente: 0, positiefGemeente: 0, beoordelingenBurger: 0, positiefBurger: 0, taakstelling: null, plekken: null, plekkenPeildatum: null };
          rijen.set(c.eenheid, r);
        }
        const n = c.aantal ?? 0;
        if (c.soort === 'taakstelling') r.taakstelling = n;
        else if (c.soort === 'plekken') Object.assign(r, { plekken: n, plekkenPeildatum: c.peildatum ?? null });
        else if (c.aanvrager === 'gemeente' && c.soort === 'b') r.beoordelingenGemeente = n;
        else if (c.aanvrager === 'gemeente' && c.soort === 'p') r.positiefGemeente = n;
        else if (c.aanvrager === 'burger' && c.soort === 'b') r.beoordelingenBurger = n;
        else if (c.aanvrager === 'burger' && c.soort === 'p') r.positiefBurger = n;
      }
      return Object.assign([...rijen.values()].sort((a, b) => (a.code < b.code ? -1 : 1)), { kaart: kaart.map(({ peildatum: _, ...c }) => c) });
    },
  };
}

/** Nederland's months of `jaar` between `van` and `tot` on the map (every month, as perMaandQuery), with the year table's cells (the year and its years to date). */
export function maandenVoorberekend(jaar: number, van: string, tot: string): Variant<MetKaart<MaandRij[]>> {
  return {
    sql: `SELECT maand AS eenheid, soort, aanvrager, aantal, onderdrukt_reden AS reden FROM ${BESCHUT_MAAND_TABEL} WHERE jaar = ? ORDER BY maand, soort, aanvrager`,
    params: [jaar],
    setup: alleenVoorberekend(BESCHUT_MAAND_TABEL),
    shape: (table) => {
      const kaart: KaartCel[] = cellen(table);
      const aantal = new Map(kaart.map((c) => [`${c.soort}|${c.eenheid}|${c.aanvrager}`, c.aantal ?? 0]));
      const rijen: MaandRij[] = [];
      // A month outside the table (beyond the loaded adviezen) counts 0, as perMaandQuery has it.
      for (const m of maandenVan(van, tot)) {
        for (const a of ['burger', 'gemeente', 'totaal'] as const) {
          rijen.push({ maand: m, ...metInterval({ aanvrager: a, beoordelingen: aantal.get(`b|${m}|${a}`) ?? 0, positief: aantal.get(`p|${m}|${a}`) ?? 0 }) });
        }
      }
      return Object.assign(rijen, { kaart });
    },
  };
}

/**
 * Nederland's places per peildatum on the map (plekkenQuery's own answer). A peildatum written
 * empty (fewer than 10 places) gets 0 as its stand-in, so the page prints "<10" there as on the
 * microdata; its other figures are empty in the file too (0: not drawn).
 */
export function plekkenVoorberekend(): Variant<PlekkenRij[]> {
  return {
    sql: `SELECT peildatum, coalesce(plekken, 0)::BIGINT AS plekken, coalesce(taakstelling, 0)::BIGINT AS taakstelling, realisatiePct,
        coalesce(gemeenten, 0)::BIGINT AS gemeenten, coalesce(gemeentenZonderPlek, 0)::BIGINT AS gemeentenZonderPlek, pctGemeentenZonderPlek
      FROM ${BESCHUT_PLEKKEN_TABEL} ORDER BY peildatum`,
    params: [],
    setup: alleenVoorberekend(BESCHUT_PLEKKEN_TABEL),
  };
}

/** Nederland's adviezen per calendar year on the map (perJaarQuery without a filter; an empty count stays empty). */
export function jarenVoorberekend(): Variant<JaarRij[]> {
  return {
    sql: `SELECT jaar, aanvrager, max(aantal) FILTER (WHERE soort = 'b') AS beoordelingen, max(aantal) FILTER (WHERE soort = 'p') AS positief
      FROM ${BESCHUT_GEBIED_TABEL} WHERE eenheid = 'NL' AND soort IN ('b', 'p') GROUP BY jaar, aanvrager
      HAVING count(aantal) = 2 ORDER BY jaar, (aanvrager = 'totaal'), aanvrager`,
    params: [],
    setup: alleenVoorberekend(BESCHUT_GEBIED_TABEL),
    shape: (table) => toRows<{ jaar: number; aanvrager: JaarRij['aanvrager']; beoordelingen: number; positief: number }>(table).map(({ jaar, ...r }) => ({ jaar: Number(jaar), ...metInterval({ ...r, beoordelingen: Number(r.beoordelingen), positief: Number(r.positief) }) })),
  };
}

/** A published figure's twin as the map wrote it: under its key (tweelingSleutel), the number, or empty with its reason. */
export interface GeschrevenTweeling {
  sleutel: string;
  waarde: number | null;
  reden: KaartReden | null;
}

/** The months of the published figures read from a map: no months, the twins as written. */
export type MetTweelingen<T> = T & { readonly tweelingen?: readonly GeschrevenTweeling[] };

/**
 * The national months the published figures need, on the map: their twins as `npm run compute`
 * wrote them (the months span calendar years and sums the map does not hold; the twins and what
 * they hide are the microdata page's own, pages/beschut-werk/gepubliceerd.ts).
 */
export function tweelingenVoorberekend(): Variant<MetTweelingen<MaandRij[]>> {
  return {
    sql: `SELECT cijfer AS sleutel, berekend AS waarde, onderdrukt_reden AS reden FROM ${BESCHUT_GEPUBLICEERD_TABEL} ORDER BY cijfer`,
    params: [],
    setup: alleenVoorberekend(BESCHUT_GEPUBLICEERD_TABEL),
    shape: (table) => Object.assign([] as MaandRij[], { tweelingen: toRows<GeschrevenTweeling>(table) }),
  };
}

/**
 * What each section of the Beschut werk page draws from: answers of one selection with that
 * selection (momentopname.svelte.ts), and the cells disclosure control hides in them. Built here
 * (not in the page) so the briefing builds the same views from the same answers.
 */
import { gebieden, type AanvragerKeuze, type Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import type { GemeentePlekRij, GemeenteRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { MaandRij, PlekkenRij } from '../../lib/metrics/beschut.ts';
import type { GeschrevenTweeling, KaartCel, MetKaart } from '../../lib/metrics/beschut-voorberekend.ts';
import type { BeschutCijfer } from '../../lib/published/beschut.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import type { QueryState } from '../../lib/query/query-state.svelte.ts';
import { context, type BeschutFilters, type Context, type Eenheid } from './context.ts';
import { publicatiesOver } from './openbaar.ts';
import { vergelijkModel, type Verborgen } from './gebieden.ts';
import { totalen, type Totalen } from './maanden.ts';
import { beschermGebieden } from './onderdrukking.ts';
import type { PlekPunt } from './plekken.ts';
import { vulGebieden, vulMaanden } from './invulling.ts';
import { JAAR, jaarTabel, jaarVan, laatstePunt, metSommen, plekPunten, verborgenMaanden, type Bereik, type Besluit } from './queries.ts';
import type { MaandSom } from './tabel.ts';
import { kernzinnen } from './zinnen.ts';

export interface MaandView {
  van: string;
  tot: string;
  eenheid: Eenheid;
  rijen: MaandRij[];
  verborgen: Set<string>;
  totalen: Totalen;
  /** The unit's taakstelling for the year of `tot`. */
  taakstelling: number | null;
  herkomst: (Herkomst | null)[];
}

export interface GebiedView {
  van: string;
  tot: string;
  g: Gebieden;
  verborgen: Verborgen;
  herkomst: Herkomst | null;
  /** Nederland's year table of the months, decided with the comparison in the worker (the page; absent elsewhere). */
  land?: Besluit;
}

export interface PlekView {
  eenheid: Eenheid;
  tot: string;
  punten: PlekPunt[];
  herkomst: Herkomst | null;
}

export interface LandView {
  maanden: MaandRij[];
  plekken: PlekkenRij[];
  /** Read from a voorberekende map: the published figures' twins as written there (no months). */
  tweelingen?: readonly GeschrevenTweeling[];
  herkomst: (Herkomst | null)[];
}

/** Props of a section of the page: its queries' states and the view built from their answers. */
export interface SectieProps<V> {
  states: QueryState<unknown>[];
  view: V | null;
}

type Periode = Pick<BeschutFilters, 'van' | 'tot'>;

/**
 * The comparison of one period, protected here (synchronously: the briefing, tests); read from a
 * voorberekende map, with the map's hidden cells and stand-ins for them (invulling.ts).
 */
export function gebiedViewVan(f: Periode, rijen: MetKaart<readonly GemeenteRij[]>, herkomst: Herkomst | null): GebiedView {
  if (rijen.kaart) {
    const v = vulGebieden(rijen, rijen.kaart);
    return gebiedViewMet(f, gebieden(v.rijen), v.verborgen, herkomst);
  }
  const g = gebieden(rijen);
  return gebiedViewMet(f, g, beschermGebieden(g, f.tot), herkomst);
}

/** The comparison with the cells to hide decided elsewhere (the page: in a worker, bescherming.svelte.ts). */
export function gebiedViewMet(f: Periode, g: Gebieden, verborgen: Verborgen, herkomst: Herkomst | null, land?: Besluit): GebiedView {
  return { van: f.van, tot: f.tot, g, verborgen, herkomst, ...(land ? { land } : {}) };
}

const ingevuld = new WeakMap<readonly MaandRij[], ReturnType<typeof vulMaanden> & { tabel: MaandSom | null }>();

/** A map's months with stand-ins, once per answer (another period in the same year reuses them). */
function ingevuldeMaanden(rijen: readonly MaandRij[], kaart: readonly KaartCel[]) {
  let v = ingevuld.get(rijen);
  if (!v) ingevuld.set(rijen, (v = { ...vulMaanden(rijen, kaart), tabel: kaartTabel(kaart) }));
  return v;
}

/** The year table a map's months were written with: its first and last month (the sums' ids follow from them); null without months. */
function kaartTabel(kaart: readonly KaartCel[]): MaandSom | null {
  const maanden = kaart.map((c) => c.eenheid).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  return maanden.length ? { id: JAAR, van: maanden[0], tot: maanden[maanden.length - 1] } : null;
}

/** The months the loaded adviezen cover, from an answer's provenance (null: unknown). */
export function adviesBereik(h: Herkomst | null): Bereik {
  const a = h?.extracts.find((x) => x.extract === 'beschut_adviezen');
  return a?.peildatumVan && a.peildatumTot ? { van: a.peildatumVan.slice(0, 7), tot: a.peildatumTot.slice(0, 7) } : null;
}

/**
 * The unit's months, with the cells disclosure control hides (a gemeente's: all but its period as
 * the comparison prints it; Nederland's prints what UWV's `gepubliceerd` figures pin anyway, and
 * flags the footnote). Read from a voorberekende map (Nederland's months): the year table as the
 * map hides it, with stand-ins for its empty counts, and the period derived as always.
 */
export function maandViewVan(f: Periode, e: Eenheid, alle: MetKaart<MaandRij[]>, gv: GebiedView, herkomst: (Herkomst | null)[], gepubliceerd: readonly BeschutCijfer[]): MaandView {
  const periode = { van: f.van, tot: f.tot };
  const unit = e.soort === 'nederland' ? gv.g.nederland : e.soort === 'regio' ? gv.g.regios.find((u) => u.code === e.code) : gv.g.gemeenten.find((u) => u.code === e.code);
  const kaart = alle.kaart ? ingevuldeMaanden(alle, alle.kaart) : null;
  const rijen = kaart?.rijen ?? alle;
  const bereik = adviesBereik(herkomst[0] ?? null);
  // Nederland's year table from the worker when it decided one (seconds for some years), else here.
  const verborgen = kaart
    ? metSommen(kaart.verborgen, periode, e, kaart.tabel ?? jaarVan(f))
    : e.soort === 'nederland' && gv.land
      ? metSommen(gv.land, periode, e, jaarTabel(f, bereik))
      : verborgenMaanden(e, periode, rijen, gv.verborgen, gepubliceerd, bereik);
  return {
    ...periode,
    eenheid: e,
    rijen,
    // A fresh set from metSommen: the footnote's flag goes on it.
    verborgen: e.soort === 'nederland' && publicatiesOver(gepubliceerd, f.van, f.tot) ? Object.assign(verborgen, { openbaar: true }) : verborgen,
    totalen: totalen(rijen, f.van, f.tot),
    taakstelling: unit?.taakstelling ?? null,
    herkomst,
  };
}

export function plekViewVan(e: Eenheid, tot: string, plekken: readonly PlekkenRij[] | null, regioPlekken: readonly GemeentePlekRij[] | null, gv: GebiedView, herkomst: Herkomst | null): PlekView {
  return { eenheid: e, tot, punten: plekPunten(e, plekken, regioPlekken, gv.g, gv.verborgen), herkomst };
}

/** The headline sentences of one selection (months, comparison and places of the same selection). */
export function paginaZinnen(m: MaandView, g: GebiedView, p: PlekView, f: BeschutFilters, aanvrager: AanvragerKeuze, selectie: string): { tekst: string[]; context: Context } {
  const v = vergelijkModel(g.g, f, aanvrager, g.verborgen, context(''));
  const boven = v.rang.rijen.filter((r) => typeof r.verhouding === 'number' && r.verhouding > 1).length;
  return {
    tekst: kernzinnen({
      eenheid: m.eenheid,
      van: m.van,
      tot: m.tot,
      aanvrager,
      periode: m.totalen.periode,
      verborgen: m.verborgen,
      extrapolatie: m.totalen.extrapolatie.get(aanvrager) ?? null,
      taakstelling: m.taakstelling,
      plekken: laatstePunt(p.punten, m.tot),
      vergelijking: { wie: f.niveau === 'gemeente' ? 'gemeenten' : "arbeidsmarktregio's", van: g.van, tot: g.tot, minimum: f.minimum, gerangschikt: v.rang.rijen.length, boven },
      jaar: m.totalen.jaar,
    }),
    context: context(selectie, ...m.herkomst, p.herkomst),
  };
}

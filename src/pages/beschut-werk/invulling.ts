/**
 * Beschut werk drawn from a voorberekende map: the page derives regions, Nederland, shares and
 * sums of months from gemeente rows and month rows, but the map leaves every hidden count empty.
 * Each empty count gets a STAND-IN: a whole number ≥ 0 within what its reason says (klein 0–9,
 * bescherming ≥ 10, geheim ≥ 0), chosen so that every sum the page prints — region = Σ gemeenten,
 * Nederland = Σ regions, totaal = gemeente + burger, the year and the years to date = Σ months —
 * gives exactly the number the map wrote, with positief ≤ beoordelingen. A stand-in is never
 * printed: it is in `verborgen`, and the page prints "<10"/"x" for it (by its reason, which the
 * stand-in's size matches) as on the microdata. It is not the true count, only one table that fits
 * what is published (any the LP layer finds), so it tells the reader nothing the map does not.
 */
import { actieveSolver, vereenvoudig, yalpsSolver, type Lin } from '../../lib/disclosure/lp.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { DREMPEL } from '../../lib/format/disclosure.ts';
import type { AanvragerKeuze } from '../../lib/metrics/beschut-afleiden.ts';
import type { GemeenteRij } from '../../lib/metrics/beschut-gemeenten.ts';
import { metInterval, type MaandRij } from '../../lib/metrics/beschut.ts';
import type { KaartCel } from '../../lib/metrics/beschut-voorberekend.ts';
import type { Verborgen } from './gebieden.ts';
import { cel } from './onderdrukking.ts';

const AANVRAGERS: readonly AanvragerKeuze[] = ['gemeente', 'burger', 'totaal'];
const DELEN = ['gemeente', 'burger'] as const;
const SOORTEN = ['b', 'p', 'n'] as const;
type Soort = (typeof SOORTEN)[number];
/** A row with the id of its cell, for the message when the map does not fit. */
type Regel = Lin & { readonly id: string };
type VerborgenSet = Set<string> & { geheim?: ReadonlySet<string> };

/** The cell's id as cel() spells it (also for places, which cel() does not take). */
const idVan = (c: KaartCel) => `${c.soort}|${c.eenheid}|${c.aanvrager}`;
/** The parts of an aanvrager: totaal is gemeente + burger. */
const delenVan = (a: AanvragerKeuze): readonly (typeof DELEN)[number][] => (a === 'totaal' ? DELEN : [a]);

const fout = (waar: string, wat: string) => new Error(`De voorberekende tabellen van Beschut werk kloppen niet met elkaar (${waar}): ${wat}.`);

/** Whether the page hides the cell (an empty cell without a reason is damage). */
function leeg(c: KaartCel, waar: string): boolean {
  if (c.reden !== null) return true;
  if (c.aantal === null) throw fout(waar, `cel ${idVan(c)} is leeg zonder reden`);
  return false;
}

/** The row of one cell: its written number, or the bounds of its reason; every count is ≥ 0. */
function regel(c: KaartCel, termen: ReadonlyMap<string, number>, waar: string): Regel {
  const id = idVan(c);
  if (!leeg(c, waar)) return { id, termen, min: c.aantal!, max: c.aantal! };
  if (c.reden === 'klein') return { id, termen, min: 0, max: DREMPEL - 1 };
  return { id, termen, min: c.reden === 'bescherming' ? DREMPEL : 0 };
}

/** Σ over `eenheden` of soort `s` for aanvrager `a` (totaal: both parts), on the unknowns `${b|p}|eenheid|deel`. */
function termen(eenheden: readonly string[], s: Soort, a: AanvragerKeuze): Map<string, number> {
  const t = new Map<string, number>();
  for (const e of eenheden) {
    for (const d of delenVan(a)) {
      if (s !== 'p') t.set(cel('b', e, d), 1);
      if (s !== 'b') t.set(cel('p', e, d), s === 'n' ? -1 : 1);
    }
  }
  return t;
}

/** b, p and n per aanvrager as combinations of a unit's four quantities: b and p of gemeente and burger. */
function vector(s: Soort, a: AanvragerKeuze): number[] {
  const v = [0, 0, 0, 0];
  for (const d of delenVan(a)) {
    const i = d === 'gemeente' ? 0 : 2;
    if (s !== 'p') v[i] += 1;
    if (s !== 'b') v[i + 1] += s === 'n' ? -1 : 1;
  }
  return v;
}

/** Adds `v` to an echelon `basis` unless it is a combination of it; whether it was added. */
function nieuw(basis: number[][], v: readonly number[]): boolean {
  const w = [...v];
  for (const b of basis) {
    const i = b.findIndex((x) => x !== 0);
    const f = w[i] / b[i];
    for (let j = 0; j < w.length; j++) w[j] -= f * b[j];
  }
  if (w.every((x) => Math.abs(x) < 1e-9)) return false;
  basis.push(w);
  return true;
}

/** A unit: the leaves it sums (`delen`), and the units it is the sum of when it is one (null for a leaf). */
interface Eenheid {
  readonly delen: readonly string[];
  readonly kinderen: readonly string[] | null;
}

/**
 * The rows of every unit's counts (`alle`, all checked on the result) and the smaller model the
 * solver needs. b and p are required, n (b − p) only where the map has it. In the model a sum's
 * written parts are constants (Nederland's row holds only the regions a cell hides); a written row
 * that follows from rows kept (totaal = gemeente + burger, n = b − p, a sum of written parts) is
 * left out, and so is a hidden one that says only what holds anyway (≥ 0 of a sum of unknowns ≥ 0
 * and of the leaves' b − p ≥ 0). Without that: ~3,400 rows, Nederland's over every gemeente.
 */
function stelsel(eenheden: ReadonlyMap<string, Eenheid>, cellen: ReadonlyMap<string, KaartCel>, waar: string) {
  const alle: Regel[] = [];
  const model: Lin[] = [];
  const verborgen = new Set<string>();
  const geheim = new Set<string>();
  for (const [e, { delen, kinderen }] of eenheden) {
    if (!kinderen) {
      for (const d of DELEN) {
        const r = { id: cel('n', e, d), termen: termen([e], 'n', d), min: 0 };
        alle.push(r);
        model.push(r);
      }
    }
    const basis: number[][] = [];
    for (const s of SOORTEN) {
      for (const a of AANVRAGERS) {
        const c = cellen.get(cel(s, e, a));
        if (!c && s === 'n') continue;
        if (!c) throw fout(waar, `cel ${cel(s, e, a)} ontbreekt`);
        const r = regel(c, termen(delen, s, a), waar);
        alle.push(r);
        let vast = 0;
        let t = r.termen;
        if (kinderen) {
          const open = kinderen.filter((k) => {
            const kc = cellen.get(cel(s, k, a));
            return !kc || leeg(kc, waar);
          });
          for (const k of kinderen) if (!open.includes(k)) vast += cellen.get(cel(s, k, a))!.aantal!;
          t = termen(open.flatMap((k) => eenheden.get(k)!.delen), s, a);
        }
        const m: Lin = { termen: t, min: r.min! - vast, ...(r.max !== undefined ? { max: r.max - vast } : {}) };
        if (c.reden !== null) {
          verborgen.add(r.id);
          if (c.reden === 'geheim') geheim.add(r.id);
          if (m.max !== undefined || m.min! > 0) model.push(m);
        } else if (nieuw(basis, vector(s, a)) && t.size > 0) model.push(m);
      }
    }
  }
  return { alle, model, verborgen, geheim };
}

/**
 * yalps with a budget first, whatever the active solver: any feasible point will do, and on the
 * comparison (~1,000 rows) it finds one in 20–130 ms where HiGHS took 110–560 ms (a first call
 * 1 s, demo data 2015–2024). Past the budget the active solver (HiGHS once loaded).
 */
const snel = yalpsSolver(2000);

/**
 * A whole-number point of `model`: pinned unknowns substituted (vereenvoudig), the rest solved with
 * a dummy objective; unknowns no row mentions are 0. Every row of `alle` is checked on the result,
 * so a map whose cells cannot fit together throws.
 */
function oplossing(alle: readonly Regel[], model: readonly Lin[], waar: string): Map<string, number> {
  const { rijen: over, vast } = vereenvoudig(model.filter((r) => r.termen.size > 0));
  const uit = new Map(vast);
  const eerst = snel('\u0000nul', over, 'minimize');
  const s = eerst.status === 'anders' ? actieveSolver()('\u0000nul', over, 'minimize') : eerst;
  if (s.status !== 'optimal') throw fout(waar, 'geen gehele aantallen passen bij alle cellen');
  for (const [id, v] of s.variables) if (id !== '\u0000nul') uit.set(id, Math.max(0, Math.round(v)) + 0);
  for (const r of alle) {
    let som = 0;
    for (const [id, k] of r.termen) som += k * (uit.get(id) ?? 0);
    if ((r.min !== undefined && som < r.min) || (r.max !== undefined && som > r.max)) {
      throw fout(waar, r.min === r.max ? `cel ${r.id} is ${r.min}, de cellen waar hij de som van is geven ${som}` : `verborgen cel ${r.id} past niet bij zijn reden`);
    }
  }
  return uit;
}

/** The map's counts of persons (b, p, n) by id. */
function perId(kaart: readonly KaartCel[]): Map<string, KaartCel> {
  return new Map(kaart.filter((c) => (SOORTEN as readonly string[]).includes(c.soort)).map((c) => [idVan(c), c]));
}

function metGeheim(s: Set<string>, geheim: Set<string>): VerborgenSet {
  return geheim.size > 0 ? Object.assign(s, { geheim: geheim as ReadonlySet<string> }) : s;
}

/**
 * The comparison of one year from the map: every gemeente with counts such that gebieden() gives
 * every written cell of every gemeente, region and Nederland exactly, and stand-ins for the empty
 * ones. `rijen`: every gemeente with code, naam, regio, taakstelling and plekkenPeildatum as they
 * should appear (counts are taken from `kaart`).
 */
export function vulGebieden(rijen: readonly GemeenteRij[], kaart: readonly KaartCel[]): { rijen: GemeenteRij[]; verborgen: Verborgen } {
  const waar = 'vergelijking van gemeenten en regio\'s';
  const codes = rijen.map((r) => r.code);
  const regios = Object.keys(REGIO_NAMEN);
  const eenheden = new Map<string, Eenheid>([
    ...codes.map((c) => [c, { delen: [c], kinderen: null }] as const),
    ...regios.map((r) => {
      const delen = rijen.filter((g) => g.regio === r).map((g) => g.code);
      return [r, { delen, kinderen: delen }] as const;
    }),
    ['NL', { delen: codes, kinderen: regios }],
  ]);
  for (const c of kaart) if (!eenheden.has(c.eenheid)) throw fout(waar, `onbekende eenheid ${c.eenheid}`);

  const { alle, model, verborgen: adviezen, geheim } = stelsel(eenheden, perId(kaart), waar);
  // A gemeente prints "x" without a reason by its id (context.ts zonderReden): only other units need `geheim`.
  for (const id of geheim) if (id.split('|')[1].startsWith('GM')) geheim.delete(id);
  const tel = oplossing(alle, model, waar);

  // Places are a model of their own: they share no sum with the adviezen.
  const plek = new Map(kaart.filter((c) => c.soort === 'plekken').map((c) => [c.eenheid, c]));
  const plekRegels: Regel[] = [];
  const plekken = new Set<string>();
  for (const [e, { delen }] of eenheden) {
    const mee = delen.filter((g) => plek.has(g));
    const c = plek.get(e);
    // gebieden() gives a region places only when one of its gemeenten has them.
    if ((c !== undefined) !== (mee.length > 0)) throw fout(waar, `de plekken van ${e} passen niet bij die van de gemeenten`);
    if (!c) continue;
    plekRegels.push(regel(c, new Map(mee.map((g) => [g, 1])), waar));
    if (leeg(c, waar)) plekken.add(e);
  }
  const plekTel = oplossing(plekRegels, plekRegels, waar);

  const uit = rijen.map((r): GemeenteRij => ({
    ...r,
    beoordelingenGemeente: tel.get(cel('b', r.code, 'gemeente')) ?? 0,
    positiefGemeente: tel.get(cel('p', r.code, 'gemeente')) ?? 0,
    beoordelingenBurger: tel.get(cel('b', r.code, 'burger')) ?? 0,
    positiefBurger: tel.get(cel('p', r.code, 'burger')) ?? 0,
    plekken: plek.has(r.code) ? (plekTel.get(r.code) ?? 0) : null,
  }));
  return { rijen: uit, verborgen: { adviezen: metGeheim(adviezen, geheim), plekken } };
}

/**
 * Nederland's months of one year from the map: the rows of `rijen` with counts such that every
 * written month, year ('jaar': all months of the table) and year to date ('tm' + month) is exact,
 * with stand-ins for the empty ones. `verborgen`: the ids of every empty cell, `geheim` those
 * without a stated reason.
 */
export function vulMaanden(rijen: readonly MaandRij[], kaart: readonly KaartCel[]): { rijen: MaandRij[]; verborgen: VerborgenSet } {
  const cellen = perId(kaart);
  // The months of the year table; a month of `rijen` outside it (beyond the adviezen loaded) is 0.
  const maanden = [...new Set(kaart.map((c) => c.eenheid).filter((e) => /^\d{4}-\d{2}$/.test(e)))].sort();
  const waar = `jaar ${(maanden[0] ?? rijen[0]?.maand ?? '?').slice(0, 4)}`;
  const eenheden = new Map<string, Eenheid>(maanden.map((m) => [m, { delen: [m], kinderen: null }]));
  for (const c of cellen.values()) {
    const e = c.eenheid;
    if (eenheden.has(e)) continue;
    const delen = e === 'jaar' ? maanden : /^tm\d{4}-\d{2}$/.test(e) ? maanden.filter((m) => m <= e.slice(2)) : null;
    if (!delen) throw fout(waar, `onbekende maand ${e}`);
    eenheden.set(e, { delen, kinderen: delen });
  }
  const { alle, model, verborgen, geheim } = stelsel(eenheden, cellen, waar);
  const tel = oplossing(alle, model, waar);
  const waarde = (s: 'b' | 'p', m: string, a: AanvragerKeuze) =>
    delenVan(a).reduce((x, d) => x + (tel.get(cel(s, m, d)) ?? 0), 0);
  const uit = rijen.map((r) => metInterval({ ...r, beoordelingen: waarde('b', r.maand, r.aanvrager), positief: waarde('p', r.maand, r.aanvrager) }));
  return { rijen: uit, verborgen: metGeheim(verborgen, geheim) };
}

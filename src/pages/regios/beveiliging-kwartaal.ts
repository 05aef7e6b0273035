/**
 * One quarter, one answer. The persons in the register and the werkzaam persons of every region
 * in a quarter (unknown codes included, never printed) add up to Nederland; that table is
 * protected once, and every view that prints a count of the quarter takes its decision from it:
 * the overview of any period with the quarter as its base or end, and the indexed series through
 * it. So two periods that share a quarter hide the same cells (otherwise a cell hidden in one
 * period and printed in the other gives back the small group it protects), and an index point
 * (count at t over count at the base, times the level printed on the map) is shown only when
 * both counts are printed in their own quarter.
 */
import { beveilig, type Beveiligd } from '../../lib/disclosure/beveilig.ts';
import { WeergaveBouwer, type Cel } from '../../lib/disclosure/tabel.ts';
import { AFGELEID, isOnderdrukt } from '../../lib/format/disclosure.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import type { RegioOverzicht, Reeksen } from '../../lib/metrics/regio.ts';

/** Nederland weighs more: hidden only when no region can protect a small group instead. */
export const LANDELIJK_GEWICHT = 10;
/** Decimals of the shares as the page prints them (16,5%). */
export const DECIMALEN = 1;
export const NL = 'NL';
const TELLINGEN = ['personen', 'werkzaam'] as const;

export const rij = (code: string | null) => (code === null ? 'r:∅' : `r:${code}`);
export const opKaart = (code: string | null) => code !== null && Object.hasOwn(REGIO_NAMEN, code);

/**
 * A cell a voorberekende map left empty: hidden whatever the table decides. It enters the table
 * with stand-in counts and the mark "hidden to protect another" (at least 10, as the stand-ins
 * are); where the map says the cell itself was small, metKleineLegeCellen prints that reason.
 */
export const leeg = (onderdrukt: boolean | undefined) => (onderdrukt ? { verborgen: 'bescherming' as const } : {});

/**
 * The table as printed when some of its empty cells (a voorberekende map) hold a group under 10:
 * those cells, and every share or value resting on them, print "x" on a small group (AFGELEID,
 * reason 'klein') instead of "x" to protect another. Not "<10": the map says only that some count
 * of the cell (persons, werkzaam, an hours split) is under 10, not which. The decisions and the
 * audit are the table's own (on stand-ins); only the words change.
 */
export function metKleineLegeCellen(b: Beveiligd, ids: readonly string[]): Beveiligd {
  if (ids.length === 0) return b;
  const klein = new Set(ids);
  const aandeel = new Map((b.weergave.aandelen ?? []).map((a) => [a.id, [a.teller, a.noemer]]));
  const afgeleid = new Map((b.weergave.afgeleid ?? []).map((a) => [a.id, a.basis]));
  const rust = (id: string) => (klein.has(id) ? [id] : (aandeel.get(id) ?? afgeleid.get(id) ?? [])).some((x) => klein.has(x));
  return {
    ...b,
    aantal: (id) => (rust(id) && isOnderdrukt(b.aantal(id)) ? AFGELEID : b.aantal(id)),
    aandeel: (id) => (rust(id) && isOnderdrukt(b.aandeel(id)) ? AFGELEID : b.aandeel(id)),
    afgeleid: (id, waarde) => (rust(id) && isOnderdrukt(b.afgeleid(id, waarde)) ? AFGELEID : b.afgeleid(id, waarde)),
    reden: (id) => (rust(id) && b.reden(id) !== null ? 'klein' : b.reden(id)),
  };
}

export interface KwartaalRij {
  regio_code: string | null;
  personen: number;
  werkzaam: number;
  /** From a voorberekende map: the cell is empty (stand-in counts) … */
  onderdrukt?: boolean;
  /** … because it holds a group under 10 (else: to protect one). */
  klein?: boolean;
}

/**
 * The rows of a quarter as every source gives them: the regions (and unknown codes) with persons
 * in that quarter, in code order. A region without any is left out: the overview of a period may
 * carry it with 0 (it has persons in the other quarter), the series has no point for it; leaving
 * it out gives both the same table. Its 0 in the overview is hidden as "<10" there, which only
 * adds uncertainty to what this table already protects.
 */
function normaal(rijen: readonly KwartaalRij[]): KwartaalRij[] {
  return rijen
    .filter((r) => r.personen > 0 || r.werkzaam > 0 || r.onderdrukt)
    .sort((a, b) => (a.regio_code ?? '').localeCompare(b.regio_code ?? ''));
}

/** A quarter of a period's overview (its base or end quarter). */
export function kwartaalUitOverzicht(o: RegioOverzicht, veld: 'basis' | 'eind'): Beveiligd {
  return beschermKwartaal(o.regios.map((r) => ({ regio_code: r.regio_code, personen: r[veld].personen, werkzaam: r[veld].werkzaam, onderdrukt: r.onderdrukt?.[veld], klein: r.klein?.[veld] })));
}

/** A quarter of the series of every region (regioReeksenQuery without a choice of regions). */
export function kwartaalUitReeksen(alle: Reeksen, kwartaal: string): Beveiligd {
  const rijen: KwartaalRij[] = [];
  for (const r of alle.regios) {
    const p = r.punten.find((x) => x.kwartaal === kwartaal);
    if (p) rijen.push({ regio_code: r.regio_code, personen: p.personen, werkzaam: p.werkzaam, onderdrukt: p.onderdrukt, klein: p.klein });
  }
  // Series of a few regions only would give a table of the wrong sum (and wrong answers).
  const nl = alle.landelijk.punten.find((x) => x.kwartaal === kwartaal);
  const som = rijen.reduce((a, r) => a + r.personen, 0);
  if (nl && !nl.onderdrukt && !rijen.some((r) => r.onderdrukt) && nl.personen !== som) {
    throw new Error(`beschermReeksen needs every region's series (regioReeksenQuery without regios): Nederland ${kwartaal} is ${nl.personen}, the regions add up to ${som}`);
  }
  return beschermKwartaal(rijen);
}

// Keyed by the counts themselves: the same quarter reached through another period or the series
// gets the same object back (and is protected once). Bounded: a session sees a few dozen quarters.
const cache = new Map<string, Beveiligd>();
const MAX = 400;

/** The protected table of one quarter from its counts per region: ids `r:<code>.personen|werkzaam`, `NL.…`. */
export function beschermKwartaal(alleRijen: readonly KwartaalRij[]): Beveiligd {
  const rijen = normaal(alleRijen);
  const sleutel = rijen.map((r) => `${r.regio_code}:${r.personen}:${r.werkzaam}:${r.onderdrukt ? (r.klein ? 2 : 1) : 0}`).join('|');
  const klaar = cache.get(sleutel);
  if (klaar) return klaar;
  const w = new WeergaveBouwer();
  // Nederland's sum is not known where a region's cell is empty.
  const nlLeeg = leeg(rijen.some((r) => r.onderdrukt));
  for (const k of TELLINGEN) {
    w.cel(`${NL}.${k}`, rijen.reduce((a, r) => a + r[k], 0), { gewicht: LANDELIJK_GEWICHT, ...nlLeeg });
    for (const r of rijen) w.cel(`${rij(r.regio_code)}.${k}`, r[k], { getoond: opKaart(r.regio_code), ...leeg(r.onderdrukt) });
    w.som(`${NL}.${k}`, rijen.map((r) => `${rij(r.regio_code)}.${k}`));
  }
  for (const p of [NL, ...rijen.map((r) => rij(r.regio_code))]) w.nesting(`${p}.werkzaam`, `${p}.personen`);
  for (const p of [NL, ...rijen.filter((r) => opKaart(r.regio_code)).map((r) => rij(r.regio_code))]) w.aandeel(`${p}.werkzaam`, `${p}.personen`, DECIMALEN);
  const b = metKleineLegeCellen(beveilig(w.weergave()), rijen.filter((r) => r.onderdrukt && r.klein).flatMap((r) => TELLINGEN.map((k) => `${rij(r.regio_code)}.${k}`)));
  if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
  cache.set(sleutel, b);
  return b;
}

/**
 * How a count of the quarter enters another view's table: as decided in the quarter's own table
 * (nothing when the quarter has no such row: a 0, hidden there as any count under 10).
 */
export function besluit(b: Beveiligd, id: string): Pick<Cel, 'verborgen' | 'vast'> {
  if (!b.weergave.cellen.some((c) => c.id === id)) return {};
  const reden = b.onderdrukt.get(id);
  return reden ? { verborgen: reden } : { vast: true };
}

/** A quarter's table inside another: its cells as it decided them, with its sums, nestings and shares. */
export function neemOver(w: WeergaveBouwer, kwartaal: Beveiligd): void {
  const k = kwartaal.weergave;
  for (const c of k.cellen) w.cel(c.id, c.aantal, { getoond: c.getoond, gewicht: c.gewicht, ...besluit(kwartaal, c.id) });
  for (const s of k.sommen ?? []) w.som(s.totaal, s.delen);
  for (const x of k.nestingen ?? []) w.nesting(x.deel, x.geheel);
  for (const a of k.aandelen ?? []) w.aandeel(a.teller, a.noemer, a.decimalen, { id: a.id, schaal: a.schaal });
}

const SOM = 'selectie';
const somCache = new WeakMap<Beveiligd, Map<string, Pick<Cel, 'verborgen' | 'vast'>>>();

/**
 * How the sum of some of the quarter's cells (the werkzaam persons of a few regions together, as
 * another page prints them) enters another table. One cell: its own decision. All printed: the sum
 * is printed too (vast). Otherwise the quarter's table with its decisions fixed plus the one sum
 * decides: hidden there (the sum and the printed parts would give a hidden region back) or
 * printed (vast). Cells the quarter does not hold are 0 and add nothing.
 */
export function somBesluit(b: Beveiligd, ids: readonly string[]): Pick<Cel, 'verborgen' | 'vast'> {
  const aantal = new Map(b.weergave.cellen.map((c) => [c.id, c.aantal]));
  const delen = [...new Set(ids)].filter((id) => aantal.has(id)).sort();
  if (delen.length === 0) return {};
  if (delen.length === 1) return besluit(b, delen[0]);
  if (delen.every((id) => !b.onderdrukt.has(id))) return { vast: true };
  const sleutel = delen.join('+');
  const klaar = somCache.get(b)?.get(sleutel);
  if (klaar) return klaar;
  const w = new WeergaveBouwer();
  neemOver(w, b);
  w.cel(SOM, delen.reduce((a, id) => a + aantal.get(id)!, 0)).som(SOM, delen);
  const reden = beveilig(w.weergave()).onderdrukt.get(SOM);
  const uit = reden ? { verborgen: reden } : { vast: true as const };
  if (!somCache.has(b)) somCache.set(b, new Map());
  somCache.get(b)!.set(sleutel, uit);
  return uit;
}

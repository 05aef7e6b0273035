/**
 * A gemeente's months on the demo data as the page hides them (onderdrukking.ts gemeenteMaanden:
 * everything but its period as the comparison prints it), attacked by the exact audit with every
 * other month table a reader can open in that region: the region's months (its marks known, except
 * where the page withholds them: `geheim`) and every gemeente's months ("x" without a reason),
 * linked by region month = Σ its gemeenten and the months adding up to the period and the year to
 * date. 300–1,000 cells a region: yalps needs seconds per bound, HiGHS solves them (highs.ts).
 * The page's former rules (a heuristic around the region's months) left 54 cells recoverable in
 * Haaglanden, July–December 2021; a scan of all 35 regions is in the README.
 */
import { describe, expect, it } from 'vitest';
import { audit, beoordelaar } from '../src/lib/disclosure/audit.ts';
import type { Reden } from '../src/lib/disclosure/tabel.ts';
import { DREMPEL } from '../src/lib/format/disclosure.ts';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import { gebieden, maandenVan } from '../src/lib/metrics/beschut-afleiden.ts';
import { gemeentenQuery, perMaandGemeentenQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import { perMaandQuery } from '../src/lib/metrics/beschut.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { regioMaandenTabel } from '../src/pages/beschut-werk/beveiliging.ts';
import { beschermGebieden } from '../src/pages/beschut-werk/onderdrukking.ts';
import { jaarBesluit, jaarVan } from '../src/pages/beschut-werk/queries.ts';
import { beschutDemo } from './demo-data.ts';

const engine = beschutDemo();

const vergelijkingen = new Map<string, Promise<{ adviezen: ReadonlySet<string>; plekken: Set<string> }>>();

/** The comparison of a calendar year as the page protects it (the months take its decisions). */
function vergelijking(j: { van: string; tot: string }) {
  const sleutel = `${j.van}/${j.tot}`;
  if (!vergelijkingen.has(sleutel)) {
    vergelijkingen.set(sleutel, runMetric(engine(), gemeentenQuery(j)).then((r) => ({ adviezen: beschermGebieden(gebieden(r!), j.tot).adviezen, plekken: new Set<string>() })));
  }
  return vergelijkingen.get(sleutel)!;
}

/** Every month table of region `regio` in year `jaar` as the page hides it, and the audit of them together. */
async function regioMaanden(jaar: string, regio: string) {
  const j = jaarVan({ tot: `${jaar}-12` });
  const gv = await vergelijking(j);
  const inRegio = GEMEENTEN.filter((x) => x.regio === regio).map((x) => x.code);
  const gm = (await runMetric(engine(), perMaandGemeentenQuery({ van: j.van, tot: j.tot, regio })))!;
  const rm = (await runMetric(engine(), perMaandQuery({ van: j.van, tot: j.tot, regio: [regio] })))!;
  const t = regioMaandenTabel(gm, regio, inRegio, maandenVan(j.van, j.tot), [j], null);
  const w = t.weergave();
  const cellen = new Map(w.cellen.map((c) => [c.id, c]));
  const verborgen = new Map<string, Reden>();
  const geheim = new Set<string>();
  // A unit's page ids (`soort|month or year|aanvrager`) → the table's cells; a count not printed
  // (n) is hidden only where it is small: the reader cannot tell.
  const zet = (unit: string, pagina: Iterable<string>, zonderReden: Iterable<string> = []) => {
    const id = (p: string) => {
      const [s, e, a] = p.split('|');
      return t.id(`${s}|${unit}@${e}|${a}`);
    };
    for (const p of pagina) {
      const c = cellen.get(id(p) ?? '');
      if (c && (c.getoond !== false || c.aantal < DREMPEL)) verborgen.set(c.id, c.aantal < DREMPEL ? 'klein' : 'bescherming');
    }
    for (const p of zonderReden) geheim.add(id(p) ?? '');
  };
  // The year tables as the page decides them (the period's sums are derived from them: metSommen).
  const r = jaarBesluit({ soort: 'regio', code: regio, naam: regio, regio }, j, rm, gv, []);
  zet(regio, r, r.geheim ?? []);
  for (const gm2 of inRegio) zet(gm2, jaarBesluit({ soort: 'gemeente', code: gm2, naam: gm2, regio }, j, [], gv, []));
  const vanRegio = (id: string) => id.split('|')[1].startsWith(`${regio}@`);
  const a = audit(w, verborgen, { redenBekend: (id) => vanRegio(id) && !geheim.has(id) });
  // The same cells with every reason of the region said (what the page would print without `geheim`).
  const metRedenen = beoordelaar(w, verborgen, { redenBekend: vanRegio });
  return { cellen: w.cellen.length, verborgen: verborgen.size, geheim: geheim.size, a, metRedenen, cel: (id: string) => cellen.get(t.id(id)!)! };
}

describe('a gemeente’s months on the demo data, per calendar year', () => {
  it.each([
    // Midden-Holland (4 gemeenten) and Flevoland (5) in 2017, the default view's year; Groot
    // Amsterdam (8), whose region months withheld a reason in the old period tables; Haaglanden
    // in 2021, where the old rules printed Westland's (GM1783) year to date 16 next to its period
    // 10: January–June 6.
    // (gemeenten + the region) × (12 months + the year) × 9 counts.
    ['2017', 'AM20', 5 * 13 * 9],
    ['2017', 'AM11', 6 * 13 * 9],
    ['2017', 'AM18', 9 * 13 * 9],
    ['2021', 'AM21', 6 * 13 * 9],
  ] as const)('%s, %s: the region’s and every gemeente’s months together give nothing back (%i cells)', async (jaar, regio, cellen) => {
    const { a, ...n } = await regioMaanden(jaar, regio);
    expect(n.cellen).toBe(cellen);
    // Nearly every cell is hidden, and every hidden cell was attacked.
    expect(a.cellen.length).toBeGreaterThanOrEqual(n.verborgen);
    expect(a.lekken.map((c) => `${c.id} ${c.min}–${c.max}`)).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
  }, 900_000);
});

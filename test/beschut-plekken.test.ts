/**
 * Beschut werk's places through the disclosure module (beveiliging.ts beschermPlekken and
 * beschermGemeentePlekken), attacked on the demo data in Node as a reader sees them: every
 * gemeente's places at the last peildatum (its profile; "<10" or "x"), the regions and Nederland
 * (map, profile), and a gemeente's places per peildatum next to its region's printed series.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import { X_BESCHERMING } from '../src/lib/disclosure/zinnen.ts';
import { AFGELEID, BESCHERMD, KLEIN } from '../src/lib/format/disclosure.ts';
import { WeergaveBouwer, type Reden } from '../src/lib/disclosure/tabel.ts';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import { demoEngine } from './demo-data.ts';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import { gebieden, type Gebieden } from '../src/lib/metrics/beschut-afleiden.ts';
import { gemeentenQuery, plekkenGemeentenQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { context, eenheidVan } from '../src/pages/beschut-werk/context.ts';
import { plekkenData } from '../src/pages/beschut-werk/plekken.ts';
import { plekPunten } from '../src/pages/beschut-werk/queries.ts';
import { gebiedViewVan } from '../src/pages/beschut-werk/views.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await demoEngine('beschut_adviezen', 'beschut_plekken');
}, 120_000);
afterAll(() => engine?.close());

const reden = (n: number): Reden => (n < 10 ? 'klein' : 'bescherming');

/** The reader's table of places at the last peildatum: gemeenten → region → Nederland, with the page's marks. */
function aanval(g: Gebieden, verborgen: ReadonlySet<string>) {
  const w = new WeergaveBouwer();
  const s = new Map<string, Reden>();
  const alle = [...g.gemeenten, ...g.regios, g.nederland].filter((u) => u.plekken !== null);
  for (const u of alle) {
    w.cel(u.code, u.plekken!);
    if (verborgen.has(u.code)) s.set(u.code, reden(u.plekken!));
  }
  const heeft = new Set(alle.map((u) => u.code));
  for (const r of g.regios) {
    const delen = g.gemeenten.filter((x) => x.regio === r.code && heeft.has(x.code)).map((x) => x.code);
    if (heeft.has(r.code) && delen.length) w.som(r.code, delen);
  }
  w.som('NL', g.regios.filter((r) => heeft.has(r.code)).map((r) => r.code));
  return audit(w.weergave(), s);
}

describe('places on the demo data', () => {
  it.each([
    ['2017-01', '2017-05'],
    ['2019-01', '2019-06'],
    ['2019-03', '2019-03'],
  ])('%s t/m %s: no gemeente recoverable from its region and the others; regions and Nederland hidden only under 10', async (van, tot) => {
    const gv = gebiedViewVan({ van, tot }, (await runMetric(engine, gemeentenQuery({ van, tot })))!, null);
    const g = gv.g;
    const a = aanval(g, gv.verborgen.plekken);
    expect(a.kleinGetoond).toEqual([]);
    expect(a.lekken.map((l) => `${l.id} = ${l.waarde}: [${l.min}, ${l.max}]`)).toEqual([]);
    // Every gemeente under 10 is hidden; a region or Nederland only when under 10 itself (their
    // series print them: never hidden to protect a gemeente).
    for (const u of g.gemeenten) if (u.plekken !== null && u.plekken < 10) expect(gv.verborgen.plekken.has(u.code), u.code).toBe(true);
    for (const u of [...g.regios, g.nederland]) if (u.plekken !== null) expect(gv.verborgen.plekken.has(u.code), u.code).toBe(u.plekken < 10);
  }, 60_000);

  it("a gemeente's places per peildatum, read from every gemeente of its region, give no hidden one away", async () => {
    const [van, tot] = ['2019-01', '2019-06'];
    const gv = gebiedViewVan({ van, tot }, (await runMetric(engine, gemeentenQuery({ van, tot })))!, null);
    // The region of the gemeente with the fewest places that has any.
    const kleinste = gv.g.gemeenten.filter((u) => (u.plekken ?? 0) > 0).sort((a, b) => a.plekken! - b.plekken! || (a.code < b.code ? -1 : 1))[0];
    const regio = kleinste.regio!;
    const rijen = (await runMetric(engine, plekkenGemeentenQuery({ regio })))!;
    const gemeenten = GEMEENTEN.filter((x) => x.regio === regio).map((x) => x.code);
    const punten = new Map(gemeenten.map((c) => [c, plekPunten(eenheidVan({ regio: null, gemeente: c }), null, rijen, gv.g, gv.verborgen)]));
    let verborgen = 0;
    for (const d of [...new Set(rijen.map((r) => r.peildatum))]) {
      const op = rijen.filter((r) => r.peildatum === d);
      // The region's own series prints the total at every peildatum ("<10" when it is under 10).
      const totaal = op.reduce((t, r) => t + r.plekken, 0);
      const w = new WeergaveBouwer().cel('regio', totaal);
      const s = new Map<string, Reden>(totaal < 10 ? [['regio', 'klein']] : []);
      for (const r of op) {
        w.cel(r.gemeente, r.plekken);
        const p = punten.get(r.gemeente)?.find((x) => x.peildatum === d);
        if (p?.verborgen) s.set(r.gemeente, reden(r.plekken));
      }
      verborgen += [...s.keys()].filter((c) => c !== 'regio').length;
      const a = audit(w.som('regio', op.map((r) => r.gemeente)).weergave(), s);
      expect(a.kleinGetoond, d).toEqual([]);
      expect(a.lekken.map((l) => `${d} ${l.id} = ${l.waarde}: [${l.min}, ${l.max}]`)).toEqual([]);
    }
    expect(verborgen).toBeGreaterThan(0);
    // At the comparison's peildatum the gemeente's profile and its places series agree.
    const pd = gv.g.nederland.plekkenPeildatum!;
    for (const c of gemeenten) {
      const p = punten.get(c)!.find((x) => x.peildatum === pd);
      if (p) expect(p.verborgen, c).toBe(gv.verborgen.plekken.has(c) || p.plekken < 10);
    }
  }, 60_000);
});

describe("a gemeente's places as the chart and its table twin print them", () => {
  it('"<10" for a small count, "x" with the protection reason for one hidden to protect another', () => {
    const punt = (peildatum: string, plekken: number, verborgen: boolean) => ({ peildatum, plekken, taakstelling: 20, verborgen });
    const e = eenheidVan({ regio: null, gemeente: 'GM0626' });
    const d = plekkenData([punt('2019-03-31', 4, true), punt('2019-06-30', 12, true), punt('2019-09-30', 15, false)], e, [], context('test'));
    expect(d.rijen.map((r) => [r.plekken, r.realisatie])).toEqual([[KLEIN, AFGELEID], [BESCHERMD, BESCHERMD], [15, 0.75]]);
    expect(d.voetnoten).toContain(X_BESCHERMING);
  });
});

/**
 * The months of Nederland and of a region on the demo data, as the page protects them now (the
 * disclosure module, hypercubes; the period as the comparison decided it), attacked by the exact
 * audit. In the default view (Nederland, January–May 2017) every hidden cell is as wide as the
 * rule set asks, where the page's own rules left 12 cells recoverable; so in two regions' views.
 * In a period from November 2016 the comparison prints the period's burger requests, which are
 * January's and February's: there one reason is withheld (lib/disclosure/verzwijgen.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import { BESCHERMD, GEHEIM, KLEIN } from '../src/lib/format/disclosure.ts';
import { telCel } from '../src/pages/beschut-werk/context.ts';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import { demoEngine } from './demo-data.ts';
import { gebieden } from '../src/lib/metrics/beschut-afleiden.ts';
import { gemeentenQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import { perMaandQuery } from '../src/lib/metrics/beschut.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschermMaanden } from '../src/pages/beschut-werk/beveiliging.ts';
import { beschermGebieden } from '../src/pages/beschut-werk/onderdrukking.ts';
import { eersteMaand, maandSommen, verborgenMaanden } from '../src/pages/beschut-werk/queries.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await demoEngine('beschut_adviezen', 'beschut_plekken');
}, 120_000);
afterAll(() => engine?.close());

describe('months on the demo data', () => {
  it.each([
    ['2017-01', '2017-05', null],
    ['2016-11', '2017-02', null],
    ['2017-01', '2017-05', 'AM01'],
    ['2018-01', '2018-04', 'AM25'],
  ] as const)('%s t/m %s, %s: the page hides exactly the module’s cells', async (van, tot, regio) => {
    const f = { van, tot };
    const rijen = (await runMetric(engine, perMaandQuery({ van: eersteMaand(f), tot, ...(regio ? { regio: [regio] } : {}) })))!;
    const adviezen = beschermGebieden(gebieden((await runMetric(engine, gemeentenQuery(f)))!), tot).adviezen;
    const { verborgen, b } = beschermMaanden(rijen, maandSommen(f), adviezen, regio ?? 'NL');
    expect(audit(b.weergave, b.onderdrukt).kleinGetoond).toEqual([]);
    const eenheid = regio ? { soort: 'regio' as const, code: regio, regio } : { soort: 'land' as const, code: 'NL', regio: null };
    expect(verborgenMaanden(eenheid as never, f, rijen, { adviezen, plekken: new Set() } as never)).toEqual(new Set(verborgen.keys()));
  });

  it.each([
    ['2017-01', '2017-05', 'AM01'],
    ['2018-01', '2018-04', 'AM25'],
  ] as const)('%s t/m %s, %s: the exact audit finds nothing recoverable (with the comparison on the page’s own rules: 9 and 8)', async (van, tot, regio) => {
    const f = { van, tot };
    const rijen = (await runMetric(engine, perMaandQuery({ van: eersteMaand(f), tot, regio: [regio] })))!;
    const adviezen = beschermGebieden(gebieden((await runMetric(engine, gemeentenQuery(f)))!), tot).adviezen;
    const { b } = beschermMaanden(rijen, maandSommen(f), adviezen, regio);
    expect(audit(b.weergave, b.onderdrukt).lekken.map((c) => `${c.id} ${c.waarde} in ${c.min}–${c.max}`)).toEqual([]);
  });

  it('Nederland, January–May 2017 (the default view): the exact audit finds nothing recoverable', async () => {
    const f = { van: '2017-01', tot: '2017-05' };
    const rijen = (await runMetric(engine, perMaandQuery({ van: eersteMaand(f), tot: f.tot })))!;
    const adviezen = beschermGebieden(gebieden((await runMetric(engine, gemeentenQuery(f)))!), f.tot).adviezen;
    const { b } = beschermMaanden(rijen, maandSommen(f), adviezen, 'NL');
    expect(audit(b.weergave, b.onderdrukt).lekken.map((c) => `${c.id} ${c.waarde} in ${c.min}–${c.max}`)).toEqual([]);
    // January's burger group (7 positive, 5 negative) is hidden as small.
    expect(b.onderdrukt.get('p|2017-01|burger')).toBe('klein');
    expect(b.onderdrukt.get('n|2017-01|burger')).toBe('klein');
  });

  it('November 2016–February 2017: the year to date holds the period’s burger requests (none could ask before 2017); January’s burger total prints "x" without its reason', async () => {
    const f = { van: '2016-11', tot: '2017-02' };
    const rijen = (await runMetric(engine, perMaandQuery({ van: eersteMaand(f), tot: f.tot })))!;
    const adviezen = beschermGebieden(gebieden((await runMetric(engine, gemeentenQuery(f)))!), f.tot).adviezen;
    const { verborgen, geheim, b } = beschermMaanden(rijen, maandSommen(f), adviezen, 'NL');
    expect(verborgen.has('b|jaartotnu|burger')).toBe(false);
    expect(b.weergave.cellen.some((c) => c.id === 'b|jaartotnu|burger')).toBe(false);
    // The period's 92 burger requests are printed in the comparison. January's 12 are 7 positive
    // and 5 negative, both "<10": hidden, so is January's total, and February's (80) with it.
    // January's total said "at least 10" (hidden to protect) would leave February 92 − 18 … 92 − 10
    // = 74–82, and February's positive 46 at 53 − 9 … 53 − 1 = 44–52 (January's positive ≥ 1).
    expect(audit(b.weergave, b.onderdrukt).lekken.map((c) => `${c.id} ${c.waarde} in ${c.min}–${c.max}`)).toEqual(['b|2017-02|burger 80 in 74–82', 'p|2017-02|burger 46 in 44–52']);
    // So January's total prints "x" without its reason: 0–18, February 74–92 and 44–53.
    expect([...b.zonderReden]).toEqual(['b|2017-01|burger']);
    expect([...geheim]).toEqual(['b|2017-01|burger']);
    // What the page prints: January's burger total "x" without a reason, its parts "<10".
    const v = verborgenMaanden({ soort: 'nederland', code: 'NL', naam: 'Nederland', regio: null }, f, rijen, { adviezen: new Set(adviezen.keys()), plekken: new Set() });
    expect([telCel(v, 'b|2017-01|burger', 12), telCel(v, 'p|2017-01|burger', 7), telCel(v, 'b|2017-02|burger', 80)]).toEqual([GEHEIM, KLEIN, BESCHERMD]);
    expect(b.audit.lekken).toEqual([]);
    const a = audit(b.weergave, b.onderdrukt, { redenBekend: (id) => !b.zonderReden.has(id) });
    expect(a.lekken).toEqual([]);
    const interval = (id: string) => a.cellen.filter((c) => c.id === id).map((c) => `${c.min}–${c.max}`)[0];
    expect(['b|2017-01|burger', 'b|2017-02|burger', 'p|2017-02|burger'].map(interval)).toEqual(['0–18', '74–92', '44–53']);
  });
});

/**
 * The months of Nederland and of a region on the demo data, as the page protects them now: one
 * table per calendar year (the disclosure module, hypercubes; the year as the comparison of that
 * year decided it), attacked by the exact audit; the period and the year to date derived from it
 * (printed only where every month in them is, or where they are the whole year). Before, each
 * period was its own table, and two periods read one after the other gave hidden months back by
 * difference (README, "Beschut werk across periods").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import { BESCHERMD, GEHEIM, KLEIN } from '../src/lib/format/disclosure.ts';
import { context, telCel } from '../src/pages/beschut-werk/context.ts';
import { totalen, totalenData } from '../src/pages/beschut-werk/maanden.ts';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import { demoEngine } from './demo-data.ts';
import { gebieden } from '../src/lib/metrics/beschut-afleiden.ts';
import { gemeentenQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import { perMaandQuery } from '../src/lib/metrics/beschut.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschermMaanden } from '../src/pages/beschut-werk/beveiliging.ts';
import { beschermGebieden } from '../src/pages/beschut-werk/onderdrukking.ts';
import { jaarBesluit, jaarSommen, jaarVan, maandSommen, metSommen, verborgenMaanden } from '../src/pages/beschut-werk/queries.ts';
import { maandenVan } from '../src/lib/metrics/beschut-afleiden.ts';
import { cel } from '../src/pages/beschut-werk/onderdrukking.ts';
import { gepubliceerdeCijfers } from '../src/lib/voorberekend/beschut.ts';

const gepubliceerd = gepubliceerdeCijfers();

let engine: NodeEngine;
beforeAll(async () => {
  engine = await demoEngine('beschut_adviezen', 'beschut_plekken');
}, 120_000);
afterAll(() => engine?.close());

const eenheid = (regio: string | null) =>
  regio ? { soort: 'regio' as const, code: regio, naam: regio, regio } : { soort: 'nederland' as const, code: 'NL', naam: 'Nederland', regio: null };

/** A unit's year table on the demo data, with the comparison of that year. */
async function jaarTabel(jaar: string, regio: string | null) {
  const j = jaarVan({ tot: `${jaar}-12` });
  const rijen = (await runMetric(engine, perMaandQuery({ van: j.van, tot: j.tot, ...(regio ? { regio: [regio] } : {}) })))!;
  const adviezen = beschermGebieden(gebieden((await runMetric(engine, gemeentenQuery(j)))!), j.tot).adviezen;
  // As the page decides it (jaarBesluit): with rule 3's exchange of large hidden counts.
  return { j, rijen, adviezen, ...beschermMaanden(rijen, jaarSommen(j, eenheid(regio)), adviezen, regio ?? 'NL', new Set(), true) };
}


describe('months on the demo data, one table per calendar year', () => {
  it.each([
    // Nederland: 12 months, 10 years to date and the year, 9 counts each; a region: months and year.
    ['2017', null, 207, 21],
    ['2017', 'AM01', 117, 114],
    ['2018', 'AM25', 117, 112],
    ['2021', 'AM21', 117, 108],
    ['2021', null, 207, 47],
  ] as const)('%s, %s: the exact audit finds nothing recoverable (%i cells, %i hidden)', async (jaar, regio, cellen, n) => {
    const { b, verborgen } = await jaarTabel(jaar, regio);
    const a = audit(b.weergave, b.onderdrukt, { redenBekend: (id) => !b.zonderReden.has(id) });
    expect(a.lekken.map((c) => `${c.id} ${c.waarde} in ${c.min}–${c.max}`)).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
    expect([b.weergave.cellen.length, verborgen.size]).toEqual([cellen, n]);
  }, 60_000);

  it('Nederland 2017 (the default view’s year): only January’s 7 positive and 5 negative burger adviezen are hidden, what UWV’s figures pin or they alone protected is printed (openbaar.ts); January–May, the letter’s period, is printed: 601 positive', async () => {
    const { b, rijen, adviezen, j } = await jaarTabel('2017', null);
    expect(j).toEqual({ id: 'jaar', van: '2017-01', tot: '2017-12' });
    expect(b.onderdrukt.get('p|2017-01|burger')).toBe('klein');
    const v = verborgenMaanden(eenheid(null), { van: '2017-01', tot: '2017-05' }, rijen, { adviezen, plekken: new Set() }, gepubliceerd);
    // The module hid the 12 to protect the 7; UWV's letter printed them (and 58%, so the 7 as well).
    expect(b.onderdrukt.get('b|2017-01|burger')).toBe('bescherming');
    expect([telCel(v, 'b|2017-01|burger', 12), telCel(v, 'p|2017-01|burger', 7)]).toEqual([12, KLEIN]);
    // The year to date of May is a cell of the year table, printed: 54 + 95 + 140 + 140 + 172.
    expect(telCel(v, 'p|periode|totaal', 601)).toBe(601);
    // March–May is May's year to date minus February's, both printed (February's split pinned by
    // UWV's figures, openbaar.ts): 165 + 287 = 452.
    const w = verborgenMaanden(eenheid(null), { van: '2017-03', tot: '2017-05' }, rijen, { adviezen, plekken: new Set() }, gepubliceerd);
    expect([telCel(w, 'p|periode|gemeente', 165), telCel(w, 'p|periode|burger', 287), telCel(w, 'p|periode|totaal', 452)]).toEqual([165, 287, 452]);
    // January–February is February's year to date, printed: its 53 positive burger adviezen less
    // February's 46 give January's 7, as UWV's 12 requests and 58% do (README, rule set, rule 7).
    const jf = verborgenMaanden(eenheid(null), { van: '2017-01', tot: '2017-02' }, rijen, { adviezen, plekken: new Set() }, gepubliceerd);
    expect([telCel(jf, 'p|periode|gemeente', 47 + 49), telCel(jf, 'p|periode|burger', 7 + 46), telCel(jf, 'p|periode|totaal', 54 + 95)]).toEqual([96, 53, 149]);
    expect(telCel(jf, 'p|2017-01|burger', 7)).toBe(KLEIN);
  }, 60_000);

  it('Nederland 2021–2024: a count of 100 or more hidden only to protect another is the cheapest that can; printing it instead hides more', async () => {
    const gezien: string[] = [];
    for (const jaar of ['2021', '2022', '2023', '2024']) {
      const { b, rijen, adviezen, j } = await jaarTabel(jaar, null);
      const waarde = new Map(b.weergave.cellen.map((c) => [c.id, c.aantal]));
      for (const [id, reden] of b.onderdrukt) {
        if (reden !== 'bescherming' || waarde.get(id)! < 100) continue;
        // The same year table with this count printed (as a count UWV published is): the module
        // hides others instead, and those hold more persons.
        const ander = beschermMaanden(rijen, jaarSommen(j, eenheid(null)), adviezen, 'NL', new Set([id])).b;
        expect(ander.onderdrukt.has(id)).toBe(false);
        expect(ander.verlies.personenSecundair, `${id}`).toBeGreaterThan(b.verlies.personenSecundair);
        gezien.push(id);
      }
    }
    // Each month of 2021 hides the gemeenten's negative adviezen (2, from requests less positive)
    // and, to protect them, the positive ones of gemeenten and burgers (e.g. April's burgers: 127).
    expect(gezien).toContain('p|2021-04|burger');
    expect(gezien.length).toBeGreaterThan(40);
  }, 300_000);

  it('Nederland 2022: the exchange finds a smaller complement than the first choice (50 counts, 15,622 persons → 44, 14,144), and the exact audit finds nothing recoverable', async () => {
    const { b, rijen, adviezen, j } = await jaarTabel('2022', null);
    const eerst = beschermMaanden(rijen, jaarSommen(j, eenheid(null)), adviezen, 'NL').b;
    expect([eerst.verlies.secundair, eerst.verlies.personenSecundair]).toEqual([50, 15622]);
    expect([b.verlies.secundair, b.verlies.personenSecundair]).toEqual([44, 14144]);
    // April's year to date of the gemeenten's requests (257) and of all positive adviezen print now.
    expect([eerst.onderdrukt.get('b|tm2022-04|gemeente'), b.onderdrukt.get('b|tm2022-04|gemeente')]).toEqual(['bescherming', undefined]);
    const a = audit(b.weergave, b.onderdrukt, { redenBekend: (id) => !b.zonderReden.has(id) });
    expect(a.lekken).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
  }, 300_000);

  it('Nederland 2021, February–March: March\'s year to date minus January\'s, whose split is hidden, so the split prints "x" without a reason and the totals chart says why; the total prints (482, 318)', async () => {
    const { rijen, adviezen } = await jaarTabel('2021', null);
    const v = verborgenMaanden(eenheid(null), { van: '2021-02', tot: '2021-03' }, rijen, { adviezen, plekken: new Set() }, gepubliceerd);
    const d = totalenData(totalen(rijen, '2021-02', '2021-03'), ['gemeente', 'burger', 'totaal'], v, context('test'));
    expect(d.rijen.map((r) => [r.beoordelingen, r.positief])).toEqual([[123, GEHEIM], [359, GEHEIM], [482, 318]]);
    expect((d.voetnoten ?? []).some((n) => n.startsWith('Een totaal over een deel van het jaar staat er alleen als de maanden het geven'))).toBe(true);
  }, 60_000);

  it('every period of a year takes the same month decisions, and prints a sum only where the year table gives it (Nederland and Haaglanden, 2021: 78 periods each)', async () => {
    for (const regio of [null, 'AM21'] as const) {
      const { rijen, adviezen, verborgen, j } = await jaarTabel('2021', regio);
      const maanden = maandenVan('2021-01', '2021-12');
      const maandIds = new Set([...verborgen.keys()].filter((id) => /\|2021-\d\d\|/.test(id)));
      // The page decides the year once (jaarBesluit) and derives each period's sums from it.
      const besluit = jaarBesluit(eenheid(regio), j, rijen, { adviezen, plekken: new Set() }, gepubliceerd);
      expect(verborgenMaanden(eenheid(regio), { van: '2021-03', tot: '2021-05' }, rijen, { adviezen, plekken: new Set() }, gepubliceerd)).toEqual(metSommen(besluit, { van: '2021-03', tot: '2021-05' }, eenheid(regio)));
      let sommen = 0;
      for (const van of maanden) {
        for (const tot of maanden.filter((m) => m >= van)) {
          const f = { van, tot };
          const v = metSommen(besluit, f, eenheid(regio));
          // The months: the year table's decision, whatever the period.
          expect(new Set([...v].filter((id) => /\|2021-\d\d\|/.test(id)))).toEqual(maandIds);
          for (const s of maandSommen(f)) {
            for (const soort of ['b', 'p'] as const) {
              for (const a of ['gemeente', 'burger', 'totaal'] as const) {
                if (v.has(cel(soort, s.id, a))) continue;
                sommen++;
                // Printed: a cell of the year table (the year, a year to date, January) printed
                // there, the difference of two such cells, or every month in it printed.
                // (Only Nederland's table holds the years to date.)
                const tabel = (m: string) => (m === '2021-12' ? 'jaar' : m === '2021-01' ? m : regio ? null : `tm${m}`);
                const getoond = (unit: string | null) => unit !== null && !verborgen.has(cel(soort, unit, a));
                const vorige = maanden[maanden.indexOf(s.van) - 1];
                const uitTabel = s.van === '2021-01' ? getoond(tabel(s.tot)) : getoond(tabel(s.tot)) && getoond(tabel(vorige));
                const uitMaanden = maandenVan(s.van, s.tot).every((m) => !verborgen.has(cel(soort, m, a)));
                expect([s.id, s.van, s.tot, soort, a, uitTabel || uitMaanden]).toEqual([s.id, s.van, s.tot, soort, a, true]);
              }
            }
          }
        }
      }
      expect(sommen).toBeGreaterThan(0);
    }
  }, 120_000);
});

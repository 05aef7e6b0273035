/**
 * A hidden count of 0 must look like any other hidden count: a share over no beoordelingen is
 * "no share" ("–"), but printed next to a hidden count that would say the count is 0. So the page
 * decides hidden first and only then whether there is a share (gebieden.ts cellen, maanden.ts).
 * Hand-built: a region and a month whose burger counts are 0 and hidden. Likewise the funnel's
 * national ratio: Nederland's own count, never a sum over the units with a taakstelling.
 */
import { describe, expect, it } from 'vitest';
import { AFGELEID } from '../src/lib/format/disclosure.ts';
import { gebieden } from '../src/lib/metrics/beschut-afleiden.ts';
import type { GemeenteRij } from '../src/lib/metrics/beschut-gemeenten.ts';
import { metInterval, type MaandRij } from '../src/lib/metrics/beschut.ts';
import { context, type BeschutFilters } from '../src/pages/beschut-werk/context.ts';
import { kaartData, vergelijkModel } from '../src/pages/beschut-werk/gebieden.ts';
import { percentagesData, totalen, totalenData } from '../src/pages/beschut-werk/maanden.ts';
import { cel, PERIODE } from '../src/pages/beschut-werk/onderdrukking.ts';

const gm = (code: string, regio: string, bg: number, pg: number, bb: number, pb: number): GemeenteRij =>
  ({ code, naam: code, regio, beoordelingenGemeente: bg, positiefGemeente: pg, beoordelingenBurger: bb, positiefBurger: pb, taakstelling: 20, plekken: 30, plekkenPeildatum: '2021-12-31' });
const ctx = context('');
const f: BeschutFilters = { van: '2021-01', tot: '2021-12', aanvrager: 'burger', regio: null, gemeente: null, niveau: 'regio', minimum: 5, kaart: 'positief' };

describe('a hidden count of 0 gives no "no share" away', () => {
  it("the map: a region's hidden burger counts of 0 print its share as hidden, like a region's hidden 7", () => {
    // AM01: burgers 12 beoordelingen, 7 positief; AM02: no burger at all (0 and 0). Both hidden.
    const g = gebieden([gm('GM0001', 'AM01', 30, 20, 12, 7), gm('GM0002', 'AM02', 25, 15, 0, 0)]);
    const adviezen = new Set([cel('b', 'AM01', 'burger'), cel('p', 'AM01', 'burger'), cel('b', 'AM02', 'burger'), cel('p', 'AM02', 'burger')]);
    const rijen = kaartData(g, f, 'burger', { adviezen, plekken: new Set() }, ctx).data.rijen;
    const waarde = (code: string) => rijen.find((r) => r.regio_code === code)?.waarde;
    expect(waarde('AM01')).toBe(AFGELEID);
    expect(waarde('AM02')).toBe(AFGELEID);
    // Shown, a region without beoordelingen has no share ("–").
    expect(waarde('AM03')).toBeNull();
  });

  it("the months: a hidden month and period of 0 burger beoordelingen print their shares and intervals as hidden", () => {
    const rij = (aanvrager: MaandRij['aanvrager'], b: number, p: number): MaandRij => ({ maand: '2021-03', ...metInterval({ aanvrager, beoordelingen: b, positief: p }) });
    const maanden = [rij('burger', 0, 0), rij('gemeente', 40, 30), rij('totaal', 40, 30)];
    const verborgen = new Set([cel('b', '2021-03', 'burger'), cel('p', '2021-03', 'burger'), cel('b', PERIODE, 'burger'), cel('p', PERIODE, 'burger')]);
    const pct = percentagesData(maanden, '2021-03', '2021-03', ['burger', 'gemeente'], verborgen, ctx).rijen[0];
    expect([pct.pct_burger, pct.onder_burger, pct.boven_burger]).toEqual([AFGELEID, AFGELEID, AFGELEID]);
    expect(pct.pct_gemeente).toBe(0.75);
    const t = totalenData(totalen(maanden, '2021-03', '2021-03'), ['burger'], verborgen, ctx).rijen[0];
    expect([t.pct, t.onder, t.boven]).toEqual([AFGELEID, AFGELEID, AFGELEID]);
  });

  it("the funnel lies around Nederland's printed ratio; with Nederland's count hidden it has no ratio to lie around", () => {
    // GM0003 has no taakstelling; its 5 positieve adviezen count in Nederland's 45 all the same.
    const zonder = { ...gm('GM0003', 'AM03', 9, 5, 0, 0), taakstelling: null };
    const g = gebieden([gm('GM0001', 'AM01', 30, 20, 12, 7), gm('GM0002', 'AM02', 25, 13, 0, 0), zonder]);
    const totaal = { ...f, aanvrager: 'alle' as const };
    // 45 / 40 = 1,125 (a sum over the units with a taakstelling, 40 / 40, would give GM0003's 5 away).
    expect(vergelijkModel(g, totaal, 'totaal', { adviezen: new Set([cel('p', 'GM0003', 'totaal')]), plekken: new Set() }, ctx).r0).toBe(45 / 40);
    const verborgen = { adviezen: new Set([cel('p', 'NL', 'totaal'), cel('p', 'AM03', 'totaal')]), plekken: new Set<string>() };
    const m = vergelijkModel(g, totaal, 'totaal', verborgen, ctx);
    expect([m.r0, m.curve]).toEqual([null, []]);
  });
});

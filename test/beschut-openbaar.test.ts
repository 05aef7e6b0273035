/**
 * Hidden counts of Nederland's year table that UWV's published figures pin anyway are printed
 * (pages/beschut-werk/openbaar.ts): hand-built tables, every answer worked out here.
 */
import { describe, expect, it } from 'vitest';
import type { Reden, Weergave } from '../src/lib/disclosure/tabel.ts';
import type { BeschutCijfer, Maat } from '../src/lib/published/beschut.ts';
import { openbareCellen, publicaties, publicatiesOver } from '../src/pages/beschut-werk/openbaar.ts';
import type { MaandRij } from '../src/lib/metrics/beschut.ts';
import { gepubliceerdeCijfers } from '../src/lib/voorberekend/beschut.ts';
import { context, NOOT_OPENBAAR } from '../src/pages/beschut-werk/context.ts';
import { aantallenData } from '../src/pages/beschut-werk/maanden.ts';

const A = ['gemeente', 'burger', 'totaal'] as const;

/** One month's counts b and p per aanvrager (totaal = gemeente + burger), with b = p + n. */
function maand(m: string, tel: { gemeente: [number, number]; burger: [number, number] }): Weergave {
  const t: [number, number] = [tel.gemeente[0] + tel.burger[0], tel.gemeente[1] + tel.burger[1]];
  const w = { gemeente: tel.gemeente, burger: tel.burger, totaal: t };
  return {
    cellen: A.flatMap((a) => [
      { id: `b|${m}|${a}`, aantal: w[a][0] },
      { id: `p|${m}|${a}`, aantal: w[a][1] },
      { id: `n|${m}|${a}`, aantal: w[a][0] - w[a][1], getoond: false },
    ]),
    sommen: [
      ...(['b', 'p', 'n'] as const).map((s) => ({ totaal: `${s}|${m}|totaal`, delen: [`${s}|${m}|gemeente`, `${s}|${m}|burger`] })),
      ...A.map((a) => ({ totaal: `b|${m}|${a}`, delen: [`p|${m}|${a}`, `n|${m}|${a}`] })),
    ],
  };
}

const cijfer = (van: string, tot: string, aanvrager: 'gemeente' | 'burger' | 'totaal', maat: Maat, waarde: number): BeschutCijfer => ({
  regel: 2, omschrijving: maat, periode: van, waarde, eenheid: maat === 'pct' ? 'procent' : 'aantal',
  berekening: { soort: 'adviezen', van, tot, aanvrager, maat }, citatie: { label: 'UWV', citaat: '' },
});

// January: 60 gemeente requests, 47 positive; 12 burger requests, 7 positive (small), 5 negative
// (small). The table prints the totals (72, 54) and hides both aanvragers: the 7 and 5 for their
// size, the others to protect them.
const januari = maand('2017-01', { gemeente: [60, 47], burger: [12, 7] });
const verborgen = new Map<string, Reden>([
  ['b|2017-01|gemeente', 'bescherming'], ['b|2017-01|burger', 'bescherming'],
  ['p|2017-01|gemeente', 'bescherming'], ['p|2017-01|burger', 'klein'],
  ['n|2017-01|gemeente', 'bescherming'], ['n|2017-01|burger', 'klein'],
]);
const tabel = { weergave: januari, onderdrukt: verborgen, zonderReden: new Set<string>() };
const vrij = (cijfers: BeschutCijfer[]) => [...openbareCellen(tabel, publicaties(cijfers, januari, []))].sort();

describe('hidden counts UWV pinned anyway', () => {
  it('UWV printed 12 burger requests and 58% positive: 60 = 72 − 12 and 47 = 54 − 7 are printed, 12 too; the 7 and 5 (under 10) follow too, and the gemeenten\'s 13 negative (60 − 47, never printed) are freed', () => {
    // 58% of 12: 7 (58,3%) is the only whole number that rounds to it (6: 50%, 8: 66,7%).
    expect(vrij([cijfer('2017-01', '2017-01', 'burger', 'beoordelingen', 12), cijfer('2017-01', '2017-01', 'burger', 'pct', 58)])).toEqual([
      'b|2017-01|burger', 'b|2017-01|gemeente', 'n|2017-01|gemeente', 'p|2017-01|gemeente',
    ]);
  });

  it('the count alone pins the requests (72 − 12 = 60), not the positive ones: 47 and 13 stay hidden', () => {
    expect(vrij([cijfer('2017-01', '2017-01', 'burger', 'beoordelingen', 12)])).toEqual(['b|2017-01|burger', 'b|2017-01|gemeente']);
  });

  it('a figure the data contradict is left out: UWV\'s 13 requests pin nothing, and 58% of 13 (7,54) is not how the data round', () => {
    expect(publicaties([cijfer('2017-01', '2017-01', 'burger', 'beoordelingen', 13), cijfer('2017-01', '2017-01', 'burger', 'pct', 60)], januari, [])).toEqual({ tellingen: new Map(), percentages: [] });
    expect(vrij([cijfer('2017-01', '2017-01', 'burger', 'beoordelingen', 13)])).toEqual([]);
  });

  it('a percentage with the marks: UWV\'s 78% of the gemeenten pins only their 13 negative adviezen (47 of 60 is 78,3%), which the table never prints: freed, not printed', () => {
    // The burgers' positive and negative are under 10 ("<10"), so their requests are at most 18
    // and the gemeenten's at least 72 − 18 = 54; the burgers' requests are at least 10 ("x" to
    // protect), so the gemeenten's at most 62; the gemeenten's positive at least 54 − 9 = 45.
    // Requests b with a whole p in [77,5%, 78,5%) of b and p ≥ 45: 58 (45), 59 (46), 60 (47) —
    // 56, 57, 61, 62 have none. So b and p stay open (3 values each), b − p = 13 always.
    expect(vrij([cijfer('2017-01', '2017-01', 'gemeente', 'pct', 78)])).toEqual(['n|2017-01|gemeente']);
  });

  it('58% of the burgers alone pins January under the marks; with the cells printed "x" without a reason it pins nothing', () => {
    // Without the 12, 7 of 12 is still the only pair under the marks (p < 10, b ≥ 10: 6 of 10–11
    // is 60% and 55%, 8 of 14 is 57%), so the burgers' 12 and the gemeenten's 60 are pinned:
    expect(vrij([cijfer('2017-01', '2017-01', 'burger', 'pct', 58)])).toEqual(['b|2017-01|burger', 'b|2017-01|gemeente', 'n|2017-01|gemeente', 'p|2017-01|gemeente']);
    // Told without their reasons ("x" for all), the marks say nothing: 58% of b burgers, p + q = 54,
    // b + c = 72 allow 7 of 12, 11 of 19, 15 of 26, …: nothing is pinned.
    const geheim = { ...tabel, zonderReden: new Set(verborgen.keys()) };
    expect([...openbareCellen(geheim, publicaties([cijfer('2017-01', '2017-01', 'burger', 'pct', 58)], januari, []))]).toEqual([]);
  });

  it('what is hidden only to protect the groups UWV gave away is printed: with the totals hidden too, only the 7 and 5 stay hidden', () => {
    // Step 1 pins only the published 12 (72 and 60 stay open: their sum is hidden). UWV's 12 and
    // 58% alone give 7 and 5; every other hidden cell protects only them, so all are printed.
    const zonderTotalen = new Map<string, Reden>([...verborgen, ['b|2017-01|totaal', 'bescherming'], ['p|2017-01|totaal', 'bescherming']]);
    const uwv = [cijfer('2017-01', '2017-01', 'burger', 'beoordelingen', 12), cijfer('2017-01', '2017-01', 'burger', 'pct', 58)];
    const t = { weergave: januari, onderdrukt: zonderTotalen, zonderReden: new Set<string>() };
    expect([...zonderTotalen.keys()].filter((id) => !openbareCellen(t, publicaties(uwv, januari, [])).has(id)).sort()).toEqual(['n|2017-01|burger', 'p|2017-01|burger']);
  });

  it('… but not what protects a group UWV did not give away: the gemeenten\'s 8 negative (60 of which 52 positive) keep their protectors', () => {
    const w = maand('2017-01', { gemeente: [60, 52], burger: [12, 7] });
    const o = new Map<string, Reden>([
      ['b|2017-01|gemeente', 'bescherming'], ['p|2017-01|gemeente', 'bescherming'], ['n|2017-01|gemeente', 'klein'],
      ['b|2017-01|burger', 'bescherming'], ['p|2017-01|burger', 'klein'], ['n|2017-01|burger', 'klein'],
      ['b|2017-01|totaal', 'bescherming'], ['p|2017-01|totaal', 'bescherming'], ['n|2017-01|totaal', 'bescherming'],
    ]);
    const uwv = [cijfer('2017-01', '2017-01', 'burger', 'beoordelingen', 12), cijfer('2017-01', '2017-01', 'burger', 'pct', 58)];
    // The reader already has: 7 and 5 (UWV), so the negative total (hidden, at least 10) = the 8
    // + 5 puts the 8 in 5–9. Printing 60 and 52 at once gives the 8. (Nor would one alone do:
    // the total 72 gives 60 (72 − 12) and so 52 within 51–55 (60 less 5–9), narrower than 10
    // values; 60 itself the same; the positive total 59 gives 52 (59 − 7), then 60 within 57–61;
    // 52 itself likewise.) Only the published 12 is printed.
    expect([...openbareCellen({ weergave: w, onderdrukt: o, zonderReden: new Set() }, publicaties(uwv, w, []))]).toEqual(['b|2017-01|burger']);
  });

  it('a mean per month is its count: 36 a month over January–February is 72 requests; a period the table has no cell for pins nothing', () => {
    const p = publicaties([cijfer('2017-01', '2017-02', 'burger', 'gemiddeld', 36), cijfer('2017-01', '2017-03', 'burger', 'beoordelingen', 100)], {
      cellen: [{ id: 'b|tm2017-02|burger', aantal: 72 }, { id: 'p|tm2017-02|burger', aantal: 40 }],
    }, [{ id: 'tm2017-02', van: '2017-01', tot: '2017-02' }]);
    expect(p.tellingen).toEqual(new Map([['b|tm2017-02|burger', 72]]));
  });

  it('before 2017 only gemeenten could ask: UWV\'s gemeente figure is the table\'s total', () => {
    const w: Weergave = { cellen: [{ id: 'b|2016-03|totaal', aantal: 40 }, { id: 'p|2016-03|totaal', aantal: 30 }] };
    expect(publicaties([cijfer('2016-03', '2016-03', 'gemeente', 'positief', 30)], w, [])).toEqual({ tellingen: new Map([['p|2016-03|totaal', 30]]), percentages: [] });
  });

  it('the months\' footnote says where UWV published figures of its own: January–May 2017 and 2016 (the letters), not June–August 2017 or 2018', () => {
    const cijfers = gepubliceerdeCijfers();
    const over = (van: string, tot: string) => publicatiesOver(cijfers, van, tot);
    expect([over('2017-01', '2017-05'), over('2017-03', '2017-03'), over('2016-01', '2016-12'), over('2017-06', '2017-08'), over('2018-01', '2018-12')]).toEqual([true, true, true, false, false]);
    const rijen: MaandRij[] = [{ maand: '2017-01', aanvrager: 'totaal', beoordelingen: 72, positief: 54, pctPositief: 75, wilsonOnder: null, wilsonBoven: null }];
    const noten = (v: Set<string>) => aantallenData(rijen, '2017-01', '2017-01', ['totaal'], v, context('')).voetnoten ?? [];
    expect(noten(Object.assign(new Set<string>(), { openbaar: true }))).toContain(NOOT_OPENBAAR);
    expect(noten(new Set<string>())).not.toContain(NOOT_OPENBAAR);
  });
});

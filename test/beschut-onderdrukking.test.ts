import { describe, expect, it } from 'vitest';
import type { AanvragerKeuze, Gebied } from '../src/lib/metrics/beschut-afleiden.ts';
import type { MaandRij } from '../src/lib/metrics/beschut.ts';
import {
  beschermGebieden, beschermJaren, gemeenteMaanden, beschermStelsel, cel, JAAR_TOT_NU, PERIODE,
} from '../src/pages/beschut-werk/onderdrukking.ts';
import { audit } from '../src/lib/disclosure/audit.ts';
import { beschermMaanden as beschermMaandenModule } from '../src/pages/beschut-werk/beveiliging.ts';
import type { MaandSom } from '../src/pages/beschut-werk/tabel.ts';
import { JAAR } from '../src/pages/beschut-werk/queries.ts';

/** Monthly rows from [maand, gemeente b/p, burger b/p]; totaal added. */
function maanden(...rijen: [string, number, number, number, number][]): MaandRij[] {
  const r = (maand: string, aanvrager: MaandRij['aanvrager'], b: number, p: number): MaandRij => ({
    maand, aanvrager, beoordelingen: b, positief: p, pctPositief: null, wilsonOnder: null, wilsonBoven: null,
  });
  return rijen.flatMap(([m, gb, gp, bb, bp]) => [r(m, 'burger', bb, bp), r(m, 'gemeente', gb, gp), r(m, 'totaal', gb + bb, gp + bp)]);
}

const alle = (maandenLijst: string[], aanvragers: string[]) =>
  new Set(maandenLijst.flatMap((m) => aanvragers.flatMap((a) => (['b', 'p', 'n'] as const).map((s) => cel(s, m, a as 'gemeente')))));

/**
 * Nederland's (and a region's) months now go through the disclosure module (beveiliging.ts,
 * hypercubes); the page reads the hidden ids. `elders`: cells of the period hidden in the
 * comparison (as months-table ids, unit PERIODE).
 */
function beschermMaanden(r: MaandRij[], sommen: MaandSom[], elders: string[] = []): Set<string> {
  const vergelijking = elders.length ? new Set(elders.map((id) => id.replace(`|${PERIODE}|`, '|NL|'))) : null;
  const { verborgen, b } = beschermMaandenModule(r, sommen, vergelijking);
  expect(audit(b.weergave, b.onderdrukt).lekken).toEqual([]);
  return new Set(verborgen.keys());
}

describe('suppression over a system of sums', () => {
  it('hides a part below 10 and then the smallest other part, as onderdrukDelen does', () => {
    const w = new Map([['t', 55], ['a', 5], ['b', 20], ['c', 30]]);
    expect(beschermStelsel(w, [{ totaal: 't', delen: ['a', 'b', 'c'] }])).toEqual(new Set(['a', 'b']));
  });

  it('hides a part when the total is hidden but every part is shown (the total would follow)', () => {
    const w = new Map([['t', 55], ['a', 15], ['b', 40]]);
    expect(beschermStelsel(w, [{ totaal: 't', delen: ['a', 'b'] }], { verplicht: ['t'] })).toEqual(new Set(['t', 'a']));
    // Nothing small, nothing required: nothing hidden.
    expect(beschermStelsel(w, [{ totaal: 't', delen: ['a', 'b'] }])).toEqual(new Set());
  });

  it('follows a hidden cell from one sum into the next until nothing changes', () => {
    // x = a + b, y = b + c: a (3) hides b (in x), and b then hides c (in y).
    const w = new Map([['x', 33], ['a', 3], ['b', 30], ['y', 70], ['c', 40]]);
    expect(beschermStelsel(w, [{ totaal: 'x', delen: ['a', 'b'] }, { totaal: 'y', delen: ['b', 'c'] }])).toEqual(new Set(['a', 'b', 'c']));
  });
});

describe('the monthly table (through the disclosure module; every answer audited exactly in beschermMaanden)', () => {
  const klein = (m: string, a: string) => (['b', 'p', 'n'] as const).map((s) => cel(s, m, a as 'gemeente'));

  it('with two months, one small burger month: its cells hidden as small, the month and period totals stay', () => {
    // Jan: gemeente 40/25, burger 3/2 (negatief 1); Feb: gemeente 50/30, burger 30/15.
    const r = maanden(['2017-01', 40, 25, 3, 2], ['2017-02', 50, 30, 30, 15]);
    const weg = beschermMaanden(r, [{ id: PERIODE, van: '2017-01', tot: '2017-02' }]);
    for (const id of klein('2017-01', 'burger')) expect(weg.has(id)).toBe(true);
    // Beoordelingen per month and over the period (all aanvragers) tell nothing about the split.
    for (const id of [cel('b', '2017-01', 'totaal'), cel('b', '2017-02', 'totaal'), cel('b', PERIODE, 'totaal')]) expect(weg.has(id)).toBe(false);
  });

  it('with three months the totals stay visible: the hidden months hold enough together', () => {
    const r = maanden(['2017-01', 40, 25, 3, 2], ['2017-02', 50, 30, 30, 15], ['2017-03', 60, 40, 40, 20]);
    const weg = beschermMaanden(r, [{ id: PERIODE, van: '2017-01', tot: '2017-03' }]);
    for (const id of klein('2017-01', 'burger')) expect(weg.has(id)).toBe(true);
    for (const m of ['2017-01', '2017-02', '2017-03', PERIODE]) expect(weg.has(cel('b', m, 'totaal'))).toBe(false);
  });

  it('hides the negatives under 10 and so what gives them: beoordelingen or positief', () => {
    // Gemeente 15 of 15 positive in January (negatief 0), burger 40/20 and 50/25.
    const r = maanden(['2017-01', 15, 15, 40, 20], ['2017-02', 30, 25, 50, 25]);
    const weg = beschermMaanden(r, [{ id: PERIODE, van: '2017-01', tot: '2017-02' }]);
    expect(weg.has(cel('n', '2017-01', 'gemeente'))).toBe(true);
    expect(weg.has(cel('p', '2017-01', 'gemeente')) || weg.has(cel('b', '2017-01', 'gemeente'))).toBe(true);
  });

  it('treats burger zeros before 2017 as known: they hide nothing', () => {
    const r = maanden(['2016-12', 40, 30, 0, 0], ['2017-01', 40, 25, 30, 20]);
    expect(beschermMaanden(r, [{ id: PERIODE, van: '2016-12', tot: '2017-01' }, { id: JAAR_TOT_NU, van: '2017-01', tot: '2017-01' }])).toEqual(new Set());
    // The same zero in 2017 is a count below 10.
    const r2 = maanden(['2017-01', 40, 30, 0, 0], ['2017-02', 40, 25, 30, 20]);
    expect(beschermMaanden(r2, [{ id: PERIODE, van: '2017-01', tot: '2017-02' }]).has(cel('b', '2017-01', 'burger'))).toBe(true);
  });

  it('the year to date is the period (one cell), and a cell hidden in the comparison stays hidden', () => {
    const r = maanden(['2017-01', 40, 25, 30, 20], ['2017-02', 50, 30, 30, 15]);
    // The comparison hid the period's burger beoordelingen and, as their complement, the gemeente's.
    const weg = beschermMaanden(r, [{ id: PERIODE, van: '2017-01', tot: '2017-02' }, { id: JAAR_TOT_NU, van: '2017-01', tot: '2017-02' }], [cel('b', PERIODE, 'burger'), cel('b', PERIODE, 'gemeente')]);
    expect(weg.has(cel('b', PERIODE, 'burger'))).toBe(true);
    expect(weg.has(cel('b', JAAR_TOT_NU, 'burger'))).toBe(true);
    // A month must go too (else the other month and the period total give it back).
    expect(weg.has(cel('b', '2017-01', 'burger')) || weg.has(cel('b', '2017-02', 'burger'))).toBe(true);
  });
});

describe('years of a gemeente', () => {
  it('hides small years without a total over the years', () => {
    const jaren = maanden(['2017', 12, 8, 20, 12], ['2018', 30, 20, 40, 25]).map(({ maand, ...r }) => ({ ...r, jaar: Number(maand) }));
    const weg = beschermJaren(jaren);
    // 2017: positief gemeente 8 < 10 → its split partner burger positief 12 too (gemeente + burger = totaal); 2018 untouched.
    expect(weg.has(cel('p', '2017', 'gemeente'))).toBe(true);
    expect(weg.has(cel('p', '2017', 'burger'))).toBe(true);
    expect([...weg].some((id) => id.includes('|2018|'))).toBe(false);
  });
});

describe('gemeenten, regions and Nederland', () => {
  const gebied = (code: string, regio: string | null, b: number, p: number, plekken: number | null): Gebied => ({
    code, naam: code, regio, taakstelling: 10, plekken, plekkenPeildatum: '2017-12-31',
    beoordelingen: { gemeente: b, burger: 0, totaal: b }, positief: { gemeente: p, burger: 0, totaal: p },
  });

  it('hides a gemeente that its region minus the other gemeenten would give', () => {
    // Region R = A (40 / 30) + B (12 / 5): B's 5 positive < 10 → A's positive too (R − A = B).
    const a = gebied('A', 'R', 40, 30, 25);
    const b = gebied('B', 'R', 12, 5, 4);
    const r = gebied('R', 'R', 52, 35, 29);
    const nl = gebied('NL', null, 52, 35, 29);
    const { adviezen, plekken } = beschermGebieden({ gemeenten: [a, b], regios: [r], nederland: nl }, '2017-12');
    expect(adviezen.has(cel('p', 'B', 'totaal'))).toBe(true);
    expect(adviezen.has(cel('p', 'A', 'totaal'))).toBe(true);
    expect(adviezen.has(cel('p', 'R', 'totaal'))).toBe(false);
    expect(adviezen.has(cel('b', 'B', 'totaal'))).toBe(false);
    // No burger asked in 2017 (0 < 10, not a known zero after 2016): the split by aanvrager is hidden, the total is not.
    expect(adviezen.has(cel('b', 'R', 'burger'))).toBe(true);
    expect(adviezen.has(cel('b', 'R', 'gemeente'))).toBe(true);
    expect(adviezen.has(cel('b', 'NL', 'totaal'))).toBe(false);
    // Places (through the disclosure module): B 4 < 10 → A 25 too (R − A = B); the region and the country stay.
    expect(plekken).toEqual(new Set(['B', 'A']));
  });
});

describe('a gemeente’s months', () => {
  // The comparison of 2017 prints the gemeente's gemeente and total requests (b, p), hides its burger requests.
  const vergelijking = new Set([cel('b', 'GM1', 'burger'), cel('p', 'GM1', 'burger'), cel('n', 'GM1', 'burger')]);
  const jaar = { id: JAAR, van: '2017-01', tot: '2017-12' };
  const maanden = Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`);
  const alle = (e: string, aanvragers: readonly AanvragerKeuze[]) => aanvragers.flatMap((a) => (['b', 'p', 'n'] as const).map((s) => cel(s, e, a)));

  it('the whole year: everything hidden but the year as the comparison prints it', () => {
    const sommen = [jaar, { id: PERIODE, van: '2017-01', tot: '2017-12' }, { id: JAAR_TOT_NU, van: '2017-01', tot: '2017-12' }];
    const weg = gemeenteMaanden('GM1', maanden, sommen, vergelijking, jaar);
    expect(weg).toEqual(new Set([
      ...maanden.flatMap((m) => alle(m, ['gemeente', 'burger', 'totaal'])),
      // The year, the period and the year to date are the same count: as the comparison prints it
      // (n follows from b and p, so it goes with them).
      ...alle(JAAR, ['burger']), ...alle(PERIODE, ['burger']), ...alle(JAAR_TOT_NU, ['burger']),
    ]));
  });

  it('part of a year: nothing printed, also where the comparison prints the year (the rest would follow by difference)', () => {
    const sommen = [jaar, { id: PERIODE, van: '2017-03', tot: '2017-05' }, { id: JAAR_TOT_NU, van: '2017-01', tot: '2017-05' }];
    const weg = gemeenteMaanden('GM1', maanden, sommen, vergelijking, jaar);
    expect(weg).toEqual(new Set([
      ...maanden.flatMap((m) => alle(m, ['gemeente', 'burger', 'totaal'])),
      ...alle(JAAR, ['burger']), ...alle(PERIODE, ['gemeente', 'burger', 'totaal']), ...alle(JAAR_TOT_NU, ['gemeente', 'burger', 'totaal']),
    ]));
  });

  it('before 2017: the burger zeros are no secret', () => {
    const j2016 = { id: JAAR, van: '2016-01', tot: '2016-12' };
    const m2016 = maanden.map((m) => m.replace('2017', '2016'));
    const weg = gemeenteMaanden('GM1', m2016, [j2016], new Set(), j2016);
    expect(weg).toEqual(new Set(m2016.flatMap((m) => alle(m, ['gemeente', 'totaal']))));
  });
});

/**
 * Disclosure control (src/lib/disclosure/): the cases of issue 12 as hand-built tables, each
 * with the answer worked out in the comments. "Today" = what the pages showed before this module
 * (per-page rules); the audit must find those leaks, and beveilig() must not leave any.
 */
import { describe, expect, it } from 'vitest';
import { AFGELEID, BESCHERMD, KLEIN } from '../src/lib/format/disclosure.ts';
import { formatPct } from '../src/lib/format/nl.ts';
import { afgerondHalf, grootsteRest } from '../src/lib/disclosure/afronding.ts';
import { audit } from '../src/lib/disclosure/audit.ts';
import { beveilig } from '../src/lib/disclosure/beveilig.ts';
import { WeergaveBouwer, aandeelId, type Reden } from '../src/lib/disclosure/tabel.ts';
import { afrondingsNoot, nietGetoond, toelichtingen, AFRONDING_LOS, AFRONDING_OPTELLEND } from '../src/lib/disclosure/zinnen.ts';

const kaart = (m: Record<string, Reden>) => new Map(Object.entries(m));
/** Intervals of the audit by id: [min, max]. */
const intervallen = (a: ReturnType<typeof audit>) => Object.fromEntries(a.cellen.map((c) => [c.id, [c.min, c.max]]));
const gesorteerd = (m: ReadonlyMap<string, Reden>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('Duurzaamheid, uitkomst per achtergrond: the Totaal row gave the hidden Wajong cells back', () => {
  // Cohort per achtergrond and outcome a year later (werkzaam / werk verloren / uit register):
  //   Wajong           30 = 30 +  0 +  0
  //   Wsw              40 = 20 + 10 + 10
  //   Participatiewet  30 = 10 + 10 + 10
  //   Totaal          100 = 60 + 20 + 20
  // The group rows print counts and shares; the Totaal row prints its cohort and its shares
  // (60,0% / 20,0% / 20,0%), not its counts.
  function tabel() {
    const b = new WeergaveBouwer();
    const rijen: [string, number, number, number][] = [
      ['wajong', 30, 0, 0],
      ['wsw', 20, 10, 10],
      ['pw', 10, 10, 10],
    ];
    for (const [g, w, v, u] of rijen) {
      b.cel(g, w + v + u).verdeling(g, [[`${g}.werkzaam`, w], [`${g}.verloren`, v], [`${g}.uit`, u]], 1);
    }
    b.cel('totaal', 100).verdeling('totaal', [['totaal.werkzaam', 60], ['totaal.verloren', 20], ['totaal.uit', 20]], 1, { getoond: false });
    b.som('totaal', ['wajong', 'wsw', 'pw']);
    for (const k of ['werkzaam', 'verloren', 'uit']) b.som(`totaal.${k}`, ['wajong', 'wsw', 'pw'].map((g) => `${g}.${k}`));
    return b.weergave();
  }

  it('today: Wajong werkzaam = 60 − 20 − 10 = 30, and its 0s come back the same way', () => {
    // Today's page hid Wajong's three cells and the Totaal counts, but showed the Totaal shares:
    // 60,0% of 100 is 60 persons exactly, minus Wsw 20 and Participatiewet 10.
    const a = audit(tabel(), kaart({ 'wajong.werkzaam': 'bescherming', 'wajong.verloren': 'klein', 'wajong.uit': 'klein' }));
    expect(intervallen(a)).toEqual({ 'wajong.werkzaam': [30, 30], 'wajong.verloren': [0, 0], 'wajong.uit': [0, 0] });
    expect(a.lekken.map((l) => l.id)).toEqual(['wajong.werkzaam', 'wajong.verloren', 'wajong.uit']);
  });

  it('beveilig hides the Totaal parts too, and nothing can be worked out any more', () => {
    const b = beveilig(tabel());
    // Wajong verloren may be anything 0–9 only if Totaal verloren may move (the other groups'
    // 10s cannot go below their mark of 10), so Totaal verloren is hidden; likewise Totaal uit.
    // Then Totaal werkzaam = 100 − those two would pin their sum: it goes too. Wajong werkzaam =
    // 30 − verloren − uit would pin them: it goes too. Wsw and Participatiewet stay shown.
    expect(gesorteerd(b.onderdrukt)).toEqual({
      'totaal.uit': 'bescherming',
      'totaal.verloren': 'bescherming',
      'totaal.werkzaam': 'bescherming',
      'wajong.uit': 'klein',
      'wajong.verloren': 'klein',
      'wajong.werkzaam': 'bescherming',
    });
    // What a reader can still derive (v, u = Wajong verloren and uit, each 0–9):
    //   Wajong werkzaam = 30 − v − u ∈ [12, 30]; Totaal verloren = 20 + v ∈ [20, 29];
    //   Totaal werkzaam = 60 − v − u ∈ [42, 60].
    expect(intervallen(b.audit)).toEqual({
      'wajong.werkzaam': [12, 30],
      'wajong.verloren': [0, 9],
      'wajong.uit': [0, 9],
      'totaal.werkzaam': [42, 60],
      'totaal.verloren': [20, 29],
      'totaal.uit': [20, 29],
    });
    expect(b.audit.lekken).toEqual([]);
    expect(b.audit.kleinGetoond).toEqual([]);
    expect(b.aantal('wajong.werkzaam')).toBe(BESCHERMD);
    expect(b.aantal('wajong.verloren')).toBe(KLEIN);
    expect(b.aantal('wsw.verloren')).toBe(10);
    expect(b.aandeel(aandeelId('totaal.werkzaam', 'totaal'))).toBe(BESCHERMD);
    expect(b.aandeel(aandeelId('wsw.werkzaam', 'wsw'))).toBe(0.5);
    expect(b.verlies).toEqual({ primair: 2, secundair: 4, personenSecundair: 30 + 60 + 20 + 20, cellen: 16 });
  });

  it('the sentence gives the true reason', () => {
    const b = beveilig(tabel());
    const wajong = b.reden(aandeelId('wajong.werkzaam', 'wajong'));
    expect(wajong).toBe('bescherming');
    expect(`Van de mensen met achtergrond Wajong: het aandeel dat een jaar later nog werkte, ${nietGetoond(wajong!)}.`).toBe(
      'Van de mensen met achtergrond Wajong: het aandeel dat een jaar later nog werkte, wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
    );
    expect(nietGetoond(b.reden(aandeelId('wajong.verloren', 'wajong'))!)).toBe('wordt niet getoond, omdat het om minder dan 10 personen gaat');
    expect(b.reden(aandeelId('wsw.werkzaam', 'wsw'))).toBeNull();
    // Footnotes: "<10" for the printed small counts, and one "x" note with both reasons.
    expect(toelichtingen(b)).toEqual([
      '<10: minder dan 10 personen; het precieze aantal wordt niet getoond.',
      'x: niet getoond, omdat de groep (of de teller) kleiner is dan 10 personen, of om een kleine groep elders in de tabel te beschermen (anders zou die uit de andere cijfers te berekenen zijn).',
    ]);
  });
});

describe('starters: Totaal 33,3% of 30 with Wajong 10 gave Participatiewet 0', () => {
  // Starters 20 (Wajong) + 10 (Participatiewet) = 30; a year later at work 10 + 0 = 10.
  // Counts printed per group; the Totaal row prints 30 starters and 33,3% at work.
  function tabel() {
    return new WeergaveBouwer()
      .cel('wajong.starters', 20).cel('pw.starters', 10).cel('totaal.starters', 30)
      .cel('wajong.werk', 10).cel('pw.werk', 0).cel('totaal.werk', 10, { getoond: false })
      .som('totaal.starters', ['wajong.starters', 'pw.starters'])
      .som('totaal.werk', ['wajong.werk', 'pw.werk'])
      .nesting('wajong.werk', 'wajong.starters').nesting('pw.werk', 'pw.starters').nesting('totaal.werk', 'totaal.starters')
      .aandeel('wajong.werk', 'wajong.starters').aandeel('pw.werk', 'pw.starters').aandeel('totaal.werk', 'totaal.starters')
      .weergave();
  }

  it('today: 33,3% of 30 is 10 persons (9,99 to 10,005), minus Wajong 10 = 0', () => {
    const a = audit(tabel(), kaart({ 'pw.werk': 'klein' }));
    expect(intervallen(a)).toEqual({ 'pw.werk': [0, 0] });
  });

  it('hiding Wajong 10 instead would not do: its mark says at least 10, so 10 − Wajong ≤ 0', () => {
    const a = audit(tabel(), kaart({ 'pw.werk': 'klein', 'wajong.werk': 'bescherming' }));
    expect(intervallen(a)).toEqual({ 'pw.werk': [0, 0], 'wajong.werk': [10, 10] });
    // Only a reader who is not told why would be left with Wajong ∈ [0, 10], Participatiewet 10 − that.
    const zonderReden = audit(tabel(), kaart({ 'pw.werk': 'klein', 'wajong.werk': 'bescherming' }), { redenBekend: false });
    expect(intervallen(zonderReden)).toEqual({ 'pw.werk': [0, 10], 'wajong.werk': [0, 10] });
  });

  it('beveilig hides the Totaal share: then Participatiewet is anything from 0 to 9', () => {
    const b = beveilig(tabel());
    expect(gesorteerd(b.onderdrukt)).toEqual({ 'pw.werk': 'klein', 'totaal.werk': 'bescherming' });
    // Totaal werk = 10 + Participatiewet ∈ [10, 19]: ten values, as many as "<10" leaves open.
    expect(intervallen(b.audit)).toEqual({ 'pw.werk': [0, 9], 'totaal.werk': [10, 19] });
    expect(b.aandeel(aandeelId('totaal.werk', 'totaal.starters'))).toBe(BESCHERMD);
    expect(b.reden(aandeelId('totaal.werk', 'totaal.starters'))).toBe('bescherming');
    expect(b.aandeel(aandeelId('wajong.werk', 'wajong.starters'))).toBe(0.5);
    expect(b.aantal('wajong.werk')).toBe(10);
  });
});

describe('nested measures: steeds werkzaam ≤ werkzaam', () => {
  // A cohort of 25 working at the base quarter; a year later werkzaam 25, werk verloren 0,
  // uit register 0; steeds werkzaam 25 (shown as a share of the cohort, 100,0%).
  function tabel100() {
    return new WeergaveBouwer()
      .cel('cohort', 25)
      .verdeling('cohort', [['werkzaam', 25], ['verloren', 0], ['uit', 0]], 1)
      .cel('steeds', 25, { getoond: false })
      .aandeel('steeds', 'cohort')
      .nesting('steeds', 'werkzaam')
      .weergave();
  }

  it('today: werkzaam "x" with steeds werkzaam 100,0% gives werkzaam exactly (and the 0s)', () => {
    const a = audit(tabel100(), kaart({ werkzaam: 'bescherming', verloren: 'klein', uit: 'klein' }));
    expect(intervallen(a)).toEqual({ werkzaam: [25, 25], verloren: [0, 0], uit: [0, 0] });
  });

  it('beveilig hides steeds werkzaam too', () => {
    const b = beveilig(tabel100());
    expect(gesorteerd(b.onderdrukt)).toEqual({ steeds: 'bescherming', uit: 'klein', verloren: 'klein', werkzaam: 'bescherming' });
    // werkzaam ≥ 10 (its mark) and = 25 − verloren − uit; steeds between 10 and werkzaam.
    expect(intervallen(b.audit)).toEqual({ werkzaam: [10, 25], verloren: [0, 9], uit: [0, 9], steeds: [10, 25] });
    expect(b.aandeel(aandeelId('steeds', 'cohort'))).toBe(BESCHERMD);
  });

  it('a share below 100% leaks a lower bound: 96,5% of 200 → werkzaam ≥ 193 → verloren + uit ≤ 7', () => {
    // Cohort 200 = werkzaam 195 + verloren 2 + uit 3; steeds werkzaam 193 (96,5%).
    const w = new WeergaveBouwer()
      .cel('cohort', 200)
      .verdeling('cohort', [['werkzaam', 195], ['verloren', 2], ['uit', 3]], 1)
      .cel('steeds', 193, { getoond: false })
      .aandeel('steeds', 'cohort')
      .nesting('steeds', 'werkzaam')
      .weergave();
    // 96,5% of 200 is 192,9 to 193,1 persons: 193. So werkzaam ∈ [193, 200] and each of the two
    // small cells ∈ [0, 7]: eight values, fewer than "<10" promises.
    const vandaag = audit(w, kaart({ werkzaam: 'bescherming', verloren: 'klein', uit: 'klein' }));
    expect(intervallen(vandaag)).toEqual({ werkzaam: [193, 200], verloren: [0, 7], uit: [0, 7] });
    const b = beveilig(w);
    expect(b.onderdrukt.get('steeds')).toBe('bescherming');
    expect(intervallen(b.audit)).toEqual({ werkzaam: [182, 200], verloren: [0, 9], uit: [0, 9], steeds: [10, 200] });
  });
});

describe('over-suppression: a national cell of about 180 persons stays shown', () => {
  // Uitstroom by reason (werk / geen arbeidsvermogen / verhuisd / overleden), whole percents:
  //   Wajong     456 = 300 + 100 + 50 +  6
  //   Wsw        356 = 220 +  80 + 44 + 12
  //   Landelijk  812 = 520 + 180 + 94 + 18
  function tabel() {
    const b = new WeergaveBouwer();
    const rijen: [string, number[]][] = [
      ['wajong', [300, 100, 50, 6]],
      ['wsw', [220, 80, 44, 12]],
      ['nl', [520, 180, 94, 18]],
    ];
    const redenen = ['werk', 'gav', 'verhuisd', 'overleden'];
    for (const [g, n] of rijen) {
      b.cel(g, n.reduce((x, y) => x + y, 0)).verdeling(g, redenen.map((r, i) => [`${g}.${r}`, n[i]] as const), 0);
    }
    b.som('nl', ['wajong', 'wsw']);
    for (const r of redenen) b.som(`nl.${r}`, [`wajong.${r}`, `wsw.${r}`]);
    return b.weergave();
  }

  it('picks the cheapest rectangle through the national row, not "geen arbeidsvermogen"', () => {
    const b = beveilig(tabel());
    // Wajong overleden (6) must range over 0–9. Through Wsw alone it cannot: Wsw overleden 12
    // may drop only to 10 (its mark), so Wajong overleden would reach 8 at most. Through the
    // national row: Wajong overleden +t, Wajong verhuisd −t, nl overleden +t, nl verhuisd −t,
    // t ∈ [−6, 3] — cost 50 + 18 + 94 = 162 persons. Using nl gav (180) would cost more.
    expect(gesorteerd(b.onderdrukt)).toEqual({
      'nl.overleden': 'bescherming',
      'nl.verhuisd': 'bescherming',
      'wajong.overleden': 'klein',
      'wajong.verhuisd': 'bescherming',
    });
    expect(intervallen(b.audit)).toEqual({
      'wajong.verhuisd': [47, 56],
      'wajong.overleden': [0, 9],
      'nl.verhuisd': [91, 100],
      'nl.overleden': [12, 21],
    });
    expect(b.aantal('nl.gav')).toBe(180);
    // 180 / 812 = 22,17% → 22% (rounded on its own: the hidden parts are missing).
    expect(b.aandeel(aandeelId('nl.gav', 'nl'))).toBe(0.22);
    expect(b.optellend(aandeelId('nl.gav', 'nl'))).toBe(false);
    expect(b.optellend(aandeelId('wsw.gav', 'wsw'))).toBe(true);
    expect(afrondingsNoot(b)).toBe(AFRONDING_LOS);
    expect(b.verlies).toMatchObject({ primair: 1, secundair: 3, personenSecundair: 162 });
  });
});

describe('rounded parts add up to 100', () => {
  it('WIW/ID 905 + 27 + 68 of 1000: 91 + 3 + 7 = 101 each on its own, 90 + 3 + 7 by largest remainder', () => {
    // Exact: 90,5 / 2,7 / 6,8. Half up: 91, 3, 7. Largest remainder: 90, 2, 6 (= 98) plus one
    // each to the largest remainders 0,8 and 0,7: 90, 3, 7.
    expect([905, 27, 68].map((t) => afgerondHalf(t, 1000, 0))).toEqual([91, 3, 7]);
    expect(grootsteRest([905, 27, 68], 1000, 0)).toEqual([90, 3, 7]);
    const b = beveilig(new WeergaveBouwer().cel('wiw', 1000).verdeling('wiw', [['werk', 905], ['verloren', 27], ['uit', 68]], 0).weergave());
    const delen = ['werk', 'verloren', 'uit'].map((d) => b.aandeel(aandeelId(d, 'wiw')) as number);
    expect(delen.map((p) => formatPct(p, 0))).toEqual(['90%', '3%', '7%']);
    expect(b.optellend(aandeelId('werk', 'wiw'))).toBe(true);
    expect(afrondingsNoot(b)).toBe(AFRONDING_OPTELLEND);
  });

  it('one decimal: 1/3 each → 33,4 + 33,3 + 33,3; ties go to the larger part, then the first', () => {
    expect(grootsteRest([1, 1, 1], 3, 1)).toEqual([334, 333, 333]);
    expect(grootsteRest([1, 2, 2, 1], 6, 0)).toEqual([17, 33, 33, 17]);
    expect(grootsteRest([1, 1, 1, 1, 1, 1, 1], 7, 0)).toEqual([15, 15, 14, 14, 14, 14, 14]);
    expect(afgerondHalf(1, 8, 0)).toBe(13); // 12,5 → 13 (half up, as Intl)
    expect(afgerondHalf(10, 30, 1)).toBe(333);
  });
});

describe('primary rules', () => {
  it('0 is protected like 1–9; shares and means follow their counts', () => {
    const b = beveilig(
      new WeergaveBouwer()
        .cel('n', 40).cel('a', 0).cel('b', 40)
        .som('n', ['a', 'b'])
        .aandeel('a', 'n').aandeel('b', 'n')
        .afgeleid('duur.a', ['a']).afgeleid('duur.b', ['b'])
        .weergave(),
    );
    // a = 0 is hidden; then b = 40 − a would give it back, so b is hidden too, and with it
    // its share and its mean. a's interval: b ≥ 10 (mark) → a ∈ [0, 9]... but also a ≤ 9 and
    // a + b = 40, so b ∈ [31, 40].
    expect(gesorteerd(b.onderdrukt)).toEqual({ a: 'klein', b: 'bescherming' });
    expect(b.afgeleid('duur.a', 3.5)).toBe(AFGELEID);
    expect(b.afgeleid('duur.b', 4.5)).toBe(BESCHERMD);
    expect(b.reden('duur.a')).toBe('klein');
    expect(b.reden('duur.b')).toBe('bescherming');
    expect(intervallen(b.audit)).toEqual({ a: [0, 9], b: [31, 40] });
  });

  it('a small group alone, with nothing to subtract it from, needs no company', () => {
    const b = beveilig(new WeergaveBouwer().cel('a', 4).cel('b', 50).weergave());
    expect(gesorteerd(b.onderdrukt)).toEqual({ a: 'klein' });
    expect(b.verlies.secundair).toBe(0);
  });

  it('the audit reports small groups printed outright', () => {
    const w = new WeergaveBouwer().cel('n', 40).cel('a', 4).cel('b', 36).som('n', ['a', 'b']).aandeel('a', 'n').weergave();
    expect(audit(w, new Map()).kleinGetoond).toEqual(['a', 'a/n']);
  });
});

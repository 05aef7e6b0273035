/**
 * Disclosure control on the Duurzaamheid page through lib/disclosure (pages/duurzaamheid/
 * beveiliging.ts): the cases of issue 12 on hand-built panels, through the page's own chart and
 * sentence builders, with the answers worked out here; and the attacker (the audit) over every
 * base quarter's table of the page on the demo data, which must find nothing to recover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import { demoEngine } from './demo-data.ts';
import { beveilig } from '../src/lib/disclosure/beveilig.ts';
import { AFGELEID, BESCHERMD, KLEIN, isOnderdrukt } from '../src/lib/format/disclosure.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { panelBereikQuery, type PanelBereik } from '../src/lib/metrics/duurzaamheid/bereik.ts';
import type { StartersRij } from '../src/lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../src/lib/metrics/duurzaamheid/uitstroom.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import {
  beschermCohort, beschermCohorten, beschermStarters, beschermStartersPerBasis,
} from '../src/pages/duurzaamheid/beveiliging.ts';
import { context, startersGroepData, trendData, uitkomstData, uitstroomData } from '../src/pages/duurzaamheid/grafieken.ts';
import { kernzinnen } from '../src/pages/duurzaamheid/kernzinnen.ts';
import { duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import type { Selectie } from '../src/pages/duurzaamheid/selectie.ts';

const ctx = context('heel Nederland, alle sectoren, alle achtergronden', null);

/** An outcome row; steeds werkzaam and zelfde baan default to werkzaam. */
function rij(groep: string, werkzaam: number, verloren: number, uit: number, over: Partial<UitkomstRij> = {}): UitkomstRij {
  const cohort = werkzaam + verloren + uit;
  return {
    basis: '2021Q3', eind: '2022Q3', horizon: 4, groep, cohort, werkzaam, werkVerloren: verloren, uitRegister: uit,
    steedsWerkzaam: werkzaam, zelfdeBaan: werkzaam, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0,
    steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: cohort < 10, ...over,
  };
}

/** Intervals the audit finds for the hidden cells: id → [min, max]. */
function intervallen(p: { b: { audit: { cellen: readonly { id: string; min: number; max: number }[] } } }) {
  return Object.fromEntries(p.b.audit.cellen.map((c) => [c.id, [c.min, c.max]]));
}

describe('issue 12 on hand-built panels', () => {
  it('Wajong werkzaam is not recoverable from the Totaal row by subtraction', () => {
    // Wajong 30 = 30 + 0 + 0; Wsw 40 = 20 + 10 + 10; Participatiewet 30 = 10 + 10 + 10;
    // Totaal 100 = 60 + 20 + 20. Before: Totaal 60% / 20% / 20% of 100 gave Wajong werkzaam =
    // 60 − 20 − 10 = 30 and its 0s back.
    const rijen = [rij('Wajong', 30, 0, 0), rij('Wsw', 20, 10, 10), rij('Participatiewet', 10, 10, 10)];
    const p = beschermCohort(rijen);
    const d = uitkomstData(rijen, [], ctx, p)!;
    const [wajong, wsw, , totaal] = d.rijen;
    expect([wajong.werkzaam, wajong.verloren, wajong.uit]).toEqual([BESCHERMD, KLEIN, KLEIN]);
    // "x" either way; BESCHERMD where only protection hides it (the footnote gives that reason).
    expect([wajong.werkzaam_pct, wajong.verloren_pct, wajong.uit_pct]).toEqual([BESCHERMD, AFGELEID, AFGELEID]);
    // The total's parts go (their shares with them); the cohort of 100 stays.
    expect([totaal.cohort, totaal.werkzaam, totaal.verloren, totaal.uit]).toEqual([100, BESCHERMD, BESCHERMD, BESCHERMD]);
    expect([totaal.werkzaam_pct, totaal.verloren_pct, totaal.uit_pct]).toEqual([BESCHERMD, BESCHERMD, BESCHERMD]);
    expect([wsw.werkzaam, wsw.werkzaam_pct]).toEqual([20, 0.5]);
    // What a reader can still work out (v, u = Wajong verloren and uit, 0–9 each): Wajong
    // werkzaam = 30 − v − u ∈ [12, 30]; Totaal verloren = 20 + v ∈ [20, 29].
    const iv = intervallen(p);
    expect(iv['g:Wajong.werkzaam']).toEqual([12, 30]);
    expect(iv['g:Wajong.verloren']).toEqual([0, 9]);
    expect(iv['T.verloren']).toEqual([20, 29]);
    expect(p.b.audit.lekken).toEqual([]);
    // The total's steeds werkzaam (60) and zelfde baan would bound werkzaam: they go in the trend too.
    const trend = trendData(rijen, [], 4, {}, ctx, 3, new Map([['2021Q3' as Kwartaal, p]]));
    expect([trend.rijen[0].werkzaam, trend.rijen[0].werkzaam_pct, trend.rijen[0].steeds_pct]).toEqual([BESCHERMD, BESCHERMD, BESCHERMD]);
    // The sentence says the true reason: the group is 30, hidden to protect another.
    const zinnen = kernzinnen({ uitkomst: { rijen, bescherming: p }, starters: null, contract: null, uitstroom: null, achtergrond: [], eind: null, uwv: null });
    expect(zinnen.find((z) => z.includes('achtergrond Wajong'))).toBe(
      'Van de mensen met achtergrond Wajong die in het derde kwartaal van 2021 werkten: het aandeel dat een jaar later nog werkte, wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
    );
    expect(zinnen[0]).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten: het aandeel dat een jaar later nog werkte, wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
    );
  });

  it('starters: Totaal 33,3% of 30 with Wajong 10 no longer gives Participatiewet 0', () => {
    const st = (groep: string, starters: number, na1: number): StartersRij => ({
      basis: '2021Q3', vanaf: '2020Q4', groep, starters, werkzaamNa1Jaar: na1, zelfdeBaanNa1Jaar: null, werkzaamNa2Jaar: null,
      werkzaamNa1JaarPct: null, zelfdeBaanNa1JaarPct: null, werkzaamNa2JaarPct: null, onderDrempel: false,
    });
    const rijen = [st('Wajong', 20, 10), st('Participatiewet', 10, 0)];
    const p = beschermStarters(rijen);
    const d = startersGroepData(rijen, [], ctx, p)!;
    const [wajong, pw, totaal] = d.rijen;
    expect([pw.na1, pw.na1_pct]).toEqual([KLEIN, AFGELEID]);
    // 33,3% of 30 is 10 persons exactly; minus Wajong's 10 gave 0. Now the total's share and
    // count are hidden: Participatiewet is anything from 0 to 9, the total 10 to 19.
    expect([totaal.starters, totaal.na1, totaal.na1_pct]).toEqual([30, BESCHERMD, BESCHERMD]);
    expect([wajong.na1, wajong.na1_pct]).toEqual([10, 0.5]);
    expect(intervallen(p)).toEqual({ 'g:Participatiewet.na1': [0, 9], 'T.na1': [10, 19] });
    // Not yet known (two years): "–", not a number, not a mark.
    expect([totaal.na2, totaal.na2_pct]).toEqual([null, null]);
  });

  it('nested measures: steeds werkzaam 100% no longer gives a hidden werkzaam back', () => {
    // One achtergrond (WIW/ID): 25 = 25 + 0 + 0, steeds werkzaam 25 (100,0% in the trend).
    const rijen = [rij('WIW/ID', 25, 0, 0), rij('Wsw', 300, 20, 30)];
    const p = beschermCohorten(rijen, null, ['WIW/ID']).get('2021Q3')!;
    const t = trendData(rijen, ['WIW/ID'], 4, {}, ctx, 3, new Map([['2021Q3' as Kwartaal, p]])).rijen[0];
    expect([t.cohort, t.werkzaam, t.steeds, t.zelfde]).toEqual([25, BESCHERMD, BESCHERMD, BESCHERMD]);
    expect([t.werkzaam_pct, t.steeds_pct, t.zelfde_pct]).toEqual([BESCHERMD, BESCHERMD, BESCHERMD]);
    // werkzaam = 25 − verloren − uit ∈ [10, 25] (its mark says ≥ 10); steeds and zelfde ≤ werkzaam.
    expect(intervallen(p)['g:WIW/ID.werkzaam']).toEqual([10, 25]);
    expect(p.b.audit.lekken).toEqual([]);
  });

  it('uitstroom: "geen arbeidsvermogen" (180) stays shown when a smaller complement exists', () => {
    // Everyone who left: 800 = AOW 300 + Wsw-beschut 250 + geen arbeidsvermogen 180 +
    // overleden 6 + overig 40 + onbekend 24 (Wsw 500, Wajong 300 of them).
    const redenen: [string, number, number][] = [['AOW', 200, 100], ['Wsw-beschut', 150, 100], ['geen arbeidsvermogen', 100, 80], ['overleden', 4, 2], ['overig', 30, 10], ['onbekend', 16, 8]];
    const uitstroom: UitstroomRij[] = redenen.flatMap(([reden, wsw, wajong]) => [
      { basis: '2021Q3', eind: '2022Q3', horizon: 4, groep: 'Wsw', reden, aantal: wsw, uitRegister: 500, pct: 0, onderDrempel: false },
      { basis: '2021Q3', eind: '2022Q3', horizon: 4, groep: 'Wajong', reden, aantal: wajong, uitRegister: 300, pct: 0, onderDrempel: false },
    ] as UitstroomRij[]);
    const rijen = [rij('Wsw', 3000, 400, 500), rij('Wajong', 2000, 300, 300)];
    const p = beschermCohort(rijen, uitstroom);
    const d = uitstroomData(uitstroom, [], ctx, p)!;
    const per = Object.fromEntries(d.rijen.map((r) => [r.reden, [r.aantal, r.pct]]));
    expect(per['Overleden']).toEqual([KLEIN, AFGELEID]);
    // The cheapest cell that lets overleden range over 0–9 is "onbekend" (24), not the 180.
    expect(per['Reden onbekend']).toEqual([BESCHERMD, BESCHERMD]);
    expect(per['Geen arbeidsvermogen']).toEqual([180, 0.23]);
    expect(p.b.audit.lekken).toEqual([]);
    expect(d.voetnoten).toContain('Percentages zijn elk apart afgerond, en niet getoonde delen ontbreken; ze tellen daardoor niet altijd op tot 100%.');
  });

  it('rounded parts add up to 100: WIW/ID 905 + 27 + 68 shows 90 + 3 + 7, not 91 + 3 + 7', () => {
    const d = uitkomstData([rij('WIW/ID', 905, 27, 68)], [], ctx)!;
    expect([d.rijen[0].werkzaam_pct, d.rijen[0].verloren_pct, d.rijen[0].uit_pct]).toEqual([0.9, 0.03, 0.07]);
    expect(d.voetnoten).toContain('Percentages zijn zo afgerond dat de delen samen 100% zijn.');
  });
});

describe('the audit over the page on the demo data', () => {
  let engine: NodeEngine;
  let bereik: PanelBereik;
  beforeAll(async () => {
    engine = await demoEngine('doelgroep_kwartaal', 'doelgroep_uitstroom');
    bereik = (await runMetric(engine, panelBereikQuery()))!;
  }, 120_000);
  afterAll(() => engine?.close());

  const SELECTIES: [string, Partial<Selectie>][] = [
    ['heel Nederland, derde kwartalen', {}],
    ['heel Nederland, vierde kwartalen, twee jaar', { basis: '2021Q4', horizon: 8 }],
    ['AM37 overheid', { regio: ['AM37'], sector: 'overheid' }],
    ['AM37 overheid, WIW/ID', { regio: ['AM37'], sector: 'overheid', achtergrond: ['WIW/ID'] }],
    ['AM25 markt, Wajong en Participatiewet', { regio: ['AM25'], sector: 'markt', achtergrond: ['Wajong', 'Participatiewet'] }],
  ];

  it.each(SELECTIES)('%s: no hidden cell recoverable, nothing under 10 printed', async (_naam, over) => {
    const s = { basis: '2021Q3', horizon: 4, achtergrond: [], regio: [], sector: 'alle', ...over } as Selectie;
    const q = duurzaamheidQueries(s, bereik);
    const cohort = await runMetric(engine, q.cohortTrend);
    const uitstroom = await runMetric(engine, q.uitstroomTrend);
    const starters = await runMetric(engine, q.startersTrend);
    const c = beschermCohorten(cohort, uitstroom, s.achtergrond);
    const st = beschermStartersPerBasis(starters, s.achtergrond);
    expect(c.size).toBeGreaterThan(5);
    let verborgen = 0;
    for (const p of [...c.values(), ...st.values()]) {
      expect(p.b.audit.lekken.map((l) => `${l.id} [${l.min}, ${l.max}]`)).toEqual([]);
      expect(p.b.audit.kleinGetoond).toEqual([]);
      verborgen += p.b.onderdrukt.size;
    }
    // The views as the page builds them print no count under 10, on any base quarter.
    const views = [trendData(cohort, s.achtergrond, s.horizon, {}, ctx, 3, c)];
    for (const [basis, p] of c) {
      views.push(uitkomstData(cohort.filter((r) => r.basis === basis), s.achtergrond, ctx, p)!);
      const u = uitstroomData(uitstroom.filter((r) => r.basis === basis), s.achtergrond, ctx, p);
      if (u) views.push(u);
    }
    for (const [basis, p] of st) views.push(startersGroepData(starters.filter((r) => r.basis === basis), s.achtergrond, ctx, p)!);
    for (const v of views) {
      const aantallen = v.kolommen.filter((k) => k.type === 'aantal' && !k.key.startsWith('pub_')).map((k) => k.key);
      for (const r of v.rijen) for (const k of aantallen) if (!isOnderdrukt(r[k]) && r[k] !== null) expect(r[k] as number, `${v.titel} ${k}`).toBeGreaterThanOrEqual(10);
    }
    if (s.regio.length) expect(verborgen).toBeGreaterThan(0);
  }, 120_000);

  it('heel Nederland: a count of 100 or more hidden only to protect another is the cheapest that can; printing it instead hides more', async () => {
    const gezien: string[] = [];
    for (const [basis, horizon] of [['2021Q3', 4], ['2021Q4', 8]] as const) {
      const s = { basis, horizon, achtergrond: [], regio: [], sector: 'alle' } as Selectie;
      const q = duurzaamheidQueries(s, bereik);
      const c = beschermCohorten(await runMetric(engine, q.cohortTrend), await runMetric(engine, q.uitstroomTrend), []);
      for (const [kw, p] of c) {
        const waarde = new Map(p.b.weergave.cellen.map((x) => [x.id, x.aantal]));
        for (const [id, reden] of p.b.onderdrukt) {
          if (reden !== 'bescherming' || waarde.get(id)! < 100) continue;
          // The same table with this cell printed (as if another table printed it): the module
          // must hide others instead, and those hold more persons.
          const ander = beveilig({ ...p.b.weergave, cellen: p.b.weergave.cellen.map((x) => (x.id === id ? { ...x, vast: true } : x)) });
          expect(ander.audit.lekken).toEqual([]);
          expect(ander.verlies.personenSecundair, `${kw} H${horizon} ${id}`).toBeGreaterThan(p.b.verlies.personenSecundair);
          gezien.push(`${kw} ${id}=${waarde.get(id)}`);
        }
      }
    }
    // Every third quarter hides "onbekend" (0 in the demo's uitstroom) and, to protect it, the
    // smallest other reason: 2021Q3 overleden 266 (geen arbeidsvermogen 321, Wsw-beschut 305).
    expect(gezien).toContain('2021Q3 U:overleden=266');
    expect(gezien.length).toBeGreaterThan(10);
  }, 300_000);
});

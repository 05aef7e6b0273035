import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { REGIO_CODES } from '../src/lib/extracts/regions.ts';
import { onderDrempel } from '../src/lib/metrics/duurzaamheid/aandelen.ts';
import {
  basiskwartalen, panelBereikQuery, standaardBasiskwartaal, startersBasiskwartalen, type PanelBereik,
} from '../src/lib/metrics/duurzaamheid/bereik.ts';
import { contractQuery, contractTrendQuery } from '../src/lib/metrics/duurzaamheid/contract.ts';
import { startersQuery, startersTrendQuery, totaalStarters } from '../src/lib/metrics/duurzaamheid/starters.ts';
import { cohortTrendQuery, cohortUitkomstQuery, type UitkomstRij } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import { somUitkomst } from '../src/pages/duurzaamheid/groepen.ts';
import { uitstroomRedenenQuery, uitstroomTrendQuery, type UitstroomRij } from '../src/lib/metrics/duurzaamheid/uitstroom.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import {
  COHORT_PERSONEN, COHORT_VANAF, COHORT_VERTREK, maakPanel, PEIL_PERSONEN, PEIL_VANAF,
  STARTERS_PERSONEN, STARTERS_VANAF,
} from './fixtures/duurzaamheid-panel.ts';
import { arqueroCohort, laadPanelKolommen } from '../bench/cases/arquero-cohort.ts';

// The panels and their timelines are in fixtures/duurzaamheid-panel.ts; every expected number
// below is read off those timelines by hand (reasoning in the comments).

/** The counts of an outcome row, in a compact order for assertions. */
function tel(r: UitkomstRij | undefined) {
  if (!r) return undefined;
  return { cohort: r.cohort, werkzaam: r.werkzaam, verloren: r.werkVerloren, uit: r.uitRegister, steeds: r.steedsWerkzaam, zelfde: r.zelfdeBaan };
}

/** Single cohorts at every Q3 base quarter, markt only (to compare with a filtered Q3 trend). */
async function cohortUitkomstenQ3(engine: NodeEngine, horizon: 4 | 8, split: 'none' | 'achtergrond' | 'regio_code', bereik: PanelBereik) {
  const out: UitkomstRij[] = [];
  for (const basis of basiskwartalen(bereik, horizon).filter((k) => k.endsWith('Q3'))) {
    out.push(...(await runMetric(engine, cohortUitkomstQuery({ basis, horizon, split, filters: { sector: ['markt'] } }, bereik))));
  }
  return out;
}

/** The rows of one group of a split, as a filter on that group gives them (groep 'totaal'). */
function alsTotaal<T extends { groep: string }>(rijen: readonly T[], groep: string): T[] {
  return rijen.filter((r) => r.groep === groep).map((r) => ({ ...r, groep: 'totaal' }));
}

/** Three regions nobody in the fixtures lives in. */
const ANDERE_REGIOS = REGIO_CODES.filter((c) => c !== 'AM01' && c !== 'AM02').slice(0, 3);

function redenen(rows: UitstroomRij[]) {
  return Object.fromEntries(rows.map((r) => [r.reden, r.aantal]));
}

describe('duurzaamheid: cohort outcome (cohort panel, base 2021Q3)', () => {
  let engine: NodeEngine;
  let bereik: PanelBereik;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await maakPanel(engine, COHORT_PERSONEN, COHORT_VERTREK, COHORT_VANAF);
    bereik = (await runMetric(engine, panelBereikQuery()))!;
  });
  afterAll(() => engine.close());

  it('knows the data range and the valid base quarters', () => {
    expect(bereik).toEqual({ eerste: '2020Q3', laatste: '2023Q3' });
    // t+4 ≤ 2023Q3 → t ≤ 2022Q3; t+8 ≤ 2023Q3 → t ≤ 2021Q3
    expect(basiskwartalen(bereik, 4)).toEqual(['2020Q3', '2020Q4', '2021Q1', '2021Q2', '2021Q3', '2021Q4', '2022Q1', '2022Q2', '2022Q3']);
    expect(basiskwartalen(bereik, 8)).toEqual(['2020Q3', '2020Q4', '2021Q1', '2021Q2', '2021Q3']);
    // starters need t−4 ≥ 2020Q3 and t+4 ≤ 2023Q3
    expect(startersBasiskwartalen(bereik)).toEqual(['2021Q3', '2021Q4', '2022Q1', '2022Q2', '2022Q3']);
    // latest Q3 with t+4 in the data
    expect(standaardBasiskwartaal(bereik)).toBe('2022Q3');
    // bases 2020Q1…2021Q2 have t+4 ≤ 2022Q2; the latest Q3 among them is 2020Q3
    expect(standaardBasiskwartaal({ eerste: '2020Q1', laatste: '2022Q2' })).toBe('2020Q3');
    expect(standaardBasiskwartaal({ eerste: '2021Q1', laatste: '2022Q1' })).toBe('2021Q1');
    expect(standaardBasiskwartaal({ eerste: '2021Q1', laatste: '2021Q4' })).toBeNull();
  });

  it('splits the cohort one year later into werkzaam / werk verloren / uit het register', async () => {
    const [r] = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4 }, bereik));
    // Cohort = p1…p10 (p11 not werkzaam at t, p12 not in the register at t).
    // At 2022Q3: werkzaam p1, p2 (other job), p3 (back in job A), p6 (back after a gap) = 4;
    // werk verloren p4 = 1; uit het register p5, p7, p8, p9, p10 = 5 (p8 returns only in 2023).
    expect(r.basis).toBe('2021Q3');
    expect(r.eind).toBe('2022Q3');
    expect(r.groep).toBe('totaal');
    expect(tel(r)).toEqual({ cohort: 10, werkzaam: 4, verloren: 1, uit: 5, steeds: 2, zelfde: 3 });
    expect(r.werkzaamPct).toBe(40);
    expect(r.werkVerlorenPct).toBe(10);
    expect(r.uitRegisterPct).toBe(50);
    expect(r.werkzaamPct + r.werkVerlorenPct + r.uitRegisterPct).toBe(100);
    // Continuously werkzaam 2021Q3…2022Q3: only p1 and p2 (p3 and p6 have gaps) = 20%.
    expect(r.steedsWerkzaamPct).toBe(20);
    // Same baan_id at 2022Q3: p1, p3 (same job A again after a gap), p6 = 30%; p2 changed job.
    expect(r.zelfdeBaanPct).toBe(30);
    expect(r.onderDrempel).toBe(false); // exactly 10 persons is not below the threshold
  });

  it('looks two years ahead with horizon 8', async () => {
    const [r] = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 8 }, bereik));
    // At 2023Q3: werkzaam p1, p2, p3, p6 and p8 (came back in job B) = 5; verloren p4;
    // uit p5, p7, p9, p10 = 4. Continuous p1, p2; same job p1, p3, p6.
    expect(r.eind).toBe('2023Q3');
    expect(tel(r)).toEqual({ cohort: 10, werkzaam: 5, verloren: 1, uit: 4, steeds: 2, zelfde: 3 });
    expect(r.werkzaamPct + r.werkVerlorenPct + r.uitRegisterPct).toBe(100);
  });

  it('splits by the BASE quarter value of achtergrond (p1 becomes Wsw after t, counts as Wajong)', async () => {
    const rows = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, split: 'achtergrond' }, bereik));
    expect(rows.map((r) => r.groep)).toEqual(['Participatiewet', 'Wajong', 'Wsw']);
    const g = Object.fromEntries(rows.map((r) => [r.groep, tel(r)]));
    // Wajong p1, p2, p8 · Wsw p3, p4, p9 · Participatiewet p5, p6, p7, p10
    expect(g.Wajong).toEqual({ cohort: 3, werkzaam: 2, verloren: 0, uit: 1, steeds: 2, zelfde: 1 });
    expect(g.Wsw).toEqual({ cohort: 3, werkzaam: 1, verloren: 1, uit: 1, steeds: 0, zelfde: 1 });
    expect(g.Participatiewet).toEqual({ cohort: 4, werkzaam: 1, verloren: 0, uit: 3, steeds: 0, zelfde: 1 });
    expect(rows.every((r) => r.onderDrempel)).toBe(true);
  });

  it('sums a split back to the total (each person is in exactly one base group; the page sums with somUitkomst)', async () => {
    const totaal = await runMetric(engine, cohortTrendQuery({ horizon: 4 }, bereik));
    const perAchtergrond = await runMetric(engine, cohortTrendQuery({ horizon: 4, split: 'achtergrond' }, bereik));
    expect(somUitkomst(perAchtergrond)).toEqual(totaal);
    expect(tel(somUitkomst(perAchtergrond).find((r) => r.basis === '2021Q3'))).toEqual({
      cohort: 10, werkzaam: 4, verloren: 1, uit: 5, steeds: 2, zelfde: 3,
    });
    expect(somUitkomst([])).toEqual([]);
  });

  it('splits and filters by the BASE quarter region (p4 moves AM01 → AM02 after t, stays in AM01)', async () => {
    const rows = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, split: 'regio_code' }, bereik));
    const g = Object.fromEntries(rows.map((r) => [r.groep, tel(r)]));
    expect(g.AM01).toEqual({ cohort: 4, werkzaam: 3, verloren: 1, uit: 0, steeds: 2, zelfde: 2 });
    expect(g.AM02).toEqual({ cohort: 6, werkzaam: 1, verloren: 0, uit: 5, steeds: 0, zelfde: 1 });
    const [am02] = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, filters: { regio: ['AM02'] } }, bereik));
    expect(tel(am02)).toEqual({ cohort: 6, werkzaam: 1, verloren: 0, uit: 5, steeds: 0, zelfde: 1 });
    expect(am02.groep).toBe('totaal');
  });

  it('gives a region filter (small group: t+h and the masks read for the persons in the cohort only) the numbers of the region split', async () => {
    // Up to four regions take the plan that reads only the persons of the base rows
    // (sql-fragments.ts kleineGroep); the split by region and five regions take the plan over everyone.
    for (const horizon of [4, 8] as const) {
      for (const kwartaalVanJaar of [undefined, 3] as const) {
        const trend = { horizon, kwartaalVanJaar };
        const perRegio = await runMetric(engine, cohortTrendQuery({ ...trend, split: 'regio_code' }, bereik, 'join'));
        const uitPerRegio = await runMetric(engine, uitstroomTrendQuery({ ...trend, split: 'regio_code' }, bereik, 'join'));
        expect(perRegio.filter((r) => r.groep === 'AM02').length).toBeGreaterThan(0);
        expect(uitPerRegio.filter((r) => r.groep === 'AM02' && r.aantal > 0).length).toBeGreaterThan(0);
        for (const regio of ['AM01', 'AM02']) {
          expect(await runMetric(engine, cohortTrendQuery({ ...trend, filters: { regio: [regio] } }, bereik))).toEqual(alsTotaal(perRegio, regio));
          expect(await runMetric(engine, uitstroomTrendQuery({ ...trend, filters: { regio: [regio] } }, bereik))).toEqual(alsTotaal(uitPerRegio, regio));
        }
        // Everyone lives in AM01 or AM02: two regions (small group) and five (everyone's plan) give the total.
        const totaal = await runMetric(engine, cohortTrendQuery(trend, bereik, 'join'));
        for (const regio of [['AM01', 'AM02'], ['AM01', 'AM02', ...ANDERE_REGIOS]]) {
          expect(await runMetric(engine, cohortTrendQuery({ ...trend, filters: { regio } }, bereik))).toEqual(totaal);
        }
      }
    }
    const een = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 8, split: 'regio_code' }, bereik));
    expect(await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 8, filters: { regio: ['AM01'] } }, bereik))).toEqual(alsTotaal(een, 'AM01'));
  });

  it('splits by the sector and dienstverband of the job held at t', async () => {
    // p2's job at t (A) is overheid; his later job B is markt.
    const sector = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, split: 'sector' }, bereik));
    expect(sector.map((r) => [r.groep, r.cohort, r.werkzaam, r.zelfdeBaan])).toEqual([['markt', 9, 3, 3], ['overheid', 1, 1, 0]]);
    const dv = await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, split: 'dienstverband' }, bereik));
    expect(dv.map((r) => [r.groep, r.cohort])).toEqual([['detachering', 1], ['regulier', 8], ['uitzend', 1]]);
  });

  it('combines filters on several columns and marks the small group', async () => {
    const [r] = await runMetric(engine, cohortUitkomstQuery({
      basis: '2021Q3', horizon: 4, filters: { achtergrond: ['Wajong', 'Wsw'], sector: ['markt'] },
    }, bereik));
    // Wajong/Wsw without p2 (overheid): p1, p3, p4, p8, p9 → werkzaam p1, p3; verloren p4; uit p8, p9
    expect(tel(r)).toEqual({ cohort: 5, werkzaam: 2, verloren: 1, uit: 2, steeds: 1, zelfde: 2 });
    expect(r.onderDrempel).toBe(true);
    expect(onderDrempel(9)).toBe(true);
    expect(onderDrempel(10)).toBe(false);
  });

  it('returns no row for a filter that matches nobody', async () => {
    expect(await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, filters: { achtergrond: ['WIW/ID'] } }, bereik))).toEqual([]);
  });

  it('gives the uitstroom reden of the latest leaving row in t … t+h−1', async () => {
    const rows = await runMetric(engine, uitstroomRedenenQuery({ basis: '2021Q3', horizon: 4 }, bereik));
    // uit at 2022Q3: p5 AOW, p7 Wsw-beschut (left 2022Q2), p8 geen arbeidsvermogen, p9 AOW (left
    // 2021Q3 'overig', came back, left 2022Q1 'AOW': latest counts), p10 onbekend (only an older
    // row from 2020Q4). p6 left too but is back at 2022Q3, so he is not uitgestroomd.
    expect(redenen(rows)).toEqual({
      AOW: 2, 'Wsw-beschut': 1, 'geen arbeidsvermogen': 1, overleden: 0, overig: 0, onbekend: 1,
    });
    expect(rows.every((r) => r.uitRegister === 5)).toBe(true);
    expect(rows.find((r) => r.reden === 'AOW')!.pct).toBe(40);
    expect(rows.reduce((s, r) => s + r.pct, 0)).toBe(100);
    // Two years: p8 is back, so 4 uitgestroomd; window 2021Q3 … 2023Q2.
    const twee = await runMetric(engine, uitstroomRedenenQuery({ basis: '2021Q3', horizon: 8 }, bereik));
    expect(redenen(twee)).toEqual({
      AOW: 2, 'Wsw-beschut': 1, 'geen arbeidsvermogen': 0, overleden: 0, overig: 0, onbekend: 1,
    });
  });

  it('splits uitstroom reasons by base-quarter achtergrond', async () => {
    const rows = await runMetric(engine, uitstroomRedenenQuery({ basis: '2021Q3', horizon: 4, split: 'achtergrond' }, bereik));
    const per = (g: string) => redenen(rows.filter((r) => r.groep === g && r.aantal > 0));
    expect(per('Wajong')).toEqual({ 'geen arbeidsvermogen': 1 }); // p8
    expect(per('Wsw')).toEqual({ AOW: 1 }); // p9
    expect(per('Participatiewet')).toEqual({ AOW: 1, 'Wsw-beschut': 1, onbekend: 1 }); // p5, p7, p10
  });

  it('computes an earlier cohort too (base 2020Q3: p1, p2, p6, p12)', async () => {
    const [r] = await runMetric(engine, cohortUitkomstQuery({ basis: '2020Q3', horizon: 4 }, bereik));
    // At 2021Q3 p1, p2, p6 work (all without a break, same job A); p12 is out of the register.
    expect(tel(r)).toEqual({ cohort: 4, werkzaam: 3, verloren: 0, uit: 1, steeds: 3, zelfde: 3 });
    const u = await runMetric(engine, uitstroomRedenenQuery({ basis: '2020Q3', horizon: 4 }, bereik));
    expect(redenen(u.filter((x) => x.aantal > 0))).toEqual({ overig: 1 }); // p12 left 2021Q2
  });

  it('gives the trend in one query, equal to the cohorts one by one', async () => {
    // Both query plans (join for one quarter of the year, bitmasks for all) and both horizons.
    for (const split of ['none', 'achtergrond', 'regio_code'] as const) {
      for (const horizon of [4, 8] as const) {
        const los: UitkomstRij[] = [];
        for (const basis of basiskwartalen(bereik, horizon)) los.push(...(await runMetric(engine, cohortUitkomstQuery({ basis, horizon, split }, bereik))));
        expect(los.length).toBeGreaterThan(4);
        for (const plan of ['join', 'masker'] as const) {
          expect(await runMetric(engine, cohortTrendQuery({ horizon, split }, bereik, plan))).toEqual(los);
          expect(await runMetric(engine, cohortTrendQuery({ horizon, split, filters: { sector: ['markt'] }, kwartaalVanJaar: 3 }, bereik, plan)))
            .toEqual(await cohortUitkomstenQ3(engine, horizon, split, bereik));
        }
      }
    }
    const trend = await runMetric(engine, cohortTrendQuery({ horizon: 4 }, bereik));
    expect(trend.map((r) => r.basis)).toEqual(basiskwartalen(bereik, 4));
    expect(tel(trend.find((r) => r.basis === '2021Q3'))).toEqual({ cohort: 10, werkzaam: 4, verloren: 1, uit: 5, steeds: 2, zelfde: 3 });
  });

  it('restricts the trend to one quarter of the year (the Q3 peilmomenten of the letters)', async () => {
    const q3 = await runMetric(engine, cohortTrendQuery({ horizon: 4, kwartaalVanJaar: 3 }, bereik));
    // 2022Q3 → 2023Q3: werkzaam at 2022Q3 are p1, p2, p3, p6, p11, p12; all six still work in
    // 2023Q3, without a break and in the same job.
    expect(q3.map((r) => [r.basis, r.cohort, r.werkzaam, r.steedsWerkzaam, r.zelfdeBaan])).toEqual([
      ['2020Q3', 4, 3, 3, 3],
      ['2021Q3', 10, 4, 2, 3],
      ['2022Q3', 6, 6, 6, 6],
    ]);
  });

  it('gives uitstroom trend rows equal to the single cohorts', async () => {
    const los: UitstroomRij[] = [];
    for (const basis of basiskwartalen(bereik, 4)) los.push(...(await runMetric(engine, uitstroomRedenenQuery({ basis, horizon: 4, split: 'achtergrond' }, bereik))));
    expect(los.filter((r) => r.aantal > 0).length).toBeGreaterThan(5);
    for (const plan of ['join', 'masker'] as const) {
      expect(await runMetric(engine, uitstroomTrendQuery({ horizon: 4, split: 'achtergrond' }, bereik, plan))).toEqual(los);
    }
  });

  it('refuses bad parameters with a Dutch message', async () => {
    expect(() => cohortUitkomstQuery({ basis: '2022Q4', horizon: 4 }, bereik)).toThrow(
      'Basiskwartaal 2022Q4 met horizon 4 valt buiten de data (2020Q3 t/m 2023Q3): 2023Q4 is nodig.',
    );
    expect(() => cohortUitkomstQuery({ basis: '2021-3' as never, horizon: 4 }, bereik)).toThrow('Ongeldig basiskwartaal: "2021-3"');
    expect(() => cohortUitkomstQuery({ basis: '2021Q3', horizon: 6 as never }, bereik)).toThrow('Ongeldige horizon: 6');
    expect(() => cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, filters: { achtergrond: ["Wajong' OR 1=1 --" as never] } }, bereik))
      .toThrow('Ongeldige waarde voor filter achtergrond');
    expect(() => cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, filters: { regio: ['AM04'] } }, bereik)).toThrow('filter regio: "AM04"');
    expect(() => cohortTrendQuery({ horizon: 4, split: 'gemeente_code' as never }, bereik)).toThrow('Ongeldige uitsplitsing');
  });

  it('binds filter values as parameters, never in the SQL text', () => {
    const q = cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, filters: { achtergrond: ['Wsw'], regio: ['AM01', 'AM02'] } }, bereik);
    expect(q.params).toEqual(['Wsw', 'AM01', 'AM02']);
    expect(q.sql).not.toContain("'Wsw'");
    expect(q.sql).not.toContain('AM01');
  });
});

describe('duurzaamheid: starters (starters panel, base 2021Q3)', () => {
  let engine: NodeEngine;
  let bereik: PanelBereik;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await maakPanel(engine, STARTERS_PERSONEN, [], STARTERS_VANAF);
    bereik = (await runMetric(engine, panelBereikQuery()))!;
  });
  afterAll(() => engine.close());

  it('follows people who started in the four quarters up to t', async () => {
    const [r] = await runMetric(engine, startersQuery({ basis: '2021Q3' }, bereik));
    // Starters 2020Q4…2021Q3: p21 (2020Q4, first quarter of the window), p22 (2021Q3, last),
    // p23 (2020Q4 and again 2021Q3: once, from 2020Q4), p25 (2021Q1), p26 (2020Q4, entered the
    // register working). Not p24 (his restart is 2021Q4) nor p27 (works throughout).
    expect(r.vanaf).toBe('2020Q4');
    expect(r.starters).toBe(5);
    // One year after the start: p21 (2021Q4), p22 (2022Q3, job B), p23 (2021Q4, job B), p26 = 4.
    expect(r.werkzaamNa1Jaar).toBe(4);
    expect(r.werkzaamNa1JaarPct).toBe(80);
    // Same job one year after the start: p21 and p26 (p22 and p23 changed to job B) = 2.
    expect(r.zelfdeBaanNa1Jaar).toBe(2);
    expect(r.zelfdeBaanNa1JaarPct).toBe(40);
    // Two years after the start: p21 (2022Q4), p22 (2023Q3) = 2; p23 and p26 no longer work.
    expect(r.werkzaamNa2Jaar).toBe(2);
    expect(r.werkzaamNa2JaarPct).toBe(40);
    expect(r.onderDrempel).toBe(true);
  });

  it('splits starters by the value at the start quarter s (p21: Wajong at s, Wsw at t)', async () => {
    const rows = await runMetric(engine, startersQuery({ basis: '2021Q3', split: 'achtergrond' }, bereik));
    expect(rows.map((r) => [r.groep, r.starters, r.werkzaamNa1Jaar, r.werkzaamNa2Jaar])).toEqual([
      ['Participatiewet', 2, 1, 0], // p25, p26
      ['Wajong', 1, 1, 1], // p21
      ['Wsw', 2, 2, 1], // p22, p23
    ]);
    const [am02] = await runMetric(engine, startersQuery({ basis: '2021Q3', filters: { regio: ['AM02'] } }, bereik));
    expect(am02.starters).toBe(2);
  });

  it('sums starters per group back to the total', async () => {
    const perGroep = await runMetric(engine, startersTrendQuery({ split: 'achtergrond' }, bereik));
    expect(totaalStarters(perGroep)).toEqual(await runMetric(engine, startersTrendQuery({}, bereik)));
    const [t] = totaalStarters(await runMetric(engine, startersQuery({ basis: '2021Q3', split: 'regio_code' }, bereik)));
    expect([t.groep, t.starters, t.werkzaamNa1Jaar, t.zelfdeBaanNa1Jaar, t.werkzaamNa2Jaar]).toEqual(['totaal', 5, 4, 2, 2]);
  });

  it('leaves the two-year share empty when t+8 is beyond the data', async () => {
    const [r] = await runMetric(engine, startersQuery({ basis: '2021Q4' }, bereik));
    // Starts 2021Q1…2021Q4: p22 (2021Q3), p23 (2021Q3 — his 2020Q4 start is outside), p24 (2021Q4),
    // p25 (2021Q1). One year later: p22 (B), p24 (same job A) = 2; same job: p24 only.
    expect([r.starters, r.werkzaamNa1Jaar, r.zelfdeBaanNa1Jaar]).toEqual([4, 2, 1]);
    expect(r.werkzaamNa1JaarPct).toBe(50);
    expect(r.werkzaamNa2Jaar).toBeNull();
    expect(r.werkzaamNa2JaarPct).toBeNull();
  });

  it('gives a region filter (small group: masks for the persons starting there only) the numbers of the region split', async () => {
    for (const kwartaalVanJaar of [undefined, 3] as const) {
      const perRegio = await runMetric(engine, startersTrendQuery({ split: 'regio_code', kwartaalVanJaar }, bereik));
      expect(perRegio.filter((r) => r.groep === 'AM02').length).toBeGreaterThan(0);
      for (const regio of ['AM01', 'AM02']) {
        expect(await runMetric(engine, startersTrendQuery({ filters: { regio: [regio] }, kwartaalVanJaar }, bereik))).toEqual(alsTotaal(perRegio, regio));
      }
      const totaal = await runMetric(engine, startersTrendQuery({ kwartaalVanJaar }, bereik));
      for (const regio of [['AM01', 'AM02'], ['AM01', 'AM02', ...ANDERE_REGIOS]]) {
        expect(await runMetric(engine, startersTrendQuery({ filters: { regio }, kwartaalVanJaar }, bereik))).toEqual(totaal);
      }
    }
    const een = await runMetric(engine, startersQuery({ basis: '2021Q3', split: 'regio_code' }, bereik));
    expect(await runMetric(engine, startersQuery({ basis: '2021Q3', filters: { regio: ['AM01'] } }, bereik))).toEqual(alsTotaal(een, 'AM01'));
  });

  it('gives the starters trend equal to the base quarters one by one', async () => {
    for (const split of ['none', 'achtergrond'] as const) {
      const trend = await runMetric(engine, startersTrendQuery({ split }, bereik));
      const los = [];
      for (const basis of startersBasiskwartalen(bereik)) los.push(...(await runMetric(engine, startersQuery({ basis, split }, bereik))));
      expect(trend).toEqual(los);
    }
    const q3 = await runMetric(engine, startersTrendQuery({ kwartaalVanJaar: 3 }, bereik));
    expect(q3.map((r) => [r.basis, r.starters])).toEqual([['2021Q3', 5], ['2022Q3', 1]]);
  });

  it('refuses a base quarter without the quarter before the window', async () => {
    expect(() => startersQuery({ basis: '2021Q2' }, bereik)).toThrow('moet 2020Q2 t/m 2021Q2 bevatten');
  });
});

describe('duurzaamheid: permanent-contract hours and job duration at a peildatum', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await maakPanel(engine, PEIL_PERSONEN, [], PEIL_VANAF);
  });
  afterAll(() => engine.close());

  it('computes the share of hours on a permanent contract and the mean job duration', async () => {
    const [r] = await runMetric(engine, contractQuery({ kwartaal: '2021Q3' }));
    // Working at 2021Q3: p31 (onbepaald, 300 h), p32 (bepaald, 100 h), p33 (onbepaald, 100 h); p34 not.
    expect([r.werkzamen, r.uren, r.urenOnbepaald]).toEqual([3, 500, 400]);
    expect(r.urenOnbepaaldPct).toBe(80);
    // Duration: p31 30-09-2019 → 30-09-2021 = 731 days, p32 01-07-2021 → 30-09-2021 = 91 days;
    // p33 has no startdatum. (731 + 91) / 2 / 365.25 = 1.1253 years.
    expect(r.gemBaanduurJaren).toBeCloseTo(411 / 365.25, 10);
    expect(r.onderDrempel).toBe(true);
  });

  it('splits by the values in that quarter', async () => {
    const rows = await runMetric(engine, contractQuery({ kwartaal: '2021Q3', split: 'achtergrond' }));
    expect(rows.map((r) => [r.groep, r.werkzamen, r.urenOnbepaaldPct])).toEqual([['Wajong', 2, 75], ['Wsw', 1, 100]]);
    expect(rows[0].gemBaanduurJaren).toBeCloseTo(411 / 365.25, 10);
    expect(rows[1].gemBaanduurJaren).toBeNull(); // p33 alone, without startdatum
    const sector = await runMetric(engine, contractQuery({ kwartaal: '2021Q3', split: 'sector', filters: { sector: ['overheid'] } }));
    expect(sector.map((r) => [r.groep, r.uren])).toEqual([['overheid', 100]]);
  });

  it('gives the series over all quarters in one query', async () => {
    const rows = await runMetric(engine, contractTrendQuery({}));
    // 2021Q4: p31 300 h onbepaald (823 days), p33 100 h onbepaald, p34 200 h bepaald (0 days).
    expect(rows.map((r) => [r.kwartaal, r.werkzamen, r.uren, r.urenOnbepaald])).toEqual([
      ['2021Q3', 3, 500, 400],
      ['2021Q4', 3, 600, 400],
    ]);
    expect(rows[1].urenOnbepaaldPct).toBeCloseTo(200 / 3, 10);
    expect(rows[1].gemBaanduurJaren).toBeCloseTo(411.5 / 365.25, 10);
    const q4 = await runMetric(engine, contractTrendQuery({ kwartaalVanJaar: 4 }));
    expect(q4.map((r) => r.kwartaal)).toEqual(['2021Q4']);
  });
});

describe('duurzaamheid: the Arquero bench implementation agrees with the SQL', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await maakPanel(engine, COHORT_PERSONEN, COHORT_VERTREK, COHORT_VANAF);
  });
  afterAll(() => engine.close());

  it('gives the same counts for every base quarter and both horizons', async () => {
    const kolommen = await laadPanelKolommen(engine);
    const bereik = (await runMetric(engine, panelBereikQuery()))!;
    expect(arqueroCohort(kolommen, '2021Q3', 4)).toEqual({
      cohort: 10, werkzaam: 4, werkVerloren: 1, uitRegister: 5, steedsWerkzaam: 2, zelfdeBaan: 3,
    });
    for (const horizon of [4, 8] as const) {
      for (const basis of basiskwartalen(bereik, horizon)) {
        const [sql] = await runMetric(engine, cohortUitkomstQuery({ basis, horizon }, bereik));
        const { cohort, werkzaam, werkVerloren, uitRegister, steedsWerkzaam, zelfdeBaan } = sql;
        expect(arqueroCohort(kolommen, basis, horizon)).toEqual({ cohort, werkzaam, werkVerloren, uitRegister, steedsWerkzaam, zelfdeBaan });
      }
    }
  });
});

describe('duurzaamheid: ENUM columns (as the browser loads them) give the same numbers', () => {
  it('matches the VARCHAR panel for every metric, split and filter', async () => {
    const uitvoer = async (enums: boolean) => {
      const engine = await NodeEngine.create();
      await maakPanel(engine, COHORT_PERSONEN, COHORT_VERTREK, COHORT_VANAF, { enums });
      const bereik = (await runMetric(engine, panelBereikQuery()))!;
      const filters = { achtergrond: ['Wajong', 'Wsw'] as const, regio: ['AM01', 'AM02'] };
      const out = {
        cohort: await runMetric(engine, cohortUitkomstQuery({ basis: '2021Q3', horizon: 4, split: 'sector', filters }, bereik)),
        trend: await runMetric(engine, cohortTrendQuery({ horizon: 4, split: 'achtergrond', filters: { sector: ['markt'] } }, bereik)),
        uitstroom: await runMetric(engine, uitstroomRedenenQuery({ basis: '2021Q3', horizon: 4, split: 'regio_code' }, bereik)),
        starters: await runMetric(engine, startersTrendQuery({ split: 'dienstverband' }, bereik)),
        contract: await runMetric(engine, contractTrendQuery({ split: 'sector', filters: { dienstverband: ['regulier'] } })),
      };
      await engine.close();
      return out;
    };
    const tekst = await uitvoer(false);
    const enums = await uitvoer(true);
    expect(enums).toEqual(tekst);
    // and the comparison is not empty: Wajong+Wsw at 2021Q3 by sector = markt 5, overheid 1
    expect(tekst.cohort.map((r) => [r.groep, r.cohort])).toEqual([['markt', 5], ['overheid', 1]]);
    expect(tekst.uitstroom.filter((r) => r.aantal > 0).length).toBe(4);
  });
});

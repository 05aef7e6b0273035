/**
 * The Regio's page on a voorberekende map with suppressed cells (hand-built panels, answers worked
 * out here): an empty cell is shown as "x" in every view that rests on it, Nederland is hidden in
 * the quarter where a region's cell is empty (its sum is not known; nothing is added as 0), every
 * value shown equals the one on the microdata, and the attacker (the audit) recovers nothing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toelichtingen } from '../src/lib/charts/spec.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { X_BESCHERMING } from '../src/lib/disclosure/zinnen.ts';
import { AFGELEID, BESCHERMD, TOELICHTING_AFGELEID } from '../src/lib/format/disclosure.ts';
import { beschikbareKwartalenQuery, regioDuurzaamQuery, regioOverzichtQuery, regioReeksenQuery } from '../src/lib/metrics/regio.ts';
import { UREN_PER_BAAN } from '../src/lib/metrics/regio-sommen.ts';
import { herkomstVan } from '../src/lib/query/herkomst.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { literal } from '../src/lib/sql/quote.ts';
import { compute } from '../src/lib/voorberekend/bereken.ts';
import { parseVoorberekendManifest } from '../src/lib/voorberekend/manifest.ts';
import { beschermCohort, beschermOverzicht, beschermReeksen } from '../src/pages/regios/beveiliging.ts';
import { kaartData, rangTabel, vergelijkData, type KaartView } from '../src/pages/regios/grafieken.ts';
import { startniveau } from '../src/pages/regios/spreiding.ts';
import { trechterData } from '../src/pages/regios/trechter.ts';
import { leesMap, opVoorberekend } from './voorberekend-hulp.ts';

const tmp = mkdtempSync(join(tmpdir(), 'pm-vb-regios-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HERKOMST = herkomstVan([]);

/** Panel rows: persons van..tot−1 in one region and quarter, werkzaam with `uren` each (markt, regulier or uitzend). */
function rij(datum: string, regio: string, van: number, tot: number, uren: number, dv = 'regulier', werkzaamTot = tot): string {
  return `SELECT i AS persoon_id, DATE ${literal(datum)} AS peildatum, ${literal(regio)} AS regio_code, i < ${werkzaamTot} AS werkzaam,
    i AS baan_id, CAST(CASE WHEN i < ${werkzaamTot} THEN ${uren} ELSE 0 END AS DOUBLE) AS uren,
    CASE WHEN i < ${werkzaamTot} THEN 'markt' END AS sector, CASE WHEN i < ${werkzaamTot} THEN ${literal(dv)} END AS dienstverband, 'Wajong' AS achtergrond
  FROM range(${van}, ${tot}) t(i)`;
}

/** Writes the panel as an extract folder, runs npm run compute on it, and loads the result as the site does. */
async function maak(naam: string, delen: string[]) {
  const micro = await NodeEngine.create();
  await micro.exec(`CREATE TABLE doelgroep_kwartaal AS ${delen.join('\nUNION ALL\n')}`);
  const map = join(tmp, naam);
  mkdirSync(map, { recursive: true });
  await micro.exec(`COPY doelgroep_kwartaal TO ${literal(join(map, 'doelgroep_kwartaal.parquet'))} (FORMAT parquet)`);
  const manifest = await compute(map, { uit: join(tmp, `${naam}-uit`) });
  const { tabellen } = await leesMap(join(tmp, `${naam}-uit`));
  return { micro, vb: await NodeEngine.create(), manifest, tabellen };
}

describe("Regio's page on a map with a small region", () => {
  // 2020Q1 → 2020Q2 (one baan = 331,5 uren):
  //   AM01 Groningen: 20 persons, all werkzaam, 100 uren each (2.000) in both quarters
  //   AM02 Friesland: 2020Q1 5 persons (small), 2020Q2 15 persons; all werkzaam, 50 uren each
  //   AM03 Drenthe: 30 persons, 20 werkzaam with 10 uren each (uitzend), both quarters
  //   AM05 Twente: 40 persons, all werkzaam, 100 uren each in 2020Q1 (4.000), 120 in 2020Q2 (4.800)
  // compute: 2020Q1 has one small cell (AM02), so its smallest other cell (AM01, 20) is left empty
  // too; 2020Q2 is written whole. Nederland 2020Q2: 105 persons, 95 werkzaam.
  let t: Awaited<ReturnType<typeof maak>>;
  const periode = { basis: '2020Q1', eind: '2020Q2' } as const;
  const view = (indicator: KaartView['indicator']): KaartView => ({ indicator, ...periode });

  beforeAll(async () => {
    const delen = ['2020-03-31', '2020-06-30'].flatMap((d) => [
      rij(d, 'AM01', 1, 21, 100),
      rij(d, 'AM03', 301, 331, 10, 'uitzend', 321),
      rij(d, 'AM05', 401, 441, d === '2020-03-31' ? 100 : 120),
    ]);
    delen.push(rij('2020-03-31', 'AM02', 201, 206, 50), rij('2020-06-30', 'AM02', 201, 216, 50));
    t = await maak('klein', delen);
  }, 60_000);
  afterAll(async () => {
    await t.micro.close();
    await t.vb.close();
  });

  it('the map writes AM01 and AM02 of 2020Q1 empty, and the site loads it', () => {
    expect(t.manifest.tables.find((x) => x.name === 'agg_regio_kwartaal')).toMatchObject({ rows: 8, suppressedCells: 2 });
  });

  it('the map records why a cell is empty: AM02 of 2020Q1 is small, AM01 protects it', async () => {
    const pad = join(tmp, 'klein-uit', 'agg_regio_kwartaal.parquet');
    const rijen = await t.vb.query(`SELECT regio_code, kw, onderdrukt, onderdrukt_reden AS reden, personen FROM read_parquet(${literal(pad)}) WHERE onderdrukt ORDER BY regio_code`);
    expect(rijen.toArray().map((r) => ({ ...r.toJSON() }))).toEqual([
      { regio_code: 'AM01', kw: 8080, onderdrukt: true, reden: 'bescherming', personen: null },
      { regio_code: 'AM02', kw: 8080, onderdrukt: true, reden: 'klein', personen: null },
    ]);
  });

  it('a map written before the reason was recorded is refused with a Dutch message', () => {
    const oud = JSON.parse(JSON.stringify(t.manifest)) as { tables: { columns: { name: string }[] }[] };
    for (const tabel of oud.tables) tabel.columns = tabel.columns.filter((c) => c.name !== 'onderdrukt_reden');
    expect(() => parseVoorberekendManifest(oud)).toThrow(
      'manifest.json (voorberekend), tabel 1 (agg_regio_kwartaal): deze map is gemaakt met een oudere versie van npm run compute, die niet vastlegt waarom een cel leeg is (minder dan 10 personen, of ter bescherming van een kleine groep elders). Maak de map opnieuw met npm run compute.',
    );
  });

  it('overview: the empty base quarter is marked for AM01, AM02 and Nederland, never added as 0', async () => {
    const o = await opVoorberekend(t.vb, t.tabellen, regioOverzichtQuery(periode));
    expect(o.regios.map((r) => [r.regio_code, r.onderdrukt ?? null])).toEqual([
      ['AM01', { basis: true, eind: false }], ['AM02', { basis: true, eind: false }], ['AM03', null], ['AM05', null],
    ]);
    // Why: AM02 (5 persons) is small itself, AM01 (20) was emptied only to protect it.
    expect(o.regios.map((r) => [r.regio_code, r.klein ?? null])).toEqual([['AM01', null], ['AM02', { basis: true, eind: false }], ['AM03', null], ['AM05', null]]);
    expect(o.landelijk.onderdrukt).toEqual({ basis: true, eind: false });
    // The end quarter is whole: Nederland 105 persons, 95 werkzaam, (2.000 + 750 + 200 + 4.800) uren.
    expect([o.landelijk.eind.personen, o.landelijk.eind.werkzaam, o.landelijk.eind.uren]).toEqual([105, 95, 7750]);
  });

  it('map and ranking: growth of AM01, AM02 and Nederland is "x"; AM05 grew 800 uren = 2,41 banen', async () => {
    const o = await opVoorberekend(t.vb, t.tabellen, regioOverzichtQuery(periode));
    const groei = rangTabel(view('groei'), o, null);
    expect(groei.rijen.map((r) => [r.regio_code, r.waarde, r.rang])).toEqual([
      ['AM05', 4800 / UREN_PER_BAAN - 4000 / UREN_PER_BAAN, 1], ['AM03', 0, 2], ['AM01', BESCHERMD, null], ['AM02', AFGELEID, null],
    ]);
    expect(groei.landelijk).toBe(BESCHERMD);
    const d = kaartData(view('groei'), groei, HERKOMST);
    expect(d.ondertitel).toBe('Nederland: x. Plaats 1 = hoogste waarde.');
    // Each "x" with its true reason: AM02 rests on a small group, AM01 and Nederland protect it.
    expect(toelichtingen(d)).toContain(X_BESCHERMING);
    expect(toelichtingen(d)).toContain(TOELICHTING_AFGELEID);
    // The end quarter's level is whole and shown, Nederland included: 95 / 105 = 90,5%.
    const pct = rangTabel(view('werkzaam_pct'), o, null);
    expect(pct.rijen.map((r) => [r.regio_code, r.waarde])).toEqual([['AM01', 1], ['AM02', 1], ['AM05', 1], ['AM03', 0.667]]);
    expect(pct.landelijk).toBe(0.905);
    // Every value shown equals the microdata's (there the page's own rules decide; AM02 is not small in 2020Q2).
    const m = await runMetric(t.micro, regioOverzichtQuery(periode));
    const opMicro = rangTabel(view('register'), m, null);
    expect(rangTabel(view('register'), o, null)).toEqual(opMicro);
    expect(opMicro.landelijk).toBe(105);
  });

  it('the start level of the scatter (2020Q1) is "x" for AM01 and AM02 and they are left out of r', async () => {
    const o = await opVoorberekend(t.vb, t.tabellen, regioOverzichtQuery(periode));
    const s = startniveau(o, 'aandeel_werkzaam');
    expect(s.punten.map((p) => [p.regio_code, p.x, p.groei])).toEqual([
      ['AM01', BESCHERMD, BESCHERMD], ['AM02', AFGELEID, AFGELEID], ['AM03', 0.667, 0], ['AM05', 1, 4800 / UREN_PER_BAAN - 4000 / UREN_PER_BAAN],
    ]);
    expect(s.n).toBe(2);
    expect(s.landelijk).toEqual({ x: null, y: null });
  });

  it('nothing hidden can be recovered: the audit finds no leak in the overview and series tables', async () => {
    const o = await opVoorberekend(t.vb, t.tabellen, regioOverzichtQuery(periode));
    const b = beschermOverzicht(o).b;
    expect(b.audit.lekken).toEqual([]);
    expect([...b.onderdrukt.keys()].sort()).toEqual(['NL.b.personen', 'NL.b.werkzaam', 'r:AM01.b.personen', 'r:AM01.b.werkzaam', 'r:AM02.b.personen', 'r:AM02.b.werkzaam']);
    const r = await opVoorberekend(t.vb, t.tabellen, regioReeksenQuery({ van: '2020Q1', tot: '2020Q2' }));
    expect(beschermReeksen(r, 'banen', '2020Q1', ['AM01', 'AM05']).b.audit.lekken).toEqual([]);
  });

  it('compare view: AM01 and Nederland rest on the empty 2020Q1, so every point is "x"; AM05 is indexed 100 → 120', async () => {
    const r = await opVoorberekend(t.vb, t.tabellen, regioReeksenQuery({ van: '2020Q1', tot: '2020Q2' }));
    expect(r.landelijk.punten.map((p) => [p.kwartaal, p.onderdrukt ?? false])).toEqual([['2020Q1', true], ['2020Q2', false]]);
    const d = vergelijkData(r, 'banen', '2020Q1', ['AM01', 'AM05'], HERKOMST);
    expect(d.rijen).toEqual([
      { kwartaal: '2020Q1', landelijk: BESCHERMD, r_AM01: BESCHERMD, r_AM05: 100 },
      { kwartaal: '2020Q2', landelijk: BESCHERMD, r_AM01: BESCHERMD, r_AM05: 120 },
    ]);
  });
});

describe("Regio's page on a map with a small cohort", () => {
  // Base quarter 2020Q1, outcome 2021Q1 (all werkzaam, 100 uren):
  //   AM01: 30 werkzaam, 15 still werkzaam a year later; AM02: 12 werkzaam, 5 still (small: k < 10);
  //   AM03: 40 werkzaam, 20 still. One small cell, so its smallest other (AM01, 30) is left empty too.
  let t: Awaited<ReturnType<typeof maak>>;

  beforeAll(async () => {
    const groep = (regio: string, van: number, tot: number, blijft: number) => [
      rij('2020-03-31', regio, van, tot, 100), rij('2021-03-31', regio, van, van + blijft, 100),
    ];
    t = await maak('cohort', [...groep('AM01', 1, 31, 15), ...groep('AM02', 101, 113, 5), ...groep('AM03', 201, 241, 20)]);
  }, 60_000);
  afterAll(async () => {
    await t.micro.close();
    await t.vb.close();
  });

  it('werkzaam na 1 jaar: AM03 50,0%, AM01, AM02 and Nederland "x"; the funnel is not drawn; nothing recoverable', async () => {
    const kwartalen = await opVoorberekend(t.vb, t.tabellen, beschikbareKwartalenQuery());
    const q = regioDuurzaamQuery('2021Q1', kwartalen)!;
    const d = await opVoorberekend(t.vb, t.tabellen, q);
    expect(d.rijen.map((r) => [r.regio_code, r.onderdrukt ?? false])).toEqual([['AM01', true], ['AM02', true], ['AM03', false]]);
    const tabel = rangTabel({ indicator: 'duurzaam', basis: '2020Q1', eind: '2021Q1' }, await opVoorberekend(t.vb, t.tabellen, regioOverzichtQuery({ basis: '2020Q1', eind: '2021Q1' })), d.rijen);
    // AM02 (k = 5) is small itself: "x" on a small group; AM01 was emptied to protect it.
    expect(d.rijen.map((r) => [r.regio_code, r.klein ?? false])).toEqual([['AM01', false], ['AM02', true], ['AM03', false]]);
    expect(tabel.rijen.map((r) => [r.regio_code, r.waarde, r.rang])).toEqual([['AM03', 0.5, 1], ['AM01', BESCHERMD, null], ['AM02', AFGELEID, null]]);
    expect(tabel.landelijk).toBe(BESCHERMD);
    // The national rate the limits lie around is not known: no funnel rather than limits around a wrong rate.
    expect(trechterData('2021Q1', d.rijen, HERKOMST)).toBeNull();
    const c = beschermCohort(d.rijen);
    expect([c.n('AM03'), c.k('AM03'), c.n('AM01'), c.k('AM02'), c.n('AM02')]).toEqual([40, 20, BESCHERMD, AFGELEID, AFGELEID]);
    expect([c.b.reden('r:AM01.k'), c.b.reden('r:AM02.k'), c.b.reden('r:AM02.aandeel')]).toEqual(['bescherming', 'klein', 'klein']);
    expect(c.b.audit.lekken).toEqual([]);
    // AM03 as on the microdata.
    const m = await runMetric(t.micro, q);
    expect(m.rijen.find((r) => r.regio_code === 'AM03')).toEqual({ regio_code: 'AM03', n: 40, k: 20 });
  });
});

/**
 * `npm run compute` and the Duurzaamheid page (national): the page's outcome, uitstroom, starters
 * and contract trends and the UWV comparison on the written tables equal the microdata wherever
 * the tables write the count; what the page shows from the folder hides every empty cell (never a
 * stand-in), and the audit, given the true counts, finds nothing it can recover — neither in the
 * page's views nor in the folder as a whole (with the regions', the Banen tile's and the
 * Duurzaamheid tile's counts of the same people). Hand-built panels: small achtergrond cells are
 * written empty (and what would give them back), a base quarter no suppression protects is left out.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import type { Reden } from '../src/lib/disclosure/tabel.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { toRows } from '../src/lib/engine/rows.ts';
import { isOnderdrukt } from '../src/lib/format/disclosure.ts';
import { kwartaalToIndex, type Kwartaal } from '../src/lib/kwartaal.ts';
import type { PanelBereik } from '../src/lib/metrics/duurzaamheid/bereik.ts';
import type { Horizon, KwartaalVanJaar } from '../src/lib/metrics/duurzaamheid/filters.ts';
import type { StartersRij, StartersTelling } from '../src/lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij, UitkomstTelling } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../src/lib/metrics/duurzaamheid/uitstroom.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { literal } from '../src/lib/sql/quote.ts';
import { compute } from '../src/lib/voorberekend/bereken.ts';
import { beslisBasis, beslisStarters, celId, kaartTabel } from '../src/lib/voorberekend/duurzaamheid-besluit.ts';
import { duurzaamheidInvoer } from '../src/lib/voorberekend/duurzaamheid.ts';
import { TABELLEN } from '../src/lib/voorberekend/tabellen.ts';
import { NIET_VOORBEREKEND } from '../src/lib/voorberekend/setup.ts';
import { beschermCohorten, beschermStartersPerBasis } from '../src/pages/duurzaamheid/beveiliging.ts';
import { context, startersGroepData, startersTrendData, trendData, uitkomstData, uitstroomData } from '../src/pages/duurzaamheid/grafieken.ts';
import { kernzinnen } from '../src/pages/duurzaamheid/kernzinnen.ts';
import { duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import type { Selectie } from '../src/pages/duurzaamheid/selectie.ts';
import { tegelBereikQuery } from '../src/pages/overzicht/duurzaamheid.ts';
import { leesMap, opVoorberekend } from './voorberekend-hulp.ts';
import { ACHTERGRONDEN } from '../src/lib/extracts/contracts.ts';
import { leesGepubliceerdeDuurzaamheid, vergelijk } from '../src/lib/published/duurzaamheid.ts';
import { berekendeCijfers } from '../src/pages/duurzaamheid/selectie.ts';
import type { MetricQuery } from '../src/lib/sql/query.ts';

const tmp = mkdtempSync(join(tmpdir(), 'pm-compute-dz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TELLINGEN: readonly UitkomstTelling[] = ['cohort', 'werkzaam', 'werkVerloren', 'uitRegister', 'steedsWerkzaam', 'zelfdeBaan'];
/** Floats summed in another order may differ in the last bits; everything else must be equal. */
function rond(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6;
  if (Array.isArray(v)) return v.map(rond);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rond(x)]));
  return v;
}
const STARTERS_TELLINGEN: readonly StartersTelling[] = ['starters', 'werkzaamNa1Jaar', 'zelfdeBaanNa1Jaar', 'werkzaamNa2Jaar'];
const ctx = context('heel Nederland, alle sectoren', null);

/** The national selection of a base quarter. */
function selectie(basis: Kwartaal, horizon: Horizon, achtergrond: readonly string[] = []): Selectie {
  return { basis, horizon, achtergrond: achtergrond as Selectie['achtergrond'], regio: [], sector: 'alle' };
}

/** A base quarter of the given quarter of the year inside the data for the horizon. */
function basisVan(bereik: PanelBereik, q: KwartaalVanJaar, h: Horizon): Kwartaal {
  const jaar = Number(bereik.laatste.slice(0, 4)) - h / 4 - 1;
  return `${jaar}Q${q}`;
}

/** The page's views of one base quarter from rows and reasons: table, trend row, uitstroom, starters and sentences, as printed. */
function pagina(cohort: readonly UitkomstRij[], uitstroom: readonly UitstroomRij[], s: Selectie, starters: readonly StartersRij[] = []) {
  const p = beschermCohorten(cohort, uitstroom, s.achtergrond);
  const sp = beschermStartersPerBasis(starters, s.achtergrond);
  const rijen = cohort.filter((r) => r.basis === s.basis);
  const redenen = uitstroom.filter((r) => r.basis === s.basis);
  const startersRijen = starters.filter((r) => r.basis === s.basis);
  const basis = p.get(s.basis);
  if (!basis) return null;
  const sb = sp.get(s.basis);
  return {
    bescherming: basis,
    uitkomst: uitkomstData(rijen, s.achtergrond, ctx, basis)?.rijen ?? [],
    trend: trendData(cohort, s.achtergrond, s.horizon, {}, ctx, 3, p).rijen,
    uitstroom: uitstroomData(redenen, s.achtergrond, ctx, basis)?.rijen ?? [],
    starters: (sb && startersGroepData(startersRijen, s.achtergrond, ctx, sb)?.rijen) ?? [],
    startersTrend: startersTrendData(starters, s.achtergrond, {}, ctx, 3, sp).rijen,
    zinnen: kernzinnen({
      uitkomst: { rijen, bescherming: basis }, starters: sb && startersRijen.length ? { rijen: startersRijen, bescherming: sb } : null,
      contract: null, uitstroom: redenen, achtergrond: s.achtergrond, eind: null, uwv: null,
    }),
  };
}

/** Every printed number of a view: a hidden one as its marker, the rest as printed. */
function cellenVan(rijen: readonly Record<string, unknown>[]): [string, unknown][] {
  return rijen.flatMap((r, i) => Object.entries(r).map(([k, v]) => [`${i}.${k}`, v] as [string, unknown]));
}

describe('compute: the Duurzaamheid page on the demo data', () => {
  const uit = join(tmp, 'demo');
  let micro: NodeEngine;
  let vb: NodeEngine;
  let tabellen: ReadonlyMap<string, string>;
  /** The page's three trends on the microdata and on the folder: cohort, uitstroom (micro, folder), then starters (micro, folder). */
  const beide = async (v: ReturnType<typeof duurzaamheidQueries>) => [
    await runMetric(micro, v.cohortTrend), await runMetric(micro, v.uitstroomTrend),
    await opVoorberekend(vb, tabellen, v.cohortTrend), await opVoorberekend(vb, tabellen, v.uitstroomTrend),
    await runMetric(micro, v.startersTrend), await opVoorberekend(vb, tabellen, v.startersTrend),
  ] as const;
  let bereik: PanelBereik;

  beforeAll(async () => {
    await compute('data/extracts', { uit });
    micro = await NodeEngine.create();
    await micro.attachParquet({ doelgroep_kwartaal: 'data/extracts/doelgroep_kwartaal.parquet', doelgroep_uitstroom: 'data/extracts/doelgroep_uitstroom.parquet' });
    vb = await NodeEngine.create();
    tabellen = (await leesMap(uit)).tabellen;
    bereik = (await runMetric(micro, tegelBereikQuery()))!;
  }, 180_000);
  afterAll(async () => {
    await micro.close();
    await vb.close();
  });

  it('reads the same panel range from the folder', async () => {
    expect(await opVoorberekend(vb, tabellen, tegelBereikQuery())).toEqual(bereik);
  });

  it("gives the page's outcome and uitstroom trends as on the microdata, for every written count (horizons 4 and 8, every quarter of the year)", async () => {
    let leeg = 0;
    let gelijk = 0;
    for (const h of [4, 8] as const) {
      for (const q of [1, 2, 3, 4] as const) {
        const v = duurzaamheidQueries(selectie(basisVan(bereik, q, h), h), bereik);
        const [m, f] = [await runMetric(micro, v.cohortTrend), await opVoorberekend(vb, tabellen, v.cohortTrend)];
        expect(f.map((r) => [r.basis, r.groep])).toEqual(m.map((r) => [r.basis, r.groep]));
        f.forEach((r, i) => {
          for (const t of TELLINGEN) {
            if (r.leeg![t]) leeg += 1;
            else {
              expect(r[t]).toBe(m[i][t]);
              gelijk += 1;
            }
          }
        });
        const [mu, fu] = [await runMetric(micro, v.uitstroomTrend), await opVoorberekend(vb, tabellen, v.uitstroomTrend)];
        expect(fu.map((r) => [r.basis, r.groep, r.reden])).toEqual(mu.map((r) => [r.basis, r.groep, r.reden]));
        fu.forEach((r, i) => {
          if (r.leeg) leeg += 1;
          else expect(r.aantal).toBe(mu[i].aantal);
        });
        const [ms, fs] = [await runMetric(micro, v.startersTrend), await opVoorberekend(vb, tabellen, v.startersTrend)];
        expect(fs.map((r) => [r.basis, r.groep])).toEqual(ms.map((r) => [r.basis, r.groep]));
        fs.forEach((r, i) => {
          for (const t of STARTERS_TELLINGEN) {
            if (r.leeg![t]) leeg += 1;
            else expect(r[t]).toBe(ms[i][t]);
          }
        });
        // The stand-ins make the achtergronden add up to the written total, so where the total is
        // written the page's sums over every group are the microdata's.
        const som = (rijen: readonly UitstroomRij[]) => rijen.filter((r) => !r.totaalLeeg).reduce((a, r) => a + r.aantal, 0);
        expect(som(fu)).toBe(som(mu.map((r, i) => ({ ...r, totaalLeeg: fu[i].totaalLeeg }))));
      }
    }
    // Outcome counts written and equal (of 8 views × base quarters × achtergronden × 6 counts), and
    // outcome and uitstroom counts left empty (mostly reasons of small achtergronden).
    expect([gelijk, leeg]).toEqual([1952, 1003]);
  }, 120_000);

  it('draws the default view as the microdata page does: the same key sentence and outcome table, the uitstroom hidden where the folder is empty', async () => {
    const s = selectie(basisVan(bereik, 3, 4), 4);
    const v = duurzaamheidQueries(s, bereik);
    const m = pagina(await runMetric(micro, v.cohortTrend), await runMetric(micro, v.uitstroomTrend), s, await runMetric(micro, v.startersTrend))!;
    const f = pagina(await opVoorberekend(vb, tabellen, v.cohortTrend), await opVoorberekend(vb, tabellen, v.uitstroomTrend), s, await opVoorberekend(vb, tabellen, v.startersTrend))!;
    expect(f.zinnen[0]).toBe(m.zinnen[0]);
    expect(f.zinnen[0]).toMatch(/^Van de mensen die in het derde kwartaal van \d{4} werkten, werkte een jaar later \d+ procent nog steeds\.$/);
    expect(f.uitkomst).toEqual(m.uitkomst);
    expect(f.trend).toEqual(m.trend);
    expect(f.uitstroom).toEqual(m.uitstroom);
    expect(f.starters).toEqual(m.starters);
    expect(f.startersTrend).toEqual(m.startersTrend);
    expect(f.zinnen).toEqual(m.zinnen);
  }, 60_000);

  it('prints no stand-in anywhere: every number the folder view prints is the microdata view\'s number', async () => {
    let verborgen = 0;
    for (const h of [4, 8] as const) {
      for (const q of [1, 2, 3, 4] as const) {
        const v = duurzaamheidQueries(selectie(basisVan(bereik, q, h), h), bereik);
        const [mc, mu, fc, fu, ms, fs] = await beide(v);
        const bases = [...new Set(fc.map((r) => r.basis))];
        for (const basis of bases) {
          for (const a of [[], ...ACHTERGRONDEN.map((x) => [x]), ['Wajong', 'WIW/ID']]) {
            const s = selectie(basis, h, a);
            const f = pagina(fc, fu, s, fs);
            const m = pagina(mc, mu, s, ms);
            // An achtergrond without anyone working in that base quarter: nothing on either page.
            expect(f === null).toBe(m === null);
            if (!f || !m) continue;
            for (const [soort, fr, mr] of [
              ['uitkomst', f.uitkomst, m.uitkomst], ['trend', f.trend, m.trend], ['uitstroom', f.uitstroom, m.uitstroom],
              ['starters', f.starters, m.starters], ['startersTrend', f.startersTrend, m.startersTrend],
            ] as const) {
              const mm = new Map(cellenVan(mr));
              for (const [k, waarde] of cellenVan(fr)) {
                if (isOnderdrukt(waarde)) verborgen += 1;
                else expect([soort, basis, a, k, waarde]).toEqual([soort, basis, a, k, mm.get(k)]);
              }
            }
          }
        }
      }
    }
    expect(verborgen).toBeGreaterThan(0);
  }, 300_000);

  it('the audit, with the true counts, recovers nothing from what the page shows from the folder', async () => {
    let lekken = 0;
    let verborgen = 0;
    for (const h of [4, 8] as const) {
      for (const q of [1, 2, 3, 4] as const) {
        const v = duurzaamheidQueries(selectie(basisVan(bereik, q, h), h), bereik);
        const [mc, mu, fc, fu, ms, fs] = await beide(v);
        for (const a of [[], ...ACHTERGRONDEN.map((x) => [x]), ['Wsw', 'Participatiewet', 'WIW/ID']]) {
          const waar = beschermCohorten(mc, mu, a);
          for (const [basis, p] of beschermCohorten(fc, fu, a)) {
            // The page's table with the true counts, attacked with what the folder view hides.
            const uitkomst = audit(waar.get(basis)!.b.weergave, p.b.onderdrukt);
            lekken += uitkomst.lekken.length + uitkomst.kleinGetoond.length;
            verborgen += p.b.onderdrukt.size;
          }
          const waarStarters = beschermStartersPerBasis(ms, a);
          for (const [basis, p] of beschermStartersPerBasis(fs, a)) {
            const uitkomst = audit(waarStarters.get(basis)!.b.weergave, p.b.onderdrukt);
            lekken += uitkomst.lekken.length + uitkomst.kleinGetoond.length;
          }
        }
      }
    }
    expect(verborgen).toBeGreaterThan(0);
    expect(lekken).toBe(0);
  }, 300_000);

  it('the audit recovers nothing from the folder as a whole: every base quarter with the regions\' and the tile\'s counts', async () => {
    // The regions' tables as compute builds them, then the same input as compute decides on.
    for (const naam of ['agg_regio_kwartaal', 'agg_regio_cohort', 'agg_banen_kwartaal']) await micro.exec(TABELLEN.find((t) => t.naam === naam)!.bouw(bereik));
    const invoer = await duurzaamheidInvoer(micro, bereik);
    const geschreven = toRows<{ horizon: Horizon; kw: number; groep: string; veld: string; reden: Reden | null }>(await vb.query(
      `SELECT horizon, kw, groep, veld, onderdrukt_reden AS reden FROM read_parquet(${literal(join(uit, 'agg_duurzaamheid_cohort.parquet'))})`,
    ));
    let lekken = 0;
    let leeg = 0;
    for (const b of invoer) {
      const kw = kwartaalToIndex(b.basis);
      const hier = geschreven.filter((r) => r.kw === kw);
      const { weergave } = kaartTabel(b, new Set());
      const onderdrukt = new Map<string, Reden>();
      for (const r of hier) if (r.reden) onderdrukt.set(celId(r.horizon, r.groep, r.veld), r.reden);
      // The other tables' empty cells as they wrote them.
      for (const c of weergave.cellen) if (c.verborgen) onderdrukt.set(c.id, c.verborgen);
      const a = audit(weergave, onderdrukt);
      lekken += a.lekken.length + a.kleinGetoond.length;
      leeg += hier.filter((r) => r.reden).length;
      // The cohort cell is one for both horizons: written or empty in both.
      const cohort = hier.filter((r) => r.veld === 'cohort');
      for (const g of new Set(cohort.map((r) => r.groep))) expect(new Set(cohort.filter((r) => r.groep === g).map((r) => r.reden)).size).toBe(1);
    }
    expect(invoer).toHaveLength(45);
    expect(leeg).toBeGreaterThan(0);
    expect(lekken).toBe(0);
  }, 300_000);

  it("gives the page's contract trend (no achtergrond, each single one) as on the microdata; several achtergronden read microdata", async () => {
    for (const a of [[], ...ACHTERGRONDEN.map((x) => [x])]) {
      const v = duurzaamheidQueries(selectie(basisVan(bereik, 3, 4), 4, a), bereik);
      const [m, f] = [await runMetric(micro, v.contractTrend), await opVoorberekend(vb, tabellen, v.contractTrend)];
      // Nothing is empty on the demo data (every quarter's werkzamen are written in the cohort table too).
      expect(f.some((r) => r.leeg)).toBe(false);
      expect(rond(f)).toEqual(rond(m));
      expect(f).toHaveLength(a[0] === 'Participatiewet' ? 49 - 9 : 49);
    }
    const v = duurzaamheidQueries(selectie(basisVan(bereik, 3, 4), 4, ['Wajong', 'Wsw']), bereik);
    await expect(opVoorberekend(vb, tabellen, v.contractTrend)).rejects.toThrow(NIET_VOORBEREKEND);
  }, 120_000);

  it('gives the UWV comparison (third-quarter trends) as on the microdata', async () => {
    const pub = leesGepubliceerdeDuurzaamheid(readFileSync('data/published/duurzaamheid.csv', 'utf8'));
    const v = duurzaamheidQueries(selectie(basisVan(bereik, 3, 4), 4), bereik).vergelijking!;
    const op = async (lees: <T>(q: MetricQuery<T>) => Promise<T>) =>
      vergelijk(pub, berekendeCijfers(await lees(v.cohort), await lees(v.uitstroom), await lees(v.starters), await lees(v.contract)));
    const f = await op((q) => opVoorberekend(vb, tabellen, q));
    const m = await op((q) => runMetric(micro, q));
    expect(rond(f)).toEqual(rond(m));
    // Some published cohort reasons are not shown from the folder on the microdata page either: compare what is computed.
    expect(f.filter((x) => x.status === 'binnen' || x.status === 'buiten').length).toBeGreaterThan(20);
  }, 120_000);

  it('a region or sector filter reads microdata: the Dutch note, never an error', async () => {
    const b = basisVan(bereik, 3, 4);
    const v = duurzaamheidQueries({ ...selectie(b, 4), regio: ['AM01'] }, bereik);
    await expect(opVoorberekend(vb, tabellen, v.cohortTrend)).rejects.toThrow(NIET_VOORBEREKEND);
    await expect(opVoorberekend(vb, tabellen, v.uitstroomTrend)).rejects.toThrow(NIET_VOORBEREKEND);
    const w = duurzaamheidQueries({ ...selectie(b, 4), sector: 'markt' }, bereik);
    await expect(opVoorberekend(vb, tabellen, w.cohortTrend)).rejects.toThrow(NIET_VOORBEREKEND);
  });
});

describe('compute: the Duurzaamheid page with small achtergrond cells', () => {
  // Base quarter 2020Q3 (kw 8082), everyone in AM01, every quarter to 2021Q3 (horizon 4 only):
  //   Wajong 1–70 werkzaam: 1–40 stay werkzaam, 41–65 lose work in 2020Q4 (in the register,
  //     without work), 66–70 leave the register after 2020Q3 (uitstroom: AOW) → uit het register 5;
  //   Wsw 101–155 werkzaam: 101–130 stay werkzaam, 131–155 lose work → uit het register 0.
  //   Totaal: cohort 125, werkzaam 70, werk verloren 50, uit het register 5.
  // Small (under 10, 0 included): Wajong's and the total's uit het register (5) and Wsw's (0), and
  // the reasons: AOW 5, every other reason 0 (Wsw has nobody who left: no reasons). The regions'
  // tables print AM01's 125 werkzaam and its 70 still werkzaam a year later, so the total's cohort
  // and werkzaam are known from them, and its werk verloren would give uit het register back
  // (125 − 70 − 50 = 5), as Wajong's 70 − 40 − 25 and Wsw's 55 − 30 − 25 would: werk verloren goes
  // too, in each row; and (the disclosure control's choice of complements) the achtergronden's cohorts.
  const map = join(tmp, 'klein');
  const uit = join(tmp, 'klein-uit');
  let rijen: { horizon: number; kw: number; groep: string; veld: string; aantal: number | null; reden: string | null }[];

  beforeAll(async () => {
    mkdirSync(map, { recursive: true });
    const e = await NodeEngine.create();
    const kwartalen = ['2020-09-30', '2020-12-31', '2021-03-31', '2021-06-30', '2021-09-30'];
    const persoon = (id: number, achtergrond: string, werkTot: number, inRegisterTot: number) => kwartalen.slice(0, inRegisterTot).map((d, i) =>
      `(${id}, DATE '${d}', '${achtergrond}', 'AM01', 'GM0014', ${i < werkTot}, ${i < werkTot ? id : 'NULL'}, ${i < werkTot ? "'markt'" : 'NULL'},
        ${i < werkTot ? "'regulier'" : 'NULL'}, ${i < werkTot ? "'onbepaald'" : 'NULL'}, CAST(${i < werkTot ? 100 : 0} AS DOUBLE), ${i < werkTot ? "DATE '2019-01-01'" : 'NULL'})`);
    const groep = (van: number, n: number, achtergrond: string, werkTot: number, inRegisterTot: number) =>
      Array.from({ length: n }, (_, i) => persoon(van + i, achtergrond, werkTot, inRegisterTot));
    const paneel = [
      ...groep(1, 40, 'Wajong', 5, 5), ...groep(41, 25, 'Wajong', 1, 5), ...groep(66, 5, 'Wajong', 1, 1),
      ...groep(101, 30, 'Wsw', 5, 5), ...groep(131, 25, 'Wsw', 1, 5),
    ].flat();
    await e.exec(`COPY (SELECT * FROM (VALUES ${paneel.join(',\n')}) AS t(persoon_id, peildatum, achtergrond, regio_code, gemeente_code,
      werkzaam, baan_id, sector, dienstverband, contract, uren, baan_startdatum)) TO ${literal(join(map, 'doelgroep_kwartaal.parquet'))} (FORMAT parquet)`);
    await e.exec(`COPY (SELECT i AS persoon_id, DATE '2020-09-30' AS peildatum, 'AOW' AS reden FROM range(66, 71) t(i))
      TO ${literal(join(map, 'doelgroep_uitstroom.parquet'))} (FORMAT parquet)`);
    await compute(map, { uit });
    rijen = toRows(await e.query(`SELECT horizon, kw, groep, veld, aantal, onderdrukt_reden AS reden FROM read_parquet(${literal(join(uit, 'agg_duurzaamheid_cohort.parquet'))})`));
    await e.close();
  }, 60_000);

  it('writes the small cells empty as small, nothing under 10, the large cells as counted', () => {
    const cel = (groep: string, veld: string) => rijen.find((r) => r.groep === groep && r.veld === veld)!;
    expect(new Set(rijen.map((r) => `${r.horizon}|${r.kw}`))).toEqual(new Set(['4|8082']));
    // Wajong and the total: 6 counts and 6 reasons; Wsw: 6 counts (nobody left it).
    expect(rijen).toHaveLength(30);
    for (const g of ['Wajong', 'Wsw', 'totaal']) expect(cel(g, 'uit_register')).toMatchObject({ aantal: null, reden: 'klein' });
    for (const g of ['Wajong', 'totaal']) {
      for (const r of ['AOW', 'Wsw-beschut', 'geen arbeidsvermogen', 'overleden', 'overig', 'onbekend']) expect(cel(g, `uitstroom:${r}`)).toMatchObject({ aantal: null, reden: 'klein' });
      expect(cel(g, 'werk_verloren')).toMatchObject({ aantal: null, reden: 'bescherming' });
    }
    expect(cel('Wsw', 'werk_verloren')).toMatchObject({ aantal: null, reden: 'bescherming' });
    for (const g of ['Wajong', 'Wsw']) expect(cel(g, 'cohort')).toMatchObject({ aantal: null, reden: 'bescherming' });
    // Every other count written as counted (never under 10).
    const geschreven = Object.fromEntries(rijen.filter((x) => x.aantal !== null).map((r) => [`${r.groep}|${r.veld}`, r.aantal]));
    expect(geschreven).toEqual({
      'Wajong|werkzaam': 40, 'Wajong|steeds_werkzaam': 40, 'Wajong|zelfde_baan': 40,
      'Wsw|werkzaam': 30, 'Wsw|steeds_werkzaam': 30, 'Wsw|zelfde_baan': 30,
      'totaal|cohort': 125, 'totaal|werkzaam': 70, 'totaal|steeds_werkzaam': 70, 'totaal|zelfde_baan': 70,
    });
  });

  it('writes the contract trend where the cohort is written: the achtergronden of 2020Q3 empty with the cohort, the other quarters decided on their own', async () => {
    const e = await NodeEngine.create();
    const contract = toRows<{ kw: number; groep: string; werkzamen: number | null; reden: string | null }>(await e.query(
      `SELECT kw, groep, werkzamen, onderdrukt_reden AS reden FROM read_parquet(${literal(join(uit, 'agg_duurzaamheid_contract.parquet'))}) ORDER BY kw, groep`,
    ));
    await e.close();
    // 2020Q3 (8082): the cohorts of Wajong (70) and Wsw (55) are empty to protect their small
    // uit het register, so these werkzamen (the same people) are too; the total is written. Later
    // quarters: 40 + 30 still werkzaam from 2020Q4 on (AM01's 70, printed by the regions' table), all written.
    expect(contract.map((r) => [r.kw, r.groep, r.werkzamen, r.reden])).toEqual([
      [8082, 'Wajong', null, 'bescherming'], [8082, 'Wsw', null, 'bescherming'], [8082, 'totaal', 125, null],
      ...[8083, 8084, 8085, 8086].flatMap((kw) => [[kw, 'Wajong', 40, null], [kw, 'Wsw', 30, null], [kw, 'totaal', 70, null]]),
    ]);
  });

  it('the audit, given everything written here and in the regions\' tables, narrows no empty cell', async () => {
    const micro = await NodeEngine.create();
    await micro.attachParquet({ doelgroep_kwartaal: join(map, 'doelgroep_kwartaal.parquet'), doelgroep_uitstroom: join(map, 'doelgroep_uitstroom.parquet') });
    const bereik = (await runMetric(micro, tegelBereikQuery()))!;
    for (const naam of ['agg_regio_kwartaal', 'agg_regio_cohort', 'agg_banen_kwartaal']) await micro.exec(TABELLEN.find((t) => t.naam === naam)!.bouw(bereik));
    const [b] = await duurzaamheidInvoer(micro, bereik);
    await micro.close();
    // AM01's werkzaam (125) and werkzaam a year later (70) are written by the regions' tables.
    expect([b.regio, b.regioCohort]).toEqual([[{ code: 'AM01', aantal: 125, geschreven: true }], [{ code: 'AM01', aantal: 70, geschreven: true }]]);
    const { weergave } = kaartTabel(b, new Set());
    const onderdrukt = new Map(rijen.filter((r) => r.reden).map((r) => [celId(4, r.groep, r.veld), r.reden as Reden]));
    const a = audit(weergave, onderdrukt);
    expect(a.lekken).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
    // Wajong's uit het register: anything from 0 to 9 as far as a reader can tell.
    expect(a.cellen.find((c) => c.id === celId(4, 'Wajong', 'uit_register'))).toMatchObject({ min: 0, max: 9 });
  });

  it('the page draws it from the folder: the small cells "<10" or "x", the sentence says why', async () => {
    const vb = await NodeEngine.create();
    const { tabellen } = await leesMap(uit);
    const bereik = (await opVoorberekend(vb, tabellen, tegelBereikQuery()))!;
    expect(bereik).toEqual({ eerste: '2020Q3', laatste: '2021Q3' });
    const s = selectie('2020Q3', 4);
    const v = duurzaamheidQueries(s, bereik);
    const f = pagina(await opVoorberekend(vb, tabellen, v.cohortTrend), await opVoorberekend(vb, tabellen, v.uitstroomTrend), s)!;
    await vb.close();
    const wajong = f.uitkomst.find((r) => r.groep === 'Wajong')!;
    expect(wajong.uit).toMatchObject({ onderdrukt: true, soort: 'aantal' });
    expect(wajong.uit_pct).toMatchObject({ onderdrukt: true });
    const totaal = f.uitkomst.find((r) => r.groep === 'Totaal')!;
    expect(totaal.uit).toMatchObject({ onderdrukt: true, soort: 'aantal' });
    expect(f.uitstroom.every((r) => isOnderdrukt(r.aantal))).toBe(true);
    expect(f.zinnen[0]).toMatch(/^Van de mensen die in het derde kwartaal van 2020 werkten/);
    expect(f.zinnen.find((z) => z.includes('uit het doelgroepregister'))).toMatch(/wordt niet getoond/);
  });

  it('writes the starters of a small achtergrond empty, and what would give them back by subtraction too', () => {
    // Wajong: 30 starters, 20 werkzaam na 1 jaar, 15 in dezelfde baan; Wsw: 6, 4, 3 (all small);
    // na 2 jaar not known yet (not written). The total 36 − Wajong's 30 would give Wsw's 6 back.
    const rij = (groep: string, starters: number, na1: number, zelfde: number): StartersRij => ({
      basis: '2020Q3', vanaf: '2019Q4', groep, starters, werkzaamNa1Jaar: na1, zelfdeBaanNa1Jaar: zelfde, werkzaamNa2Jaar: null,
      werkzaamNa1JaarPct: null, zelfdeBaanNa1JaarPct: null, werkzaamNa2JaarPct: null, onderDrempel: starters < 10,
    });
    const besluit = beslisStarters([rij('Wajong', 30, 20, 15), rij('Wsw', 6, 4, 3)]);
    const cel = Object.fromEntries(besluit.map((c) => [`${c.groep}|${c.veld}`, c.reden]));
    expect(Object.keys(cel).sort()).toEqual(['Wajong', 'Wsw', 'totaal'].flatMap((g) => ['starters', 'werkzaam_1', 'zelfde_baan_1'].map((v) => `${g}|${v}`)).sort());
    for (const v of ['starters', 'werkzaam_1', 'zelfde_baan_1']) {
      expect(cel[`Wsw|${v}`]).toBe('klein');
      // Of Wajong and the total, at least one more is empty (else the total minus Wajong gives Wsw).
      expect([cel[`Wajong|${v}`], cel[`totaal|${v}`]]).not.toEqual([null, null]);
    }
    expect(besluit.every((c) => c.reden !== null || c.aantal >= 10)).toBe(true);
    expect(besluit.every((c) => c.horizon === 0)).toBe(true);
  });

  it('leaves out a base quarter whose small total no suppression protects', () => {
    // The regions' tables print 70 werkzaam and 43 a year later; werk verloren 10 + 12 and uit het
    // register 5 + 0. Whatever is hidden, the reasons say that each hidden werk verloren holds at
    // least 10, so 70 − 43 − (≥ 10 + ≥ 10) leaves the total's uit het register at most 7: no
    // suppression gives it ten possible values, so nothing of the base quarter is written.
    const rij = (groep: string, werkzaam: number, verloren: number, uitRegister: number): UitkomstRij => ({
      basis: '2020Q3', eind: '2021Q3', horizon: 4, groep, cohort: werkzaam + verloren + uitRegister, werkzaam, werkVerloren: verloren, uitRegister,
      steedsWerkzaam: werkzaam, zelfdeBaan: werkzaam, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0, steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: false,
    });
    const reden = (groep: string, r: string, aantal: number): UitstroomRij => ({
      basis: '2020Q3', eind: '2021Q3', horizon: 4, groep, reden: r as UitstroomRij['reden'], aantal, uitRegister: 5, pct: 0, onderDrempel: true,
    });
    const invoer = {
      basis: '2020Q3' as const,
      uitkomst: new Map([[4 as const, [rij('Wajong', 25, 10, 5), rij('Wsw', 18, 12, 0)]]]),
      uitstroom: new Map([[4 as const, [reden('Wajong', 'AOW', 5), reden('Wajong', 'onbekend', 0)]]]),
      regio: [{ code: 'AM01', aantal: 70, geschreven: true }],
      regioCohort: [{ code: 'AM01', aantal: 43, geschreven: true }],
      tegel: false,
    };
    expect(beslisBasis(invoer)).toEqual([]);
    // Without the regions' tables it is written, the small cells empty.
    const zonder = beslisBasis({ ...invoer, regio: undefined, regioCohort: undefined });
    expect(zonder.filter((c) => c.veld === 'uit_register').map((c) => [c.groep, c.reden])).toEqual([['Wajong', 'klein'], ['Wsw', 'klein'], ['totaal', 'klein']]);
  });
});


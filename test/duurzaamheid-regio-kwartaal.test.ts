/**
 * One count on two pages (issue 12): Duurzaamheid filtered on regions (all sectors) prints the
 * regions' werkzaam persons of a base quarter as its cohort total, and the contract trend prints
 * them for every quarter; the Regio's page decides that count in its quarter's table. A hand-built
 * panel where the Regio's page hides a region of 30 to protect one of 6, worked out here, and on
 * the demo data the check that the page's total is that count (so the two are linked at all).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import { X_BESCHERMING } from '../src/lib/disclosure/zinnen.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { BESCHERMD } from '../src/lib/format/disclosure.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { panelBereikQuery } from '../src/lib/metrics/duurzaamheid/bereik.ts';
import type { ContractRij } from '../src/lib/metrics/duurzaamheid/contract.ts';
import { regioReeksenQuery } from '../src/lib/metrics/regio.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschermCohort, beschermCohorten } from '../src/pages/duurzaamheid/beveiliging.ts';
import { context, contractData, uitkomstData } from '../src/pages/duurzaamheid/grafieken.ts';
import { reeksen as alleReeksen, rij, samen } from './duurzaamheid-regio-hulp.ts';
import { beschermdeKwartalen, kernzinnen } from '../src/pages/duurzaamheid/kernzinnen.ts';
import { duurzaamheidQueries } from '../src/pages/duurzaamheid/queries.ts';
import { regioKwartalen } from '../src/pages/duurzaamheid/regio-kwartaal.ts';
import type { Selectie } from '../src/pages/duurzaamheid/selectie.ts';

/** Persons and werkzaam persons per region and quarter. 2021Q3: AM01 holds 6 werkzaam. */
const PANEL: Record<string, Record<string, [number, number]>> = {
  '2021Q3': { AM01: [20, 6], AM02: [60, 30], AM03: [200, 100], AM05: [300, 150] },
  '2022Q3': { AM01: [20, 12], AM02: [60, 30], AM03: [200, 100], AM05: [300, 150] },
};

/** Every region's series of the panel, as regioReeksenQuery without a choice of regions answers. */
const reeksen = () => alleReeksen(PANEL);

const ctx = context('arbeidsmarktregio Friesland, alle sectoren, alle achtergronden', null);

describe("Duurzaamheid on one region takes the Regio's decision of its werkzaam count", () => {
  // 2021Q3: Nederland 286 werkzaam, AM03 100 and AM05 150 printed: AM01 + AM02 = 36. The Regio's
  // table hides AM01 (6, "<10") and, to protect it, AM02 (30): AM02 = 36 − AM01 lies in 27–36.
  const regio = regioKwartalen(reeksen(), ['AM02']);
  // Friesland's cohort: Wajong 16 = 10 + 3 + 3, Wsw 14 = 10 + 2 + 2; total 30 = AM02's werkzaam.
  const rijen = [rij('Wajong', 10, 3, 3), rij('Wsw', 10, 2, 2)];

  it("the Regio's quarter table hides AM01 (klein) and AM02 (bescherming)", () => {
    const k = regio('2021Q3')!;
    expect([...k.tabel.onderdrukt].sort()).toEqual([['r:AM01.werkzaam', 'klein'], ['r:AM02.werkzaam', 'bescherming']]);
    expect(k).toMatchObject({ ids: ['r:AM02.werkzaam'], werkzaam: 30, besluit: { verborgen: 'bescherming' } });
    // 2022Q3: nothing under 10, the count is printed there.
    expect(regio('2022Q3')).toMatchObject({ werkzaam: 30, besluit: { vast: true } });
    expect(regio('2023Q3')).toBeNull();
  });

  it('the old table printed the total 30, which gives AM01 back as 36 − 30 = 6', () => {
    const oud = beschermCohort(rijen);
    expect(oud.aantal('totaal', 'cohort')).toBe(30);
    const k = regio('2021Q3')!.tabel;
    const { w, onderdrukt } = samen(oud.b, k, 'T.cohort', ['AM02']);
    const lek = audit(w, onderdrukt).lekken.find((c) => c.id === 'r:AM01.werkzaam');
    expect(lek).toMatchObject({ min: 6, max: 6, beschermd: false });
  });

  it("the new table hides the total with the Regio's reason, and the attacker finds nothing", () => {
    const p = beschermCohorten(rijen, null, [], regio).get('2021Q3')!;
    expect(p.aantal('totaal', 'cohort')).toBe(BESCHERMD);
    expect(p.b.reden('T.cohort')).toBe('bescherming');
    // The table on screen says so too: the Totaal row's cohort is "x" with the protection footnote.
    const d = uitkomstData(rijen, [], ctx, p)!;
    expect(d.rijen.at(-1)!.cohort).toBe(BESCHERMD);
    expect(d.voetnoten).toContain(X_BESCHERMING);
    // Both pages read together: AM01 still anything from 0 to 9, AM02 (= the total) 27–36.
    const { w, onderdrukt } = samen(p.b, regio('2021Q3')!.tabel, 'T.cohort', ['AM02']);
    const a = audit(w, onderdrukt);
    expect(a.lekken).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
    const iv = Object.fromEntries(a.cellen.map((c) => [c.id, [c.min, c.max]]));
    expect(iv['r:AM01.werkzaam']).toEqual([0, 9]);
    expect(iv['T.cohort']).toEqual([27, 36]);
    expect(p.b.audit.lekken).toEqual([]);
  });

  it('a base quarter the Regio prints: the total is printed (vast), never chosen to protect', () => {
    const later = rijen.map((r) => ({ ...r, basis: '2022Q3' as Kwartaal, eind: '2023Q3' as Kwartaal }));
    const p = beschermCohorten(later, null, [], regio).get('2022Q3')!;
    expect(p.aantal('totaal', 'cohort')).toBe(30);
    expect(p.b.weergave.cellen.find((c) => c.id === 'T.cohort')).toMatchObject({ vast: true });
    // Only the Regio's table with nothing hidden: no cell of it comes along.
    expect(p.b.weergave.cellen.some((c) => c.id.startsWith('r:'))).toBe(false);
  });

  it("the contract trend hides the quarter's werkzamen (and what rests on it) where the Regio's page does", () => {
    const c = (kwartaal: Kwartaal, werkzamen: number): ContractRij => ({
      kwartaal, groep: 'totaal', werkzamen, uren: 100 * werkzamen, urenOnbepaald: 60 * werkzamen, urenOnbepaaldPct: 60, gemBaanduurJaren: 4.5, onderDrempel: false,
    });
    const rijenC = [c('2021Q3', 30), c('2022Q3', 30)];
    expect(contractData(rijenC, {}, ctx).rijen[0]).toMatchObject({ werkzamen: 30 });
    const per = new Map(contractData(rijenC, {}, ctx, undefined, regio).rijen.map((r) => [r.kwartaal, r]));
    expect(per.get('2021Q3')).toMatchObject({ werkzamen: BESCHERMD, uren_pct: BESCHERMD, duur: BESCHERMD });
    expect(per.get('2022Q3')).toMatchObject({ werkzamen: 30, uren_pct: 0.6, duur: 4.5 });
    // The headline's contract sentences about that quarter say the same, with the same reason.
    const zinnen = (eind: Kwartaal) => kernzinnen({
      uitkomst: null, starters: null, contract: rijenC, contractBeschermd: beschermdeKwartalen(contractData(rijenC, {}, ctx, undefined, regio)),
      uitstroom: null, achtergrond: [], eind, uwv: null,
    });
    expect(zinnen('2021Q3')).toEqual([
      'Het aandeel van de verloonde uren op een contract voor onbepaalde tijd in het derde kwartaal van 2021 wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
      'De gemiddelde duur van de huidige banen in het derde kwartaal van 2021 wordt niet getoond, om een kleine groep elders in de tabel te beschermen.',
    ]);
    expect(zinnen('2022Q3')).toEqual([
      'In het derde kwartaal van 2022 werd 60 procent van de verloonde uren gewerkt op basis van een contract voor onbepaalde tijd.',
      'De gemiddelde duur van de huidige banen was in het derde kwartaal van 2022 4,5 jaar.',
    ]);
  });
});

describe('several regions: their sum decided with the quarter table', () => {
  it('AM01 + AM03 (106) would give AM01 back as 106 − 100: hidden; AM01 + AM02 (36) is known anyway: printed', () => {
    const r = reeksen();
    expect(regioKwartalen(r, ['AM01', 'AM03'])('2021Q3')).toMatchObject({ werkzaam: 106, besluit: { verborgen: 'bescherming' } });
    expect(regioKwartalen(r, ['AM01', 'AM02'])('2021Q3')).toMatchObject({ werkzaam: 36, besluit: { vast: true } });
    expect(regioKwartalen(r, ['AM03', 'AM05'])('2021Q3')).toMatchObject({ werkzaam: 250, besluit: { vast: true } });
  });

  it('Duurzaamheid on Groningen and Drenthe: the old total 106 gave AM01 = 6; now hidden, nothing recoverable', () => {
    const regio = regioKwartalen(reeksen(), ['AM03', 'AM01']);
    const rijen = [rij('Wajong', 40, 5, 5), rij('Wsw', 50, 3, 3)];
    const oud = beschermCohort(rijen);
    expect(oud.aantal('totaal', 'cohort')).toBe(106);
    const k = regio('2021Q3')!.tabel;
    const voor = samen(oud.b, k, 'T.cohort', ['AM01', 'AM03']);
    expect(audit(voor.w, voor.onderdrukt).lekken.map((c) => [c.id, c.min, c.max])).toContainEqual(['r:AM01.werkzaam', 6, 6]);
    const p = beschermCohorten(rijen, null, [], regio).get('2021Q3')!;
    expect(p.aantal('totaal', 'cohort')).toBe(BESCHERMD);
    expect(p.b.reden('T.cohort')).toBe('bescherming');
    const { w, onderdrukt } = samen(p.b, k, 'T.cohort', ['AM01', 'AM03']);
    expect(audit(w, onderdrukt).lekken).toEqual([]);
  });
});

describe('the question', () => {
  const bereik = { eerste: '2012Q4', laatste: '2024Q4' } as const;
  const s = (regio: string[], sector: Selectie['sector']): Selectie => ({ basis: '2019Q3', horizon: 4, achtergrond: [], regio, sector });

  it("one Regio's question for every region filter (no query per filter); none without regions or with a sector", () => {
    const een = duurzaamheidQueries(s(['AM02'], 'alle'), bereik).regioKwartaal!;
    const twee = duurzaamheidQueries(s(['AM01', 'AM03'], 'alle'), bereik).regioKwartaal!;
    const regio = regioReeksenQuery({ van: '2012Q4', tot: '2024Q4' });
    expect([een.sql, een.params]).toEqual([regio.sql, regio.params]);
    expect([twee.sql, twee.params]).toEqual([regio.sql, regio.params]);
    expect(duurzaamheidQueries(s([], 'alle'), bereik).regioKwartaal).toBeNull();
    expect(duurzaamheidQueries(s(['AM02'], 'markt'), bereik).regioKwartaal).toBeNull();
  });
});

describe('demo data: the cohort total is the Regio count', () => {
  let engine: NodeEngine;
  const pad = (n: string) => join('data/extracts', `${n}.parquet`);

  beforeAll(async () => {
    readFileSync(pad('doelgroep_kwartaal'));
    engine = await NodeEngine.create();
    await engine.attachParquet({ doelgroep_kwartaal: pad('doelgroep_kwartaal'), doelgroep_uitstroom: pad('doelgroep_uitstroom') });
  }, 60_000);
  afterAll(async () => engine?.close());

  it('Drenthe and Groningen + Twente: every base quarter of the trend equals the regions’ werkzaam in the series, and is linked (printed)', async () => {
    const bereik = await runMetric(engine, panelBereikQuery());
    const alle = await runMetric(engine, regioReeksenQuery({ van: bereik!.eerste, tot: bereik!.laatste }));
    for (const regios of [['AM03'], ['AM01', 'AM05']]) {
      const sel: Selectie = { basis: '2019Q3', horizon: 4, achtergrond: [], regio: regios, sector: 'alle' };
      const rijen = await runMetric(engine, duurzaamheidQueries(sel, bereik!).cohortTrend);
      const regio = regioKwartalen(alle, regios);
      const tabellen = beschermCohorten(rijen, null, [], regio);
      expect(tabellen.size).toBeGreaterThan(8);
      for (const [basis, p] of tabellen) {
        const totaal = rijen.filter((r) => r.basis === basis).reduce((a, r) => a + r.cohort, 0);
        const regioTelling = regios.reduce((a, c) => a + alle.regios.find((r) => r.regio_code === c)!.punten.find((x) => x.kwartaal === basis)!.werkzaam, 0);
        expect(regio(basis)!.werkzaam).toBe(regioTelling);
        expect(totaal).toBe(regioTelling);
        // No region of the demo data is under 10: the count is printed on both pages.
        expect(p.aantal('totaal', 'cohort')).toBe(totaal);
        expect(p.b.weergave.cellen.find((c) => c.id === 'T.cohort')).toMatchObject({ vast: true });
      }
    }
  }, 120_000);
});

/**
 * Disclosure control of the Duurzaamheid page's exports (issue 12), in Debian Chromium on the
 * smallest selections of the demo data: every CSV the page offers is downloaded; no person count
 * in it is under 10; and the counts of the outcome table and the trend are exactly what
 * beveilig() answers in Node for the same selection (a number, "<10" or "x"), whose audit finds
 * no hidden cell a reader could work out from everything the tables show.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { isOnderdrukt, onderdruktTekst, type Onderdrukt } from '../../src/lib/format/disclosure.ts';
import { formatKwartaal } from '../../src/lib/format/nl.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';
import { panelBereikQuery, standaardBasiskwartaal, type PanelBereik } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { beschermCohorten, type UitkomstVeld } from '../../src/pages/duurzaamheid/beveiliging.ts';
import { duurzaamheidQueries } from '../../src/pages/duurzaamheid/queries.ts';
import { regioKwartalen } from '../../src/pages/duurzaamheid/regio-kwartaal.ts';
import type { Selectie } from '../../src/pages/duurzaamheid/selectie.ts';
import { ROOT, launchBrowser, newMonitoredContext, settle } from './harness.ts';
import { type Csv, alleCsv, getoondeAantallen } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');

let browser: Browser;
let page: Page;
let native: NodeEngine;
let bereik: PanelBereik;

/** Columns holding person counts (not the published UWV figures). */
const telKolom = (kop: string) => /personen/i.test(kop) && !/gepubliceerd/i.test(kop);

/** What a count cell prints in the CSV: the number without separators, "<10" or "x". */
const tekst = (v: number | Onderdrukt) => (isOnderdrukt(v) ? onderdruktTekst(v) : String(v));

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const pad = (n: string) => join(DATA, manifest.extracts.find((e) => e.name === n)!.file);
  native = await NodeEngine.create();
  await native.attachParquet({ doelgroep_kwartaal: pad('doelgroep_kwartaal'), doelgroep_uitstroom: pad('doelgroep_uitstroom') });
  bereik = (await runMetric(native, panelBereikQuery()))!;
  browser = await launchBrowser();
  const { context } = await newMonitoredContext(browser, origin);
  page = await context.newPage();
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await native?.close();
});

/** Link, selection, and whether the outcome table and trend hold hidden counts on the demo data. */
const SELECTIES: [string, Pick<Selectie, 'regio' | 'sector' | 'achtergrond'>, boolean][] = [
  ['regio=AM37&sector=overheid&achtergrond=WIW/ID', { regio: ['AM37'], sector: 'overheid', achtergrond: ['WIW/ID'] }, true],
  ['regio=AM25&sector=markt&achtergrond=Wajong,Participatiewet', { regio: ['AM25'], sector: 'markt', achtergrond: ['Wajong', 'Participatiewet'] }, false],
  // The cohort total is the Regio's werkzaam count of AM37 (printed there on the demo data: vast here).
  ['regio=AM37', { regio: ['AM37'], sector: 'alle', achtergrond: [] }, false],
];

describe('Duurzaamheid: what the CSV exports give away on the smallest selections', () => {
  test.each(SELECTIES)('%s', async (link, keuze, klein) => {
    await page.goto(`${baseUrl}#/duurzaamheid?${link}`);
    await settle(page, 300_000);
    const csvs = await alleCsv(page);
    expect(csvs.length).toBeGreaterThanOrEqual(3);

    // 1. No person count under 10 in any export.
    for (const a of getoondeAantallen(csvs, telKolom)) expect(a.waarde, a.waar).toBeGreaterThanOrEqual(10);

    // 2. The same answer as beveilig() in Node on the same selection, whose audit finds nothing.
    const basis = standaardBasiskwartaal(bereik)! as Kwartaal;
    const s = { basis, horizon: 4, ...keuze } as Selectie;
    const q = duurzaamheidQueries(s, bereik);
    // Filtered on a region in all sectors the total is the Regio's count, decided by its quarter tables.
    const reeksen = q.regioKwartaal ? await runMetric(native, q.regioKwartaal) : null;
    const tabellen = beschermCohorten(await runMetric(native, q.cohortTrend), await runMetric(native, q.uitstroomTrend), s.achtergrond, reeksen ? regioKwartalen(reeksen, s.regio) : null);
    for (const p of tabellen.values()) expect(p.b.audit.lekken).toEqual([]);

    // The outcome table of the base quarter: per group its counts.
    const uitkomst = csvs.find((c) => c.titel.startsWith('Uitkomst'))!;
    const p = tabellen.get(basis)!;
    const velden: [UitkomstVeld, string][] = [['cohort', 'Werkzaam in basiskwartaal (personen)'], ['werkzaam', 'Werkzaam (personen)'], ['verloren', 'Werk verloren (personen)'], ['uit', 'Uit het register (personen)']];
    let vergeleken = 0;
    let verborgen = 0;
    for (const r of uitkomst.rijen) {
      const groep = r[0] === 'Totaal' ? 'totaal' : r[0];
      if (groep !== 'totaal' && !p.groepen.includes(groep)) continue;
      for (const [veld, kop] of velden) {
        const v = r[uitkomst.kop.indexOf(kop)];
        expect(v, `${r[0]} ${veld}`).toBe(tekst(p.aantal(groep, veld)));
        vergeleken++;
        if (v === '<10' || v === 'x') verborgen++;
      }
    }
    expect(vergeleken).toBeGreaterThanOrEqual(4);

    // The trend: per base quarter the total's counts, each judged by its own base quarter's table.
    const trend = csvs.find((c) => c.titel.startsWith('Nog aan het werk'))!;
    const kolom = (re: RegExp) => trend.kop.findIndex((k) => re.test(k) && telKolom(k));
    const [cCohort, cWerkzaam, cSteeds] = [kolom(/^Werkzaam in basiskwartaal/), kolom(/^Werkzaam (?!in basiskwartaal)/), kolom(/^Steeds werkzaam/)];
    expect(new Set([cCohort, cWerkzaam, cSteeds]).size === 3 && Math.min(cCohort, cWerkzaam, cSteeds) >= 0, trend.kop.join(' | ')).toBe(true);
    let rijen = 0;
    for (const [b, t] of tabellen) {
      const r = trend.rijen.find((x) => x[0] === formatKwartaal(b));
      if (!r) continue;
      expect([r[cCohort], r[cWerkzaam], r[cSteeds]], formatKwartaal(b)).toEqual([t.aantal('totaal', 'cohort'), t.aantal('totaal', 'werkzaam'), t.aantal('totaal', 'steeds')].map(tekst));
      rijen++;
      verborgen += [r[cCohort], r[cWerkzaam], r[cSteeds]].filter((v) => v === '<10' || v === 'x').length;
    }
    expect(rijen).toBeGreaterThan(3);
    // The smallest selection: the comparison met hidden cells, not only numbers.
    if (klein) expect(verborgen).toBeGreaterThan(0);
  }, 600_000);
});

/**
 * Disclosure control of the Beschut werk page's exports (issue 12), in Debian Chromium on small
 * selections of the demo data (the smallest gemeente and the smallest region with adviezen in
 * the first half of 2019, Nederland in a single month): every CSV the page offers is downloaded;
 * no person count in it is under 10; and the monthly exports (months, period, year to date) are
 * read back into cells and sums and given to the attacker of lib/disclosure (audit.ts), with the
 * true counts from Node: no hidden cell may be pinned to fewer than 10 values.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { audit } from '../../src/lib/disclosure/audit.ts';
import type { Reden } from '../../src/lib/disclosure/tabel.ts';
import { NodeEngine } from '../../src/lib/engine/node.ts';
import { maandenVan, type AanvragerKeuze } from '../../src/lib/metrics/beschut-afleiden.ts';
import { gemeentenQuery } from '../../src/lib/metrics/beschut-gemeenten.ts';
import { perMaandQuery } from '../../src/lib/metrics/beschut.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { gebieden } from '../../src/lib/metrics/beschut-afleiden.ts';
import { JAAR_TOT_NU, PERIODE } from '../../src/pages/beschut-werk/onderdrukking.ts';
import { maandKort } from '../../src/pages/beschut-werk/maanden.ts';
import { jaarVan } from '../../src/pages/beschut-werk/queries.ts';
import { AdviesTabel, cel } from '../../src/pages/beschut-werk/tabel.ts';
import { ROOT, launchBrowser, newMonitoredContext, settle } from './harness.ts';
import { type Csv, alleCsv, getoondeAantallen } from './lezen.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const DATA = resolve(ROOT, process.env.E2E_DATA_DIR ?? 'data');

let browser: Browser;
let page: Page;
let native: NodeEngine;

/** Columns holding person counts: beoordelingen, positive adviezen, places (not means, shares, bounds, taakstelling). */
const telKolom = (k: string) => /^(Beoordelingen|Positie(f|ve adviezen)|Plekken)/.test(k) && !/%|gemiddeld|per plek|extrapolatie|grens/i.test(k);

const MARK: Record<string, Reden> = { '<10': 'klein', x: 'bescherming' };
const AANVRAGERS: readonly AanvragerKeuze[] = ['gemeente', 'burger', 'totaal'];
const LABEL: Record<AanvragerKeuze, string> = { gemeente: 'Gemeente', burger: 'Burger', totaal: 'Totaal' };

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const pad = (n: string) => join(DATA, manifest.extracts.find((e) => e.name === n)!.file);
  native = await NodeEngine.create();
  await native.attachParquet({ beschut_adviezen: pad('beschut_adviezen'), beschut_plekken: pad('beschut_plekken') });
  browser = await launchBrowser();
  const { context } = await newMonitoredContext(browser, origin);
  page = await context.newPage();
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await native?.close();
});

/** The smallest gemeente and region (fewest beoordelingen, at least one) in the period. */
async function kleinste(van: string, tot: string): Promise<{ gemeente: string; regio: string }> {
  const g = gebieden((await runMetric(native, gemeentenQuery({ van, tot })))!);
  const min = (us: typeof g.gemeenten) => us.filter((u) => u.beoordelingen.totaal > 0).sort((a, b) => a.beoordelingen.totaal - b.beoordelingen.totaal || (a.code < b.code ? -1 : 1))[0].code;
  return { gemeente: min(g.gemeenten), regio: min(g.regios) };
}

describe('Beschut werk: what the CSV exports give away on small selections', () => {
  const GEVALLEN: [string, (k: { gemeente: string; regio: string }) => { hash: string; gebied: { gemeente?: string[]; regio?: string[] }; van: string; tot: string }][] = [
    ['de kleinste gemeente, januari t/m juni 2019', (k) => ({ hash: `van=2019-01&tot=2019-06&gemeente=${k.gemeente}`, gebied: { gemeente: [k.gemeente] }, van: '2019-01', tot: '2019-06' })],
    ['de kleinste regio, januari t/m juni 2019', (k) => ({ hash: `van=2019-01&tot=2019-06&regio=${k.regio}`, gebied: { regio: [k.regio] }, van: '2019-01', tot: '2019-06' })],
    ['Nederland, maart 2019', () => ({ hash: 'van=2019-03&tot=2019-03', gebied: {}, van: '2019-03', tot: '2019-03' })],
  ];

  test.each(GEVALLEN)('%s', async (_naam, maak) => {
    const s = maak(await kleinste('2019-01', '2019-06'));
    await page.goto(`${baseUrl}#/beschut-werk?${s.hash}`);
    await settle(page, 300_000);
    await page.locator('[data-testid="kernzinnen"] li').first().waitFor({ timeout: 120_000 });
    const csvs = await alleCsv(page);
    expect(csvs.length).toBeGreaterThanOrEqual(5);

    // 1. No person count under 10 in any export.
    for (const a of getoondeAantallen(csvs, telKolom)) expect(a.waarde, a.waar).toBeGreaterThanOrEqual(10);

    // 2. The monthly exports read back into cells and sums, with the true counts from Node.
    // The months from January (the year table's; the exports show van…tot).
    const eerste = jaarVan(s).van;
    const rijen = (await runMetric(native, perMaandQuery({ van: eerste, tot: s.tot, ...s.gebied })))!;
    const tel = (ms: readonly string[]) => (a: AanvragerKeuze) => {
      const r = rijen.filter((x) => x.aanvrager === a && ms.includes(x.maand));
      return { b: r.reduce((t, x) => t + x.beoordelingen, 0), p: r.reduce((t, x) => t + x.positief, 0) };
    };
    const maanden = maandenVan(eerste, s.tot);
    const t = new AdviesTabel();
    // Months before `van` are in the year to date but in no export of these two tables.
    for (const m of maanden) t.eenheid(m, tel([m]), { getoond: m >= s.van });
    const periode = maanden.filter((m) => m >= s.van);
    if (periode.length === 1) t.gelijk(PERIODE, periode[0]);
    else t.eenheid(PERIODE, tel(periode)).som(PERIODE, periode);
    if (eerste === s.van) t.gelijk(JAAR_TOT_NU, PERIODE);
    else t.eenheid(JAAR_TOT_NU, tel(maanden), { getoond: ['p'] }).som(JAAR_TOT_NU, maanden);
    const onderdrukt = new Map<string, Reden>();
    const zonderReden = new Set<string>();
    let gelezen = 0;
    const lees = (pagina: string, v: string | undefined) => {
      expect(v, pagina).toMatch(/^(\d+|<10|x)$/);
      gelezen++;
      const id = t.id(pagina);
      // A gemeente's hidden counts print "x" without a reason: never "<10" (context.ts zonderReden).
      if (s.gebied.gemeente) expect(v, pagina).not.toBe('<10');
      // A hidden sum of part of a year prints "x" without a reason too (queries.ts metSommen).
      const zonder = s.gebied.gemeente || (v === 'x' && (pagina.includes(`|${PERIODE}|`) || pagina.includes(`|${JAAR_TOT_NU}|`)));
      if (id !== null && v !== undefined && MARK[v]) {
        onderdrukt.set(id, zonder ? (t.weergave().cellen.find((c) => c.id === id)!.aantal < 10 ? 'klein' : 'bescherming') : MARK[v]);
        if (zonder) zonderReden.add(id);
      }
    };
    const aantallen = csvs.find((c) => c.titel.startsWith('Beoordelingen beschut werk per maand'))!;
    for (const r of aantallen.rijen) {
      const m = periode.find((x) => maandKort(x) === r[0])!;
      for (const a of AANVRAGERS) {
        lees(cel('b', m, a), r[aantallen.kop.indexOf(`Beoordelingen ${a}`)]);
        lees(cel('p', m, a), r[aantallen.kop.indexOf(`Positief ${a}`)]);
      }
    }
    const totalen = csvs.find((c) => c.titel.startsWith('Beoordelingen en positieve adviezen per aanvrager'))!;
    const ytd = totalen.kop.findIndex((k) => /^Positief (?!\()/.test(k));
    for (const a of AANVRAGERS) {
      const r = totalen.rijen.find((x) => x[0] === LABEL[a])!;
      lees(cel('b', PERIODE, a), r[totalen.kop.indexOf('Beoordelingen')]);
      lees(cel('p', PERIODE, a), r[totalen.kop.indexOf('Positief')]);
      lees(cel('p', JAAR_TOT_NU, a), r[ytd]);
    }
    // Every month shown with b and p of three aanvragers, and per aanvrager period and year to date.
    expect(gelezen).toBe(periode.length * 6 + 9);
    if (s.gebied.gemeente || s.gebied.regio) expect(onderdrukt.size).toBeGreaterThan(0);
    // The reader of a gemeente's exports knows no reason for its "x" (so no bound from it).
    const a = audit(t.weergave(), onderdrukt, { redenBekend: (id) => !zonderReden.has(id) });
    expect(a.kleinGetoond).toEqual([]);
    expect(a.lekken.map((l) => `${l.id} = ${l.waarde}: [${l.min}, ${l.max}]`)).toEqual([]);
  }, 600_000);
});

/**
 * What an end-to-end test reads off a page the way a user does: a chart frame by its title, the
 * cells of its table twin, and the CSV files the page offers. One copy for every page's test.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { settle } from './harness.ts';

/** The chart frame whose title matches `titel`. */
export function frame(page: Page, titel: RegExp): Locator {
  return page.getByRole('figure').filter({ has: page.getByRole('heading', { name: titel }) }).first();
}

/** Cells of a frame's table twin as text, by row (switches to the table and back, unless the table was shown). */
export async function tabelRijen(f: Locator): Promise<string[][]> {
  const knop = f.getByRole('button', { name: 'Tabel', exact: true });
  const wasTabel = (await knop.getAttribute('aria-pressed')) === 'true';
  if (!wasTabel) await knop.click();
  const rijen = f.locator('table tbody tr');
  await rijen.first().waitFor();
  const uit = await rijen.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
  if (!wasTabel) await f.getByRole('button', { name: 'Grafiek', exact: true }).click();
  return uit;
}

export interface Csv {
  titel: string;
  kop: string[];
  rijen: string[][];
}

/** A CSV of the page: its title (first line) and the table (between the first and the next empty line). */
export function leesCsv(tekst: string): Csv {
  const regels = tekst.replace(/^\uFEFF/, '').split('\r\n');
  const start = regels.indexOf('') + 1;
  const eind = regels.indexOf('', start);
  const cellen = (r: string) => r.split(';').map((c) => c.replace(/^"|"$/g, ''));
  return { titel: cellen(regels[0])[0], kop: cellen(regels[start]), rijen: regels.slice(start + 1, eind).map(cellen) };
}

/** Every CSV the page offers, downloaded one after another. */
export async function alleCsv(p: Page): Promise<Csv[]> {
  const knoppen = p.getByRole('button', { name: 'Download als CSV' });
  const n = await knoppen.count();
  const uit: Csv[] = [];
  for (let i = 0; i < n; i++) {
    const wacht = p.waitForEvent('download', { timeout: 30_000 });
    await knoppen.nth(i).click();
    uit.push(leesCsv(readFileSync((await (await wacht).path())!, 'utf8')));
  }
  return uit;
}

/** The first Duurzaamheid key sentence the moment it is on screen, with the query layer's counters at that moment. */
export async function eersteKernzin<T>(page: Page, timeout: number): Promise<{ zin: string; tellers: T }> {
  const opHetScherm = await page.waitForFunction(
    () => {
      const li = document.querySelector('[data-testid="kernzinnen"] li');
      if (!li || !/procent/.test(li.textContent ?? '')) return false;
      return { zin: (li as HTMLElement).innerText, tellers: (globalThis as unknown as { __pmQueryStats(): unknown }).__pmQueryStats() };
    },
    undefined,
    { timeout, polling: 'raf' },
  );
  return (await opHetScherm.jsonValue()) as { zin: string; tellers: T };
}

/** Every count a CSV prints in the columns `telKolom` picks (markers and empty cells left out), with where it stands. */
export function getoondeAantallen(csvs: readonly Csv[], telKolom: (kop: string) => boolean): { waarde: number; waar: string }[] {
  const uit: { waarde: number; waar: string }[] = [];
  for (const c of csvs) {
    c.kop.forEach((k, j) => {
      if (!telKolom(k)) return;
      for (const r of c.rijen) {
        const v = r[j];
        if (v === '' || v === '<10' || v === 'x') continue;
        uit.push({ waarde: Number(v), waar: `${c.titel}: ${k} = ${v}` });
      }
    });
  }
  return uit;
}

/** Go to a Regio's view inside the running app (no reload) and wait until it shows the expected key. */
export async function toonRegioWeergave(page: Page, hash: string, weergave: string, sleutel: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.locator(`[data-regio-weergave="${weergave}"][data-sleutel="${sleutel}"][aria-busy="false"]`).waitFor({ timeout: 120_000 });
  await settle(page, 120_000);
}

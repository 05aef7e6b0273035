/**
 * The page's client of the comparison's disclosure worker, with a hand-built worker whose
 * answers the test sends itself: the latest question wins (an older question is superseded, its
 * late answer dropped), a failure in the worker or of the worker becomes Dutch text, and the
 * worker is stopped when the page is left.
 */
import { describe, expect, test } from 'vitest';
import type { Gebied, Gebieden } from '../src/lib/metrics/beschut-afleiden.ts';
import type { GemeenteRij } from '../src/lib/metrics/beschut-gemeenten.ts';
import type { KaartCel } from '../src/lib/metrics/beschut-voorberekend.ts';
import type { VerborgenCellen } from '../src/pages/beschut-werk/context.ts';
import { isSuperseded } from '../src/lib/query/errors.ts';
import { BeschermingClient, type BeschermingAntwoord, type BeschermingVraag, type Werker } from '../src/pages/beschut-werk/bescherming-client.ts';

class NepWerker implements Werker {
  vragen: BeschermingVraag[] = [];
  gestopt = false;
  onmessage: ((ev: MessageEvent<BeschermingAntwoord>) => void) | null = null;
  onmessageerror: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(vraag: BeschermingVraag): void {
    this.vragen.push(vraag);
  }
  terminate(): void {
    this.gestopt = true;
  }
  antwoord(a: BeschermingAntwoord): void {
    this.onmessage?.({ data: a } as MessageEvent<BeschermingAntwoord>);
  }
  sterf(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const gebied = (code: string, regio: string | null, b: number, p: number): Gebied => ({
  code, naam: code, regio,
  beoordelingen: { gemeente: b, burger: 0, totaal: b },
  positief: { gemeente: p, burger: 0, totaal: p },
  taakstelling: null, plekken: null, plekkenPeildatum: null,
});
const g: Gebieden = { gemeenten: [gebied('GM0001', 'AM01', 12, 7)], regios: [gebied('AM01', 'AM01', 12, 7)], nederland: gebied('NL', null, 12, 7) };

/** Settles to what the promise did, without waiting for anything else. */
async function uitkomst<T>(p: Promise<T>): Promise<{ waarde: T } | { fout: unknown }> {
  try {
    return { waarde: await p };
  } catch (fout) {
    return { fout };
  }
}

describe('BeschermingClient', () => {
  test('sends the units and the period, and gives the hidden ids as sets', async () => {
    const w = new NepWerker();
    const c = new BeschermingClient(w);
    const p = c.bereken(g, '2017-05');
    expect(w.vragen).toEqual([{ id: 1, g, tot: '2017-05' }]);
    w.antwoord({ id: 1, adviezen: ['b|GM0001|burger', 'p|GM0001|burger'], plekken: [] });
    const v = await p;
    expect([...v.adviezen].sort()).toEqual(['b|GM0001|burger', 'p|GM0001|burger']);
    expect(v.plekken.size).toBe(0);
  });

  test('a map\'s comparison: sends the rows and the cells, gives the rows with stand-ins and the hidden ids with the reasons withheld', async () => {
    const w = new NepWerker();
    const c = new BeschermingClient(w);
    const rij: GemeenteRij = { code: 'GM0001', naam: 'GM0001', regio: 'AM01', beoordelingenGemeente: 12, positiefGemeente: 0, beoordelingenBurger: 0, positiefBurger: 0, taakstelling: 4, plekken: null, plekkenPeildatum: null };
    const cellen: KaartCel[] = [{ eenheid: 'GM0001', soort: 'p', aanvrager: 'gemeente', aantal: null, reden: 'geheim' }];
    const p = c.vulIn([rij], cellen, '2017-12');
    expect(w.vragen).toEqual([{ id: 1, tot: '2017-12', kaart: { rijen: [rij], cellen } }]);
    const ingevuld = { ...rij, positiefGemeente: 7 };
    w.antwoord({ id: 1, adviezen: ['p|GM0001|gemeente', 'p|AM01|gemeente'], geheim: ['p|AM01|gemeente'], plekken: [], rijen: [ingevuld] });
    const v = await p;
    expect(v.rijen).toEqual([ingevuld]);
    expect([...v.verborgen.adviezen].sort()).toEqual(['p|AM01|gemeente', 'p|GM0001|gemeente']);
    // The set's `geheim` does not survive postMessage: the client puts it back from the list.
    expect([...((v.verborgen.adviezen as VerborgenCellen).geheim ?? [])]).toEqual(['p|AM01|gemeente']);
  });

  test('the latest question wins: the older one is superseded and its late answer dropped', async () => {
    const w = new NepWerker();
    const c = new BeschermingClient(w);
    const oud = uitkomst(c.bereken(g, '2017-05'));
    const nieuw = c.bereken(g, '2017-06');
    expect(w.vragen.map((v) => [v.id, v.tot])).toEqual([[1, '2017-05'], [2, '2017-06']]);
    const o = await oud;
    expect('fout' in o && isSuperseded(o.fout)).toBe(true);
    // The worker still answers the first question first: that answer must not count for the second.
    w.antwoord({ id: 1, adviezen: ['OUD'], plekken: ['OUD'] });
    w.antwoord({ id: 2, adviezen: ['NIEUW'], plekken: [] });
    const v = await nieuw;
    expect([...v.adviezen]).toEqual(['NIEUW']);
    expect([...v.plekken]).toEqual([]);
  });

  test('an answer that arrives after a newer question was asked does not settle that newer question', async () => {
    const w = new NepWerker();
    const c = new BeschermingClient(w);
    void uitkomst(c.bereken(g, '2017-05'));
    let klaar = false;
    const nieuw = c.bereken(g, '2017-06').then((v) => {
      klaar = true;
      return v;
    });
    w.antwoord({ id: 1, adviezen: ['OUD'], plekken: [] });
    await Promise.resolve();
    await Promise.resolve();
    expect(klaar).toBe(false);
    w.antwoord({ id: 2, adviezen: ['NIEUW'], plekken: [] });
    expect([...(await nieuw).adviezen]).toEqual(['NIEUW']);
    expect(klaar).toBe(true);
  });

  test('a failure in the worker becomes Dutch text; the next question is answered again', async () => {
    const w = new NepWerker();
    const c = new BeschermingClient(w);
    const p = uitkomst(c.bereken(g, '2017-05'));
    w.antwoord({ id: 1, fout: 'Cel b|X|totaal ontbreekt in het stelsel.' });
    const u = await p;
    expect('fout' in u && u.fout instanceof Error ? u.fout.message : null).toBe(
      'De afscherming van kleine aantallen in de vergelijking kon niet worden berekend: Cel b|X|totaal ontbreekt in het stelsel.',
    );
    const q = c.bereken(g, '2017-06');
    w.antwoord({ id: 2, adviezen: [], plekken: ['GM0001'] });
    expect([...(await q).plekken]).toEqual(['GM0001']);
  });

  test('a worker that dies fails the open question and every later one, never leaving one waiting', async () => {
    const w = new NepWerker();
    const c = new BeschermingClient(w);
    const p = uitkomst(c.bereken(g, '2017-05'));
    w.sterf('Out of memory');
    const u = await p;
    expect('fout' in u && u.fout instanceof Error ? u.fout.message : null).toBe(
      'De afscherming van kleine aantallen in de vergelijking kon niet worden berekend: de rekenhulp in de browser stopte (Out of memory).',
    );
    const later = await uitkomst(c.bereken(g, '2017-06'));
    expect('fout' in later && later.fout instanceof Error && !isSuperseded(later.fout) ? later.fout.message : null).toMatch(/^De afscherming van kleine aantallen .*stopte/);
    expect(w.vragen).toHaveLength(1);
  });

  test('leaving the page supersedes the open question and stops the worker', async () => {
    const w = new NepWerker();
    const c = new BeschermingClient(w);
    const p = uitkomst(c.bereken(g, '2017-05'));
    c.sluit();
    const u = await p;
    expect('fout' in u && isSuperseded(u.fout)).toBe(true);
    expect(w.gestopt).toBe(true);
    w.antwoord({ id: 1, adviezen: ['LAAT'], plekken: [] });
    expect(w.vragen).toHaveLength(1);
  });
});

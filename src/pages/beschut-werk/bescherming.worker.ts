/// <reference lib="webworker" />
/**
 * Worker for the comparison's disclosure control (beschermGebieden: the disclosure module on the
 * regions and Nederland, the page's rules on the gemeenten; seconds a period) and, with it,
 * Nederland's year table of the months (seconds for some years: rule 3's exchange), so the page stays
 * responsive while it works; on a voorberekende map the stand-ins of its empty counts
 * (invulling.ts, an integer programme). Answers with the hidden ids; only the newest question waiting is
 * worked on (older ones would be dropped by the page anyway, bescherming-client.ts).
 */
import highsWasm from 'highs/runtime?url';
import { laadHighs } from '../../lib/disclosure/highs.ts';
import publicatieCsv from '../../../data/published/beschut_werk.csv?raw';
import { leesGepubliceerdBeschut } from '../../lib/published/beschut.ts';
import { alsLijst, type BeschermingAntwoord, type BeschermingVraag, type LandMaanden } from './bescherming-client.ts';
import type { Verborgen } from './gebieden.ts';
import { jaarBesluitBinnen, type Besluit } from './queries.ts';
import type { VerborgenCellen } from './context.ts';
import { vulGebieden } from './invulling.ts';
import { beschermGebieden } from './onderdrukking.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// HiGHS solves the audit's larger models (lib/disclosure/highs.ts); should it not load, yalps
// answers them all, slower but the same.
const solver = laadHighs(highsWasm).catch(() => undefined);

let wachtend: BeschermingVraag | null = null;

const gepubliceerd = leesGepubliceerdBeschut(publicatieCsv).cijfers;
const NEDERLAND = { soort: 'nederland', code: 'NL', naam: 'Nederland', regio: null } as const;

/** Nederland's year table, decided as the page's month section would (views.ts maandViewVan reads it). */
function landJaar(land: LandMaanden, tot: string, verborgen: Verborgen): Besluit {
  return jaarBesluitBinnen(NEDERLAND, { tot }, land.rijen, verborgen, gepubliceerd, land.bereik);
}

scope.onmessage = (ev: MessageEvent<BeschermingVraag>) => {
  wachtend = ev.data;
  // After the messages already queued (a burst of questions leaves only the last one waiting),
  // and after the solver has loaded.
  void solver.then(() => setTimeout(werk, 0));
};

function werk(): void {
  const v = wachtend;
  wachtend = null;
  if (!v) return;
  let antwoord: BeschermingAntwoord;
  try {
    if ('kaart' in v) {
      // A voorberekende map: the cells it hides are given; its empty counts need stand-ins.
      const { rijen, verborgen } = vulGebieden(v.kaart.rijen, v.kaart.cellen);
      const geheim = (verborgen.adviezen as VerborgenCellen).geheim ?? [];
      antwoord = { id: v.id, adviezen: [...verborgen.adviezen], geheim: [...geheim], plekken: [...verborgen.plekken], rijen };
    } else {
      const verborgen = beschermGebieden(v.g, v.tot);
      antwoord = { id: v.id, adviezen: [...verborgen.adviezen], plekken: [...verborgen.plekken], ...(v.land ? { land: alsLijst(landJaar(v.land, v.tot, verborgen)) } : {}) };
    }
  } catch (e) {
    antwoord = { id: v.id, fout: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(antwoord);
}

/// <reference lib="webworker" />
/**
 * Worker for the comparison's disclosure control (beschermGebieden: the disclosure module on the
 * regions and Nederland, the page's rules on the gemeenten; seconds a period), so the page stays
 * responsive while it works; on a voorberekende map the stand-ins of its empty counts
 * (invulling.ts, an integer programme). Answers with the hidden ids; only the newest question waiting is
 * worked on (older ones would be dropped by the page anyway, bescherming-client.ts).
 */
import highsWasm from 'highs/runtime?url';
import { laadHighs } from '../../lib/disclosure/highs.ts';
import type { BeschermingAntwoord, BeschermingVraag } from './bescherming-client.ts';
import type { VerborgenCellen } from './context.ts';
import { vulGebieden } from './invulling.ts';
import { beschermGebieden } from './onderdrukking.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// HiGHS solves the audit's larger models (lib/disclosure/highs.ts); should it not load, yalps
// answers them all, slower but the same.
const solver = laadHighs(highsWasm).catch(() => undefined);

let wachtend: BeschermingVraag | null = null;

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
      const { adviezen, plekken } = beschermGebieden(v.g, v.tot);
      antwoord = { id: v.id, adviezen: [...adviezen], plekken: [...plekken] };
    }
  } catch (e) {
    antwoord = { id: v.id, fout: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(antwoord);
}

/**
 * The briefing in the link: `#/briefing?b=…`, compact JSON in base64url (letters, digits, - and _,
 * so the link survives e-mail and chat). Reading never throws: a broken link gives a Dutch
 * reason, a section that cannot be used is left out with a reason and the rest is kept.
 *
 *   { "t": "title (absent: the default)", "s": [[view, params, onderdelen, sjabloon?, waarden?], …] }
 *   onderdelen: 1 = tekst, 2 = grafiek, 4 = tabel (7: all three).
 */
import type { Param } from '../state/url.ts';
import { MAX_SECTIES, MAX_TITEL, STANDAARD_TITEL } from './model.ts';
import { isViewSleutel } from './sleutels.ts';
import type { Briefing, Onderdelen, Sectie } from './types.ts';

/** Longest link value read (30 sections with edited texts fit easily). */
export const MAX_LINK = 60_000;
const MAX_PARAMS = 2_000;
const MAX_SJABLOON = 5_000;

function bits(o: Onderdelen): number {
  return (o.tekst ? 1 : 0) | (o.grafiek ? 2 : 0) | (o.tabel ? 4 : 0);
}

export function codeer(b: Briefing): string {
  const s = b.secties.map((x) => {
    const rij: unknown[] = [x.view, x.params, bits(x.onderdelen)];
    if (x.tekst) rij.push(x.tekst.sjabloon, x.tekst.waarden);
    return rij;
  });
  const json = JSON.stringify(b.titel === STANDAARD_TITEL ? { s } : { t: b.titel, s });
  const bytes = new TextEncoder().encode(json);
  let bin = '';
  for (const byte of bytes) bin += String.fromCharCode(byte);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function leesJson(tekst: string): unknown {
  try {
    if (!/^[A-Za-z0-9_-]*$/.test(tekst)) return undefined;
    const bin = atob(tekst.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

export interface Gelezen {
  /** Null when nothing could be read. */
  briefing: Briefing | null;
  /** Dutch reasons for what was left out. */
  fouten: string[];
}

const isTekst = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

function leesSectie(rij: unknown, nr: number): Sectie | string {
  if (!Array.isArray(rij) || rij.length < 3) return `onderdeel ${nr} is onleesbaar`;
  const [view, params, o, sjabloon, waarden] = rij as unknown[];
  if (typeof view !== 'string' || !isViewSleutel(view)) return `onderdeel ${nr} ('${String(view).slice(0, 40)}') bestaat niet`;
  if (!isTekst(params, MAX_PARAMS)) return `onderdeel ${nr} heeft onleesbare filters`;
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 7) return `onderdeel ${nr} heeft een onbekende keuze van tekst, grafiek en tabel`;
  const sectie: Sectie = { id: `s${nr}`, view, params, onderdelen: { tekst: (o & 1) > 0, grafiek: (o & 2) > 0, tabel: (o & 4) > 0 } };
  if (sjabloon !== undefined) {
    const goed = isTekst(sjabloon, MAX_SJABLOON) && Array.isArray(waarden) && waarden.length <= 100 && waarden.every((w) => isTekst(w, 100));
    if (!goed) return `de bewerkte tekst van onderdeel ${nr} is onleesbaar`;
    sectie.tekst = { sjabloon, waarden: waarden as string[] };
  }
  return sectie;
}

export function decodeer(tekst: string): Gelezen {
  const json = tekst.length <= MAX_LINK ? leesJson(tekst) : undefined;
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !Array.isArray((json as { s?: unknown }).s)) {
    return { briefing: null, fouten: ['de briefing in de link is onleesbaar'] };
  }
  const { t, s } = json as { t?: unknown; s: unknown[] };
  const fouten: string[] = [];
  let titel = STANDAARD_TITEL;
  if (typeof t === 'string' && t.trim() !== '') titel = t.slice(0, MAX_TITEL);
  else if (t !== undefined) fouten.push('de titel is onleesbaar');
  const secties: Sectie[] = [];
  for (const [i, rij] of s.entries()) {
    if (secties.length >= MAX_SECTIES) {
      fouten.push(`alleen de eerste ${MAX_SECTIES} onderdelen zijn gelezen`);
      break;
    }
    const x = leesSectie(rij, i + 1);
    if (typeof x === 'string') fouten.push(`${x} en is weggelaten`);
    else secties.push({ ...x, id: `s${secties.length + 1}` });
  }
  return { briefing: { titel, secties }, fouten };
}

function aantal(n: number): string {
  return n === 1 ? '1 onderdeel' : `${n} onderdelen`;
}

/** The link parameter `b` in the page schema (lib/state/url.ts). */
export function briefingParam(): Param<Briefing | null> {
  return {
    label: 'briefing',
    standaard: null,
    maxLengte: MAX_LINK,
    parse(raw) {
      const { briefing, fouten } = decodeer(raw);
      if (!briefing) return { fout: 'een briefing zoals de knop Deel link die maakt' };
      if (fouten.length > 0) return { waarde: briefing, fout: `een briefing met bekende onderdelen; ${fouten.join('; ')}` };
      return { waarde: briefing };
    },
    serialiseer: (v) => (v === null ? null : codeer(v)),
    toon: (v) => (v === null ? 'de briefing die in deze browser bewaard is' : `'${v.titel}' met ${aantal(v.secties.length)}`),
  };
}

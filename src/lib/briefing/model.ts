/**
 * Changing a briefing: add, remove, move a section, choose what it shows, edit its text or the
 * title. Every function returns a new Briefing (the state lives in the URL; nothing is mutated).
 */
import type { BewerkteTekst, Briefing, Onderdelen, Sectie } from './types.ts';

export const STANDAARD_TITEL = 'Briefing';
export const ALLE_ONDERDELEN: Onderdelen = { tekst: true, grafiek: true, tabel: true };
/** More sections than a letter needs; a link with more is cut here (with a message). */
export const MAX_SECTIES = 30;
export const MAX_TITEL = 200;

export function legeBriefing(): Briefing {
  return { titel: STANDAARD_TITEL, secties: [] };
}

/** The next free id ("s1", "s2", …): ids stay stable when sections move or go. */
export function nieuwId(b: Briefing): string {
  const hoogste = Math.max(0, ...b.secties.map((s) => Number(s.id.slice(1)) || 0));
  return `s${hoogste + 1}`;
}

/** Adds a view at the end; the URL parameters are stored as the page had them. */
export function voegToe(b: Briefing, view: string, params: string): Briefing {
  if (b.secties.length >= MAX_SECTIES) return b;
  const sectie: Sectie = { id: nieuwId(b), view, params: params.replace(/^\?/, ''), onderdelen: { ...ALLE_ONDERDELEN } };
  return { ...b, secties: [...b.secties, sectie] };
}

export function verwijder(b: Briefing, id: string): Briefing {
  return { ...b, secties: b.secties.filter((s) => s.id !== id) };
}

/** Moves a section one place up (-1) or down (+1); at the edge nothing changes. */
export function verplaats(b: Briefing, id: string, richting: -1 | 1): Briefing {
  const i = b.secties.findIndex((s) => s.id === id);
  const j = i + richting;
  if (i < 0 || j < 0 || j >= b.secties.length) return b;
  const secties = [...b.secties];
  [secties[i], secties[j]] = [secties[j], secties[i]];
  return { ...b, secties };
}

function pas(b: Briefing, id: string, f: (s: Sectie) => Sectie): Briefing {
  return { ...b, secties: b.secties.map((s) => (s.id === id ? f(s) : s)) };
}

export function zetOnderdelen(b: Briefing, id: string, onderdelen: Partial<Onderdelen>): Briefing {
  return pas(b, id, (s) => ({ ...s, onderdelen: { ...s.onderdelen, ...onderdelen } }));
}

/** Stores an edited text; null goes back to the drafted text. */
export function zetTekst(b: Briefing, id: string, tekst: BewerkteTekst | null): Briefing {
  return pas(b, id, (s) => {
    const { tekst: _oud, ...rest } = s;
    return tekst ? { ...rest, tekst } : rest;
  });
}

export function zetTitel(b: Briefing, titel: string): Briefing {
  return { ...b, titel: titel.slice(0, MAX_TITEL) };
}

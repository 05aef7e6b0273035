/**
 * The edit model of a drafted paragraph (BewerkteTekst): the user edits the words, never a number.
 * A template holds {0}, {1}, … where the draft had a number, and the number texts as they were
 * when the user edited. Filling the template with freshly computed numbers shows the current
 * figures and says which ones changed, so a recomputation is marked instead of silently kept.
 * Literal braces in the text are doubled ({{ and }}), as in a .NET format string.
 */
import type { BewerkteTekst, TekstDeel } from './types.ts';

/** One part of a filled template: text, or a number with how it relates to the edited one. */
export type GevuldDeel =
  | string
  | {
      getal: string;
      /** Which number of the draft ({0} → 0). */
      index: number;
      /** gelijk: as when edited; gewijzigd: the data changed it; ontbreekt: the draft no longer has it (the old text is shown). */
      status: 'gelijk' | 'gewijzigd' | 'ontbreekt';
      /** The text at the time of editing, when it differs. */
      was?: string;
    };

export interface GevuldeTekst {
  tekst: string;
  delen: GevuldDeel[];
  /** Indexes of numbers whose text is no longer what the user saw ('gewijzigd' or 'ontbreekt'). */
  gewijzigd: number[];
}

const escape = (s: string) => s.replaceAll('{', '{{').replaceAll('}', '}}');

/** The number texts of a drafted paragraph, in order ({0}, {1}, …). */
export function getallen(delen: readonly TekstDeel[]): string[] {
  return delen.flatMap((d) => (typeof d === 'string' ? [] : [d.getal]));
}

/** A drafted paragraph as a template: ["Ruim ", {getal: "87 procent"}, "."] → "Ruim {0}." with ["87 procent"]. */
export function naarSjabloon(delen: readonly TekstDeel[]): BewerkteTekst {
  let i = 0;
  const sjabloon = delen.map((d) => (typeof d === 'string' ? escape(d) : `{${i++}}`)).join('');
  return { sjabloon, waarden: getallen(delen) };
}

/** Splits a template into text and placeholder indexes; unknown braces are kept as text. */
function ontleed(sjabloon: string): (string | number)[] {
  const uit: (string | number)[] = [];
  let tekst = '';
  let vorige = 0;
  for (const m of sjabloon.matchAll(/\{\{|\}\}|\{(\d+)\}/g)) {
    tekst += sjabloon.slice(vorige, m.index);
    vorige = m.index + m[0].length;
    if (m[1] === undefined) tekst += m[0][0];
    else {
      if (tekst) uit.push(tekst);
      tekst = '';
      uit.push(Number(m[1]));
    }
  }
  tekst += sjabloon.slice(vorige);
  if (tekst) uit.push(tekst);
  return uit;
}

/**
 * The edited text with the current numbers (`actueel`, e.g. getallen(freshDraft)). A number the
 * fresh draft no longer has keeps the edited text and is marked 'ontbreekt'.
 */
export function vulSjabloon(tekst: BewerkteTekst, actueel: readonly string[]): GevuldeTekst {
  const gewijzigd = new Set<number>();
  const delen: GevuldDeel[] = ontleed(tekst.sjabloon).map((d) => {
    if (typeof d === 'string') return d;
    const was = tekst.waarden[d] ?? `{${d}}`;
    if (d >= actueel.length) {
      gewijzigd.add(d);
      return { getal: was, index: d, status: 'ontbreekt' };
    }
    if (actueel[d] === was) return { getal: was, index: d, status: 'gelijk' };
    gewijzigd.add(d);
    return { getal: actueel[d], index: d, status: 'gewijzigd', was };
  });
  return {
    tekst: delen.map((d) => (typeof d === 'string' ? d : d.getal)).join(''),
    delen,
    gewijzigd: [...gewijzigd].sort((a, b) => a - b),
  };
}

export interface Bewerking {
  tekst: BewerkteTekst;
  /** Numbers of the draft not found in the edited text (deleted or retyped): their {i} is gone. */
  ontbrekend: number[];
  /** Digits the user typed outside the numbers ("2023", "90"), for a warning: they are not tied to the data. */
  losseGetallen: string[];
}

/**
 * For a plain text field: the edited text back into a template. Each number text of the draft
 * is looked for in order (then anywhere not yet used, for a moved sentence) and becomes {i}.
 */
export function sjabloonUitBewerking(bewerkt: string, waarden: readonly string[]): Bewerking {
  const gevonden: { begin: number; eind: number; index: number }[] = [];
  const bezet = (b: number, e: number) => gevonden.some((g) => b < g.eind && e > g.begin);
  const zoek = (w: string, vanaf: number): number => {
    for (let p = bewerkt.indexOf(w, vanaf); p >= 0; p = bewerkt.indexOf(w, p + 1)) {
      if (!bezet(p, p + w.length)) return p;
    }
    return -1;
  };
  const ontbrekend: number[] = [];
  let cursor = 0;
  waarden.forEach((w, index) => {
    let p = w ? zoek(w, cursor) : -1;
    if (p < 0 && w) p = zoek(w, 0);
    if (p < 0) {
      ontbrekend.push(index);
      return;
    }
    gevonden.push({ begin: p, eind: p + w.length, index });
    cursor = p + w.length;
  });
  gevonden.sort((a, b) => a.begin - b.begin);
  let sjabloon = '';
  let los = '';
  let vorige = 0;
  for (const g of gevonden) {
    const tussen = bewerkt.slice(vorige, g.begin);
    sjabloon += escape(tussen) + `{${g.index}}`;
    los += `${tussen} `;
    vorige = g.eind;
  }
  sjabloon += escape(bewerkt.slice(vorige));
  los += bewerkt.slice(vorige);
  return {
    tekst: { sjabloon, waarden: [...waarden] },
    ontbrekend,
    losseGetallen: [...los.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0]),
  };
}

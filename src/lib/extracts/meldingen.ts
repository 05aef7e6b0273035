import type { ValidationIssue } from '../engine/client-types.ts';

/**
 * The shape of every message about a file: Dutch, short enough to read (at most about 300
 * characters), values from the file cut with "…" and stripped of invisible characters, one message
 * per distinct problem. Technical errors from libraries (English, with stack or SQL text) never
 * reach the user; they become one Dutch sentence.
 */

/** Longest message shown for one problem. */
export const MAX_BERICHT = 300;
/** Longest value from a file quoted in a message. */
const MAX_WAARDE = 40;
/** Longest file name in a message (the extension stays visible). */
const MAX_BESTAND = 60;

/**
 * A value from a file, fit to quote: control characters shown as visible symbols (a NUL byte as
 * ␀, a line break as ↵), cut after MAX_WAARDE characters with "…".
 */
export function kortWaarde(v: unknown, max = MAX_WAARDE): string {
  const s = String(v ?? '')
    .replace(/\r\n|\n|\r/g, '↵')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\u0000' ? '␀' : '�'));
  return knip(s, max);
}

/** A file name for a message: long names keep their start and extension. */
export function kortBestand(naam: string): string {
  const s = kortWaarde(naam, 1_000);
  if (s.length <= MAX_BESTAND) return s;
  const punt = s.lastIndexOf('.');
  const ext = punt > 0 && s.length - punt <= 10 ? s.slice(punt) : '';
  return `${s.slice(0, MAX_BESTAND - ext.length - 1)}…${ext}`;
}

/** Cut a whole message at a word boundary when it is longer than MAX_BERICHT. */
export function beperkBericht(s: string, max = MAX_BERICHT): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const spatie = cut.lastIndexOf(' ');
  return `${spatie > max * 0.7 ? cut.slice(0, spatie) : cut}…`;
}

function knip(s: string, max: number): string {
  const tekens = [...s]; // by code point: never split a surrogate pair
  return tekens.length <= max ? s : `${tekens.slice(0, max - 1).join('')}…`;
}

/**
 * The messages as shown: each at most MAX_BERICHT characters, identical messages once, and at
 * most `max` of them (the rest counted in the last line).
 */
export function netteProblemen(problemen: readonly ValidationIssue[], max = 8): ValidationIssue[] {
  const gezien = new Set<string>();
  const uit: ValidationIssue[] = [];
  for (const p of problemen) {
    const bericht = beperkBericht(p.bericht);
    if (gezien.has(bericht)) continue;
    gezien.add(bericht);
    uit.push({ ...p, bericht });
  }
  if (uit.length <= max) return uit;
  const rest = uit.length - (max - 1);
  return [
    ...uit.slice(0, max - 1),
    { bestand: uit[0].bestand, kolom: null, bericht: `En nog ${rest} andere problemen in ${kortBestand(uit[0].bestand)}.` },
  ];
}

/**
 * A Dutch sentence for an error that was not written for the user (a library, the browser or
 * DuckDB): the English text is dropped, only what it means for the file is said.
 */
export function technischeFout(bestand: string, fase: 'lezen' | 'laden' | 'controleren'): string {
  const b = kortBestand(bestand);
  switch (fase) {
    case 'lezen':
      return (
        `${b} kon niet worden gelezen: het bestand is beschadigd of gebruikt een onderdeel van Parquet dat het dashboard niet kent. ` +
        `Sla het extract opnieuw op als Parquet, bijvoorbeeld met DuckDB (COPY … TO '…' (FORMAT parquet)).`
      );
    case 'laden':
      return `${b} kon niet worden geladen: de rekenmodule kon de waarden niet opslaan. De gegevens die al geladen waren, zijn niet veranderd.`;
    case 'controleren':
      return `${b} kon niet volledig worden gecontroleerd en is daarom niet geladen. Probeer het opnieuw of laad de pagina opnieuw.`;
  }
}

/**
 * Dutch (nl-NL) presentation of numbers, percentages, euros, quarters and dates.
 * One module so that a chart label, a table cell, a CSV cell and a briefing sentence show
 * the same figure the same way. Formatters with Intl are cached: creating them is slow.
 */
import { parseKwartaal } from '../kwartaal.ts';

const LOCALE = 'nl-NL';
const cache = new Map<string, Intl.NumberFormat>();

function nf(min: number, max: number, style: 'decimal' | 'percent' = 'decimal', grouping = true): Intl.NumberFormat {
  const key = `${style}|${min}|${max}|${grouping}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, {
      style,
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
    });
    cache.set(key, f);
  }
  return f;
}

function checkDecimalen(d: number): number {
  if (!Number.isInteger(d) || d < 0 || d > 6) throw new Error(`Ongeldig aantal decimalen: ${d}`);
  return d;
}

/** 15847 → "15.847"; 1234.5 with 1 decimal → "1.234,5". Fixed number of decimals. */
export function formatAantal(n: number, decimalen = 0): string {
  const d = checkDecimalen(decimalen);
  return nf(d, d).format(normaliseerNul(n, d));
}

/** Plain number with decimal comma and no thousands separator (CSV cells, years). */
export function formatGetal(n: number, decimalen = 0): string {
  const d = checkDecimalen(decimalen);
  return nf(d, d, 'decimal', false).format(normaliseerNul(n, d));
}

/** A share given as a fraction: 0.165 → "16,5%" (1 decimal by default); 0.87 with 0 → "87%". */
export function formatPct(fractie: number, decimalen = 1): string {
  const d = checkDecimalen(decimalen);
  return nf(d, d, 'percent').format(normaliseerNul(fractie, d + 2));
}

/**
 * A fraction as a bare percentage number for CSV cells: 0.165 → "16,5". Rounded by the same
 * Intl percent formatter as formatPct, so a CSV cell never differs from the table cell.
 */
export function formatPctGetal(fractie: number, decimalen = 1): string {
  const d = checkDecimalen(decimalen);
  return nf(d, d, 'percent', false)
    .format(normaliseerNul(fractie, d + 2))
    .replace(/\s*%$/, '');
}

/** Percentage points for a difference: 0.021 → "+2,1 procentpunt". */
export function formatProcentpunt(fractie: number, decimalen = 1): string {
  const d = checkDecimalen(decimalen);
  const v = normaliseerNul(fractie * 100, d);
  const teken = v > 0 ? '+' : '';
  return `${teken}${nf(d, d).format(v)} procentpunt`;
}

/** A signed count for differences: 15847 → "+15.847", -350 → "-350". */
export function formatVerschil(n: number, decimalen = 0): string {
  const d = checkDecimalen(decimalen);
  const v = normaliseerNul(n, d);
  return `${v > 0 ? '+' : ''}${nf(d, d).format(v)}`;
}

export type EuroSchaal = 'auto' | 'euro' | 'mln' | 'mld';

/**
 * Euros (the input is in whole euros): 270e6 → "€ 270 mln", 5.8e9 → "€ 5,8 mld", 12345 → "€ 12.345".
 * 'auto' picks mld from one billion and mln from one million; mld gets 1 decimal, the rest 0.
 */
export function formatEuro(euros: number, opties: { schaal?: EuroSchaal; decimalen?: number } = {}): string {
  const abs = Math.abs(euros);
  let schaal = opties.schaal ?? 'auto';
  if (schaal === 'auto') schaal = abs >= 1e9 ? 'mld' : abs >= 1e6 ? 'mln' : 'euro';
  const deler = schaal === 'mld' ? 1e9 : schaal === 'mln' ? 1e6 : 1;
  const d = checkDecimalen(opties.decimalen ?? (schaal === 'mld' ? 1 : 0));
  const getal = nf(d, d).format(normaliseerNul(euros / deler, d));
  return schaal === 'euro' ? `€ ${getal}` : `€ ${getal} ${schaal}`;
}

const RANGTELWOORD = ['eerste', 'tweede', 'derde', 'vierde'] as const;

function kwartaalDelen(k: string): { jaar: number; kwartaal: 1 | 2 | 3 | 4 } {
  const p = parseKwartaal(k);
  if (!p) throw new Error(`Ongeldig kwartaal: "${k}" (verwacht bijvoorbeeld 2021Q3)`);
  return p;
}

/** '2021Q3' → "3e kwartaal 2021" (table cells, axis titles). */
export function formatKwartaal(k: string): string {
  const p = kwartaalDelen(k);
  return `${p.kwartaal}e kwartaal ${p.jaar}`;
}

/** '2021Q3' → "K3 2021" (axis ticks). */
export function formatKwartaalKort(k: string): string {
  const p = kwartaalDelen(k);
  return `K${p.kwartaal} ${p.jaar}`;
}

/** '2021Q3' → "derde kwartaal van 2021" (sentences in the style of the letters to parliament). */
export function formatKwartaalVoluit(k: string): string {
  const p = kwartaalDelen(k);
  return `${RANGTELWOORD[p.kwartaal - 1]} kwartaal van ${p.jaar}`;
}

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * '2022-09-30' → "30-09-2022". Dates travel through the app as ISO strings (see engine/rows.ts);
 * a Date is read in UTC so a midnight-UTC date does not shift a day in Amsterdam.
 */
export function formatDatum(d: string | Date): string {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new Error('Ongeldige datum');
    return formatDatum(d.toISOString().slice(0, 10));
  }
  const m = ISO_DATUM.exec(d);
  if (!m) throw new Error(`Ongeldige datum: "${d}" (verwacht jjjj-mm-dd)`);
  const check = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (check.getUTCDate() !== Number(m[3]) || check.getUTCMonth() !== Number(m[2]) - 1) {
    throw new Error(`Ongeldige datum: "${d}"`);
  }
  return `${m[3]}-${m[2]}-${m[1]}`;
}

export const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

/** '2017-12-31' → '31 december 2017' (a date in a sentence or a letter). */
export function formatDatumVoluit(iso: string): string {
  const [j, m, dag] = iso.split('-');
  return `${Number(dag)} ${MAANDEN[Number(m) - 1]} ${j}`;
}

/** Peildatum for a source line: an ISO date is formatted, a period text ("2015–2017") is kept. */
export function formatPeildatum(p: string): string {
  return ISO_DATUM.test(p) ? formatDatum(p) : p;
}

/** Avoid "-0" after rounding (e.g. -0.0004 with 0 decimals). */
function normaliseerNul(n: number, decimalen: number): number {
  if (!Number.isFinite(n)) throw new Error(`Geen eindig getal: ${n}`);
  const f = 10 ** decimalen;
  return Math.round(Math.abs(n) * f) === 0 ? 0 : n;
}

/**
 * CSV in the conventions of Dutch Excel: `;` as separator, decimal comma, UTF-8 with BOM (so
 * Excel reads "€" and "ë" right), CRLF line ends. Numbers are written without thousands
 * separators so Excel reads them as numbers. Text cells that Excel would run as a formula
 * (starting with = + - @ TAB CR) are neutralised with a leading apostrophe. Suppressed cells are
 * written as "<10" / "x", never as numbers.
 */
import { isOnderdrukt, onderdruktTekst } from '../format/disclosure.ts';
import { formatDatum, formatGetal, formatKwartaal, formatPctGetal } from '../format/nl.ts';
import { bronRegel, LABEL_SYNTHETISCH, toelichtingen, type ChartData, type Kolom } from '../charts/spec.ts';

export const BOM = '\uFEFF';
export const SCHEIDING = ';';
export const REGELEINDE = '\r\n';

const FORMULE_START = /^[=+\-@\t\r]/;

/** One text cell: neutralised when it could start a formula, quoted when it holds ; " CR or LF. */
export function csvCel(tekst: string): string {
  let t = FORMULE_START.test(tekst) ? `'${tekst}` : tekst;
  if (/[;"\r\n]/.test(t)) t = `"${t.replaceAll('"', '""')}"`;
  return t;
}

/** One value in a typed column, as written to the CSV. Numbers are never neutralised (-350 stays a number). */
export function csvWaarde(v: unknown, k: Kolom): string {
  if (isOnderdrukt(v)) return onderdruktTekst(v);
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    switch (k.type) {
      case 'pct':
        return formatPctGetal(v, k.decimalen ?? 1);
      case 'aantal':
      case 'euro':
        return formatGetal(v, k.decimalen ?? 0);
      case 'jaar':
        return formatGetal(v, 0);
      default:
        return csvCel(String(v));
    }
  }
  if (k.type === 'kwartaal') return csvCel(formatKwartaal(String(v)));
  if (k.type === 'datum') return csvCel(formatDatum(String(v)));
  return csvCel(String(v));
}

/** Column header: the unit is added for shares and euros because the cells hold bare numbers. */
export function csvKop(k: Kolom): string {
  if (k.type === 'pct' && !/%/.test(k.label)) return `${k.label} (%)`;
  if (k.type === 'euro' && !/€/.test(k.label)) return `${k.label} (€)`;
  return k.label;
}

function regel(cellen: string[]): string {
  return cellen.join(SCHEIDING) + REGELEINDE;
}

/**
 * The whole export: title, subtitle, source line and (if synthetic) a warning, an empty line,
 * the table, and then the footnotes and per-figure sources.
 */
export function naarCsv(data: ChartData): string {
  let uit = BOM;
  uit += regel([csvCel(data.titel)]);
  if (data.ondertitel) uit += regel([csvCel(data.ondertitel)]);
  uit += regel([csvCel(bronRegel(data))]);
  if (data.synthetisch) uit += regel([csvCel(`Let op: ${LABEL_SYNTHETISCH}, geen gepubliceerde cijfers`)]);
  uit += REGELEINDE;
  uit += regel(data.kolommen.map((k) => csvCel(csvKop(k))));
  for (const rij of data.rijen) uit += regel(data.kolommen.map((k) => csvWaarde(rij[k.key], k)));
  const noten = toelichtingen(data);
  const bronnen = data.bronnen ?? [];
  if (noten.length || bronnen.length) uit += REGELEINDE;
  for (const n of noten) uit += regel([csvCel(n)]);
  if (bronnen.length) {
    uit += regel([csvCel('Bronnen'), csvCel('Document'), csvCel('Adres'), csvCel('Citaat')]);
    for (const b of bronnen) uit += regel([csvCel(b.label), csvCel(b.document ?? ''), csvCel(b.url ?? ''), csvCel(b.citaat ?? '')]);
  }
  return uit;
}

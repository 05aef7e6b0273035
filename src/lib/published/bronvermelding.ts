/**
 * Turns the raw `source` value of a published figure (data/published/*.csv) into a citation a
 * reader understands: the document it comes from, a link where there is one, and the quote.
 * A user never sees a file name, a repository path or a note meant for the maintainers.
 *
 * Kinds of source value, and how they are cited:
 * - a local parliamentary letter, named by its file ("001_….txt (…)"): the letter's citation
 *   from data/published/bronnen.csv (copied into BRIEVEN below, kept equal by a test);
 * - an official publication (Staatscourant, Kamerstuk, Raad van State, Rijksbegroting): its
 *   official citation, with the link;
 * - the publisher's own site (uwv.nl, rijksoverheid.nl, seo.nl): the publisher, with the link;
 * - any other site that repeats the figures: "<publisher>, via <site>", with the link;
 * - the gemeente → arbeidsmarktregio list (a GitHub copy of a CBS table): the CBS table itself.
 * No fs or `?raw` import here: Node notebooks use this module too.
 */
import type { BronVermelding } from '../charts/spec.ts';

export interface Citatie {
  /** The document as a reader names it, e.g. "UWV, via schulinck.nl". */
  label: string;
  url?: string;
  /** The exact passage the figure was read from (empty for the gemeente list, which has none). */
  citaat: string;
}

/** data/published/bronnen.csv: file name → `citeervorm`. */
export const BRIEVEN: Readonly<Record<string, string>> = {
  '000_a253cc150aebe1f8.txt': 'Brief van de staatssecretaris van SZW aan de Eerste Kamer, 7 september 2018 (34 775, AK)',
  '001_9d1258d406176e72.txt': 'Brief van de staatssecretaris van SZW aan de Eerste Kamer, 30 juni 2017 (Kamerstukken I, 33 981, N)',
  '002_d98c3f931cbfbd67.txt': 'Brief van de minister voor Armoedebeleid, Participatie en Pensioenen aan de Tweede Kamer (Kamerstukken II 2023/24, 34 352, nr. 310)',
  '003_30e8b1aae035985f.txt': "Brief van de staatssecretaris van SZW aan de Tweede Kamer over 'simpel switchen' in de participatieketen, december 2018",
  '004_c36f50d6180ff936.txt': 'Brief van de staatssecretaris van SZW aan de Eerste Kamer over vijf onderzoeken, 2019 (34 352, F)',
};

/** Sites whose pages are the publisher's own publication (no "via"). */
const EIGEN_SITE: Readonly<Record<string, string>> = {
  'uwv.nl': 'UWV',
  'rijksoverheid.nl': 'Rijksoverheid',
  'seo.nl': 'SEO Economisch Onderzoek',
};

/** "(bron: …)" notes in the files, as a reader would say where the site took the text from. */
const OVERGENOMEN_VAN: Readonly<Record<string, string>> = {
  'Divosa.nl': 'divosa.nl',
  'website Cedris': 'de website van Cedris',
  PZC: 'de PZC',
};

/** Parts of a note that are meant for maintainers, not for readers. */
const ONTWIKKELTEKST = /SOURCES\.md|\.txt\b|github|search-index/i;

/**
 * The citation of one raw source value. `uitgever` is who published the figures of that file
 * (UWV, SZW): a secondary site is shown as "<uitgever>, via <site>". Throws on a letter that is
 * not in BRIEVEN or a GitHub source that does not name its CBS table: both would show a file.
 */
export function citeer(source: string, citaat = '', uitgever = 'UWV'): Citatie {
  const s = source.trim();
  const brief = /^(\d{3}_[0-9a-f]+\.txt)\b/.exec(s);
  if (brief) {
    const label = BRIEVEN[brief[1]];
    if (!label) throw new Error(`Brief ${brief[1]} staat niet in bronnen.csv`);
    return { label, citaat };
  }
  const m = /^(https?:\/\/\S+)\s*(?:\((.*)\))?/s.exec(s);
  if (!m) throw new Error(`Bron is geen brief en geen adres: "${s}"`);
  const url = m[1];
  const noot = m[2]?.trim() ?? '';
  const host = new URL(url).hostname.replace(/^www\./, '');
  if (host === 'github.com') return cbsTabel(s, citaat);
  const officieel = officieleTitel(host, new URL(url).pathname, noot);
  if (officieel) return { label: officieel, url, citaat };

  const eigen = EIGEN_SITE[host] ?? (host.endsWith('uwvjaarverslag.nl') ? jaarverslag(host) : undefined);
  const overgenomen = /^bron:\s*(.+)$/i.exec(noot);
  const extra = overgenomen
    ? `overgenomen van ${OVERGENOMEN_VAN[overgenomen[1].trim()] ?? overgenomen[1].trim()}`
    : lezersNoot(noot);
  const label = (eigen ?? `${uitgever}, via ${host}`) + (extra ? ` (${extra})` : '');
  return { label, url, citaat };
}

/** The per-figure source entry of a chart: which figure, and the document it comes from. */
export function bronVermelding(label: string, c: Citatie): BronVermelding {
  return { label, document: c.label, ...(c.url ? { url: c.url } : {}), ...(c.citaat ? { citaat: c.citaat } : {}) };
}

/** A note without its maintainer clauses ("…, zie SOURCES.md"). */
function lezersNoot(noot: string): string {
  return noot
    .split(';')
    .map((deel) => deel.split(',').filter((c) => !ONTWIKKELTEKST.test(c)).join(',').trim())
    .filter(Boolean)
    .join('; ');
}

function jaarverslag(host: string): string {
  const jaar = /^(\d{4})\./.exec(host);
  return jaar ? `UWV, jaarverslag ${jaar[1]}` : 'UWV, jaarverslag';
}

/** Official citation of a government publication, or null when the address is not one. */
function officieleTitel(host: string, pad: string, noot: string): string | null {
  if (host === 'zoek.officielebekendmakingen.nl') {
    const stcrt = /stcrt-(\d{4})-(\d+)/.exec(pad);
    if (stcrt) {
      // The note holds the regulation's title, followed by its short citation "Stcrt. 2017, 4882".
      const titel = noot.replace(/,?\s*Stcrt\..*$/, '').trim();
      return `${titel ? `${titel}, ` : ''}Staatscourant ${stcrt[1]}, ${stcrt[2]}`;
    }
    const kst = /kst-(\d{5})-(\d+)/.exec(pad);
    if (kst) return `Kamerstukken II, ${dossier(kst[1])}, nr. ${kst[2]}`;
  }
  if (host === 'raadvanstate.nl') {
    const advies = /\/(w\d{2})-(\d{2})-(\d{4})-([ivx]+)\/?$/i.exec(pad);
    if (advies) return `Raad van State, advies ${advies[1].toUpperCase()}.${advies[2]}.${advies[3]}/${advies[4].toUpperCase()}`;
  }
  if (host === 'rijksfinancien.nl') {
    const mvt = /memorie-van-toelichting\/(\d{4})\/(\d)SUPP\/XV\//.exec(pad);
    if (mvt) return `${mvt[2] === '1' ? 'Eerste' : 'Tweede'} suppletoire begroting SZW ${mvt[1]}, memorie van toelichting`;
  }
  return null;
}

/** "34352" → "34 352", as Kamerstukken are cited. */
function dossier(nr: string): string {
  return `${nr.slice(0, 2)} ${nr.slice(2)}`;
}

/** The gemeente list is a GitHub copy of a CBS table; cite the CBS table it names. */
function cbsTabel(source: string, citaat: string): Citatie {
  const m = /CBS (\w+) '([^']+)'/.exec(source);
  if (!m) throw new Error('GitHub-bron zonder CBS-tabel: niet te citeren');
  return { label: `CBS, ${m[2]}`, url: `https://opendata.cbs.nl/statline/#/CBS/nl/dataset/${m[1]}`, citaat };
}

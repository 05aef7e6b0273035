import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIEVEN, bronVermelding, citeer } from '../src/lib/published/bronvermelding.ts';
import { parseCsv } from '../src/lib/published/csv.ts';
import { citatieVan, parsePublishedSet, PUBLISHED_FILES, type PublishedFile } from '../src/lib/published/reference.ts';

const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');
const teksten = Object.fromEntries(PUBLISHED_FILES.map((f) => [f, lees(`${f}.csv`)])) as Record<PublishedFile, string>;

/** What a reader must never see in a citation. */
const VERBODEN = [/\.txt\b/i, /github/i, /\b\d{3}_[0-9a-f]{6,}/i, /SOURCES\.md/i, /search-index/i, /data\/published/i, /\.json\b/i];

function schoon(tekst: string): boolean {
  return VERBODEN.every((re) => !re.test(tekst));
}

describe('citation of a published figure', () => {
  it('knows every published CSV (bronnen.csv is the list of letters itself)', () => {
    const csvs = readdirSync(new URL('../data/published/', import.meta.url)).filter((f) => f.endsWith('.csv') && f !== 'bronnen.csv');
    expect(csvs.map((f) => f.replace(/\.csv$/, '')).sort()).toEqual([...PUBLISHED_FILES].sort());
  });

  it('cites every row of every published file without file name, .txt, GitHub or repository path', () => {
    let rijen = 0;
    for (const f of PUBLISHED_FILES) {
      for (const r of parseCsv(teksten[f], f)) {
        const c = citatieVan(f, r.source, r.quote ?? '');
        expect(schoon(c.label), `${f}: ${r.source} → ${c.label}`).toBe(true);
        if (c.url) {
          expect(c.url).toMatch(/^https?:\/\/[^\s()]+$/);
          expect(c.url).not.toMatch(/github/);
        }
        expect(c.citaat).toBe(r.quote ?? '');
        rijen++;
      }
    }
    // 73 + 48 + 29 + 34 + 38 + 44 + 66 + 35 + 342 + 15 rows (SOURCES.md).
    expect(rijen).toBe(724);
  });

  it('gives the parsed rows their citation', () => {
    const set = parsePublishedSet(teksten);
    const alle = [...set.realisatie, ...set.aanvullend, ...set.doelen, ...set.register, ...set.duurzaamheid, ...set.beschut, ...set.buig, ...set.regionaleGroei, ...set.pBudget];
    expect(alle.every((r) => schoon(r.citatie.label) && r.citatie.citaat === r.quote)).toBe(true);
    expect(new Set(set.gemeenten.map((g) => g.citatie.label))).toEqual(new Set(['CBS, Gebieden in Nederland 2026']));
  });

  it('cites a local letter by its citation in bronnen.csv', () => {
    expect(citeer('001_9d1258d406176e72.txt (brief staatssecretaris SZW aan Eerste Kamer, 30 juni 2017, 33 981 N)', 'q')).toEqual({
      label: 'Brief van de staatssecretaris van SZW aan de Eerste Kamer, 30 juni 2017 (Kamerstukken I, 33 981, N)',
      citaat: 'q',
    });
  });

  it('cites a secondary site as "<publisher>, via <site>" and keeps only the reader\'s part of its note', () => {
    expect(citeer('https://www.schulinck.nl/sociaal-domein-nieuws-uwv-60-525-extra-banen-gecreeerd-binnen-de-banenafspraak/', 'q', 'UWV')).toEqual({
      label: 'UWV, via schulinck.nl',
      url: 'https://www.schulinck.nl/sociaal-domein-nieuws-uwv-60-525-extra-banen-gecreeerd-binnen-de-banenafspraak/',
      citaat: 'q',
    });
    const szw = 'https://www.nieuwsszw.nl/60525-extra-banen-gecreeerd-voor-mensen-met-een-arbeidsbeperking/';
    expect(citeer(`${szw} (bericht 6 augustus 2021; datum in bron luidt 31 maart 2020, zie SOURCES.md)`, 'q', 'SZW')).toEqual({
      label: 'SZW, via nieuwsszw.nl (bericht 6 augustus 2021; datum in bron luidt 31 maart 2020)',
      url: szw,
      citaat: 'q',
    });
    expect(citeer('https://www.handhavingvanonderop.nl/tekort-bijstandsbudget/ (bron: Divosa.nl)', '', 'SZW').label).toBe(
      'SZW, via handhavingvanonderop.nl (overgenomen van divosa.nl)',
    );
  });

  it('cites the Staatscourant regulation by its official citation', () => {
    expect(citeer('https://zoek.officielebekendmakingen.nl/stcrt-2017-4882.html (Regeling vaststelling aantallen beschut werk 2017, Stcrt. 2017, 4882)', 'Som 2600')).toEqual({
      label: 'Regeling vaststelling aantallen beschut werk 2017, Staatscourant 2017, 4882',
      url: 'https://zoek.officielebekendmakingen.nl/stcrt-2017-4882.html',
      citaat: 'Som 2600',
    });
  });

  it('cites the gemeente list by the CBS table behind the GitHub copy', () => {
    const [rij] = parseCsv(teksten.gemeenten_arbeidsmarktregio);
    expect(citatieVan('gemeenten_arbeidsmarktregio', rij.source)).toEqual({
      label: 'CBS, Gebieden in Nederland 2026',
      url: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/86247NED',
      citaat: '',
    });
  });

  it("cites the publisher's own site and official documents without \"via\"", () => {
    expect(citeer('https://www.uwv.nl/nl/nieuws/uwv-77-673-extra-banen-gecreeerd-binnen-de-banenafspraak', 'q', 'SZW').label).toBe('UWV');
    expect(citeer('https://zoek.officielebekendmakingen.nl/kst-34352-113.html').label).toBe('Kamerstukken II, 34 352, nr. 113');
    expect(citeer('https://www.raadvanstate.nl/adviezen/@123676/w12-20-0470-iii/').label).toBe('Raad van State, advies W12.20.0470/III');
    expect(citeer('https://www.rijksfinancien.nl/memorie-van-toelichting/2024/1SUPP/XV/onderdeel/2767148').label).toBe(
      'Eerste suppletoire begroting SZW 2024, memorie van toelichting',
    );
    expect(citeer('https://2017.uwvjaarverslag.nl/jaarverslag-2017/s1083_gegevensbeheer/x').label).toBe('UWV, jaarverslag 2017');
  });

  it('refuses what it cannot cite without showing a file', () => {
    expect(() => citeer('999_0123456789abcdef.txt (brief)')).toThrow('Brief 999_0123456789abcdef.txt staat niet in bronnen.csv');
    expect(() => citeer('https://github.com/x/y/blob/main/data.json')).toThrow('GitHub-bron zonder CBS-tabel');
    expect(() => citeer('zie notitie')).toThrow('Bron is geen brief en geen adres');
  });

  it('keeps BRIEVEN equal to data/published/bronnen.csv', () => {
    const rijen = parseCsv(lees('bronnen.csv'), 'bronnen.csv');
    expect(Object.fromEntries(rijen.map((r) => [r.bron, r.citeervorm]))).toEqual(BRIEVEN);
  });

  it('makes a chart source entry from a figure label and its citation', () => {
    expect(bronVermelding('Doel 2025, totaal: 125.000', { label: 'Kamerstukken II, 34 352, nr. 113', url: 'https://x.nl/a', citaat: 'q' })).toEqual({
      label: 'Doel 2025, totaal: 125.000',
      document: 'Kamerstukken II, 34 352, nr. 113',
      url: 'https://x.nl/a',
      citaat: 'q',
    });
    expect(bronVermelding('Figuur', { label: 'Brief', citaat: '' })).toEqual({ label: 'Figuur', document: 'Brief' });
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCel, csvWaarde, naarCsv } from '../src/lib/export/csv.ts';
import { KLEIN, AFGELEID } from '../src/lib/format/disclosure.ts';
import { leesDoelen, leesRealisatie, realisatieTegenDoelen } from '../src/lib/published/banenafspraak.ts';
import { voorbeeld } from './fixtures/chart-data.ts';

const GOLDEN = new URL('./golden/', import.meta.url);

/** Compares byte for byte; UPDATE_GOLDEN=1 rewrites the file (then read the diff before committing). */
function vergelijkGolden(naam: string, tekst: string) {
  const pad = new URL(naam, GOLDEN);
  const bytes = Buffer.from(tekst, 'utf8');
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(pad, bytes);
  expect(bytes.equals(readFileSync(pad))).toBe(true);
}

describe('CSV in Dutch Excel conventions', () => {
  it('neutralises cells that would start a formula', () => {
    expect(csvCel('=SOM(A1:A9)')).toBe("'=SOM(A1:A9)");
    expect(csvCel('+31 6')).toBe("'+31 6");
    expect(csvCel('-min')).toBe("'-min");
    expect(csvCel('@cmd')).toBe("'@cmd");
    expect(csvCel('\tTab')).toBe("'\tTab");
    expect(csvCel('\rx')).toBe(`"'\rx"`);
    expect(csvCel('Wajong')).toBe('Wajong');
  });
  it('quotes cells with separator, quote or line break', () => {
    expect(csvCel('a;b')).toBe('"a;b"');
    expect(csvCel('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCel('twee\nregels')).toBe('"twee\nregels"');
  });
  it('writes numbers with a decimal comma and no grouping, negatives not neutralised', () => {
    expect(csvWaarde(15847, { key: 'n', label: 'n', type: 'aantal' })).toBe('15847');
    expect(csvWaarde(-350, { key: 'n', label: 'n', type: 'aantal' })).toBe('-350');
    expect(csvWaarde(0.165, { key: 'p', label: 'p', type: 'pct' })).toBe('16,5');
    expect(csvWaarde(0.8765, { key: 'p', label: 'p', type: 'pct', decimalen: 2 })).toBe('87,65');
    expect(csvWaarde(5.8e9, { key: 'e', label: 'e', type: 'euro' })).toBe('5800000000');
    expect(csvWaarde('2021Q3', { key: 'k', label: 'k', type: 'kwartaal' })).toBe('3e kwartaal 2021');
    expect(csvWaarde('2022-09-30', { key: 'd', label: 'd', type: 'datum' })).toBe('30-09-2022');
  });
  it('exports suppressed cells as "<10" and "x", never as numbers', () => {
    expect(csvWaarde(KLEIN, { key: 'n', label: 'n', type: 'aantal' })).toBe('<10');
    expect(csvWaarde(AFGELEID, { key: 'p', label: 'p', type: 'pct' })).toBe('x');
    const csv = naarCsv(voorbeeld);
    const rij = csv.split('\r\n').find((r) => r.startsWith('WIW/ID'));
    expect(rij).toBe('WIW/ID;4e kwartaal 2021;<10;x;;31-12-2022');
  });
  it('starts with a BOM, ends lines with CRLF and carries title, source, peildatum and the synthetic label', () => {
    const csv = naarCsv(voorbeeld);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(true); // only inside the one quoted cell
    const regels = csv.slice(1).split('\r\n');
    expect(regels.slice(0, 5)).toEqual([
      '"Werkzaam na een jaar; per achtergrond"',
      'Cohort 3e kwartaal 2021, horizon 4 kwartalen',
      '"Bron: UWV, bewerking SZW; peildatum 30-09-2022"',
      'Let op: synthetische demodata, geen gepubliceerde cijfers',
      '',
    ]);
    expect(regels[5]).toBe('Groep;Kwartaal;Personen;Werkzaam (%);Budget (€);Peildatum');
  });
  it('matches the golden file for the hand-made example', () => {
    vergelijkGolden('voorbeeld.csv', naarCsv(voorbeeld));
  });
  it('matches the golden file for the published banenafspraak chart', () => {
    const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');
    const data = realisatieTegenDoelen(leesRealisatie(lees('banenafspraak_realisatie.csv')), leesDoelen(lees('banenafspraak_doelen.csv')));
    vergelijkGolden('banenafspraak-realisatie.csv', naarCsv(data));
  });
});

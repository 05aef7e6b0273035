/** The message rules (src/lib/extracts/meldingen.ts): values cut and made visible, messages short and deduplicated. */
import { expect, test } from 'vitest';
import { beperkBericht, kortBestand, kortWaarde, MAX_BERICHT, netteProblemen, technischeFout } from '../src/lib/extracts/meldingen.ts';

test('a value is cut after 40 characters with …, line breaks and NUL bytes made visible', () => {
  expect(kortWaarde('a'.repeat(1_000_000))).toBe(`${'a'.repeat(39)}…`);
  expect(kortWaarde('Waj\u0000ong\nx')).toBe('Waj␀ong↵x');
  expect(kortWaarde('kort')).toBe('kort');
  // A surrogate pair is never split.
  expect(kortWaarde('😀'.repeat(50))).toBe(`${'😀'.repeat(39)}…`);
});

test('a long file name keeps its start and extension', () => {
  const naam = `${'x'.repeat(200)}.parquet`;
  expect(kortBestand(naam)).toBe(`${'x'.repeat(51)}….parquet`);
  expect(kortBestand(naam)).toHaveLength(60);
  expect(kortBestand('panel.parquet')).toBe('panel.parquet');
});

test('a message is cut at a word boundary at 300 characters', () => {
  const lang = 'woord '.repeat(100).trim();
  const kort = beperkBericht(lang);
  expect(kort.length).toBeLessThanOrEqual(MAX_BERICHT);
  expect(kort.endsWith('woord…')).toBe(true);
  expect(beperkBericht('kort.')).toBe('kort.');
});

test('identical messages once, at most eight, the rest counted', () => {
  const p = (bericht: string) => ({ bestand: 'x.parquet', kolom: null, bericht });
  expect(netteProblemen([p('a'), p('a'), p('b')]).map((x) => x.bericht)).toEqual(['a', 'b']);
  const veel = netteProblemen(Array.from({ length: 20 }, (_, i) => p(`probleem ${i}`)));
  expect(veel).toHaveLength(8);
  expect(veel[7].bericht).toBe('En nog 13 andere problemen in x.parquet.');
});

test('a technical failure becomes a Dutch sentence without the technical text', () => {
  expect(technischeFout('x.parquet', 'lezen')).toMatch(/^x\.parquet kon niet worden gelezen: het bestand is beschadigd/);
  expect(technischeFout('x.parquet', 'laden')).toContain('zijn niet veranderd');
});

import { describe, expect, it } from 'vitest';
import { loadManifest, parseManifest } from '../src/lib/extracts/manifest.ts';

const entry = (over: Record<string, unknown> = {}) => ({
  file: 'extracts/beschut_plekken.parquet',
  schemaVersion: 1,
  title: 'Plekken beschut werk',
  description: 'Synthetische plekken per gemeente',
  source: 'Synthetische demodata (seed 20130101), gekalibreerd op gepubliceerde cijfers van UWV en SZW',
  synthetic: true,
  seed: 20130101,
  generatorVersion: '1.0.0',
  peildatumVan: '2016-12-31',
  peildatumTot: '2024-12-31',
  rows: 3420,
  bytes: 20480,
  sha256: 'a'.repeat(64),
  ...over,
});

describe('manifest', () => {
  it('reads extracts keyed by name and returns them in contract order', () => {
    const m = parseManifest({
      generatedAt: '2026-11-22T10:00:00Z',
      extracts: { beschut_plekken: entry(), doelgroep_kwartaal: entry({ file: 'extracts/doelgroep_kwartaal.parquet', rows: 11_000_000 }) },
    });
    expect(m.generatedAt).toBe('2026-11-22T10:00:00Z');
    expect(m.extracts.map((e) => [e.name, e.rows])).toEqual([
      ['doelgroep_kwartaal', 11_000_000],
      ['beschut_plekken', 3420],
    ]);
  });

  it('reads an array of entries with a name field', () => {
    expect(parseManifest({ extracts: [{ name: 'beschut_plekken', ...entry() }] }).extracts[0].seed).toBe(20130101);
  });

  it('refuses a file outside extracts/ (no other origin, no ..)', () => {
    expect(() => parseManifest({ extracts: { beschut_plekken: entry({ file: 'https://cdn.example.org/x.parquet' }) } })).toThrow(
      "data/manifest.json, extract beschut_plekken, veld file: 'https://cdn.example.org/x.parquet' ligt niet in extracts/",
    );
    expect(() => parseManifest({ extracts: { beschut_plekken: entry({ file: 'extracts/../../x.parquet' }) } })).toThrow(/veld file/);
  });

  it('names the field and value that are wrong', () => {
    expect(() => parseManifest({ extracts: { beschut_plekken: entry({ rows: -1 }) } })).toThrow(
      'data/manifest.json, extract beschut_plekken, veld rows: verwacht een aantal rijen (geheel getal, 0 of meer), gevonden -1.',
    );
    expect(() => parseManifest({ extracts: { beschut_plekken: entry({ peildatumTot: '2024-02-30' }) } })).toThrow(/veld peildatumTot/);
    expect(() => parseManifest({ extracts: { plekken: entry() } })).toThrow(/extract plekken: onbekend extract/);
  });

  it('refuses a manifest from another origin and reports HTTP errors in Dutch', async () => {
    const origineel = globalThis.location;
    Object.defineProperty(globalThis, 'location', { value: new URL('http://localhost:4173/'), configurable: true });
    try {
      await expect(loadManifest('https://example.org/manifest.json')).rejects.toThrow('niet van https://example.org');
      const f404 = (async () => new Response('nee', { status: 404 })) as typeof fetch;
      await expect(loadManifest('http://localhost:4173/data/manifest.json', f404)).rejects.toThrow('(HTTP 404)');
      const fOk = (async () => Response.json({ extracts: { beschut_plekken: entry() } })) as typeof fetch;
      expect((await loadManifest('http://localhost:4173/data/manifest.json', fOk)).extracts).toHaveLength(1);
    } finally {
      Object.defineProperty(globalThis, 'location', { value: origineel, configurable: true });
    }
  });
});

describe('manifest missing behind a single-page fallback', () => {
  it('says the manifest is missing when the server answers with HTML', async () => {
    const origineel = globalThis.location;
    Object.defineProperty(globalThis, 'location', { value: new URL('http://localhost:4173/'), configurable: true });
    try {
      const fHtml = (async () => new Response('<!doctype html><html></html>', { headers: { 'content-type': 'text/html' } })) as typeof fetch;
      await expect(loadManifest('http://localhost:4173/data/manifest.json', fHtml)).rejects.toThrow(
        'data/manifest.json ontbreekt op deze site (de server gaf een HTML-pagina terug). Zijn de demo-extracten gebouwd (npm start)?',
      );
    } finally {
      Object.defineProperty(globalThis, 'location', { value: origineel, configurable: true });
    }
  });
});

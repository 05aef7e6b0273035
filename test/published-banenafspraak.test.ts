import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/published/csv.ts';
import { jaarmetingen, leesDoelen, leesRealisatie, metingNaam, realisatieTegenDoelen } from '../src/lib/published/banenafspraak.ts';

const lees = (f: string) => readFileSync(new URL(`../data/published/${f}`, import.meta.url), 'utf8');

describe('CSV reader for published figures', () => {
  it('handles quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const t = '\uFEFFa,b,c\r\n1,"x, y","zei ""ja"""\r\n2,"twee\nregels",\r\n\r\n';
    expect(parseCsv(t)).toEqual([
      { a: '1', b: 'x, y', c: 'zei "ja"' },
      { a: '2', b: 'twee\nregels', c: '' },
    ]);
  });
  it('names file and line on a wrong number of fields or an open quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'test.csv')).toThrow('test.csv, regel 3: 1 velden, verwacht 2');
    expect(() => parseCsv('a,b\n1,"open\n', 'test.csv')).toThrow('test.csv, regel 2: aanhalingsteken niet gesloten');
    expect(() => parseCsv('a,b\n1,"x"y\n', 'test.csv')).toThrow(/regel 2: tekst na een afsluitend aanhalingsteken/);
  });
});

describe('banenafspraak realisatie and doelen', () => {
  const realisatie = leesRealisatie(lees('banenafspraak_realisatie.csv'));
  const doelen = leesDoelen(lees('banenafspraak_doelen.csv'));

  it('reads every row with its source (73 realisatie rows, 29 targets)', () => {
    expect(realisatie).toHaveLength(73);
    expect(doelen).toHaveLength(29);
    expect(realisatie.every((r) => r.source.length > 0)).toBe(true);
    const inleen = realisatie.find((r) => r.peildatum === '2023-09-30' && r.sector === 'inleen');
    expect(inleen?.extraBanen).toBe(-350);
  });
  it('separates official jaarmetingen from quarterly figures', () => {
    const officieel = jaarmetingen(realisatie);
    expect(officieel).toHaveLength(23); // 2015–2022, 2018 without a total
    expect(officieel.every((r) => r.peildatum.endsWith('-12-31'))).toBe(true);
    // Q4 2017 trend (36.968) is not the driemeting (36.904).
    expect(officieel.find((r) => r.jaar === 2017 && r.sector === 'totaal')?.extraBanen).toBe(36904);
    expect(metingNaam('vijfmeting (jaarmeting 2019)')).toBe('vijfmeting');
    expect(metingNaam('jaarmeting 2020 (landelijke banenmonitor)')).toBe('jaarmeting 2020');
  });
  it('builds one row per year with realisation next to target and leaves unpublished cells empty', () => {
    const d = realisatieTegenDoelen(realisatie, doelen);
    expect(d.rijen.map((r) => r.jaar)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(d.rijen[0]).toEqual({ jaar: 2015, meting: 'eenmeting', totaal: 21057, doel_totaal: 9000, markt: 15604, doel_markt: 6000, overheid: 5453, doel_overheid: 3000 });
    expect(d.rijen[3]).toEqual({ jaar: 2018, meting: 'viermeting', totaal: null, doel_totaal: 43500, markt: 44017, doel_markt: null, overheid: 7940, doel_overheid: 12500 });
    expect(d.rijen[7]).toMatchObject({ jaar: 2022, totaal: 81117, doel_totaal: 92500, markt: 71113, overheid: 10004 });
    expect(d.rijen[9]).toEqual({ jaar: 2024, meting: null, totaal: null, doel_totaal: null, markt: null, doel_markt: null, overheid: null, doel_overheid: null });
    expect(d.peildatum).toBe('2022-12-31');
    expect(d.synthetisch).toBe(false);
    expect(d.bronnen).toHaveLength(23 + 29);
    expect(d.bronnen?.[0]).toMatchObject({
      label: 'eenmeting 2015, markt: 15.604',
      document: 'UWV, via binnenlandsbestuur.nl',
      url: expect.stringContaining('binnenlandsbestuur.nl'),
    });
    expect(d.bronnen?.find((b) => b.label === 'Doel 2025, markt: 100.000')?.document).toBe('Raad van State, advies W12.20.0470/III');
  });
  it('refuses bad input with file, line and column', () => {
    const kop = 'peildatum,meting,sector,extra_banen,source,quote\n';
    expect(() => leesRealisatie(`${kop}2015-12-31,eenmeting (jaarmeting 2015),bedrijven,1,u,q\n`)).toThrow(
      'banenafspraak_realisatie.csv, regel 2, kolom "sector": onbekende sector',
    );
    expect(() => leesRealisatie(`${kop}2015-12-31,eenmeting (jaarmeting 2015),markt,"15.604",u,q\n`)).toThrow(
      'kolom "extra_banen": geen geheel getal (waarde "15.604")',
    );
    expect(() => leesRealisatie(`${kop}2015-09-30,jaarmeting 2015,markt,1,u,q\n`)).toThrow(/hoort bij 31 december/);
    expect(() => leesRealisatie(`${kop}2015-12-31,jaarmeting 2015,markt,1,,q\n`)).toThrow(/kolom "source": bron ontbreekt/);
    const dkop = 'jaar,sector,doel_extra_banen_cumulatief,source,quote\n';
    expect(() => leesDoelen(`${dkop}2015,markt,1,https://x.nl/,q\n2015,markt,2,https://x.nl/,q\n`)).toThrow(/regel 3, kolom "sector": dubbel doel voor 2015/);
    expect(() => leesDoelen(`${dkop}2015,markt,1,notitie.md,q\n`)).toThrow(
      'banenafspraak_doelen.csv, regel 2, kolom "source": Bron is geen brief en geen adres: "notitie.md" (waarde "notitie.md")',
    );
    expect(() => leesDoelen('jaar,sector,source,quote\n2015,markt,u,q\n')).toThrow('kolom "doel_extra_banen_cumulatief" ontbreekt');
  });
});

/**
 * Typed reader of the published banenafspraak figures (data/published/banenafspraak_realisatie.csv
 * and banenafspraak_doelen.csv, see data/published/SOURCES.md). Takes the CSV text, so the browser
 * can import the files with Vite `?raw` and tests can read them from disk. Every figure keeps its
 * source and quote. Nothing is derived: a total that was not published stays missing.
 */
import type { BronVermelding, ChartData } from '../charts/spec.ts';
import { formatAantal } from '../format/nl.ts';
import { bronVermelding, type Citatie } from './bronvermelding.ts';
import { parseCsv } from './csv.ts';
import { citatieVan } from './reference.ts';

export const REALISATIE_SECTOREN = ['totaal', 'markt', 'overheid', 'regulier', 'inleen'] as const;
export type RealisatieSector = (typeof REALISATIE_SECTOREN)[number];
export const DOEL_SECTOREN = ['totaal', 'markt', 'overheid'] as const;
export type DoelSector = (typeof DOEL_SECTOREN)[number];

export interface Realisatie {
  peildatum: string;
  jaar: number;
  meting: string;
  /** Official yearly measurement (jaarmeting) rather than UWV's indicative quarterly figures. */
  officieel: boolean;
  sector: RealisatieSector;
  extraBanen: number;
  /** Raw source and quote as in the file; users see `citatie`. */
  source: string;
  quote: string;
  citatie: Citatie;
}

export interface Doel {
  jaar: number;
  sector: DoelSector;
  doelCumulatief: number;
  /** Raw source and quote as in the file; users see `citatie`. */
  source: string;
  quote: string;
  citatie: Citatie;
}

const REALISATIE_BESTAND = 'banenafspraak_realisatie.csv';
const DOELEN_BESTAND = 'banenafspraak_doelen.csv';

function vereisKolommen(rijen: Record<string, string>[], kolommen: string[], bestand: string): void {
  if (rijen.length === 0) throw new Error(`${bestand}: geen rijen`);
  for (const k of kolommen) {
    if (!(k in rijen[0])) throw new Error(`${bestand}: kolom "${k}" ontbreekt`);
  }
}

function fout(bestand: string, rijNr: number, kolom: string, waarde: string, uitleg: string): Error {
  // rijNr counts data rows from 1; +1 for the header gives the line in the file.
  return new Error(`${bestand}, regel ${rijNr + 1}, kolom "${kolom}": ${uitleg} (waarde "${waarde}")`);
}

function geheelGetal(v: string, bestand: string, rijNr: number, kolom: string): number {
  if (!/^-?\d+$/.test(v)) throw fout(bestand, rijNr, kolom, v, 'geen geheel getal');
  return Number(v);
}

function bronTekst(v: string, bestand: string, rijNr: number): string {
  if (!v.trim()) throw fout(bestand, rijNr, 'source', v, 'bron ontbreekt');
  return v.trim();
}

function citatie(bestand: 'banenafspraak_realisatie' | 'banenafspraak_doelen', source: string, quote: string, rijNr: number): Citatie {
  try {
    return citatieVan(bestand, source, quote);
  } catch (e) {
    throw fout(`${bestand}.csv`, rijNr, 'source', source, e instanceof Error ? e.message : String(e));
  }
}

export function leesRealisatie(csv: string): Realisatie[] {
  const rijen = parseCsv(csv, REALISATIE_BESTAND);
  vereisKolommen(rijen, ['peildatum', 'meting', 'sector', 'extra_banen', 'source', 'quote'], REALISATIE_BESTAND);
  return rijen.map((r, i) => {
    const nr = i + 1;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.peildatum);
    if (!m) throw fout(REALISATIE_BESTAND, nr, 'peildatum', r.peildatum, 'geen datum jjjj-mm-dd');
    if (!(REALISATIE_SECTOREN as readonly string[]).includes(r.sector)) {
      throw fout(REALISATIE_BESTAND, nr, 'sector', r.sector, `onbekende sector, verwacht ${REALISATIE_SECTOREN.join(', ')}`);
    }
    if (!r.meting.trim()) throw fout(REALISATIE_BESTAND, nr, 'meting', r.meting, 'meting ontbreekt');
    const officieel = /jaarmeting/.test(r.meting);
    if (officieel && !r.peildatum.endsWith('-12-31')) {
      throw fout(REALISATIE_BESTAND, nr, 'peildatum', r.peildatum, 'een jaarmeting hoort bij 31 december');
    }
    const source = bronTekst(r.source, REALISATIE_BESTAND, nr);
    const quote = r.quote.trim();
    return {
      peildatum: r.peildatum,
      jaar: Number(m[1]),
      meting: r.meting.trim(),
      officieel,
      sector: r.sector as RealisatieSector,
      extraBanen: geheelGetal(r.extra_banen, REALISATIE_BESTAND, nr, 'extra_banen'),
      source,
      quote,
      citatie: citatie('banenafspraak_realisatie', source, quote, nr),
    };
  });
}

export function leesDoelen(csv: string): Doel[] {
  const rijen = parseCsv(csv, DOELEN_BESTAND);
  vereisKolommen(rijen, ['jaar', 'sector', 'doel_extra_banen_cumulatief', 'source', 'quote'], DOELEN_BESTAND);
  const gezien = new Set<string>();
  return rijen.map((r, i) => {
    const nr = i + 1;
    const jaar = geheelGetal(r.jaar, DOELEN_BESTAND, nr, 'jaar');
    if (!(DOEL_SECTOREN as readonly string[]).includes(r.sector)) {
      throw fout(DOELEN_BESTAND, nr, 'sector', r.sector, `onbekende sector, verwacht ${DOEL_SECTOREN.join(', ')}`);
    }
    const sleutel = `${jaar}|${r.sector}`;
    if (gezien.has(sleutel)) throw fout(DOELEN_BESTAND, nr, 'sector', r.sector, `dubbel doel voor ${jaar}`);
    gezien.add(sleutel);
    const source = bronTekst(r.source, DOELEN_BESTAND, nr);
    const quote = r.quote.trim();
    return {
      jaar,
      sector: r.sector as DoelSector,
      doelCumulatief: geheelGetal(r.doel_extra_banen_cumulatief, DOELEN_BESTAND, nr, 'doel_extra_banen_cumulatief'),
      source,
      quote,
      citatie: citatie('banenafspraak_doelen', source, quote, nr),
    };
  });
}

/** Official jaarmetingen only (one per year and sector; a second one for the same cell is an error). */
export function jaarmetingen(realisatie: readonly Realisatie[]): Realisatie[] {
  const uit = realisatie.filter((r) => r.officieel);
  const gezien = new Set<string>();
  for (const r of uit) {
    const k = `${r.jaar}|${r.sector}`;
    if (gezien.has(k)) throw new Error(`${REALISATIE_BESTAND}: twee jaarmetingen voor ${r.jaar}, sector ${r.sector}`);
    gezien.add(k);
  }
  return uit;
}

/** "vijfmeting (jaarmeting 2019)" → "vijfmeting"; "jaarmeting 2020 (landelijke banenmonitor)" → "jaarmeting 2020". */
export function metingNaam(meting: string): string {
  return meting.replace(/\s*\(.*\)\s*$/, '').trim();
}

/** "viermeting 2018"; "jaarmeting 2020" stays as it is (never "jaarmeting 2020 2020"). */
function metingMetJaar(m: Pick<Realisatie, 'meting' | 'jaar'>): string {
  const naam = metingNaam(m.meting);
  return naam.endsWith(String(m.jaar)) ? naam : `${naam} ${m.jaar}`;
}

const SECTOR_LABEL: Record<DoelSector, string> = { totaal: 'Totaal', markt: 'Markt', overheid: 'Overheid' };

/**
 * One row per year from the first jaarmeting to the last target: the official realisation per
 * sector next to the cumulative target. Years without a published figure stay empty.
 */
export function realisatieTegenDoelen(realisatie: readonly Realisatie[], doelen: readonly Doel[]): ChartData {
  const metingen = jaarmetingen(realisatie);
  if (metingen.length === 0) throw new Error(`${REALISATIE_BESTAND}: geen jaarmetingen gevonden`);
  const jaren = [...metingen.map((m) => m.jaar), ...doelen.map((d) => d.jaar)];
  const van = Math.min(...metingen.map((m) => m.jaar));
  const tot = Math.max(...jaren);

  const rijen: Record<string, unknown>[] = [];
  for (let jaar = van; jaar <= tot; jaar++) {
    const rij: Record<string, unknown> = { jaar, meting: null };
    for (const s of DOEL_SECTOREN) {
      const m = metingen.find((x) => x.jaar === jaar && x.sector === s);
      const d = doelen.find((x) => x.jaar === jaar && x.sector === s);
      rij[s] = m ? m.extraBanen : null;
      rij[`doel_${s}`] = d ? d.doelCumulatief : null;
      if (m) rij.meting = metingNaam(m.meting);
    }
    rijen.push(rij);
  }

  const laatste = metingen.reduce((a, b) => (b.peildatum > a.peildatum ? b : a));
  const voetnoten: string[] = [
    'Extra banen ten opzichte van de nulmeting (eind 2012); een baan is 25,5 verloonde uren per week.',
    'In de jaarmetingen tellen banen via uitzending en detachering (inleen) mee bij markt en overheid, verdeeld met een verdeelsleutel. Door afronding tellen markt en overheid niet altijd precies op tot het totaal.',
  ];
  const zonderTotaal = rijen.filter((r) => r.totaal === null && (r.markt !== null || r.overheid !== null)).map((r) => r.jaar);
  if (zonderTotaal.length) {
    voetnoten.push(`Voor ${lijst(zonderTotaal)} is geen gepubliceerd totaal gevonden, alleen markt en overheid; het totaal wordt niet afgeleid.`);
  }
  const zonderMeting = rijen.filter((r) => r.meting === null).map((r) => r.jaar);
  if (zonderMeting.length) voetnoten.push(`Geen jaarmeting in de gegevens voor ${lijst(zonderMeting)}.`);

  const bronnen: BronVermelding[] = [
    ...metingen
      .filter((m) => (DOEL_SECTOREN as readonly string[]).includes(m.sector))
      .map((m) => bronVermelding(`${metingMetJaar(m)}, ${m.sector}: ${formatAantal(m.extraBanen)}`, m.citatie)),
    ...doelen.map((d) => bronVermelding(`Doel ${d.jaar}, ${d.sector}: ${formatAantal(d.doelCumulatief)}`, d.citatie)),
  ];

  return {
    titel: 'Banenafspraak: extra banen gerealiseerd en doel',
    ondertitel: `Officiële jaarmetingen ${van}–${laatste.jaar} tegen het cumulatieve doel, per sector`,
    bron: 'SZW/UWV, officiële jaarmetingen banenafspraak; doelen volgens de banenafspraak (bron en citaat per cijfer in de CSV-export)',
    peildatum: laatste.peildatum,
    synthetisch: false,
    kolommen: [
      { key: 'jaar', label: 'Jaar', type: 'jaar' },
      { key: 'meting', label: 'Meting', type: 'tekst' },
      ...DOEL_SECTOREN.flatMap((s) => [
        { key: s, label: `${SECTOR_LABEL[s]}: gerealiseerd`, type: 'aantal' as const },
        { key: `doel_${s}`, label: `${SECTOR_LABEL[s]}: doel`, type: 'aantal' as const },
      ]),
    ],
    rijen,
    voetnoten,
    bronnen,
  };
}

function lijst(jaren: unknown[]): string {
  const s = jaren.map(String);
  return s.length <= 1 ? s.join('') : `${s.slice(0, -1).join(', ')} en ${s[s.length - 1]}`;
}

/**
 * Headline sentences in the style of the letters to parliament ("In januari tot en met mei 2017
 * gaf UWV 890 adviezen beschut werk; 601 daarvan waren positief (68 procent)."), built from the
 * same numbers as the charts and after the same disclosure control: a hidden count is never
 * written as a number ("minder dan 10", "niet getoond").
 */
import { DREMPEL } from '../../lib/format/disclosure.ts';
import { formatAantal } from '../../lib/format/nl.ts';
import { EXTRAPOLATIE_LABEL, type AanvragerKeuze, type Extrapolatie } from '../../lib/metrics/beschut-afleiden.ts';
import type { PeriodeRij } from '../../lib/metrics/beschut.ts';
import { periodeNaam } from '../../lib/published/beschut.ts';
import { formatDatumVoluit } from '../../lib/format/nl.ts';
import { inEenheid, zonderReden, type Eenheid, type VerborgenCellen } from './context.ts';
import { cel, JAAR_TOT_NU, PERIODE } from './onderdrukking.ts';
import { JAAR } from './queries.ts';
import type { PlekPunt } from './plekken.ts';

const WOORDEN = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
/** Numbers up to twelve in words, as the letters write them. */
const woord = (n: number) => WOORDEN[n] ?? formatAantal(n);
const procent = (teller: number, noemer: number) => `${formatAantal(Math.round((100 * teller) / noemer))} procent`;

export interface ZinInvoer {
  eenheid: Eenheid;
  van: string;
  tot: string;
  /** 'totaal' when all aanvragers are shown. */
  aanvrager: AanvragerKeuze;
  periode: readonly PeriodeRij[];
  /** Cells hidden in the monthly stelsel (PERIODE and JAAR_TOT_NU units). */
  verborgen: VerborgenCellen;
  extrapolatie: Extrapolatie | null;
  /** Taakstelling of the unit for the year of `tot` (null: unknown). */
  taakstelling: number | null;
  /** The unit's places at the last peildatum up to `tot`. */
  plekken: PlekPunt | null;
  /** Units ranked in the comparison and how many of them had more positive adviezen than places. */
  /** The comparison of gemeenten or regions: over the calendar year `van`–`tot` (queries.ts jaarVan). */
  vergelijking: { wie: string; van: string; tot: string; minimum: number; gerangschikt: number; boven: number } | null;
  /** The unit's year table as a whole (the year cell, as the comparison prints it), when the period is part of it. */
  jaar?: { van: string; tot: string; periode: readonly PeriodeRij[] } | null;
}

const AANVRAGER: Record<AanvragerKeuze, string> = { totaal: '', gemeente: ' op verzoek van gemeenten', burger: ' op verzoek van de mensen zelf' };

/** The count, or "minder dan 10" / null (not to be written) when disclosure control hides it. */
function aantal(verborgen: VerborgenCellen, id: string, n: number): string | null {
  if (!verborgen.has(id)) return formatAantal(n);
  return n < DREMPEL && !zonderReden(verborgen, id) ? 'minder dan 10' : null;
}

/** "In januari tot en met mei 2017 gaf UWV 890 adviezen beschut werk; 601 daarvan waren positief (68 procent)." */
export function zinTotaal(z: ZinInvoer): string {
  const r = z.periode.find((x) => x.aanvrager === z.aanvrager)!;
  const waar = z.eenheid.soort === 'nederland' ? '' : ` ${inEenheid(z.eenheid)}`;
  const begin = `In ${periodeNaam(z.van, z.tot, true)} gaf UWV${AANVRAGER[z.aanvrager]}${waar}`;
  const b = aantal(z.verborgen, cel('b', PERIODE, z.aanvrager), r.beoordelingen);
  if (b === null) {
    const waarom = zonderReden(z.verborgen, cel('b', PERIODE, z.aanvrager)) ? 'om kleine aantallen te beschermen' : 'omdat het kleinere aantallen terug te rekenen zou maken';
    return `${begin} een aantal adviezen beschut werk dat niet getoond wordt, ${waarom}${heelJaar(z)}.`;
  }
  if (r.beoordelingen === 0) return `${begin} geen adviezen beschut werk.`;
  const p = aantal(z.verborgen, cel('p', PERIODE, z.aanvrager), r.positief);
  const n = z.verborgen.has(cel('b', PERIODE, z.aanvrager)) || z.verborgen.has(cel('p', PERIODE, z.aanvrager));
  const advies = r.beoordelingen === 1 ? 'advies' : 'adviezen';
  if (p === null || n) return `${begin} ${b} ${advies} beschut werk; hoeveel daarvan positief waren, wordt niet getoond (kleine aantallen).`;
  return `${begin} ${b} ${advies} beschut werk; ${p} daarvan ${r.positief === 1 ? 'was' : 'waren'} positief (${procent(r.positief, r.beoordelingen)}).`;
}

/**
 * "; in heel 2017 waren het er 123, waarvan 90 positief (73 procent)": the year cell, printed as in
 * the comparison, where part of a year is hidden (a region's months are mostly under 10).
 */
function heelJaar(z: ZinInvoer): string {
  const j = z.jaar;
  const r = j && (j.van !== z.van || j.tot !== z.tot) ? j.periode.find((x) => x.aanvrager === z.aanvrager) : undefined;
  if (!j || !r) return '';
  const b = aantal(z.verborgen, cel('b', JAAR, z.aanvrager), r.beoordelingen);
  if (b === null) return '';
  const p = aantal(z.verborgen, cel('p', JAAR, z.aanvrager), r.positief);
  const getoond = p !== null && r.beoordelingen > 0 && !z.verborgen.has(cel('b', JAAR, z.aanvrager)) && !z.verborgen.has(cel('p', JAAR, z.aanvrager));
  return `; in ${periodeNaam(j.van, j.tot, true)} waren het er ${b}${getoond ? `, waarvan ${p} positief (${procent(r.positief, r.beoordelingen)})` : ''}`;
}

/** "Op verzoek van gemeenten waren dat 320 beoordelingen, waarvan 261 positief (82 procent); op verzoek van de mensen zelf …" */
export function zinAanvragers(z: ZinInvoer): string | null {
  if (z.aanvrager !== 'totaal') return null;
  const deel = (a: 'gemeente' | 'burger'): string | null => {
    const r = z.periode.find((x) => x.aanvrager === a);
    if (!r || (a === 'burger' && r.beoordelingen === 0 && z.tot < '2017-01')) return null;
    const b = aantal(z.verborgen, cel('b', PERIODE, a), r.beoordelingen);
    if (b === null) return 'een aantal dat niet getoond wordt';
    const p = aantal(z.verborgen, cel('p', PERIODE, a), r.positief);
    if (p === null || z.verborgen.has(cel('b', PERIODE, a)) || z.verborgen.has(cel('p', PERIODE, a)) || r.beoordelingen === 0) return `${b} beoordelingen`;
    return `${b} beoordelingen, waarvan ${p} positief (${procent(r.positief, r.beoordelingen)})`;
  };
  const delen = [
    { wie: 'op verzoek van gemeenten', tekst: deel('gemeente') },
    { wie: 'op verzoek van de mensen zelf', tekst: deel('burger') },
  ].filter((d) => d.tekst !== null);
  if (delen.length === 0) return null;
  const zin = delen.map((d, i) => (i === 0 ? `${d.wie} waren dat ${d.tekst}` : `${d.wie} ${d.tekst}`)).join('; ');
  return `${zin[0].toUpperCase()}${zin.slice(1)}.`;
}

/** "Dat zijn gemiddeld 178 beoordelingen per maand." */
export function zinGemiddeld(z: ZinInvoer): string | null {
  const r = z.periode.find((x) => x.aanvrager === z.aanvrager)!;
  if (r.maanden < 2 || z.verborgen.has(cel('b', PERIODE, z.aanvrager)) || r.beoordelingen === 0) return null;
  return `Dat zijn gemiddeld ${formatAantal(Math.round(r.gemiddeldPerMaand))} beoordelingen per maand.`;
}

/** "Als we de 601 positieve adviezen over de eerste vijf maanden van 2017 extrapoleren naar heel 2017, komen we uit op 1.442 …" */
export function zinExtrapolatie(z: ZinInvoer): string | null {
  const e = z.extrapolatie;
  if (!e || e.volledig || e.positiefTotNu === 0 || z.verborgen.has(cel('p', JAAR_TOT_NU, z.aanvrager))) return null;
  const maanden = e.maanden === 1 ? 'de eerste maand' : `de eerste ${woord(e.maanden)} maanden`;
  let zin =
    `Als we de ${formatAantal(e.positiefTotNu)} positieve adviezen over ${maanden} van ${e.jaar} extrapoleren naar heel ${e.jaar}, ` +
    `komen we uit op ${formatAantal(Math.round(e.extrapolatieJaar))} positieve adviezen (${EXTRAPOLATIE_LABEL}; bij een gelijkblijvend tempo tussen ${formatAantal(Math.round(e.onder))} en ${formatAantal(Math.round(e.boven))}).`;
  if (z.taakstelling !== null && z.taakstelling > 0) zin += ` De taakstelling voor eind ${e.jaar} is ${formatAantal(z.taakstelling)} plekken.`;
  return zin;
}

/** "Op 31 maart 2017 werkten 531 mensen op een beschut werkplek; dat is 20 procent van de taakstelling van 2.600 plekken voor eind 2017." */
export function zinPlekken(z: ZinInvoer): string | null {
  const p = z.plekken;
  if (!p) return null;
  const waar = z.eenheid.soort === 'nederland' ? '' : ` ${inEenheid(z.eenheid)}`;
  const wie = p.verborgen ? (p.plekken < DREMPEL ? 'minder dan 10 mensen' : 'een aantal mensen dat niet getoond wordt (kleine aantallen)') : `${formatAantal(p.plekken)} ${p.plekken === 1 ? 'mens' : 'mensen'}`;
  let zin = `Op ${formatDatumVoluit(p.peildatum)} ${p.plekken === 1 && !p.verborgen ? 'werkte' : 'werkten'}${waar} ${wie} op een beschut werkplek`;
  if (p.taakstelling > 0 && !p.verborgen) zin += `; dat is ${procent(p.plekken, p.taakstelling)} van de taakstelling van ${formatAantal(p.taakstelling)} plekken voor eind ${p.peildatum.slice(0, 4)}`;
  return `${zin}.`;
}

/** "12 van de 40 gemeenten met een taakstelling van minstens 5 plekken hadden … meer positieve adviezen dan plekken in hun taakstelling." */
export function zinVergelijking(z: ZinInvoer): string | null {
  const v = z.vergelijking;
  if (!v || v.gerangschikt === 0) return null;
  const jaar = v.tot.slice(0, 4);
  return `${v.boven} van de ${v.gerangschikt} ${v.wie} met een taakstelling van minstens ${v.minimum} ${v.minimum === 1 ? 'plek' : 'plekken'} ${v.boven === 1 ? 'had' : 'hadden'} in ${periodeNaam(v.van, v.tot, true)} meer positieve adviezen dan plekken in ${v.boven === 1 ? 'de' : 'hun'} taakstelling voor eind ${jaar}.`;
}

export function kernzinnen(z: ZinInvoer): string[] {
  return [zinTotaal(z), zinAanvragers(z), zinGemiddeld(z), zinExtrapolatie(z), zinPlekken(z), zinVergelijking(z)].filter((x): x is string => x !== null);
}

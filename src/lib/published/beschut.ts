/**
 * The published beschut werk figures (data/published/beschut_werk.csv) as comparable figures:
 * each row says which computed number is its twin, so the page can set published next to
 * computed with the difference. Reads the CSV TEXT (Vite `?raw` in the browser, fs in tests).
 * Where a source contradicts its own numbers (the letter of 30 June 2017 prints "71" as the
 * total % positive, while its own 601 of 890 is 67,5%), the published figure is kept as printed
 * and the arithmetic is given next to it (`rekensom`).
 * Rows without a computable twin (bonus money, persons with an advies, jobs after 3 months,
 * intentions of gemeenten) are left out of the comparison; `nietVergeleken` lists them.
 */
import { formatDatumVoluit, MAANDEN } from '../format/nl.ts';
import { periodeUitMaanden } from '../metrics/beschut-afleiden.ts';
import type { MaandRij, PlekkenRij } from '../metrics/beschut.ts';
import type { Citatie } from './bronvermelding.ts';
import { parseBeschut, type BeschutRij } from './reference.ts';

export type Maat = 'beoordelingen' | 'positief' | 'pct' | 'gemiddeld';

/** How the twin of a published figure is computed (always for the whole country). */
export type BeschutBerekening =
  | { soort: 'adviezen'; van: string; tot: string; aanvrager: 'gemeente' | 'burger' | 'totaal'; maat: Maat }
  | { soort: 'plekken'; peildatum: string; maat: 'plekken' | 'taakstelling' | 'mutatie' | 'pctZonderPlek' };

export interface BeschutCijfer {
  /** Line in beschut_werk.csv (header = line 1). */
  regel: number;
  omschrijving: string;
  /** The period or date in words, e.g. "januari t/m mei 2017". */
  periode: string;
  waarde: number;
  eenheid: 'aantal' | 'procent';
  berekening: BeschutBerekening;
  /** The source's own arithmetic when it disagrees with the printed figure, e.g. "601 / 890 = 67,5%". */
  rekensom?: string;
  noot?: string;
  citatie: Citatie;
}


/** '2017-03' → 'maart 2017'. */
export function maandNaam(m: string): string {
  const [j, mm] = m.split('-');
  return `${MAANDEN[Number(mm) - 1]} ${j}`;
}

/** 'januari t/m mei 2017', 'januari 2016 t/m mei 2017', 'mei 2017', 'heel 2016'; in a sentence 'tot en met'. */
export function periodeNaam(van: string, tot: string, voluit = false): string {
  if (van === tot) return maandNaam(van);
  const [jv, mv] = van.split('-');
  const [jt] = tot.split('-');
  if (mv === '01' && tot === `${jt}-12` && jv === jt) return `heel ${jv}`;
  const tm = voluit ? 'tot en met' : 't/m';
  return jv === jt ? `${MAANDEN[Number(mv) - 1]} ${tm} ${maandNaam(tot)}` : `${maandNaam(van)} ${tm} ${maandNaam(tot)}`;
}


const AANVRAGER_TEKST: Record<string, string> = { gemeente: 'op verzoek van gemeenten', burger: 'op verzoek van burgers', totaal: 'totaal' };
const MAAT_TEKST: Record<Maat, string> = {
  beoordelingen: 'Beoordelingen',
  positief: 'Positieve adviezen',
  pct: 'Percentage positief',
  gemiddeld: 'Beoordelingen per maand (gemiddeld)',
};
const INDICATOR_MAAT: Readonly<Record<string, Maat>> = {
  beoordelingen: 'beoordelingen',
  beoordelingen_positief: 'positief',
  pct_positief: 'pct',
  beoordelingen_gemiddeld_per_maand: 'gemiddeld',
};

/** '2017-01/2017-05' → van/tot; '2017-03' → that month; '2016' → the whole year. */
function maandPeriode(p: string): { van: string; tot: string } | null {
  let m = /^(\d{4}-\d{2})\/(\d{4}-\d{2})$/.exec(p);
  if (m) return { van: m[1], tot: m[2] };
  m = /^(\d{4}-\d{2})$/.exec(p);
  if (m) return { van: m[1], tot: m[1] };
  m = /^(\d{4})$/.exec(p);
  if (m) return { van: `${m[1]}-01`, tot: `${m[1]}-12` };
  return null;
}

const fmt1 = (x: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function adviesCijfer(r: BeschutRij, regel: number, alle: readonly BeschutRij[]): BeschutCijfer | null {
  const maat = INDICATOR_MAAT[r.indicator];
  const p = maandPeriode(r.periode);
  if (!maat || !p || !['gemeente', 'burger', 'totaal'].includes(r.aanvrager)) return null;
  const aanvrager = r.aanvrager as 'gemeente' | 'burger' | 'totaal';
  const cijfer: BeschutCijfer = {
    regel,
    omschrijving: `${MAAT_TEKST[maat]}, ${AANVRAGER_TEKST[aanvrager]}`,
    periode: periodeNaam(p.van, p.tot),
    waarde: r.waarde,
    eenheid: maat === 'pct' ? 'procent' : 'aantal',
    berekening: { soort: 'adviezen', ...p, aanvrager, maat },
    citatie: r.citatie,
  };
  if (maat === 'pct') {
    // The same source's own counts for this period and aanvrager: does the percentage follow from them?
    const tel = (ind: string) => alle.find((x) => x.periode === r.periode && x.aanvrager === r.aanvrager && x.indicator === ind && x.source === r.source)?.waarde;
    const b = tel('beoordelingen');
    const pos = tel('beoordelingen_positief');
    if (b && pos !== undefined) {
      const pct = (100 * pos) / b;
      if (Math.abs(pct - r.waarde) >= 0.5) {
        cijfer.rekensom = `${pos.toLocaleString('nl-NL')} / ${b.toLocaleString('nl-NL')} = ${fmt1(pct)}%`;
        cijfer.noot = `De bron noemt ${r.waarde}%, maar de eigen aantallen van de bron geven ${fmt1(pct)}%. Getoond wordt het cijfer zoals gepubliceerd.`;
      }
    }
  }
  return cijfer;
}

const PLEK_INDICATOR: Readonly<Record<string, { maat: 'plekken' | 'mutatie' | 'pctZonderPlek' | 'taakstelling'; omschrijving: string }>> = {
  werkzaam_beschut: { maat: 'plekken', omschrijving: 'Mensen werkzaam op een beschut werkplek' },
  mutatie_kwartaal_werkzaam_beschut: { maat: 'mutatie', omschrijving: 'Toename werkzaam beschut ten opzichte van het vorige kwartaal' },
  pct_gemeenten_geen_beschut_werk: { maat: 'pctZonderPlek', omschrijving: 'Gemeenten zonder beschut werk (procent)' },
  taakstelling_ministeriele_regeling: { maat: 'taakstelling', omschrijving: 'Taakstelling (ministeriële regeling)' },
  taakstelling_som_gemeenten: { maat: 'taakstelling', omschrijving: 'Taakstelling, som van de gemeenten' },
  taakstelling_voorlopig: { maat: 'taakstelling', omschrijving: 'Taakstelling, voorlopige opgave' },
  taakstelling_beoogd: { maat: 'taakstelling', omschrijving: 'Beoogd aantal plekken' },
};

/** The peildatum a published stock refers to (see SOURCES.md for the 31 maart 2020 row). */
function plekPeildatum(r: BeschutRij): { peildatum: string; noot?: string } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(r.periode)) {
    if (r.periode === '2020-03-31') {
      return {
        peildatum: '2021-03-31',
        noot: 'De bron noemt 31 maart 2020; publicatiedatum (augustus 2021) en de reeks (4.004 eind 2019) wijzen op 31 maart 2021. Vergeleken met de berekening op 31 maart 2021.',
      };
    }
    return { peildatum: r.periode };
  }
  if (r.periode === '2016 (medio)') return { peildatum: '2016-06-30', noot: 'De bron zegt "half 2016"; vergeleken met 30 juni 2016.' };
  if (/^\d{4}$/.test(r.periode)) return { peildatum: `${r.periode}-12-31` };
  return null;
}

function plekCijfer(r: BeschutRij, regel: number): BeschutCijfer | null {
  const ind = PLEK_INDICATOR[r.indicator];
  const d = plekPeildatum(r);
  if (!ind || !d) return null;
  const noten: string[] = d.noot ? [d.noot] : [];
  if (r.indicator === 'taakstelling_som_gemeenten') noten.push('De ministeriële regeling telt 2.600; deze site telt de aantallen van de gemeenten op en komt op 2.597.');
  if (r.indicator === 'taakstelling_voorlopig') noten.push('Voorlopige opgave; de regeling kwam uit op 4.600.');
  if (r.indicator === 'taakstelling_beoogd') noten.push('Het beoogde aantal, niet de tekst van de regeling zelf.');
  if (r.indicator === 'pct_gemeenten_geen_beschut_werk') noten.push('Inspectie SZW, najaar 2016; berekend: het aandeel gemeenten zonder één plek op 31 december 2016.');
  return {
    regel,
    omschrijving: ind.omschrijving,
    periode: r.indicator.startsWith('taakstelling') ? `eind ${r.periode}` : /^\d{4}-\d{2}-\d{2}$/.test(r.periode) ? formatDatumVoluit(r.periode) : r.periode === '2016 (medio)' ? 'half 2016' : r.periode,
    waarde: r.waarde,
    eenheid: ind.maat === 'pctZonderPlek' ? 'procent' : 'aantal',
    berekening: { soort: 'plekken', peildatum: d.peildatum, maat: ind.maat },
    ...(noten.length ? { noot: noten.join(' ') } : {}),
    citatie: r.citatie,
  };
}

/** Every published figure that has a computed twin, in the order of the file. */
export function leesGepubliceerdBeschut(csv: string): { cijfers: BeschutCijfer[]; nietVergeleken: BeschutRij[] } {
  const rijen = parseBeschut(csv);
  const cijfers: BeschutCijfer[] = [];
  const nietVergeleken: BeschutRij[] = [];
  rijen.forEach((r, i) => {
    // The 2015 share is about gemeenten that did not PLAN to offer beschut werk: no twin.
    const c = r.indicator === 'pct_gemeenten_geen_beschut_werk' && r.periode !== '2016' ? null : (adviesCijfer(r, i + 2, rijen) ?? plekCijfer(r, i + 2));
    if (c) cijfers.push(c);
    else nietVergeleken.push(r);
  });
  return { cijfers, nietVergeleken };
}

/** The months the twins of these figures need (national monthly rows from … to). */
export function benodigdeMaanden(cijfers: readonly BeschutCijfer[]): { van: string; tot: string } | null {
  const p = cijfers.flatMap((c) => (c.berekening.soort === 'adviezen' ? [c.berekening.van, c.berekening.tot] : [])).sort();
  return p.length ? { van: p[0], tot: p[p.length - 1] } : null;
}

/**
 * What a published figure's twin computes, as one key (period or peildatum, aanvrager, measure):
 * figures with the same key share their twin. The voorberekende map writes twins under it.
 */
export function tweelingSleutel(b: BeschutBerekening): string {
  return b.soort === 'adviezen' ? `adviezen ${b.van} ${b.tot} ${b.aanvrager} ${b.maat}` : `plekken ${b.peildatum} ${b.maat}`;
}

/** The computed national numbers the twins are read from. */
export interface BeschutBerekend {
  /** National monthly rows (every aanvrager and totaal) covering benodigdeMaanden. */
  maanden: readonly MaandRij[] | null;
  /** National places per peildatum. */
  plekken: readonly PlekkenRij[] | null;
}

/**
 * The computed twin of a published figure (percentages 0–100, like the published ones), or null
 * when the loaded data do not cover its period or peildatum.
 */
export function tweeling(c: BeschutCijfer, bron: BeschutBerekend): number | null {
  const b = c.berekening;
  if (b.soort === 'adviezen') {
    const m = bron.maanden;
    if (!m || !m.some((r) => r.maand === b.van) || !m.some((r) => r.maand === b.tot)) return null;
    const r = periodeUitMaanden(m, b.van, b.tot).find((x) => x.aanvrager === b.aanvrager);
    if (!r) return null;
    if (b.maat === 'beoordelingen') return r.beoordelingen;
    if (b.maat === 'positief') return r.positief;
    if (b.maat === 'gemiddeld') return r.gemiddeldPerMaand;
    return r.pctPositief;
  }
  const p = bron.plekken;
  const i = p ? p.findIndex((r) => r.peildatum === b.peildatum) : -1;
  if (!p || i < 0) return null;
  if (b.maat === 'plekken') return p[i].plekken;
  if (b.maat === 'taakstelling') return p[i].taakstelling;
  if (b.maat === 'pctZonderPlek') return p[i].pctGemeentenZonderPlek;
  return i > 0 ? p[i].plekken - p[i - 1].plekken : null;
}

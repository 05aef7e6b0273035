/**
 * The published duurzaamheid figures (data/published/duurzaamheid.csv) as comparable figures:
 * each row says which computed number is its twin (a `Berekening`), or why there is none, and
 * `vergelijk` sets published against computed with the calibration tolerance (percentages within
 * 1 procentpunt; years within 1% but never tighter than half the last published digit, as in the
 * calibration notebook). Reads the CSV TEXT (Vite `?raw` in the browser, fs in tests).
 *
 * Reading rules (the same as notebooks/calibration/figuren.ts):
 * - a bare year ('2022' → '2023') is the Q3 peilmoment of that year (the other UWV studies);
 * - starters: periode_start is the first start quarter s = t−3, so the base t = start + 3, and
 *   periode_eind is the measurement quarter (t+4, or t+8 for "na 2 jaar");
 * - contract share and job duration belong to the quarter periode_eind itself.
 */
import type { ContractRij } from '../metrics/duurzaamheid/contract.ts';
import type { StartersRij } from '../metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../metrics/duurzaamheid/uitstroom.ts';
import { indexToKwartaal, kwartaalToIndex, parseKwartaal, type Kwartaal } from '../kwartaal.ts';
import { REDEN_TEKST } from '../disclosure/zinnen.ts';
import { isOnderdrukt, veiligAandeel, veiligGemiddelde, type Onderdrukt } from '../format/disclosure.ts';
import { formatKwartaalKort } from '../format/nl.ts';
import type { Citatie } from './bronvermelding.ts';
import { parseDuurzaamheid, type DuurzaamheidRij } from './reference.ts';

export type CohortVeld = 'werkzaamPct' | 'werkVerlorenPct' | 'uitRegisterPct' | 'steedsWerkzaamPct' | 'zelfdeBaanPct';
export type StartersVeld = 'werkzaamNa1JaarPct' | 'zelfdeBaanNa1JaarPct' | 'werkzaamNa2JaarPct';

/** How the twin of a published figure is computed (cohort figures: horizon 4, base-quarter groups). */
export type Berekening =
  | { soort: 'cohort'; basis: Kwartaal; veld: CohortVeld; groep: string }
  | { soort: 'uitstroom'; basis: Kwartaal; reden: string }
  | { soort: 'starters'; basis: Kwartaal; veld: StartersVeld }
  | { soort: 'contract'; kwartaal: Kwartaal; veld: 'urenOnbepaaldPct' | 'gemBaanduurJaren' }
  | { soort: 'groei'; van: Kwartaal; tot: Kwartaal; veld: 'uren' | 'urenOnbepaald' | 'urenBepaald' | 'werkzamen' };

export interface GepubliceerdCijfer {
  /** Line in duurzaamheid.csv (header = line 1). */
  regel: number;
  indicator: string;
  omschrijving: string;
  groep: string;
  /** Period in words, e.g. "3e kwartaal 2021 → 3e kwartaal 2022". */
  periode: string;
  waarde: number;
  eenheid: 'procent' | 'jaar';
  /** The document the figure comes from (label, link, quote); see bronvermelding.ts. */
  citatie: Citatie;
  citaat: string;
  berekening: Berekening | null;
  nietBerekenbaar?: string;
  noot?: string;
}

const COHORT_VELD: Readonly<Record<string, CohortVeld>> = {
  werkzaam_na_1_jaar_pct: 'werkzaamPct',
  werk_verloren_pct: 'werkVerlorenPct',
  uit_register_pct: 'uitRegisterPct',
  werkzaam_alle_tussenliggende_pct: 'steedsWerkzaamPct',
  zelfde_baan_pct: 'zelfdeBaanPct',
};

const STARTERS_VELD: Readonly<Record<string, [StartersVeld, number]>> = {
  starters_werkzaam_na_1_jaar_pct: ['werkzaamNa1JaarPct', 4],
  starters_zelfde_baan_pct: ['zelfdeBaanNa1JaarPct', 4],
  starters_werkzaam_na_2_jaar_pct: ['werkzaamNa2JaarPct', 8],
};

const GROEI_VELD: Readonly<Record<string, 'uren' | 'urenOnbepaald' | 'urenBepaald' | 'werkzamen'>> = {
  groei_verloonde_uren_pct: 'uren',
  groei_uren_onbepaalde_tijd_pct: 'urenOnbepaald',
  groei_uren_bepaalde_tijd_pct: 'urenBepaald',
  toename_inkomstenverhoudingen_pct: 'werkzamen',
};

export const OMSCHRIJVING: Readonly<Record<string, string>> = {
  werkzaam_na_1_jaar_pct: 'Na een jaar (weer) werkzaam',
  werk_verloren_pct: 'Werk verloren na een jaar',
  uit_register_pct: 'Uit het register na een jaar',
  werkzaam_alle_tussenliggende_pct: 'Werkzaam op alle tussenliggende peilmomenten',
  zelfde_baan_pct: 'Na een jaar in dezelfde baan',
  uitstroom_reden_wsw_beschut_pct: 'Uitstroom uit het register: naar Wsw-beschut',
  starters_werkzaam_na_1_jaar_pct: 'Starters: werkzaam een jaar na de start',
  starters_zelfde_baan_pct: 'Starters: na een jaar in dezelfde baan',
  starters_werkzaam_na_2_jaar_pct: 'Starters: werkzaam twee jaar na de start',
  uren_vast_contract_pct: 'Verloonde uren op een vast contract',
  gem_contractduur_jaren: 'Gemiddelde duur van lopende banen (jaren)',
  groei_verloonde_uren_pct: 'Groei verloonde uren in een jaar',
  groei_uren_onbepaalde_tijd_pct: 'Groei uren op een vast contract in een jaar',
  groei_uren_bepaalde_tijd_pct: 'Groei uren op een tijdelijk contract in een jaar',
  toename_inkomstenverhoudingen_pct: 'Toename inkomstenverhoudingen in een jaar',
  zelfde_baan_meer_dan_jaar_pct: 'Langer dan een jaar in dezelfde baan',
};

export const JAAR_NOOT = 'Noemt de bron alleen een jaar, dan is berekend op het derde kwartaal van dat jaar (het peilmoment van de andere UWV-studies).';

function plus(k: Kwartaal, n: number): Kwartaal {
  return indexToKwartaal(kwartaalToIndex(k) + n);
}

/** '2021Q3' stays; a bare year becomes its Q3 (with a note); anything else is null. */
function alsKwartaal(p: string): { kw: Kwartaal; jaarAlleen: boolean } | null {
  if (parseKwartaal(p)) return { kw: p as Kwartaal, jaarAlleen: false };
  if (/^\d{4}$/.test(p)) return { kw: `${p}Q3` as Kwartaal, jaarAlleen: true };
  return null;
}

function periodeTekst(start: string, eind: string): string {
  // Non-breaking spaces: a period stays on one line in the comparison table.
  const t = (p: string) => (parseKwartaal(p) ? formatKwartaalKort(p) : p).replaceAll(' ', '\u00a0');
  return start === eind ? t(start) : `${t(start)}\u00a0→ ${t(eind)}`;
}

function maak(r: DuurzaamheidRij, regel: number): GepubliceerdCijfer {
  const basis: GepubliceerdCijfer = {
    regel,
    indicator: r.indicator,
    omschrijving: OMSCHRIJVING[r.indicator] ?? r.indicator,
    groep: r.groep,
    periode: periodeTekst(r.periodeStart, r.periodeEind),
    waarde: r.waarde,
    eenheid: r.indicator.endsWith('_jaren') ? 'jaar' : 'procent',
    citatie: r.citatie,
    citaat: r.quote,
    berekening: null,
  };
  const start = alsKwartaal(r.periodeStart);
  const eind = alsKwartaal(r.periodeEind);
  if (!start || !eind) return { ...basis, nietBerekenbaar: `Periode ${r.periodeStart} → ${r.periodeEind} is geen kwartaal of jaar.` };
  const jaarNoot = start.jaarAlleen || eind.jaarAlleen ? JAAR_NOOT : undefined;

  const cohortVeld = COHORT_VELD[r.indicator];
  if (cohortVeld) {
    if (plus(start.kw, 4) !== eind.kw) return { ...basis, nietBerekenbaar: 'De periode is geen jaar (4 kwartalen).' };
    return { ...basis, berekening: { soort: 'cohort', basis: start.kw, veld: cohortVeld, groep: r.groep }, noot: jaarNoot };
  }
  if (r.indicator === 'uitstroom_reden_wsw_beschut_pct') {
    return { ...basis, berekening: { soort: 'uitstroom', basis: start.kw, reden: 'Wsw-beschut' }, noot: jaarNoot };
  }
  const st = STARTERS_VELD[r.indicator];
  if (st) {
    const t = plus(start.kw, 3); // starts in t−3 … t
    if (plus(t, st[1]) !== eind.kw) return { ...basis, nietBerekenbaar: 'Startperiode en meetmoment passen niet bij elkaar.' };
    return { ...basis, berekening: { soort: 'starters', basis: t, veld: st[0] }, noot: jaarNoot };
  }
  if (r.indicator === 'uren_vast_contract_pct' || r.indicator === 'gem_contractduur_jaren') {
    const veld = r.indicator === 'uren_vast_contract_pct' ? 'urenOnbepaaldPct' : 'gemBaanduurJaren';
    return { ...basis, berekening: { soort: 'contract', kwartaal: eind.kw, veld }, noot: jaarNoot };
  }
  const groei = GROEI_VELD[r.indicator];
  if (groei) {
    const noot = groei === 'werkzamen'
      ? 'Inkomstenverhoudingen benaderd door het aantal werkzame personen (de extracten hebben één baan per persoon per kwartaal).'
      : jaarNoot;
    return { ...basis, berekening: { soort: 'groei', van: start.kw, tot: eind.kw, veld: groei }, noot };
  }
  if (r.indicator === 'zelfde_baan_meer_dan_jaar_pct') {
    return { ...basis, nietBerekenbaar: 'De brief zegt niet of dit alle werkenden of alleen starters betreft; zonder definitie geen berekening.' };
  }
  return { ...basis, nietBerekenbaar: 'Geen berekening gedefinieerd voor deze indicator.' };
}

/** All published duurzaamheid figures with their computed twin (or the reason there is none). */
export function leesGepubliceerdeDuurzaamheid(csv: string): GepubliceerdCijfer[] {
  return parseDuurzaamheid(csv).map((r, i) => maak(r, i + 2));
}

/** Tolerance in the figure's own unit: 1 procentpunt; years 1% (never below half the last digit). */
export function tolerantie(c: Pick<GepubliceerdCijfer, 'eenheid' | 'waarde'>): number {
  if (c.eenheid === 'procent') return 1;
  const s = String(c.waarde);
  const decimalen = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  return Math.max(0.01 * Math.abs(c.waarde), 0.5 * 10 ** -decimalen);
}

/**
 * The computed numbers a comparison reads: national, no filters, horizon 4, groups by
 * achtergrond plus 'totaal'. Each returns undefined when the data do not cover the quarter.
 */
export interface BerekendeCijfers {
  cohort(basis: Kwartaal, groep: string): UitkomstRij | undefined;
  /** The uitstroom rows (all reasons) of the total cohort at basis. */
  uitstroom(basis: Kwartaal): readonly UitstroomRij[] | undefined;
  starters(basis: Kwartaal): StartersRij | undefined;
  contract(kwartaal: Kwartaal): ContractRij | undefined;
  /**
   * The page's decision on the count behind a figure (its disclosure tables, lib/disclosure): the
   * mark when the page hides that share, null when it prints it. Without it only the counts' own
   * size decides (both at least 10).
   */
  besluit?(b: Berekening): Onderdrukt | null;
}

export type VergelijkStatus = 'binnen' | 'buiten' | 'niet berekenbaar' | 'buiten de data' | 'onderdrukt' | 'nog niet bekend';

export interface Vergelijking {
  cijfer: GepubliceerdCijfer;
  /** Computed value in the published unit (percent 0..100 or years); null when there is none. */
  berekend: number | null;
  /** berekend − gepubliceerd. */
  verschil: number | null;
  tolerantie: number;
  status: VergelijkStatus;
  /** Why there is no computed value (status other than binnen/buiten). */
  toelichting?: string;
}

type Waarde = number | Onderdrukt | 'buiten de data' | 'nog niet bekend';

const COHORT_TELLER: Record<CohortVeld, 'werkzaam' | 'werkVerloren' | 'uitRegister' | 'steedsWerkzaam' | 'zelfdeBaan'> = {
  werkzaamPct: 'werkzaam',
  werkVerlorenPct: 'werkVerloren',
  uitRegisterPct: 'uitRegister',
  steedsWerkzaamPct: 'steedsWerkzaam',
  zelfdeBaanPct: 'zelfdeBaan',
};
const STARTERS_TELLER: Record<StartersVeld, 'werkzaamNa1Jaar' | 'zelfdeBaanNa1Jaar' | 'werkzaamNa2Jaar'> = {
  werkzaamNa1JaarPct: 'werkzaamNa1Jaar',
  zelfdeBaanNa1JaarPct: 'zelfdeBaanNa1Jaar',
  werkzaamNa2JaarPct: 'werkzaamNa2Jaar',
};

/** A share in percent under disclosure control (both counts at least 10 persons). */
function aandeel(teller: number, noemer: number): Waarde {
  const a = veiligAandeel(teller, noemer);
  return isOnderdrukt(a) ? a : a * 100;
}

function contractWaarde(rij: ContractRij, veld: 'urenOnbepaaldPct' | 'gemBaanduurJaren' | 'uren' | 'urenOnbepaald' | 'urenBepaald' | 'werkzamen'): Waarde {
  const v = veld === 'urenBepaald' ? rij.uren - rij.urenOnbepaald : rij[veld];
  if (v === null) return 'buiten de data';
  return veiligGemiddelde(v, rij.werkzamen);
}

function berekenWaarde(b: Berekening, bron: BerekendeCijfers): Waarde {
  const besluit = bron.besluit?.(b);
  if (besluit) return besluit;
  switch (b.soort) {
    case 'cohort': {
      const r = bron.cohort(b.basis, b.groep);
      return r ? aandeel(r[COHORT_TELLER[b.veld]], r.cohort) : 'buiten de data';
    }
    case 'uitstroom': {
      const rijen = bron.uitstroom(b.basis);
      if (!rijen) return 'buiten de data';
      const r = rijen.find((x) => x.reden === b.reden);
      return r ? aandeel(r.aantal, r.uitRegister) : 'buiten de data';
    }
    case 'starters': {
      const r = bron.starters(b.basis);
      if (!r) return 'buiten de data';
      const teller = r[STARTERS_TELLER[b.veld]];
      return teller === null ? 'nog niet bekend' : aandeel(teller, r.starters);
    }
    case 'contract': {
      const r = bron.contract(b.kwartaal);
      return r ? contractWaarde(r, b.veld) : 'buiten de data';
    }
    case 'groei': {
      const van = bron.contract(b.van);
      const tot = bron.contract(b.tot);
      if (!van || !tot) return 'buiten de data';
      const a = contractWaarde(van, b.veld);
      const z = contractWaarde(tot, b.veld);
      if (typeof a !== 'number' || typeof z !== 'number') return typeof a !== 'number' ? a : z;
      return a > 0 ? (z / a - 1) * 100 : 'buiten de data';
    }
  }
}

const TOELICHTING: Record<'buiten de data' | 'nog niet bekend', string> = {
  'buiten de data': 'De geladen gegevens bevatten dit kwartaal niet.',
  'nog niet bekend': 'De gegevens lopen nog niet ver genoeg door.',
};

/** Why a computed share is not shown, in the page's own words (lib/disclosure/zinnen.ts). */
const NIET_GETOOND: Record<Onderdrukt['soort'], string> = {
  aantal: `Niet getoond: ${REDEN_TEKST.klein}.`,
  afgeleid: `Niet getoond: ${REDEN_TEKST.klein}.`,
  bescherming: `Niet getoond: ${REDEN_TEKST.bescherming}.`,
  geheim: `Niet getoond: ${REDEN_TEKST.geheim}.`,
};

/** Every published figure against its computed twin. */
export function vergelijk(cijfers: readonly GepubliceerdCijfer[], bron: BerekendeCijfers): Vergelijking[] {
  return cijfers.map((cijfer) => {
    const tol = tolerantie(cijfer);
    if (!cijfer.berekening) {
      return { cijfer, berekend: null, verschil: null, tolerantie: tol, status: 'niet berekenbaar', toelichting: cijfer.nietBerekenbaar };
    }
    const w = berekenWaarde(cijfer.berekening, bron);
    if (isOnderdrukt(w)) return { cijfer, berekend: null, verschil: null, tolerantie: tol, status: 'onderdrukt', toelichting: NIET_GETOOND[w.soort] };
    if (typeof w !== 'number') return { cijfer, berekend: null, verschil: null, tolerantie: tol, status: w, toelichting: TOELICHTING[w] };
    const verschil = w - cijfer.waarde;
    return { cijfer, berekend: w, verschil, tolerantie: tol, status: Math.abs(verschil) <= tol + 1e-9 ? 'binnen' : 'buiten' };
  });
}

/** Published values of one kind, keyed by base quarter (for markers on a trend). */
export function gepubliceerdPerKwartaal(
  cijfers: readonly GepubliceerdCijfer[],
  past: (b: Berekening) => Kwartaal | null,
): Map<Kwartaal, GepubliceerdCijfer> {
  const uit = new Map<Kwartaal, GepubliceerdCijfer>();
  for (const c of cijfers) {
    const k = c.berekening ? past(c.berekening) : null;
    if (k && !uit.has(k)) uit.set(k, c);
  }
  return uit;
}

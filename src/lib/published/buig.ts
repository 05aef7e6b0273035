/**
 * What each published BUIG figure (data/published/buig_macrobudget.csv, SOURCES.md §5) means:
 * a reader's description, how its number reads (a tekort, an overschot, a signed saldo, a
 * change, a level, a share), which computed figure is its twin (or why there is none), the
 * definition differences a reader must know, and which budget stage it is. Nothing here is
 * computed; the page puts the twins next to the published values.
 */
import { formatAantal } from '../format/nl.ts';
import type { BuigRij } from './reference.ts';

/**
 * How a published value reads: 'tekort' / 'overschot' are magnitudes of that kind, 'saldo' is
 * signed (negative = tekort), 'mutatie' a signed change, 'niveau' an amount, 'aandeel' a share
 * of gemeenten, 'aantal' a number of gemeenten.
 */
export type BuigSoort = 'tekort' | 'overschot' | 'saldo' | 'mutatie' | 'niveau' | 'aandeel' | 'aantal';

/** The computed figure a published one is compared with (national, from the extract). */
export type BuigTwin =
  | 'saldo' | 'saldoPct' | 'pctGemeentenTekort' | 'pctGemeentenTekort5' | 'gemeentenTekort' | 'uitgaven' | 'definitief'
  | 'voorlopig' | 'bijstelling' | 'mutatieDefinitief' | 'mutatieDefinitiefPct' | 'mutatieUitgavenPct'
  | 'voorlopigTovDefinitiefVorig' | 'cumulatiefSaldo' | 'cumulatiefPct';

/** Budget stages of the macrobudget and the Rijksbegroting stands (SOURCES.md §5). */
export const STADIA = [
  { id: 'voorlopig', label: 'Voorlopig', decimalen: 1 },
  { id: 'nader_voorlopig', label: 'Nader voorlopig', decimalen: 1 },
  { id: 'definitief', label: 'Definitief (beschikbaar)', decimalen: 0 },
  { id: 'begroting', label: 'Rijksbegroting: vastgestelde begroting', decimalen: 3 },
  { id: 'suppletoire1', label: 'Rijksbegroting: 1e suppletoire', decimalen: 3 },
  { id: 'suppletoire2', label: 'Rijksbegroting: 2e suppletoire', decimalen: 3 },
] as const;
export type Stadium = (typeof STADIA)[number]['id'];

export interface BuigIndicator {
  omschrijving: string;
  soort: BuigSoort;
  twin: BuigTwin | null;
  /** Definition difference with the twin, or why there is no twin. */
  toelichting?: string;
  stadium?: Stadium;
  /** A second source's figure for the same stage (shown as a note, not in the series). */
  alternatief?: true;
}

const GEEN_VANGNET = 'De vangnetregeling staat niet in het extract.';
const BRUTO = 'Bruto uitgaven (vóór terugvordering en verhaal); het extract bevat de netto uitgaven die tegen het budget worden afgezet.';
const NADER = 'Het extract kent het voorlopige en het definitieve budget, niet het nader voorlopige.';
const BEGROTING = 'Begrotingsregel "Macrobudget participatiewetuitkering en intertemporele tegemoetkoming": bevat ook de intertemporele tegemoetkoming; geen budgetstadium in het extract.';
const SZW_2016 = 'Definitie van SZW (voorlopige uitgaven tegen het definitieve macrobudget); zie de toelichting over 2016.';
const DIVOSA_2016 = 'Definitie van Divosa (tegen het budget na aftrek van de vangnetreservering); het extract volgt SZW, zie de toelichting over 2016.';
/** The 2016 definitions: both are shown, next to each other. */
export const TOELICHTING_2016 =
  'SZW zet de voorlopige uitgaven af tegen het definitieve macrobudget: een tekort van ca. € 270 mln (4,8%). ' +
  'Divosa zet dezelfde uitgaven af tegen het budget na aftrek van de reservering voor de vangnetregeling (€ 5,7 mld): ' +
  'daardoor is het tekort groter, € 332 mln (5,9%). Het extract volgt de definitie van SZW (definitief budget − uitgaven).';

/** Every indicator of buig_macrobudget.csv; a new one in the file fails the test until it is described here. */
export const BUIG_INDICATOREN: Readonly<Record<string, BuigIndicator>> = {
  tekort_landelijk: { omschrijving: 'Landelijk tekort', soort: 'tekort', twin: 'saldo' },
  tekort_landelijk_pct: { omschrijving: 'Landelijk tekort in % van het budget', soort: 'tekort', twin: 'saldoPct' },
  tekort_landelijk_ca_szw_voorlopig: { omschrijving: 'Landelijk tekort volgens SZW (voorlopige cijfers)', soort: 'tekort', twin: 'saldo', toelichting: SZW_2016 },
  tekort_landelijk_pct_szw_voorlopig: { omschrijving: 'Landelijk tekort in % volgens SZW (voorlopige cijfers)', soort: 'tekort', twin: 'saldoPct', toelichting: SZW_2016 },
  tekort_landelijk_divosa_voorlopig: { omschrijving: 'Landelijk tekort volgens Divosa (na aftrek vangnetreservering)', soort: 'tekort', twin: 'saldo', toelichting: DIVOSA_2016 },
  tekort_landelijk_pct_divosa_voorlopig: { omschrijving: 'Landelijk tekort in % volgens Divosa (na aftrek vangnetreservering)', soort: 'tekort', twin: 'saldoPct', toelichting: DIVOSA_2016 },
  tekort_landelijk_excl_vangnet: { omschrijving: 'Landelijk tekort, exclusief de kosten van de vangnetregeling', soort: 'tekort', twin: 'saldo' },
  overschot_landelijk: { omschrijving: 'Landelijk overschot', soort: 'overschot', twin: 'saldo' },
  overschot_landelijk_ca: { omschrijving: 'Landelijk overschot', soort: 'overschot', twin: 'saldo' },
  overschot_landelijk_voorlopig: { omschrijving: 'Landelijk overschot (voorlopige cijfers)', soort: 'overschot', twin: 'saldo' },
  overschot_landelijk_pct_voorlopig: { omschrijving: 'Landelijk overschot in % van het budget (voorlopige cijfers)', soort: 'overschot', twin: 'saldoPct' },
  overschot_na_aftrek_vangnet_voorlopig: { omschrijving: 'Overschot na aftrek van de kosten van de vangnetregeling', soort: 'overschot', twin: null, toelichting: GEEN_VANGNET },
  saldo_cumulatief_ca: { omschrijving: 'Gecumuleerd resultaat', soort: 'saldo', twin: 'cumulatiefSaldo' },
  saldo_cumulatief_pct: { omschrijving: 'Gecumuleerd resultaat in % van het cumulatieve macrobudget', soort: 'saldo', twin: 'cumulatiefPct' },
  pct_gemeenten_met_tekort: { omschrijving: 'Aandeel gemeenten met een tekort', soort: 'aandeel', twin: 'pctGemeentenTekort' },
  pct_gemeenten_tekort_min_5pct: { omschrijving: 'Aandeel gemeenten met een tekort van minstens 5%', soort: 'aandeel', twin: 'pctGemeentenTekort5' },
  aantal_gemeenten_met_tekort: {
    omschrijving: 'Aantal gemeenten met een tekort', soort: 'aantal', twin: 'gemeentenTekort',
    toelichting: 'Gepubliceerd op de gemeentelijke indeling van 2017 (380 gemeenten); het extract volgt de indeling van 2026 (342 gemeenten), vergelijk dus het aandeel.',
  },
  uitgaven_bijstandsuitkeringen: { omschrijving: 'Uitgaven aan bijstandsuitkeringen', soort: 'niveau', twin: 'uitgaven', toelichting: BRUTO },
  uitgaven_bijstand: { omschrijving: 'Uitgaven aan bijstand', soort: 'niveau', twin: 'uitgaven', toelichting: BRUTO },
  bijstandslasten: { omschrijving: 'Bijstandslasten', soort: 'niveau', twin: 'uitgaven', toelichting: BRUTO },
  budget_na_aftrek_vangnetreservering: {
    omschrijving: 'Budget na aftrek van de reservering voor de vangnetregeling', soort: 'niveau', twin: 'definitief',
    toelichting: 'Divosa trekt de vangnetreservering van het budget af; het extract bevat het definitieve budget zonder die aftrek.',
  },
  macrobudget_beschikbaar: { omschrijving: 'Beschikbaar macrobudget', soort: 'niveau', twin: 'definitief', stadium: 'definitief' },
  macrobudget_gebundelde_uitkering_tabel: {
    omschrijving: 'Macrobudget gebundelde uitkering (tabel)', soort: 'niveau', twin: 'definitief', stadium: 'definitief', alternatief: true,
    toelichting: 'Dezelfde bron noemt in de tekst € 6.022 mln en in de tabel € 6.019 mln.',
  },
  voorlopig_macrobudget: { omschrijving: 'Voorlopig macrobudget', soort: 'niveau', twin: 'voorlopig', stadium: 'voorlopig' },
  voorlopig_macrobudget_alt: {
    omschrijving: 'Voorlopig macrobudget (tweede bron)', soort: 'niveau', twin: 'voorlopig', stadium: 'voorlopig', alternatief: true,
    toelichting: 'Twee bronnen noemen voor 2024 een ander voorlopig budget (€ 6.958,5 en € 6.949,9 mln), met dezelfde bijstelling.',
  },
  nader_voorlopig_macrobudget: { omschrijving: 'Nader voorlopig macrobudget', soort: 'niveau', twin: null, toelichting: NADER, stadium: 'nader_voorlopig' },
  nader_voorlopig_macrobudget_alt: { omschrijving: 'Nader voorlopig macrobudget (tweede bron)', soort: 'niveau', twin: null, toelichting: NADER, stadium: 'nader_voorlopig', alternatief: true },
  mutatie_nader_voorlopig_tov_voorlopig: { omschrijving: 'Nader voorlopig t.o.v. voorlopig budget', soort: 'mutatie', twin: null, toelichting: NADER },
  mutatie_nader_voorlopig_tov_voorlopig_pct: { omschrijving: 'Nader voorlopig t.o.v. voorlopig budget (%)', soort: 'mutatie', twin: null, toelichting: NADER },
  mutatie_tov_macrobudget_vorig_jaar: { omschrijving: 'Nader voorlopig budget t.o.v. het macrobudget van vorig jaar', soort: 'mutatie', twin: null, toelichting: NADER },
  mutatie_definitief_tov_voorlopig: { omschrijving: 'Bijstelling: definitief t.o.v. voorlopig budget', soort: 'mutatie', twin: 'bijstelling' },
  mutatie_definitief_tov_vorig_jaar: { omschrijving: 'Definitief budget t.o.v. vorig jaar', soort: 'mutatie', twin: 'mutatieDefinitief' },
  mutatie_tov_vorig_jaar_pct: { omschrijving: 'Beschikbaar macrobudget t.o.v. vorig jaar (%)', soort: 'mutatie', twin: 'mutatieDefinitiefPct' },
  mutatie_bijstandsuitgaven_pct: { omschrijving: 'Bijstandsuitgaven t.o.v. vorig jaar (%)', soort: 'mutatie', twin: 'mutatieUitgavenPct' },
  voorlopig_macrobudget_tov_definitief_2016: { omschrijving: 'Voorlopig budget t.o.v. het definitieve budget van vorig jaar', soort: 'mutatie', twin: 'voorlopigTovDefinitiefVorig' },
  voorlopig_macrobudget_tov_definitief_vorig_jaar: { omschrijving: 'Voorlopig budget t.o.v. het definitieve budget van vorig jaar', soort: 'mutatie', twin: 'voorlopigTovDefinitiefVorig' },
  rijksbegroting_macrobudget_vastgestelde_begroting: { omschrijving: 'Rijksbegroting: vastgestelde begroting', soort: 'niveau', twin: null, toelichting: BEGROTING, stadium: 'begroting' },
  rijksbegroting_macrobudget_stand_1e_suppletoire: { omschrijving: 'Rijksbegroting: stand 1e suppletoire begroting', soort: 'niveau', twin: null, toelichting: BEGROTING, stadium: 'suppletoire1' },
  rijksbegroting_macrobudget_stand_2e_suppletoire: { omschrijving: 'Rijksbegroting: stand 2e suppletoire begroting', soort: 'niveau', twin: null, toelichting: BEGROTING, stadium: 'suppletoire2' },
  verwachte_bijstelling_wml_verhoging_ca: {
    omschrijving: 'Verwachte opwaartse bijstelling door de verhoging van het wettelijk minimumloon', soort: 'mutatie', twin: null,
    toelichting: 'Een verwachting bij het (nader) voorlopige budget, geen realisatie.',
  },
  kosten_vangnetregeling: { omschrijving: 'Kosten van de vangnetregeling', soort: 'niveau', twin: null, toelichting: GEEN_VANGNET },
  kosten_vangnetregeling_2020: { omschrijving: 'Kosten van de vangnetregeling over 2020', soort: 'niveau', twin: null, toelichting: GEEN_VANGNET },
  kosten_vangnetuitkering_verrekend: { omschrijving: 'Verrekende vangnetuitkering', soort: 'niveau', twin: null, toelichting: GEEN_VANGNET },
  terugvordering: { omschrijving: 'Teruggevorderde, te veel betaalde uitkeringen', soort: 'niveau', twin: null, toelichting: 'Terugvordering staat niet apart in het extract.' },
  baten_terugvordering_verhaal: { omschrijving: 'Baten uit terugvordering en verhaal', soort: 'niveau', twin: null, toelichting: 'Terugvordering staat niet apart in het extract.' },
};

export function buigIndicator(indicator: string): BuigIndicator {
  const i = BUIG_INDICATOREN[indicator];
  if (!i) throw new Error(`buig_macrobudget.csv: onbekende indicator "${indicator}"`);
  return i;
}

/** Decimals of a value as written in the file (6.1 → 1, 6215.835 → 3). */
export function decimalenVan(waarde: number): number {
  const t = String(waarde);
  const punt = t.indexOf('.');
  return punt < 0 ? 0 : t.length - punt - 1;
}

/** The published value in millions of euros (mld → × 1000); shares and counts unchanged. */
export function inMln(r: Pick<BuigRij, 'waarde' | 'eenheid'>): number {
  return r.eenheid === 'mld_eur' ? r.waarde * 1000 : r.waarde;
}

/**
 * Text of a value of this kind and unit with words, never signs: "tekort € 270 mln",
 * "overschot 2,5%", "€ 460 mln lager", "63%", "€ 6,1 mld". `waarde` is in the unit of `eenheid`.
 */
export function waardeTekst(waarde: number, soort: BuigSoort, eenheid: BuigRij['eenheid'], decimalen: number): string {
  const abs = Math.abs(waarde);
  const getal = formatAantal(abs, decimalen);
  const bedrag = eenheid === 'mln_eur' ? `€ ${getal} mln` : eenheid === 'mld_eur' ? `€ ${getal} mld` : eenheid === 'pct' ? `${getal}%` : getal;
  const nul = Number(getal.replace(/\./g, '').replace(',', '.')) === 0;
  switch (soort) {
    case 'tekort':
    case 'overschot':
    case 'saldo': {
      if (nul) return `${bedrag} (sluitend)`;
      // A positive 'tekort' value is a tekort; a positive 'overschot' or 'saldo' an overschot.
      const tekort = soort === 'tekort' ? waarde > 0 : waarde < 0;
      return `${tekort ? 'tekort' : 'overschot'} ${bedrag}`;
    }
    case 'mutatie':
      return nul ? `${bedrag} (gelijk)` : `${bedrag} ${waarde > 0 ? 'hoger' : 'lager'}`;
    default:
      return bedrag;
  }
}

export interface StadiumRij {
  jaar: number;
  /** € mln per stage, null where nothing was published. */
  waarden: Record<Stadium, number | null>;
  rijen: BuigRij[];
}

/**
 * The macrobudget stages per year as published (one value per stage; a second source's value
 * for the same stage stays out of the series and is returned as a note).
 */
export function stadiaReeks(rijen: readonly BuigRij[]): { jaren: StadiumRij[]; noten: BuigRij[] } {
  const perJaar = new Map<number, StadiumRij>();
  const noten: BuigRij[] = [];
  for (const r of rijen) {
    const ind = buigIndicator(r.indicator);
    if (!ind.stadium) continue;
    if (ind.alternatief) {
      noten.push(r);
      continue;
    }
    const jaar = Number(r.jaar);
    let j = perJaar.get(jaar);
    if (!j) perJaar.set(jaar, (j = { jaar, waarden: Object.fromEntries(STADIA.map((s) => [s.id, null])) as StadiumRij['waarden'], rijen: [] }));
    if (j.waarden[ind.stadium] !== null) throw new Error(`buig_macrobudget.csv: twee waarden voor ${ind.stadium} in ${jaar}`);
    j.waarden[ind.stadium] = inMln(r);
    j.rijen.push(r);
  }
  return { jaren: [...perJaar.values()].sort((a, b) => a.jaar - b.jaar), noten };
}

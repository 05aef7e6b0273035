/**
 * Headline sentences in the style of the letters to parliament, built from the same rows that
 * feed the charts, tables and CSV (uitkomst.ts, uitstroom.ts, starters.ts, contract.ts). Percentages are whole numbers, each rounded
 * on its own as in the letters and the tables (so three outcomes may add up to 99 or 101).
 * A share that disclosure control suppresses (group or numerator below 10 persons, see
 * format/disclosure.ts) never appears as a number: the sentence says it is not shown.
 *
 *   zinWerkzaam(rij, split?)        "Van de mensen die in het derde kwartaal van 2021 werkten, werkte
 *                                    een jaar later 88 procent nog steeds."
 *   zinUitkomsten(rij, split?)      werk verloren / uit het register
 *   zinSteedsWerkzaam(rij, split?)  werk op alle tussenliggende peilmomenten
 *   zinZelfdeBaan(rij, split?)      same job
 *   zinStarters(rij, split?)        starters after 1 year, same job, after 2 years
 *   zinContract(rij, split?)        hours on a permanent contract
 *   zinBaanduur(rij, split?)        mean job duration
 *   zinUitstroom(rijen)             main reason for leaving the register (one basis, one groep)
 *   groepOmschrijving(groep, split) "mensen met achtergrond Wsw", "mensen in de arbeidsmarktregio …"
 * `split` names the dimension of `rij.groep` ('none' or absent for the total).
 */
import { isOnderdrukt, veiligAandeel, veiligGemiddelde, type Onderdrukt } from '../../format/disclosure.ts';
import type { ToonReden } from '../../disclosure/tabel.ts';
import { nietGetoond } from '../../disclosure/zinnen.ts';
import { formatAantal, formatKwartaalVoluit } from '../../format/nl.ts';
import { REGIO_NAMEN } from '../../extracts/regions.ts';
import type { ContractRij } from './contract.ts';
import type { Horizon, Splitsing } from './filters.ts';
import type { StartersRij } from './starters.ts';
import type { UitkomstRij } from './uitkomst.ts';
import type { UitstroomRij } from './uitstroom.ts';

const NIET_GETOOND = nietGetoond('klein');

/**
 * What the view's disclosure control (lib/disclosure, one table for everything the view shows)
 * lets a sentence print: the share of a field as shown elsewhere on the page (a fraction, already
 * rounded) or why it is hidden. Without it a share is hidden only when its own counts are small.
 */
export interface ZinBescherming {
  aandeel(veld: string): number | Onderdrukt | null;
  reden(veld: string): ToonReden | null;
}

let reden: ToonReden = 'klein';
/** "wordt niet getoond, …" with the reason of the last share that was hidden. */
function niet(): string {
  return nietGetoond(reden);
}

/** A share as "88 procent", or null when disclosure control suppresses it (its reason kept for niet()). */
function procent(teller: number, noemer: number, b?: ZinBescherming, veld?: string): string | null {
  const a = b && veld ? b.aandeel(veld) : veiligAandeel(teller, noemer);
  if (a === null || isOnderdrukt(a)) {
    reden = (b && veld ? b.reden(veld) : null) ?? 'klein';
    return null;
  }
  return `${formatAantal(a * 100, 0)} procent`;
}

function later(h: Horizon): string {
  return h === 4 ? 'een jaar later' : 'twee jaar later';
}

/** "mensen" narrowed to the group of a split row, as a noun phrase: "mensen met achtergrond Wsw". */
export function groepOmschrijving(groep: string, split: Splitsing | undefined): string {
  if (!split || split === 'none' || groep === 'totaal') return 'mensen';
  if (groep === 'onbekend') return 'mensen (groep onbekend)';
  switch (split) {
    case 'achtergrond':
      return `mensen met achtergrond ${groep}`;
    case 'regio_code':
      return `mensen in de arbeidsmarktregio ${REGIO_NAMEN[groep] ?? groep}`;
    case 'sector':
      return groep === 'overheid' ? 'mensen met een baan bij de overheid' : 'mensen met een baan in de marktsector';
    case 'dienstverband':
      return groep === 'regulier' ? 'mensen in regulier dienstverband' : groep === 'uitzend' ? 'mensen met een uitzendbaan' : 'gedetacheerde mensen';
  }
}

/** "Van de mensen met achtergrond Wsw die in het derde kwartaal van 2021 werkten". */
function vanDeWerkenden(groep: string, split: Splitsing | undefined, kwartaal: string): string {
  return `Van de ${groepOmschrijving(groep, split)} die in het ${formatKwartaalVoluit(kwartaal)} werkten`;
}

export function zinWerkzaam(rij: UitkomstRij, split?: Splitsing, b?: ZinBescherming): string {
  const p = procent(rij.werkzaam, rij.cohort, b, 'werkzaam');
  const begin = vanDeWerkenden(rij.groep, split, rij.basis);
  if (!p) return `${begin}: het aandeel dat ${later(rij.horizon)} nog werkte, ${niet()}.`;
  return `${begin}, werkte ${later(rij.horizon)} ${p} nog steeds.`;
}

export function zinUitkomsten(rij: UitkomstRij, split?: Splitsing, b?: ZinBescherming): string {
  const uit = procent(rij.uitRegister, rij.cohort, b, 'uit');
  const verloren = procent(rij.werkVerloren, rij.cohort, b, 'verloren');
  const begin = vanDeWerkenden(rij.groep, split, rij.basis);
  const l = later(rij.horizon);
  if (verloren && uit) return `${begin}, had ${l} ${verloren} het werk verloren en was ${uit} uit het doelgroepregister gestroomd.`;
  if (verloren) {
    procent(rij.uitRegister, rij.cohort, b, 'uit');
    return `${begin}, had ${l} ${verloren} het werk verloren; het aandeel dat uit het doelgroepregister stroomde, ${niet()}.`;
  }
  if (uit) return `${begin}, was ${l} ${uit} uit het doelgroepregister gestroomd; het aandeel dat het werk verloor, ${niet()}.`;
  return `${begin}: het aandeel dat ${l} het werk had verloren of uit het doelgroepregister was gestroomd, ${niet()}.`;
}

export function zinSteedsWerkzaam(rij: UitkomstRij, split?: Splitsing, b?: ZinBescherming): string {
  const p = procent(rij.steedsWerkzaam, rij.cohort, b, 'steeds');
  const begin = vanDeWerkenden(rij.groep, split, rij.basis);
  if (!p) return `${begin}: het aandeel dat op alle tussenliggende peilmomenten werk had, ${niet()}.`;
  return `${begin}, had ${p} ook op alle tussenliggende peilmomenten werk.`;
}

export function zinZelfdeBaan(rij: UitkomstRij, split?: Splitsing, b?: ZinBescherming): string {
  const p = procent(rij.zelfdeBaan, rij.cohort, b, 'zelfde');
  const begin = vanDeWerkenden(rij.groep, split, rij.basis);
  if (!p) return `${begin}: het aandeel dat ${later(rij.horizon)} nog in dezelfde baan werkte, ${niet()}.`;
  return `${begin}, werkte ${p} ${later(rij.horizon)} nog in dezelfde baan.`;
}

export function zinStarters(rij: StartersRij, split?: Splitsing, b?: ZinBescherming): string {
  const periode = `in de periode van het ${formatKwartaalVoluit(rij.vanaf)} tot en met het ${formatKwartaalVoluit(rij.basis)}`;
  const onderwerp = `Van de ${groepOmschrijving(rij.groep, split)} die ${periode} begonnen zijn met werken`;
  if (rij.werkzaamNa1Jaar === null) return `${onderwerp}, is nog niet bekend hoeveel er een jaar later werkten.`;
  const na1 = procent(rij.werkzaamNa1Jaar, rij.starters, b, 'na1');
  if (!na1) return `${onderwerp}: het aandeel dat een jaar later nog werk had, ${niet()}.`;
  const zinnen = [`${onderwerp}, heeft ${na1} een jaar later nog steeds werk.`];
  const zelfde = rij.zelfdeBaanNa1Jaar === null ? null : procent(rij.zelfdeBaanNa1Jaar, rij.starters, b, 'zelfde');
  if (zelfde) zinnen.push(`Van deze groep is ${zelfde} een jaar later nog werkzaam in dezelfde baan.`);
  const na2 = rij.werkzaamNa2Jaar === null ? null : procent(rij.werkzaamNa2Jaar, rij.starters, b, 'na2');
  if (na2) zinnen.push(`Twee jaar na de start werkt nog ${na2}.`);
  return zinnen.join(' ');
}

/** " door mensen met achtergrond Wsw" for a split row, "" for the total. */
function doorGroep(rij: ContractRij, split: Splitsing | undefined, voorzetsel: string): string {
  return split && split !== 'none' && rij.groep !== 'totaal' ? ` ${voorzetsel} ${groepOmschrijving(rij.groep, split)}` : '';
}

/** `beschermd`: the quarter's count of werkzamen is hidden to protect a small group elsewhere (the contract trend hides it too). */
export function zinContract(rij: ContractRij, split?: Splitsing, beschermd = false): string {
  const kw = formatKwartaalVoluit(rij.kwartaal);
  const door = doorGroep(rij, split, 'door');
  const a = rij.urenOnbepaaldPct === null || beschermd ? null : veiligGemiddelde(rij.urenOnbepaaldPct, rij.werkzamen);
  if (a === null || isOnderdrukt(a)) {
    return `Het aandeel van de verloonde uren${door} op een contract voor onbepaalde tijd in het ${kw} ${beschermd ? nietGetoond('bescherming') : NIET_GETOOND}.`;
  }
  return `In het ${kw} werd ${formatAantal(a, 0)} procent van de verloonde uren${door} gewerkt op basis van een contract voor onbepaalde tijd.`;
}

export function zinBaanduur(rij: ContractRij, split?: Splitsing, beschermd = false): string {
  const kw = formatKwartaalVoluit(rij.kwartaal);
  const van = doorGroep(rij, split, 'van');
  const d = rij.gemBaanduurJaren === null || beschermd ? null : veiligGemiddelde(rij.gemBaanduurJaren, rij.werkzamen);
  if (d === null || isOnderdrukt(d)) return `De gemiddelde duur van de huidige banen${van} in het ${kw} ${beschermd ? nietGetoond('bescherming') : NIET_GETOOND}.`;
  return `De gemiddelde duur van de huidige banen${van} was in het ${kw} ${formatAantal(d, 1)} jaar.`;
}

const REDEN_TEKST: Record<string, string> = {
  AOW: 'het bereiken van de AOW-leeftijd',
  'Wsw-beschut': 'de overgang naar Wsw beschut werk',
  'geen arbeidsvermogen': 'het ontbreken van arbeidsvermogen',
  overleden: 'overlijden',
  overig: 'een andere reden',
  onbekend: 'een onbekende reden',
};

/** Main reason for leaving the register, for the rows of ONE basis and ONE groep. */
export function zinUitstroom(rijen: readonly UitstroomRij[], b?: ZinBescherming): string | null {
  if (rijen.length === 0) return null;
  const sleutels = new Set(rijen.map((r) => `${r.basis}|${r.groep}`));
  if (sleutels.size > 1) throw new Error('zinUitstroom verwacht de rijen van één basiskwartaal en één groep.');
  const top = [...rijen].sort((a, b) => b.aantal - a.aantal)[0];
  const p = procent(top.aantal, top.uitRegister, b, top.reden);
  if (!p) return `Het aandeel per reden van uitstroom ${niet()}.`;
  return `De voornaamste reden voor uitstroom is ${REDEN_TEKST[top.reden] ?? top.reden} (${p}).`;
}

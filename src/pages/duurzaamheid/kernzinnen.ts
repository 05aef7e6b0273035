/**
 * The headline sentences of the Duurzaamheid page, from the same protected tables as the charts
 * (beveiliging.ts): a share hidden in the table is hidden in the sentence too, and the sentence
 * says why ("omdat het om minder dan 10 personen gaat" or "om een kleine groep elders in de
 * tabel te beschermen"). The published UWV figures of the cohort follow the computed headline.
 */
import type { ChartData } from '../../lib/charts/spec.ts';
import { isOnderdrukt } from '../../lib/format/disclosure.ts';
import type { ContractRij } from '../../lib/metrics/duurzaamheid/contract.ts';
import type { Splitsing } from '../../lib/metrics/duurzaamheid/filters.ts';
import type { StartersRij } from '../../lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../../lib/metrics/duurzaamheid/uitstroom.ts';
import {
  zinBaanduur, zinContract, zinSteedsWerkzaam, zinStarters, zinUitkomsten, zinUitstroom, zinWerkzaam, zinZelfdeBaan,
} from '../../lib/metrics/duurzaamheid/zinnen.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';
import {
  gekozenGroepen, zinCohort, zinRedenen, zinStartersBescherming, type CohortBescherming, type StartersBescherming,
} from './beveiliging.ts';
import { groepVolgorde } from './grafieken.ts';
import { somStarters, somUitkomst, somUitstroom } from './groepen.ts';

export interface KernInvoer {
  /** Outcome rows of the base quarter per group, with its protected table. */
  uitkomst: { rijen: readonly UitkomstRij[]; bescherming: CohortBescherming } | null;
  starters: { rijen: readonly StartersRij[]; bescherming: StartersBescherming } | null;
  contract: readonly ContractRij[] | null;
  /** Quarters whose werkzamen the contract trend hides to protect a small group (its hours share and duration go with them). */
  contractBeschermd?: ReadonlySet<Kwartaal>;
  uitstroom: readonly UitstroomRij[] | null;
  achtergrond: readonly string[];
  eind: Kwartaal | null;
  /** The published UWV figures of this cohort as a sentence (selectie.ts uwvZin). */
  uwv: string | null;
}

/** The quarters whose werkzamen the contract trend (contractData) hides to protect a small group. */
export function beschermdeKwartalen(contract: ChartData | null): Set<Kwartaal> {
  const rijen = contract?.rijen ?? [];
  return new Set(rijen.filter((r) => isOnderdrukt(r.werkzamen) && r.werkzamen.soort === 'bescherming').map((r) => r.kwartaal as Kwartaal));
}

export function kernzinnen(k: KernInvoer): string[] {
  const uit: string[] = [];
  // One selected achtergrond reads as "mensen met achtergrond Wsw"; otherwise the (selection) total.
  const eenGroep = k.achtergrond.length === 1 ? k.achtergrond[0] : null;
  const split: Splitsing = eenGroep ? 'achtergrond' : 'none';
  if (k.uitkomst) {
    const rijen = gekozenGroepen(k.uitkomst.rijen, k.achtergrond);
    const t = eenGroep ? rijen.find((r) => r.groep === eenGroep) : somUitkomst(rijen)[0];
    const p = k.uitkomst.bescherming;
    if (t) {
      const b = zinCohort(p, 'totaal');
      uit.push(zinWerkzaam(t, split, b), ...(k.uwv ? [k.uwv] : []), zinUitkomsten(t, split, b), zinSteedsWerkzaam(t, split, b), zinZelfdeBaan(t, split, b));
      const groepen = groepVolgorde(rijen.map((r) => r.groep));
      if (groepen.length > 1) for (const g of groepen) uit.push(zinWerkzaam(rijen.find((r) => r.groep === g)!, 'achtergrond', zinCohort(p, g)));
    }
  }
  if (k.starters) {
    const rijen = gekozenGroepen(k.starters.rijen, k.achtergrond);
    const s = eenGroep ? rijen.find((r) => r.groep === eenGroep) : somStarters(rijen)[0];
    if (s) uit.push(zinStarters(s, split, zinStartersBescherming(k.starters.bescherming, 'totaal')));
  }
  const c = k.contract && k.eind ? k.contract.find((r) => r.kwartaal === k.eind && r.groep === 'totaal') : undefined;
  const beschermd = c ? (k.contractBeschermd?.has(c.kwartaal) ?? false) : false;
  if (c) uit.push(zinContract(c, undefined, beschermd), zinBaanduur(c, undefined, beschermd));
  if (k.uitkomst && k.uitstroom?.length) {
    const z = zinUitstroom(somUitstroom(k.uitstroom, k.achtergrond), zinRedenen(k.uitkomst.bescherming));
    if (z) uit.push(z);
  }
  return uit;
}

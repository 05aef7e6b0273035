/**
 * Headline sentences in the style of the letters to parliament ("In 2016 gaven gemeenten € 270
 * miljoen (4,8 procent) meer uit aan bijstandsuitkeringen dan het macrobudget."), built from the
 * same rows as the charts. Directions are words (tekort, overschot, meer, minder), never signs;
 * amounts in miljoen euro, nl-NL. A gemeente without budget gets no percentage.
 */
import { formatAantal } from '../../lib/format/nl.ts';
import { cumulatiefUitJaren, type CumulatiefRij, type GemeenteRij, type LandelijkRij, type SpreidingRij } from '../../lib/metrics/buig.ts';

/** "€ 270 miljoen", "€ 2,5 miljoen", "€ 23.000" (whole thousands below a million). */
export function bedragTekst(euros: number): string {
  const a = Math.abs(euros);
  if (a >= 9.95e6) return `€ ${formatAantal(a / 1e6, 0)} miljoen`;
  if (a >= 0.995e6) return `€ ${formatAantal(a / 1e6, 1)} miljoen`;
  if (a >= 1e3) return `€ ${formatAantal(Math.round(a / 1e3) * 1e3, 0)}`;
  return `€ ${formatAantal(a, 0)}`;
}

/** "4,8 procent" (a percentage 0..100, sign dropped: the sentence says the direction). */
export function procentTekst(pct: number, decimalen = 1): string {
  return `${formatAantal(Math.abs(pct), decimalen)} procent`;
}

const IS_NUL = (pct: number | null, euros: number) => Math.abs(euros) < 0.5 || (pct !== null && formatAantal(Math.abs(pct), 1) === '0,0' && Math.abs(euros) < 5e5);

interface Wie {
  wie: string;
  budget: string;
}

/** The result of a year: more or less spent than the budget, in € and % of the definitief budget. */
export function zinResultaat(r: Pick<LandelijkRij, 'jaar' | 'saldo' | 'saldoPct'>, w: Wie): string {
  if (IS_NUL(r.saldoPct, r.saldo)) return `In ${r.jaar} gaven ${w.wie} precies ${w.budget} uit aan bijstandsuitkeringen.`;
  const pct = r.saldoPct === null ? '' : ` (${procentTekst(r.saldoPct)})`;
  return `In ${r.jaar} gaven ${w.wie} ${bedragTekst(r.saldo)}${pct} ${r.saldo < 0 ? 'meer' : 'minder'} uit aan bijstandsuitkeringen dan ${w.budget}.`;
}

/** From voorlopig to definitief budget: the adjustment up or down. */
export function zinBudget(r: Pick<LandelijkRij, 'jaar' | 'voorlopig' | 'definitief'>, w: Wie & { landelijk: boolean }): string {
  const wat = w.landelijk ? `Het definitieve macrobudget ${r.jaar}` : `Het definitieve budget ${r.jaar} van ${w.wie}`;
  const verschil = r.definitief - r.voorlopig;
  if (Math.abs(verschil) < 0.5) return `${wat} was ${bedragTekst(r.definitief)}, gelijk aan het voorlopige budget.`;
  return `${wat} was ${bedragTekst(r.definitief)}: ${bedragTekst(verschil)} ${verschil > 0 ? 'meer' : 'minder'} dan het voorlopige budget van ${bedragTekst(r.voorlopig)}.`;
}

/** Share of gemeenten with a tekort, and with a tekort of at least the threshold (whole percents, as the letters write). */
export function zinGemeenten(
  r: Pick<LandelijkRij, 'jaar' | 'gemeenten' | 'pctGemeentenTekort' | 'drempel' | 'pctGemeentenDrempel'>,
  w: { landelijk: boolean; selectie: string },
): string {
  const van = w.landelijk ? `van de ${formatAantal(r.gemeenten)} gemeenten` : `van de ${formatAantal(r.gemeenten)} gemeenten (${w.selectie})`;
  return (
    `In ${r.jaar} had ${procentTekst(r.pctGemeentenTekort, 0)} ${van} een tekort op het BUIG-budget; ` +
    `${procentTekst(r.pctGemeentenDrempel, 0)} had een tekort van minstens ${r.drempel} procent van het budget.`
  );
}

/** The cumulative result over a range, as the letter of 30 June 2017 reports 2012–2016. */
export function zinCumulatief(c: CumulatiefRij, w: { landelijk: boolean }): string {
  const budget = w.landelijk ? 'het cumulatieve macrobudget' : 'het cumulatieve budget';
  if (IS_NUL(c.saldoPct, c.saldo)) return `Het gecumuleerde resultaat over de periode ${c.van}–${c.tot} is nihil.`;
  const soort = c.saldo < 0 ? 'tekort' : 'overschot';
  const pct = c.saldoPct === null ? '' : ` Dit is ${procentTekst(c.saldoPct, 2)} van ${budget} ${c.van}–${c.tot}.`;
  return `Het gecumuleerde resultaat over de periode ${c.van}–${c.tot} is een ${soort} van ${bedragTekst(c.saldo)}.${pct}`;
}

function richtingPct(pct: number): string {
  if (formatAantal(Math.abs(pct), 1) === '0,0') return 'een sluitend budget';
  return `een ${pct < 0 ? 'tekort' : 'overschot'} van ${procentTekst(pct)}`;
}

/** The middle half of the gemeenten and the median, in % of their budget. */
export function zinSpreiding(s: SpreidingRij): string | null {
  if (s.p25 === null || s.p75 === null || s.mediaan === null || s.gemeenten < 4) return null;
  return (
    `De middelste helft van de gemeenten had in ${s.jaar} een resultaat tussen ${richtingPct(s.p25)} en ${richtingPct(s.p75)} van het budget; ` +
    `de middelste gemeente had ${richtingPct(s.mediaan)}.`
  );
}

/**
 * One gemeente: its result and where it stands among the gemeenten of the year (by saldo %, from
 * the largest tekort). `rijen` are that year's gemeenten in the order of the query.
 */
export function zinGemeente(g: GemeenteRij, rijen: readonly GemeenteRij[]): string {
  if (g.saldoPct === null) {
    return `${g.naam} had in ${g.jaar} geen budget; de uitgaven waren ${bedragTekst(g.uitgaven)}, een percentage van het budget is niet van toepassing.`;
  }
  const metPct = rijen.filter((r) => r.saldoPct !== null);
  const groter = metPct.filter((r) => r.saldoPct! < g.saldoPct!).length;
  const wat = IS_NUL(g.saldoPct, g.saldo) ? 'een sluitend budget' : `een ${g.saldo < 0 ? 'tekort' : 'overschot'} van ${bedragTekst(g.saldo)} (${procentTekst(g.saldoPct)} van het budget)`;
  return (
    `${g.naam} had in ${g.jaar} ${wat}; dat is plaats ${formatAantal(groter + 1)} van ${formatAantal(metPct.length)} gemeenten met een budget, ` +
    'gerekend van het grootste tekort naar het grootste overschot (in procenten van het budget).'
  );
}

/**
 * The headline sentences of a year, as the page shows them (and the briefing drafts them): the
 * result, the budget, the gemeenten with a tekort, the spread, the cumulative result over the
 * range and the chosen gemeente. Empty when the selection has no row for the year.
 */
export function jaarZinnen(o: {
  jaar: number;
  periode: { van: number; tot: number };
  rijen: readonly LandelijkRij[];
  wie: Wie & { landelijk: boolean };
  selectie: string;
  spreiding: readonly SpreidingRij[] | null;
  gekozen: GemeenteRij | null;
  gemeenteRijen: readonly GemeenteRij[];
}): string[] {
  const rij = o.rijen.find((r) => r.jaar === o.jaar);
  if (!rij) return [];
  const uit = [zinResultaat(rij, o.wie), zinBudget(rij, o.wie), zinGemeenten(rij, { landelijk: o.wie.landelijk, selectie: o.selectie })];
  const s = o.spreiding?.find((x) => x.jaar === o.jaar);
  const zs = s ? zinSpreiding(s) : null;
  if (zs) uit.push(zs);
  if (o.periode.van < o.periode.tot) uit.push(zinCumulatief(cumulatiefUitJaren(o.rijen, o.periode.van, o.periode.tot), o.wie));
  if (o.gekozen) uit.push(zinGemeente(o.gekozen, o.gemeenteRijen));
  return uit;
}

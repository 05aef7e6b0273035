/**
 * The Banen tile: banen (25,5 verloonde uren a week) for the target group in the latest quarter,
 * the growth since the nulmeting (end 2012) against the banenafspraak target, and the extra banen
 * per quarter as the trend. Published: the realisation UWV/SZW published for the same date, else
 * the latest published figure the data cover, next to the computed value for that quarter.
 */
import { formatAantal, formatDatum, formatKwartaal, formatPct } from '../../lib/format/nl.ts';
import { isOnderdrukt, onderdruktTekst, veiligGemiddelde } from '../../lib/format/disclosure.ts';
import { kwartaalEinde, type Kwartaal } from '../../lib/kwartaal.ts';
import type { BanenRij } from '../../lib/metrics/banen.ts';
import { metingNaam, type Doel, type Realisatie } from '../../lib/published/banenafspraak.ts';
import { href } from '../../lib/state/url.ts';
import type { TegelGepubliceerd, TegelInhoud } from './tegel.ts';

export const NULMETING: Kwartaal = '2012Q4';

/** Banen of a quarter under disclosure control (fewer than 10 working persons: not shown). */
function veiligeBanen(r: BanenRij): number | null {
  const v = veiligGemiddelde(r.banen, r.werkzamen);
  return isOnderdrukt(v) ? null : v;
}

/** The target that applies to a year: that year's, else the next one set (cumulative, totaal). */
export function doelVoor(jaar: number, doelen: readonly Doel[]): Doel | null {
  const totaal = doelen.filter((d) => d.sector === 'totaal' && d.jaar >= jaar).sort((a, b) => a.jaar - b.jaar);
  return totaal[0] ?? null;
}

/** Published totals (jaarmetingen and UWV's quarterly figures) per peildatum; the official one first. */
function gepubliceerdeTotalen(realisatie: readonly Realisatie[]): Map<string, Realisatie> {
  const m = new Map<string, Realisatie>();
  for (const r of realisatie) {
    if (r.sector !== 'totaal') continue;
    const al = m.get(r.peildatum);
    if (!al || (r.officieel && !al.officieel)) m.set(r.peildatum, r);
  }
  return m;
}

/** Regio's with growth over the same period; one quarter alone has no growth: the page's default. */
function link(van: Kwartaal, tot: Kwartaal): TegelInhoud['link'] {
  if (van === tot) return { href: href('regios', { indicator: 'banen' }), tekst: "Naar Regio's" };
  return { href: href('regios', { indicator: 'groei', van, tot }), tekst: `Naar Regio's, groei ${formatKwartaal(van)} tot ${formatKwartaal(tot)}` };
}

/** The tile from the national banen per quarter (banenQuery, split totaal), ordered by quarter. */
export function banenTegel(rijen: readonly BanenRij[], realisatie: readonly Realisatie[], doelen: readonly Doel[]): TegelInhoud | null {
  const laatste = rijen.at(-1);
  if (!laatste) return null;
  const nul = rijen.find((r) => r.kwartaal === NULMETING);
  const banenNul = nul ? veiligeBanen(nul) : null;
  const extra = (r: BanenRij) => {
    const b = veiligeBanen(r);
    return b === null || banenNul === null ? null : b - banenNul;
  };
  const banen = veiligeBanen(laatste);
  const groei = extra(laatste);
  const jaar = Number(laatste.kwartaal.slice(0, 4));
  const doel = doelVoor(jaar, doelen);
  const regels: string[] = [];
  if (groei !== null && banenNul !== null) {
    regels.push(`Sinds de nulmeting (${formatKwartaal(NULMETING)}, ${formatAantal(banenNul)} banen): ${groei >= 0 ? '+' : '−'}${formatAantal(Math.abs(groei))} banen.`);
    if (doel) regels.push(`Doel van de banenafspraak eind ${doel.jaar}: ${formatAantal(doel.doelCumulatief)} extra banen; gerealiseerd ${formatPct(groei / doel.doelCumulatief, 0)} daarvan.`);
  } else if (!nul) {
    regels.push(`De nulmeting (${formatKwartaal(NULMETING)}) zit niet in de geladen gegevens: de groei sinds de nulmeting is niet te berekenen.`);
  }

  const totalen = gepubliceerdeTotalen(realisatie);
  const gepubliceerd: TegelGepubliceerd[] = [];
  const pubTekst = (r: Realisatie) => `${formatAantal(r.extraBanen)} extra banen op ${formatDatum(r.peildatum)} (${metingNaam(r.meting)})`;
  const zelfde = totalen.get(kwartaalEinde(laatste.kwartaal));
  if (zelfde) gepubliceerd.push({ tekst: `Gepubliceerd: ${pubTekst(zelfde)}`, citatie: zelfde.citatie });
  else {
    const eerder = [...rijen].reverse().find((r) => totalen.has(kwartaalEinde(r.kwartaal)));
    if (eerder) {
      const p = totalen.get(kwartaalEinde(eerder.kwartaal))!;
      const e = extra(eerder);
      gepubliceerd.push({
        tekst: `Laatst gepubliceerd: ${pubTekst(p)}; berekend op deze gegevens: ${e === null ? 'niet te berekenen' : formatAantal(e)}`,
        citatie: p.citatie,
      });
    }
  }

  return {
    kop: nul ? 'Extra banen sinds de nulmeting' : 'Banen',
    waarde: nul ? (groei === null ? onderdruktTekst({ onderdrukt: true, soort: 'afgeleid' }) : `${groei >= 0 ? '+' : '−'}${formatAantal(Math.abs(groei))}`) : banen === null ? onderdruktTekst({ onderdrukt: true, soort: 'afgeleid' }) : formatAantal(banen),
    uitleg: `${banen === null ? 'Het aantal banen wordt niet getoond' : `${formatAantal(banen)} banen`} voor mensen uit het doelgroepregister in het ${formatKwartaal(laatste.kwartaal)}; een baan is 25,5 verloonde uren per week.`,
    regels,
    trend: nul
      ? { titel: 'Extra banen sinds de nulmeting per kwartaal', punten: rijen.map((r) => ({ label: formatKwartaal(r.kwartaal), waarde: extra(r) })), formaat: (v) => formatAantal(v) }
      : { titel: 'Banen per kwartaal', punten: rijen.map((r) => ({ label: formatKwartaal(r.kwartaal), waarde: veiligeBanen(r) })), formaat: (v) => formatAantal(v) },
    gepubliceerd,
    geenGepubliceerd: 'Voor de kwartalen in deze gegevens is geen landelijk cijfer gepubliceerd.',
    link: link(nul ? NULMETING : rijen[0].kwartaal, laatste.kwartaal),
  };
}

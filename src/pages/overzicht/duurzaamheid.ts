/**
 * The Duurzaamheid tile: of everyone in the register who worked in the latest third-quarter base
 * quarter with a full year after it, the share that worked a year later; the same share for every
 * earlier third quarter as the trend; the UWV figure for that cohort when one was published, else
 * the latest published cohort next to its computed value. Reads the answer of the Duurzaamheid
 * page's own trend query (same SQL, so the page opens from the cache).
 */
import { formatAantal, formatKwartaal, formatPct } from '../../lib/format/nl.ts';
import { isOnderdrukt, onderdruktTekst, veiligAandeel, veiligAantal } from '../../lib/format/disclosure.ts';
import type { PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { cohortTrendQuery, type UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import { gepubliceerdPerKwartaal, type GepubliceerdCijfer } from '../../lib/published/duurzaamheid.ts';
import type { MetricQuery } from '../../lib/sql/query.ts';
import { href } from '../../lib/state/url.ts';
import { somUitkomst, TOTAAL } from '../duurzaamheid/groepen.ts';
import { aandeelTrend, type TegelInhoud } from './tegel.ts';

/**
 * The Duurzaamheid page's trend question for its default view: national, all sectors, horizon one
 * year, split by achtergrond, every third quarter (UWV's peilmoment). The same SQL text as the
 * page asks, so opening the page after the Overzicht is answered from the cache.
 */
export function duurzaamheidTrendQuery(bereik: PanelBereik): MetricQuery<UitkomstRij[]> {
  return cohortTrendQuery({ horizon: 4, filters: { regio: [], sector: [] }, split: 'achtergrond', kwartaalVanJaar: 3 }, bereik);
}

function tekst(v: ReturnType<typeof veiligAandeel>, decimalen = 1): string {
  return isOnderdrukt(v) ? onderdruktTekst(v) : formatPct(v, decimalen);
}

/** The tile from the trend rows (split by achtergrond) and the published figures; null without a cohort. */
export function duurzaamheidTegel(rijen: readonly UitkomstRij[], gepubliceerd: readonly GepubliceerdCijfer[]): TegelInhoud | null {
  const totaal = somUitkomst(rijen);
  const laatste = totaal.at(-1);
  if (!laatste) return null;
  const aandeel = (r: UitkomstRij) => veiligAandeel(r.werkzaam, r.cohort);
  const cohort = veiligAantal(laatste.cohort);
  const pub = gepubliceerdPerKwartaal(gepubliceerd, (b) => (b.soort === 'cohort' && b.veld === 'werkzaamPct' && b.groep === TOTAAL ? b.basis : null));
  const eigen = pub.get(laatste.basis);
  const periode = (basis: string, eind: string) => `${formatKwartaal(basis)} → ${formatKwartaal(eind)}`;
  const pubTekst = (c: GepubliceerdCijfer, basis: string, eind: string) => `UWV: ${formatAantal(c.waarde)}% (${periode(basis, eind)})`;
  const gepubliceerdeRegels = [];
  if (eigen) {
    gepubliceerdeRegels.push({ tekst: pubTekst(eigen, laatste.basis, laatste.eind), citatie: eigen.citatie });
  } else {
    // The latest published cohort that the data cover, next to the computed value for it.
    const eerder = [...totaal].reverse().find((r) => pub.has(r.basis));
    if (eerder) {
      const c = pub.get(eerder.basis)!;
      gepubliceerdeRegels.push({
        tekst: `Laatst gepubliceerd door UWV: ${formatAantal(c.waarde)}% voor ${periode(eerder.basis, eerder.eind)}; berekend op deze gegevens: ${tekst(aandeel(eerder))}`,
        citatie: c.citatie,
      });
    }
  }
  return {
    kop: 'Werkzaam na 1 jaar',
    waarde: tekst(aandeel(laatste)),
    uitleg: isOnderdrukt(cohort)
      ? `Minder dan 10 mensen werkten in het ${formatKwartaal(laatste.basis)}: het aandeel wordt niet getoond.`
      : `Van de ${formatAantal(cohort)} mensen uit het doelgroepregister die in het ${formatKwartaal(laatste.basis)} werkten, werkte dit deel een jaar later (${formatKwartaal(laatste.eind)}) nog of weer.`,
    regels: [`Werk verloren: ${tekst(veiligAandeel(laatste.werkVerloren, laatste.cohort))}; uit het register: ${tekst(veiligAandeel(laatste.uitRegister, laatste.cohort))}.`],
    trend: aandeelTrend('Werkzaam na 1 jaar per basiskwartaal', totaal, (r) => formatKwartaal(r.basis), aandeel),
    gepubliceerd: gepubliceerdeRegels,
    geenGepubliceerd: 'UWV heeft voor de kwartalen in deze gegevens geen cijfer gepubliceerd.',
    link: { href: href('duurzaamheid', { basis: laatste.basis, horizon: 4 }), tekst: `Naar Duurzaamheid, ${formatKwartaal(laatste.basis)}` },
  };
}

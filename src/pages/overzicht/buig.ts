/**
 * The BUIG tile: the national result (definitief budget − uitgaven) of the latest year in the
 * data, as a tekort or overschot in € and as % of the budget, with the result per year as the
 * trend. Published: every national result figure (€) for that year, else the latest published
 * one the data cover, each next to its computed twin (the BUIG page's own rule, twinWaarde).
 */
import { formatEuro, formatPct } from '../../lib/format/nl.ts';
import type { LandelijkRij } from '../../lib/metrics/buig.ts';
import { buigIndicator, decimalenVan, waardeTekst } from '../../lib/published/buig.ts';
import type { BuigRij } from '../../lib/published/reference.ts';
import { href } from '../../lib/state/url.ts';
import { twinWaarde } from '../buig/gepubliceerd.ts';
import type { TegelGepubliceerd, TegelInhoud } from './tegel.ts';

/** "tekort van € 270 mln", "overschot van € 12 mln", "sluitend". */
export function resultaatWoorden(saldo: number): { soort: 'tekort' | 'overschot' | 'sluitend'; bedrag: string } {
  const bedrag = formatEuro(Math.abs(saldo), { schaal: 'mln' });
  if (bedrag === '€ 0 mln') return { soort: 'sluitend', bedrag };
  return { soort: saldo < 0 ? 'tekort' : 'overschot', bedrag };
}

/** Published national results in € (tekort or overschot of one year). */
function isResultaat(r: BuigRij): boolean {
  const ind = buigIndicator(r.indicator);
  return ind.twin === 'saldo' && /^\d{4}$/.test(r.jaar);
}

/** The tile from landelijkQuery's rows (one per year, ordered). */
export function buigTegel(rijen: readonly LandelijkRij[], gepubliceerd: readonly BuigRij[]): TegelInhoud | null {
  const laatste = rijen.at(-1);
  if (!laatste) return null;
  const w = resultaatWoorden(laatste.saldo);
  const jaren = new Set(rijen.map((r) => r.jaar));
  const resultaten = gepubliceerd.filter(isResultaat);
  const zelfde = resultaten.filter((r) => Number(r.jaar) === laatste.jaar);
  const laatstGepubliceerd = Math.max(...resultaten.filter((r) => jaren.has(Number(r.jaar))).map((r) => Number(r.jaar)));
  const getoond = zelfde.length ? zelfde : resultaten.filter((r) => Number(r.jaar) === laatstGepubliceerd);
  const pub: TegelGepubliceerd[] = getoond.map((r) => {
    const ind = buigIndicator(r.indicator);
    const d = decimalenVan(r.waarde);
    const twin = twinWaarde(r, rijen);
    const berekend = twin === null ? '' : `; berekend op deze gegevens: ${waardeTekst(twin, ind.soort, r.eenheid, d)}`;
    return {
      tekst: `${zelfde.length ? 'Gepubliceerd' : 'Laatst gepubliceerd'}, ${r.jaar}: ${waardeTekst(r.waarde, ind.soort, r.eenheid, d)} (${ind.omschrijving.toLowerCase()})${berekend}`,
      citatie: r.citatie,
    };
  });
  return {
    kop: `Resultaat ${laatste.jaar}`,
    waarde: w.soort === 'sluitend' ? 'sluitend' : `${w.soort} ${w.bedrag}`,
    uitleg: `Het definitieve macrobudget BUIG ${laatste.jaar} (${formatEuro(laatste.definitief)}) min de uitgaven (${formatEuro(laatste.uitgaven)}), alle gemeenten samen${laatste.saldoPct === null ? '' : `: ${formatPct(Math.abs(laatste.saldoPct) / 100, 1)} van het budget`}.`,
    regels: [`${formatPct(laatste.pctGemeentenTekort / 100, 0)} van de gemeenten had een tekort.`],
    trend: {
      titel: 'Resultaat per jaar in miljoenen euro (tekort negatief)',
      punten: rijen.map((r) => ({ label: String(r.jaar), waarde: r.saldo / 1e6 })),
      formaat: (v) => {
        const x = resultaatWoorden(v * 1e6);
        return x.soort === 'sluitend' ? 'sluitend' : `${x.soort} ${x.bedrag}`;
      },
    },
    gepubliceerd: pub,
    geenGepubliceerd: 'Voor de jaren in deze gegevens is geen landelijk resultaat gepubliceerd.',
    link: { href: href('buig', { jaar: laatste.jaar }), tekst: `Naar BUIG, ${laatste.jaar}` },
  };
}

/**
 * The Beschut werk tile: the share of positive adviezen in the latest year of the data (and the
 * counts), the realised places against the taakstelling at the latest peildatum, and the share
 * positive per year as the trend. Published: the figure for the same period or date where one
 * exists, else the latest published places with the computed places on that date.
 */
import { formatAantal, formatPct } from '../../lib/format/nl.ts';
import { isOnderdrukt, onderdruktTekst, veiligAandeel, veiligAantal } from '../../lib/format/disclosure.ts';
import type { JaarRij, PlekkenRij } from '../../lib/metrics/beschut.ts';
import type { BeschutCijfer } from '../../lib/published/beschut.ts';
import { formatDatumVoluit } from '../../lib/format/nl.ts';
import { href } from '../../lib/state/url.ts';
import { aandeelTrend, type TegelGepubliceerd, type TegelInhoud } from './tegel.ts';

const aantal = (n: number) => {
  const v = veiligAantal(n);
  return isOnderdrukt(v) ? onderdruktTekst(v) : formatAantal(v);
};

/**
 * The months of `jaar` the link should show: January up to the last month of the data in that
 * year (`totDatum`, the extract's last peildatum) or December.
 */
export function maandenVanJaar(jaar: number, totDatum: string | null): { van: string; tot: string } {
  const tot = totDatum && totDatum.startsWith(`${jaar}-`) ? totDatum.slice(0, 7) : `${jaar}-12`;
  return { van: `${jaar}-01`, tot };
}

/**
 * The tile from the yearly adviezen (perJaarQuery, every aanvrager and totaal) and the national
 * places per peildatum (plekkenQuery); `totDatum` the adviezen extract's last date (for the link).
 */
export function beschutTegel(
  jaren: readonly JaarRij[],
  plekken: readonly PlekkenRij[],
  gepubliceerd: readonly BeschutCijfer[],
  totDatum: string | null,
): TegelInhoud | null {
  const totaal = jaren.filter((r) => r.aanvrager === 'totaal' && r.beoordelingen > 0).sort((a, b) => a.jaar - b.jaar);
  const laatste = totaal.at(-1);
  if (!laatste) return null;
  const pct = (r: JaarRij) => veiligAandeel(r.positief, r.beoordelingen);
  const p = pct(laatste);
  const plek = plekken.at(-1);
  const regels: string[] = [];
  if (plek) {
    const real = plek.taakstelling > 0 ? `, ${formatPct(plek.plekken / plek.taakstelling, 0)} van de taakstelling` : '';
    regels.push(`Plekken op ${formatDatumVoluit(plek.peildatum)}: ${formatAantal(plek.plekken)} tegen een taakstelling van ${formatAantal(plek.taakstelling)}${real}.`);
  }

  const pub: TegelGepubliceerd[] = [];
  const zelfdeJaar = gepubliceerd.find(
    (c) => c.berekening.soort === 'adviezen' && c.berekening.maat === 'pct' && c.berekening.aanvrager === 'totaal' && c.berekening.van === `${laatste.jaar}-01` && c.berekening.tot === `${laatste.jaar}-12`,
  );
  if (zelfdeJaar) pub.push({ tekst: `Gepubliceerd: ${formatAantal(zelfdeJaar.waarde)}% positief (${zelfdeJaar.periode})`, citatie: zelfdeJaar.citatie });
  const geplaatst = gepubliceerd
    .filter((c) => c.berekening.soort === 'plekken' && c.berekening.maat === 'plekken')
    .sort((a, b) => (a.berekening.soort === 'plekken' && b.berekening.soort === 'plekken' ? a.berekening.peildatum.localeCompare(b.berekening.peildatum) : 0));
  const laatstePub = geplaatst.at(-1);
  if (laatstePub && laatstePub.berekening.soort === 'plekken') {
    const d = laatstePub.berekening.peildatum;
    const berekend = plekken.find((r) => r.peildatum === d);
    const zelfde = plek?.peildatum === d;
    pub.push({
      tekst: `${zelfde ? 'Gepubliceerd' : 'Laatst gepubliceerd'}: ${formatAantal(laatstePub.waarde)} mensen werkzaam in beschut werk op ${laatstePub.periode}${!zelfde && berekend ? `; berekend op deze gegevens: ${formatAantal(berekend.plekken)} plekken` : ''}`,
      citatie: laatstePub.citatie,
    });
  }

  const maanden = maandenVanJaar(laatste.jaar, totDatum);
  return {
    kop: `Positieve adviezen ${laatste.jaar}`,
    waarde: isOnderdrukt(p) ? onderdruktTekst(p) : formatPct(p, 1),
    uitleg: `${aantal(laatste.positief)} van de ${aantal(laatste.beoordelingen)} adviezen beschut werk in ${laatste.jaar} waren positief (op verzoek van gemeenten en van burgers samen).`,
    regels,
    trend: aandeelTrend('Percentage positieve adviezen per jaar', totaal, (r) => String(r.jaar), pct),
    gepubliceerd: pub,
    link: { href: href('beschut-werk', maanden), tekst: `Naar Beschut werk, ${laatste.jaar}` },
  };
}

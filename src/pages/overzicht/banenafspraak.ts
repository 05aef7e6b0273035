/**
 * The Overzicht's banenafspraak chart: the published realisation against the targets, with the
 * total filled in where only markt and overheid were published (2018, the viermeting). Such a
 * total is derived, never published: it gets its own column (so the chart can mark it and the
 * table and CSV say it) and a footnote with the sum.
 */
import type { ChartData } from '../../lib/charts/spec.ts';
import { formatAantal } from '../../lib/format/nl.ts';

export const AFGELEID_KOLOM = 'totaal_afgeleid';
export const AFGELEID_LABEL = 'Totaal: afgeleid (markt + overheid)';

/** The library's note that says the total is not derived; replaced by what was derived. */
const NIET_AFGELEID = /het totaal wordt niet afgeleid/;

/**
 * The chart data with a derived total for every year that has markt and overheid but no total.
 * The derived value goes only into AFGELEID_KOLOM: the published column stays empty, so no
 * reader of the table or CSV takes a sum for a published figure. The line is joined through the
 * derived point by `lijnMetAfgeleid`, for the drawing only.
 */
export function metAfgeleidTotaal(data: ChartData): ChartData {
  const afgeleid: { jaar: unknown; markt: number; overheid: number }[] = [];
  const rijen = data.rijen.map((r) => {
    const { markt, overheid } = r;
    if (r.totaal === null && typeof markt === 'number' && typeof overheid === 'number') {
      afgeleid.push({ jaar: r.jaar, markt, overheid });
      return { ...r, [AFGELEID_KOLOM]: markt + overheid };
    }
    return { ...r, [AFGELEID_KOLOM]: null };
  });
  const i = data.kolommen.findIndex((k) => k.key === 'doel_totaal');
  const kolommen = [...data.kolommen];
  kolommen.splice(i < 0 ? kolommen.length : i + 1, 0, { key: AFGELEID_KOLOM, label: AFGELEID_LABEL, type: 'aantal' });
  const noten = afgeleid.map(
    (a) =>
      `${String(a.jaar)}: geen gepubliceerd totaal; het totaal ${formatAantal(a.markt + a.overheid)} is afgeleid als markt (${formatAantal(a.markt)}) + overheid (${formatAantal(a.overheid)}) en staat ook in de kolom "${AFGELEID_LABEL}". Door afronding kan het werkelijke totaal iets afwijken.`,
  );
  const voetnoten = (data.voetnoten ?? []).flatMap((v) => (NIET_AFGELEID.test(v) ? noten : [v]));
  if (!(data.voetnoten ?? []).some((v) => NIET_AFGELEID.test(v))) voetnoten.push(...noten);
  return { ...data, kolommen, rijen, voetnoten };
}

/** For the drawing: the total line runs through the derived point (marked apart as a diamond). */
export function lijnMetAfgeleid(data: ChartData): ChartData {
  const rijen = data.rijen.map((r) => (r.totaal === null && typeof r[AFGELEID_KOLOM] === 'number' ? { ...r, totaal: r[AFGELEID_KOLOM] } : r));
  return { ...data, rijen };
}

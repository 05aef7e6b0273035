/**
 * The comparison of published UWV/SZW figures with the computed ones: the table (every figure,
 * its computed twin rounded as printed, the difference, within tolerance) and the bar chart of
 * the differences in procentpunten. Both from the same rounded values.
 */
import type { ChartData } from '../../lib/charts/spec.ts';
import { formatAantal } from '../../lib/format/nl.ts';
import type { Vergelijking } from '../../lib/published/duurzaamheid.ts';
import { bronnenVan, type Context } from './grafieken.ts';

/** One decimal, half away from zero as Intl shows it: what the table prints is what is drawn. */
function eenDecimaal(x: number | null): number | null {
  return x === null ? null : (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10 + 0;
}

/**
 * The difference as the table shows it: the computed value rounded to the decimal shown, minus
 * the published one (which has at most one decimal), so "88,0 − 88,0" never reads "0,1".
 */
function getoondVerschil(v: Vergelijking): number | null {
  const b = eenDecimaal(v.berekend);
  return b === null ? null : eenDecimaal(b - v.cijfer.waarde);
}

/** The comparison table: every published figure, its computed twin, the difference, in tolerance. */
export function vergelijkingData(rijen: readonly Vergelijking[], ctx: Context): ChartData {
  const { synthetisch } = ctx;
  const berekendLabel = synthetisch ? 'Berekend (synthetische demodata)' : 'Berekend';
  const binnen = (v: Vergelijking) =>
    v.status === 'binnen' ? 'ja' : v.status === 'buiten' ? 'nee' : `– (${v.toelichting ?? v.status})`;
  const tol = (v: Vergelijking) => (v.cijfer.eenheid === 'procent' ? '±1\u00a0procentpunt' : `±${formatAantal(v.tolerantie, 2)}\u00a0jaar`);
  return {
    titel: 'Gepubliceerde UWV-cijfers naast de berekening',
    ondertitel: 'Heel Nederland, alle sectoren, horizon 1 jaar; groep zoals gepubliceerd. De grafiek toont het verschil berekend − gepubliceerd in procentpunten',
    bron: `gepubliceerd: UWV en SZW (bron en citaat per cijfer); berekend: ${ctx.bron}`,
    peildatum: ctx.peildatum,
    synthetisch,
    kolommen: [
      { key: 'cijfer', label: 'Cijfer', type: 'tekst' },
      { key: 'groep', label: 'Groep', type: 'tekst' },
      { key: 'periode', label: 'Periode', type: 'tekst' },
      { key: 'gepubliceerd', label: 'Gepubliceerd (UWV/SZW)', type: 'aantal', decimalen: 1 },
      { key: 'berekend', label: berekendLabel, type: 'aantal', decimalen: 1 },
      { key: 'verschil', label: 'Verschil (berekend − gepubliceerd)', type: 'aantal', decimalen: 1 },
      { key: 'tolerantie', label: 'Tolerantie', type: 'tekst' },
      { key: 'binnen', label: 'Binnen tolerantie', type: 'tekst' },
      { key: 'bron', label: 'Bron', type: 'tekst' },
    ],
    rijen: rijen.map((v) => ({
      cijfer: v.cijfer.omschrijving,
      groep: v.cijfer.groep,
      periode: v.cijfer.periode,
      gepubliceerd: v.cijfer.waarde,
      berekend: eenDecimaal(v.berekend),
      verschil: getoondVerschil(v),
      tolerantie: tol(v),
      binnen: binnen(v),
      bron: v.cijfer.citatie.label,
    })),
    voetnoten: [
      'Tolerantie: 1 procentpunt voor percentages; voor jaren 1% van de gepubliceerde waarde (niet strenger dan de helft van het laatste gepubliceerde cijfer).',
      ...(synthetisch ? ['De berekende waarden komen uit synthetische demodata die op deze gepubliceerde cijfers zijn afgestemd; het zijn geen echte UWV-gegevens.'] : []),
      ...(rijen.some((v) => v.cijfer.eenheid !== 'procent') ? ['De grafiek toont alleen de percentages (verschil in procentpunten); de duur van banen in jaren staat alleen in de tabel.'] : []),
      ...[...new Set(rijen.map((v) => v.cijfer.noot).filter((n): n is string => Boolean(n)))],
    ],
    bronnen: bronnenVan(rijen.map((v) => v.cijfer)),
  };
}

/**
 * The same comparison as a bar chart: the difference per percentage figure in procentpunten,
 * the same rounded values as the table. Figures in years (job duration) have another unit and
 * stay in the table only, so one axis never mixes years and procentpunten.
 */
export function verschilData(vergelijking: ChartData, rijen: readonly Vergelijking[]): ChartData {
  const procent = rijen.filter((v) => v.verschil !== null && v.cijfer.eenheid === 'procent');
  return {
    ...vergelijking,
    kolommen: [
      { key: 'label', label: 'Cijfer', type: 'tekst' },
      { key: 'verschil', label: 'Verschil berekend − gepubliceerd (procentpunt)', type: 'aantal', decimalen: 1 },
    ],
    rijen: procent.map((v) => ({ label: verschilLabel(v), verschil: getoondVerschil(v) })),
  };
}

function verschilLabel(v: Vergelijking): string {
  return `${v.cijfer.omschrijving} (${v.cijfer.groep}, ${v.cijfer.periode})`;
}


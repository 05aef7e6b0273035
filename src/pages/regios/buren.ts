import type { ChartData } from '../../lib/charts/spec.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { formatKwartaal } from '../../lib/format/nl.ts';
import type { RegioOverzicht } from '../../lib/metrics/regio.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import { beschermingsNoot, beschermOverzicht } from './beveiliging.ts';
import { herkomstVelden, periodeTekst } from './grafieken.ts';

/**
 * One region next to its neighbouring regions, the regions closest in register size and
 * Nederland: growth of banen (%), share working and register size, from the same overview as
 * the rest of the profile, as the overview's disclosure table allows (beveiliging.ts).
 */
export function burenData(code: string, buren: readonly string[], vergelijkbaar: readonly string[], o: RegioOverzicht, herkomst: Herkomst): ChartData {
  const perCode = new Map(o.regios.filter((r) => r.regio_code !== null).map((r) => [r.regio_code!, r]));
  const b = beschermOverzicht(o);
  const regel = (naam: string, relatie: string, c: string | null) => {
    const r = c === null ? o.landelijk : perCode.get(c);
    return {
      naam,
      relatie,
      groei_pct: !r ? null : b.waarde('groei', c, r.groei_banen_rel),
      werkzaam_pct: !r ? null : b.waarde('aandeel_werkzaam', c, r.eind.aandeel_werkzaam),
      personen: !r ? null : b.waarde('personen', c, r.eind.personen),
    };
  };
  const rijen = [
    regel(REGIO_NAMEN[code], 'deze regio', code),
    ...buren.map((c) => regel(REGIO_NAMEN[c], 'buurregio', c)),
    ...vergelijkbaar.filter((c) => !buren.includes(c)).map((c) => regel(REGIO_NAMEN[c], 'vergelijkbare omvang', c)),
    regel('Nederland', 'landelijk', null),
  ];
  return {
    titel: `${REGIO_NAMEN[code]} naast buurregio's en regio's van vergelijkbare omvang, ${periodeTekst(o.basis, o.eind)}`,
    ondertitel: `Groei van het aantal banen sinds ${formatKwartaal(o.basis)}; buurregio's grenzen aan ${REGIO_NAMEN[code]}, vergelijkbare omvang = het aantal personen in het register ligt het dichtst bij.`,
    ...herkomstVelden(herkomst, o.eind),
    kolommen: [
      { key: 'naam', label: 'Regio', type: 'tekst' },
      { key: 'relatie', label: 'Vergeleken als', type: 'tekst' },
      { key: 'groei_pct', label: 'Groei aantal banen (%)', type: 'pct', decimalen: 1 },
      { key: 'werkzaam_pct', label: `Aandeel werkzaam ${formatKwartaal(o.eind)}`, type: 'pct', decimalen: 1 },
      { key: 'personen', label: `Personen in het register ${formatKwartaal(o.eind)}`, type: 'aantal' },
    ],
    rijen,
    voetnoten: beschermingsNoot(rijen),
  };
}

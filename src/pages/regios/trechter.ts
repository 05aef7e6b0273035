/**
 * The funnel as data: werkzaam na 1 jaar per region against the size of its cohort, with 95% and
 * 99,8% control limits around the national rate. Counts, shares and limits are those the
 * cohort's disclosure table allows (beveiliging.ts: one table with the map and the profile); a
 * region whose share is hidden is never flagged, and the limits (they give n away) go with n.
 */
import type { ChartData } from '../../lib/charts/spec.ts';
import type { Onderdrukt } from '../../lib/format/disclosure.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { formatKwartaal, formatPct } from '../../lib/format/nl.ts';
import type { Kwartaal } from '../../lib/kwartaal.ts';
import { cohortBasis, type RegioAandeel, type RegioDuurzaam } from '../../lib/metrics/regio.ts';
import { regioFunnel } from '../../lib/metrics/regio-aandeel.ts';
import { funnelCurve, type FunnelCurvePunt } from '../../lib/metrics/stats.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import { beschermCohort, beschermingsNoot } from './beveiliging.ts';
import { herkomstVelden, periodeTekst } from './grafieken.ts';

export type Signaal = 'boven998' | 'boven95' | 'binnen' | 'onder95' | 'onder998';

const OORDEEL_TEKST: Record<Signaal, string> = {
  boven998: 'boven de 99,8%-grens',
  boven95: 'boven de 95%-grens',
  binnen: 'binnen de grenzen',
  onder95: 'onder de 95%-grens',
  onder998: 'onder de 99,8%-grens',
};

export interface TrechterModel {
  data: ChartData;
  p0: number;
  /** The national share as the view prints it (the subtitle's "Landelijk …"). */
  landelijk: number | Onderdrukt;
  curve: FunnelCurvePunt[];
}

/**
 * Null without a national rate: nobody in the cohort, or a voorberekende map left a region's
 * cohort empty (`onderdrukt`), so the rate the limits lie around is not known.
 */
export function trechterData(eind: Kwartaal, invoer: readonly RegioAandeel[], herkomst: Herkomst, basisKwartaal: RegioDuurzaam['basisKwartaal'] = []): TrechterModel | null {
  if (invoer.some((r) => r.onderdrukt)) return null;
  const f = regioFunnel(invoer);
  if (f.p0 === null) return null;
  const b = beschermCohort(invoer, basisKwartaal);
  const p0 = f.p0;
  const getoondP0 = b.aandeel(null);
  const rijen = f.punten
    .filter((p): p is typeof p & { regio_code: string } => p.regio_code !== null && Object.hasOwn(REGIO_NAMEN, p.regio_code))
    .map((p) => {
      const c = p.regio_code;
      const aandeel = p.p === null ? null : b.aandeel(c);
      const verborgen = typeof aandeel !== 'number';
      const signaal: Signaal =
        verborgen ? 'binnen'
          : p.oordeel998 === 'boven' ? 'boven998' : p.oordeel95 === 'boven' ? 'boven95'
            : p.oordeel998 === 'onder' ? 'onder998' : p.oordeel95 === 'onder' ? 'onder95' : 'binnen';
      const grens = (g: number | undefined) => b.opN(c, g ?? null);
      return {
        regio_naam: p.regio_naam ?? c,
        regio_code: c,
        n: b.n(c),
        k: b.k(c),
        p: aandeel,
        onder95: grens(p.grenzen95?.onder),
        boven95: grens(p.grenzen95?.boven),
        onder998: grens(p.grenzen998?.onder),
        boven998: grens(p.grenzen998?.boven),
        oordeel: aandeel === null ? '–' : verborgen ? 'x' : OORDEEL_TEKST[signaal],
        signaal,
      };
    })
    .sort((a, b) => String(a.regio_naam).localeCompare(String(b.regio_naam), 'nl'));
  // The curves span the regions whose n is shown (a hidden n must not set the x axis).
  const ns = rijen.map((r) => r.n).filter((n): n is number => typeof n === 'number');
  const nMin = Math.max(1, Math.floor(Math.min(...ns, 1e12) * 0.5));
  const nMax = Math.max(nMin + 1, Math.ceil(Math.max(...ns, 1) * 1.1));
  const buiten = rijen.filter((r) => r.signaal !== 'binnen');
  const basis = cohortBasis(eind);
  return {
    p0,
    landelijk: getoondP0,
    curve: funnelCurve(p0, nMin, nMax, 120),
    data: {
      titel: `Werkzaam na 1 jaar per arbeidsmarktregio tegen de omvang van de groep, cohort ${periodeTekst(basis, eind)}`,
      ondertitel: `Landelijk ${typeof getoondP0 === 'number' ? formatPct(getoondP0, 1) : 'x'}. ${buiten.length === 0 ? 'Geen enkele regio ligt buiten de 95%-grenzen.' : `${buiten.length} ${buiten.length === 1 ? 'regio ligt' : "regio's liggen"} buiten de 95%-grenzen, waarvan ${buiten.filter((r) => r.signaal.endsWith('998')).length} buiten de 99,8%-grenzen.`}`,
      ...herkomstVelden(herkomst, eind),
      kolommen: [
        { key: 'regio_naam', label: 'Arbeidsmarktregio', type: 'tekst' },
        { key: 'regio_code', label: 'Code', type: 'tekst' },
        { key: 'n', label: `Werkzaam in ${formatKwartaal(basis)}`, type: 'aantal' },
        { key: 'k', label: `Nog werkzaam in ${formatKwartaal(eind)}`, type: 'aantal' },
        { key: 'p', label: 'Werkzaam na 1 jaar', type: 'pct', decimalen: 1 },
        { key: 'onder95', label: '95%-grens onder', type: 'pct', decimalen: 1 },
        { key: 'boven95', label: '95%-grens boven', type: 'pct', decimalen: 1 },
        { key: 'onder998', label: '99,8%-grens onder', type: 'pct', decimalen: 1 },
        { key: 'boven998', label: '99,8%-grens boven', type: 'pct', decimalen: 1 },
        { key: 'oordeel', label: 'Ligt', type: 'tekst' },
      ],
      rijen,
      voetnoten: [
        'Controlegrenzen rond het landelijke percentage: p₀ ± z·√(p₀(1−p₀)/n) met z = 1,96 (95%) en z = 3,09 (99,8%). Een kleine regio schommelt van nature meer; alleen een regio buiten de grenzen wijkt meer af dan toeval verklaart.',
        `Cohort: wie in ${formatKwartaal(basis)} in het register stond en werkte; regio op dat moment.`,
        ...beschermingsNoot(rijen),
      ],
    },
  };
}


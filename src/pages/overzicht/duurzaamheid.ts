/**
 * The Duurzaamheid tile: of everyone in the register who worked in the latest third-quarter base
 * quarter with a full year after it, the share that worked a year later; the same share for every
 * earlier third quarter as the trend; the UWV figure for that cohort when one was published, else
 * the latest published cohort next to its computed value. Reads the answer of the Duurzaamheid
 * page's own trend query (same SQL, so the page opens from the cache).
 */
import { formatAantal, formatKwartaal, formatPct } from '../../lib/format/nl.ts';
import { AFGELEID, isOnderdrukt, onderdruktTekst, veiligAandeel, veiligAantal } from '../../lib/format/disclosure.ts';
import { panelBereikQuery, type PanelBereik } from '../../lib/metrics/duurzaamheid/bereik.ts';
import { cohortTrendQuery, type UitkomstRij } from '../../lib/metrics/duurzaamheid/uitkomst.ts';
import { gepubliceerdPerKwartaal, type GepubliceerdCijfer } from '../../lib/published/duurzaamheid.ts';
import type { MetricQuery, Voorberekend } from '../../lib/sql/query.ts';
import { href } from '../../lib/state/url.ts';
import { somUitkomst, TOTAAL } from '../duurzaamheid/groepen.ts';
import { aandeelTrend, type TegelInhoud } from './tegel.ts';

/**
 * The Duurzaamheid page's trend question for its default view: national, all sectors, horizon one
 * year, split by achtergrond, every third quarter (UWV's peilmoment). The same SQL text as the
 * page asks, so opening the page after the Overzicht is answered from the cache.
 */
export function duurzaamheidTrendQuery(bereik: PanelBereik): MetricQuery<UitkomstRij[]> {
  const q = cohortTrendQuery({ horizon: 4, filters: { regio: [], sector: [] }, split: 'achtergrond', kwartaalVanJaar: 3 }, bereik);
  return { ...q, voorberekend: tegelVoorberekend() };
}

/**
 * Written by `npm run compute` (voorberekend/tabellen.ts): the trend above summed over achtergrond
 * per base quarter (the tile shows only the total), a base quarter with a part under 10 left empty.
 */
export const DUURZAAMHEID_TEGEL_TABEL = 'agg_duurzaamheid_tegel';
/** The group of a base quarter the voorberekende map left empty (the tile shows it as "x"). */
const LEEG_GROEP = 'onderdrukt';

/** The trend on the voorberekende map: one row per base quarter, in the columns the trend query answers with. */
function tegelVoorberekend(): Voorberekend {
  return {
    sql: `SELECT kw, CASE WHEN onderdrukt THEN '${LEEG_GROEP}' ELSE '${TOTAAL}' END AS groep,
    coalesce(cohort, 0) AS cohort, coalesce(werkzaam, 0) AS werkzaam, coalesce(werk_verloren, 0) AS werk_verloren,
    coalesce(uit_register, 0) AS uit_register, CAST(0 AS BIGINT) AS steeds_werkzaam, CAST(0 AS BIGINT) AS zelfde_baan
  FROM ${DUURZAAMHEID_TEGEL_TABEL} ORDER BY kw`,
    params: [],
    setup: [{ name: DUURZAAMHEID_TEGEL_TABEL, sql: `SELECT 'alleen voorberekend (npm run compute)'` }],
  };
}

/**
 * The panel's first and last quarter, on a voorberekende map from its region × quarter table
 * (every quarter of the panel has a row there, an empty cell included).
 */
export function tegelBereikQuery(): MetricQuery<PanelBereik | null> {
  return {
    ...panelBereikQuery(),
    voorberekend: {
      sql: 'SELECT min(kw) AS eerste, max(kw) AS laatste FROM agg_regio_kwartaal',
      params: [],
      setup: [{ name: 'agg_regio_kwartaal', sql: `SELECT 'alleen voorberekend (npm run compute)'` }],
    },
  };
}

function tekst(v: ReturnType<typeof veiligAandeel>, decimalen = 1): string {
  return isOnderdrukt(v) ? onderdruktTekst(v) : formatPct(v, decimalen);
}

/** The tile from the trend rows (split by achtergrond) and the published figures; null without a cohort. */
export function duurzaamheidTegel(rijen: readonly UitkomstRij[], gepubliceerd: readonly GepubliceerdCijfer[]): TegelInhoud | null {
  const totaal = somUitkomst(rijen);
  const laatste = totaal.at(-1);
  if (!laatste) return null;
  // Base quarters a voorberekende map left empty: every figure of them is "x", none is computed from 0.
  const leeg = new Set(rijen.filter((r) => r.groep === LEEG_GROEP).map((r) => r.basis));
  const aandeel = (r: UitkomstRij) => (leeg.has(r.basis) ? AFGELEID : veiligAandeel(r.werkzaam, r.cohort));
  const deel = (n: number) => (leeg.has(laatste.basis) ? AFGELEID : veiligAandeel(n, laatste.cohort));
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
    uitleg: leeg.has(laatste.basis)
      ? `In de voorberekende gegevens is het cohort van het ${formatKwartaal(laatste.basis)} leeg gelaten (een groep kleiner dan 10 personen): het aandeel wordt niet getoond.`
      : isOnderdrukt(cohort)
      ? `Minder dan 10 mensen werkten in het ${formatKwartaal(laatste.basis)}: het aandeel wordt niet getoond.`
      : `Van de ${formatAantal(cohort)} mensen uit het doelgroepregister die in het ${formatKwartaal(laatste.basis)} werkten, werkte dit deel een jaar later (${formatKwartaal(laatste.eind)}) nog of weer.`,
    regels: [`Werk verloren: ${tekst(deel(laatste.werkVerloren))}; uit het register: ${tekst(deel(laatste.uitRegister))}.`],
    trend: aandeelTrend('Werkzaam na 1 jaar per basiskwartaal', totaal, (r) => formatKwartaal(r.basis), aandeel),
    gepubliceerd: gepubliceerdeRegels,
    geenGepubliceerd: 'UWV heeft voor de kwartalen in deze gegevens geen cijfer gepubliceerd.',
    link: { href: href('duurzaamheid', { basis: laatste.basis, horizon: 4 }), tekst: `Naar Duurzaamheid, ${formatKwartaal(laatste.basis)}` },
  };
}

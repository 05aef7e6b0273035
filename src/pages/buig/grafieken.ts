/**
 * ChartData for the computed BUIG charts, built from the metric rows. One object per chart feeds
 * the drawing, its table twin, the CSV and the SVG/PNG export. Amounts are € mln (a number with a
 * decimal comma in the CSV, the unit in the header); results are an amount plus a word (tekort,
 * overschot), never a sign (lib/charts/richting.ts); % of the budget is a fraction for the chart
 * kit, "n.v.t." for a gemeente without budget. BUIG figures are amounts per gemeente, not persons:
 * there is nothing to suppress.
 */
import type { ChartData, Kolom } from '../../lib/charts/spec.ts';
import { BIJSTELLING_WOORDEN, SALDO_WOORDEN, woordVan } from '../../lib/charts/richting.ts';
import { GROOTTEKLASSEN, type GemeenteRij, type LandelijkRij, type RegioRij, type SpreidingRij } from '../../lib/metrics/buig.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { grafiekHerkomst, type Herkomst } from '../../lib/query/herkomst.ts';
import { formatAantal } from '../../lib/format/nl.ts';

/** The source fields of a computed chart, from its answer's provenance. */
export type Bron = ReturnType<typeof grafiekHerkomst>;

export function bronVan(h: Herkomst): Bron {
  return grafiekHerkomst(h);
}

export const NVT = 'n.v.t.';
const mln = (euros: number) => euros / 1e6;
/** % of the budget as a fraction (chart kit), or "n.v.t." without a budget. */
const fractie = (pct: number | null) => (pct === null ? NVT : Math.abs(pct) / 100);

const NOOT_RESULTAAT = 'Resultaat = definitief budget − uitgaven: een tekort als de uitgaven hoger waren dan het budget, een overschot als ze lager waren.';
const NOOT_NVT = 'Een gemeente zonder budget heeft geen percentage (n.v.t.); zij telt wel mee in de bedragen.';

/** Steps from voorlopig budget to the result of one year (national, a selection or one gemeente). */
export function watervalData(
  r: Pick<LandelijkRij, 'voorlopig' | 'definitief' | 'uitgaven' | 'saldo' | 'saldoPct'>,
  o: { titel: string; ondertitel: string; bron: Bron; decimalen?: number },
): ChartData {
  const d = o.decimalen ?? 1;
  const bijstelling = r.definitief - r.voorlopig;
  return {
    titel: o.titel,
    ondertitel: o.ondertitel,
    ...o.bron,
    kolommen: [
      { key: 'stap', label: 'Stap', type: 'tekst' },
      { key: 'bedrag', label: 'Bedrag (€ mln)', type: 'aantal', decimalen: d },
      { key: 'richting', label: 'Richting', type: 'tekst' },
      { key: 'pct', label: '% van het definitieve budget', type: 'pct', decimalen: 1 },
    ],
    rijen: [
      { stap: 'Voorlopig budget', bedrag: mln(r.voorlopig), richting: '', pct: null },
      { stap: 'Bijstelling', bedrag: mln(Math.abs(bijstelling)), richting: woordVan(bijstelling, BIJSTELLING_WOORDEN), pct: null },
      { stap: 'Definitief budget', bedrag: mln(r.definitief), richting: '', pct: null },
      { stap: 'Uitgaven', bedrag: mln(r.uitgaven), richting: '', pct: null },
      { stap: 'Resultaat', bedrag: mln(Math.abs(r.saldo)), richting: woordVan(r.saldo, SALDO_WOORDEN), pct: fractie(r.saldoPct) },
    ],
    voetnoten: [NOOT_RESULTAAT, ...(r.saldoPct === null ? [NOOT_NVT] : [])],
  };
}

/** The result per year over van..tot, and the cumulative result from van (€ and % of the cumulative budget). */
export function resultaatData(rijen: readonly LandelijkRij[], p: { van: number; tot: number }, o: { selectie: string; bron: Bron }): ChartData {
  let saldo = 0;
  let budget = 0;
  const uit: Record<string, unknown>[] = [];
  for (const r of rijen) {
    if (r.jaar < p.van || r.jaar > p.tot) continue;
    saldo += r.saldo;
    budget += r.definitief;
    uit.push({
      jaar: r.jaar,
      uitkomst: woordVan(r.saldo),
      bedrag: mln(Math.abs(r.saldo)),
      pct: fractie(r.saldoPct),
      cumUitkomst: woordVan(saldo),
      cumBedrag: mln(Math.abs(saldo)),
      cumPct: budget > 0 ? Math.abs(saldo) / budget : NVT,
    });
  }
  return {
    titel: `Resultaat per jaar en cumulatief, ${p.van}–${p.tot}`,
    ondertitel: `${o.selectie}; cumulatief vanaf ${p.van}`,
    ...o.bron,
    kolommen: [
      { key: 'jaar', label: 'Jaar', type: 'jaar' },
      { key: 'uitkomst', label: 'Uitkomst', type: 'tekst' },
      { key: 'bedrag', label: 'Bedrag (€ mln)', type: 'aantal', decimalen: 1 },
      { key: 'pct', label: '% van het definitieve budget', type: 'pct', decimalen: 1 },
      { key: 'cumUitkomst', label: 'Cumulatief: uitkomst', type: 'tekst' },
      { key: 'cumBedrag', label: 'Cumulatief bedrag (€ mln)', type: 'aantal', decimalen: 1 },
      { key: 'cumPct', label: 'Cumulatief: % van het cumulatieve budget', type: 'pct', decimalen: 2 },
    ],
    rijen: uit,
    voetnoten: [NOOT_RESULTAAT],
  };
}

const KLASSE_LABEL = new Map<string, string>(GROOTTEKLASSEN.map((k) => [k.id, k.label]));

/** The result of a gemeente or region: its word, % of the budget, and the amounts in € mln (with `decimalen`). */
function resultaatKolommen(decimalen: number): Kolom[] {
  return [
    { key: 'uitkomst', label: 'Uitkomst', type: 'tekst' },
    { key: 'pct', label: '% van het definitieve budget', type: 'pct', decimalen: 1 },
    { key: 'bedrag', label: 'Bedrag (€ mln)', type: 'aantal', decimalen },
    { key: 'definitief', label: 'Definitief budget (€ mln)', type: 'aantal', decimalen },
    { key: 'uitgaven', label: 'Uitgaven (€ mln)', type: 'aantal', decimalen },
  ];
}

function gemeenteKolommen(): Kolom[] {
  return [
    { key: 'gemeente', label: 'Gemeente', type: 'tekst' },
    ...resultaatKolommen(2),
    { key: 'regio', label: 'Arbeidsmarktregio', type: 'tekst' },
    { key: 'klasse', label: 'Grootteklasse', type: 'tekst' },
    { key: 'code', label: 'Code', type: 'tekst' },
  ];
}

function gemeenteRij(g: GemeenteRij, plaats?: number): Record<string, unknown> {
  return {
    ...(plaats === undefined ? {} : { plaats }),
    gemeente: g.naam,
    uitkomst: woordVan(g.saldo),
    pct: fractie(g.saldoPct),
    bedrag: mln(Math.abs(g.saldo)),
    definitief: mln(g.definitief),
    uitgaven: mln(g.uitgaven),
    regio: REGIO_NAMEN[g.regio_code] ?? g.regio_code,
    klasse: KLASSE_LABEL.get(g.klasse) ?? g.klasse,
    code: g.gemeente_code,
  };
}

/** Every gemeente of the year in the selection, from the largest tekort (in %) to the largest overschot. */
export function gemeentenData(rijen: readonly GemeenteRij[], o: { jaar: number; selectie: string; spreiding: SpreidingRij | null; bron: Bron }): ChartData {
  const s = o.spreiding;
  const pct = (v: number | null) => (v === null ? '–' : `${v < 0 ? 'tekort' : v > 0 ? 'overschot' : ''} ${formatAantal(Math.abs(v), 1)}%`.trim());
  const spreiding =
    s && s.gemeenten > 0
      ? [`Percentielen van het resultaat in % van het budget (${formatAantal(s.gemeenten)} gemeenten met een budget): 10e ${pct(s.p10)}; 25e ${pct(s.p25)}; mediaan ${pct(s.mediaan)}; 75e ${pct(s.p75)}; 90e ${pct(s.p90)}.`]
      : [];
  return {
    titel: `Resultaat per gemeente in ${o.jaar}`,
    ondertitel: `${o.selectie}; in % van het definitieve budget van de gemeente`,
    ...o.bron,
    kolommen: gemeenteKolommen(),
    rijen: rijen.map((g) => gemeenteRij(g)),
    voetnoten: [NOOT_RESULTAAT, ...spreiding, ...(rijen.some((g) => g.saldoPct === null) ? [NOOT_NVT] : [])],
  };
}

/**
 * The ranking: all gemeenten when there are few, else the `n` largest tekorten and overschotten
 * (in %) plus the chosen gemeente; `plaats` counts from the largest tekort among all with a budget.
 */
export function rangData(rijen: readonly GemeenteRij[], o: { jaar: number; selectie: string; gemeente: string | null; bron: Bron; n?: number }): ChartData {
  const n = o.n ?? 10;
  const metPct = rijen.filter((g) => g.saldoPct !== null);
  const alle = metPct.length <= 3 * n;
  const gekozen = new Set(alle ? metPct.map((g) => g.gemeente_code) : [...metPct.slice(0, n), ...metPct.slice(-n)].map((g) => g.gemeente_code));
  if (o.gemeente) gekozen.add(o.gemeente);
  const getoond = metPct.map((g, i) => ({ g, plaats: i + 1 })).filter((x) => gekozen.has(x.g.gemeente_code));
  return {
    titel: alle ? `Ranglijst van de gemeenten, ${o.jaar}` : `De ${n} grootste tekorten en overschotten, ${o.jaar}`,
    ondertitel: `${o.selectie}; in % van het definitieve budget; plaats 1 is het grootste tekort van ${formatAantal(metPct.length)} gemeenten`,
    ...o.bron,
    kolommen: [{ key: 'gemeente', label: 'Gemeente', type: 'tekst' }, { key: 'plaats', label: 'Plaats', type: 'aantal' }, ...gemeenteKolommen().slice(1)],
    rijen: getoond.map((x) => gemeenteRij(x.g, x.plaats)),
    voetnoten: [NOOT_RESULTAAT, ...(rijen.length > metPct.length ? [`${rijen.length - metPct.length} gemeente(n) zonder budget staan niet in de ranglijst.`] : [])],
  };
}

/** Sums per arbeidsmarktregio for one year (regions in code order). */
export function regioData(rijen: readonly RegioRij[], o: { jaar: number; selectie: string; bron: Bron }): ChartData {
  return {
    titel: `Resultaat per arbeidsmarktregio in ${o.jaar}`,
    ondertitel: `${o.selectie}; som van de gemeenten in de regio, in % van hun definitieve budget`,
    ...o.bron,
    kolommen: [
      { key: 'regio_naam', label: 'Arbeidsmarktregio', type: 'tekst' },
      ...resultaatKolommen(1),
      { key: 'gemeenten', label: 'Gemeenten', type: 'aantal' },
      { key: 'gemeentenTekort', label: 'Gemeenten met een tekort', type: 'aantal' },
      { key: 'regio_code', label: 'Code', type: 'tekst' },
    ],
    rijen: rijen.map((r) => ({
      regio_naam: REGIO_NAMEN[r.regio_code] ?? r.regio_code,
      uitkomst: woordVan(r.saldo),
      pct: fractie(r.saldoPct),
      bedrag: mln(Math.abs(r.saldo)),
      definitief: mln(r.definitief),
      uitgaven: mln(r.uitgaven),
      gemeenten: r.gemeenten,
      gemeentenTekort: r.gemeentenTekort,
      regio_code: r.regio_code,
    })),
    voetnoten: [NOOT_RESULTAAT],
  };
}

/**
 * ChartData of the monthly section: beoordelingen and positive adviezen per month and aanvrager,
 * the percentage positive with its 95% Wilson interval, the period totals with the year to date,
 * and the cumulative positive adviezen of the year with the linear year-end extrapolation (always
 * labelled "extrapolatie, geen meting"). Disclosure control is applied HERE, before anything is
 * drawn: `verborgen` holds the cells to hide (onderdrukking.ts), so no export can carry them.
 * Percentages are fractions (0,68 = 68%) as the chart kit expects.
 */
import type { ChartData, Kolom, Referentielijn } from '../../lib/charts/spec.ts';
import { AFGELEID } from '../../lib/format/disclosure.ts';
import { formatAantal } from '../../lib/format/nl.ts';
import {
  cumulatiefMetExtrapolatie, EXTRAPOLATIE_LABEL, extrapoleer, periodeUitMaanden, type AanvragerKeuze, type Extrapolatie,
} from '../../lib/metrics/beschut-afleiden.ts';
import { metInterval, type MaandRij, type PeriodeRij } from '../../lib/metrics/beschut.ts';
import { periodeNaam } from '../../lib/published/beschut.ts';
import { AANVRAGER_LABEL, afgeleidCel, bronVelden, NOOT_AANVULLEND, NOOT_OPENBAAR, telCel, type Context, type VerborgenCellen } from './context.ts';
import { cel, JAAR_TOT_NU, PERIODE } from './onderdrukking.ts';

const KORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** '2017-03' → 'mrt 2017'. */
export function maandKort(m: string): string {
  return `${KORT[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
}

const NOOT_BURGER = 'Burgers kunnen pas sinds 1 januari 2017 zelf een advies beschut werk aanvragen; daarvoor staat er "–".';
const NOOT_WILSON = '95%-interval (Wilson): hoe ver het percentage door toeval kan afwijken bij dit aantal beoordelingen.';
const NOOT_NUL = 'Een maand zonder beoordelingen staat er met 0 (en als "<10"), niet als ontbrekende maand.';
const NOOT_DEEL_JAAR =
  'Een totaal over een deel van het jaar staat er alleen als de maanden het geven: anders zou een verborgen maand uit twee perioden na elkaar terug te rekenen zijn. Het hele kalenderjaar staat er zoals in de vergelijking van regio\'s en gemeenten.';
const NOOT_NUL_GEHEIM = 'Een maand zonder beoordelingen telt mee als 0, niet als ontbrekende maand.';

/** Burger before 2017 without beoordelingen: no count, not a zero (nobody could ask). */
function nietMogelijk(r: { aanvrager: AanvragerKeuze; beoordelingen: number }, maandOfTot: string): boolean {
  return r.aanvrager === 'burger' && r.beoordelingen === 0 && maandOfTot < '2017-01';
}

function basis(ctx: Context, titel: string, ondertitel: string, kolommen: Kolom[], rijen: Record<string, unknown>[], voetnoten: string[]): ChartData {
  return { titel, ondertitel, ...bronVelden(ctx), kolommen, rijen, voetnoten };
}

/** Beoordelingen and positief per month for the aanvragers shown. */
export function aantallenData(rijen: readonly MaandRij[], van: string, tot: string, aanvragers: readonly AanvragerKeuze[], verborgen: ReadonlySet<string>, ctx: Context): ChartData {
  const maanden = [...new Set(rijen.map((r) => r.maand))].filter((m) => m >= van && m <= tot).sort();
  const kolommen: Kolom[] = [{ key: 'maand', label: 'Maand', type: 'tekst' }];
  for (const a of aanvragers) {
    kolommen.push({ key: `b_${a}`, label: `Beoordelingen ${AANVRAGER_LABEL[a].toLowerCase()}`, type: 'aantal' });
    kolommen.push({ key: `p_${a}`, label: `Positief ${AANVRAGER_LABEL[a].toLowerCase()}`, type: 'aantal' });
  }
  const data = maanden.map((m) => {
    const rij: Record<string, unknown> = { maand: maandKort(m) };
    for (const a of aanvragers) {
      const r = rijen.find((x) => x.maand === m && x.aanvrager === a)!;
      const leeg = nietMogelijk(r, m);
      rij[`b_${a}`] = leeg ? null : telCel(verborgen, cel('b', m, a), r.beoordelingen);
      rij[`p_${a}`] = leeg ? null : telCel(verborgen, cel('p', m, a), r.positief);
    }
    return rij;
  });
  return basis(ctx, `Beoordelingen beschut werk per maand, ${periodeNaam(van, tot)}`, ctx.selectie, kolommen, data, voetnoten(maanden, aanvragers, verborgen));
}

function voetnoten(maanden: readonly string[], aanvragers: readonly AanvragerKeuze[], verborgen: VerborgenCellen, extra: string[] = []): string[] {
  // A gemeente's hidden counts are all "x" (context.ts): the footnote of GEHEIM says why, "<10" never appears.
  const noten = [...extra, verborgen.zonderReden ? NOOT_NUL_GEHEIM : NOOT_NUL];
  if (aanvragers.includes('burger') && maanden.some((m) => m < '2017-01')) noten.push(NOOT_BURGER);
  if (!verborgen.zonderReden && [...verborgen].some((id) => id.startsWith('b|') || id.startsWith('p|'))) noten.push(NOOT_AANVULLEND);
  if (verborgen.openbaar) noten.push(NOOT_OPENBAAR);
  return noten;
}

/** % positive per month with its 95% Wilson interval, for the aanvragers shown. */
export function percentagesData(rijen: readonly MaandRij[], van: string, tot: string, aanvragers: readonly AanvragerKeuze[], verborgen: ReadonlySet<string>, ctx: Context): ChartData {
  const maanden = [...new Set(rijen.map((r) => r.maand))].filter((m) => m >= van && m <= tot).sort();
  const kolommen: Kolom[] = [{ key: 'maand', label: 'Maand', type: 'tekst' }];
  for (const a of aanvragers) {
    kolommen.push({ key: `pct_${a}`, label: `Positief ${AANVRAGER_LABEL[a].toLowerCase()}`, type: 'pct', decimalen: 0 });
    kolommen.push({ key: `onder_${a}`, label: `95%-interval ondergrens ${AANVRAGER_LABEL[a].toLowerCase()}`, type: 'pct', decimalen: 0 });
    kolommen.push({ key: `boven_${a}`, label: `95%-interval bovengrens ${AANVRAGER_LABEL[a].toLowerCase()}`, type: 'pct', decimalen: 0 });
  }
  const data = maanden.map((m) => {
    const rij: Record<string, unknown> = { maand: maandKort(m) };
    for (const a of aanvragers) {
      const r = rijen.find((x) => x.maand === m && x.aanvrager === a)!;
      const ids = [[cel('b', m, a), r.beoordelingen], [cel('p', m, a), r.positief]] as const;
      // Hidden counts first: "no share" (no beoordelingen) would say a hidden count is 0.
      const f = (v: number | null) => afgeleidCel(verborgen, ids, v === null ? null : v / 100);
      rij[`pct_${a}`] = f(r.pctPositief);
      rij[`onder_${a}`] = f(r.wilsonOnder);
      rij[`boven_${a}`] = f(r.wilsonBoven);
    }
    return rij;
  });
  return basis(ctx, `Percentage positieve adviezen per maand, ${periodeNaam(van, tot)}`, ctx.selectie, kolommen, data, voetnoten(maanden, aanvragers, verborgen, [NOOT_WILSON]));
}

export interface Totalen {
  periode: PeriodeRij[];
  jaarTotNu: PeriodeRij[];
  extrapolatie: Map<AanvragerKeuze, Extrapolatie>;
  /** The year of `tot` over the months the rows hold (the year table's range: its year cell). */
  jaar: { van: string; tot: string; periode: PeriodeRij[] } | null;
}

/** The period, the year to date and the year per aanvrager, with each one's extrapolation (from the monthly rows, no query). */
export function totalen(rijen: readonly MaandRij[], van: string, tot: string): Totalen {
  const jaar = Number(tot.slice(0, 4));
  const jaarTotNu = periodeUitMaanden(rijen, `${jaar}-01`, tot);
  const maanden = [...new Set(rijen.map((r) => r.maand))].filter((m) => m.slice(0, 4) === tot.slice(0, 4)).sort();
  return {
    periode: periodeUitMaanden(rijen, van, tot),
    jaarTotNu,
    extrapolatie: new Map(jaarTotNu.map((r) => [r.aanvrager, extrapoleer(jaar, tot, r.positief)])),
    jaar: maanden.length ? { van: maanden[0], tot: maanden.at(-1)!, periode: periodeUitMaanden(rijen, maanden[0], maanden.at(-1)!) } : null,
  };
}

/** Period totals per aanvrager, average per month, year to date and the extrapolation. */
export function totalenData(t: Totalen, aanvragers: readonly AanvragerKeuze[], verborgen: ReadonlySet<string>, ctx: Context): ChartData {
  const p0 = t.periode[0];
  const jaar = Number(p0.tot.slice(0, 4));
  const ytd = periodeNaam(`${jaar}-01`, p0.tot);
  const kolommen: Kolom[] = [
    { key: 'aanvrager', label: 'Aangevraagd door', type: 'tekst' },
    { key: 'beoordelingen', label: 'Beoordelingen', type: 'aantal' },
    { key: 'positief', label: 'Positief', type: 'aantal' },
    { key: 'pct', label: 'Positief (%)', type: 'pct', decimalen: 0 },
    { key: 'onder', label: '95%-interval ondergrens', type: 'pct', decimalen: 0 },
    { key: 'boven', label: '95%-interval bovengrens', type: 'pct', decimalen: 0 },
    { key: 'perMaand', label: 'Beoordelingen per maand (gemiddeld)', type: 'aantal' },
    { key: 'ytd', label: `Positief ${ytd}`, type: 'aantal' },
    { key: 'extrapolatie', label: `Positief heel ${jaar}: ${EXTRAPOLATIE_LABEL}`, type: 'aantal' },
    { key: 'eOnder', label: 'Extrapolatie 95%-ondergrens', type: 'aantal' },
    { key: 'eBoven', label: 'Extrapolatie 95%-bovengrens', type: 'aantal' },
  ];
  const rijen = aanvragers.map((a) => {
    const r = t.periode.find((x) => x.aanvrager === a)!;
    const y = t.jaarTotNu.find((x) => x.aanvrager === a)!;
    const e = t.extrapolatie.get(a)!;
    const w = metInterval(r);
    const leeg = nietMogelijk(r, r.tot);
    const ids = [[cel('b', PERIODE, a), r.beoordelingen], [cel('p', PERIODE, a), r.positief]] as const;
    const yId = [[cel('p', JAAR_TOT_NU, a), y.positief]] as const;
    const eLeeg = leeg || e.volledig;
    return {
      aanvrager: AANVRAGER_LABEL[a],
      beoordelingen: leeg ? null : telCel(verborgen, ids[0][0], r.beoordelingen),
      positief: leeg ? null : telCel(verborgen, ids[1][0], r.positief),
      pct: afgeleidCel(verborgen, ids, w.pctPositief === null ? null : w.pctPositief / 100),
      onder: afgeleidCel(verborgen, ids, w.wilsonOnder === null ? null : w.wilsonOnder / 100),
      boven: afgeleidCel(verborgen, ids, w.wilsonBoven === null ? null : w.wilsonBoven / 100),
      perMaand: leeg ? null : afgeleidCel(verborgen, [ids[0]], r.gemiddeldPerMaand),
      ytd: nietMogelijk(y, y.tot) ? null : telCel(verborgen, yId[0][0], y.positief),
      extrapolatie: eLeeg ? null : afgeleidCel(verborgen, yId, Math.round(e.extrapolatieJaar)),
      eOnder: eLeeg ? null : afgeleidCel(verborgen, yId, Math.round(e.onder)),
      eBoven: eLeeg ? null : afgeleidCel(verborgen, yId, Math.round(e.boven)),
    };
  });
  const noten = [
    NOOT_WILSON,
    `Extrapolatie, geen meting: de positieve adviezen van ${ytd} maal 12 gedeeld door het aantal maanden, zoals het ministerie in 2017 rekende (601 in vijf maanden: 1.442 voor het jaar). Het interval gaat uit van een gelijkblijvend tempo per maand (Poisson) en dekt geen verandering in dat tempo.`,
  ];
  const v = verborgen as VerborgenCellen;
  const som = (id: string) => id.includes(`|${PERIODE}|`) || id.includes(`|${JAAR_TOT_NU}|`);
  if (!v.zonderReden && [...verborgen].some(som)) noten.push(NOOT_AANVULLEND);
  // A sum over part of the year hidden because a month in it is (queries.ts metSommen).
  if (!v.zonderReden && [...(v.geheim ?? [])].some(som)) noten.push(NOOT_DEEL_JAAR);
  return basis(ctx, `Beoordelingen en positieve adviezen per aanvrager, ${periodeNaam(p0.van, p0.tot)}: totalen, jaar tot nu en extrapolatie`, ctx.selectie, kolommen, rijen, noten);
}

/** Cumulative positive adviezen of the year of `tot`, measured, then the extrapolation to December. */
export function cumulatiefData(
  rijen: readonly MaandRij[],
  tot: string,
  aanvrager: AanvragerKeuze,
  verborgen: VerborgenCellen,
  taakstelling: number | null,
  ctx: Context,
): { data: ChartData; extrapolatie: Extrapolatie; referentie: Referentielijn[] } {
  const jaar = Number(tot.slice(0, 4));
  const punten = cumulatiefMetExtrapolatie(rijen, tot, aanvrager);
  const totNu = periodeUitMaanden(rijen, `${jaar}-01`, tot).find((r) => r.aanvrager === aanvrager)!.positief;
  const e = extrapoleer(jaar, tot, totNu);
  // The running totals rest on the months and the year to date: hidden, they say those counts' reason.
  const tellingen = [
    ...rijen.filter((r) => r.aanvrager === aanvrager && r.maand >= `${jaar}-01` && r.maand <= tot).map((r) => [cel('p', r.maand, aanvrager), r.positief] as const),
    [cel('p', JAAR_TOT_NU, aanvrager), totNu] as const,
  ];
  const x = afgeleidCel(verborgen, tellingen, null) ?? AFGELEID;
  const ytdVerborgen = verborgen.has(cel('p', JAAR_TOT_NU, aanvrager));
  // Two shown running totals in a row give the month between them: with any month hidden, only the year to date shows.
  const maandVerborgen = punten.some((p) => p.gemeten !== null && verborgen.has(cel('p', p.maand, aanvrager)));
  const data = punten.map((p) => {
    const laatste = p.maand === tot;
    const gemeten = p.gemeten === null ? null : laatste ? (ytdVerborgen ? x : p.gemeten) : maandVerborgen ? x : p.gemeten;
    const r = (v: number | null) => (v === null ? null : ytdVerborgen ? x : Math.round(v));
    return { maand: maandKort(p.maand), gemeten, extrapolatie: r(p.extrapolatie), onder: r(p.onder), boven: r(p.boven) };
  });
  const ondertitel = e.volledig
    ? `${ctx.selectie}. Het jaar is compleet: het jaartotaal is gemeten, er is niets geëxtrapoleerd.`
    : ytdVerborgen
      ? `${ctx.selectie}. De extrapolatie wordt niet getoond: het aantal tot nu toe is te klein of terug te rekenen.`
      : `${ctx.selectie}. ${EXTRAPOLATIE_LABEL[0].toUpperCase()}${EXTRAPOLATIE_LABEL.slice(1)}: ${formatAantal(e.positiefTotNu)} positieve adviezen in ${e.maanden} ${e.maanden === 1 ? 'maand' : 'maanden'} × 12 / ${e.maanden} = ${formatAantal(Math.round(e.extrapolatieJaar))} (95%-interval bij gelijkblijvend tempo: ${formatAantal(Math.round(e.onder))} tot ${formatAantal(Math.round(e.boven))}).`;
  const kolommen: Kolom[] = [
    { key: 'maand', label: 'Maand', type: 'tekst' },
    { key: 'gemeten', label: 'Positief sinds januari (gemeten)', type: 'aantal' },
    { key: 'extrapolatie', label: `Lineaire ${EXTRAPOLATIE_LABEL}`, type: 'aantal' },
    { key: 'onder', label: 'Extrapolatie 95%-ondergrens', type: 'aantal' },
    { key: 'boven', label: 'Extrapolatie 95%-bovengrens', type: 'aantal' },
  ];
  const noten = [
    'De stippellijn is een extrapolatie, geen meting: het tempo van de gemeten maanden doorgetrokken naar december. Het interval gaat uit van een gelijkblijvend tempo (Poisson) en dekt geen verandering in dat tempo.',
  ];
  if (taakstelling !== null) noten.push(`Taakstelling eind ${jaar}: ${formatAantal(taakstelling)} plekken (ministeriële regeling, som van de gemeenten in de selectie).`);
  if (maandVerborgen && !ytdVerborgen) noten.push('Omdat een maand niet getoond wordt, staat alleen het totaal tot nu toe in de grafiek.');
  const titel = `Positieve adviezen in ${jaar} (${AANVRAGER_LABEL[aanvrager].toLowerCase()}), opgeteld, met lineaire extrapolatie naar het jaareinde`;
  const referentie = taakstelling !== null && taakstelling > 0 ? [{ waarde: taakstelling, label: `Taakstelling ${jaar}` }] : [];
  return { data: basis(ctx, titel, ondertitel, kolommen, data, noten), extrapolatie: e, referentie };
}

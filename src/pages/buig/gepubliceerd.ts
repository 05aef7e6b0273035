/**
 * Published BUIG figures on the page: every row of buig_macrobudget.csv next to its computed
 * twin (from the national yearly rows) with the difference, or the reason there is none; the
 * macrobudget stages per year as a published series; the P-budget table of the letter of 30 June
 * 2017. Published values are shown as published (their own decimals); a twin is rounded to the
 * same decimals before the difference is taken. Directions are words, never signs.
 */
import type { ChartData } from '../../lib/charts/spec.ts';
import { formatAantal } from '../../lib/format/nl.ts';
import { cumulatiefUitJaren, type LandelijkRij } from '../../lib/metrics/buig.ts';
import { buigIndicator, decimalenVan, inMln, stadiaReeks, STADIA, waardeTekst, type BuigTwin } from '../../lib/published/buig.ts';
import { bronVermelding } from '../../lib/published/bronvermelding.ts';
import type { BuigRij, PBudgetRij } from '../../lib/published/reference.ts';
import { bronTekst, type Herkomst } from '../../lib/query/herkomst.ts';

/** The computed twin in the published figure's own unit and orientation (a 'tekort' figure: tekort positive). */
export function twinWaarde(r: BuigRij, rijen: readonly LandelijkRij[]): number | null {
  const ind = buigIndicator(r.indicator);
  if (!ind.twin) return null;
  const deler = r.eenheid === 'mld_eur' ? 1e9 : r.eenheid === 'mln_eur' ? 1e6 : 1;
  const teken = ind.soort === 'tekort' ? -1 : 1;
  if (ind.twin === 'cumulatiefSaldo' || ind.twin === 'cumulatiefPct') {
    const [van, tot] = r.jaar.split('-').map(Number);
    if (!rijen.some((x) => x.jaar === van) || !rijen.some((x) => x.jaar === tot)) return null;
    const c = cumulatiefUitJaren(rijen, van, tot);
    return ind.twin === 'cumulatiefSaldo' ? c.saldo / deler : c.saldoPct;
  }
  const jaar = Number(r.jaar);
  const j = rijen.find((x) => x.jaar === jaar);
  if (!j) return null;
  const veld: Record<Exclude<BuigTwin, 'cumulatiefSaldo' | 'cumulatiefPct'>, () => number | null> = {
    saldo: () => (teken * j.saldo) / deler,
    saldoPct: () => (j.saldoPct === null ? null : teken * j.saldoPct),
    pctGemeentenTekort: () => j.pctGemeentenTekort,
    pctGemeentenTekort5: () => j.pctGemeentenTekort5,
    gemeentenTekort: () => j.gemeentenTekort,
    uitgaven: () => j.uitgaven / deler,
    definitief: () => j.definitief / deler,
    voorlopig: () => j.voorlopig / deler,
    bijstelling: () => j.bijstelling / deler,
    mutatieDefinitief: () => (j.mutatieDefinitief === null ? null : j.mutatieDefinitief / deler),
    mutatieDefinitiefPct: () => j.mutatieDefinitiefPct,
    mutatieUitgavenPct: () => j.mutatieUitgavenPct,
    voorlopigTovDefinitiefVorig: () => {
      const v = rijen.find((x) => x.jaar === jaar - 1);
      return v ? (j.voorlopig - v.definitief) / deler : null;
    },
  };
  return veld[ind.twin]();
}

function afgerond(v: number, d: number): number {
  return Number(v.toFixed(d));
}

/** "gelijk", "€ 62 mln hoger", "1,1 procentpunt lager" (computed against published, in the figure's orientation). */
export function verschilTekst(berekend: number, gepubliceerd: number, eenheid: BuigRij['eenheid'], d: number): string {
  const v = afgerond(afgerond(berekend, d) - gepubliceerd, d);
  if (v === 0) return 'gelijk';
  const getal = formatAantal(Math.abs(v), d);
  const bedrag = eenheid === 'mln_eur' ? `€ ${getal} mln` : eenheid === 'mld_eur' ? `€ ${getal} mld` : eenheid === 'pct' ? `${getal} procentpunt` : getal;
  return `${bedrag} ${v > 0 ? 'hoger' : 'lager'}`;
}

/**
 * One table: every published figure with its computed twin and the difference. `nationaal` are
 * the national yearly rows (null while they are computed); `herkomst` their provenance.
 */
export function vergelijkingData(pub: readonly BuigRij[], nationaal: readonly LandelijkRij[] | null, herkomst: Herkomst | null): ChartData {
  const synthetisch = herkomst?.synthetisch ?? false;
  const rijen = pub.map((r) => {
    const ind = buigIndicator(r.indicator);
    const d = decimalenVan(r.waarde);
    const twin = nationaal ? twinWaarde(r, nationaal) : null;
    const berekend = !ind.twin ? 'geen berekening' : !nationaal ? 'nog niet berekend' : twin === null ? 'niet in de gegevens' : waardeTekst(twin, ind.soort, r.eenheid, d);
    return {
      jaar: r.jaar,
      cijfer: ind.omschrijving,
      gepubliceerd: waardeTekst(r.waarde, ind.soort, r.eenheid, d),
      berekend,
      verschil: twin === null ? '' : verschilTekst(twin, r.waarde, r.eenheid, d),
      toelichting: ind.toelichting ?? '',
      bron: r.citatie.label,
    };
  });
  return {
    titel: 'Gepubliceerde cijfers naast de berekening',
    ondertitel: 'Landelijk; de berekening op het geladen extract (definitief budget − uitgaven), afgerond zoals gepubliceerd',
    bron: `gepubliceerd: zie de kolom Bron; berekend: ${herkomst ? bronTekst(herkomst) : 'nog niet berekend'}`,
    peildatum: 'zoals per cijfer gepubliceerd',
    // The table holds published figures too; the computed column says in its header when it is synthetic.
    synthetisch: false,
    kolommen: [
      { key: 'jaar', label: 'Jaar', type: 'tekst' },
      { key: 'cijfer', label: 'Cijfer', type: 'tekst' },
      { key: 'gepubliceerd', label: 'Gepubliceerd', type: 'tekst' },
      { key: 'berekend', label: synthetisch ? 'Berekend (synthetische demodata)' : 'Berekend', type: 'tekst' },
      { key: 'verschil', label: 'Verschil (berekend t.o.v. gepubliceerd)', type: 'tekst' },
      { key: 'toelichting', label: 'Toelichting', type: 'tekst' },
      { key: 'bron', label: 'Bron', type: 'tekst' },
    ],
    rijen,
    voetnoten: synthetisch ? ['De berekende kolom komt uit synthetische demodata die op deze gepubliceerde cijfers zijn gekalibreerd; het zijn geen gepubliceerde cijfers.'] : [],
    bronnen: pub.map((r) => bronVermelding(`${r.jaar}, ${buigIndicator(r.indicator).omschrijving}`, r.citatie)),
  };
}

/** A value axis for the stages with room around the points (in € mln, steps of 200). */
export function stadiaDomein(data: ChartData): [number, number] {
  const w = data.rijen.flatMap((r) => STADIA.map((s) => r[s.id])).filter((v): v is number => typeof v === 'number');
  if (w.length === 0) return [0, 1];
  return [Math.floor((Math.min(...w) - 100) / 200) * 200, Math.ceil((Math.max(...w) + 100) / 200) * 200];
}

/** The published macrobudget stages per year (every year of the range, empty where nothing was published). */
export function stadiaData(pub: readonly BuigRij[]): ChartData {
  const { jaren, noten } = stadiaReeks(pub);
  const eerste = jaren[0]?.jaar ?? 0;
  const laatste = jaren[jaren.length - 1]?.jaar ?? -1;
  const rijen: Record<string, unknown>[] = [];
  for (let j = eerste; j <= laatste; j++) {
    const s = jaren.find((x) => x.jaar === j);
    rijen.push({ jaar: j, ...Object.fromEntries(STADIA.map((st) => [st.id, s?.waarden[st.id] ?? null])) });
  }
  const gebruikt = [...jaren.flatMap((j) => j.rijen), ...noten];
  const mld = pub.filter((r) => buigIndicator(r.indicator).stadium && r.eenheid === 'mld_eur');
  return {
    titel: `Macrobudget BUIG per stadium, ${eerste}–${laatste}`,
    ondertitel: 'Zoals gepubliceerd, in miljoenen euro; de Rijksbegroting bevat ook de intertemporele tegemoetkoming',
    bron: 'SZW, Rijksoverheid, Rijksbegroting SZW, Divosa (zie bronvermelding per cijfer)',
    peildatum: `${eerste}–${laatste}`,
    synthetisch: false,
    kolommen: [{ key: 'jaar', label: 'Jaar', type: 'jaar' }, ...STADIA.map((s) => ({ key: s.id, label: `${s.label} (€ mln)`, type: 'aantal' as const, decimalen: s.decimalen }))],
    rijen,
    voetnoten: [
      ...mld.map((r) => `${r.jaar}: ${buigIndicator(r.indicator).omschrijving.toLowerCase()} gepubliceerd als ${waardeTekst(r.waarde, 'niveau', r.eenheid, decimalenVan(r.waarde))}.`),
      // A second value for a stage: the note says which and why (not why the extract lacks the stage).
      ...noten.map((r) => {
        const ind = buigIndicator(r.indicator);
        return `${r.jaar}: ${ind.omschrijving.toLowerCase()} € ${formatAantal(inMln(r), decimalenVan(r.waarde))} mln (${r.citatie.label}).${ind.twin && ind.toelichting ? ` ${ind.toelichting}` : ''}`;
      }),
    ],
    bronnen: gebruikt.map((r) => bronVermelding(`${r.jaar}, ${buigIndicator(r.indicator).omschrijving}`, r.citatie)),
  };
}

const ONDERDELEN = [
  { key: 'totaal', onderdeel: 'P-budget totaal' },
  { key: 'klassiek', onderdeel: 'Voor klassieke doelgroep' },
  { key: 'nieuw', onderdeel: 'Voor nieuwe doelgroep' },
] as const;

/** The P-budget table 2017–2021 as published (three decimals, € mln), one row per year. */
export function pBudgetData(rijen: readonly PBudgetRij[]): ChartData {
  const jaren = [...new Set(rijen.map((r) => r.jaar))].sort((a, b) => a - b);
  const citatie = rijen[0]?.citatie;
  return {
    titel: `Integratie-uitkering participatie (P-budget), ${jaren[0]}–${jaren[jaren.length - 1]}`,
    ondertitel: 'Integratie-uitkering sociaal domein, onderdeel Participatie, in miljoenen euro (bron in de brief: meicirculaire 2017), zoals gepubliceerd',
    bron: citatie?.label ?? 'SZW',
    peildatum: '2017-06-30',
    synthetisch: false,
    kolommen: [{ key: 'jaar', label: 'Jaar', type: 'jaar' }, ...ONDERDELEN.map((o) => ({ key: o.key, label: `${o.onderdeel} (€ mln)`, type: 'aantal' as const, decimalen: 3 }))],
    rijen: jaren.map((j) => ({
      jaar: j,
      ...Object.fromEntries(ONDERDELEN.map((o) => [o.key, rijen.find((r) => r.jaar === j && r.onderdeel === o.onderdeel)?.waardeMln ?? null])),
    })),
    voetnoten: ['Klassieke en nieuwe doelgroep tellen op tot het totaal, op afronding na (2021: 699,725 tegen 699,724).'],
    bronnen: ONDERDELEN.map((o) => {
      const r = rijen.find((x) => x.onderdeel === o.onderdeel);
      return r ? bronVermelding(o.onderdeel, r.citatie) : null;
    }).filter((b) => b !== null),
  };
}

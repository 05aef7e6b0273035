/**
 * ChartData of the comparison of regions and gemeenten in one period: the region map (% positive,
 * positive adviezen per place of taakstelling, or the share of the taakstelling realised), the
 * funnel and the ranking of positive adviezen relative to the taakstelling (only units with at
 * least the minimum taakstelling are ranked, and only numbers that may be shown), and the profile
 * of the chosen gemeente or region next to its region and Nederland. All from ONE answer
 * (gemeentenQuery): a new aanvrager, level, minimum or map indicator asks nothing new.
 */
import type { ChartData, Kolom } from '../../lib/charts/spec.ts';
import { X_BESCHERMING } from '../../lib/disclosure/zinnen.ts';
import { AFGELEID, BESCHERMD, DREMPEL, isOnderdrukt, KLEIN, onderdrukteSoorten } from '../../lib/format/disclosure.ts';
import { formatPct } from '../../lib/format/nl.ts';
import { landelijkeVerhouding, verhoudingen, type AanvragerKeuze, type FunnelSignaal, type Gebied, type Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import { poissonFunnelCurve, poissonFunnelGrenzen } from '../../lib/metrics/beschut-stats.ts';
import { NIVEAU_95, NIVEAU_998, rangschik, type FunnelCurvePunt } from '../../lib/metrics/stats.ts';
import { periodeNaam } from '../../lib/published/beschut.ts';
import { AANVRAGER_LABEL, afgeleidCel, bronVelden, NOOT_AANVULLEND, telCel, type BeschutFilters, type Context, type Eenheid } from './context.ts';
import { cel } from './onderdrukking.ts';

export interface Verborgen {
  adviezen: ReadonlySet<string>;
  plekken: ReadonlySet<string>;
}

/** The three map indicators: what they show and how a unit's value is computed. */
export const KAART_INDICATOREN: Record<BeschutFilters['kaart'], { titel: string; kolom: string }> = {
  positief: { titel: 'Percentage positieve adviezen', kolom: 'Positief (%)' },
  verhouding: { titel: 'Positieve adviezen per plek van de taakstelling', kolom: 'Positief per plek taakstelling' },
  realisatie: { titel: 'Deel van de taakstelling gerealiseerd', kolom: 'Gerealiseerd (% van de taakstelling)' },
};

/** One unit's figures as cells (numbers, or "<10"/"x" where disclosure control hides them). */
function cellen(u: Gebied, a: AanvragerKeuze, v: Verborgen) {
  const b = cel('b', u.code, a);
  const p = cel('p', u.code, a);
  const taak = u.taakstelling;
  const plekVerborgen = v.plekken.has(u.code);
  return {
    beoordelingen: telCel(v.adviezen, b, u.beoordelingen[a]),
    positief: telCel(v.adviezen, p, u.positief[a]),
    // Hidden counts first: "no share" (no beoordelingen) would say a hidden count is 0.
    pct: afgeleidCel(v.adviezen, [[b, u.beoordelingen[a]], [p, u.positief[a]]], u.beoordelingen[a] > 0 ? u.positief[a] / u.beoordelingen[a] : null),
    taakstelling: taak,
    verhouding: taak && taak > 0 ? afgeleidCel(v.adviezen, [[p, u.positief[a]]], u.positief[a] / taak) : null,
    // Places go through the disclosure module: hidden as small ("<10") or to protect a small gemeente ("x").
    plekken: u.plekken === null ? null : plekVerborgen ? (u.plekken < DREMPEL ? KLEIN : BESCHERMD) : u.plekken,
    realisatie: taak && taak > 0 && u.plekken !== null ? (plekVerborgen ? (u.plekken < DREMPEL ? AFGELEID : BESCHERMD) : u.plekken / taak) : null,
  };
}

function waardeVoor(c: ReturnType<typeof cellen>, kaart: BeschutFilters['kaart']): unknown {
  return kaart === 'positief' ? c.pct : kaart === 'verhouding' ? c.verhouding : c.realisatie;
}

const jaarVan = (tot: string) => Number(tot.slice(0, 4));

function kolommenGebied(naamLabel: string, tot: string): Kolom[] {
  return [
    { key: 'naam', label: naamLabel, type: 'tekst' },
    { key: 'beoordelingen', label: 'Beoordelingen', type: 'aantal' },
    { key: 'positief', label: 'Positief', type: 'aantal' },
    { key: 'pct', label: 'Positief (%)', type: 'pct', decimalen: 0 },
    { key: 'taakstelling', label: `Taakstelling ${jaarVan(tot)}`, type: 'aantal' },
    { key: 'verhouding', label: 'Positief per plek taakstelling', type: 'pct', decimalen: 0 },
    { key: 'plekken', label: 'Plekken (laatste peildatum)', type: 'aantal' },
    { key: 'realisatie', label: 'Gerealiseerd (% van de taakstelling)', type: 'pct', decimalen: 0 },
  ];
}

/** The 35 regions for the map: the chosen indicator as `waarde`, the other figures beside it. */
export function kaartData(g: Gebieden, f: BeschutFilters, aanvrager: AanvragerKeuze, v: Verborgen, ctx: Context): { data: ChartData; landelijk: number | null } {
  const ind = KAART_INDICATOREN[f.kaart];
  const rijen = g.regios.map((u) => {
    const c = cellen(u, aanvrager, v);
    return { regio_code: u.code, regio_naam: u.naam, waarde: waardeVoor(c, f.kaart), ...c, naam: u.naam };
  });
  const nl = waardeVoor(cellen(g.nederland, aanvrager, v), f.kaart);
  const peildatum = g.nederland.plekkenPeildatum;
  return {
    landelijk: typeof nl === 'number' ? nl : null,
    data: {
      titel: `${ind.titel} per arbeidsmarktregio, ${periodeNaam(f.van, f.tot)}`,
      ondertitel: `${AANVRAGER_LABEL[aanvrager] === 'Totaal' ? 'Alle aanvragers' : `Aangevraagd door: ${AANVRAGER_LABEL[aanvrager].toLowerCase()}`}. Nederland: ${typeof nl === 'number' ? formatPct(nl, 0) : 'niet getoond'}.`,
      ...bronVelden(ctx),
      kolommen: [
        { key: 'regio_naam', label: 'Arbeidsmarktregio', type: 'tekst' },
        { key: 'regio_code', label: 'Code', type: 'tekst' },
        { key: 'waarde', label: ind.kolom, type: 'pct', decimalen: 0 },
        ...kolommenGebied('Naam', f.tot).slice(1).filter((k) => k.key !== (f.kaart === 'positief' ? 'pct' : f.kaart)),
      ],
      rijen,
      voetnoten: [
        `Taakstelling: het aantal plekken dat de gemeenten in de regio volgens de ministeriële regeling eind ${jaarVan(f.tot)} moeten bieden. Plekken: mensen aan het werk op een beschut werkplek${peildatum ? ` op ${peildatum.split('-').reverse().join('-')}` : ''}.`,
        ...(rijen.some((r) => Object.values(r).some(isOnderdrukt)) ? [NOOT_AANVULLEND] : []),
        ...(onderdrukteSoorten(rijen).has('bescherming') ? [X_BESCHERMING] : []),
      ],
    },
  };
}

export interface VergelijkModel {
  data: ChartData;
  /** Units with at least the minimum taakstelling whose ratio may be shown, best first. */
  rang: ChartData;
  r0: number | null;
  curve: FunnelCurvePunt[];
}

const OORDEEL: Record<FunnelSignaal, string> = {
  boven998: 'ruim boven de grenzen (99,8%)',
  boven95: 'boven de 95%-grens',
  binnen: 'binnen de grenzen',
  onder95: 'onder de 95%-grens',
  onder998: 'ruim onder de grenzen (99,8%)',
};

/**
 * Positive adviezen per place of taakstelling for gemeenten or regions: funnel (all units with a
 * taakstelling, around the national ratio) and ranking (only units with taakstelling ≥ minimum
 * and a ratio that may be shown, so the order gives nothing hidden away).
 */
export function vergelijkModel(g: Gebieden, f: BeschutFilters, aanvrager: AanvragerKeuze, v: Verborgen, ctx: Context): VergelijkModel {
  const alle = f.niveau === 'gemeente' ? g.gemeenten : g.regios;
  // Around Nederland's ratio, only where Nederland's count is printed.
  const land = v.adviezen.has(cel('p', g.nederland.code, aanvrager)) ? null : landelijkeVerhouding(g.nederland, aanvrager);
  const { r0, rijen: vh } = verhoudingen(alle, aanvrager, land);
  const getoond = alle.filter((u) => f.niveau === 'regio' || !f.regio || u.regio === f.regio);
  const zichtbaar = (u: Gebied) => !v.adviezen.has(cel('p', u.code, aanvrager));
  const inRang = getoond.filter((u) => (u.taakstelling ?? 0) >= Math.max(1, f.minimum) && zichtbaar(u));
  const rangen = new Map(rangschik(inRang, (u) => u.positief[aanvrager] / u.taakstelling!).map((x) => [x.rij.code, x.rang]));
  const rijen = getoond.map((u) => {
    const c = cellen(u, aanvrager, v);
    const x = vh.find((r) => r.code === u.code)!;
    const taak = u.taakstelling ?? 0;
    const grenzen = (z: number) => (r0 !== null && taak > 0 ? poissonFunnelGrenzen(r0, taak, z) : null);
    const g95 = grenzen(NIVEAU_95.z);
    const g998 = grenzen(NIVEAU_998.z);
    const toon = zichtbaar(u) && x.verhouding !== null;
    const opmerking = taak <= 0 ? 'geen taakstelling' : !zichtbaar(u) ? 'aantal niet te tonen' : taak < f.minimum ? `taakstelling onder ${f.minimum}` : '';
    return {
      code: u.code,
      naam: u.naam,
      taakstelling: u.taakstelling,
      positief: c.positief,
      verhouding: c.verhouding,
      onder95: g95 ? g95.onder : null,
      boven95: g95 ? g95.boven : null,
      onder998: g998 ? g998.onder : null,
      boven998: g998 ? g998.boven : null,
      oordeel: toon ? OORDEEL[x.signaal] : x.verhouding === null ? '–' : 'x',
      rang: rangen.get(u.code) ?? null,
      opmerking,
      signaal: toon ? x.signaal : 'binnen',
    };
  });
  const wie = f.niveau === 'gemeente' ? 'gemeenten' : "arbeidsmarktregio's";
  const taken = getoond.map((u) => u.taakstelling ?? 0).filter((t) => t > 0);
  const curve = r0 !== null && taken.length ? poissonFunnelCurve(r0, Math.max(0.5, Math.min(...taken) * 0.8), Math.max(...taken) * 1.05, 120) : [];
  const titel = `Positieve adviezen per plek van de taakstelling ${jaarVan(f.tot)}, ${wie}, ${periodeNaam(f.van, f.tot)}`;
  const kolommen: Kolom[] = [
    { key: 'naam', label: f.niveau === 'gemeente' ? 'Gemeente' : 'Arbeidsmarktregio', type: 'tekst' },
    { key: 'taakstelling', label: `Taakstelling ${jaarVan(f.tot)}`, type: 'aantal' },
    { key: 'positief', label: `Positieve adviezen (${AANVRAGER_LABEL[aanvrager].toLowerCase()})`, type: 'aantal' },
    { key: 'verhouding', label: 'Positief per plek taakstelling', type: 'pct', decimalen: 0 },
    { key: 'onder95', label: '95%-grens onder', type: 'pct', decimalen: 0 },
    { key: 'boven95', label: '95%-grens boven', type: 'pct', decimalen: 0 },
    { key: 'oordeel', label: 'Ligt', type: 'tekst' },
    { key: 'rang', label: `Rang (taakstelling ≥ ${f.minimum})`, type: 'aantal' },
    { key: 'opmerking', label: 'Niet gerangschikt', type: 'tekst' },
  ];
  const buiten = rijen.filter((r) => r.signaal !== 'binnen').length;
  const noten = [
    `Grenzen rond de landelijke verhouding r₀ = ${r0 === null ? '–' : formatPct(r0, 0)}: r₀ ± z·√(r₀ / taakstelling), z = 1,96 (95%) en 3,09 (99,8%), alsof de positieve adviezen een Poisson-aantal zijn. Een gemeente met een kleine taakstelling schommelt van nature veel; alleen buiten de grenzen wijkt zij meer af dan toeval verklaart.`,
    `Alleen ${wie} met een taakstelling van minstens ${f.minimum} ${f.minimum === 1 ? 'plek' : 'plekken'} krijgen een rang; de minimale taakstelling staat in de link (minimum).`,
    ...(rijen.some((r) => isOnderdrukt(r.positief)) ? [NOOT_AANVULLEND] : []),
  ];
  const gemeen = bronVelden(ctx);
  const rangRijen = rijen.filter((r) => r.rang !== null).sort((a, b) => a.rang! - b.rang!);
  return {
    r0,
    curve,
    data: {
      ...gemeen,
      titel,
      ondertitel: `${ctx.selectie}. ${buiten} ${buiten === 1 ? 'ligt' : 'liggen'} buiten de 95%-grenzen.`,
      kolommen,
      rijen,
      voetnoten: noten,
    },
    rang: {
      ...gemeen,
      titel: `Ranglijst: positieve adviezen per plek van de taakstelling, ${wie} met een taakstelling van minstens ${f.minimum}`,
      ondertitel: `${ctx.selectie}. ${rangRijen.length} van de ${getoond.length} ${wie} gerangschikt.`,
      kolommen: kolommen.filter((k) => ['naam', 'taakstelling', 'positief', 'verhouding', 'oordeel', 'rang'].includes(k.key)),
      rijen: rangRijen,
      voetnoten: noten,
    },
  };
}

/** The chosen gemeente or region next to its region and Nederland. */
export function profielData(g: Gebieden, e: Eenheid, f: BeschutFilters, aanvrager: AanvragerKeuze, v: Verborgen, ctx: Context): ChartData | null {
  const units: Gebied[] = [];
  const eigen = e.soort === 'gemeente' ? g.gemeenten.find((u) => u.code === e.code) : g.regios.find((u) => u.code === e.code);
  if (!eigen) return null;
  units.push(eigen);
  if (e.soort === 'gemeente') {
    const r = g.regios.find((u) => u.code === e.regio);
    if (r) units.push(r);
  }
  units.push(g.nederland);
  const rijen = units.map((u) => ({ ...cellen(u, aanvrager, v), naam: u.code === 'NL' ? 'Nederland' : u.code.startsWith('AM') ? `Regio ${u.naam}` : u.naam }));
  return {
    titel: `Profiel ${e.soort === 'gemeente' ? 'gemeente' : 'arbeidsmarktregio'} ${e.naam}, ${periodeNaam(f.van, f.tot)}`,
    ondertitel: `${aanvrager === 'totaal' ? 'Alle aanvragers' : `Aangevraagd door: ${AANVRAGER_LABEL[aanvrager].toLowerCase()}`}. Naast ${e.soort === 'gemeente' ? 'de regio en ' : ''}Nederland.`,
    ...bronVelden(ctx),
    kolommen: kolommenGebied('Gebied', f.tot),
    rijen,
    voetnoten: [
      ...(rijen.some((r) => Object.values(r).some(isOnderdrukt)) ? [NOOT_AANVULLEND] : []),
      ...(onderdrukteSoorten(rijen).has('bescherming') ? [X_BESCHERMING] : []),
    ],
  };
}

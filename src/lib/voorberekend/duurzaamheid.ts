/**
 * `npm run compute` fills `agg_duurzaamheid_cohort` (tabellen.ts declares it): the Duurzaamheid
 * page's own trend queries on the microdata (national, split by achtergrond, every base quarter,
 * horizons 4 and 8: the same SQL builders as the page), one row per count, and per cell whether
 * it is written, decided in JavaScript by the page's own disclosure control
 * (duurzaamheid-besluit.ts). The decision needs what the regions' and the Banen tile's tables
 * write, so this runs after those are built (their order in TABELLEN).
 */
import { toRows } from '../engine/rows.ts';
import type { QueryEngine } from '../engine/types.ts';
import { kwartaalToIndex, type Kwartaal } from '../kwartaal.ts';
import type { PanelBereik } from '../metrics/duurzaamheid/bereik.ts';
import type { Horizon } from '../metrics/duurzaamheid/filters.ts';
import { startersTrendQuery, type StartersRij } from '../metrics/duurzaamheid/starters.ts';
import { cohortTrendQuery, type UitkomstRij } from '../metrics/duurzaamheid/uitkomst.ts';
import { uitstroomTrendQuery, type UitstroomRij } from '../metrics/duurzaamheid/uitstroom.ts';
import { DUURZAAMHEID_COHORT_TABEL } from '../metrics/duurzaamheid/voorberekend.ts';
import { REGIO_COHORT_TABEL } from '../metrics/regio.ts';
import { BANEN_TABEL } from '../metrics/banen.ts';
import { runMetric } from '../sql/query.ts';
import { literal } from '../sql/quote.ts';
import { sqlFilters } from '../../pages/duurzaamheid/selectie.ts';
import { perBasis } from '../../pages/duurzaamheid/groepen.ts';
import { beslisBasis, beslisStarters, tabelRijen, type BasisInvoer, type GeschrevenElders } from './duurzaamheid-besluit.ts';
import { beveiligdeSelectie, TABELLEN } from './tabellen.ts';

const HORIZONTEN: readonly Horizon[] = [4, 8];

/** Per base quarter index, what another written table prints about the same people. */
export async function elders(engine: QueryEngine, tabel: string, waarde: string, code: string): Promise<Map<number, GeschrevenElders[]>> {
  const t = TABELLEN.find((x) => x.naam === tabel);
  const uit = new Map<number, GeschrevenElders[]>();
  if (!t) return uit;
  // The true count next to whether the written file holds it.
  const rijen = toRows<{ kw: number; code: string; aantal: number; geschreven: boolean }>(await engine.query(
    `SELECT a.kw, coalesce(CAST(a.${code} AS VARCHAR), 'onbekend') AS code, CAST(a.${waarde} AS BIGINT) AS aantal, NOT s.onderdrukt AS geschreven
     FROM ${tabel} a JOIN (${beveiligdeSelectie(t)}) s ON ${t.sleutel.map((k) => `a.${k} IS NOT DISTINCT FROM s.${k}`).join(' AND ')}`,
  ));
  for (const r of rijen) {
    const l = uit.get(r.kw) ?? [];
    l.push({ code: r.code, aantal: Number(r.aantal), geschreven: r.geschreven });
    uit.set(r.kw, l);
  }
  return uit;
}

/** The national werkzamen per quarter index as agg_banen_kwartaal writes them (the Overzicht's Banen tile). */
export async function landelijkGeschreven(engine: QueryEngine): Promise<Map<number, number>> {
  const t = TABELLEN.find((x) => x.naam === BANEN_TABEL)!;
  const rijen = toRows<{ kwartaal: string; werkzamen: number }>(await engine.query(`SELECT kwartaal, werkzamen FROM (${beveiligdeSelectie(t)}) AS b WHERE NOT onderdrukt`));
  return new Map(rijen.map((r) => [kwartaalToIndex(r.kwartaal), Number(r.werkzamen)]));
}

/** Per base quarter, what the decision needs: the page's trends on the microdata and the regions' written counts. */
export async function duurzaamheidInvoer(engine: QueryEngine, bereik: PanelBereik): Promise<BasisInvoer[]> {
  const uitkomst = new Map<Horizon, Map<Kwartaal, UitkomstRij[]>>();
  const uitstroom = new Map<Horizon, Map<Kwartaal, UitstroomRij[]>>();
  const landelijk = sqlFilters({ regio: [], sector: 'alle' });
  const starters: Map<Kwartaal, StartersRij[]> = perBasis(await runMetric(engine, startersTrendQuery({ filters: landelijk, split: 'achtergrond' }, bereik)));
  for (const h of HORIZONTEN) {
    // The page's trend question without the quarter of the year: every base quarter at once.
    const p = { horizon: h, filters: landelijk, split: 'achtergrond' } as const;
    uitkomst.set(h, perBasis(await runMetric(engine, cohortTrendQuery(p, bereik))));
    uitstroom.set(h, perBasis(await runMetric(engine, uitstroomTrendQuery(p, bereik))));
  }
  const regio = await elders(engine, 'agg_regio_kwartaal', 'werkzaam', 'regio_code');
  const regioCohort = await elders(engine, REGIO_COHORT_TABEL, 'werkzaam', 'groep');
  const banen = await landelijkGeschreven(engine);
  return [...uitkomst.get(4)!.keys()].map((basis) => {
    const kw = kwartaalToIndex(basis);
    const per = new Map<Horizon, readonly UitkomstRij[]>();
    const redenen = new Map<Horizon, readonly UitstroomRij[]>();
    for (const h of HORIZONTEN) {
      const r = uitkomst.get(h)!.get(basis);
      if (!r) continue;
      per.set(h, r);
      redenen.set(h, uitstroom.get(h)!.get(basis) ?? []);
    }
    const totaal = per.get(4)!.reduce((a, r) => ({ c: a.c + r.cohort, w: a.w + r.werkzaam, v: a.v + r.werkVerloren, u: a.u + r.uitRegister }), { c: 0, w: 0, v: 0, u: 0 });
    // The tile's rule (tabellen.ts): a third quarter is written when the cohort and its three parts count 10 or more.
    const tegel = basis.endsWith('Q3') && Math.min(totaal.c, totaal.w, totaal.v, totaal.u) >= 10;
    return {
      basis, uitkomst: per, uitstroom: redenen, starters: starters.get(basis), regio: regio.get(kw), regioCohort: regioCohort.get(kw), tegel,
      landelijk: banen.get(kw) === totaal.c,
    };
  });
}

/** Fill the table (created empty by its `bouw`) from the microdata in `engine`. */
export async function vulDuurzaamheid(engine: QueryEngine, bereik: PanelBereik): Promise<void> {
  const rijen: string[] = [];
  for (const b of await duurzaamheidInvoer(engine, bereik)) {
    const kw = kwartaalToIndex(b.basis);
    const cellen = [...tabelRijen(kw, beslisBasis(b), [...b.uitkomst.keys()]), ...beslisStarters(b.starters ?? []).map((c) => ({ ...c, kw }))];
    for (const c of cellen) {
      rijen.push(`(${c.horizon}, ${c.kw}, ${literal(c.groep)}, ${literal(c.veld)}, ${c.aantal}, ${c.reden !== null}, ${c.reden === 'bescherming'})`);
    }
  }
  for (let i = 0; i < rijen.length; i += 2000) {
    await engine.query(`INSERT INTO ${DUURZAAMHEID_COHORT_TABEL} VALUES ${rijen.slice(i, i + 2000).join(',\n')}`);
  }
}

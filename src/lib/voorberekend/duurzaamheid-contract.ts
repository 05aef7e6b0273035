/**
 * `npm run compute` fills `agg_duurzaamheid_contract` (tabellen.ts): the Duurzaamheid page's own
 * contract trend on the microdata, national, with no achtergrond and with each single one (the
 * page filters achtergrond in SQL there: a mean duration cannot be added up), one row per quarter
 * and groep. Its werkzamen are the same people as the cohort of that base quarter (werkzaam then,
 * achtergrond as then), so a row is written exactly where agg_duurzaamheid_cohort writes that
 * cohort, and left empty with its reason where it does not; hours and the mean duration go with
 * it. A quarter without a cohort there (the last year of the panel, or a base quarter the map
 * leaves out) is decided on its own: the werkzamen of the achtergronden and the total, with the
 * regions' written werkzaam of the quarter adding up to the total and the total fixed where the
 * Banen tile's table prints it, through `beveilig`; when its
 * audit finds a leak, every row of the quarter is empty.
 */
import { beveilig } from '../disclosure/beveilig.ts';
import { WeergaveBouwer, type Reden } from '../disclosure/tabel.ts';
import { toRows } from '../engine/rows.ts';
import type { QueryEngine } from '../engine/types.ts';
import { ACHTERGRONDEN } from '../extracts/contracts.ts';
import { DREMPEL } from '../format/disclosure.ts';
import { kwartaalToIndex } from '../kwartaal.ts';
import type { PanelBereik } from '../metrics/duurzaamheid/bereik.ts';
import { contractTrendQuery, type ContractRij } from '../metrics/duurzaamheid/contract.ts';
import { DUURZAAMHEID_COHORT_TABEL, DUURZAAMHEID_CONTRACT_TABEL, TOTAAL_GROEP } from '../metrics/duurzaamheid/voorberekend.ts';
import { runMetric } from '../sql/query.ts';
import { literal } from '../sql/quote.ts';
import { sqlFilters } from '../../pages/duurzaamheid/selectie.ts';
import type { GeschrevenElders } from './duurzaamheid-besluit.ts';
import { elders, landelijkGeschreven } from './duurzaamheid.ts';

/** The werkzamen of one quarter per groep (the achtergronden and TOTAAL_GROEP). */
interface KwartaalWerkzamen {
  groepen: ReadonlyMap<string, number>;
  regio?: readonly GeschrevenElders[];
  /** The Banen tile's table prints the total. */
  landelijk: boolean;
}

/**
 * A quarter without the cohort's decision: per groep why it is left empty (null: written), or
 * null when no suppression passes the audit (every row empty).
 */
function beslisWerkzamen(k: KwartaalWerkzamen): Map<string, Reden | null> | null {
  const w = new WeergaveBouwer();
  const delen = [...k.groepen.keys()].filter((g) => g !== TOTAAL_GROEP);
  for (const [g, n] of k.groepen) w.cel(g, n, { gewicht: g === TOTAAL_GROEP ? 10 : 1, ...(g === TOTAAL_GROEP && k.landelijk ? { vast: true } : {}) });
  const totaal = k.groepen.get(TOTAAL_GROEP);
  if (totaal !== undefined) {
    // Without a known achtergrond a person is in the total only: the achtergronden add up to it or less.
    if (delen.reduce((a, g) => a + k.groepen.get(g)!, 0) === totaal) w.som(TOTAAL_GROEP, delen);
    else for (const g of delen) w.nesting(g, TOTAAL_GROEP);
    if (k.regio?.length && k.regio.reduce((a, r) => a + r.aantal, 0) === totaal) {
      const ids = k.regio.map((r) => {
        w.cel(`R|${r.code}`, r.aantal, r.geschreven ? { vast: true } : { verborgen: r.aantal < DREMPEL ? 'klein' : 'bescherming' });
        return `R|${r.code}`;
      });
      w.som(TOTAAL_GROEP, ids);
    }
  }
  const b = beveilig(w.weergave());
  if (b.audit.lekken.length > 0 || b.audit.kleinGetoond.length > 0 || b.zonderReden.size > 0) return null;
  return new Map([...k.groepen.keys()].map((g) => [g, b.onderdrukt.get(g) ?? null]));
}

/** Fill the table (created empty by its `bouw`) from the microdata and the cohort table already filled. */
export async function vulContract(engine: QueryEngine, _bereik: PanelBereik): Promise<void> {
  const landelijk = sqlFilters({ regio: [], sector: 'alle' });
  const perGroep = new Map<string, ContractRij[]>();
  for (const a of [null, ...ACHTERGRONDEN]) {
    perGroep.set(a ?? TOTAAL_GROEP, await runMetric(engine, contractTrendQuery({ filters: { ...landelijk, achtergrond: a ? [a] : [] } })));
  }
  const cohort = new Map(toRows<{ kw: number; groep: string; aantal: number; klein: boolean; bescherming: boolean }>(await engine.query(
    `SELECT kw, groep, aantal, klein, bescherming FROM ${DUURZAAMHEID_COHORT_TABEL} WHERE veld = 'cohort' AND horizon = 4`,
  )).map((r) => [`${r.kw}|${r.groep}`, r]));
  const regio = await elders(engine, 'agg_regio_kwartaal', 'werkzaam', 'regio_code');
  const banen = await landelijkGeschreven(engine);
  const perKwartaal = new Map<number, Map<string, ContractRij>>();
  for (const [g, rijen] of perGroep) {
    for (const r of rijen) {
      const kw = kwartaalToIndex(r.kwartaal);
      const m = perKwartaal.get(kw) ?? new Map<string, ContractRij>();
      m.set(g, r);
      perKwartaal.set(kw, m);
    }
  }
  const rijen: string[] = [];
  for (const [kw, groepen] of perKwartaal) {
    // The cohort's decision where it holds the same people (its count equals these werkzamen).
    const gekoppeld = [...groepen].every(([g, r]) => cohort.get(`${kw}|${g}`)?.aantal === r.werkzamen);
    let reden: Map<string, Reden | null> | null;
    if (gekoppeld) {
      reden = new Map([...groepen.keys()].map((g) => {
        const c = cohort.get(`${kw}|${g}`)!;
        return [g, c.klein ? (c.bescherming ? 'bescherming' : 'klein') : null];
      }));
    } else {
      const totaal = groepen.get(TOTAAL_GROEP)?.werkzamen;
      reden = beslisWerkzamen({ groepen: new Map([...groepen].map(([g, r]) => [g, r.werkzamen])), regio: regio.get(kw), landelijk: totaal !== undefined && banen.get(kw) === totaal });
    }
    for (const [g, r] of groepen) {
      const leeg = reden ? reden.get(g)! : r.werkzamen < DREMPEL ? 'klein' : 'bescherming';
      rijen.push(`(${kw}, ${literal(g)}, ${r.werkzamen}, ${r.uren}, ${r.urenOnbepaald}, ${r.gemBaanduurJaren ?? 'NULL'}, ${leeg !== null}, ${leeg === 'bescherming'})`);
    }
  }
  for (let i = 0; i < rijen.length; i += 2000) {
    await engine.query(`INSERT INTO ${DUURZAAMHEID_CONTRACT_TABEL} VALUES ${rijen.slice(i, i + 2000).join(',\n')}`);
  }
}

/**
 * The single-cohort outcome (werkzaam / werk verloren / uit het register, continuously werkzaam,
 * same job) computed with Arquero 8 from columnar arrays — only to compare with DuckDB (WASM and
 * native) in `npm run bench`; the page itself uses the SQL in src/lib/metrics/duurzaamheid/uitkomst.ts.
 * Same definitions: base t, outcome at t+h, continuity = werkzaam in every quarter t…t+h.
 */
import * as aq from 'arquero';
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import { panelBereikQuery, standaardBasiskwartaal, type PanelBereik } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import type { Horizon } from '../../src/lib/metrics/duurzaamheid/filters.ts';
import { cohortTrendQuery, cohortUitkomstQuery } from '../../src/lib/metrics/duurzaamheid/uitkomst.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import { kwartaalIndex, kwartaalToIndex, type Kwartaal } from '../../src/lib/kwartaal.ts';

const { op } = aq;

/** The panel as columns, one entry per row of doelgroep_kwartaal. */
export interface PanelKolommen {
  persoon_id: ArrayLike<number>;
  /** Quarter index year*4 + quarter − 1 of peildatum. */
  kw: ArrayLike<number>;
  /** 1 = werkzaam, 0 = not. */
  werkzaam: ArrayLike<number>;
  /** baan_id, −1 when there is none. */
  baan_id: ArrayLike<number>;
}

export interface CohortTelling {
  cohort: number;
  werkzaam: number;
  werkVerloren: number;
  uitRegister: number;
  steedsWerkzaam: number;
  zelfdeBaan: number;
}

/** Reads the four columns the cohort needs as typed arrays (Int32). */
export async function laadPanelKolommen(engine: QueryEngine): Promise<PanelKolommen> {
  const t = await engine.query(`SELECT CAST(persoon_id AS INTEGER) AS persoon_id,
      CAST(${kwartaalIndex('peildatum')} AS INTEGER) AS kw,
      CAST(werkzaam AS INTEGER) AS werkzaam,
      CAST(coalesce(baan_id, -1) AS INTEGER) AS baan_id
    FROM doelgroep_kwartaal`);
  const kolom = (n: string) => t.getChild(n)!.toArray() as Int32Array;
  return { persoon_id: kolom('persoon_id'), kw: kolom('kw'), werkzaam: kolom('werkzaam'), baan_id: kolom('baan_id') };
}

export function arqueroCohort(kolommen: PanelKolommen, basis: Kwartaal, horizon: Horizon): CohortTelling {
  const t = kwartaalToIndex(basis);
  const $ = { t, e: t + horizon, n: horizon - 1 };
  const panel = aq.table({
    persoon_id: kolommen.persoon_id, kw: kolommen.kw, werkzaam: kolommen.werkzaam, baan_id: kolommen.baan_id,
  });
  // One pass to the window t…t+h; the three parts below only see those rows.
  const venster = panel.params($).filter((d: any, p: any) => d.kw >= p.t && d.kw <= p.e);
  const basisRijen = venster.params($)
    .filter((d: any, p: any) => d.kw === p.t && d.werkzaam === 1)
    .select({ persoon_id: 'persoon_id', baan_id: 'baan_t' });
  const eind = venster.params($)
    .filter((d: any, p: any) => d.kw === p.e)
    .select({ persoon_id: 'persoon_id', werkzaam: 'werk_e', baan_id: 'baan_e' });
  const tussen = venster.params($)
    .filter((d: any, p: any) => d.kw > p.t && d.kw < p.e && d.werkzaam === 1)
    .groupby('persoon_id')
    .count({ as: 'n_tussen' });
  const r = basisRijen
    .lookup(eind, 'persoon_id', 'werk_e', 'baan_e')
    .lookup(tussen, 'persoon_id', 'n_tussen')
    .params($)
    .rollup({
      cohort: op.count(),
      werkzaam: (d: any) => op.sum(d.werk_e === 1 ? 1 : 0),
      verloren: (d: any) => op.sum(d.werk_e === 0 ? 1 : 0),
      steeds: (d: any, p: any) => op.sum(d.werk_e === 1 && d.n_tussen === p.n ? 1 : 0),
      zelfde: (d: any) => op.sum(d.werk_e === 1 && d.baan_e === d.baan_t && d.baan_t >= 0 ? 1 : 0),
    })
    .object() as { cohort: number; werkzaam: number; verloren: number; steeds: number; zelfde: number };
  return {
    cohort: r.cohort,
    werkzaam: r.werkzaam,
    werkVerloren: r.verloren,
    uitRegister: r.cohort - r.werkzaam - r.verloren,
    steedsWerkzaam: r.steeds,
    zelfdeBaan: r.zelfde,
  };
}

// ───────────────────────────── bench cases ─────────────────────────────

export interface BenchCase {
  name: string;
  run(engine: QueryEngine): Promise<unknown>;
}

interface Staat {
  bereik: PanelBereik;
  basis: Kwartaal;
  kolommen?: PanelKolommen;
}
const staat = new WeakMap<QueryEngine, Staat>();

async function voorbereid(engine: QueryEngine): Promise<Staat> {
  let s = staat.get(engine);
  if (!s) {
    const bereik = await runMetric(engine, panelBereikQuery());
    const basis = bereik && standaardBasiskwartaal(bereik);
    if (!bereik || !basis) throw new Error('doelgroep_kwartaal heeft geen basiskwartaal met t+4.');
    s = { bereik, basis };
    staat.set(engine, s);
  }
  return s;
}

export const cases: BenchCase[] = [
  {
    name: 'duurzaamheid: één cohort, uitkomst na 1 jaar (SQL)',
    async run(engine) {
      const s = await voorbereid(engine);
      return runMetric(engine, cohortUitkomstQuery({ basis: s.basis, horizon: 4 }, s.bereik));
    },
  },
  {
    name: 'duurzaamheid: één cohort, uitkomst na 1 jaar per achtergrond (SQL)',
    async run(engine) {
      const s = await voorbereid(engine);
      return runMetric(engine, cohortUitkomstQuery({ basis: s.basis, horizon: 4, split: 'achtergrond' }, s.bereik));
    },
  },
  {
    name: 'duurzaamheid: trend alle derde kwartalen, per achtergrond (SQL, één query)',
    async run(engine) {
      const s = await voorbereid(engine);
      return runMetric(engine, cohortTrendQuery({ horizon: 4, split: 'achtergrond', kwartaalVanJaar: 3 }, s.bereik));
    },
  },
  {
    name: 'duurzaamheid: trend alle basiskwartalen (SQL, één query)',
    async run(engine) {
      const s = await voorbereid(engine);
      return runMetric(engine, cohortTrendQuery({ horizon: 4 }, s.bereik));
    },
  },
  {
    name: 'duurzaamheid: één cohort, uitkomst na 1 jaar (Arquero, kolommen al in JS)',
    async run(engine) {
      const s = await voorbereid(engine);
      s.kolommen ??= await laadPanelKolommen(engine);
      return arqueroCohort(s.kolommen, s.basis, 4);
    },
  },
];

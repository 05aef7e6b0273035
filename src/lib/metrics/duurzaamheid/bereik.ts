/**
 * The quarters in the panel (doelgroep_kwartaal) and the base quarters each metric can use.
 * Every cohort query takes the bereik: the page asks for it once (`panelBereikQuery`).
 */
import { toRows } from '../../engine/rows.ts';
import { indexToKwartaal, kwartaalIndex, kwartaalToIndex, type Kwartaal } from '../../kwartaal.ts';
import type { MetricQuery } from '../../sql/query.ts';
import { checkHorizon, type Horizon } from './filters.ts';
import { PANEL } from './sql-fragments.ts';

/** First and last quarter in doelgroep_kwartaal. */
export interface PanelBereik { eerste: Kwartaal; laatste: Kwartaal }

/** The first and last quarter of the panel; null when the panel is empty. */
export function panelBereikQuery(): MetricQuery<PanelBereik | null> {
  return {
    sql: `SELECT ${kwartaalIndex('min(peildatum)')} AS eerste, ${kwartaalIndex('max(peildatum)')} AS laatste FROM ${PANEL}`,
    params: [],
    extracts: [PANEL],
    shape: (table) => {
      const r = toRows<{ eerste: number | null; laatste: number | null }>(table)[0];
      if (!r || r.eerste === null || r.laatste === null) return null;
      return { eerste: indexToKwartaal(r.eerste), laatste: indexToKwartaal(r.laatste) };
    },
  };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Base quarters t with t+h ≤ laatste, ascending. */
export function basiskwartalen(bereik: PanelBereik, horizon: Horizon): Kwartaal[] {
  const h = checkHorizon(horizon);
  return range(kwartaalToIndex(bereik.eerste), kwartaalToIndex(bereik.laatste) - h).map(indexToKwartaal);
}

/** Base quarters t with t−4 ≥ eerste and t+4 ≤ laatste (starters look back a year). */
export function startersBasiskwartalen(bereik: PanelBereik): Kwartaal[] {
  return range(kwartaalToIndex(bereik.eerste) + 4, kwartaalToIndex(bereik.laatste) - 4).map(indexToKwartaal);
}

/** The latest Q3 with t+4 in the data, else the latest t with t+4; null when there is none. */
export function standaardBasiskwartaal(bereik: PanelBereik): Kwartaal | null {
  const geldig = basiskwartalen(bereik, 4);
  const q3 = geldig.filter((k) => k.endsWith('Q3'));
  return q3.at(-1) ?? geldig.at(-1) ?? null;
}

/** A single base quarter t with its outcome t+h must lie inside the data. */
export function checkBasisInBereik(t: number, h: number, bereik: PanelBereik, basis: Kwartaal): void {
  const e = kwartaalToIndex(bereik.eerste);
  const l = kwartaalToIndex(bereik.laatste);
  if (t < e || t + h > l) {
    throw new Error(
      `Basiskwartaal ${basis} met horizon ${h} valt buiten de data (${bereik.eerste} t/m ${bereik.laatste}): ` +
      `${indexToKwartaal(t + h)} is nodig.`,
    );
  }
}

export function trendRange(bereik: PanelBereik, lookback: number, lookahead: number): [number, number] | null {
  const b0 = kwartaalToIndex(bereik.eerste) + lookback;
  const b1 = kwartaalToIndex(bereik.laatste) - lookahead;
  return b0 <= b1 ? [b0, b1] : null;
}

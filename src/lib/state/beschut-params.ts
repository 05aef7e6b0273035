/**
 * Link parameters of the Beschut werk page (url.ts SCHEMAS['beschut-werk']): months of the
 * period (yyyy-mm) and the minimum taakstelling a gemeente or region needs to be ranked.
 */
import type { Param } from './url.ts';

export const MAAND_MIN = '2015-01';
export const MAAND_MAX = '2030-12';

/** A month written as 2017-05, from MAAND_MIN to MAAND_MAX. */
export function maandParam(label: string, standaard: string): Param<string> {
  return {
    label,
    standaard,
    parse(raw) {
      const m = /^(\d{4})-(\d{2})$/.exec(raw);
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || raw < MAAND_MIN || raw > MAAND_MAX) {
        return { fout: `een maand van ${MAAND_MIN} tot en met ${MAAND_MAX}, geschreven als 2017-05` };
      }
      return { waarde: raw };
    },
    serialiseer: (v) => v,
    toon: (v) => v,
  };
}

export const MINIMUM_MAX = 1000;

/** Whole number of places 0 … MINIMUM_MAX: units with a smaller taakstelling are not ranked. */
export function minimumParam(standaard: number): Param<number> {
  return {
    label: 'minimale taakstelling',
    standaard,
    parse(raw) {
      if (!/^\d{1,4}$/.test(raw) || Number(raw) > MINIMUM_MAX) return { fout: `een geheel aantal plekken van 0 tot en met ${MINIMUM_MAX}` };
      return { waarde: Number(raw) };
    },
    serialiseer: (v) => String(v),
    toon: (v) => `${v} ${v === 1 ? 'plek' : 'plekken'}`,
  };
}

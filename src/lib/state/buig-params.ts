/**
 * Link parameters of the BUIG page (url.ts SCHEMAS.buig): years that may be absent (the page then
 * takes them from the loaded data), the budget size class and the tekort threshold. Each is left
 * out of the link at its default, so `#/buig?jaar=2016` stays the whole link for that view.
 */
import { GROOTTEKLASSEN, GROOT_TEKORT_PCT, isGrootteklasse, type Grootteklasse } from '../metrics/buig.ts';
import type { Param } from './url.ts';

export const BUIG_JAAR_MIN = 2000;
export const BUIG_JAAR_MAX = 2099;

/** A year, or null ("the page picks one from the data", shown as leegTekst). */
export function optioneelJaarParam(label: string, leegTekst: string): Param<number | null> {
  return {
    label,
    standaard: null,
    parse(raw) {
      if (raw === '') return { waarde: null };
      if (!/^\d{4}$/.test(raw) || Number(raw) < BUIG_JAAR_MIN || Number(raw) > BUIG_JAAR_MAX) return { fout: `een jaar van ${BUIG_JAAR_MIN} tot en met ${BUIG_JAAR_MAX}` };
      return { waarde: Number(raw) };
    },
    serialiseer: (v) => (v === null ? null : String(v)),
    toon: (v) => (v === null ? leegTekst : String(v)),
  };
}

export function grootteklasseParam(): Param<Grootteklasse | null> {
  return {
    label: 'grootteklasse (definitief budget)',
    standaard: null,
    parse(raw) {
      if (raw === '') return { waarde: null };
      return isGrootteklasse(raw) ? { waarde: raw } : { fout: `één van ${GROOTTEKLASSEN.map((k) => k.id).join(', ')}` };
    },
    serialiseer: (v) => v,
    toon: (v) => (v === null ? 'alle gemeenten' : GROOTTEKLASSEN.find((k) => k.id === v)!.label),
  };
}

/** The tekort threshold in whole percents of the budget (1–50), default 5 as in the Divosa monitor. */
export function drempelParam(): Param<number> {
  return {
    label: 'drempel voor een groot tekort (% van het budget)',
    standaard: GROOT_TEKORT_PCT,
    parse(raw) {
      if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 50) return { fout: 'een geheel percentage van 1 tot en met 50' };
      return { waarde: Number(raw) };
    },
    serialiseer: (v) => (v === GROOT_TEKORT_PCT ? null : String(v)),
    toon: (v) => `${v}%`,
  };
}

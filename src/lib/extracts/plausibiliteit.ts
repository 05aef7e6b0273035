import type { ExtractName, QueryEngine } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { formatAantal, formatDatum } from '../format/nl.ts';
import { indexToKwartaal } from '../kwartaal.ts';
import { ident } from '../sql/quote.ts';
import type { ExtractContract } from './contracts.ts';
import { kortBestand, kortWaarde } from './meldingen.ts';
import { NULMETING, laatsteJaar } from './perioden.ts';
import type { ValidationCheck } from './validate.ts';

/**
 * Plausibility rules per contract, in one place: what a value can be in reality, beyond its type
 * and domain (contracts.ts). A rule either refuses the file (a peildatum in 1900, 'infinity', a
 * job that starts after its peildatum, a negative budget, no rows at all) or only warns (a short
 * series, a gap in the quarters): a warning is shown as an amber note and the file still loads.
 * The README lists the same rules ("Plausibility rules"); the Data page shows them per column.
 */

/** Beschut werk exists since the Participatiewet of 1 January 2015. */
const BESCHUT_START = '2015-01-01';
/** BUIG budgets and spending as published from 2011 on. */
const BUIG_EERSTE_JAAR = 2011;
/** An early start of a job that still runs (Wsw jobs from the 1970s are in the register). */
const BAAN_START_VAN = '1950-01-01';
/** The most hours a quarter can have: 92 days of 24 hours. */
const MAX_UREN_KWARTAAL = 92 * 24;
/** Quarters the Duurzaamheid page needs for an outcome after a year: a base quarter and four more. */
const MIN_KWARTALEN = 5;

export type Regel =
  /** A date from `van` up to the end of next year; never 'infinity'. */
  | { soort: 'datum'; kolom: string; van: string; waarom: string }
  /** A year from `van` up to next year. */
  | { soort: 'jaar'; kolom: string; van: number }
  /** A number within [min, max]. */
  | { soort: 'getal'; kolom: string; min?: number; max?: number; waarom: string }
  /** `kolom` not after `ander` in the same row. */
  | { soort: 'niet-na'; kolom: string; ander: string; waarom: string }
  /** At least one row. */
  | { soort: 'rijen' }
  /** Warning: fewer than `minimum` distinct quarters. */
  | { soort: 'reeks'; kolom: string; minimum: number; waarom: string }
  /** Warning: quarters (or years) missing between the first and the last. */
  | { soort: 'gat'; kolom: string; eenheid: 'kwartaal' | 'jaar' };

export const PLAUSIBILITEIT: Readonly<Record<ExtractName, readonly Regel[]>> = {
  doelgroep_kwartaal: [
    { soort: 'rijen' },
    { soort: 'datum', kolom: 'peildatum', van: NULMETING, waarom: 'het doelgroepregister begint bij de nulmeting van eind 2012' },
    { soort: 'datum', kolom: 'baan_startdatum', van: BAAN_START_VAN, waarom: 'een baan die nu nog loopt, begon niet vóór 1950' },
    { soort: 'niet-na', kolom: 'baan_startdatum', ander: 'peildatum', waarom: 'een baan begint niet na de peildatum van de rij' },
    { soort: 'getal', kolom: 'uren', min: 0, max: MAX_UREN_KWARTAAL, waarom: 'uren zijn nooit negatief en een kwartaal heeft hoogstens 92 × 24 uur' },
    {
      soort: 'reeks',
      kolom: 'peildatum',
      minimum: MIN_KWARTALEN,
      waarom: 'de uitkomsten na een jaar (Duurzaamheid) hebben een basiskwartaal en vier kwartalen erna nodig',
    },
    { soort: 'gat', kolom: 'peildatum', eenheid: 'kwartaal' },
  ],
  doelgroep_uitstroom: [
    { soort: 'rijen' },
    { soort: 'datum', kolom: 'peildatum', van: NULMETING, waarom: 'het doelgroepregister begint bij de nulmeting van eind 2012' },
  ],
  beschut_adviezen: [
    { soort: 'rijen' },
    { soort: 'datum', kolom: 'besluitdatum', van: BESCHUT_START, waarom: 'beschut werk bestaat sinds 1 januari 2015' },
  ],
  beschut_plekken: [
    { soort: 'rijen' },
    { soort: 'datum', kolom: 'peildatum', van: BESCHUT_START, waarom: 'beschut werk bestaat sinds 1 januari 2015' },
    { soort: 'getal', kolom: 'plekken', min: 0, waarom: 'een aantal plekken is nooit negatief' },
    { soort: 'getal', kolom: 'taakstelling', min: 0, waarom: 'een taakstelling is nooit negatief' },
  ],
  buig_gemeente: [
    { soort: 'rijen' },
    { soort: 'jaar', kolom: 'jaar', van: BUIG_EERSTE_JAAR },
    { soort: 'getal', kolom: 'budget_voorlopig', min: 0, waarom: 'een budget is nooit negatief' },
    { soort: 'getal', kolom: 'budget_definitief', min: 0, waarom: 'een budget is nooit negatief' },
    { soort: 'getal', kolom: 'uitgaven', min: 0, waarom: 'uitgaven zijn nooit negatief' },
    { soort: 'gat', kolom: 'jaar', eenheid: 'jaar' },
  ],
};

/** Whether a rule refuses the file or only warns. */
export function ernst(r: Regel): 'weigeren' | 'waarschuwen' {
  return r.soort === 'reeks' || r.soort === 'gat' ? 'waarschuwen' : 'weigeren';
}

/** What a content check needs from the validator: the table, the file name and its row helpers. */
export interface RegelContext {
  /** The table, already quoted. */
  t: string;
  bestand: string;
  where(col: string, cond: string): { sql: string; conditie: string };
  rij(row: Record<string, unknown>): string;
  nu?: Date;
}

/** The refusing rules of a contract as content checks (the validator runs them with the others). */
export function plausibiliteitChecks(contract: ExtractContract, ctx: RegelContext): ValidationCheck[] {
  const b = kortBestand(ctx.bestand);
  const tot = `${laatsteJaar(ctx.nu)}-12-31`;
  const out: ValidationCheck[] = [];
  for (const r of PLAUSIBILITEIT[contract.name]) {
    switch (r.soort) {
      case 'rijen':
        out.push({
          kolom: null,
          sql: `SELECT count(*) AS __aantal FROM ${ctx.t} HAVING count(*) = 0`,
          telling: 'CASE WHEN count(*) = 0 THEN 1 ELSE 0 END',
          bericht: () => `${b} bevat geen rijen. Een extract heeft minstens één rij; exporteer het opnieuw.`,
        });
        break;
      case 'datum': {
        const c = ident(r.kolom);
        out.push({
          kolom: r.kolom,
          ...ctx.where(r.kolom, `${c} IS NOT NULL AND (NOT isfinite(${c}) OR ${c} < DATE '${r.van}' OR ${c} > DATE '${tot}')`),
          waardeKolom: r.kolom,
          bericht: (row) =>
            /infinity/i.test(String(row.__waarde))
              ? `${b}, kolom ${r.kolom}: '${kortWaarde(row.__waarde)}' is geen echte datum, in de rij ${ctx.rij(row)}.`
              : `${b}, kolom ${r.kolom}: ${kortWaarde(row.__waarde)} ligt buiten ${formatDatum(r.van)} tot en met ${formatDatum(tot)}, ` +
                `in de rij ${ctx.rij(row)}; ${r.waarom}.`,
        });
        break;
      }
      case 'jaar': {
        const c = ident(r.kolom);
        out.push({
          kolom: r.kolom,
          ...ctx.where(r.kolom, `${c} IS NOT NULL AND (${c} < ${r.van} OR ${c} > ${laatsteJaar(ctx.nu)})`),
          waardeKolom: r.kolom,
          bericht: (row) =>
            `${b}, kolom ${r.kolom}: het jaar ${kortWaarde(row.__waarde)} ligt buiten ${r.van} tot en met ${laatsteJaar(ctx.nu)}, in de rij ${ctx.rij(row)}.`,
        });
        break;
      }
      case 'getal': {
        const c = ident(r.kolom);
        const grenzen = [r.min !== undefined ? `${c} < ${r.min}` : null, r.max !== undefined ? `${c} > ${r.max}` : null].filter(Boolean);
        // NaN sorts above every number in DuckDB; the finiteness check reports it, not this one.
        out.push({
          kolom: r.kolom,
          ...ctx.where(r.kolom, `${c} IS NOT NULL AND isfinite(CAST(${c} AS DOUBLE)) AND (${grenzen.join(' OR ')})`),
          bericht: (row) => {
            const v = Number(row.__waarde);
            const grens = r.min !== undefined && v < r.min ? `kleiner dan ${formatAantal(r.min)}` : `groter dan ${formatAantal(r.max ?? 0)}`;
            return `${b}, kolom ${r.kolom}: de waarde ${kortWaarde(row.__waarde)} is ${grens}, in de rij ${ctx.rij(row)}; ${r.waarom}.`;
          },
        });
        break;
      }
      case 'niet-na': {
        const [c, a] = [ident(r.kolom), ident(r.ander)];
        out.push({
          kolom: r.kolom,
          ...ctx.where(r.kolom, `${c} IS NOT NULL AND ${a} IS NOT NULL AND ${c} > ${a}`),
          bericht: (row) => `${b}, kolom ${r.kolom}: ${kortWaarde(row.__waarde)} ligt na de ${r.ander}, in de rij ${ctx.rij(row)}; ${r.waarom}.`,
        });
        break;
      }
    }
  }
  return out;
}

/** The warnings for a table that passed every check: short Dutch notes, the file still loads. */
export async function plausibiliteitWaarschuwingen(engine: QueryEngine, contract: ExtractContract, table: string, bestand: string): Promise<string[]> {
  const b = kortBestand(bestand);
  const t = ident(table);
  const uit: string[] = [];
  for (const r of PLAUSIBILITEIT[contract.name]) {
    if (r.soort !== 'reeks' && r.soort !== 'gat') continue;
    const c = ident(r.kolom);
    const jaar = r.soort === 'gat' && r.eenheid === 'jaar';
    const idx = jaar ? `CAST(${c} AS INTEGER)` : `(year(${c}) * 4 + quarter(${c}) - 1)`;
    try {
      const [s] = toRows<{ n: number; lo: number | null; hi: number | null; eerste: number | null }>(
        await engine.query(
          `WITH k AS (SELECT DISTINCT ${idx} AS i FROM ${t} WHERE ${c} IS NOT NULL)
           SELECT count(*) AS n, min(i) AS lo, max(i) AS hi,
                  (SELECT min(i) + 1 FROM k WHERE i < (SELECT max(i) FROM k) AND i + 1 NOT IN (SELECT i FROM k)) AS eerste FROM k`,
        ),
      );
      if (!s || s.lo === null || s.hi === null) continue;
      const n = Number(s.n);
      const naam = (i: number) => (jaar ? String(i) : indexToKwartaal(i));
      if (r.soort === 'reeks' && n < r.minimum) {
        const periode = n === 1 ? naam(Number(s.lo)) : `${naam(Number(s.lo))} tot en met ${naam(Number(s.hi))}`;
        uit.push(
          `${b}: de reeks telt ${n} ${n === 1 ? 'kwartaal' : 'kwartalen'} (${periode}); ${r.waarom}. Die onderdelen blijven leeg.`,
        );
      }
      if (r.soort === 'gat') {
        const ontbreekt = Number(s.hi) - Number(s.lo) + 1 - n;
        if (ontbreekt > 0 && s.eerste !== null) {
          const eenheid = jaar ? (ontbreekt === 1 ? 'jaar' : 'jaren') : ontbreekt === 1 ? 'kwartaal' : 'kwartalen';
          uit.push(
            `${b}, kolom ${r.kolom}: tussen ${naam(Number(s.lo))} en ${naam(Number(s.hi))} ${ontbreekt === 1 ? 'ontbreekt' : 'ontbreken'} ${formatAantal(ontbreekt)} ${eenheid}, ` +
              `te beginnen bij ${naam(Number(s.eerste))}. Cijfers over die periode ontbreken.`,
          );
        }
      }
    } catch {
      // A warning that cannot be computed is no reason to refuse a file that passed every check.
    }
  }
  return uit;
}

/** The rules per column in plain Dutch for the Data page ('' holds the rules about the whole file). */
export function beschrijfRegels(contract: ExtractContract, nu: Date = new Date()): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (k: string, s: string) => (out[k] ??= []).push(s);
  const tot = formatDatum(`${laatsteJaar(nu)}-12-31`);
  for (const r of PLAUSIBILITEIT[contract.name]) {
    switch (r.soort) {
      case 'rijen':
        add('', 'minstens één rij');
        break;
      case 'datum':
        add(r.kolom, `van ${formatDatum(r.van)} tot en met ${tot}`);
        break;
      case 'jaar':
        add(r.kolom, `van ${r.van} tot en met ${laatsteJaar(nu)}`);
        break;
      case 'getal':
        add(r.kolom, r.max === undefined ? `niet negatief` : `van ${formatAantal(r.min ?? 0)} tot en met ${formatAantal(r.max)}`);
        break;
      case 'niet-na':
        add(r.kolom, `niet na de ${r.ander}`);
        break;
      case 'reeks':
        add(r.kolom, `waarschuwing bij minder dan ${r.minimum} kwartalen`);
        break;
      case 'gat':
        add(r.kolom, `waarschuwing bij ontbrekende ${r.eenheid === 'jaar' ? 'jaren' : 'kwartalen'}`);
        break;
    }
  }
  return out;
}

import type { ValidationIssue } from '../engine/client-types.ts';
import type { QueryEngine } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { formatAantal } from '../format/nl.ts';
import { ident, inList } from '../sql/quote.ts';
import type { ColumnContract, ExtractContract } from './contracts.ts';
import { GEMEENTE_INDELING_JAAR, GEMEENTEN, type GemeenteRef } from './gemeenten.ts';
import { kortBestand, kortWaarde, technischeFout } from './meldingen.ts';
import { beschrijfRegels, plausibiliteitChecks } from './plausibiliteit.ts';
import { REGIO_CODES, REGIO_NAMEN } from './regions.ts';
import { extraKolommen, matchContract, type KolomType } from './schema-check.ts';

/**
 * Checks an extract against its contract, on either engine (DuckDB-WASM or native) through
 * QueryEngine. Two stages: the schema (names, type families; schema-check.ts) from DESCRIBE, then
 * content checks as SQL that returns one offending row, with the plausibility rules
 * (plausibiliteit.ts) among them. Every message is a short Dutch sentence naming the file, the
 * column and an offending row, so an analyst can find and fix it.
 */

/** One content check: SQL that returns offending rows (at most one) and the sentence for such a row. */
export interface ValidationCheck {
  kolom: string | null;
  sql: string;
  bericht(row: Record<string, unknown>): string;
  /**
   * For checks on single rows: the predicate that marks an offending row. runContentChecks
   * counts all of them in one scan and fetches an example row only for checks that fail.
   */
  conditie?: string;
  /**
   * Set when `conditie` reads only this column: it is then evaluated on the column's distinct
   * values (with their counts), far cheaper than on every row of a national panel.
   */
  waardeKolom?: string;
  /** For checks on the whole table: an aggregate that is the number of offending cases (counted in the same scan). */
  telling?: string;
}

// ---------------------------------------------------------------------------------------------
// Schema

/** Column names and DuckDB types of a table or view (works on both engines). */
export async function describeColumns(engine: QueryEngine, table: string): Promise<KolomType[]> {
  const rows = toRows<{ column_name: string; column_type: string }>(
    await engine.query(`SELECT column_name, column_type FROM (DESCRIBE ${ident(table)})`),
  );
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

// ---------------------------------------------------------------------------------------------
// Content

/** The reference list as typed values for SQL; every code is checked before it reaches SQL. */
function gemeenteValues(referentie: readonly GemeenteRef[]): string {
  if (referentie.length === 0) throw new Error('De gemeentelijst is leeg.');
  const regios = new Set(REGIO_CODES);
  return referentie
    .map((g) => {
      if (!/^GM\d{4}$/.test(g.code)) throw new Error(`Ongeldige gemeentecode in de referentielijst: ${g.code}`);
      if (!regios.has(g.regio)) throw new Error(`Ongeldige regiocode in de referentielijst: ${g.regio}`);
      return `('${g.code}', '${g.regio}')`;
    })
    .join(', ');
}

/**
 * The content checks of a contract, as SQL on `table`. Each returns at most one offending row with
 * the key columns (as text) and the offending value, so both engines print the same sentence.
 */
export function contentChecks(
  contract: ExtractContract,
  table: string,
  bestand: string,
  referentie: readonly GemeenteRef[] = GEMEENTEN,
  nu: Date = new Date(),
): ValidationCheck[] {
  const t = ident(table);
  const cols = new Map(contract.columns.map((c) => [c.name, c]));
  const keySelect = contract.key.map((k) => `CAST(${ident(k)} AS VARCHAR) AS ${ident(k)}`).join(', ');
  const rij = (row: Record<string, unknown>) => rijTekst(contract.key, row);
  const checks: ValidationCheck[] = [];
  const where = (col: string, cond: string) => ({
    sql: `SELECT ${keySelect}, CAST(${ident(col)} AS VARCHAR) AS __waarde FROM ${t} WHERE ${cond} LIMIT 1`,
    conditie: cond,
  });
  bestand = kortBestand(bestand);

  // NOT NULL first: later checks skip nulls.
  for (const col of contract.columns.filter((c) => !c.nullable)) {
    checks.push({
      kolom: col.name,
      ...where(col.name, `${ident(col.name)} IS NULL`),
      bericht: (row) => `${bestand}, kolom ${col.name}: lege waarde (NULL) in de rij ${rij(row)}. Deze kolom is verplicht.`,
    });
  }

  // Key uniqueness.
  const keyCols = contract.key.map(ident).join(', ');
  checks.push({
    kolom: contract.key.join(', '),
    sql: `SELECT ${keySelect}, count(*) AS __aantal FROM ${t} GROUP BY ${keyCols} HAVING count(*) > 1 LIMIT 1`,
    bericht: (row) =>
      `${bestand}, kolom${contract.key.length > 1 ? 'men' : ''} ${opsomming(contract.key)}: de sleutel is niet uniek; ` +
      `de rij ${rij(row)} komt ${formatAantal(Number(row.__aantal))} keer voor.`,
  });

  for (const col of contract.columns) checks.push(...kolomChecks(col, bestand, where, rij, referentie, t, keySelect));
  checks.push(...plausibiliteitChecks(contract, { t, bestand, where, rij, nu }));

  // Rules that tie columns together (present in doelgroep_kwartaal).
  if (cols.has('werkzaam') && cols.has('baan_id')) {
    checks.push({
      kolom: 'baan_id',
      ...where('baan_id', `werkzaam AND baan_id IS NULL`),
      bericht: (row) =>
        `${bestand}, kolom baan_id: werkzaam is waar maar baan_id is leeg in de rij ${rij(row)}. Een werkzame persoon heeft een baan_id.`,
    });
    checks.push({
      kolom: 'baan_id',
      ...where('baan_id', `NOT werkzaam AND baan_id IS NOT NULL`),
      bericht: (row) =>
        `${bestand}, kolom baan_id: werkzaam is onwaar maar baan_id is ${kortWaarde(row.__waarde)} in de rij ${rij(row)}. ` +
        `baan_id moet leeg zijn als de persoon niet werkzaam is.`,
    });
  }
  if (cols.has('werkzaam') && cols.has('uren')) {
    checks.push({
      kolom: 'uren',
      ...where('uren', `NOT werkzaam AND uren <> 0`),
      bericht: (row) =>
        `${bestand}, kolom uren: werkzaam is onwaar maar uren is ${kortWaarde(row.__waarde)} in de rij ${rij(row)}. ` +
        `Uren moeten 0 zijn als de persoon niet werkzaam is.`,
    });
  }
  if (cols.get('regio_code')?.reference === 'regio' && cols.get('gemeente_code')?.reference === 'gemeente') {
    const namen = new Map(referentie.map((g) => [g.code, g]));
    checks.push({
      kolom: 'gemeente_code',
      sql:
        `SELECT ${contract.key.map((k) => `CAST(d.${ident(k)} AS VARCHAR) AS ${ident(k)}`).join(', ')}, ` +
        `CAST(d.gemeente_code AS VARCHAR) AS __waarde, CAST(d.regio_code AS VARCHAR) AS __regio, g.regio AS __juist ` +
        `FROM ${t} AS d JOIN (VALUES ${gemeenteValues(referentie)}) AS g(code, regio) ON CAST(d.gemeente_code AS VARCHAR) = g.code ` +
        `WHERE CAST(d.regio_code AS VARCHAR) <> g.regio AND CAST(d.regio_code AS VARCHAR) IN ${inList(REGIO_CODES)} LIMIT 1`,
      bericht: (row) => {
        const g = namen.get(String(row.__waarde));
        return (
          `${bestand}, kolom gemeente_code: gemeente ${kortWaarde(row.__waarde)}${g ? ` (${g.naam})` : ''} ligt niet in regio ` +
          `${regioTekst(String(row.__regio))} maar in ${regioTekst(String(row.__juist))}, in de rij ${rij(row)}.`
        );
      },
    });
  }
  return checks;
}

function kolomChecks(
  col: ColumnContract,
  bestand: string,
  where: (col: string, cond: string) => { sql: string; conditie: string },
  rij: (row: Record<string, unknown>) => string,
  referentie: readonly GemeenteRef[],
  t: string,
  keySelect: string,
): ValidationCheck[] {
  const c = ident(col.name);
  const text = `CAST(${c} AS VARCHAR)`;
  const out: ValidationCheck[] = [];
  if (col.domain) {
    out.push({
      kolom: col.name,
      ...where(col.name, `${c} IS NOT NULL AND ${text} NOT IN ${inList(col.domain)}`),
      waardeKolom: col.name,
      bericht: (row) =>
        `${bestand}, kolom ${col.name}: onbekende waarde '${kortWaarde(row.__waarde)}' in de rij ${rij(row)}. ` +
        `Toegestaan zijn ${opsomming(col.domain!.map((d) => `'${d}'`), 'of')}.`,
    });
  }
  if (col.reference === 'regio') {
    out.push({
      kolom: col.name,
      ...where(col.name, `${c} IS NOT NULL AND ${text} NOT IN ${inList(REGIO_CODES)}`),
      waardeKolom: col.name,
      bericht: (row) =>
        `${bestand}, kolom ${col.name}: onbekende regiocode '${kortWaarde(row.__waarde)}' in de rij ${rij(row)}. ` +
        `Verwacht één van de 35 arbeidsmarktregio's (AM01 tot en met AM38, zonder AM04, AM16 en AM31).`,
    });
  }
  if (col.reference === 'gemeente') {
    const cond = `${c} IS NOT NULL AND ${text} NOT IN (SELECT code FROM (VALUES ${gemeenteValues(referentie)}) AS g(code, regio))`;
    out.push({
      kolom: col.name,
      sql: `SELECT ${keySelect}, ${text} AS __waarde FROM ${t} WHERE ${cond} LIMIT 1`,
      conditie: cond,
      waardeKolom: col.name,
      bericht: (row) =>
        `${bestand}, kolom ${col.name}: onbekende gemeentecode '${kortWaarde(row.__waarde)}' in de rij ${rij(row)}. ` +
        `Verwacht een code als GM0363 uit de gemeentelijke indeling ${GEMEENTE_INDELING_JAAR} (${referentie.length} gemeenten).`,
    });
  }
  if (col.kind === 'date' && col.quarterEnd) {
    // 'infinity' has no quarter; the plausibility rule on the period names it.
    out.push({
      kolom: col.name,
      ...where(col.name, `${c} IS NOT NULL AND isfinite(${c}) AND ${c} <> CAST(date_trunc('quarter', ${c}) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE)`),
      waardeKolom: col.name,
      bericht: (row) =>
        `${bestand}, kolom ${col.name}: ${kortWaarde(row.__waarde)} is niet de laatste dag van een kwartaal, in de rij ${rij(row)}. ` +
        `Verwacht 31 maart, 30 juni, 30 september of 31 december.`,
    });
  }
  if (col.kind === 'double') {
    out.push({
      kolom: col.name,
      ...where(col.name, `${c} IS NOT NULL AND NOT isfinite(CAST(${c} AS DOUBLE))`),
      bericht: (row) => `${bestand}, kolom ${col.name}: ${nietEindig(row.__waarde)}, in de rij ${rij(row)}. Verwacht een gewoon getal.`,
    });
  }
  return out;
}

/**
 * Run every content check; a check that cannot run is reported, never swallowed. Row checks are
 * counted together in one scan (a valid national panel is read once, not once per check); an
 * example row is fetched only for checks that fail, and the message says how many rows fail.
 */
export async function runContentChecks(
  engine: QueryEngine,
  contract: ExtractContract,
  table: string,
  bestand: string,
  referentie: readonly GemeenteRef[] = GEMEENTEN,
  nu: Date = new Date(),
): Promise<ValidationIssue[]> {
  const checks = contentChecks(contract, table, bestand, referentie, nu);
  const aantallen = await telRijChecks(engine, checks, table);
  const issues: ValidationIssue[] = [];
  for (const [i, check] of checks.entries()) {
    const n = aantallen?.[i];
    if (n === 0) continue;
    try {
      const rows = toRows(await engine.query(check.sql));
      if (rows.length === 0) continue;
      const extra = n !== undefined && n > 1 ? ` Dit geldt voor ${formatAantal(n)} rijen.` : '';
      issues.push({ bestand, kolom: check.kolom, bericht: check.bericht(rows[0]) + extra, voorbeeld: voorbeeld(rows[0]) });
    } catch {
      // DuckDB's own (English) text is not for the user; the file is not loaded.
      issues.push({ bestand, kolom: check.kolom, bericht: technischeFout(bestand, 'controleren') });
    }
  }
  return issues;
}

/**
 * Offending-row counts per check index (undefined for checks without a predicate), or null when
 * the counting fails. Row predicates share one scan; value predicates run on per-column
 * (value, count) tables, which keep the column's name so the same predicate text applies.
 */
async function telRijChecks(engine: QueryEngine, checks: ValidationCheck[], table: string): Promise<(number | undefined)[] | null> {
  const t = ident(table);
  const rijDelen: string[] = [];
  const waardeDelen: string[] = [];
  const kolommen = new Map<string, string>(); // column → CTE name
  checks.forEach((c, i) => {
    if (c.telling) rijDelen.push(`(${c.telling}) AS c${i}`);
    if (!c.conditie) return;
    if (c.waardeKolom) {
      if (!kolommen.has(c.waardeKolom)) kolommen.set(c.waardeKolom, `w${kolommen.size}`);
      waardeDelen.push(`(SELECT coalesce(sum(__n), 0) FROM ${kolommen.get(c.waardeKolom)} WHERE ${c.conditie}) AS c${i}`);
    } else rijDelen.push(`count(*) FILTER (WHERE ${c.conditie}) AS c${i}`);
  });
  try {
    const uit: Record<string, number> = {};
    if (rijDelen.length) Object.assign(uit, toRows<Record<string, number>>(await engine.query(`SELECT ${rijDelen.join(', ')} FROM ${t}`))[0]);
    if (waardeDelen.length) {
      const ctes = [...kolommen].map(([k, w]) => `${w} AS (SELECT ${ident(k)}, count(*) AS __n FROM ${t} GROUP BY ${ident(k)})`);
      Object.assign(uit, toRows<Record<string, number>>(await engine.query(`WITH ${ctes.join(', ')} SELECT ${waardeDelen.join(', ')}`))[0]);
    }
    return checks.map((c, i) => (c.conditie || c.telling ? Number(uit[`c${i}`]) : undefined));
  } catch {
    return null; // fall back to one query per check, which reports its own error
  }
}

/**
 * The whole validation of a loaded table: recognise the contract, check the schema and, only
 * when the schema is right, the content. `contract` is null when no contract fits.
 */
export async function validateTable(
  engine: QueryEngine,
  table: string,
  bestand: string,
  referentie: readonly GemeenteRef[] = GEMEENTEN,
): Promise<{ contract: ExtractContract | null; problemen: ValidationIssue[]; extra: string[] }> {
  const columns = await describeColumns(engine, table);
  const { contract, problemen } = matchContract(columns, bestand);
  const extra = contract ? extraKolommen(contract, columns.map((c) => c.name)) : [];
  if (!contract || problemen.length > 0) return { contract, problemen, extra };
  return { contract, problemen: await runContentChecks(engine, contract, table, bestand, referentie), extra };
}

// ---------------------------------------------------------------------------------------------
// For people

/**
 * The checks on each column, in Dutch, for the Data page (mirrors contentChecks and the
 * plausibility rules); '' holds the rules about the whole file.
 */
export function beschrijfControles(contract: ExtractContract, nu: Date = new Date()): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const names = new Set(contract.columns.map((c) => c.name));
  const plausibel = beschrijfRegels(contract, nu);
  for (const col of contract.columns) {
    const regels: string[] = [];
    if (!col.nullable) regels.push('verplicht (nooit leeg)');
    if (col.domain) regels.push(`een van: ${col.domain.join(', ')}`);
    if (col.reference === 'regio') regels.push("een van de 35 arbeidsmarktregio's (AM01–AM38)");
    if (col.reference === 'gemeente')
      regels.push(`gemeentecode uit de indeling ${GEMEENTE_INDELING_JAAR}${names.has('regio_code') ? ', in de regio van de rij' : ''}`);
    if (col.quarterEnd) regels.push('laatste dag van een kwartaal');
    if (col.kind === 'double') regels.push('eindig getal');
    if (col.name === 'baan_id' && names.has('werkzaam')) regels.push('leeg als en alleen als werkzaam onwaar is');
    if (col.name === 'uren' && names.has('werkzaam')) regels.push('0 als werkzaam onwaar is');
    if (contract.key.includes(col.name))
      regels.push(contract.key.length > 1 ? `deel van de sleutel (${contract.key.join(', ')}), samen uniek` : 'sleutel, uniek');
    out[col.name] = [...regels, ...(plausibel[col.name] ?? [])];
  }
  if (plausibel['']) out[''] = plausibel[''];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function rijTekst(key: readonly string[], row: Record<string, unknown>): string {
  return key.map((k) => `${k}=${row[k] === null || row[k] === undefined ? 'leeg' : kortWaarde(row[k])}`).join(', ');
}

function voorbeeld(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k === '__waarde' ? 'waarde' : k.replace(/^__/, '')] = typeof v === 'string' ? kortWaarde(v) : v;
  return out;
}

function regioTekst(code: string): string {
  return REGIO_NAMEN[code] ? `${code} (${REGIO_NAMEN[code]})` : kortWaarde(code);
}

/** NaN and ±infinity in Dutch (DuckDB writes them as nan, inf, -inf). */
function nietEindig(waarde: unknown): string {
  const w = String(waarde).toLowerCase();
  if (w.includes('nan')) return 'de waarde is NaN (geen getal)';
  return `de waarde is ${w.startsWith('-') ? 'min ' : ''}oneindig`;
}

function opsomming(items: readonly string[], voegwoord = 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${voegwoord} ${items[items.length - 1]}`;
}

import type { ValidationIssue } from '../engine/client-types.ts';
import { CONTRACTS, EXTRACT_NAMES, type ColumnKind, type ExtractContract } from './contracts.ts';
import { beperkBericht, kortBestand, kortWaarde } from './meldingen.ts';

/**
 * The checks before a file's values are read: is it Parquet at all (magic bytes), which contract
 * do its columns fit, and does each contract column have a type of the right family. They run in
 * the decode worker on the file's metadata and on native DuckDB on DESCRIBE, with the same
 * Dutch messages naming the file and the column.
 */

/** One column as DuckDB (DESCRIBE) or Arrow names it. */
export interface KolomType {
  name: string;
  /** DuckDB type name ('BIGINT', "ENUM('a', 'b')", 'DATE') or an Arrow type name ('Int64', 'Utf8'). */
  type: string;
}

// ---------------------------------------------------------------------------------------------
// Types

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT1|INT2|INT4|INT8|INT|LONG|SHORT|U?INT(8|16|32|64)|INT128|UINT128)$/i;
const DOUBLE_TYPES = /^(DOUBLE|FLOAT|REAL|FLOAT4|FLOAT8|FLOAT(16|32|64)|DECIMAL(\(.*\))?|NUMERIC(\(.*\))?)$/i;
const VARCHAR_TYPES = /^(VARCHAR|TEXT|STRING|UTF8|LARGEUTF8|ENUM\(.*\)|DICTIONARY<.*,\s*(LARGE)?UTF8>)$/is;
const BOOLEAN_TYPES = /^(BOOLEAN|BOOL)$/i;
const DATE_TYPES = /^(DATE|DATE32<DAY>|DATE64<MILLISECOND>)$/i;

/** The family a physical type belongs to; 'anders' for anything the contracts never accept. */
export function typeFamilie(type: string): ColumnKind | 'anders' {
  const t = type.trim();
  if (INTEGER_TYPES.test(t)) return 'integer';
  if (DOUBLE_TYPES.test(t)) return 'double';
  if (VARCHAR_TYPES.test(t)) return 'varchar';
  if (BOOLEAN_TYPES.test(t)) return 'boolean';
  if (DATE_TYPES.test(t)) return 'date';
  return 'anders';
}

/** A double column may hold whole numbers (e.g. euros as BIGINT): the values still match. */
function typePast(kind: ColumnKind, familie: ColumnKind | 'anders'): boolean {
  return familie === kind || (kind === 'double' && familie === 'integer');
}

export const TYPE_OMSCHRIJVING: Readonly<Record<ColumnKind, string>> = {
  integer: 'een geheel getal (TINYINT, SMALLINT, INTEGER of BIGINT)',
  double: 'een getal (DOUBLE, FLOAT, DECIMAL of een geheel getal)',
  varchar: 'tekst (VARCHAR, ENUM of dictionary-gecodeerde tekst)',
  boolean: 'waar/onwaar (BOOLEAN)',
  date: 'een datum zonder tijd (DATE)',
};

// ---------------------------------------------------------------------------------------------
// Schema

/**
 * Missing columns and columns whose type family does not fit. Extra columns are allowed
 * (contracts only grow) and are not reported here; see `extraKolommen`.
 */
export function checkSchema(contract: ExtractContract, columns: readonly KolomType[], bestand: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const b = kortBestand(bestand);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const byLower = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const ontbrekend = contract.columns.filter((col) => !byName.has(col.name));
  if (ontbrekend.length > 2) {
    // Many columns missing: one message, it is one problem (the wrong export or an old schema).
    const namen = ontbrekend.map((c) => c.name);
    issues.push({
      bestand,
      kolom: namen.join(', '),
      bericht: beperkBericht(
        `${b}: de kolommen ${namen.join(', ')} ontbreken; het contract ${contract.name} (schema v${contract.schemaVersion}) vraagt ze allemaal. ` +
          `Zie de contracten onderaan deze pagina.`,
      ),
    });
  }
  for (const col of contract.columns) {
    const found = byName.get(col.name);
    if (!found) {
      if (ontbrekend.length > 2) continue;
      const bijna = byLower.get(col.name.toLowerCase());
      const hint = bijna
        ? ` Er is wel een kolom '${kortWaarde(bijna.name)}': noem die precies '${col.name}' (kleine letters).`
        : '';
      issues.push({
        bestand,
        kolom: col.name,
        bericht:
          `${b}, kolom ${col.name}: de kolom ontbreekt; het contract ${contract.name} (schema v${contract.schemaVersion}) ` +
          `vraagt ${TYPE_OMSCHRIJVING[col.kind]}: ${lowerFirst(col.description)}.${hint}`,
      });
      continue;
    }
    const familie = typeFamilie(found.type);
    if (!typePast(col.kind, familie)) {
      const hint = col.kind === 'date' && /TIMESTAMP/i.test(found.type) ? ' Sla de kolom op als DATE, zonder tijd.' : '';
      issues.push({
        bestand,
        kolom: col.name,
        bericht:
          `${b}, kolom ${col.name}: het type ${kortWaarde(found.type)} past niet bij het contract ${contract.name}; ` +
          `verwacht ${TYPE_OMSCHRIJVING[col.kind]}.${hint}`,
        voorbeeld: { type: kortWaarde(found.type) },
      });
    }
  }
  return issues;
}

/** Columns in the file that the contract does not name (allowed; the Data page mentions them). */
export function extraKolommen(contract: ExtractContract, columnNames: readonly string[]): string[] {
  const known = new Set(contract.columns.map((c) => c.name));
  return columnNames.filter((n) => !known.has(n));
}

/** The contract whose columns are all present (the largest such contract), or null. */
export function recogniseContract(columnNames: readonly string[]): ExtractContract | null {
  const names = new Set(columnNames);
  let best: ExtractContract | null = null;
  for (const name of EXTRACT_NAMES) {
    const c = CONTRACTS[name];
    if (c.columns.every((col) => names.has(col.name)) && (!best || c.columns.length > best.columns.length)) best = c;
  }
  return best;
}

/**
 * The contract a file most likely means when some columns are missing: all key columns
 * present or at least half of the contract's columns, and a unique best overlap.
 */
export function guessContract(columnNames: readonly string[]): ExtractContract | null {
  const names = new Set(columnNames.map((n) => n.toLowerCase()));
  let best: { c: ExtractContract; score: number } | null = null;
  let tie = false;
  for (const name of EXTRACT_NAMES) {
    const c = CONTRACTS[name];
    const hits = c.columns.filter((col) => names.has(col.name)).length;
    const keyOk = c.key.every((k) => names.has(k));
    if (!keyOk && hits * 2 < c.columns.length) continue;
    const score = hits / c.columns.length + (keyOk ? 0.5 : 0);
    if (!best || score > best.score) {
      best = { c, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.c : null;
}

/**
 * Recognise the contract from the columns and check the schema. When no contract fits at all,
 * one issue lists what each contract expects.
 */
export function matchContract(
  columns: readonly KolomType[],
  bestand: string,
): { contract: ExtractContract | null; problemen: ValidationIssue[] } {
  const names = columns.map((c) => c.name);
  const contract = recogniseContract(names) ?? guessContract(names);
  if (contract) return { contract, problemen: checkSchema(contract, columns, bestand) };
  const lijst = names.length === 0 ? 'geen kolommen' : `de kolommen ${kortWaarde(names.join(', '), 80)}`;
  return {
    contract: null,
    problemen: [
      {
        bestand,
        kolom: null,
        bericht:
          `${kortBestand(bestand)}: ${lijst} passen bij geen enkel extractcontract. ` +
          `Een extract heeft de kolommen van één contract, bijvoorbeeld ${EXTRACT_NAMES[0]} (${CONTRACTS[EXTRACT_NAMES[0]].key.join(', ')}, …); zie de contracten onderaan deze pagina.`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Before reading

/**
 * A Parquet file starts and ends with the magic bytes PAR1. Checking them first turns the classic
 * mistake (a CSV or Excel export renamed to .parquet) into a clear message instead of a decoder error.
 */
export function checkParquetMagic(begin: Uint8Array, einde: Uint8Array, bestand: string, bytes: number): ValidationIssue | null {
  const magic = (b: Uint8Array, laatste: number) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === laatste;
  const staart = einde.subarray(einde.length - 4);
  const b = kortBestand(bestand);
  if (bytes === 0) return { bestand, kolom: null, bericht: `${b} is leeg (0 bytes) en dus geen Parquet-bestand.` };
  // PARE: a Parquet file with an encrypted footer; the dashboard has no key and cannot read it.
  if (bytes >= 12 && magic(staart, 0x45) && (magic(begin, 0x45) || magic(begin, 0x31)))
    return {
      bestand,
      kolom: null,
      bericht: `${b} is een versleuteld Parquet-bestand. Het dashboard kan het niet lezen; exporteer het extract zonder versleuteling.`,
    };
  if (bytes < 12 || !magic(begin, 0x31) || !magic(staart, 0x31))
    return {
      bestand,
      kolom: null,
      bericht:
        `${b} is geen geldig Parquet-bestand: een Parquet-bestand begint en eindigt met de tekens PAR1. ` +
        `Is het misschien een CSV- of Excel-export met de extensie .parquet, of is het bestand afgebroken?`,
    };
  return null;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

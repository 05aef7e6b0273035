import type { Table } from 'apache-arrow';
import type { ExtractName, QueryEngine, SqlParam } from './types.ts';

/**
 * What the browser engine (DuckDB-WASM in a Web Worker) offers to pages and the Data page.
 * Implemented in `browser.ts` (main thread client) + `worker.ts`.
 */

/** Progress of loading one extract; shown to the user as it happens. */
export interface LoadProgress {
  extract: ExtractName;
  /** Dutch phase label, e.g. "downloaden", "decoderen", "valideren", "uit cache". */
  fase: 'downloaden' | 'decoderen' | 'invoegen' | 'valideren' | 'uit cache' | 'klaar' | 'fout';
  /** 0..1 where known. */
  fractie: number | null;
  rijen?: number;
  bericht?: string;
}

/** One problem found while validating an extract against its contract. Messages are Dutch. */
export interface ValidationIssue {
  bestand: string;
  kolom: string | null;
  /** Full Dutch sentence naming file, column and an offending row/value. */
  bericht: string;
  /** Example offending row (small: a few fields) where there is one. */
  voorbeeld?: Record<string, unknown>;
}

export type LoadResult =
  | {
      ok: true;
      extract: ExtractName;
      rijen: number;
      bron: 'demo' | 'gebruiker';
      bestand: string;
      ms: number;
      /** A user's file: plausibility notes that did not stop it (short series, gaps), in Dutch. */
      waarschuwingen?: string[];
      /** Columns in the file that the contract does not name; not loaded. */
      genegeerd?: string[];
    }
  | { ok: false; bestand: string; extract: ExtractName | null; problemen: ValidationIssue[] };

export interface LoadedExtractInfo {
  extract: ExtractName;
  bron: 'demo' | 'gebruiker';
  bestand: string;
  rijen: number;
  geladenOp: string;
  /** A user's file: when the user first loaded it (ISO); it may come back from the browser's storage after a reload. */
  sinds?: string;
}

export interface BrowserEngine extends QueryEngine {
  /** Resolves when DuckDB-WASM is instantiated (bundle chosen, worker running). */
  ready(): Promise<void>;
  /** The query layer's path: plain SQL, interrupted when `signal` aborts (CoordinatorEngine). */
  send(sql: string, signal: AbortSignal, slot?: number): Promise<Table>;
  /** Load the bundled demo extracts listed in data/manifest.json (cached across reloads). */
  loadDemo(onProgress?: (p: LoadProgress) => void): Promise<LoadResult[]>;
  /**
   * Validate a user's Parquet file and, when valid, replace the extract of the same contract.
   * The contract is recognised from the columns. A refused file never disturbs loaded data.
   */
  loadUserFile(file: File, onProgress?: (p: LoadProgress) => void, opties?: { sinds?: string }): Promise<LoadResult>;
  /**
   * Drop a user's file and load the demo extract of that contract again (none when the manifest
   * has none). A demo extract still waiting to load never replaces a user's file.
   */
  herstelDemo(extract: ExtractName, onProgress?: (p: LoadProgress) => void): Promise<LoadResult | null>;
  /** Which extracts are loaded now, and from where. */
  loaded(): Promise<LoadedExtractInfo[]>;
}

export { SupersededError } from '../query/errors.ts';

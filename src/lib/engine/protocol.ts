import type { LoadProgress, ValidationIssue } from './client-types.ts';
import type { ExtractName } from './types.ts';

/** Messages between the browser client (browser.ts) and the Parquet decode worker (worker.ts). */

/** A demo extract (URL, with size and SHA-256 from the manifest to check the download) or a user's file. */
export type DecodeSource = { url: string; bytes?: number; sha256?: string } | { file: File };

export interface DecodeRequest {
  type: 'decode';
  id: number;
  /** Demo loads name their contract; a user's file is recognised from its columns. */
  extract: ExtractName | null;
  bestand: string;
  source: DecodeSource;
  /**
   * 'codes': categorical columns as small integers (fastest to insert; shown through a view);
   * 'dictionary': as dictionary-encoded text that DuckDB stores in ENUM columns.
   */
  categorical: 'codes' | 'dictionary';
}

/** One more record batch may be sent (back-pressure: the worker never runs far ahead of DuckDB). */
export interface CreditMessage {
  type: 'credit';
  id: number;
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

/** A piece of a streamed download, fetched by the page (transferred). */
export interface ChunkMessage {
  type: 'chunk';
  id: number;
  data: ArrayBuffer;
}

export interface ChunkEndMessage {
  type: 'chunk-end';
  id: number;
  /** Dutch message when the download failed. */
  error?: string;
}

export type ToWorker = DecodeRequest | CreditMessage | CancelMessage | ChunkMessage | ChunkEndMessage;

export interface SchemaMessage {
  type: 'schema';
  id: number;
  extract: ExtractName;
  /** Column names and DuckDB types, in contract order; categorical columns with their ENUM values and code type. */
  columns: { name: string; duckType: string; values?: string[]; codeType?: string }[];
  rows: number;
  rowGroups: number;
  /** Columns in the file that the contract does not name (not loaded). */
  extra: string[];
}

export interface BatchMessage {
  type: 'batch';
  id: number;
  /** Arrow IPC stream with one record batch; transferred, not copied. */
  ipc: Uint8Array;
  rows: number;
  rowsDone: number;
}

export interface ProgressMessage {
  type: 'progress';
  id: number;
  fase: LoadProgress['fase'];
  fractie: number | null;
  rijen?: number;
}

export interface DoneMessage {
  type: 'done';
  id: number;
  rows: number;
  /** Time spent decoding and building Arrow (not waiting for DuckDB). */
  decodeMs: number;
  /** Time spent waiting for DuckDB to take the next batch. */
  waitMs: number;
  /** Time spent reading the file (download or File.arrayBuffer); overlaps decoding when streamed. */
  readMs: number;
  /** Final column descriptions: a growing code book may have gained values (codes in book order). */
  columns: SchemaMessage['columns'];
}

/** The file does not fit its contract (schema or values); Dutch messages for the user. */
export interface RefusedMessage {
  type: 'refused';
  id: number;
  extract: ExtractName | null;
  problemen: ValidationIssue[];
}

/** Ask the page to download `url` and send it as chunks: the page's thread is free to keep the download going. */
export interface PullMessage {
  type: 'pull';
  id: number;
  url: string;
}

export type FromWorker = SchemaMessage | BatchMessage | ProgressMessage | DoneMessage | RefusedMessage | PullMessage;

/** Batches the worker may have in flight before it waits for a credit. */
export const INITIAL_CREDITS = 3;

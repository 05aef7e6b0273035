/// <reference lib="webworker" />
import { parquetMetadata, type Compressors, type FileMetaData } from 'hyparquet';
import { snappyUncompressor } from 'hysnappy';
import { ZSTDDecoder } from 'zstddec';
import { gunzip } from 'hyparquet-compressors';
import type { ValidationIssue } from './client-types.ts';
import { CONTRACTS, type ExtractContract } from '../extracts/contracts.ts';
import { checkSchema, extraKolommen, matchContract } from '../extracts/validate.ts';
import { ArrowBuilder } from './arrow-build.ts';
import { parquetColumnTypes, planTable, type TablePlan } from './extract-schema.ts';
import { DecodeError, decodeRowGroup, distinctText } from './parquet-decode.ts';
import { INITIAL_CREDITS, type DecodeRequest, type FromWorker, type ToWorker } from './protocol.ts';

/**
 * Parquet decode worker: reads a demo extract (fetch, same origin) or a user's file, checks its
 * schema against the contract, and streams it to the DuckDB worker as Arrow IPC, one record batch
 * per row group, only the contract's columns, in compact types. Runs beside the DuckDB worker so
 * decoding row group n+1 overlaps inserting row group n (two cores).
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

interface Job {
  credits: number;
  wake: (() => void) | null;
  cancelled: boolean;
}
const jobs = new Map<number, Job>();

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'decode') {
    const job: Job = { credits: INITIAL_CREDITS, wake: null, cancelled: false };
    jobs.set(msg.id, job);
    run(msg, job)
      .catch((e) => post({ type: 'refused', id: msg.id, extract: msg.extract, problemen: [issue(msg.bestand, null, foutTekst(msg.bestand, e))] }))
      .finally(() => jobs.delete(msg.id));
  } else {
    const job = jobs.get(msg.id);
    if (!job) return;
    if (msg.type === 'credit') job.credits++;
    else job.cancelled = true;
    job.wake?.();
  }
};

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

async function run(req: DecodeRequest, job: Job): Promise<void> {
  const { id, bestand } = req;
  const progress = (fase: 'downloaden' | 'decoderen', fractie: number | null, rijen?: number) =>
    post({ type: 'progress', id, fase, fractie, rijen });

  const tRead = performance.now();
  const bytes = await readSource(req, (f) => progress('downloaden', f));
  const readMs = performance.now() - tRead;
  if (job.cancelled) return;

  let md: FileMetaData;
  try {
    if (bytes.byteLength < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'PAR1') throw new Error('geen PAR1-kenmerk');
    md = parquetMetadata(bytes, { parsers: { dateFromDays: (d: number) => d } });
  } catch (e) {
    post({
      type: 'refused',
      id,
      extract: req.extract,
      problemen: [issue(bestand, null, `${bestand} is geen leesbaar Parquet-bestand (${(e as Error).message}). Sla het extract op als Parquet, bijvoorbeeld met DuckDB: COPY … TO '${bestand}' (FORMAT parquet).`)],
    });
    return;
  }

  // Contract and schema: the demo names its contract, a user's file is recognised from its columns.
  const columns = parquetColumnTypes(md);
  let contract: ExtractContract | null;
  let problemen: ValidationIssue[];
  if (req.extract) {
    contract = CONTRACTS[req.extract];
    problemen = checkSchema(contract, columns, bestand);
  } else {
    ({ contract, problemen } = matchContract(columns, bestand));
  }
  if (!contract || problemen.length > 0) {
    post({ type: 'refused', id, extract: contract?.name ?? null, problemen });
    return;
  }

  const compressors = await compressorsFor(md);
  const file = { bytes, base: 0 };
  let plan: TablePlan;
  try {
    const distinct = new Map<string, Set<string>>();
    for (const col of contract.columns) if (col.kind === 'varchar') distinct.set(col.name, distinctText(md, col.name, file, compressors));
    plan = planTable(contract, md, distinct);
  } catch (e) {
    post({ type: 'refused', id, extract: contract.name, problemen: [issue(bestand, (e as DecodeError).kolom ?? null, foutTekst(bestand, e))] });
    return;
  }
  post({
    type: 'schema',
    id,
    extract: contract.name,
    columns: plan.columns.map((c) => ({ name: c.name, duckType: c.duckType, values: c.values, codeType: c.codeType })),
    rows: plan.rows,
    rowGroups: plan.rowGroups,
    extra: extraKolommen(contract, columns.map((c) => c.name)),
  });

  const builder = new ArrowBuilder(plan.columns, req.categorical);
  const specs = plan.columns.map((c) => ({ name: c.name, target: c.target }));
  let decodeMs = 0;
  let waitMs = 0;
  let done = 0;
  for (let rg = 0; rg < md.row_groups.length; rg++) {
    const tWait = performance.now();
    while (job.credits <= 0 && !job.cancelled) await new Promise<void>((r) => (job.wake = r));
    job.wake = null;
    waitMs += performance.now() - tWait;
    if (job.cancelled) return;
    const rows = Number(md.row_groups[rg].num_rows);
    if (rows === 0) continue;
    let ipc: Uint8Array;
    const tDecode = performance.now();
    try {
      ipc = builder.ipc(decodeRowGroup(md, rg, file, specs, compressors), rows);
    } catch (e) {
      const de = e instanceof DecodeError ? e : null;
      post({ type: 'refused', id, extract: contract.name, problemen: [issue(bestand, de?.kolom ?? null, foutTekst(bestand, e), de?.rij)] });
      return;
    }
    decodeMs += performance.now() - tDecode;
    done += rows;
    job.credits--;
    post({ type: 'batch', id, ipc, rows, rowsDone: done }, [ipc.buffer]);
    progress('decoderen', plan.rows ? done / plan.rows : 1, done);
  }
  post({ type: 'done', id, rows: done, decodeMs, waitMs, readMs });
}

/** The whole file in memory (Parquet's footer comes last); progress while downloading. */
async function readSource(req: DecodeRequest, onProgress: (f: number | null) => void): Promise<Uint8Array> {
  const src = req.source;
  if ('file' in src) {
    onProgress(null);
    return new Uint8Array(await src.file.arrayBuffer());
  }
  let res: Response;
  try {
    res = await fetch(src.url, { credentials: 'same-origin' });
  } catch (e) {
    throw new Error(`${req.bestand} kon niet worden opgehaald (${(e as Error).message}).`);
  }
  if (!res.ok) throw new Error(`${req.bestand} kon niet worden opgehaald (HTTP ${res.status}).`);
  const total = Number(res.headers.get('content-length')) || src.bytes || 0;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  // Preallocate when the size is known: no chunk list, no final concatenation copy.
  let buf = new Uint8Array(total || 1 << 20);
  let n = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.byteLength > buf.byteLength) {
      const grown = new Uint8Array(Math.max(buf.byteLength * 2, n + value.byteLength));
      grown.set(buf.subarray(0, n));
      buf = grown;
    }
    buf.set(value, n);
    n += value.byteLength;
    if (total && n - last > total / 50) {
      last = n;
      onProgress(Math.min(1, n / total));
    }
  }
  onProgress(1);
  return n === buf.byteLength ? buf : buf.subarray(0, n);
}

let zstd: ZSTDDecoder | null = null;
let snappy: ((input: Uint8Array, outputLength: number) => Uint8Array) | null = null;

/** Decompressors for the codecs this file uses; ZSTD and Snappy in WebAssembly (fast), both bundled. */
async function compressorsFor(md: FileMetaData): Promise<Compressors> {
  const codecs = new Set(md.row_groups.flatMap((rg) => rg.columns.map((c) => c.meta_data?.codec)));
  const out: Compressors = {};
  if (codecs.has('ZSTD')) {
    if (!zstd) {
      zstd = new ZSTDDecoder();
      await zstd.init();
    }
    const z = zstd;
    out.ZSTD = (input, length) => z.decode(input, length);
  }
  if (codecs.has('SNAPPY')) {
    snappy ??= snappyUncompressor();
    out.SNAPPY = snappy;
  }
  if (codecs.has('GZIP')) out.GZIP = (input, length) => gunzip(input, new Uint8Array(length));
  return out;
}

function issue(bestand: string, kolom: string | null, bericht: string, rij?: number): ValidationIssue {
  return rij === undefined ? { bestand, kolom, bericht } : { bestand, kolom, bericht, voorbeeld: { rij: rij + 1 } };
}

function foutTekst(bestand: string, e: unknown): string {
  if (e instanceof DecodeError) {
    const rij = e.rij === undefined ? '' : ` (rij ${e.rij + 1})`;
    return `${bestand}, ${e.message}${rij}.`;
  }
  const m = (e as Error)?.message ?? String(e);
  return m.startsWith(bestand) ? m : `${bestand} kon niet worden gelezen: ${m}.`;
}


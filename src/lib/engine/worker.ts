/// <reference lib="webworker" />
import type { RecordBatch } from 'apache-arrow';
import { parquetMetadata, type Compressors, type FileMetaData } from 'hyparquet';
import { ZSTDDecoder } from 'zstddec';
import { compressors as jsCompressors } from 'hyparquet-compressors';
import type { ValidationIssue } from './client-types.ts';
import { CONTRACTS, type ExtractContract } from '../extracts/contracts.ts';
import { kortBestand, technischeFout } from '../extracts/meldingen.ts';
import { checkParquetMagic, checkSchema, extraKolommen, matchContract } from '../extracts/schema-check.ts';
import { formatAantal } from '../format/nl.ts';
import { ArrowBuilder } from './arrow-build.ts';
import { finalColumns, parquetColumnTypes, planTable, type TablePlan } from './extract-schema.ts';
import { DecodeError, decodeRowGroup, distinctText, rowGroupRange } from './parquet-decode.ts';
import { INITIAL_CREDITS, type DecodeRequest, type FromWorker, type ToWorker } from './protocol.ts';

/**
 * Parquet decode worker: reads a demo extract (fetch, same origin) or a user's file, checks its
 * schema against the contract, and streams it to the DuckDB worker as Arrow IPC, one record batch
 * per row group, only the contract's columns, in compact types. It runs beside the DuckDB worker,
 * so decoding row group n+1 overlaps inserting row group n; a demo extract is decoded while it
 * downloads (footer first with a range request, then each row group as soon as its bytes are in).
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

interface Job {
  credits: number;
  wake: (() => void) | null;
  cancelled: boolean;
  /** Streaming download: chunks the page fetched for us, then the end (with an error message if it failed). */
  onChunk?: (data: ArrayBuffer) => void;
  onEnd?: (error?: string) => void;
}
const jobs = new Map<number, Job>();

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'decode') {
    const job: Job = { credits: INITIAL_CREDITS, wake: null, cancelled: false };
    jobs.set(msg.id, job);
    run(msg, job)
      .catch((e) => {
        const de = e instanceof DecodeError ? e : null;
        post({ type: 'refused', id: msg.id, extract: msg.extract, problemen: [issue(msg.bestand, de?.kolom ?? null, foutTekst(msg.bestand, e), de?.rij)] });
      })
      .finally(() => jobs.delete(msg.id));
  } else {
    const job = jobs.get(msg.id);
    if (!job) return;
    if (msg.type === 'chunk') return job.onChunk?.(msg.data);
    if (msg.type === 'chunk-end') return job.onEnd?.(msg.error);
    if (msg.type === 'credit') job.credits++;
    else job.cancelled = true;
    job.wake?.();
  }
};

/** Yield to the event loop (a task, not a microtask) without setTimeout's clamping. */
const yieldChannel = new MessageChannel();
const yieldWaiters: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yieldWaiters.shift()?.();
function nextTask(): Promise<void> {
  return new Promise((r) => {
    yieldWaiters.push(r);
    yieldChannel.port2.postMessage(null);
  });
}

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

/** The file's bytes as they arrive: `received` bytes from the start are in, plus the footer. */
interface Bytes {
  buf: Uint8Array;
  received: number;
  /** Resolves when the whole file is in (throws on a network error). */
  complete: Promise<void>;
  /** Wait until the first `n` bytes are in. */
  until(n: number): Promise<void>;
}

const PARSERS = { parsers: { dateFromDays: (d: number) => d } };

/** Rows per insert into DuckDB (DuckDB writes Parquet row groups of 122,880 rows: about four per insert). */
const BATCH_ROWS = 400_000;

async function run(req: DecodeRequest, job: Job): Promise<void> {
  const { id, bestand } = req;
  const refuse = (problemen: ValidationIssue[], extract = req.extract) => post({ type: 'refused', id, extract, problemen });
  const tRead = performance.now();
  let readMs = 0;
  const onDownload = (fractie: number | null) => post({ type: 'progress', id, fase: 'downloaden', fractie });

  // Demo extracts in 'codes' mode stream: footer first, then decode while downloading.
  let bytes: Bytes | null = null;
  let md: FileMetaData | null = null;
  if (req.categorical === 'codes' && 'url' in req.source) {
    const streamed = await openStreaming(id, job, req.source.url, req.bestand, onDownload);
    if (streamed) ({ bytes, md } = streamed);
  }
  if (!bytes) {
    const all = await readSource(req, onDownload);
    readMs = performance.now() - tRead;
    bytes = { buf: all, received: all.byteLength, complete: Promise.resolve(), until: async () => undefined };
    const magic = checkParquetMagic(all.subarray(0, 4), all.subarray(Math.max(0, all.byteLength - 4)), bestand, all.byteLength);
    if (magic) return refuse([magic]);
  }
  if (job.cancelled) return;
  if (!md) {
    try {
      md = parquetMetadata(bytes.buf, PARSERS);
    } catch (e) {
      // hyparquet's own (English) reason is not for the user.
      console.debug('[parquet-lezer]', e);
      return refuse([issue(bestand, null, technischeFout(bestand, 'lezen'))]);
    }
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
  if (!contract || problemen.length > 0) return refuse(problemen, contract?.name ?? null);

  const compressors = await compressorsFor(md);
  const file = { bytes: bytes.buf, base: 0 };
  let plan: TablePlan;
  try {
    // Codes: a growing code book, no pass over the file first. Dictionary: the ENUM values must be
    // known before the table exists, so read every chunk's dictionary page first.
    const grow = req.categorical === 'codes';
    const distinct = new Map<string, Set<string>>();
    if (!grow) for (const col of contract.columns) if (col.kind === 'varchar') distinct.set(col.name, distinctText(md, col.name, file, compressors));
    plan = planTable(contract, md, distinct, { grow });
  } catch (e) {
    return refuse([issue(bestand, (e as DecodeError).kolom ?? null, foutTekst(bestand, e))], contract.name);
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
  // Row groups are sent in batches of about BATCH_ROWS rows: each insert into DuckDB has a fixed cost.
  let pending: RecordBatch[] = [];
  let pendingRows = 0;
  const send = async () => {
    if (pendingRows === 0) return;
    const tWait = performance.now();
    while (job.credits <= 0 && !job.cancelled) await new Promise<void>((r) => (job.wake = r));
    job.wake = null;
    waitMs += performance.now() - tWait;
    if (job.cancelled) return;
    const t = performance.now();
    const ipc = builder.stream(pending);
    decodeMs += performance.now() - t;
    done += pendingRows;
    job.credits--;
    post({ type: 'batch', id, ipc, rows: pendingRows, rowsDone: done }, [ipc.buffer]);
    pending = [];
    pendingRows = 0;
  };
  for (let rg = 0; rg < md.row_groups.length; rg++) {
    const tWait = performance.now();
    await bytes.until(rowGroupRange(md, rg)[1]);
    waitMs += performance.now() - tWait;
    if (job.cancelled) return;
    const rows = Number(md.row_groups[rg].num_rows);
    if (rows === 0) continue;
    const tDecode = performance.now();
    try {
      pending.push(builder.batch(decodeRowGroup(md, rg, file, specs, compressors), rows));
      pendingRows += rows;
    } catch (e) {
      const de = e instanceof DecodeError ? e : null;
      return refuse([issue(bestand, de?.kolom ?? null, foutTekst(bestand, e), de?.rij)], contract.name);
    }
    decodeMs += performance.now() - tDecode;
    if (pendingRows >= BATCH_ROWS) await send();
    else await nextTask(); // let download chunks and credits in
    if (job.cancelled) return;
  }
  await send();
  if (job.cancelled) return;
  await bytes.complete;
  const mismatch = await checkDigest(req, bytes.buf);
  if (mismatch) return refuse([issue(bestand, null, mismatch)], contract.name);
  if (!readMs) readMs = performance.now() - tRead;
  post({ type: 'done', id, rows: done, decodeMs, waitMs, readMs, columns: finalColumns(plan) });
}

/**
 * Footer first (a suffix range request), then the whole file as a stream into one buffer of the
 * right size. Null when the server does not answer ranges; the caller then reads the file whole.
 */
async function openStreaming(
  id: number,
  job: Job,
  url: string,
  bestand: string,
  onProgress: (f: number | null) => void,
): Promise<{ bytes: Bytes; md: FileMetaData } | null> {
  let tail: Uint8Array;
  let total: number;
  try {
    // Some servers read a suffix range (bytes=-N) as bytes 0-N: check what came back.
    const ranged = async (range: string) => {
      const res = await fetch(url, { headers: { Range: range }, cache: 'no-store' });
      const m = /bytes (\d+)-(\d+)\/(\d+)/.exec(res.headers.get('content-range') ?? '');
      if (res.status !== 206 || !m) {
        await res.body?.cancel();
        return null;
      }
      return { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]), body: new Uint8Array(await res.arrayBuffer()) };
    };
    let r = await ranged('bytes=-65536');
    if (!r) return null;
    total = r.total;
    if (r.end !== total - 1) r = await ranged(`bytes=${Math.max(0, total - 65536)}-${total - 1}`);
    if (!r || r.end !== total - 1) return null;
    tail = r.body;
    const metaLen = tail.byteLength >= 8 ? new DataView(tail.buffer, tail.byteOffset).getUint32(tail.byteLength - 8, true) : 0;
    if (metaLen + 8 > tail.byteLength && metaLen + 8 <= total) {
      r = await ranged(`bytes=${total - metaLen - 8}-${total - 1}`);
      if (!r || r.end !== total - 1) return null;
      tail = r.body;
    }
  } catch {
    return null;
  }
  const end = tail.subarray(tail.byteLength - 4);
  const magic = checkParquetMagic(end, end, bestand, total);
  if (magic) throw new LeesFout(magic.bericht);
  const md = parquetMetadata(tail, PARSERS);

  const buf = new Uint8Array(total);
  const tailStart = total - tail.byteLength;
  buf.set(tail, tailStart);
  // Bytes from tailStart on are already here: a row group ending inside the tail only needs the rest before it.
  const ready = (n: number) => bytes.received >= Math.min(n, tailStart);
  const waiters: { n: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const bytes: Bytes = {
    buf,
    received: 0,
    complete: Promise.resolve(),
    until(n: number) {
      if (ready(n)) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ n, resolve, reject }));
    },
  };
  // The body is fetched by the page and arrives here as transferred chunks: fetching it in this
  // worker would stall the download whenever a row group is being decoded (the network pipe into
  // a busy thread is small), so download and decode would take turns instead of overlapping.
  let last = 0;
  bytes.complete = new Promise<void>((resolve, reject) => {
    job.onChunk = (data) => {
      const chunk = new Uint8Array(data);
      const room = Math.min(chunk.byteLength, total - bytes.received);
      buf.set(chunk.subarray(0, room), bytes.received);
      bytes.received += room;
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (ready(waiters[i].n)) {
          waiters[i].resolve();
          waiters.splice(i, 1);
        }
      }
      if (bytes.received - last > total / 50) {
        last = bytes.received;
        onProgress(bytes.received / total);
      }
    };
    job.onEnd = (error) => {
      const e = error
        ? new LeesFout(error)
        : bytes.received < total
          ? new LeesFout(`${kortBestand(bestand)} is onvolledig binnengekomen (${bytes.received} van ${total} bytes). Laad de pagina opnieuw.`)
          : null;
      if (e) {
        for (const w of waiters.splice(0)) w.reject(e);
        reject(e);
        return;
      }
      onProgress(1);
      for (const w of waiters.splice(0)) w.resolve();
      resolve();
    };
  });
  post({ type: 'pull', id, url });
  bytes.complete.catch(() => undefined);
  return { bytes, md };
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
  } catch {
    throw new LeesFout(`${kortBestand(req.bestand)} kon niet worden opgehaald; controleer de verbinding en laad de pagina opnieuw.`);
  }
  if (!res.ok) throw new LeesFout(`${kortBestand(req.bestand)} kon niet worden opgehaald (HTTP ${res.status}).`);
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

/**
 * Decompressors for the codecs this file uses: ZSTD (zstddec) and Snappy (hysnappy) in
 * WebAssembly — several times faster than the pure-JS ZSTD of hyparquet-compressors — and
 * hyparquet-compressors for GZIP, BROTLI and LZ4. All bundled; nothing is fetched.
 */
async function compressorsFor(md: FileMetaData): Promise<Compressors> {
  const codecs = new Set(md.row_groups.flatMap((rg) => rg.columns.map((c) => c.meta_data?.codec)));
  // hyparquet-compressors' SNAPPY is already hysnappy (WebAssembly); its ZSTD is pure JS.
  const out: Compressors = { ...jsCompressors };
  if (codecs.has('ZSTD')) {
    if (!zstd) {
      zstd = new ZSTDDecoder();
      await zstd.init();
    }
    const z = zstd;
    out.ZSTD = (input, length) => z.decode(input, length);
  }
  return out;
}

/**
 * The download must be the file the manifest describes (SHA-256). Runs after decoding started:
 * the digest is computed off the JS thread. Skipped where Web Crypto is missing (plain http).
 */
async function checkDigest(req: DecodeRequest, buf: Uint8Array): Promise<string | null> {
  const expected = 'url' in req.source ? req.source.sha256 : undefined;
  if (!expected || typeof crypto === 'undefined' || !crypto.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buf as Uint8Array<ArrayBuffer>));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex === expected.toLowerCase()
    ? null
    : `${req.bestand} is beschadigd of niet het bestand uit het manifest (SHA-256 ${hex.slice(0, 12)}…, verwacht ${expected.slice(0, 12)}…). Laad de pagina opnieuw.`;
}

function issue(bestand: string, kolom: string | null, bericht: string, rij?: number): ValidationIssue {
  return rij === undefined ? { bestand, kolom, bericht } : { bestand, kolom, bericht, voorbeeld: { rij: rij + 1 } };
}

/** An error whose message is already a whole Dutch sentence for the user. */
class LeesFout extends Error {}

/** Our own errors in Dutch; anything else (hyparquet, the browser) as one Dutch sentence without its English text. */
function foutTekst(bestand: string, e: unknown): string {
  if (e instanceof DecodeError) {
    const rij = e.rij === undefined ? '' : ` (rij ${formatAantal(e.rij + 1)})`;
    return `${kortBestand(bestand)}, ${e.message}${rij}.`;
  }
  if (e instanceof LeesFout) return e.message;
  // The technical cause stays available to developers (console), never in the message.
  console.debug('[parquet-lezer]', e);
  return technischeFout(bestand, 'lezen');
}

import type * as duckdb from '@duckdb/duckdb-wasm';
import DecodeWorker from './worker.ts?worker';
import { CONTRACTS } from '../extracts/contracts.ts';
import { kortBestand, netteProblemen, technischeFout } from '../extracts/meldingen.ts';
import { plausibiliteitWaarschuwingen } from '../extracts/plausibiliteit.ts';
import { runContentChecks } from '../extracts/validate.ts';
import { ident } from '../sql/quote.ts';
import type { LoadProgress, LoadResult, ValidationIssue } from './client-types.ts';
import { codesViewSql } from './extract-schema.ts';
import type { DecodeRequest, DecodeSource, FromWorker, SchemaMessage, ToWorker } from './protocol.ts';
import type { ExtractName, QueryEngine } from './types.ts';

/**
 * One load into DuckDB-WASM: the decode worker (worker.ts) streams Arrow record batches of the
 * Parquet file into a staging table; a user's file is then checked (contract content and
 * plausibility) on that table; only then is it swapped in under the contract name. On any failure
 * the staging table is dropped and what was loaded stays as it was. Every refusal is a short
 * Dutch message; a library's English error never reaches the user.
 */

type Conn = duckdb.AsyncDuckDBConnection;

/** Where the time of one load went (bench, e2e logs). */
export interface IngestTiming {
  /** Reading the file (download or local file), in the decode worker. */
  readMs?: number;
  /** Decoding Parquet and building Arrow, in the decode worker. */
  decodeMs?: number;
  /** Decode worker waiting for DuckDB (back-pressure). */
  waitMs?: number;
  /** Sum of the insert calls into DuckDB, as seen from the page. */
  insertMs?: number;
  categorical?: 'codes' | 'dictionary';
}

/** One load: until the table was queryable, from where, and where the time went. */
interface LoadTiming extends IngestTiming {
  /** Until the table was queryable. */
  ms: number;
  bron: 'parquet' | 'cache' | 'gebruiker';
  rijen: number;
}

/** What the engine measured (bench, e2e logs). */
export interface EngineTimings {
  /** selectBundle + worker start + WASM instantiate. */
  instantiateMs: number | null;
  /** db.open + connections + settings. */
  openMs: number | null;
  bundle: string | null;
  /** Whether the OPFS reload cache is in use. */
  cache: boolean;
  /** Why there is no cache, when there is none. */
  cacheReden: string | null;
  loads: Partial<Record<ExtractName, LoadTiming>>;
  /** Background copies into the cache (ms), or why one failed. */
  persisted: Partial<Record<ExtractName, { ms: number } | { fout: string }>>;
  /** The last release (a fresh DuckDB worker on the cache file), ms. */
  releaseMs?: number;
}

/** The table behind a demo extract loaded as integer codes (the contract name is a view on it). */
export function codesTable(name: ExtractName): string {
  return `${name}__codes`;
}

/** What ingest needs from the engine. */
export interface IngestContext {
  conn: Conn;
  /** Qualified name of the work schema, e.g. pm.main (where the contract name lives). */
  schema: string;
  /**
   * A demo extract loaded as codes goes into the OPFS cache file instead (e.g. pm_cache.main; the
   * connection's current database): DuckDB keeps it compressed there and can evict it, where the
   * in-memory table of a 24M-row panel takes about 1.6 GB. The contract name is a view on it.
   */
  codesSchema?: string;
  decoder: DecodeClient;
  /** Replace the contract's table or view in one transaction (see WasmEngine.replace); `codes`: the cache-file table it now reads. */
  replace(extract: ExtractName, statements: string[], conn: Conn, codes?: string): Promise<void>;
  /** A QueryEngine on the load connection (validation of the staging table). */
  engine: QueryEngine;
  setInfo(extract: ExtractName, bron: 'demo' | 'gebruiker', bestand: string, rijen: number): void;
}

/** The decode worker, shared by all loads; messages are routed to each load by id. */
export class DecodeClient {
  private worker: Worker | null = null;
  private readonly handlers = new Map<number, (m: FromWorker) => void>();
  private seq = 0;

  start(handler: (m: FromWorker) => void): number {
    const id = ++this.seq;
    this.handlers.set(id, handler);
    return id;
  }

  end(id: number): void {
    this.handlers.delete(id);
  }

  post(msg: ToWorker, transfer: Transferable[] = []): void {
    this.get().postMessage(msg, transfer);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private get(): Worker {
    if (!this.worker) {
      this.worker = new DecodeWorker({ name: 'parquet-lezer' });
      this.worker.onmessage = (ev: MessageEvent<FromWorker>) => this.handlers.get(ev.data.id)?.(ev.data);
      this.worker.onerror = (ev) => {
        console.debug('[parquet-lezer]', ev.message);
        // The worker died (out of memory, a bug): every running load is refused, in Dutch.
        const handlers = [...this.handlers];
        this.terminate();
        for (const [id, h] of handlers) h({ type: 'refused', id, extract: null, problemen: [{ bestand: '', kolom: null, bericht: '' }] });
      };
    }
    return this.worker;
  }

  /** Download for the decode worker, chunk by chunk (transferred), so a busy decoder never stalls the download. */
  async pump(id: number, url: string, bestand: string, stopped: () => boolean): Promise<void> {
    try {
      const res = await fetch(url, { cache: 'no-store' });
      if (!res.ok || !res.body) throw new Error(`${bestand} kon niet worden opgehaald (HTTP ${res.status}).`);
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (stopped()) {
          await reader.cancel();
          return;
        }
        const whole = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
        const data = (whole ? value.buffer : value.slice().buffer) as ArrayBuffer;
        this.post({ type: 'chunk', id, data }, [data]);
      }
      this.post({ type: 'chunk-end', id });
    } catch (e) {
      const m = (e as Error).message ?? '';
      const error = m.startsWith(bestand) ? m : `${bestand} kon niet worden opgehaald; controleer de verbinding en laad de pagina opnieuw.`;
      this.post({ type: 'chunk-end', id, error });
    }
  }
}

/**
 * Decode (worker) → staging table → (user files: content checks, plausibility warnings) → swap in
 * one transaction. Resolves with the result and where the time went; never rejects.
 */
export function ingest(
  ctx: IngestContext,
  req: { extract: ExtractName | null; bestand: string; source: DecodeSource },
  bron: 'demo' | 'gebruiker',
  categorical: DecodeRequest['categorical'],
  onProgress?: (p: LoadProgress) => void,
): Promise<{ result: LoadResult; timing: IngestTiming }> {
  const t0 = performance.now();
  const { conn, decoder } = ctx;
  let extract: ExtractName | null = req.extract;
  let schema: SchemaMessage | null = null;
  let created = false;
  let inserted = 0;
  let insertMs = 0;
  let timing: IngestTiming = { categorical };
  let chain: Promise<unknown> = Promise.resolve();
  let failed = false;
  let staging = '';
  let stagingRef = '';
  const inCache = categorical === 'codes' && ctx.codesSchema !== undefined && req.extract !== null;
  const progress = (p: Omit<LoadProgress, 'extract'>) => {
    if (extract) onProgress?.({ extract, ...p });
  };

  return new Promise((resolve) => {
    const finish = async (result: LoadResult) => {
      decoder.end(id);
      if (!result.ok) {
        failed = true;
        decoder.post({ type: 'cancel', id });
        await chain.catch(() => undefined);
        if (created) await conn.query(`DROP TABLE IF EXISTS ${stagingRef}`).catch(() => undefined);
        result = { ...result, problemen: netteProblemen(result.problemen.map((p) => (p.bericht ? p : { ...p, bericht: technischeFout(req.bestand, 'lezen') }))) };
        progress({ fase: 'fout', fractie: null, bericht: result.problemen[0]?.bericht });
      }
      resolve({ result, timing });
    };
    const refuse = (problemen: ValidationIssue[]) => void finish({ ok: false, bestand: req.bestand, extract, problemen });
    const step = (fn: () => Promise<unknown>) => {
      chain = chain.then(async () => {
        if (!failed) await fn();
      });
      // DuckDB's English text stays out of the message: the user learns what it means for the file.
      chain.catch((e) => {
        if (failed) return;
        console.debug('[laden]', e);
        refuse([{ bestand: req.bestand, kolom: null, bericht: technischeFout(req.bestand, 'laden') }]);
      });
    };

    const id = decoder.start((m) => {
      if (failed) return;
      switch (m.type) {
        case 'progress':
          // Once rows go in, insert progress says more (a streamed download overlaps it).
          if (m.fase === 'downloaden' && inserted === 0) progress({ fase: 'downloaden', fractie: m.fractie });
          break;
        case 'schema':
          schema = m;
          extract = m.extract;
          step(async () => {
            const cols = m.columns.map((c) => `${ident(c.name)} ${categorical === 'codes' && c.codeType ? c.codeType : c.duckType}`).join(', ');
            await conn.query(`CREATE TABLE ${stagingRef} (${cols})`);
            created = true;
            progress({ fase: 'invoegen', fractie: 0, rijen: 0 });
          });
          break;
        case 'batch':
          step(async () => {
            const t = performance.now();
            await conn.insertArrowFromIPCStream(m.ipc, { name: staging, schema: 'main', create: false });
            insertMs += performance.now() - t;
            inserted += m.rows;
            decoder.post({ type: 'credit', id });
            progress({ fase: 'invoegen', fractie: schema ? inserted / Math.max(1, schema.rows) : null, rijen: inserted });
          });
          break;
        case 'done':
          step(async () => {
            timing = { readMs: m.readMs, decodeMs: m.decodeMs, waitMs: m.waitMs, insertMs, categorical };
            if (!schema || !extract) throw new Error('de Parquet-lezer gaf geen schema');
            let waarschuwingen: string[] | undefined;
            if (bron === 'gebruiker') {
              progress({ fase: 'valideren', fractie: null, rijen: inserted });
              const problemen = await runContentChecks(ctx.engine, CONTRACTS[extract], staging, req.bestand);
              if (problemen.length > 0) return refuse(problemen);
              waarschuwingen = await plausibiliteitWaarschuwingen(ctx.engine, CONTRACTS[extract], staging, req.bestand);
            }
            const target = `${ctx.schema}.${ident(extract)}`;
            const codes = codesTable(extract);
            if (inCache) {
              // One transaction writes to one database: the view in pm reads the cache file's table as it is.
              await ctx.replace(extract, [codesViewSql(target, stagingRef, m.columns)], conn, stagingRef);
            } else {
              await ctx.replace(
                extract,
                categorical === 'codes'
                  ? [`ALTER TABLE ${stagingRef} RENAME TO ${ident(codes)}`, codesViewSql(target, `${ctx.schema}.${ident(codes)}`, m.columns)]
                  : [`ALTER TABLE ${stagingRef} RENAME TO ${ident(extract)}`],
                conn,
              );
            }
            created = false;
            ctx.setInfo(extract, bron, req.bestand, inserted);
            progress({ fase: 'klaar', fractie: 1, rijen: inserted });
            const genegeerd = bron === 'gebruiker' ? schema.extra : undefined;
            void finish({
              ok: true,
              extract,
              rijen: inserted,
              bron,
              bestand: req.bestand,
              ms: performance.now() - t0,
              ...(waarschuwingen?.length ? { waarschuwingen } : {}),
              ...(genegeerd?.length ? { genegeerd } : {}),
            });
          });
          break;
        case 'refused':
          extract = m.extract ?? extract;
          refuse(m.problemen.map((p) => ({ ...p, bestand: req.bestand })));
          break;
        case 'pull':
          void decoder.pump(id, m.url, kortBestand(req.bestand), () => failed);
          break;
      }
    });
    // In the cache file the table keeps its load name (codes table of the extract, one per load).
    staging = inCache ? `${codesTable(req.extract!)}_${id}` : `_laden_${id}`;
    stagingRef = `${inCache ? ctx.codesSchema : ctx.schema}.${ident(staging)}`;
    decoder.post({ type: 'decode', id, extract: req.extract, bestand: req.bestand, source: req.source, categorical });
  });
}

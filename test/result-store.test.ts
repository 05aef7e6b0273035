/**
 * Answers kept across reloads (issue 15, target 2), in Node on an in-memory backend: the store's
 * bounds (least recently used out), dropping answers of data no longer loaded, and the
 * coordinator around it — a stable identity keys the cache (not the load counter), a reload's
 * provisional catalog draws from the store without sending a query, and misses wait until the
 * data is really loaded. Counts are asserted, never times.
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ExtractName } from '../src/lib/engine/types.ts';
import { Coordinator, type CoordinatorEngine } from '../src/lib/query/Coordinator.ts';
import type { ExtractHerkomst } from '../src/lib/query/herkomst.ts';
import { memoryBackend, ResultStore } from '../src/lib/query/result-store.ts';
import type { MetricQuery } from '../src/lib/sql/query.ts';

const tabel = (n: number, lengte = 1): Table => tableFromArrays({ n: Int32Array.from({ length: lengte }, () => n) });
const eerste = (t: Table | undefined) => (t ? Number(t.getChild('n')!.get(0)) : undefined);
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A store whose clock the test sets. */
function store(options: { maxEntries?: number; maxBytes?: number; maxAnswerBytes?: number } = {}, backend = memoryBackend()) {
  let t = 0;
  const s = new ResultStore(backend, { ...options, now: () => ++t });
  return { s, backend };
}

describe('ResultStore', () => {
  it('gives back the Arrow answer it kept, also to a new store on the same backend (a reload)', async () => {
    const { s, backend } = store();
    s.put('k', tableFromArrays({ n: Int32Array.from([3, 4]), naam: ['a', 'b'] }), ['doelgroep_kwartaal@id:x']);
    await s.settled();
    const terug = await new ResultStore(backend).get('k');
    expect(terug?.toArray().map((r) => ({ ...r }))).toEqual([
      { n: 3, naam: 'a' },
      { n: 4, naam: 'b' },
    ]);
    expect(await s.get('anders')).toBeUndefined();
  });

  it('keeps at most maxEntries: the least recently used (read or written) goes first', async () => {
    const { s, backend } = store({ maxEntries: 2 });
    s.put('a', tabel(1), ['x@1']);
    s.put('b', tabel(2), ['x@1']);
    await s.settled();
    expect(eerste(await s.get('a'))).toBe(1); // a is now more recent than b
    s.put('c', tabel(3), ['x@1']);
    await s.settled();
    expect([...backend.entries.keys()].sort()).toEqual(['a', 'c']);
  });

  it('keeps at most maxBytes and never an answer larger than maxAnswerBytes', async () => {
    const { s: meter, backend: b0 } = store();
    meter.put('meet', tabel(1, 1000), []);
    await meter.settled();
    const bytes = b0.entries.get('meet')!.bytes.byteLength;
    expect(bytes).toBeGreaterThan(4000); // 1000 int32 values

    // Room for two such answers, not three: the oldest goes.
    const { s, backend } = store({ maxBytes: 2 * bytes + 10 });
    s.put('a', tabel(1, 1000), ['x@1']);
    s.put('b', tabel(2, 1000), ['x@1']);
    s.put('c', tabel(3, 1000), ['x@1']);
    await s.settled();
    expect([...backend.entries.keys()].sort()).toEqual(['b', 'c']);

    const { s: klein, backend: b2 } = store({ maxAnswerBytes: bytes - 1 });
    klein.put('groot', tabel(1, 1000), ['x@1']);
    klein.put('klein', tabel(1, 1), ['x@1']);
    await klein.settled();
    expect([...b2.entries.keys()]).toEqual(['klein']);
  });

  it('keepOnly drops every answer that read data not loaded now', async () => {
    const { s, backend } = store();
    s.put('oud', tabel(1), ['doelgroep_kwartaal@id:oud']);
    s.put('beide', tabel(2), ['doelgroep_kwartaal@id:nieuw', 'doelgroep_uitstroom@id:u']);
    s.put('buig', tabel(3), ['buig_gemeente@id:b']);
    s.keepOnly(['doelgroep_kwartaal@id:nieuw', 'doelgroep_uitstroom@id:u']);
    await s.settled();
    expect([...backend.entries.keys()]).toEqual(['beide']);
    expect(await s.get('oud')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// The coordinator with a store

interface Call {
  sql: string;
  answer: (n: number) => void;
}

function scripted(): CoordinatorEngine & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    send: (sql) => new Promise<Table>((resolve) => calls.push({ sql, answer: (n) => resolve(tabel(n)) })),
  };
}

function q(sql: string, extracts: ExtractName[] = ['doelgroep_kwartaal']): MetricQuery<number> {
  return { sql, params: [], extracts, shape: (t) => Number(t.getChild('n')!.get(0)) };
}

function extract(naam: ExtractName, versie: number, identiteit?: string): ExtractHerkomst {
  return {
    extract: naam,
    soort: identiteit ? 'demo' : 'eigen',
    bestand: `${naam}.parquet`,
    bron: 'Synthetische demodata (seed 20240)',
    synthetisch: true,
    peildatumVan: null,
    peildatumTot: null,
    schemaVersie: 1,
    geladenOp: '',
    versie,
    ...(identiteit ? { identiteit } : {}),
  };
}

describe('Coordinator with kept answers', () => {
  it('keys by the stable identity, not the load counter: the same content keeps its cached answers', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    c.setCatalog([extract('doelgroep_kwartaal', 1, 'sha-a')]);
    const vraag = q('SELECT 1 AS n');
    const k1 = c.keyOf(vraag);
    const p = c.request({}, vraag);
    await tick();
    engine.calls[0].answer(1);
    await p;
    // Loaded again (a new counter), same content: same key, answered from the cache.
    c.setCatalog([extract('doelgroep_kwartaal', 2, 'sha-a')]);
    expect(c.keyOf(vraag)).toBe(k1);
    expect(c.has(vraag)).toBe(true);
    // Other content: another key, nothing cached.
    c.setCatalog([extract('doelgroep_kwartaal', 3, 'sha-b')]);
    expect(c.keyOf(vraag)).not.toBe(k1);
    expect(c.has(vraag)).toBe(false);
    // Without an identity (a user's file) the counter is the version.
    c.setCatalog([extract('doelgroep_kwartaal', 4)]);
    expect(c.keyOf(vraag).startsWith('doelgroep_kwartaal@4\n')).toBe(true);
  });

  it('a reload draws from the kept answer before the data is loaded: persisted 1, sent 0', async () => {
    const backend = memoryBackend();
    const eerder = new ResultStore(backend);
    const engine1 = scripted();
    const c1 = new Coordinator(engine1, { store: eerder });
    c1.setCatalog([extract('doelgroep_kwartaal', 1, 'sha-a')]);
    const p = c1.request({}, q('SELECT 5 AS n'));
    await tick();
    engine1.calls[0].answer(5);
    await p;
    await eerder.settled();
    expect(backend.entries.size).toBe(1);

    // The next visit: a new page, provisional catalog from the manifest, engine not ready.
    const engine2 = scripted();
    const c2 = new Coordinator(engine2, { store: new ResultStore(backend) });
    c2.setCatalog([extract('doelgroep_kwartaal', 7, 'sha-a')], { provisional: true });
    const a = await c2.request({}, q('SELECT 5 AS n'));
    expect(a.data).toBe(5);
    expect(a.herkomst.synthetisch).toBe(true);
    expect(c2.stats).toMatchObject({ persisted: 1, sent: 0 });
    expect(engine2.calls).toHaveLength(0);
    // Asked again once the data is loaded (same identity): from the memory cache, still no query.
    c2.setCatalog([extract('doelgroep_kwartaal', 8, 'sha-a')]);
    await c2.request({}, q('SELECT 5 AS n'));
    expect(c2.stats).toMatchObject({ persisted: 1, cacheHits: 1, sent: 0 });
  });

  it('a miss under a provisional catalog waits until the data is really loaded, then runs and is kept', async () => {
    const backend = memoryBackend();
    const s = new ResultStore(backend);
    const engine = scripted();
    const c = new Coordinator(engine, { store: s });
    c.setCatalog([extract('doelgroep_kwartaal', 1, 'sha-a')], { provisional: true });
    const p = c.request({}, q('SELECT 6 AS n'));
    await tick();
    await tick();
    expect(engine.calls).toHaveLength(0);
    c.setCatalog([extract('doelgroep_kwartaal', 2, 'sha-a')]);
    await tick();
    expect(engine.calls.map((x) => x.sql)).toEqual(['SELECT 6 AS n']);
    engine.calls[0].answer(6);
    expect((await p).data).toBe(6);
    await s.settled();
    expect([...backend.entries.values()].map((e) => e.versies)).toEqual([['doelgroep_kwartaal@id:sha-a']]);
    expect(c.stats).toMatchObject({ persisted: 0, sent: 1 });
  });

  it('keeps nothing read from data without an identity, and nothing computed after the data changed', async () => {
    const backend = memoryBackend();
    const s = new ResultStore(backend);
    const engine = scripted();
    const c = new Coordinator(engine, { store: s });
    c.setCatalog([extract('doelgroep_kwartaal', 1)]);
    const p1 = c.request({}, q('SELECT 1 AS n'));
    await tick();
    engine.calls[0].answer(1);
    await p1;

    c.setCatalog([extract('doelgroep_kwartaal', 2, 'sha-a')]);
    const p2 = c.request({}, q('SELECT 2 AS n'));
    await tick();
    await tick();
    // The user's file replaces the panel while the demo question runs: its answer is not kept under the demo's key.
    c.setCatalog([extract('doelgroep_kwartaal', 3)]);
    engine.calls[1].answer(2);
    await p2;
    await s.settled();
    expect(backend.entries.size).toBe(0);
  });

  it('the catalog of what is loaded drops kept answers of other data', async () => {
    const backend = memoryBackend();
    const s = new ResultStore(backend);
    s.put('oud', tabel(1), ['doelgroep_kwartaal@id:sha-oud']);
    s.put('buig', tabel(2), ['buig_gemeente@id:sha-b']);
    const c = new Coordinator(scripted(), { store: s });
    // A provisional catalog drops nothing: what is really loaded is not known yet.
    c.setCatalog([extract('doelgroep_kwartaal', 1, 'sha-nieuw')], { provisional: true });
    await s.settled();
    expect(backend.entries.size).toBe(2);
    c.setCatalog([extract('doelgroep_kwartaal', 2, 'sha-nieuw'), extract('buig_gemeente', 3, 'sha-b')]);
    await s.settled();
    expect([...backend.entries.keys()]).toEqual(['buig']);
  });
});

/**
 * The query layer's coordinator on a scripted engine (every query waits until the test answers
 * it) and on native DuckDB: cache, sharing, superseding with interruption, priorities, errors,
 * provenance and data versions. Counts are asserted, never times.
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import type { ExtractName } from '../src/lib/engine/types.ts';
import { Coordinator, queryEngineAdapter, type CoordinatorEngine } from '../src/lib/query/Coordinator.ts';
import { isSuperseded, QueryError } from '../src/lib/query/errors.ts';
import { bronTekst, type ExtractHerkomst } from '../src/lib/query/herkomst.ts';
import { toRows } from '../src/lib/engine/rows.ts';
import type { MetricQuery } from '../src/lib/sql/query.ts';

interface Call {
  sql: string;
  signal: AbortSignal;
  answer: (n: number) => void;
  fail: (e: Error) => void;
  interrupted: boolean;
}

/** An engine whose queries finish only when the test says so; an abort interrupts at once. */
function scripted(): CoordinatorEngine & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    send(sql, signal) {
      return new Promise<Table>((resolve, reject) => {
        const call: Call = {
          sql,
          signal,
          interrupted: false,
          answer: (n) => resolve(tableFromArrays({ n: Int32Array.from([n]) })),
          fail: reject,
        };
        signal.addEventListener('abort', () => {
          call.interrupted = true;
          reject(new Error('INTERRUPT'));
        });
        calls.push(call);
      });
    },
  };
}

function q(sql: string, params: (string | number)[] = [], extracts: ExtractName[] = ['doelgroep_kwartaal']): MetricQuery<number> {
  return { sql, params, extracts, shape: (t) => Number(t.getChild('n')!.get(0)) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function extract(naam: ExtractName, versie: number, soort: 'demo' | 'eigen' = 'demo'): ExtractHerkomst {
  return {
    extract: naam,
    soort,
    bestand: soort === 'demo' ? `extracts/${naam}.parquet` : 'mijn_panel.parquet',
    bron: soort === 'demo' ? 'Synthetische demodata (seed 20240)' : 'eigen bestand mijn_panel.parquet',
    synthetisch: soort === 'demo',
    peildatumVan: '2012-12-31',
    peildatumTot: '2024-12-31',
    schemaVersie: 1,
    geladenOp: `2026-12-06T10:00:0${versie}Z`,
    versie,
  };
}

describe('Coordinator', () => {
  it('answers the same question on the same data from its cache: one query', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const a = {};
    const p1 = c.request(a, q('SELECT ? AS n', [7]));
    await tick();
    expect(engine.calls.map((x) => x.sql)).toEqual(['SELECT 7 AS n']);
    engine.calls[0].answer(7);
    expect((await p1).data).toBe(7);
    const p2 = await c.request({}, q('SELECT ? AS n', [7]));
    expect(p2.data).toBe(7);
    expect(engine.calls).toHaveLength(1);
    expect(c.stats).toMatchObject({ sent: 1, cacheHits: 1 });
  });

  it('a newer question of the same client supersedes and interrupts the older one', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const view = {};
    const oud = c.request(view, q('SELECT 1 AS n'));
    await tick();
    const nieuw = c.request(view, q('SELECT 2 AS n'));
    await expect(oud).rejects.toSatisfy(isSuperseded);
    await tick();
    expect(engine.calls[0].interrupted).toBe(true);
    expect(engine.calls[1].sql).toBe('SELECT 2 AS n');
    engine.calls[1].answer(2);
    expect((await nieuw).data).toBe(2);
    expect(c.stats.interrupted).toBe(1);
  });

  it('a superseded question still in the queue is never sent', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const bezet = c.request({}, q('SELECT 0 AS n'));
    const view = {};
    const eerste = c.request(view, q('SELECT 1 AS n'));
    const tweede = c.request(view, q('SELECT 2 AS n'));
    await expect(eerste).rejects.toSatisfy(isSuperseded);
    await tick();
    expect(engine.calls.map((x) => x.sql)).toEqual(['SELECT 0 AS n']);
    engine.calls[0].answer(0);
    await bezet;
    await tick();
    expect(engine.calls.map((x) => x.sql)).toEqual(['SELECT 0 AS n', 'SELECT 2 AS n']);
    engine.calls[1].answer(2);
    expect((await tweede).data).toBe(2);
    expect(c.stats).toMatchObject({ sent: 2, dropped: 1, interrupted: 0 });
  });

  it('200 rapid changes of one view: only the last question runs to the end', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const view = {};
    const beloften = Array.from({ length: 200 }, (_, i) => c.request(view, q('SELECT ? AS n', [i])));
    for (const b of beloften) b.catch(() => undefined);
    await tick();
    // The first was sent before the others came and is interrupted; the 198 between were
    // dropped from the queue unsent; the last one runs.
    expect(engine.calls[0].interrupted).toBe(true);
    expect(engine.calls.map((x) => x.sql)).toEqual(['SELECT 0 AS n', 'SELECT 199 AS n']);
    engine.calls[1].answer(199);
    const uitkomsten = await Promise.allSettled(beloften);
    expect(uitkomsten.filter((u) => u.status === 'rejected' && isSuperseded(u.reason))).toHaveLength(199);
    expect(uitkomsten[199]).toEqual({ status: 'fulfilled', value: expect.objectContaining({ data: 199 }) });
    expect(c.stats).toMatchObject({ sent: 2, dropped: 198, interrupted: 1 });
  });

  it('two views asking the same thing share one query; one leaving does not stop it for the other', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const a = {};
    const b = {};
    const pa = c.request(a, q('SELECT 5 AS n'));
    const pb = c.request(b, q('SELECT 5 AS n'));
    await tick();
    c.cancel(a);
    await expect(pa).rejects.toSatisfy(isSuperseded);
    expect(engine.calls[0].interrupted).toBe(false);
    engine.calls[0].answer(5);
    expect((await pb).data).toBe(5);
    expect(c.stats).toMatchObject({ sent: 1, shared: 1 });
  });

  it('takes the highest priority first, then the oldest', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const bezet = c.request({}, q('SELECT 0 AS n'));
    let zichtbaar = false;
    const laag = c.request({}, q('SELECT 1 AS n'));
    const later = c.request({}, q('SELECT 2 AS n'), { priority: () => (zichtbaar ? 2 : 1) });
    zichtbaar = true; // the section scrolled into view while waiting
    await tick();
    engine.calls[0].answer(0);
    await bezet;
    await tick();
    expect(engine.calls[1].sql).toBe('SELECT 2 AS n');
    engine.calls[1].answer(2);
    await later;
    await tick();
    engine.calls[2].answer(1);
    expect((await laag).data).toBe(1);
  });

  it('an engine error reaches every waiter as a Dutch QueryError and is not cached', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const p = c.request({}, q('SELECT kapot'));
    await tick();
    engine.calls[0].fail(new Error('Binder Error: column "kapot" not found'));
    const fout = await p.catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(QueryError);
    expect((fout as Error).message).toBe('De berekening is mislukt: Binder Error: column "kapot" not found');
    c.request({}, q('SELECT kapot')).catch(() => undefined);
    await tick();
    expect(engine.calls).toHaveLength(2);
  });

  it('cuts a long engine message to 300 characters', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    const p = c.request({}, q('SELECT 1 AS n'));
    await tick();
    engine.calls[0].fail(new Error('x'.repeat(5000)));
    const fout = (await p.catch((e: unknown) => e)) as Error;
    expect(fout.message).toHaveLength(300);
    expect(fout.message.endsWith('…')).toBe(true);
  });

  it('attaches provenance per extract read; a replaced extract drops only its own cached answers', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    c.setCatalog([extract('doelgroep_kwartaal', 1), extract('buig_gemeente', 2)]);
    const panel = q('SELECT 1 AS n');
    const buig = q('SELECT 2 AS n', [], ['buig_gemeente']);
    const p1 = c.request({}, panel);
    const p2 = c.request({}, buig);
    await tick();
    engine.calls[0].answer(1);
    await tick();
    engine.calls[1].answer(2);
    const [a1, a2] = await Promise.all([p1, p2]);
    expect(a1.herkomst.synthetisch).toBe(true);
    expect(bronTekst(a1.herkomst)).toBe('Synthetische demodata (seed 20240); bewerking Participatiemonitor');
    expect(a2.herkomst.extracts.map((e) => e.extract)).toEqual(['buig_gemeente']);

    // The user loads their own panel: the panel question is asked again, BUIG comes from the cache.
    c.setCatalog([extract('doelgroep_kwartaal', 3, 'eigen'), extract('buig_gemeente', 2)]);
    expect(c.has(buig)).toBe(true);
    expect(c.has(panel)).toBe(false);
    const p3 = c.request({}, panel);
    await tick();
    engine.calls[2].answer(10);
    const a3 = await p3;
    expect(a3.data).toBe(10);
    expect(a3.herkomst.synthetisch).toBe(false);
    expect(bronTekst(a3.herkomst)).toBe('Eigen bestand mijn_panel.parquet; bewerking Participatiemonitor');
  });

  it('runs a setup statement once per data version, before the queries that need it', async () => {
    const engine = scripted();
    const c = new Coordinator(engine);
    c.setCatalog([extract('doelgroep_kwartaal', 1)]);
    const setup = [{ name: 'agg', sql: 'CREATE OR REPLACE TABLE agg AS SELECT 1' }];
    const p1 = c.request({}, { ...q('SELECT 1 AS n'), setup });
    await tick();
    expect(engine.calls.map((x) => x.sql)).toEqual(['CREATE OR REPLACE TABLE agg AS SELECT 1']);
    engine.calls[0].answer(0);
    await tick();
    engine.calls[1].answer(1);
    await p1;
    const p2 = c.request({}, { ...q('SELECT 2 AS n'), setup });
    await tick();
    expect(engine.calls.map((x) => x.sql)).toEqual(['CREATE OR REPLACE TABLE agg AS SELECT 1', 'SELECT 1 AS n', 'SELECT 2 AS n']);
    engine.calls[2].answer(2);
    await p2;
    c.setCatalog([extract('doelgroep_kwartaal', 4)]);
    c.request({}, { ...q('SELECT 2 AS n'), setup }).catch(() => undefined);
    await tick();
    expect(engine.calls[3].sql).toBe('CREATE OR REPLACE TABLE agg AS SELECT 1');
  });
});

describe('Coordinator and an engine that remembers setup statements', () => {
  it('hands setup statements to engine.setup with their name (so the engine can build them again after a restart)', async () => {
    const engine = scripted();
    const setups: [string, string][] = [];
    const c = new Coordinator({
      send: engine.send,
      setup: async (name, sql) => {
        setups.push([name, sql]);
      },
    });
    c.setCatalog([extract('doelgroep_kwartaal', 1)]);
    const setup = [{ name: 'agg', sql: 'CREATE OR REPLACE TABLE agg AS SELECT 1' }];
    const p = c.request({}, { ...q('SELECT 1 AS n'), setup });
    await tick();
    expect(setups).toEqual([['agg', 'CREATE OR REPLACE TABLE agg AS SELECT 1']]);
    expect(engine.calls.map((x) => x.sql)).toEqual(['SELECT 1 AS n']);
    engine.calls[0].answer(1);
    expect((await p).data).toBe(1);
  });
});

describe('Coordinator on native DuckDB', () => {
  let node: NodeEngine;
  beforeAll(async () => {
    node = await NodeEngine.create();
    await node.exec(`CREATE TABLE t AS SELECT * FROM (VALUES ('AM01', 3), ('AM02', 4), ('O''Brien', 5)) v(code, n)`);
  });
  afterAll(async () => node.close());

  it('sends parameters inlined as literals and gets what the prepared statement gets', async () => {
    const c = new Coordinator(queryEngineAdapter(node));
    const vraag: MetricQuery<{ code: string; n: number }[]> = {
      sql: 'SELECT code, n FROM t WHERE code IN (?, ?) AND n >= ? ORDER BY code',
      params: ["O'Brien", 'AM02', 4],
      extracts: [],
      shape: (t) => toRows(t),
    };
    const antwoord = await c.request({}, vraag);
    expect(antwoord.sql).toBe(`SELECT code, n FROM t WHERE code IN ('O''Brien', 'AM02') AND n >= 4 ORDER BY code`);
    expect(antwoord.data).toEqual([
      { code: 'AM02', n: 4 },
      { code: "O'Brien", n: 5 },
    ]);
    expect(toRows(await node.query(vraag.sql, vraag.params))).toEqual(antwoord.data);
  });
});

/**
 * QueryState (behind useQuery, the runes helper every view uses) on a scripted engine: the latest question's answer
 * is shown, an older answer never overwrites it, errors become Dutch text, and every path ends
 * with pending = false (a view is never left busy).
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { Coordinator, type CoordinatorEngine } from '../src/lib/query/Coordinator.ts';
import { QueryState } from '../src/lib/query/query-state.svelte.ts';
import type { MetricQuery } from '../src/lib/sql/query.ts';

function scripted() {
  const calls: { sql: string; answer: (n: number) => void; fail: (e: Error) => void }[] = [];
  const engine: CoordinatorEngine = {
    send: (sql, signal) =>
      new Promise<Table>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('INTERRUPT')));
        calls.push({ sql, answer: (n) => resolve(tableFromArrays({ n: Int32Array.from([n]) })), fail: reject });
      }),
  };
  return { engine, calls };
}

const vraag = (n: number): MetricQuery<number> => ({
  sql: 'SELECT ? AS n',
  params: [n],
  extracts: ['doelgroep_kwartaal'],
  shape: (t) => Number(t.getChild('n')!.get(0)),
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('QueryState', () => {
  it('shows only the latest answer and is never left busy', async () => {
    const { engine, calls } = scripted();
    const c = new Coordinator(engine);
    const state = new QueryState<number>();
    state.ask(c, vraag(1));
    expect(state.pending).toBe(true);
    await settle();
    expect(calls.map((x) => x.sql)).toEqual(['SELECT 1 AS n']);

    // Three quick changes: the running question is interrupted, the one between never sent.
    state.ask(c, vraag(2));
    state.ask(c, vraag(3));
    await settle();
    expect(calls.map((x) => x.sql)).toEqual(['SELECT 1 AS n', 'SELECT 3 AS n']);
    calls[1].answer(3);
    await settle();
    expect(state.data).toBe(3);
    expect(state.current).toBe(true);
    expect(state.pending).toBe(false);

    // An error is shown in Dutch and the view is not busy; the old answer is no longer current.
    state.ask(c, vraag(4));
    await settle();
    calls[2].fail(new Error('Out of Memory Error'));
    await settle();
    expect(state.error).toBe('De berekening is mislukt: Out of Memory Error');
    expect(state.pending).toBe(false);
    expect(state.data).toBe(3);
    expect(state.currentData).toBeNull();

    // Back to a question answered before: from the cache, no query, error cleared.
    state.ask(c, vraag(3));
    await settle();
    expect(calls).toHaveLength(3);
    expect(state.error).toBeNull();
    expect(state.currentData).toBe(3);

    // Nothing to ask: not busy, nothing current.
    state.ask(c, null);
    expect(state.pending).toBe(false);
    expect(state.asked).toBeNull();

    // New data loaded: the same question is asked again, with the new provenance.
    c.setCatalog([
      {
        extract: 'doelgroep_kwartaal', soort: 'eigen', bestand: 'panel.parquet', bron: 'eigen bestand panel.parquet', synthetisch: false,
        peildatumVan: '2020-03-31', peildatumTot: '2024-12-31', schemaVersie: 1, geladenOp: '2026-12-06T12:00:00Z', versie: 99,
      },
    ]);
    state.ask(c, vraag(3));
    await settle();
    expect(calls).toHaveLength(4);
    expect(state.pending).toBe(true);
    calls[3].answer(30);
    await settle();
    expect(state.data).toBe(30);
    expect(state.herkomst?.synthetisch).toBe(false);
    expect(state.pending).toBe(false);
  });

  it('a question that cannot be built is an error, not a crash, and not busy', () => {
    const { engine, calls } = scripted();
    const c = new Coordinator(engine);
    const state = new QueryState<number>();
    state.ask(c, { ...vraag(1), params: [] });
    expect(state.error).toBe('De berekening is mislukt: Te weinig parameters voor de query (0)');
    expect(state.pending).toBe(false);
    expect(state.asked).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('a superseded answer arriving late never replaces the newer one', async () => {
    // An engine that cannot be interrupted (native DuckDB): the old answer still arrives.
    const calls: { sql: string; answer: (n: number) => void }[] = [];
    const c = new Coordinator({
      send: (sql) => new Promise<Table>((resolve) => calls.push({ sql, answer: (n) => resolve(tableFromArrays({ n: Int32Array.from([n]) })) })),
    }, { concurrency: 2 });
    const state = new QueryState<number>();
    state.ask(c, vraag(1));
    state.ask(c, vraag(2));
    await settle();
    calls[1].answer(2);
    await settle();
    calls[0].answer(1);
    await settle();
    expect(state.data).toBe(2);
    expect(state.pending).toBe(false);
  });
});

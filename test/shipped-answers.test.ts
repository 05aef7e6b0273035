/**
 * Answers computed ahead for the demo data (issue 15, target 1), in Node: the shipped file gives
 * back what was written; a coordinator answers from it only for exactly the data identity it was
 * computed on — the same SQL on another version of the demo data, or on a user's own file (no
 * identity), goes to the engine, and the user's file never even reads the shipped file. Counts
 * are asserted, never times.
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { Coordinator, type CoordinatorEngine } from '../src/lib/query/Coordinator.ts';
import type { ExtractHerkomst } from '../src/lib/query/herkomst.ts';
import { memoryBackend, ResultStore } from '../src/lib/query/result-store.ts';
import { answerBytes, decodeShipped, encodeShipped, WithShippedAnswers } from '../src/lib/query/shipped-answers.ts';
import type { MetricQuery } from '../src/lib/sql/query.ts';

const tabel = (n: number): Table => tableFromArrays({ n: Int32Array.from([n]) });

/** The engine computes 7 for every query (the shipped answer says 5: the two can be told apart). */
function engine(): CoordinatorEngine & { sql: string[] } {
  const sql: string[] = [];
  return {
    sql,
    send: async (s) => {
      sql.push(s);
      return tabel(7);
    },
  };
}

const vraag: MetricQuery<number> = { sql: 'SELECT count(*) AS n FROM doelgroep_kwartaal', params: [], extracts: ['doelgroep_kwartaal'], shape: (t) => Number(t.getChild('n')!.get(0)) };

function extract(versie: number, identiteit?: string): ExtractHerkomst {
  return {
    extract: 'doelgroep_kwartaal',
    soort: identiteit ? 'demo' : 'eigen',
    bestand: 'doelgroep_kwartaal.parquet',
    bron: identiteit ? 'Synthetische demodata' : 'eigen bestand doelgroep_kwartaal.parquet',
    synthetisch: identiteit !== undefined,
    peildatumVan: '2020-03-31',
    peildatumTot: '2020-12-31',
    schemaVersie: 1,
    geladenOp: '2026-12-06T12:00:00Z',
    versie,
    ...(identiteit ? { identiteit } : {}),
  };
}

/** The shipped file as the generator writes it: `vraag` answered 5 on the data with identity `sha-demo|schema1`. */
function shippedFile(): Uint8Array {
  const c = new Coordinator(engine());
  c.setCatalog([extract(1, 'sha-demo|schema1')]);
  return encodeShipped([{ key: c.keyOf(vraag), versies: ['doelgroep_kwartaal@id:sha-demo|schema1'], bytes: answerBytes(tabel(5)) }]);
}

/** A coordinator on the shipped answers (and a memory store behind them); counts how often the file is read. */
function opMeegeleverd() {
  const e = engine();
  let gelezen = 0;
  const store = new WithShippedAnswers(async () => {
    gelezen += 1;
    return shippedFile();
  }, new ResultStore(memoryBackend()));
  const c = new Coordinator(e, { store });
  return { c, e, store, gelezen: () => gelezen };
}

describe('meegeleverde antwoorden', () => {
  it('the file gives back each answer under its key', () => {
    const bytes = answerBytes(tableFromArrays({ n: Int32Array.from([3, 4]), naam: ['a', 'b'] }));
    const terug = decodeShipped(encodeShipped([{ key: 'a@id:x\nSELECT 1', versies: ['a@id:x'], bytes }, { key: 'k2', versies: [], bytes: answerBytes(tabel(9)) }]));
    expect([...terug.keys()]).toEqual(['a@id:x\nSELECT 1', 'k2']);
    expect(terug.get('a@id:x\nSELECT 1')).toEqual(bytes);
  });

  it('answers the demo data it was computed on without a query, before the data is loaded', async () => {
    const { c, e, store } = opMeegeleverd();
    c.setCatalog([extract(3, 'sha-demo|schema1')], { provisional: true });
    const a = await c.request({}, vraag);
    expect(a.data).toBe(5);
    expect(c.stats).toMatchObject({ persisted: 1, sent: 0 });
    expect(store.hits).toBe(1);
    expect(e.sql).toEqual([]);
  });

  it('another data identity (other demo content) does not use the shipped answer: the engine computes it', async () => {
    const { c, e, store } = opMeegeleverd();
    c.setCatalog([extract(3, 'sha-ander|schema1')]);
    const a = await c.request({}, vraag);
    expect(a.data).toBe(7);
    expect(c.stats).toMatchObject({ persisted: 0, sent: 1 });
    expect(store.hits).toBe(0);
    expect(e.sql).toEqual(['SELECT count(*) AS n FROM doelgroep_kwartaal']);
  });

  it('the same schema version matters too: the hash with another schema is another identity', async () => {
    const { c } = opMeegeleverd();
    c.setCatalog([extract(3, 'sha-demo|schema2')]);
    expect((await c.request({}, vraag)).data).toBe(7);
    expect(c.stats).toMatchObject({ persisted: 0, sent: 1 });
  });

  it("a user's own file (no identity) is computed in the browser and never reads the shipped file", async () => {
    const { c, e, gelezen } = opMeegeleverd();
    c.setCatalog([extract(4)]);
    const a = await c.request({}, vraag);
    expect(a.data).toBe(7);
    expect(a.herkomst.synthetisch).toBe(false);
    expect(c.stats).toMatchObject({ persisted: 0, sent: 1 });
    expect(e.sql).toHaveLength(1);
    expect(gelezen()).toBe(0);
  });

  it('a missing or unreadable file means no shipped answers: the engine computes, and its answer is kept as before', async () => {
    for (const load of [async () => null, async () => new Uint8Array([1, 2, 3]), async () => Promise.reject(new Error('404'))]) {
      const e = engine();
      const backend = memoryBackend();
      const inner = new ResultStore(backend);
      const c = new Coordinator(e, { store: new WithShippedAnswers(load, inner) });
      c.setCatalog([extract(3, 'sha-demo|schema1')]);
      expect((await c.request({}, vraag)).data).toBe(7);
      expect(c.stats).toMatchObject({ persisted: 0, sent: 1 });
      await inner.settled();
      expect(backend.entries.size).toBe(1);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { toRows } from '../src/lib/engine/rows.ts';

describe('NodeEngine', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
  });
  afterAll(async () => engine.close());

  it('maps result types the way DuckDB-WASM does with its cast options', async () => {
    const t = await engine.query(
      "SELECT 1::INTEGER a, 2::BIGINT b, count(*) c, sum(3)::HUGEINT d, 'x' s, DATE '2021-09-30' dt, 1.5::DECIMAL(4,2) dc, ? p FROM range(3)",
      [7],
    );
    expect(t.schema.fields.map((f) => String(f.type))).toEqual([
      'Int32', 'Float64', 'Float64', 'Float64', 'Utf8', 'Date32<DAY>', 'Float64', 'Int32',
    ]);
    expect(toRows(t)).toEqual([{ a: 1, b: 2, c: 3, d: 9, s: 'x', dt: '2021-09-30', dc: 1.5, p: 7 }]);
  });

  it('runs overlapping prepared statements one after the other instead of failing', async () => {
    await engine.exec('CREATE TABLE t AS SELECT range r, range % 7 g FROM range(3000000)');
    // Eight parameterised aggregations at once: unqueued, @duckdb/node-api fails with
    // "Failed to execute prepared statement".
    const totals = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7].map(async (k) => {
        const rows = toRows<{ s: number }>(await engine.query('SELECT g, sum(r)::BIGINT s FROM t WHERE r >= ? GROUP BY g', [k]));
        return rows.reduce((a, r) => a + r.s, 0);
      }),
    );
    // sum of 0..2999999 = 2999999·3000000/2 = 4499998500000; each k drops 0+…+(k−1) = k(k−1)/2
    expect(totals).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((k) => 4499998500000 - (k * (k - 1)) / 2));
  });

  it('keeps working after a failed statement', async () => {
    await expect(engine.query('SELECT * FROM bestaat_niet')).rejects.toThrow(/bestaat_niet/);
    expect(toRows(await engine.query('SELECT 42::INTEGER x'))).toEqual([{ x: 42 }]);
  });
});

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
    const sums = await Promise.all(
      [10, 20, 30, 40].map(async (n) => toRows<{ s: number }>(await engine.query('SELECT sum(range)::BIGINT s FROM range(?)', [n]))[0].s),
    );
    // 0+…+9 = 45, 0+…+19 = 190, 0+…+29 = 435, 0+…+39 = 780
    expect(sums).toEqual([45, 190, 435, 780]);
  });

  it('keeps working after a failed statement', async () => {
    await expect(engine.query('SELECT * FROM bestaat_niet')).rejects.toThrow(/bestaat_niet/);
    expect(toRows(await engine.query('SELECT 42::INTEGER x'))).toEqual([{ x: 42 }]);
  });
});

/**
 * The example extracts offered on the Data page pass every check of their contract (content,
 * plausibility) without a warning, so an analyst can use them as a template.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { CONTRACTS, EXTRACT_NAMES } from '../src/lib/extracts/contracts.ts';
import { plausibiliteitWaarschuwingen } from '../src/lib/extracts/plausibiliteit.ts';
import { validateTable } from '../src/lib/extracts/validate.ts';
import { VOORBEELD_SQL, voorbeeldPad } from '../src/lib/extracts/voorbeelden.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

test.each(EXTRACT_NAMES)('the example of %s is recognised, passes every check and gives no warning', async (naam) => {
  await engine.exec(`CREATE OR REPLACE TABLE voorbeeld AS ${VOORBEELD_SQL[naam]}`);
  const r = await validateTable(engine, 'voorbeeld', `${naam}_voorbeeld.parquet`);
  expect({ contract: r.contract?.name, problemen: r.problemen, extra: r.extra }).toEqual({ contract: naam, problemen: [], extra: [] });
  expect(await plausibiliteitWaarschuwingen(engine, CONTRACTS[naam], 'voorbeeld', 'x')).toEqual([]);
  expect(voorbeeldPad(naam)).toBe(`data/voorbeelden/${naam}_voorbeeld.parquet`);
});

/** A native DuckDB engine on the bundled demo extracts (data/manifest.json), for tests on the demo data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { laadHighs } from '../src/lib/disclosure/highs.ts';
import { gebruikSolver } from '../src/lib/disclosure/lp.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';

/** The engine with the named extracts attached as tables of the same name. */
export async function demoEngine(...namen: string[]): Promise<NodeEngine> {
  const data = join(import.meta.dirname, '..', 'data');
  const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as { extracts: { name: string; file: string }[] };
  const engine = await NodeEngine.create();
  await engine.attachParquet(Object.fromEntries(namen.map((n) => [n, join(data, manifest.extracts.find((e) => e.name === n)!.file)])));
  return engine;
}

/**
 * For the file or describe block it is called in: the demo's Beschut werk extracts on native
 * DuckDB, with HiGHS as the audit's solver (as the page's worker has it), released afterwards.
 */
export function beschutDemo(): () => NodeEngine {
  let engine: NodeEngine | undefined;
  beforeAll(async () => {
    await laadHighs();
    engine = await demoEngine('beschut_adviezen', 'beschut_plekken');
  }, 120_000);
  afterAll(() => {
    gebruikSolver(null);
    engine?.close();
  });
  return () => engine!;
}

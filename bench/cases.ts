import type { QueryEngine, SqlParam } from '../src/lib/engine/types.ts';

/**
 * A bench case: a name and either SQL (with optional parameters) or a function of the engine.
 * Case modules in bench/cases/*.ts export `cases` (an array) or a default export (one case or an
 * array); the same module runs in the browser (DuckDB-WASM) and in Node (native DuckDB).
 */
export interface BenchCaseDef {
  name: string;
  sql?: string;
  params?: SqlParam[];
  run?(engine: QueryEngine): Promise<unknown>;
  /** File the case came from (filled in by loadCases). */
  module?: string;
}

type Loader = () => Promise<unknown>;

export async function loadCases(modules: Record<string, Loader>): Promise<BenchCaseDef[]> {
  const out: BenchCaseDef[] = [];
  for (const [path, load] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
    const mod = (await load()) as Record<string, unknown>;
    const raw = mod.cases ?? mod.default;
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    for (const c of list as BenchCaseDef[]) {
      if (!c || typeof c.name !== 'string' || (typeof c.sql !== 'string' && typeof c.run !== 'function')) continue;
      if (out.some((o) => o.name === c.name)) continue;
      out.push({ ...c, module: path.replace(/^.*\//, '') });
    }
  }
  return out;
}

export async function runCase(c: BenchCaseDef, engine: QueryEngine): Promise<unknown> {
  if (c.run) return c.run(engine);
  return engine.query(c.sql!, c.params);
}

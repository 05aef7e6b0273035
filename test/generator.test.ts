import { DuckDBInstance } from '@duckdb/node-api';
import { parquetReadObjects, asyncBufferFromFile } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereer, type GenereerResultaat } from '../notebooks/generator/index.ts';
import { uniformMacro } from '../notebooks/generator/panel.ts';
import { allocate, uniform } from '../notebooks/generator/rng.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { EXTRACT_NAMES } from '../src/lib/extracts/contracts.ts';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import { parseManifest } from '../src/lib/extracts/manifest.ts';
import { validateTable } from '../src/lib/extracts/validate.ts';

/**
 * The generator at 1% scale (≈ 120,000 person-quarters): same seed → byte-identical extracts,
 * another seed → other data; every extract passes the project's own contract validation;
 * the panel is sorted, and Parquet v2 decodes in hyparquet (the browser's reader).
 */
const SCHAAL = 0.01;
const dirs: string[] = [];
const sha = (r: GenereerResultaat) => Object.fromEntries(r.manifest.extracts.map((e) => [e.name, e.sha256]));

async function run(seed: number): Promise<{ dir: string; res: GenereerResultaat }> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-gen-'));
  dirs.push(dir);
  const res = await genereer({ seed, scale: SCHAAL, out: join(dir, 'extracts'), manifest: join(dir, 'manifest.json') });
  return { dir, res };
}

describe('demo-data generator', () => {
  let a: { dir: string; res: GenereerResultaat };
  let b: { dir: string; res: GenereerResultaat };
  let c: { dir: string; res: GenereerResultaat };
  let engine: NodeEngine;

  beforeAll(async () => {
    a = await run(7);
    b = await run(7);
    c = await run(8);
    engine = await NodeEngine.create();
    await engine.attachParquet(Object.fromEntries(EXTRACT_NAMES.map((n) => [n, join(a.dir, 'extracts', `${n}.parquet`)])));
  }, 240_000);
  afterAll(async () => {
    await engine?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes identical files for the same seed and scale', () => {
    expect(sha(b.res)).toEqual(sha(a.res));
    expect(readFileSync(join(b.dir, 'manifest.json'), 'utf8')).toBe(readFileSync(join(a.dir, 'manifest.json'), 'utf8'));
  });

  it('writes different data for another seed', () => {
    expect(sha(c.res).doelgroep_kwartaal).not.toBe(sha(a.res).doelgroep_kwartaal);
    expect(sha(c.res).beschut_adviezen).not.toBe(sha(a.res).beschut_adviezen);
    expect(sha(c.res).buig_gemeente).not.toBe(sha(a.res).buig_gemeente);
  });

  it('writes a manifest the app accepts, marked synthetic with seed and generator version', () => {
    const m = parseManifest(JSON.parse(readFileSync(join(a.dir, 'manifest.json'), 'utf8')));
    expect(m.extracts.map((e) => e.name)).toEqual(EXTRACT_NAMES);
    for (const e of m.extracts) {
      expect(e.file).toBe(`extracts/${e.name}.parquet`);
      expect([e.synthetic, e.seed, e.schemaVersion]).toEqual([true, 7, 1]);
      expect(e.generatorVersion).toMatch(/^\d+\.\d+\.\d+ \(scale 0\.01\)$/);
      expect(e.source).toBe('Synthetische demodata (seed 7), gekalibreerd op gepubliceerde cijfers van UWV en SZW');
      expect(e.rows).toBeGreaterThan(0);
    }
    const panel = m.extracts[0];
    expect([panel.peildatumVan, panel.peildatumTot]).toEqual(['2012-12-31', '2024-12-31']);
  });

  it('passes the contract validation for every extract', async () => {
    for (const naam of EXTRACT_NAMES) {
      const r = await validateTable(engine, naam, `${naam}.parquet`);
      expect({ naam, contract: r.contract?.name, problemen: r.problemen }).toEqual({ naam, contract: naam, problemen: [] });
    }
  });

  it('keeps the panel consistent: job columns only for workers, one baan_id per job, gemeente in its region', async () => {
    const q = async (sql: string) => Number((await engine.query(sql)).getChildAt(0)!.get(0));
    expect(await q(`SELECT count(*) FROM doelgroep_kwartaal WHERE werkzaam <> (baan_id IS NOT NULL)
      OR werkzaam <> (uren > 0) OR werkzaam <> (baan_startdatum IS NOT NULL) OR werkzaam <> (sector IS NOT NULL)
      OR werkzaam <> (contract IS NOT NULL) OR baan_startdatum > peildatum`)).toBe(0);
    // A baan belongs to one person and keeps its start date.
    expect(await q(`SELECT count(*) FROM (SELECT baan_id FROM doelgroep_kwartaal WHERE werkzaam GROUP BY baan_id
      HAVING count(DISTINCT persoon_id) > 1 OR count(DISTINCT baan_startdatum) > 1)`)).toBe(0);
    const ref = GEMEENTEN.map((g) => `('${g.code}', '${g.regio}')`).join(', ');
    expect(await q(`SELECT count(*) FROM doelgroep_kwartaal p LEFT JOIN (VALUES ${ref}) g(code, regio)
      ON g.code = p.gemeente_code WHERE g.regio IS DISTINCT FROM p.regio_code`)).toBe(0);
    // People do not come back after leaving the register, and leave exactly once.
    expect(await q(`SELECT count(*) FROM doelgroep_uitstroom u JOIN doelgroep_kwartaal p
      ON p.persoon_id = u.persoon_id AND p.peildatum > u.peildatum`)).toBe(0);
    expect(await q(`SELECT count(*) - count(DISTINCT persoon_id) FROM doelgroep_uitstroom`)).toBe(0);
  });

  it('stores the panel sorted by peildatum, then persoon_id', async () => {
    const n = await engine.query(`SELECT count(*) AS n FROM (SELECT peildatum, persoon_id,
        lag(peildatum) OVER () AS vp, lag(persoon_id) OVER () AS vi FROM doelgroep_kwartaal)
      WHERE vp > peildatum OR (vp = peildatum AND vi >= persoon_id)`);
    expect(Number(n.getChild('n')!.get(0))).toBe(0);
  });

  it('writes Parquet v2 pages that hyparquet decodes to the same values', async () => {
    const file = await asyncBufferFromFile(join(a.dir, 'extracts', 'doelgroep_kwartaal.parquet'));
    const rijen = await parquetReadObjects({ file, compressors, columns: ['persoon_id', 'uren', 'baan_id'] });
    const uren = rijen.reduce((s, r) => s + (r.uren as number), 0);
    const zonderBaan = rijen.filter((r) => r.baan_id === null).length;
    const ref = await engine.query('SELECT count(*) AS n, sum(uren) AS uren, count(*) FILTER (WHERE baan_id IS NULL) AS zonder FROM doelgroep_kwartaal');
    expect([rijen.length, uren, zonderBaan]).toEqual([Number(ref.getChild('n')!.get(0)), ref.getChild('uren')!.get(0), Number(ref.getChild('zonder')!.get(0))]);
  });

  it('hits the register size exactly, scaled (nulmeting 247,739 → 2,477)', async () => {
    const n = await engine.query(`SELECT count(*) AS n FROM doelgroep_kwartaal WHERE peildatum = DATE '2012-12-31'`);
    expect(Number(n.getChild('n')!.get(0))).toBe(Math.round(247739 * SCHAAL));
  });
});

describe('random draws', () => {
  it('makes the uniforms for different purposes independent (DuckDB hash() needs the second pass)', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(uniformMacro(20240));
    const r = (await c.runAndReadAll(`SELECT corr(uu(i, 0, 15), uu(i, 0, 21)) AS goed,
        corr(hash(20240::BIGINT, i::BIGINT, 0::BIGINT, 15::BIGINT)::DOUBLE, hash(20240::BIGINT, i::BIGINT, 0::BIGINT, 21::BIGINT)::DOUBLE) AS ruw,
        avg(uu(i, 3, 7)) AS gem, min(uu(i, 3, 7)) > 0 AND max(uu(i, 3, 7)) < 1 AS open
      FROM range(100000) t(i)`)).getRowObjectsJS()[0];
    c.closeSync();
    db.closeSync();
    // Independent draws: |corr| within a few standard errors (1/√100000 ≈ 0.003); the raw hash is not.
    expect(Math.abs(Number(r.goed))).toBeLessThan(0.015);
    expect(Math.abs(Number(r.ruw))).toBeGreaterThan(0.5);
    expect(Number(r.gem)).toBeCloseTo(0.5, 2);
    expect(r.open).toBe(true);
  });

  it('draws the same JS uniforms for the same keys and different ones for other keys', () => {
    expect(uniform(1, 2, 3)).toBe(uniform(1, 2, 3));
    expect(uniform(1, 2, 3)).not.toBe(uniform(1, 2, 4));
    expect(uniform(2, 2, 3)).not.toBe(uniform(1, 2, 3));
  });

  it('allocates an integer total over weights exactly (largest remainder, ties by position)', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 3,5 / 1,75 / 1,75 → floors 3, 1, 1; the two leftover units go to the largest remainders (0,75, 0,75).
    expect(allocate(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(3, [0, 2, 0])).toEqual([0, 3, 0]);
  });
});

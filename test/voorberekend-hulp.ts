/**
 * The site's reading path for a voorberekende map, in Node: the folder's files → checked manifest →
 * create statements, and a metric query run on them as the query layer runs it (the folder's
 * table in place of its setup, the query's voorberekend variant when it has one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeEngine } from '../src/lib/engine/node.ts';
import type { MetricQuery } from '../src/lib/sql/query.ts';
import { leesVoorberekend } from '../src/lib/voorberekend/laden.ts';
import { voorberekendeSetup } from '../src/lib/voorberekend/setup.ts';

export function leesMap(map: string) {
  return leesVoorberekend(async (naam) => {
    try {
      const b = readFileSync(join(map, naam));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    } catch {
      return null;
    }
  });
}

export async function opVoorberekend<T>(engine: NodeEngine, tabellen: ReadonlyMap<string, string>, vraag: MetricQuery<T>): Promise<T> {
  const q = vraag.voorberekend ? { ...vraag, ...vraag.voorberekend } : vraag;
  for (const s of voorberekendeSetup(q.setup ?? [], q.sql, tabellen)) await engine.exec(s.sql);
  return q.shape(await engine.query(q.sql, q.params));
}

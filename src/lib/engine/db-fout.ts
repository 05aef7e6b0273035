import { SupersededError } from './client-types.ts';

/** DuckDB's message on one line. */
export function dbFout(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).replace(/\s+/g, ' ').trim();
}

/** DuckDB's own (English) error stays in the message, behind a Dutch sentence. */
export function sqlFout(e: unknown): Error {
  if (e instanceof SupersededError) return e;
  const err = new Error(`De berekening is mislukt: ${dbFout(e)}`);
  (err as Error & { cause?: unknown }).cause = e;
  return err;
}

/** Read a query's result stream to the end (a statement whose rows nobody needs). */
export async function drain(reader: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of reader) void _;
}

/**
 * The one error model of the query layer. A view sees either its answer, a SupersededError (a
 * newer question of the same view replaced it: silent, never shown) or a QueryError whose message
 * is short Dutch text for the user.
 */

/** A newer question of the same view replaced this one; its answer is never shown. */
export class SupersededError extends Error {
  constructor() {
    super('Vraag vervangen door een nieuwere');
    this.name = 'SupersededError';
  }
}

/** Longest message shown to a user; longer ones (an SQL dump, a huge value) are cut with "…". */
const MAX_TEKST = 300;

export class QueryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(kort(message), options);
    this.name = 'QueryError';
  }
}

export function isSuperseded(e: unknown): boolean {
  return e instanceof SupersededError || (e instanceof Error && e.name === 'SupersededError');
}

/** Any failure as a QueryError with Dutch text (engine messages in English get a Dutch frame). */
export function alsQueryError(e: unknown): QueryError {
  if (e instanceof QueryError) return e;
  const tekst = e instanceof Error ? e.message : String(e);
  return new QueryError(tekst.startsWith('De berekening is mislukt') ? tekst : `De berekening is mislukt: ${tekst}`, { cause: e });
}

function kort(s: string): string {
  const eenRegel = s.replace(/\s+/g, ' ').trim();
  return eenRegel.length <= MAX_TEKST ? eenRegel : `${eenRegel.slice(0, MAX_TEKST - 1)}…`;
}

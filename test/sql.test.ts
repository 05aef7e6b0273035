import { describe, expect, it } from 'vitest';
import { ident, inList, listLiteral, literal } from '../src/lib/sql/quote.ts';
import { inlineParams } from '../src/lib/sql/query.ts';

describe('literal', () => {
  it('writes strings with doubled single quotes', () => {
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal("''")).toBe("''''''");
    expect(literal('')).toBe("''");
    expect(literal('regio; DROP TABLE x')).toBe("'regio; DROP TABLE x'");
    expect(literal('?')).toBe("'?'");
  });

  it('writes numbers, booleans and NULL as bare SQL', () => {
    expect(literal(42)).toBe('42');
    expect(literal(-1.5)).toBe('-1.5');
    expect(literal(0)).toBe('0');
    expect(literal(true)).toBe('TRUE');
    expect(literal(false)).toBe('FALSE');
    expect(literal(null)).toBe('NULL');
  });

  it('turns non-finite numbers into NULL', () => {
    expect(literal(Number.NaN)).toBe('NULL');
    expect(literal(Number.POSITIVE_INFINITY)).toBe('NULL');
    expect(literal(Number.NEGATIVE_INFINITY)).toBe('NULL');
  });
});

describe('ident', () => {
  it('double-quotes a plain name', () => {
    expect(ident('doelgroep_kwartaal')).toBe('"doelgroep_kwartaal"');
    expect(ident('_x9')).toBe('"_x9"');
  });

  it('refuses anything that is not a plain name', () => {
    for (const bad of ['', '9a', 'a b', 'a"b', "a'b", 'a;b', 'a.b', 'naam-met-streep', 'é']) {
      expect(() => ident(bad)).toThrow(`Ongeldige naam: ${bad}`);
    }
  });
});

describe('inList and listLiteral', () => {
  it('an empty IN list matches nothing', () => {
    expect(inList([])).toBe('(NULL)');
  });

  it('quotes every value of a non-empty list', () => {
    expect(inList(['AM01', "O'Brien", 3, null])).toBe("('AM01', 'O''Brien', 3, NULL)");
    expect(inList([true])).toBe('(TRUE)');
  });

  it('writes a DuckDB list literal', () => {
    expect(listLiteral([])).toBe('[]');
    expect(listLiteral(['markt', 'overheid'])).toBe("['markt', 'overheid']");
  });
});

describe('inlineParams', () => {
  it('fills placeholders in order', () => {
    expect(inlineParams({ sql: 'SELECT ? AS a, ? AS b, ? AS c, ? AS d', params: ['x', 2, null, true] }))
      .toBe("SELECT 'x' AS a, 2 AS b, NULL AS c, TRUE AS d");
  });

  it('leaves a statement without parameters as it is', () => {
    expect(inlineParams({ sql: 'SELECT 1', params: [] })).toBe('SELECT 1');
  });

  it('quotes a parameter that contains quotes and question marks', () => {
    expect(inlineParams({ sql: 'SELECT ?, ?', params: ["it's ?", 'b'] })).toBe("SELECT 'it''s ?', 'b'");
  });

  it('leaves ? inside string literals alone, also after an escaped quote', () => {
    expect(inlineParams({ sql: "SELECT 'wat?' AS t, 'it''s ?' AS u, ? AS v", params: [1] }))
      .toBe("SELECT 'wat?' AS t, 'it''s ?' AS u, 1 AS v");
  });

  it('leaves ? inside quoted identifiers alone', () => {
    expect(inlineParams({ sql: 'SELECT "a?" , "b""?" FROM t WHERE x = ?', params: ['q'] }))
      .toBe(`SELECT "a?" , "b""?" FROM t WHERE x = 'q'`);
  });

  it('leaves ? inside -- and /* */ comments alone', () => {
    expect(inlineParams({ sql: 'SELECT ? -- waarom?\n, ? /* nog een ? */ , ?', params: [1, 2, 3] }))
      .toBe('SELECT 1 -- waarom?\n, 2 /* nog een ? */ , 3');
    expect(inlineParams({ sql: 'SELECT ? -- laatste regel?', params: ['a'] })).toBe("SELECT 'a' -- laatste regel?");
  });

  it('throws on too few parameters', () => {
    expect(() => inlineParams({ sql: 'SELECT ?, ?', params: [1] })).toThrow('Te weinig parameters voor de query (1)');
  });

  it('throws on too many parameters', () => {
    expect(() => inlineParams({ sql: 'SELECT ?', params: [1, 2] })).toThrow('De query gebruikt 1 van de 2 parameters');
    expect(() => inlineParams({ sql: "SELECT '?'", params: [1] })).toThrow('De query gebruikt 0 van de 1 parameters');
  });
});

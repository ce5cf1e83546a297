import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSql, type SqlDialect, type SqlToken } from './scan-sql.js';

/** Tokens as `type:text` strings, which read better in a failed assertion than objects. */
function tokens(sql: string, dialect: SqlDialect = 'postgres'): string[] {
  return scanSql(sql, dialect).map((t: SqlToken) => `${t.type}:${t.text}`);
}

describe('scanSql', () => {
  it('turns each literal into one value token and keeps the words around it', () => {
    expect(tokens("select name from users where id = 42 and note = 'a''b'")).toEqual([
      'word:SELECT',
      'word:name',
      'word:FROM',
      'word:users',
      'word:WHERE',
      'word:id',
      'op:=',
      'value:?',
      'word:AND',
      'word:note',
      'op:=',
      'value:?',
    ]);
  });

  it('does not read `--` or `/*` inside a string as a comment', () => {
    expect(tokens("SELECT '-- x', '/* y */', a")).toEqual(['word:SELECT', 'value:?', 'punct:,', 'value:?', 'punct:,', 'word:a']);
  });

  it('treats a backslash as an escape in MySQL strings and as a plain character in PostgreSQL strings', () => {
    // In PostgreSQL (standard_conforming_strings) 'a\' is a whole string, so `, b` follows it.
    expect(tokens("SELECT 'a\\', b", 'postgres')).toEqual(['word:SELECT', 'value:?', 'punct:,', 'word:b']);
    // In MySQL \' is an escaped quote, so the string runs to the end.
    expect(tokens("SELECT 'a\\', b", 'mysql')).toEqual(['word:SELECT', 'value:?']);
    expect(tokens("SELECT 'it\\'s', b", 'mysql')).toEqual(['word:SELECT', 'value:?', 'punct:,', 'word:b']);
  });

  it("honours backslash escapes in PostgreSQL E'..' strings", () => {
    expect(tokens("SELECT E'it\\'s -- no comment', b")).toEqual(['word:SELECT', 'value:?', 'punct:,', 'word:b']);
    expect(tokens("SELECT e'\\\\', b")).toEqual(['word:SELECT', 'value:?', 'punct:,', 'word:b']);
  });

  it("reads B'..', X'..', N'..' and U&'..' strings as one value", () => {
    expect(tokens("SELECT B'101', X'1F', N'abc', U&'d\\0061t', u&'x'")).toEqual([
      'word:SELECT',
      'value:?',
      'punct:,',
      'value:?',
      'punct:,',
      'value:?',
      'punct:,',
      'value:?',
      'punct:,',
      'value:?',
    ]);
  });

  it('reads dollar-quoted strings, with and without a tag, as one value (PostgreSQL)', () => {
    expect(tokens("SELECT $$it's $1 -- ?$$, $fn$ $$ inner $$ $fn$, c")).toEqual([
      'word:SELECT',
      'value:?',
      'punct:,',
      'value:?',
      'punct:,',
      'word:c',
    ]);
  });

  it('does not dollar-quote in MySQL, where `$` is an ordinary character', () => {
    expect(tokens('SELECT $$a$$', 'mysql')).not.toContain('value:?');
  });

  it('reads $1, ? and :name placeholders as values but keeps `::` casts', () => {
    expect(tokens('SELECT a::text FROM t WHERE b = $12 AND c = ? AND d = :name')).toEqual([
      'word:SELECT',
      'word:a',
      'op:::',
      'word:text',
      'word:FROM',
      'word:t',
      'word:WHERE',
      'word:b',
      'op:=',
      'value:?',
      'word:AND',
      'word:c',
      'op:=',
      'value:?',
      'word:AND',
      'word:d',
      'op:=',
      'value:?',
    ]);
  });

  it('keeps the jsonb operators ?| and ?& as operators', () => {
    expect(tokens('SELECT a ?| b, a ?& b')).toEqual(['word:SELECT', 'word:a', 'op:?|', 'word:b', 'punct:,', 'word:a', 'op:?&', 'word:b']);
  });

  it('does not read digits inside an identifier as a number', () => {
    expect(tokens('SELECT col2, t1.x3 FROM t9')).toEqual(['word:SELECT', 'word:col2', 'punct:,', 'word:t1', 'punct:.', 'word:x3', 'word:FROM', 'word:t9']);
  });

  it('folds a sign into the number after an operator, `(`, `,` or a value keyword, and keeps a binary minus', () => {
    expect(tokens('SELECT a - 1, b-2, -3, (-4) WHERE c = -5 AND d IN (-6, +7)')).toEqual([
      'word:SELECT',
      'word:a',
      'op:-',
      'value:?',
      'punct:,',
      'word:b',
      'op:-',
      'value:?',
      'punct:,',
      'value:?',
      'punct:,',
      'punct:(',
      'value:?',
      'punct:)',
      'word:WHERE',
      'word:c',
      'op:=',
      'value:?',
      'word:AND',
      'word:d',
      'word:IN',
      'punct:(',
      'value:?',
      'punct:,',
      'value:?',
      'punct:)',
    ]);
  });

  it.each(['0', '42', '3.14', '.5', '1e10', '2.5E-3', '6e+2', '0x1F', '0b101', '1_000'])('reads %s as one number', (number) => {
    expect(tokens(`SELECT ${number} FROM t`)).toEqual(['word:SELECT', 'value:?', 'word:FROM', 'word:t']);
  });

  it('drops line comments and (in PostgreSQL, nested) block comments', () => {
    expect(tokens('SELECT a -- note\nFROM t /* one /* two */ still comment */ WHERE b')).toEqual([
      'word:SELECT',
      'word:a',
      'word:FROM',
      'word:t',
      'word:WHERE',
      'word:b',
    ]);
  });

  it('ends a MySQL block comment at the first */ (MySQL does not nest them)', () => {
    expect(tokens('SELECT /* a /* b */ c */ 1', 'mysql')).toEqual(['word:SELECT', 'word:c', 'op:*/', 'value:?']);
  });

  it('reads # as a comment in MySQL only', () => {
    expect(tokens('SELECT a # b\nFROM t', 'mysql')).toEqual(['word:SELECT', 'word:a', 'word:FROM', 'word:t']);
    expect(tokens('SELECT a # b FROM t', 'postgres')).toEqual(['word:SELECT', 'word:a', 'op:#', 'word:b', 'word:FROM', 'word:t']);
  });

  it('reads double quotes as an identifier in PostgreSQL and as a string in MySQL; backticks are identifiers', () => {
    expect(tokens('SELECT "Order Id" FROM "Orders"', 'postgres')).toEqual(['word:SELECT', 'ident:"Order Id"', 'word:FROM', 'ident:"Orders"']);
    expect(tokens('SELECT "a\\"b", `Order Id` FROM `Orders`', 'mysql')).toEqual([
      'word:SELECT',
      'value:?',
      'punct:,',
      'ident:`Order Id`',
      'word:FROM',
      'ident:`Orders`',
    ]);
  });

  it('reads booleans as values, and NULL as a value except after IS / IS NOT', () => {
    expect(tokens('SELECT true, FALSE, null WHERE a IS NULL AND b IS NOT null')).toEqual([
      'word:SELECT',
      'value:?',
      'punct:,',
      'value:?',
      'punct:,',
      'value:?',
      'word:WHERE',
      'word:a',
      'word:IS',
      'word:NULL',
      'word:AND',
      'word:b',
      'word:IS',
      'word:NOT',
      'word:NULL',
    ]);
  });

  it('takes the rest of the text as the literal when a string is not terminated', () => {
    expect(tokens("SELECT 'abc FROM t")).toEqual(['word:SELECT', 'value:?']);
    expect(tokens('SELECT $$abc FROM t')).toEqual(['word:SELECT', 'value:?']);
  });

  it('never throws, whatever the text (ASCII or any Unicode code point), and emits no empty token', () => {
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
    fc.assert(
      fc.property(text, fc.constantFrom<SqlDialect>('postgres', 'mysql'), (sql, dialect) => {
        const result = scanSql(sql, dialect);
        expect(result.filter((t) => t.text === '')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on text built from SQL-ish fragments', () => {
    const fragment = fc.constantFrom("'", '"', '`', '$', '$$', '$a$', '\\', '--', '/*', '*/', '#', '::', ':', '?', '-', '1', '.', 'e', 'E', 'x', 'u&', '(', ')', '[', ']', ',', ' ', '\n', 'IN', 'NULL');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.constantFrom<SqlDialect>('postgres', 'mysql'), (parts, dialect) => {
        expect(scanSql(parts.join(''), dialect).filter((t) => t.text === '')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

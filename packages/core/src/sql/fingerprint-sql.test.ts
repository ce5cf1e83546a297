import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnReference, COMPARISON_OPERATORS, holes, holeSource, literal, operatorGap, plainIdentifier, STATEMENT_TEMPLATES } from '../../test/sql-arbitraries.js';
import { computeFingerprint, FINGERPRINT_CACHE_SIZE, fingerprintSql, type StatementKind } from './fingerprint-sql.js';
import type { SqlDialect } from './scan-sql.js';

const shapeOf = (sql: string, dialect: SqlDialect = 'postgres'): string => computeFingerprint(sql, dialect).shape;

describe('statement shapes: literals', () => {
  it.each([
    ["SELECT * FROM users WHERE name = 'O''Brien' AND id = 1", 'SELECT * FROM users WHERE name = ? AND id = ?'],
    ["SELECT * FROM users WHERE note = E'it\\'s -- here' AND x = 2", 'SELECT * FROM users WHERE note = ? AND x = ?'],
    ["SELECT $$it's$$, $body$ a $$ b $body$ FROM t", 'SELECT ?, ? FROM t'],
    ['SELECT 1, 1.5, .5, 1e10, 1.5E-3, 0x1F FROM t', 'SELECT ?, ?, ?, ?, ?, ? FROM t'],
    ['SELECT * FROM t WHERE a = -1 AND b IN (-2, -3) AND f(-4, 5) > 0', 'SELECT * FROM t WHERE a = ? AND b IN (...) AND f(?, ?) > ?'],
    ['UPDATE t SET a = a - 1, b = b-2 WHERE id = 3', 'UPDATE t SET a = a - ?, b = b - ? WHERE id = ?'],
    ['SELECT true, FALSE, NULL FROM t WHERE a IS NULL AND b IS NOT NULL', 'SELECT ?, ?, ? FROM t WHERE a IS NULL AND b IS NOT NULL'],
    ['SELECT * FROM t WHERE a = $1 AND b = ? AND c = :name', 'SELECT * FROM t WHERE a = ? AND b = ? AND c = ?'],
    ["SELECT id::text, '5'::int FROM t", 'SELECT id::text, ?::int FROM t'],
    ["SELECT '--not a comment' AS c, col2 FROM t2 -- a real comment", 'SELECT ? AS c, col2 FROM t2'],
    ['SELECT /* a /* nested */ still a comment */ 1', 'SELECT ?'],
    ["SELECT U&'d\\0061t\\+000061' FROM t", 'SELECT ? FROM t'],
  ])('postgres: %s', (sql, shape) => {
    expect(shapeOf(sql, 'postgres')).toBe(shape);
  });

  it.each([
    ["SELECT * FROM users WHERE name = 'O\\'Brien' AND nick = 'a''b'", 'SELECT * FROM users WHERE name = ? AND nick = ?'],
    ['SELECT * FROM users WHERE name = "dq\\"s" # trailing comment', 'SELECT * FROM users WHERE name = ?'],
    ["SELECT * FROM t WHERE a = 'x' -- c\n AND b = -2", 'SELECT * FROM t WHERE a = ? AND b = ?'],
    ['SELECT `order`.`id` FROM `order` WHERE a = ? LIMIT 10', 'SELECT `order`.`id` FROM `order` WHERE a = ? LIMIT ?'],
    ['SELECT /* a /* b */ c */ 1', 'SELECT c */ ?'],
  ])('mysql: %s', (sql, shape) => {
    expect(shapeOf(sql, 'mysql')).toBe(shape);
  });

  it('reads # as an operator in PostgreSQL, not a comment', () => {
    expect(shapeOf('SELECT a # b FROM t', 'postgres')).toBe('SELECT a # b FROM t');
    expect(shapeOf('SELECT a # b FROM t', 'mysql')).toBe('SELECT a');
  });

  it('gives `.5` and `0.5` the same shape after a keyword', () => {
    expect(shapeOf('SELECT .5 FROM t')).toBe(shapeOf('SELECT 0.5 FROM t'));
    expect(shapeOf('SELECT CASE WHEN a THEN .5 ELSE .25 END FROM t')).toBe('SELECT CASE WHEN a THEN ? ELSE ? END FROM t');
  });
});

describe('statement shapes: lists', () => {
  it.each([1, 2, 3, 17, 250])('collapses an IN list of %i values', (n) => {
    const values = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? String(i) : `'v${i}'`)).join(', ');
    expect(shapeOf(`SELECT * FROM t WHERE id IN (${values})`)).toBe('SELECT * FROM t WHERE id IN (...)');
    expect(shapeOf(`SELECT * FROM t WHERE id NOT IN (${values})`)).toBe('SELECT * FROM t WHERE id NOT IN (...)');
  });

  it('collapses IN lists of placeholders', () => {
    expect(shapeOf('UPDATE t SET a = ? WHERE b IN (?, ?, ?)', 'mysql')).toBe('UPDATE t SET a = ? WHERE b IN (...)');
    expect(shapeOf('SELECT * FROM t WHERE b IN ($1, $2)')).toBe('SELECT * FROM t WHERE b IN (...)');
  });

  it('keeps an IN subquery', () => {
    expect(shapeOf('SELECT * FROM t WHERE a IN (SELECT b FROM u WHERE c = 1)')).toBe('SELECT * FROM t WHERE a IN (SELECT b FROM u WHERE c = ?)');
  });

  it('collapses ARRAY[...] literals', () => {
    expect(shapeOf('SELECT * FROM t WHERE id = ANY(ARRAY[1,2,3])')).toBe('SELECT * FROM t WHERE id = ANY(ARRAY[...])');
    expect(shapeOf('SELECT * FROM t WHERE id = ANY(ARRAY[7])')).toBe('SELECT * FROM t WHERE id = ANY(ARRAY[...])');
  });

  it('keeps the first of several VALUES rows', () => {
    expect(shapeOf("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z')")).toBe('INSERT INTO t (a, b) VALUES (?, ?)');
    expect(shapeOf('INSERT INTO t (a, b) VALUES (1, now()), ($1, now())')).toBe('INSERT INTO t (a, b) VALUES (?, now())');
  });

  it('keeps VALUES rows that are written differently', () => {
    expect(shapeOf('INSERT INTO t (a, b) VALUES (1, DEFAULT), (2, 3)')).toBe('INSERT INTO t (a, b) VALUES (?, DEFAULT), (?, ?)');
  });
});

describe('statement shapes: words and layout', () => {
  it('upper-cases keywords and keeps identifiers as written', () => {
    expect(shapeOf('select Name, "CamelCol" from MyTable where x = 1 order by Name desc')).toBe(
      'SELECT Name, "CamelCol" FROM MyTable WHERE x = ? ORDER BY Name DESC',
    );
    expect(shapeOf('insert into Users (Name) values ($1) returning id')).toBe('INSERT INTO Users (Name) VALUES (?) RETURNING id');
  });

  it('keeps quoted identifiers', () => {
    expect(shapeOf('SELECT "User"."Id" FROM "User"')).toBe('SELECT "User"."Id" FROM "User"');
    expect(shapeOf('SELECT `Order Id` FROM `Orders`', 'mysql')).toBe('SELECT `Order Id` FROM `Orders`');
  });

  it('folds whitespace and drops trailing semicolons', () => {
    expect(shapeOf('SELECT  a ,\n\tb   FROM   t ;;')).toBe('SELECT a, b FROM t');
  });

  it('hugs function calls but not keyword lists', () => {
    expect(shapeOf('SELECT count ( * ) FROM t GROUP BY a')).toBe('SELECT count(*) FROM t GROUP BY a');
    expect(shapeOf('INSERT INTO t(a) VALUES(1)')).toBe('INSERT INTO t (a) VALUES (?)');
  });
});

describe('#16.4 identifier quoting next to operators', () => {
  it('keeps a MySQL comparison whole where `=` touches a backtick', () => {
    expect(shapeOf('SELECT * FROM `article` JOIN `author` ON `author`.`id`=`article`.`authorId` WHERE `article`.`slug`=?', 'mysql')).toBe(
      'SELECT * FROM `article` JOIN `author` ON `author`.`id` = `article`.`authorId` WHERE `article`.`slug` = ?',
    );
    expect(shapeOf('SELECT * FROM t WHERE a=:name AND b=/* c */1 AND c=#c\n2', 'mysql')).toBe('SELECT * FROM t WHERE a = ? AND b = ? AND c = ?');
  });

  it('print each quoted or plain column and operator as written, with or without spaces or comments around the operator, in both dialects', () => {
    const comparison = (dialect: SqlDialect) =>
      fc
        .record({ left: columnReference(dialect), op: fc.constantFrom(...COMPARISON_OPERATORS), right: columnReference(dialect), before: operatorGap(dialect), after: operatorGap(dialect) })
        // `a---c` is `a` and a comment in SQL itself: a gap cannot start with `--` after a minus.
        .filter(({ op, after }) => !(op === '-' && after.startsWith('-')));
    fc.assert(
      fc.property(
        fc.constantFrom<SqlDialect>('postgres', 'mysql').chain((dialect) => fc.tuple(fc.constant(dialect), fc.array(comparison(dialect), { minLength: 1, maxLength: 4 }))),
        ([dialect, comparisons]) => {
          const written = comparisons.map(({ left, op, right, before, after }) => `${left}${before}${op}${after}${right}`);
          const canonical = comparisons.map(({ left, op, right }) => `${left} ${op} ${right}`);
          const last = comparisons.at(-1)!;
          const sql = `SELECT ${written.join(', ')} FROM t WHERE ${last.left}${last.before}=${last.after}${last.right}`;
          expect(shapeOf(sql, dialect)).toBe(`SELECT ${canonical.join(', ')} FROM t WHERE ${last.left} = ${last.right}`);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('#11.8a runs of equal OR/AND predicates collapse, as IN lists do', () => {
  it('gives Prisma\'s connect of one, two or three rows one shape', () => {
    // What Prisma 7 sends for `books: { connect: ids.map((id) => ({ id })) }`: each element bracketed once there are two.
    const element = (i: number, n: number) => (n === 1 ? `"public"."books"."id" = $${i + 2} AND 1=1` : `("public"."books"."id" = $${i + 2} AND 1=1)`);
    const connect = (n: number) => `UPDATE "public"."books" SET "author_id" = $1 WHERE (${Array.from({ length: n }, (_, i) => element(i, n)).join(' OR ')})`;
    const shape = 'UPDATE "public"."books" SET "author_id" = ? WHERE ("public"."books"."id" = ? AND ? = ?)';
    expect([1, 2, 3].map((n) => shapeOf(connect(n)))).toEqual([shape, shape, shape]);
    expect(shapeOf('SELECT "t"."id" FROM "t" WHERE ("t"."name" = $1 OR "t"."name" = $2 OR "t"."name" = $3) OFFSET $4')).toBe('SELECT "t"."id" FROM "t" WHERE ("t"."name" = ?) OFFSET ?');
  });

  it('keeps predicates that differ, and the AND of a BETWEEN', () => {
    expect(shapeOf('SELECT * FROM t WHERE a = 1 OR b = 2 OR a = 3')).toBe('SELECT * FROM t WHERE a = ? OR b = ? OR a = ?');
    expect(shapeOf('SELECT * FROM t WHERE a BETWEEN 1 AND 2 AND a BETWEEN 3 AND 4 ORDER BY a')).toBe('SELECT * FROM t WHERE a BETWEEN ? AND ? ORDER BY a');
    expect(shapeOf('SELECT * FROM t WHERE a = 1 OR a = 2 ORDER BY a = 3')).toBe('SELECT * FROM t WHERE a = ? ORDER BY a = ?');
    expect(shapeOf('SELECT ((x)) FROM t WHERE (a = 1) OR (b = 2)')).toBe('SELECT ((x)) FROM t WHERE (a = ?) OR (b = ?)');
  });

  const predicate = (dialect: SqlDialect) =>
    fc.record({ column: columnReference(dialect), op: fc.constantFrom('=', '<>', '>', '<=', 'LIKE') }).map(({ column, op }) => (value: string) => `${column} ${op} ${value}`);

  it('do not depend on how many list elements an ORM wrote as one predicate each, plain or grouped, in both dialects', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SqlDialect>('postgres', 'mysql').chain((dialect) =>
          fc.tuple(fc.constant(dialect), fc.array(predicate(dialect), { minLength: 1, maxLength: 3 }), fc.constantFrom('OR', 'AND'), fc.array(literal(dialect), { minLength: 2, maxLength: 12 }), fc.integer({ min: 2, max: 6 })),
        ),
        ([dialect, parts, joiner, values, n]) => {
          let at = 0;
          const value = () => values[at++ % values.length]!;
          // One element: a predicate, or an AND of several (`connect: [{ a, b }]`), bracketed when there are more, as Prisma writes them.
          const element = (count: number) => (parts.length === 1 || count === 1 ? parts.map((p) => p(value())).join(' AND ') : `(${parts.map((p) => p(value())).join(' AND ')})`);
          const chain = (count: number) => `SELECT id FROM t WHERE (${Array.from({ length: count }, () => element(count)).join(` ${joiner} `)}) LIMIT ${value()}`;
          expect(shapeOf(chain(n), dialect)).toBe(shapeOf(chain(1), dialect));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never merge two different predicates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SqlDialect>('postgres', 'mysql').chain((dialect) => fc.tuple(fc.constant(dialect), fc.uniqueArray(plainIdentifier, { minLength: 2, maxLength: 4 }), fc.constantFrom('OR', 'AND'))),
        ([dialect, columns, joiner]) => {
          const shape = shapeOf(`SELECT id FROM t WHERE ${columns.map((c, i) => `${c} = ${i}`).join(` ${joiner} `)}`, dialect);
          expect(shape).toBe(`SELECT id FROM t WHERE ${columns.map((c) => `${c} = ?`).join(` ${joiner} `)}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('statement kind', () => {
  it.each<[string, StatementKind]>([
    ['select 1', 'select'],
    ['TABLE users', 'select'],
    ['(SELECT 1) UNION (SELECT 2)', 'select'],
    ['  ((select 1))', 'select'],
    ['INSERT INTO t VALUES (1)', 'insert'],
    ['replace into t values (1)', 'insert'],
    ['update t set a = 1', 'update'],
    ['DELETE FROM t', 'delete'],
    ['WITH x AS (SELECT 1) UPDATE t SET a = 1', 'update'],
    ['WITH d AS (DELETE FROM t RETURNING *) INSERT INTO u SELECT * FROM d', 'insert'],
    ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r', 'select'],
    ['/* leading comment */ DELETE FROM t', 'delete'],
    ['EXPLAIN SELECT 1', 'other'],
    ['CREATE TABLE t (a int)', 'other'],
    ['BEGIN', 'other'],
    ['', 'other'],
  ])('%s is %s', (sql, kind) => {
    expect(computeFingerprint(sql, 'postgres').kind).toBe(kind);
  });
});

describe('transaction control', () => {
  it.each([
    'BEGIN',
    'begin;',
    'COMMIT',
    'ROLLBACK',
    'SAVEPOINT sp1',
    'RELEASE SAVEPOINT sp1',
    'ROLLBACK TO SAVEPOINT sp1',
    'START TRANSACTION',
    'start transaction isolation level serializable',
    'SET TRANSACTION READ ONLY',
    'END',
    '/* c */ COMMIT',
  ])('%s is transaction control', (sql) => {
    expect(computeFingerprint(sql, 'postgres').transactionControl).toBe(true);
    expect(computeFingerprint(sql, 'mysql').transactionControl).toBe(true);
  });

  it.each(['SELECT 1', 'SET search_path = app', "SET SESSION sql_mode = ''", 'UPDATE t SET a = 1', 'DO $$ BEGIN END $$', ''])('%s is not', (sql) => {
    expect(computeFingerprint(sql, 'postgres').transactionControl).toBe(false);
  });
});

describe('statement shapes: properties', () => {
  it('do not depend on literal values, placeholders, comments or list lengths', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATEMENT_TEMPLATES).chain((template) => fc.tuple(fc.constant(template), holeSource(template.dialect))),
        ([template, source]) => {
          const sql = template.render(holes(source));
          expect(computeFingerprint(sql, template.dialect).shape).toBe(template.shape);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('differ when a table or column name differs', () => {
    const statement = (table: string, column: string, value: string) => `SELECT ${column}, id FROM ${table} WHERE ${column} = ${value} LIMIT 5`;
    fc.assert(
      fc.property(
        fc.constantFrom<SqlDialect>('postgres', 'mysql'),
        fc.uniqueArray(plainIdentifier, { minLength: 2, maxLength: 2 }),
        plainIdentifier,
        fc.boolean(),
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 10 }),
        (dialect, [a, b], other, swapTable, v1, v2) => {
          const value = (v: string) => `'${v.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
          const first = swapTable ? statement(a!, other, value(v1)) : statement(other, a!, value(v1));
          const second = swapTable ? statement(b!, other, value(v2)) : statement(other, b!, value(v2));
          expect(computeFingerprint(first, dialect).shape).not.toBe(computeFingerprint(second, dialect).shape);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('differ when a quoted identifier differs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replaceAll('"', '')).filter((s) => s !== ''), { minLength: 2, maxLength: 2 }), ([a, b]) => {
        const statement = (name: string) => `SELECT "${name}" FROM "T" WHERE "${name}" = 1`;
        expect(shapeOf(statement(a!))).not.toBe(shapeOf(statement(b!)));
      }),
    );
  });

  it('never throw, whatever the text', () => {
    const text = fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 100 }), literal('postgres'), literal('mysql'));
    fc.assert(
      fc.property(text, fc.constantFrom<SqlDialect>('postgres', 'mysql'), (sql, dialect) => {
        const fingerprint = computeFingerprint(sql, dialect);
        expect(typeof fingerprint.shape).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('fingerprintSql memoisation', () => {
  it('returns the same object for the same text and dialect, and a separate one per dialect', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (sql) => {
        const first = fingerprintSql(sql, 'postgres');
        expect(fingerprintSql(sql, 'postgres')).toBe(first);
        expect(fingerprintSql(sql)).toBe(first);
        expect(fingerprintSql(sql, 'mysql')).not.toBe(first);
        expect(fingerprintSql(sql, 'mysql')).toBe(fingerprintSql(sql, 'mysql'));
      }),
    );
  });

  it(`remembers at most FINGERPRINT_CACHE_SIZE (${FINGERPRINT_CACHE_SIZE}) texts, forgetting the oldest first`, () => {
    const run = randomUUID();
    const text = (n: number) => `SELECT ${n} FROM cache_${run}`;
    const oldest = fingerprintSql(text(0));
    for (let n = 1; n < FINGERPRINT_CACHE_SIZE; n++) fingerprintSql(text(n));
    // Exactly FINGERPRINT_CACHE_SIZE texts since `oldest`: it is still cached.
    expect(fingerprintSql(text(0))).toBe(oldest);
    const second = fingerprintSql(text(1));
    fingerprintSql(text(FINGERPRINT_CACHE_SIZE));
    const recomputed = fingerprintSql(text(0));
    expect(recomputed).not.toBe(oldest);
    expect(recomputed).toEqual(oldest);
    // Re-adding text(0) pushed out the next oldest, text(1).
    expect(fingerprintSql(text(1))).not.toBe(second);
  });
});

import { PGlite } from '@electric-sql/pglite';
import { recordQueries, type ScopeResult } from '@perfgate/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instrumentPGlite } from '../src/pglite.js';

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec("CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL); INSERT INTO items (name) VALUES ('a'), ('b'), ('c');");
});

afterAll(() => db.close());

function shapes(result: ScopeResult): string[] {
  return result.queries.map((q) => q.shape);
}

function observable(error: unknown) {
  const e = error as Error & { code?: string; query?: string };
  return { type: e.constructor.name, message: e.message, code: e.code, query: e.query };
}

describe('instrumentPGlite', () => {
  test('records query, sql`` and exec once each', async () => {
    const instrumentation = instrumentPGlite(PGlite);
    try {
      const result = await recordQueries(async () => {
        await db.query('SELECT * FROM items WHERE id = $1', [1]);
        await db.sql`SELECT * FROM items WHERE name = ${'b'}`;
        await db.exec('UPDATE items SET name = name');
      });
      expect(shapes(result)).toEqual(['SELECT * FROM items WHERE id = ?', 'SELECT * FROM items WHERE name = ?', 'UPDATE items SET name = name']);
      expect(result.queries.map((q) => q.source)).toEqual(['pglite', 'pglite', 'pglite']);
      expect(result.queries[1]!.values).toEqual(['b']);
      expect(result.queries.every((q) => typeof q.durationMs === 'number')).toBe(true);
    } finally {
      instrumentation.dispose();
    }
  });

  test('records a transaction’s statements, including its BEGIN and COMMIT', async () => {
    const instrumentation = instrumentPGlite(PGlite);
    try {
      const result = await recordQueries(() =>
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO items (name) VALUES ($1)', ['d']);
          await tx.sql`SELECT * FROM items WHERE name = ${'d'}`;
          await tx.exec('SELECT 1');
        }),
      );
      expect(shapes(result)).toEqual(['BEGIN', 'INSERT INTO items (name) VALUES (?)', 'SELECT * FROM items WHERE name = ?', 'SELECT ?', 'COMMIT']);
    } finally {
      instrumentation.dispose();
    }
  });

  test('a rolled-back or failed transaction ends with ROLLBACK', async () => {
    const countItems = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items')).rows[0]!.n;
    const before = await countItems();
    const instrumentation = instrumentPGlite(PGlite);
    try {
      const rolledBack = await recordQueries(() =>
        db.transaction(async (tx) => {
          await tx.query('DELETE FROM items');
          await tx.rollback();
        }),
      );
      expect(shapes(rolledBack)).toEqual(['BEGIN', 'DELETE FROM items', 'ROLLBACK']);

      const failure = new Error('boom');
      let caught: unknown;
      const failed = await recordQueries(async () => {
        caught = await db
          .transaction(async (tx) => {
            await tx.query('DELETE FROM items');
            throw failure;
          })
          .catch((e: unknown) => e);
      });
      expect(caught).toBe(failure);
      expect(shapes(failed)).toEqual(['BEGIN', 'DELETE FROM items', 'ROLLBACK']);
      expect(await countItems()).toBe(before);
    } finally {
      instrumentation.dispose();
    }
  });

  test('a failed query is recorded as failed and its error is PGlite’s own', async () => {
    const bad = 'SELECT * FROM no_such_table WHERE id = $1';
    const plain = await db.query(bad, [1]).catch((e: unknown) => e);
    const instrumentation = instrumentPGlite(PGlite);
    try {
      let instrumented: unknown;
      const result = await recordQueries(async () => {
        instrumented = await db.query(bad, [1]).catch((e: unknown) => e);
      });
      expect(observable(instrumented)).toEqual(observable(plain));
      expect(result.queries.map((q) => q.failed)).toEqual([true]);
    } finally {
      instrumentation.dispose();
    }
  });

  test('a transaction waiting for the queue keeps its caller’s scope', async () => {
    const instrumentation = instrumentPGlite(PGlite);
    try {
      const [a, b] = await Promise.all([
        recordQueries(() => db.transaction(async (tx) => void (await tx.query('SELECT 1 AS a')))),
        recordQueries(() => db.transaction(async (tx) => void (await tx.query('SELECT 2 AS b')))),
      ]);
      expect(shapes(a!)).toEqual(['BEGIN', 'SELECT ? AS a', 'COMMIT']);
      expect(shapes(b!)).toEqual(['BEGIN', 'SELECT ? AS b', 'COMMIT']);
    } finally {
      instrumentation.dispose();
    }
  });

  test('instrumenting twice counts once; dispose restores the original methods', async () => {
    const original = { query: PGlite.prototype.query, exec: PGlite.prototype.exec, transaction: PGlite.prototype.transaction };
    const first = instrumentPGlite(PGlite);
    const second = instrumentPGlite(PGlite);
    expect((await recordQueries(() => db.query('SELECT 1'))).count).toBe(1);
    first.dispose();
    expect(PGlite.prototype.query).not.toBe(original.query);
    second.dispose();
    expect({ query: PGlite.prototype.query, exec: PGlite.prototype.exec, transaction: PGlite.prototype.transaction }).toEqual(original);
    expect(Object.hasOwn(PGlite.prototype, 'query')).toBe(false);
    expect((await recordQueries(() => db.query('SELECT 1'))).count).toBe(0);
  });

  test('rejects what is not the PGlite class', () => {
    expect(() => instrumentPGlite({ query: () => undefined } as never)).toThrowErrorMatchingInlineSnapshot(
      `[PerfgateError: instrumentPGlite: expected the PGlite class (with prototype.query and prototype.exec); received an object.]`,
    );
  });
});

import { findRepeatedStatements, recordQueries, type ScopeResult } from '@perfgate/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instrumentPg } from '../src/pg.js';
import { openPostgres, type PostgresForTests } from './support/postgres.js';

let postgres: PostgresForTests;

beforeAll(async () => {
  postgres = await openPostgres();
  const client = new pg.Client(postgres.config);
  await client.connect();
  await client.query('CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL)');
  await client.query("INSERT INTO items (name) VALUES ('a'), ('b'), ('c')");
  await client.end();
});

afterAll(() => postgres.close());

function shapes(result: ScopeResult): string[] {
  return result.queries.map((q) => q.shape);
}

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(postgres.config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** What a spec can observe of an error: everything but the stack below the driver's frames. */
function observable(error: unknown) {
  const e = error as Error & { code?: string; position?: string };
  return { type: e.constructor.name, name: e.name, message: e.message, code: e.code, position: e.position, topFrame: e.stack?.split('\n')[1]?.trim().replace(/:\d+:\d+\)?$/, '') };
}

describe(`instrumentPg (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite over a socket'})`, () => {
  test('records every call form once, with shape, kind and source', async () => {
    const instrumentation = instrumentPg(pg);
    try {
      const result = await withClient((client) =>
        recordQueries(async () => {
          await client.query('SELECT 1');
          await client.query('SELECT * FROM items WHERE id = $1', [1]);
          await client.query({ text: 'SELECT * FROM items WHERE name = $1', values: ['a'] });
          await client.query({ text: 'SELECT * FROM items WHERE id = $1', values: [2], rowMode: 'array' });
          await new Promise<void>((resolve, reject) => client.query('SELECT 2', (err) => (err ? reject(err) : resolve())));
          await new Promise<void>((resolve, reject) => client.query('SELECT * FROM items WHERE id = $1', [3], (err) => (err ? reject(err) : resolve())));
          await new Promise<void>((resolve, reject) => client.query({ text: 'UPDATE items SET name = name WHERE id = $1', values: [1] }, (err) => (err ? reject(err) : resolve())));
        }),
      );
      expect(result.count).toBe(7);
      expect(shapes(result)).toEqual([
        'SELECT ?',
        'SELECT * FROM items WHERE id = ?',
        'SELECT * FROM items WHERE name = ?',
        'SELECT * FROM items WHERE id = ?',
        'SELECT ?',
        'SELECT * FROM items WHERE id = ?',
        'UPDATE items SET name = name WHERE id = ?',
      ]);
      expect(result.queries.map((q) => q.kind)).toEqual(['select', 'select', 'select', 'select', 'select', 'select', 'update']);
      expect(new Set(result.queries.map((q) => q.source))).toEqual(new Set(['pg']));
      expect(result.queries.every((q) => q.traceId === result.traceId)).toBe(true);
      expect(result.queries.every((q) => typeof q.durationMs === 'number' && q.durationMs >= 0)).toBe(true);
      expect(result.queries[1]!.values).toEqual([1]);
    } finally {
      instrumentation.dispose();
    }
  });

  test('counts pool queries, checked-out clients and transactions in the caller’s scope', async () => {
    const instrumentation = instrumentPg(pg);
    const pool = new pg.Pool({ ...postgres.config, max: 2 });
    try {
      const result = await recordQueries(async () => {
        await pool.query('SELECT count(*) FROM items');
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO items (name) VALUES ($1)', ['d']);
          await client.query('ROLLBACK');
        } finally {
          client.release();
        }
        await new Promise<void>((resolve, reject) =>
          pool.connect((err, client, release) => {
            if (err || !client) return reject(err);
            client.query('SELECT 3', (queryError) => {
              release();
              return queryError ? reject(queryError) : resolve();
            });
          }),
        );
      });
      expect(shapes(result)).toEqual(['SELECT count(*) FROM items', 'BEGIN', 'INSERT INTO items (name) VALUES (?)', 'ROLLBACK', 'SELECT ?']);
      expect(result.queries.filter((q) => q.fingerprint.transactionControl)).toHaveLength(2);
    } finally {
      await pool.end();
      instrumentation.dispose();
    }
  });

  test('pool.query is counted once and attributed to the caller’s line, though the pool sends it from a callback', async () => {
    const instrumentation = instrumentPg(pg);
    const pool = new pg.Pool({ ...postgres.config, max: 2 });
    try {
      const loadItem = (id: number) => pool.query('SELECT * FROM items WHERE id = $1', [id]); // call site: loadItem
      const result = await recordQueries(async () => {
        for (const id of [1, 2, 3, 1]) await loadItem(id);
        await Promise.all([loadItem(2), loadItem(3)]);
      });
      expect(result.count).toBe(6);
      const { nPlusOne } = findRepeatedStatements(result.queries);
      expect(nPlusOne).toHaveLength(1);
      expect(nPlusOne[0]!.count).toBe(6);
      expect(nPlusOne[0]!.callSites[0]).toMatchObject({ file: expect.stringMatching(/test\/pg\.test\.ts$/), functionName: 'loadItem' });
    } finally {
      await pool.end();
      instrumentation.dispose();
    }
  });

  test('a failed query is recorded as failed and its error is the driver’s own', async () => {
    const bad = 'SELECT * FROM no_such_table WHERE id = $1';
    const plain = await withClient((client) => client.query(bad, [1]).catch((e: unknown) => e));
    const plainSync = await withClient(async (client) => {
      try {
        client.query(null as unknown as string);
      } catch (error) {
        return error;
      }
    });

    const instrumentation = instrumentPg(pg);
    try {
      let instrumented: unknown;
      let instrumentedSync: unknown;
      let callbackError: unknown;
      const result = await withClient((client) =>
        recordQueries(async () => {
          instrumented = await client.query(bad, [1]).catch((e: unknown) => e);
          callbackError = await new Promise((resolve) => client.query(bad, [1], (err) => resolve(err)));
          try {
            client.query(null as unknown as string);
          } catch (error) {
            instrumentedSync = error;
          }
        }),
      );
      expect(observable(instrumented)).toEqual(observable(plain));
      expect(observable(callbackError)).toEqual({ ...observable(plain), topFrame: observable(callbackError).topFrame });
      expect(observable(instrumentedSync)).toEqual(observable(plainSync));
      expect(observable(instrumentedSync).topFrame).toMatch(/node_modules[\\/]pg[\\/]lib[\\/]client\.js/);
      expect(result.count).toBe(2);
      expect(result.queries.map((q) => q.failed)).toEqual([true, true]);
    } finally {
      instrumentation.dispose();
    }
  });

  test('submittables (pg.Query, cursors, streams) are counted once', async () => {
    const instrumentation = instrumentPg(pg);
    try {
      const result = await withClient((client) =>
        recordQueries(async () => {
          const query = new pg.Query('SELECT * FROM items');
          const returned = client.query(query);
          expect(returned).toBe(query);
          await new Promise((resolve, reject) => {
            query.on('end', resolve);
            query.on('error', reject);
          });
        }),
      );
      expect(shapes(result)).toEqual(['SELECT * FROM items']);
    } finally {
      instrumentation.dispose();
    }
  });

  test('outside a scope nothing is recorded and results are unchanged', async () => {
    const plain = await withClient((client) => client.query('SELECT name FROM items ORDER BY id'));
    const instrumentation = instrumentPg(pg);
    try {
      const instrumented = await withClient((client) => client.query('SELECT name FROM items ORDER BY id'));
      expect(instrumented.rows).toEqual(plain.rows);
      expect(instrumented.command).toBe(plain.command);
    } finally {
      instrumentation.dispose();
    }
  });

  test('instrumenting twice counts once; dispose restores the original methods', async () => {
    const originalQuery = pg.Client.prototype.query;
    const ownConnect = Object.getOwnPropertyDescriptor(pg.Pool.prototype, 'connect');
    const ownPoolQuery = Object.getOwnPropertyDescriptor(pg.Pool.prototype, 'query');
    const first = instrumentPg(pg);
    const second = instrumentPg(pg);
    expect(pg.Client.prototype.query).not.toBe(originalQuery);
    const result = await withClient((client) => recordQueries(() => client.query('SELECT 1')));
    expect(result.count).toBe(1);

    first.dispose();
    first.dispose(); // idempotent: the second handle still holds the patch
    expect(pg.Client.prototype.query).not.toBe(originalQuery);
    second.dispose();
    expect(pg.Client.prototype.query).toBe(originalQuery);
    expect(Object.getOwnPropertyDescriptor(pg.Pool.prototype, 'connect')).toEqual(ownConnect);
    expect(Object.getOwnPropertyDescriptor(pg.Pool.prototype, 'query')).toEqual(ownPoolQuery);

    const after = await withClient((client) => recordQueries(() => client.query('SELECT 1')));
    expect(after.count).toBe(0);
  });

  test('rejects what is not the pg module', () => {
    expect(() => instrumentPg({} as never)).toThrowErrorMatchingInlineSnapshot(
      `[PerfgateError: instrumentPg: expected the pg module (with Client.prototype.query); received an object.]`,
    );
  });
});

import { findRepeatedStatements, recordQueries, type ScopeResult } from '@perfgate/core';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
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
function observable(error: unknown, statementName?: string) {
  const e = error as Error & { code?: string; position?: string };
  const message = statementName === undefined ? e.message : e.message.replace(`"${statementName}"`, '"<name>"');
  return { type: e.constructor.name, name: e.name, message, code: e.code, position: e.position, topFrame: e.stack?.split('\n')[1]?.trim().replace(/:\d+:\d+\)?$/, '') };
}

/** A re-run of a prepared statement by its name alone, which pg accepts and its typings do not. */
const byName = (name: string, values: unknown[]) => ({ name, values }) as unknown as pg.QueryConfig;

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

  test('#13 a pool.connect callback that waited for a client another scope released queries in its own caller’s scope', async () => {
    const instrumentation = instrumentPg(pg);
    const pool = new pg.Pool({ ...postgres.config, max: 1 });
    try {
      const held = await pool.connect();
      const waiting = recordQueries(
        () =>
          new Promise<void>((resolve, reject) =>
            pool.connect((err, client, release) => {
              if (err || !client) return reject(err);
              client.query('SELECT 2 AS waiter', (queryError) => {
                release();
                return queryError ? reject(queryError) : resolve();
              });
            }),
          ),
      );
      // The holder releases the only client from its own scope: pg-pool calls the waiter back right there.
      const holder = await recordQueries(async () => {
        await held.query('SELECT 1 AS holder');
        held.release();
        await pool.query('SELECT 3 AS holder_again');
      });
      const waiter = await waiting;
      expect([shapes(holder), shapes(waiter)]).toEqual([['SELECT ? AS holder', 'SELECT ? AS holder_again'], ['SELECT ? AS waiter']]);
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

  test('#11.2 a QueryStream (pg-query-stream) is counted once and finishes with the stream, adding no listener', async () => {
    const instrumentation = instrumentPg(pg);
    try {
      let rows: unknown[] = [];
      let listeners: number[] = [];
      const result = await withClient((client) =>
        recordQueries(async () => {
          const stream = client.query(new QueryStream('SELECT id FROM items WHERE id <= $1 ORDER BY id', [3], { batchSize: 2 }));
          listeners = [stream.listenerCount('error'), stream.listenerCount('end')];
          rows = await stream.toArray();
        }),
      );
      expect(rows).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
      expect(listeners).toEqual([0, 0]);
      expect(shapes(result)).toEqual(['SELECT id FROM items WHERE id <= ? ORDER BY id']);
      // pg-cursor keeps its values as it will send them (text).
      expect(result.queries[0]).toMatchObject({ failed: false, values: ['3'], durationMs: expect.any(Number) });
    } finally {
      instrumentation.dispose();
    }
  });

  test('#11.2 a failing QueryStream fails as without perfgate and is recorded failed; its methods are restored', async () => {
    const bad = 'SELECT * FROM no_such_table';
    // A stream reports its query's error once read.
    const failure = (stream: QueryStream) => stream.toArray().catch((e: unknown) => e);
    const plain = await withClient((client) => failure(client.query(new QueryStream(bad))));
    const instrumentation = instrumentPg(pg);
    try {
      let stream: QueryStream | undefined;
      let instrumented: unknown;
      const result = await withClient((client) =>
        recordQueries(async () => {
          stream = client.query(new QueryStream(bad));
          instrumented = await failure(stream);
        }),
      );
      expect(observable(instrumented)).toEqual(observable(plain));
      expect(result.queries.map((q) => [q.shape, q.failed])).toEqual([['SELECT * FROM no_such_table', true]]);
      expect([Object.hasOwn(stream!, 'handleError'), Object.hasOwn(stream!, 'handleReadyForQuery')]).toEqual([true, true]);
      expect(stream!.handleError).toBe(Object.getOwnPropertyDescriptor(stream!, 'handleError')!.value);
      expect(stream!.handleError.name).toBe('bound handleError');
    } finally {
      instrumentation.dispose();
    }
  });

  test('#11.2 a submittable that keeps its text to itself is counted once, under its class name', async () => {
    /** The smallest custom submittable: sends one simple query and reports when the server is ready again. */
    class Ping {
      readonly done: Promise<void>;
      private settle!: (error?: unknown) => void;
      constructor() {
        this.done = new Promise((resolve, reject) => (this.settle = (error) => (error ? reject(error) : resolve())));
      }
      submit(connection: { query(text: string): void }) {
        connection.query('SELECT 1');
      }
      handleRowDescription() {}
      handleDataRow() {}
      handleCommandComplete() {}
      handleEmptyQuery() {}
      handleError(error: unknown) {
        this.settle(error);
      }
      handleReadyForQuery() {
        this.settle();
      }
    }
    const instrumentation = instrumentPg(pg);
    try {
      const result = await withClient((client) =>
        recordQueries(async () => {
          const ping = new Ping();
          expect(client.query(ping as unknown as pg.Query)).toBe(ping);
          await ping.done;
          expect(Object.keys(ping)).toEqual(['done', 'settle']);
        }),
      );
      expect(result.queries.map((q) => [q.shape, q.failed, typeof q.durationMs])).toEqual([['pg submittable Ping', false, 'number']]);
    } finally {
      instrumentation.dispose();
    }
  });

  test('#11.2 a named statement re-run by name alone is counted with the text of its first run, per client and per pool', async () => {
    const text = 'SELECT name FROM items WHERE id = $1';
    const instrumentation = instrumentPg(pg);
    const pool = new pg.Pool({ ...postgres.config, max: 1 });
    try {
      let rows: unknown[] = [];
      const result = await withClient((client) =>
        recordQueries(async () => {
          await client.query({ name: 'item-name', text, values: [1] });
          rows = (await client.query(byName('item-name', [3]))).rows;
          await pool.query({ name: 'pooled', text, values: [1] });
          await pool.query(byName('pooled', [2]));
          // Prepared on a checked-out client, re-run through the pool: the client it lands on names it.
          const checkedOut = await pool.connect();
          await checkedOut.query({ name: 'on-client', text, values: [1] });
          checkedOut.release();
          await pool.query(byName('on-client', [2]));
        }),
      );
      expect(rows).toEqual([{ name: 'c' }]);
      expect(result.queries.map((q) => [q.shape, q.values])).toEqual([
        ['SELECT name FROM items WHERE id = ?', [1]],
        ['SELECT name FROM items WHERE id = ?', [3]],
        ['SELECT name FROM items WHERE id = ?', [1]],
        ['SELECT name FROM items WHERE id = ?', [2]],
        ['SELECT name FROM items WHERE id = ?', [1]],
        ['SELECT name FROM items WHERE id = ?', [2]],
      ]);
    } finally {
      await pool.end();
      instrumentation.dispose();
    }
  });

  test('#11.2 a name-only statement the client never saw prepared is counted as EXECUTE "<name>", failing as pg fails it', async () => {
    // Two names: PGlite behind a socket is one session, where the first attempt leaves a statement behind.
    const attempt = (client: pg.Client, name: string) => client.query(byName(name, [1])).catch((e: unknown) => observable(e, name));
    const plain = await withClient((client) => attempt(client, 'never-prepared-plain'));
    const instrumentation = instrumentPg(pg);
    try {
      let instrumented: unknown;
      const result = await withClient((client) =>
        recordQueries(async () => {
          instrumented = await attempt(client, 'never-prepared');
        }),
      );
      expect(instrumented).toEqual(plain);
      expect(result.queries.map((q) => [q.shape, q.failed])).toEqual([['EXECUTE "never-prepared"', true]]);
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

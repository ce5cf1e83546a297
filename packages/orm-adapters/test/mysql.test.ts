import { findRepeatedStatements, recordQueries, type ScopeResult } from '@perfgate/core';
import { isPatched } from '@perfgate/core/adapter';
import knex from 'knex';
import mysql from 'mysql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instrumentKnex } from '../src/knex.js';
import { instrumentMysql } from '../src/mysql.js';
import { here } from './support/call-line.js';
import { mariadb, openMysql, type MysqlForTests } from './support/mysql.js';

function shapes(result: ScopeResult): string[] {
  return result.queries.map((q) => q.shape);
}

const callback = <T>(run: (done: (error: unknown, value?: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));

/** `mysql.createQuery`, which its typings do not declare: a query built before it is sent. */
const createQuery = (mysql as unknown as { createQuery(sql: string, callback: (error: unknown) => void): mysql.Query }).createQuery;

/** What a spec can observe of a mysql error: its fields and top frame. */
function observable(error: unknown) {
  const e = error as mysql.MysqlError;
  return { type: e.constructor.name, message: e.message, code: e.code, errno: e.errno, sqlState: e.sqlState, sql: e.sql, fatal: e.fatal, top: e.stack?.split('\n')[1]?.replace(/:\d+:\d+\)?$/, '') };
}

/** The prototypes perfgate patches, named as the adapter names them (from objects the module makes). */
const prototypes = () => ({
  connection: Object.getPrototypeOf(mysql.createConnection({})) as object,
  pool: Object.getPrototypeOf(mysql.createPool({})) as object,
  namespace: Object.getPrototypeOf(mysql.createPoolCluster().of('*')) as object,
});

test('instrumentMysql rejects what is not mysql', () => {
  expect(() => instrumentMysql({} as never)).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: instrumentMysql: expected the mysql module ('mysql', mysqljs); received an object.]`);
});

test('#16.2 instrumenting twice counts once; dispose restores the exact descriptors', () => {
  const { connection, pool, namespace } = prototypes();
  const own = () => [Object.getOwnPropertyDescriptor(connection, 'query'), Object.getOwnPropertyDescriptor(pool, 'query'), Object.getOwnPropertyDescriptor(pool, 'getConnection'), Object.getOwnPropertyDescriptor(namespace, 'query')];
  const before = own();
  const first = instrumentMysql(mysql);
  const second = instrumentMysql(mysql);
  expect([isPatched(connection, 'query'), isPatched(pool, 'query'), isPatched(pool, 'getConnection'), isPatched(namespace, 'query')]).toEqual([true, true, true, true]);
  first.dispose();
  expect(isPatched(connection, 'query')).toBe(true);
  second.dispose();
  expect(own()).toEqual(before);
});

describe.skipIf(mariadb.skip)(mariadb.title('instrumentMysql (mysqljs) on MariaDB'), () => {
  let database: MysqlForTests;
  let connection: mysql.Connection;

  beforeAll(async () => {
    database = await openMysql();
    connection = mysql.createConnection(database.url);
    await callback((done) => connection.query('CREATE TABLE items (id int PRIMARY KEY AUTO_INCREMENT, name varchar(20) NOT NULL)', done));
    await callback((done) => connection.query("INSERT INTO items (name) VALUES ('a'), ('b'), ('c')", done));
  });

  afterAll(async () => {
    if (connection) await callback((done) => connection.end(done));
    await database?.close();
  });

  test('#16.2 records every call form once: callbacks, options objects, prebuilt queries, events, transactions', async () => {
    const instrumentation = instrumentMysql(mysql);
    try {
      const result = await recordQueries(async () => {
        await callback((done) => connection.query('SELECT 1', done));
        await callback((done) => connection.query('SELECT * FROM items WHERE id = ?', [1], done));
        await callback((done) => connection.query({ sql: 'SELECT * FROM items WHERE name = ?', values: ['a'] }, done));
        await callback((done) => connection.query({ sql: 'SELECT * FROM items WHERE name = ?' }, ['b'], done));
        await callback((done) => connection.query(createQuery('SELECT 2', done)));
        await new Promise((resolve) => connection.query('SELECT 3').on('end', resolve));
        await callback((done) => connection.beginTransaction(done));
        await callback((done) => connection.query('UPDATE items SET name = name WHERE id = ?', 2, done));
        await callback((done) => connection.commit(done));
      });
      expect(shapes(result)).toEqual([
        'SELECT ?',
        'SELECT * FROM items WHERE id = ?',
        'SELECT * FROM items WHERE name = ?',
        'SELECT * FROM items WHERE name = ?',
        'SELECT ?',
        'SELECT ?',
        'START TRANSACTION',
        'UPDATE items SET name = name WHERE id = ?',
        'COMMIT',
      ]);
      expect(result.queries.map((q) => q.values)).toEqual([undefined, [1], ['a'], ['b'], undefined, undefined, undefined, [2], undefined]);
      expect(new Set(result.queries.map((q) => `${q.source}/${q.dialect}`))).toEqual(new Set(['mysql/mysql']));
      expect(result.queries.every((q) => q.durationMs !== undefined && !q.failed)).toBe(true);
    } finally {
      instrumentation.dispose();
    }
  });

  test('#16.2 a streamed query counts once and finishes with the stream', async () => {
    const instrumentation = instrumentMysql(mysql);
    try {
      const rows: unknown[] = [];
      const result = await recordQueries(async () => {
        // mysql's stream is an old-style Readable: events, not async iteration.
        await new Promise((resolve, reject) => {
          const stream = connection.query('SELECT id FROM items ORDER BY id').stream();
          stream.on('data', (row: object) => rows.push({ ...row }));
          stream.on('end', resolve);
          stream.on('error', reject);
        });
      });
      expect(rows).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
      expect(shapes(result)).toEqual(['SELECT id FROM items ORDER BY id']);
      expect(result.queries[0]!.durationMs).toBeDefined();
    } finally {
      instrumentation.dispose();
    }
  });

  test('#16.2 pool and PoolCluster queries count once, at the caller’s line, in the caller’s scope', async () => {
    const instrumentation = instrumentMysql(mysql);
    const pool = mysql.createPool(`${database.url}?connectionLimit=1` as unknown as mysql.PoolConfig); // a URL, which mysql accepts and its typings do not
    const cluster = mysql.createPoolCluster();
    cluster.add('primary', database.url as unknown as mysql.PoolConfig);
    try {
      const line = here(); const loadItem = (id: number) => callback((done) => pool.query('SELECT * FROM items WHERE id = ?', [id], done)); // prettier-ignore
      const result = await recordQueries(async () => {
        for (const id of [1, 2, 3]) await loadItem(id);
        await Promise.all([loadItem(1), loadItem(2)]);
        await callback((done) => cluster.of('*').query('SELECT name FROM items WHERE id = ?', [1], done));
        const pooled = await callback<mysql.PoolConnection>((done) => pool.getConnection(done));
        await callback((done) => pooled.query('SELECT 4', done));
        pooled.release();
      });
      expect(shapes(result)).toEqual([...Array(5).fill('SELECT * FROM items WHERE id = ?'), 'SELECT name FROM items WHERE id = ?', 'SELECT ?']);
      const { nPlusOne } = findRepeatedStatements(result.queries);
      expect(nPlusOne.map((f) => f.count)).toEqual([5]);
      expect(nPlusOne[0]!.callSites[0]).toMatchObject({ file: expect.stringMatching(/test\/mysql\.test\.ts$/), line });

      // The pool's one connection was opened in the scope above; a query nested in a callback lands in its caller's scope.
      const nested = await recordQueries(() => callback((done) => pool.query('SELECT 5', (error) => (error ? done(error) : pool.query('SELECT 6', done)))));
      expect(nested.queries.map((q) => q.sql)).toEqual(['SELECT 5', 'SELECT 6']);
    } finally {
      await callback((done) => pool.end(done));
      await callback((done) => cluster.end(done));
      instrumentation.dispose();
    }
  });

  test('#16.2 errors are the driver’s own: callback, event, stream, and an unhandled one still reaches the connection', async () => {
    const bad = 'SELECT * FROM no_such_table';
    /** The four ways a failing query reports, each on a fresh connection whose own 'error' event is watched. */
    async function failures(inScope: boolean) {
      const conn = mysql.createConnection(database.url);
      const reachedConnection = new Promise<unknown>((resolve) => conn.once('error', resolve));
      const run = async () => [
        await callback((done) => conn.query(bad, done)).catch((e: unknown) => e),
        await new Promise((resolve) => conn.query(bad).on('error', resolve)),
        await new Promise((resolve) => conn.query(bad).stream().on('error', resolve).resume()),
        (conn.query(bad), await reachedConnection),
      ];
      const errors = inScope ? await recordQueries(run) : { value: await run(), queries: [] };
      conn.destroy();
      return errors;
    }
    const plain = await failures(false);
    const instrumentation = instrumentMysql(mysql);
    try {
      const instrumented = await failures(true);
      expect(instrumented.value.map(observable)).toEqual(plain.value.map(observable));
      expect(instrumented.queries.map((q) => [q.shape, q.failed])).toEqual(Array(4).fill(['SELECT * FROM no_such_table', true]));
    } finally {
      instrumentation.dispose();
    }
  });

  test('#16.2 knex over mysql counts each statement once, labelled by knex', async () => {
    const handles = [instrumentMysql(mysql), instrumentKnex(knex)];
    const db = knex({ client: 'mysql', connection: database.url, pool: { min: 0, max: 1 } });
    try {
      const result = await recordQueries(async () => {
        await db('items').where({ id: 1 }).first();
        await db.raw('SELECT 1');
      });
      expect(result.queries.map((q) => [q.shape, q.source, q.label])).toEqual([
        ['SELECT * FROM `items` WHERE `id` = ? LIMIT ?', 'knex', 'items.first'],
        ['SELECT ?', 'knex', 'raw'],
      ]);
    } finally {
      await db.destroy();
      handles.forEach((handle) => handle.dispose());
    }
  });
});

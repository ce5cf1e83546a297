import { AsyncLocalStorage } from 'node:async_hooks';
import { fingerprintSql, findRepeatedStatements, recordQueries, type ScopeResult } from '@perfgate/core';
import { isPatched } from '@perfgate/core/adapter';
import fc from 'fast-check';
import mysql from 'mysql2';
import mysqlPromise from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instrumentMysql2 } from '../src/mysql2.js';
import { here } from './support/call-line.js';
import { mariadb, openMysql, type MysqlForTests } from './support/mysql.js';

function shapes(result: ScopeResult): string[] {
  return result.queries.map((q) => q.shape);
}

/** What a spec can observe of an error: its fields and top frame (one helper sends both the plain and the instrumented query). */
function observable(error: unknown) {
  const e = error as Error & { code?: unknown; errno?: unknown; sqlState?: unknown; sql?: unknown };
  return { type: e.constructor.name, message: e.message, code: e.code, errno: e.errno, sqlState: e.sqlState, sql: e.sql, stack: e.stack?.split('\n').slice(0, 2).join('\n') };
}

const callback = <T>(run: (done: (error: unknown, value?: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));

/** mysql2's classes its typings do not declare as values. */
const runtime = mysql as unknown as {
  readonly Pool: { readonly prototype: object };
  readonly PoolCluster: new () => { of(): object };
  createQuery(sql: string, values: unknown[], callback: (error: unknown) => void, config: object): mysql.Query;
};

/** The prototypes perfgate patches: the base connection, the base pool, a cluster namespace. */
const methods = () => ({
  connection: Object.getPrototypeOf(mysql.Connection.prototype) as object,
  pool: Object.getPrototypeOf(runtime.Pool.prototype) as object,
  namespace: Object.getPrototypeOf(new runtime.PoolCluster().of()) as object,
});

describe('mysql statement shapes', () => {
  // What mysql2's query() sends: values escaped into the text client-side. Its shape must be the placeholder statement's.
  test('a statement with values inlined by mysql2 has the shape of its `?` form (property)', () => {
    const sql = 'SELECT `o`.`id`, `o`.`total` FROM `orders` AS `o` WHERE `o`.`customer` = ? AND `o`.`id` IN (?) AND `o`.`total` > ? -- trailing';
    const shape = fingerprintSql(sql, 'mysql').shape;
    expect(shape).toBe('SELECT `o`.`id`, `o`.`total` FROM `orders` AS `o` WHERE `o`.`customer` = ? AND `o`.`id` IN (...) AND `o`.`total` > ?');
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer(), { minLength: 1, maxLength: 20 }), fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()), (customer, ids, total) => {
        expect(fingerprintSql(mysql.format(sql, [customer, ids, total]), 'mysql').shape).toBe(shape);
      }),
    );
  });

  test('`?` placeholders and backticks, as knex and mysql2 write them', () => {
    expect(fingerprintSql('insert into `order_items` (`order_id`, `sku`) values (?, ?), (?, ?)', 'mysql').shape).toBe('INSERT INTO `order_items` (`order_id`, `sku`) VALUES (?, ?)');
    expect(fingerprintSql('select * from `a``b` where `x` = ? limit ?', 'mysql').shape).toBe('SELECT * FROM `a``b` WHERE `x` = ? LIMIT ?');
    expect(fingerprintSql("SELECT 'it\\'s' # comment", 'mysql').shape).toBe('SELECT ?');
  });
});

test('instrumentMysql2 rejects what is not mysql2', () => {
  expect(() => instrumentMysql2({} as never)).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: instrumentMysql2: expected the mysql2 module ('mysql2' or 'mysql2/promise'); received an object.]`);
});

describe.skipIf(mariadb.skip)(mariadb.title('instrumentMysql2 on MariaDB'), () => {
  let database: MysqlForTests;
  let connection: mysqlPromise.Connection;

  beforeAll(async () => {
    database = await openMysql();
    connection = await mysqlPromise.createConnection(database.url);
    await connection.query('CREATE TABLE items (id int PRIMARY KEY AUTO_INCREMENT, name varchar(20) NOT NULL)');
    await connection.query("INSERT INTO items (name) VALUES ('a'), ('b'), ('c')");
  });

  afterAll(async () => {
    await connection?.end();
    await database?.close();
  });

  test('records every call form of query and execute once, callback and promise APIs', async () => {
    const instrumentation = instrumentMysql2(mysql);
    const core = mysql.createConnection(database.url);
    try {
      const result = await recordQueries(async () => {
        await callback((done) => core.query('SELECT 1', done));
        await callback((done) => core.query('SELECT * FROM items WHERE id = ?', [1], done));
        await callback((done) => core.query({ sql: 'SELECT * FROM items WHERE name = ?', values: ['a'] }, done));
        await callback((done) => core.query({ sql: 'SELECT * FROM items WHERE name = ?' }, ['b'], done));
        await callback((done) => core.query({ sql: 'SELECT * FROM items WHERE id = :id', namedPlaceholders: true }, { id: 2 }, done));
        await callback((done) => core.execute('SELECT * FROM items WHERE id = ?', [3], done));
        await callback((done) => core.execute({ sql: 'SELECT * FROM items WHERE name = ?', values: ['c'] }, done));
        await callback((done) => core.query(runtime.createQuery('SELECT 2', [], done, {})));
        await new Promise((resolve) => core.query('SELECT 3').on('end', resolve));
        await connection.query('SELECT * FROM items WHERE id = ?', [1]);
        await connection.execute('UPDATE items SET name = name WHERE id = ?', [1]);
      });
      expect(shapes(result)).toEqual([
        'SELECT ?',
        'SELECT * FROM items WHERE id = ?',
        'SELECT * FROM items WHERE name = ?',
        'SELECT * FROM items WHERE name = ?',
        'SELECT * FROM items WHERE id = ?',
        'SELECT * FROM items WHERE id = ?',
        'SELECT * FROM items WHERE name = ?',
        'SELECT ?',
        'SELECT ?',
        'SELECT * FROM items WHERE id = ?',
        'UPDATE items SET name = name WHERE id = ?',
      ]);
      expect(result.queries.map((q) => q.values)).toEqual([undefined, [1], ['a'], ['b'], [{ id: 2 }], [3], ['c'], [], undefined, [1], [1]]);
      expect(new Set(result.queries.map((q) => `${q.source}/${q.dialect}`))).toEqual(new Set(['mysql2/mysql']));
      expect(result.queries.every((q) => q.durationMs !== undefined && !q.failed)).toBe(true);
    } finally {
      core.end();
      instrumentation.dispose();
    }
  });

  test('mysql2/promise is covered by patching the callback classes it wraps', async () => {
    const instrumentation = instrumentMysql2(mysqlPromise);
    try {
      const { connection: base } = methods();
      expect(['query', 'execute', 'addCommand'].map((name) => isPatched(base, name))).toEqual([true, true, true]);
      const result = await recordQueries(() => connection.query('SELECT 1'));
      expect(result.queries.map((q) => q.source)).toEqual(['mysql2']);
    } finally {
      instrumentation.dispose();
    }
  });

  test('transactions record START TRANSACTION and COMMIT or ROLLBACK', async () => {
    const instrumentation = instrumentMysql2(mysql);
    const core = mysql.createConnection(database.url);
    try {
      const result = await recordQueries(async () => {
        await connection.beginTransaction();
        await connection.query("INSERT INTO items (name) VALUES ('tx')");
        await connection.commit();
        await callback((done) => core.beginTransaction(done));
        await callback((done) => core.query("DELETE FROM items WHERE name = 'tx'", done));
        await callback((done) => core.rollback(done));
      });
      expect(shapes(result)).toEqual(['START TRANSACTION', 'INSERT INTO items (name) VALUES (?)', 'COMMIT', 'START TRANSACTION', 'DELETE FROM items WHERE name = ?', 'ROLLBACK']);
      expect(result.queries.filter((q) => q.fingerprint.transactionControl)).toHaveLength(4);
      const [rows] = await connection.query("SELECT id FROM items WHERE name = 'tx'");
      expect(rows).toHaveLength(1);
    } finally {
      core.end();
      instrumentation.dispose();
    }
  });

  test('prepared statements count one query per execute; the prepare is not a query', async () => {
    const instrumentation = instrumentMysql2(mysql);
    const core = mysql.createConnection(database.url);
    try {
      const result = await recordQueries(async () => {
        for (const id of [1, 2, 3]) await connection.execute('SELECT name FROM items WHERE id = ?', [id]);
        const statement = await connection.prepare('SELECT id FROM items WHERE name = ?');
        await statement.execute(['a']);
        await statement.execute(['b']);
        await statement.close();
        const coreStatement = await callback<mysql.PrepareStatementInfo>((done) => core.prepare('SELECT 1 + ? AS n', done));
        await callback((done) => coreStatement.execute([1], done));
      });
      expect(shapes(result)).toEqual([
        'SELECT name FROM items WHERE id = ?',
        'SELECT name FROM items WHERE id = ?',
        'SELECT name FROM items WHERE id = ?',
        'SELECT id FROM items WHERE name = ?',
        'SELECT id FROM items WHERE name = ?',
        'SELECT ? + ? AS n',
      ]);
      expect(result.queries.map((q) => q.values)).toEqual([[1], [2], [3], ['a'], ['b'], [1]]);
    } finally {
      core.end();
      instrumentation.dispose();
    }
  });

  test('a streamed query counts once', async () => {
    const instrumentation = instrumentMysql2(mysql);
    const core = mysql.createConnection(database.url);
    const [all] = await connection.query<mysqlPromise.RowDataPacket[]>('SELECT id FROM items');
    try {
      let rows = 0;
      const result = await recordQueries(
        () =>
          new Promise<void>((resolve, reject) => {
            const stream = core.query('SELECT * FROM items ORDER BY id').stream();
            stream.on('data', () => rows++);
            stream.on('end', resolve);
            stream.on('error', reject);
          }),
      );
      expect(rows).toBe(all.length);
      expect(shapes(result)).toEqual(['SELECT * FROM items ORDER BY id']);
      expect(result.queries[0]!.durationMs).toBeDefined();
    } finally {
      core.end();
      instrumentation.dispose();
    }
  });

  test('a failed query is recorded as failed; errors are mysql2’s own, thrown from its frames', async () => {
    const core = mysql.createConnection(database.url);
    const failPromise = (c: mysqlPromise.Connection) => c.query('SELECT * FROM no_such_table WHERE id = ?', [1]).catch((e: unknown) => e);
    const failCallback = (c: mysql.Connection) => new Promise((resolve) => c.execute('SELECT * FROM no_such_table WHERE id = ?', [1], resolve));
    const failSync = (c: mysql.Connection) => {
      try {
        c.execute('SELECT ?', [undefined] as unknown as string[]);
      } catch (error) {
        return error;
      }
    };
    const plain = [await failPromise(connection), await failCallback(core), failSync(core)];
    const instrumentation = instrumentMysql2(mysql);
    try {
      let instrumented: unknown[] = [];
      const result = await recordQueries(async () => {
        instrumented = [await failPromise(connection), await failCallback(core), failSync(core)];
      });
      expect(instrumented.map(observable)).toEqual(plain.map(observable));
      expect(observable(instrumented[2]).stack).toMatch(/node_modules[\\/]mysql2[\\/]lib[\\/]base[\\/]connection\.js/);
      expect(result.queries.map((q) => q.failed)).toEqual([true, true, true]);
    } finally {
      core.end();
      instrumentation.dispose();
    }
  });

  test('pool queries count once and name the caller’s line, though the pool sends them from a callback', async () => {
    const instrumentation = instrumentMysql2(mysql);
    const pool = mysqlPromise.createPool({ uri: database.url, connectionLimit: 2 });
    const callbackPool = mysql.createPool({ uri: database.url, connectionLimit: 2 });
    try {
      let line = 0;
      const result = await recordQueries(async () => {
        line = here(); for (const id of [1, 2, 3, 1]) await pool.query('SELECT name FROM items WHERE id = ?', [id]); // prettier-ignore
        await Promise.all([pool.execute('SELECT id FROM items WHERE id = ?', [2]), pool.execute('SELECT id FROM items WHERE id = ?', [3])]);
        await callback((done) => callbackPool.query('SELECT 1 AS a', done));
        await callback((done) => callbackPool.execute('SELECT 2 AS b', done));
        await new Promise((resolve) => callbackPool.query('SELECT 3 AS c').on('end', resolve));
        const pooled = await pool.getConnection();
        await pooled.query('SELECT 4 AS d');
        pooled.release();
      });
      expect(shapes(result)).toEqual([...Array(4).fill('SELECT name FROM items WHERE id = ?'), ...Array(2).fill('SELECT id FROM items WHERE id = ?'), 'SELECT ? AS a', 'SELECT ? AS b', 'SELECT ? AS c', 'SELECT ? AS d']);
      const { nPlusOne } = findRepeatedStatements(result.queries);
      expect(nPlusOne).toHaveLength(1);
      expect(nPlusOne[0]!.count).toBe(4);
      expect(nPlusOne[0]!.callSites[0]).toMatchObject({ file: expect.stringMatching(/test\/mysql2\.test\.ts$/), line });
    } finally {
      await pool.end();
      await new Promise((resolve) => callbackPool.end(resolve));
      instrumentation.dispose();
    }
  });

  test('a PoolCluster namespace’s queries count once, at the caller’s line', async () => {
    const instrumentation = instrumentMysql2(mysql);
    const cluster = mysql.createPoolCluster();
    cluster.add('primary', { uri: database.url, connectionLimit: 2 });
    try {
      let line = 0;
      const result = await recordQueries(async () => {
        line = here(); for (const id of [1, 2, 3]) await callback((done) => cluster.of('*').query('SELECT name FROM items WHERE id = ?', [id], done)); // prettier-ignore
        await callback((done) => cluster.of('*').execute('SELECT 1', [], done));
      });
      expect(shapes(result)).toEqual([...Array(3).fill('SELECT name FROM items WHERE id = ?'), 'SELECT ?']);
      expect(findRepeatedStatements(result.queries).nPlusOne[0]!.callSites[0]).toMatchObject({ file: expect.stringMatching(/test\/mysql2\.test\.ts$/), line });
    } finally {
      await new Promise((resolve) => cluster.end(resolve));
      instrumentation.dispose();
    }
  });

  test('a query issued from a callback belongs to the caller’s scope, not the one that opened the connection', async () => {
    const core = mysql.createConnection(database.url);
    await callback((done) => core.query('SELECT 0', done)); // connected outside any scope
    const instrumentation = instrumentMysql2(mysql);
    try {
      const result = await recordQueries(() => callback((done) => core.query('SELECT 1', (error) => (error ? done(error) : core.query('SELECT 2', done)))));
      expect(result.queries.map((q) => q.sql)).toEqual(['SELECT 1', 'SELECT 2']);
    } finally {
      core.end();
      instrumentation.dispose();
    }
  });

  test("the app's own AsyncLocalStorage reads in a callback what it reads without perfgate: the driver's context, not the caller's", async () => {
    const app = new AsyncLocalStorage<string>();
    const core = app.run('where the connection opened', () => mysql.createConnection(database.url));
    await callback((done) => core.query('SELECT 0', done));
    const storeInCallback = () => app.run('the caller', () => callback<string | undefined>((done) => core.query('SELECT 1', (error) => done(error, app.getStore()))));
    const without = await storeInCallback();
    const instrumentation = instrumentMysql2(mysql);
    try {
      const scoped = await recordQueries(storeInCallback);
      expect(scoped.count).toBe(1);
      expect(scoped.value).toBe(without);
      expect(await storeInCallback()).toBe(without);
    } finally {
      core.end();
      instrumentation.dispose();
    }
  });

  test('outside a scope nothing is recorded and results are unchanged', async () => {
    const [plain] = await connection.query('SELECT name FROM items ORDER BY id');
    const instrumentation = instrumentMysql2(mysql);
    try {
      const [rows] = await connection.query('SELECT name FROM items ORDER BY id');
      expect(rows).toEqual(plain);
    } finally {
      instrumentation.dispose();
    }
  });

  test('instrumenting twice counts once; dispose restores the exact methods', async () => {
    const { connection: base, pool, namespace } = methods();
    const names = { base: ['query', 'execute', 'addCommand'], pool: ['query', 'execute', 'getConnection'], namespace: ['query', 'execute'] };
    const own = () => [
      ...names.base.map((n) => Object.getOwnPropertyDescriptor(base, n)),
      ...names.pool.map((n) => Object.getOwnPropertyDescriptor(pool, n)),
      ...names.namespace.map((n) => Object.getOwnPropertyDescriptor(namespace, n)),
    ];
    const before = own();
    const first = instrumentMysql2(mysql);
    const second = instrumentMysql2(mysqlPromise);
    try {
      expect(own().every((descriptor, i) => descriptor?.value !== before[i]?.value)).toBe(true);
      expect((await recordQueries(() => connection.query('SELECT 1'))).count).toBe(1);
      first.dispose();
      first.dispose(); // idempotent: the second handle still holds the patch
      expect((await recordQueries(() => connection.query('SELECT 1'))).count).toBe(1);
    } finally {
      first.dispose();
      second.dispose();
    }
    expect(own()).toEqual(before);
    expect((await recordQueries(() => connection.query('SELECT 1'))).count).toBe(0);
  });
});

import { PGlite } from '@electric-sql/pglite';
import { findRepeatedStatements, recordQueries, type Instrumentation, type ScopeResult } from '@perfgate/core';
import { perfgateMatchers } from '@perfgate/core/matchers';
import fc from 'fast-check';
import knex, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';
import mysql from 'mysql2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instrumentKnex } from '../src/knex.js';
import { instrumentMysql2 } from '../src/mysql2.js';
import { instrumentPg } from '../src/pg.js';
import { instrumentPGlite } from '../src/pglite.js';
import { here } from './support/call-line.js';
import { mariadb, openMysql } from './support/mysql.js';
import { openPostgres } from './support/postgres.js';

expect.extend(perfgateMatchers);

/** A database knex can reach, and the driver adapter for the driver knex uses there. */
interface KnexBackend {
  /** A new knex instance (a cold pool) on this file's database. */
  connect(): Knex;
  close(): Promise<void>;
  readonly dialect: 'postgres' | 'mysql';
  instrumentDriver(): Instrumentation;
  readonly driverSource: string;
}

type Open = () => Promise<KnexBackend>;

const openPglite: Open = async () => {
  // knex-pglite closes its PGlite when the knex instance is destroyed: one database per instance, kept until the file ends.
  const databases: PGlite[] = [];
  return {
    connect() {
      const lite = new PGlite();
      databases.push(lite);
      return knex({ client: ClientPGLite, connection: { pglite: lite } as Knex.StaticConnectionConfig });
    },
    close: async () => void (await Promise.all(databases.filter((db) => !db.closed).map((db) => db.close()))),
    dialect: 'postgres',
    instrumentDriver: () => instrumentPGlite(PGlite),
    driverSource: 'pglite',
  };
};

const openPg: Open = async () => {
  const postgres = await openPostgres();
  return {
    connect: () => knex({ client: 'pg', connection: postgres.config as Knex.PgConnectionConfig, pool: { min: 0, max: 4 } }),
    close: () => postgres.close(),
    dialect: 'postgres',
    instrumentDriver: () => instrumentPg(pg),
    driverSource: 'pg',
  };
};

const openMysql2: Open = async () => {
  const database = await openMysql();
  return {
    connect: () => knex({ client: 'mysql2', connection: database.url, pool: { min: 0, max: 4 } }),
    close: () => database.close(),
    dialect: 'mysql',
    instrumentDriver: () => instrumentMysql2(mysql),
    driverSource: 'mysql2',
  };
};

/** What a spec can observe of an error (the same helper sends both the plain and the instrumented query, so stacks compare whole). */
function observable(error: unknown) {
  const e = error as Error & { code?: unknown; errno?: unknown };
  return { type: e.constructor.name, message: e.message, code: e.code, errno: e.errno, stack: e.stack?.split('\n').slice(0, 3).join('\n') };
}

function labels(result: ScopeResult): Array<string | undefined> {
  return result.queries.map((q) => (q.fingerprint.transactionControl ? q.shape : q.label));
}

/** One of each builder call form; the labels it records. */
async function everyForm(db: Knex): Promise<void> {
  await db('orders').insert({ customer: 'ada', total: 1 });
  await db('order_items').insert([{ order_id: 1, sku: 'a' }, { order_id: 1, sku: 'b' }]);
  await db('orders').where({ customer: 'ada' });
  await db('orders').where({ id: 1 }).first();
  await db('orders').pluck('id');
  await db('orders as o').count('* as n');
  await db('orders').countDistinct('customer').first();
  await db('orders').max('total');
  await db('orders').where({ id: 1 }).update({ total: 2 });
  await db('orders').where({ id: -1 }).del();
  await db.raw('select 1 as one');
  await db.select(db.raw('2 as two'));
}
const EVERY_FORM = [
  'orders.insert', 'order_items.insert', 'orders.select', 'orders.first', 'orders.pluck', 'orders.count', 'orders.countDistinct', 'orders.max',
  'orders.update', 'orders.del', 'raw', 'select',
];

function consume(stream: NodeJS.ReadableStream): Promise<number> {
  let rows = 0;
  return new Promise((resolve, reject) => {
    stream.on('data', () => rows++);
    stream.on('end', () => resolve(rows));
    stream.on('error', reject);
  });
}

function knexSuite(title: string, open: Open, skip = false): void {
  describe.skipIf(skip)(title, () => {
    let backend: KnexBackend;
    let db: Knex;

    beforeAll(async () => {
      backend = await open();
      db = backend.connect();
      await db.schema.createTable('orders', (t) => {
        t.increments('id');
        t.string('customer', 40).notNullable();
        t.integer('total').notNullable();
      });
      await db.schema.createTable('order_items', (t) => {
        t.increments('id');
        t.integer('order_id').notNullable();
        t.string('sku', 40).notNullable();
      });
      await db('orders').insert([{ customer: 'seed', total: 0 }, { customer: 'seed', total: 0 }, { customer: 'seed', total: 0 }]);
    });

    afterAll(async () => {
      await db?.destroy();
      await backend?.close();
    });

    test('#16.10 records each builder call once, labelled <table>.<method> (count, max… included), with knex’s dialect', async () => {
      const instrumentation = instrumentKnex(knex);
      try {
        const result = await recordQueries(() => everyForm(db));
        expect(result.queries.map((q) => q.label)).toEqual(EVERY_FORM);
        expect(result.queries.map((q) => q.kind)).toEqual(['insert', 'insert', 'select', 'select', 'select', 'select', 'select', 'select', 'update', 'delete', 'select', 'select']);
        expect(new Set(result.queries.map((q) => `${q.source}/${q.dialect}`))).toEqual(new Set([`knex/${backend.dialect}`]));
        expect(result.queries[3]!.values).toEqual([1, 1]);
        expect(result.queries[3]!.shape).toBe(backend.dialect === 'mysql' ? 'SELECT * FROM `orders` WHERE `id` = ? LIMIT ?' : 'SELECT * FROM "orders" WHERE "id" = ? LIMIT ?');
        expect(result.queries.every((q) => q.durationMs !== undefined && !q.failed)).toBe(true);
      } finally {
        instrumentation.dispose();
      }
    });

    test('counts each statement once with the driver adapter instrumented too', async () => {
      const driverOnly = backend.instrumentDriver();
      const alone = await recordQueries(() => everyForm(db)).finally(() => driverOnly.dispose());
      expect(alone.count).toBe(EVERY_FORM.length);
      expect(new Set(alone.queries.map((q) => q.source))).toEqual(new Set([backend.driverSource]));

      const layers = [instrumentKnex(knex), backend.instrumentDriver()];
      try {
        const both = await recordQueries(() => everyForm(db));
        expect(both.queries.map((q) => q.label)).toEqual(EVERY_FORM);
        expect(new Set(both.queries.map((q) => q.source))).toEqual(new Set(['knex']));
        expect(both.queries.map((q) => q.shape)).toEqual(alone.queries.map((q) => q.shape));
      } finally {
        layers.forEach((layer) => layer.dispose());
      }
    });

    test('exactly once with both layers, for any sequence of reads, writes, raw queries and transactions (property)', async () => {
      const step = fc.constantFrom('select', 'first', 'insert', 'raw', 'transaction', 'stream');
      const layers = [instrumentKnex(knex), backend.instrumentDriver()];
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
            const result = await recordQueries(async () => {
              for (const s of steps) {
                if (s === 'select') await db('orders').where('total', '>=', 0);
                if (s === 'first') await db('orders').where({ id: 2 }).first();
                if (s === 'insert') await db('order_items').insert({ order_id: 2, sku: 'p' });
                if (s === 'raw') await db.raw('select ? as x', [s.length]);
                if (s === 'transaction') await db.transaction(async (trx) => void (await trx('orders').where({ id: 3 }).first()));
                if (s === 'stream') await consume(db('orders').select('id').stream());
              }
            });
            const expected = steps.reduce((n, s) => n + (s === 'transaction' ? 3 : 1), 0);
            expect(result.count).toBe(expected);
          }),
          { numRuns: 15 },
        );
      } finally {
        layers.forEach((layer) => layer.dispose());
      }
    });

    test('a cold pool’s connection setup (version check, search_path) is not counted', async () => {
      const layers = [instrumentKnex(knex), backend.instrumentDriver()];
      const cold = backend.connect();
      try {
        const result = await recordQueries(() => cold.raw('select 1 as one'));
        expect(result.queries.map((q) => q.label)).toEqual(['raw']);
      } finally {
        await cold.destroy();
        layers.forEach((layer) => layer.dispose());
      }
    });

    test('transactions record their BEGIN and COMMIT, or ROLLBACK; nested ones their savepoints', async () => {
      const instrumentation = instrumentKnex(knex);
      const failure = new Error('boom');
      try {
        const result = await recordQueries(async () => {
          await db.transaction(async (trx) => {
            await trx('orders').insert({ customer: 'tx', total: 1 });
            await trx('orders').where({ customer: 'tx' }).first();
          });
          const thrown = await db.transaction(async (trx) => {
            await trx('orders').insert({ customer: 'thrown', total: 1 });
            throw failure;
          }).catch((e: unknown) => e);
          expect(thrown).toBe(failure);
          await db.transaction(async (trx) => {
            await trx('orders').insert({ customer: 'rolled-back', total: 1 });
            await trx.rollback(failure);
          }).catch((e: unknown) => e);
          await db.transaction(async (trx) => {
            await trx.transaction(async (inner) => void (await inner('orders').select('id')));
          });
        });
        expect(labels(result)).toEqual([
          'BEGIN', 'orders.insert', 'orders.first', 'COMMIT',
          'BEGIN', 'orders.insert', 'ROLLBACK',
          'BEGIN', 'orders.insert', 'ROLLBACK',
          'BEGIN', expect.stringMatching(/^SAVEPOINT trx\d+$/), 'orders.select', expect.stringMatching(/^RELEASE SAVEPOINT trx\d+$/), 'COMMIT',
        ]);
        expect(await db('orders').whereIn('customer', ['thrown', 'rolled-back']).select('id')).toEqual([]);
      } finally {
        instrumentation.dispose();
      }
    });

    test('a failed query is recorded as failed; the error is the one knex gives without perfgate', async () => {
      const failing = (k: Knex) => k('no_such_table').where({ id: 1 }).catch((e: unknown) => e);
      const plain = await failing(db);
      const layers = [instrumentKnex(knex), backend.instrumentDriver()];
      try {
        let instrumented: unknown;
        const result = await recordQueries(async () => {
          instrumented = await failing(db);
        });
        expect(observable(instrumented)).toEqual(observable(plain));
        expect(result.queries.map((q) => [q.label, q.failed])).toEqual([['no_such_table.select', true]]);
      } finally {
        layers.forEach((layer) => layer.dispose());
      }
    });

    test('streams count once, with or without a handler', async () => {
      const layers = [instrumentKnex(knex), backend.instrumentDriver()];
      try {
        let rows = 0;
        const result = await recordQueries(async () => {
          rows += await consume(db('orders').where({ customer: 'seed' }).stream());
          await db('orders').where({ customer: 'seed' }).stream(async (stream) => void (rows += await consume(stream)));
        });
        expect(rows).toBe(6);
        expect(result.queries.map((q) => q.label)).toEqual(['orders.select', 'orders.select']);
        expect(result.queries.every((q) => q.durationMs !== undefined)).toBe(true);
      } finally {
        layers.forEach((layer) => layer.dispose());
      }
    });

    test('an N+1 through knex names the line in the test that awaited the builder', async () => {
      const layers = [instrumentKnex(knex), backend.instrumentDriver()];
      try {
        let line = 0;
        const result = await recordQueries(async () => {
          const orders = await db('orders').where({ customer: 'seed' }).select('id');
          line = here(); for (const { id } of orders) await db('order_items').where({ order_id: id }).first(); // prettier-ignore
        });
        const { nPlusOne } = findRepeatedStatements(result.queries);
        expect(nPlusOne).toHaveLength(1);
        expect(nPlusOne[0]!.first.label).toBe('order_items.first');
        expect(nPlusOne[0]!.callSites[0]).toMatchObject({ file: expect.stringMatching(/test\/knex\.test\.ts$/), line });
        await expect(result).not.toHaveNoNPlusOne();
      } finally {
        layers.forEach((layer) => layer.dispose());
      }
    });

    test('migrations run in a scope are recorded like any builder, lock table included', async () => {
      const instrumentation = instrumentKnex(knex);
      const migrationSource: Knex.MigrationSource<string> = {
        getMigrations: async () => ['001_add_notes'],
        getMigrationName: (name) => name,
        getMigration: async () => ({
          up: (k: Knex) => k.schema.createTable('notes', (t) => void t.increments('id')),
          down: (k: Knex) => k.schema.dropTable('notes'),
        }),
      };
      try {
        const result = await recordQueries(() => db.migrate.latest({ migrationSource }));
        expect(result.queries.every((q) => q.source === 'knex')).toBe(true);
        expect(new Set(labels(result))).toEqual(
          new Set([
            'knex_migrations.hasTable', 'knex_migrations.createTable', 'knex_migrations.select', 'knex_migrations.max', 'knex_migrations.insert',
            'knex_migrations_lock.hasTable', 'knex_migrations_lock.createTable', 'knex_migrations_lock.select', 'knex_migrations_lock.insert', 'knex_migrations_lock.update',
            'notes.createTable', 'BEGIN', 'COMMIT',
          ]),
        );
      } finally {
        instrumentation.dispose();
      }
    });

    test('outside a scope nothing is recorded and results are unchanged', async () => {
      const plain = await db('orders').select('id', 'customer').orderBy('id');
      const instrumentation = instrumentKnex(knex);
      try {
        expect(await db('orders').select('id', 'customer').orderBy('id')).toEqual(plain);
      } finally {
        instrumentation.dispose();
      }
      const inScope = await recordQueries(() => db('orders').select('id', 'customer').orderBy('id'));
      expect(inScope.value).toEqual(plain);
      expect(inScope.count).toBe(0);
    });

    test('instrumenting twice (module and instance) counts once; dispose restores the exact methods', async () => {
      const client = knex.Client.prototype;
      const runner = Object.getPrototypeOf(db.client.runner(db('orders'))) as object;
      const own = () => ({
        query: Object.getOwnPropertyDescriptor(client, 'query'),
        stream: Object.getOwnPropertyDescriptor(client, 'stream'),
        acquireConnection: Object.getOwnPropertyDescriptor(client, 'acquireConnection'),
        ensureConnection: Object.getOwnPropertyDescriptor(runner, 'ensureConnection'),
      });
      const before = own();
      const first = instrumentKnex(knex);
      const second = instrumentKnex(db);
      try {
        expect(own()).not.toEqual(before);
        expect((await recordQueries(() => db('orders').first())).count).toBe(1);
        first.dispose();
        first.dispose(); // idempotent: the second handle still holds the patch
        expect((await recordQueries(() => db('orders').first())).count).toBe(1);
      } finally {
        first.dispose();
        second.dispose();
      }
      expect(own()).toEqual(before);
      expect((await recordQueries(() => db('orders').first())).count).toBe(0);
    });
  });
}

knexSuite('instrumentKnex over knex-pglite', openPglite);
knexSuite(`instrumentKnex over pg (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite over a socket'})`, openPg);
knexSuite(mariadb.title('instrumentKnex over mysql2 on MariaDB'), openMysql2, mariadb.skip);

test('instrumentKnex rejects what is not knex', () => {
  expect(() => instrumentKnex({} as never)).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: instrumentKnex: expected the knex module or a knex instance; received an object.]`);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { instrumentHttpServers, newTraceId, takeScopes, type Instrumentation } from '@perfgate/core';
import { perfgateMatchers } from '@perfgate/core/matchers';
import express from 'express';
import fc from 'fast-check';
import knex, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';
import mysqlCallbacks from 'mysql2';
import mysql from 'mysql2/promise';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instrumentKnex } from '../src/knex.js';
import { instrumentMysql2 } from '../src/mysql2.js';
import { instrumentPg } from '../src/pg.js';
import { instrumentPGlite } from '../src/pglite.js';
import { mariadb, openMysql, type MysqlForTests } from './support/mysql.js';
import { openPostgres, type PostgresForTests } from './support/postgres.js';

expect.extend(perfgateMatchers);

interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The two statements a request sends, each with the request's id as its first parameter, in the driver's placeholder style. */
interface Statements {
  readonly step: string;
  readonly fanned: string;
}

const NUMBERED: Statements = { step: 'SELECT $1::text AS request_id, $2::int AS step', fanned: 'SELECT $1::text AS request_id, $2::int AS fanned' };
const KNEX_POSTGRES: Statements = { step: 'SELECT ?::text AS request_id, ?::int AS step', fanned: 'SELECT ?::text AS request_id, ?::int AS fanned' };
const QUESTION_MARKS: Statements = { step: 'SELECT ? AS request_id, ? AS step', fanned: 'SELECT ? AS request_id, ? AS fanned' };

/** knex.raw as a Queryable: the builder runs when the handler awaits it. */
const rawQueries = (db: Knex): Queryable => ({ query: async (text, values = []) => await db.raw(text, values as Knex.RawBinding[]) });

/**
 * GET /work/:id/:n issues n queries, each carrying the request's id as a
 * parameter: half one after another with a yield between, half fanned out
 * with Promise.all, as handlers do.
 */
function workApp(db: Queryable, sql: Statements = NUMBERED): Server {
  const app = express();
  app.get('/work/:id/:n', async (req, res) => {
    const n = Number(req.params.n);
    const sequential = Math.ceil(n / 2);
    for (let i = 0; i < sequential; i++) {
      await tick();
      await db.query(sql.step, [req.params.id, i]);
    }
    await Promise.all(Array.from({ length: n - sequential }, (_, i) => db.query(sql.fanned, [req.params.id, i])));
    res.json({ n });
  });
  return createServer(app);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** 50 concurrent requests with different query counts: each scope holds exactly its own queries. */
async function checkAttribution(baseUrl: string): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 50, maxLength: 50 }), async (counts) => {
      await Promise.all(
        counts.map(async (n, id) => {
          const traceId = newTraceId();
          const req = request(baseUrl).get(`/work/r${id}/${n}`).set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`);
          await expect(req).toIssueExactly(n);
        }),
      );
    }),
    { numRuns: 3 },
  );
}

/** The same run, reading the scopes directly: every recorded query carries its own request's id. */
async function checkNoLeak(baseUrl: string): Promise<void> {
  const counts = Array.from({ length: 50 }, (_, i) => i % 7);
  await Promise.all(
    counts.map(async (n, id) => {
      const traceId = newTraceId();
      await request(baseUrl).get(`/work/r${id}/${n}`).set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`);
      const [scope, ...others] = takeScopes(traceId);
      expect(others).toHaveLength(0);
      expect(scope!.queries.map((q) => q.values?.[0])).toEqual(Array.from({ length: n }, () => `r${id}`));
      expect(scope!.queries.every((q) => q.traceId === traceId)).toBe(true);
    }),
  );
}

let http: Instrumentation;
beforeAll(() => {
  http = instrumentHttpServers();
});
afterAll(() => http.dispose());

describe(`pg pool (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite over a socket'})`, () => {
  let postgres: PostgresForTests;
  let pool: pg.Pool;
  let server: Server;
  let baseUrl: string;
  let instrumentation: Instrumentation;

  beforeAll(async () => {
    postgres = await openPostgres();
    instrumentation = instrumentPg(pg);
    // Fewer connections than requests: most queries wait in the pool's queue.
    pool = new pg.Pool({ ...postgres.config, max: 4 });
    server = workApp(pool);
    baseUrl = await listen(server);
  });

  afterAll(async () => {
    server.close();
    await pool.end();
    instrumentation.dispose();
    await postgres.close();
  });

  test('50 concurrent requests are each attributed exactly (property)', () => checkAttribution(baseUrl));
  test('no query lands in another request’s scope', () => checkNoLeak(baseUrl));
});

describe('PGlite', () => {
  let db: PGlite;
  let server: Server;
  let baseUrl: string;
  let instrumentation: Instrumentation;

  beforeAll(async () => {
    db = await PGlite.create();
    instrumentation = instrumentPGlite(PGlite);
    server = workApp(db);
    baseUrl = await listen(server);
  });

  afterAll(async () => {
    server.close();
    instrumentation.dispose();
    await db.close();
  });

  test('50 concurrent requests are each attributed exactly (property)', () => checkAttribution(baseUrl));
  test('no query lands in another request’s scope', () => checkNoLeak(baseUrl));
});

describe(`knex pool over pg, pg instrumented too (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite over a socket'})`, () => {
  let postgres: PostgresForTests;
  let db: Knex;
  let server: Server;
  let baseUrl: string;
  let instrumentations: Instrumentation[];

  beforeAll(async () => {
    postgres = await openPostgres();
    instrumentations = [instrumentKnex(knex), instrumentPg(pg)];
    // Fewer connections than requests, opened while requests wait: most acquire from knex's pool queue.
    db = knex({ client: 'pg', connection: postgres.config as Knex.PgConnectionConfig, pool: { min: 0, max: 4 } });
    server = workApp(rawQueries(db), KNEX_POSTGRES);
    baseUrl = await listen(server);
  });

  afterAll(async () => {
    server.close();
    await db.destroy();
    instrumentations.forEach((instrumentation) => instrumentation.dispose());
    await postgres.close();
  });

  test('50 concurrent requests are each attributed exactly (property)', () => checkAttribution(baseUrl));
  test('no query lands in another request’s scope', () => checkNoLeak(baseUrl));
});

describe('knex-pglite, PGlite instrumented too', () => {
  let lite: PGlite;
  let db: Knex;
  let server: Server;
  let baseUrl: string;
  let instrumentations: Instrumentation[];

  beforeAll(async () => {
    lite = await PGlite.create();
    instrumentations = [instrumentKnex(knex), instrumentPGlite(PGlite)];
    db = knex({ client: ClientPGLite, connection: { pglite: lite } as Knex.StaticConnectionConfig });
    server = workApp(rawQueries(db), KNEX_POSTGRES);
    baseUrl = await listen(server);
  });

  afterAll(async () => {
    server.close();
    await db.destroy();
    instrumentations.forEach((instrumentation) => instrumentation.dispose());
  });

  test('50 concurrent requests are each attributed exactly (property)', () => checkAttribution(baseUrl));
  test('no query lands in another request’s scope', () => checkNoLeak(baseUrl));
});

describe.skipIf(mariadb.skip)(mariadb.title('mysql2 on MariaDB'), () => {
  let database: MysqlForTests;
  let instrumentation: Instrumentation;

  beforeAll(async () => {
    database = await openMysql();
    instrumentation = instrumentMysql2(mysql);
  });

  afterAll(async () => {
    instrumentation?.dispose();
    await database?.close();
  });

  describe('pool', () => {
    let pool: mysql.Pool;
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      pool = mysql.createPool({ uri: database.url, connectionLimit: 4 });
      server = workApp({ query: (text, values) => pool.query(text, values) }, QUESTION_MARKS);
      baseUrl = await listen(server);
    });

    afterAll(async () => {
      server.close();
      await pool.end();
    });

    test('50 concurrent requests are each attributed exactly (property)', () => checkAttribution(baseUrl));
    test('no query lands in another request’s scope', () => checkNoLeak(baseUrl));
  });

  describe('pool.getConnection with callbacks', () => {
    let pool: ReturnType<typeof mysqlCallbacks.createPool>;
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      pool = mysqlCallbacks.createPool({ uri: database.url, connectionLimit: 4 });
      // The handler queries on a connection the pool hands to its callback, maybe released by another request.
      const viaConnection: Queryable = {
        query: (text, values) =>
          new Promise((resolve, reject) =>
            pool.getConnection((error, connection) => {
              if (error) return reject(error);
              connection.query(text, values, (queryError, rows) => {
                connection.release();
                return queryError ? reject(queryError) : resolve(rows);
              });
            }),
          ),
      };
      server = workApp(viaConnection, QUESTION_MARKS);
      baseUrl = await listen(server);
    });

    afterAll(async () => {
      server.close();
      await new Promise((resolve) => pool.end(resolve));
    });

    test('50 concurrent requests are each attributed exactly (property)', () => checkAttribution(baseUrl));
    test('no query lands in another request’s scope', () => checkNoLeak(baseUrl));
  });

  describe('knex pool over mysql2, both instrumented', () => {
    let db: Knex;
    let knexInstrumentation: Instrumentation;
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      knexInstrumentation = instrumentKnex(knex);
      db = knex({ client: 'mysql2', connection: database.url, pool: { min: 0, max: 4 } });
      server = workApp(rawQueries(db), QUESTION_MARKS);
      baseUrl = await listen(server);
    });

    afterAll(async () => {
      server.close();
      await db.destroy();
      knexInstrumentation.dispose();
    });

    test('50 concurrent requests are each attributed exactly (property)', () => checkAttribution(baseUrl));
    test('no query lands in another request’s scope', () => checkNoLeak(baseUrl));
  });
});

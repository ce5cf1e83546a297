// Child process for test/unawaited-queries.test.ts: fires one failing query per
// driver call form without handling its promise, and prints what Node's
// 'unhandledRejection' saw, first without perfgate, then instrumented, in a
// perfgate scope. `node unawaited-queries.mjs <case>…`; PG_CONFIG and
// MYSQL_URL say where the servers are. (vitest's own listener would fail the
// parent's run on these rejections, hence a child; one PGlite serves both
// passes, its wasm is slow to load.)
import { PGlite } from '@electric-sql/pglite';
import { recordQueries } from '@perfgate/core';
import knex from 'knex';
import mysql from 'mysql2/promise';
import pg from 'pg';

const cases = process.argv.slice(2);
const BAD = 'INSERT INTO no_such_table VALUES (1)';
const pgConfig = JSON.parse(process.env.PG_CONFIG ?? '{}');
let pglite;

/** Each case fires `BAD` unawaited, then awaits a later query on the same connection, which runs after it. */
const CASES = {
  async 'pg Client.query'() {
    const client = new pg.Client(pgConfig);
    await client.connect();
    client.query(BAD);
    await client.query('SELECT 1');
    await client.end();
  },
  async 'pg Pool.query'() {
    const pool = new pg.Pool({ ...pgConfig, max: 1 });
    pool.query(BAD);
    await pool.query('SELECT 1');
    await pool.end();
  },
  async 'PGlite query and exec'() {
    const db = (pglite ??= await PGlite.create());
    db.query(BAD);
    db.exec(BAD);
    await db.query('SELECT 1');
  },
  async 'knex over pg'() {
    const db = knex({ client: 'pg', connection: pgConfig, pool: { min: 0, max: 1 } });
    db.raw(BAD).then(() => {});
    await db.raw('SELECT 1');
    await db.destroy();
  },
  async 'mysql2/promise'() {
    const connection = await mysql.createConnection(process.env.MYSQL_URL);
    connection.query(BAD);
    await connection.query('SELECT 1');
    await connection.end();
  },
};

const seen = [];
process.on('unhandledRejection', (reason) => seen.push(reason));

async function pass(mode) {
  const report = {};
  for (const name of cases) {
    seen.length = 0;
    const run = () => CASES[name]();
    const counted = mode === 'perfgate' ? (await recordQueries(run)).queries.filter((q) => q.sql === BAD).map((q) => q.failed) : undefined;
    if (mode === 'plain') await run();
    // Node reports a rejection once the microtask queue that could handle it has drained.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    report[name] = { unhandled: seen.map((e) => ({ type: e?.constructor?.name, message: e?.message, code: e?.code })), counted };
  }
  return report;
}

const plain = await pass('plain');
const { instrumentPg } = await import('../../dist/pg.js');
const { instrumentPGlite } = await import('../../dist/pglite.js');
const { instrumentKnex } = await import('../../dist/knex.js');
const { instrumentMysql2 } = await import('../../dist/mysql2.js');
instrumentPg(pg);
instrumentPGlite(PGlite);
instrumentKnex(knex);
instrumentMysql2(mysql);
const perfgate = await pass('perfgate');
await pglite?.close();
console.log(JSON.stringify({ plain, perfgate }));

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mariadb } from './support/mysql.js';
import { openPostgres, type PostgresForTests } from './support/postgres.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./support/unawaited-queries.mjs', import.meta.url));

let postgres: PostgresForTests;
beforeAll(async () => {
  postgres = await openPostgres();
});
afterAll(() => postgres.close());

interface CaseReport {
  readonly unhandled: ReadonlyArray<{ type: string; message: string; code?: string }>;
  readonly counted?: readonly boolean[];
}

type Reports = Record<'plain' | 'perfgate', Record<string, CaseReport>>;

/** Same unhandled rejections (type, message, code) with and without perfgate, and perfgate counted each failing query once. */
async function expectSameReport(cases: readonly string[], failingPerCase: Record<string, number>): Promise<void> {
  const env = { ...process.env, PG_CONFIG: JSON.stringify(postgres.config) };
  // The built adapters, in a child process: see the script.
  const { stdout } = await run(process.execPath, [script, ...cases], { env, cwd: fileURLToPath(new URL('..', import.meta.url)) });
  const { plain, perfgate: instrumented } = JSON.parse(stdout) as Reports;
  for (const name of cases) {
    expect(plain[name]!.unhandled, name).toHaveLength(failingPerCase[name]!);
    expect(instrumented[name]!.unhandled, name).toEqual(plain[name]!.unhandled);
    expect(instrumented[name]!.counted, name).toEqual(Array(failingPerCase[name]).fill(true));
  }
}

describe(`unawaited failing queries (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite over a socket'})`, () => {
  test('#11.1 stay unhandled rejections under pg Client and Pool, PGlite query and exec, and knex', async () => {
    await expectSameReport(['pg Client.query', 'pg Pool.query', 'PGlite query and exec', 'knex over pg'], {
      'pg Client.query': 1,
      'pg Pool.query': 1,
      'PGlite query and exec': 2,
      'knex over pg': 1,
    });
  }, 120_000);

  test.skipIf(mariadb.skip)(mariadb.title('#11.1 stay unhandled rejections under mysql2/promise'), async () => {
    if (process.env.MYSQL_URL === undefined) throw new Error('MYSQL_URL is not set: CI must run the MariaDB tests.');
    await expectSameReport(['mysql2/promise'], { 'mysql2/promise': 1 });
  });
});

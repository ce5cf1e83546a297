import { randomBytes } from 'node:crypto';
import { isCI } from '@perfgate/core/runner';
import mysql from 'mysql2/promise';

const url = process.env.MYSQL_URL || undefined;

/**
 * How a MariaDB suite runs: with MYSQL_URL set, against that server; without
 * it, skipped with the reason in its title; in CI (CI=true) never skipped —
 * `openMysql()` then fails every test, because CI must run them.
 */
export const mariadb = {
  skip: url === undefined && !isCI(),
  title: (name: string): string => (url === undefined && !isCI() ? `${name} (skipped: set MYSQL_URL to run)` : name),
};

export interface MysqlForTests {
  /** A URL for a database of this test file's own. */
  readonly url: string;
  close(): Promise<void>;
}

/** Creates a database with a random name on the MYSQL_URL server, dropped by `close()`. */
export async function openMysql(): Promise<MysqlForTests> {
  if (url === undefined) throw new Error('MYSQL_URL is not set: CI must run the MariaDB tests (.ci/run sets MYSQL_URL=mysql://root@127.0.0.1:3306/test).');
  const database = `perfgate_test_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(url);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${database}`;
  return {
    url: own.href,
    async close() {
      const connection = await mysql.createConnection(url);
      await connection.query(`DROP DATABASE ${database}`);
      await connection.end();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { AppOptions } from '../../src/app.module';

export interface TestDatabase {
  /** `postgres` is the server of DATABASE_URL; `pglite` is embedded PGlite behind the wire protocol. */
  readonly kind: 'postgres' | 'pglite';
  readonly options: AppOptions['database'];
  close(): Promise<void>;
}

/**
 * The PostgreSQL of DATABASE_URL, in a schema of this test file's own, or
 * (without it, as in `npm run demo`) embedded PGlite served on a loopback
 * socket: TypeORM's postgres driver talks to it through `pg` as to a server.
 */
export async function openTestDatabase(url = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (url !== undefined && url !== '') {
    const schema = `perfgate_example_${randomBytes(4).toString('hex')}`;
    await onServer(url, `CREATE SCHEMA ${schema}`);
    return {
      kind: 'postgres',
      options: { url, extra: { options: `-c search_path=${schema}` } },
      close: () => onServer(url, `DROP SCHEMA ${schema} CASCADE`),
    };
  }
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 20 });
  await server.start();
  const [host, port] = server.getServerConn().split(':') as [string, string];
  return {
    kind: 'pglite',
    options: { host, port: Number(port), username: 'postgres', database: 'postgres' },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

export interface PostgresForTests {
  /** `server` is the real PostgreSQL of DATABASE_URL; `pglite-socket` is embedded PGlite behind the wire protocol. */
  readonly kind: 'server' | 'pglite-socket';
  /** Connection options for pg, already pointing at a schema of this test file's own. */
  readonly config: pg.ClientConfig & pg.PoolConfig;
  close(): Promise<void>;
}

/**
 * A PostgreSQL that `pg` can connect to: the real server when DATABASE_URL is
 * set (CI sets it and checks the server answers), otherwise PGlite served over
 * a loopback socket, so `npm test` needs no server.
 */
export async function openPostgres(): Promise<PostgresForTests> {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const schema = `perfgate_test_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    return {
      kind: 'server',
      config: { connectionString: url, options: `-c search_path=${schema}` },
      async close() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 20 });
  await server.start();
  const [host, port] = server.getServerConn().split(':') as [string, string];
  return {
    kind: 'pglite-socket',
    config: { host, port: Number(port), user: 'postgres', database: 'postgres' },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

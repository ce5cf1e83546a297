import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface SocketPostgres {
  /** PGHOST, PGPORT, PGUSER, PGDATABASE for `new pg.Pool()` in a jest child process. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A PostgreSQL for fixtures that run jest in CommonJS mode with `pg`: PGlite,
 * here in the test process, behind the wire protocol. (PGlite itself cannot
 * run inside jest without --experimental-vm-modules, and these fixtures show
 * that perfgate works without it.)
 */
export async function openSocketPostgres(): Promise<SocketPostgres> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const [host, port] = server.getServerConn().split(':') as [string, string];
  return {
    env: { PGHOST: host, PGPORT: port, PGUSER: 'postgres', PGDATABASE: 'postgres' },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

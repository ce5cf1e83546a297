import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What the app needs from a database: both `pg.Pool` and `PGlite` have this `query`. */
export interface Db {
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface TestDatabase {
  readonly db: Db;
  readonly driver: 'pg' | 'pglite';
  close(): Promise<void>;
}

/**
 * Real PostgreSQL when DATABASE_URL is set (each call gets its own schema, so
 * test files running in parallel never share tables), embedded PGlite otherwise.
 */
export async function openTestDatabase(url = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (url === undefined || url === '') {
    const lite = await PGlite.create();
    return { db: lite as unknown as Db, driver: 'pglite', close: () => lite.close() };
  }
  const schema = `perfgate_example_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
  return {
    db: pool as unknown as Db,
    driver: 'pg',
    async close() {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
}

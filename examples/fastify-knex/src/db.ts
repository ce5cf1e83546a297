import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import knex, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';

export interface TestDatabase {
  readonly db: Knex;
  readonly driver: 'pg' | 'pglite';
  close(): Promise<void>;
}

/**
 * knex on real PostgreSQL when DATABASE_URL is set (each call gets its own
 * schema, so test files running in parallel never share tables), on embedded
 * PGlite (knex-pglite) otherwise.
 */
export async function openTestDatabase(url = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (url === undefined || url === '') {
    const db = knex({ client: ClientPGLite, connection: { pglite: new PGlite() } as Knex.StaticConnectionConfig });
    return { db, driver: 'pglite', close: () => db.destroy() };
  }
  const schema = `perfgate_example_${randomBytes(4).toString('hex')}`;
  const db = knex({ client: 'pg', connection: url, searchPath: [schema], pool: { min: 0, max: 5 } });
  await db.raw('CREATE SCHEMA ??', [schema]);
  return {
    db,
    driver: 'pg',
    async close() {
      await db.raw('DROP SCHEMA ?? CASCADE', [schema]);
      await db.destroy();
    },
  };
}

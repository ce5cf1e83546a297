import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.js';

export interface TestDatabase {
  readonly prisma: PrismaClient;
  /** Runs plain SQL: the tables are created without Prisma's migration engine. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Prisma client on real PostgreSQL when DATABASE_URL is set (each call gets
 * its own schema, so test files never share tables), on embedded PGlite otherwise.
 */
export async function openTestDatabase(url = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (url === undefined || url === '') {
    const lite = await PGlite.create();
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
    return {
      prisma,
      exec: async (sql) => void (await lite.exec(sql)),
      async close() {
        await prisma.$disconnect();
        await lite.close();
      },
    };
  }
  const schema = `perfgate_example_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
  await pool.query(`CREATE SCHEMA ${schema}`);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  return {
    prisma,
    exec: async (sql) => void (await pool.query(sql)),
    async close() {
      await prisma.$disconnect();
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
}

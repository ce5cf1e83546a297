import request from 'supertest';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import prisma from '../src/prisma.js';
import { createSchema, seedCatalogue } from '../src/schema.js';
import { app } from '../src/server.js';

// The recipe of docs/adapters.md for a client the app imports instead of being handed one: the module that exports it
// is swapped for one exporting the same client instrumented, before any module of the app imports it. (vi.mock is
// hoisted above the imports; so is vi.hoisted, which gives this file a schema of its own on PostgreSQL.)
vi.mock('../src/prisma.js', async (importOriginal) => {
  const { instrumentPrisma } = await import('@perfgate/orm-adapters/prisma');
  const { default: client } = await importOriginal<typeof import('../src/prisma.js')>();
  return { default: instrumentPrisma(client) };
});

const onServer = vi.hoisted(() => {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') return false;
  process.env.DATABASE_SCHEMA = `perfgate_example_${crypto.randomUUID().slice(0, 8)}`; // hoisted above the imports: the global crypto
  return true;
});

/** Runs each statement of a script through the client (Prisma's raw queries take one statement at a time). */
async function exec(sql: string): Promise<void> {
  for (const statement of sql.split(';').map((s) => s.trim())) if (statement !== '') await prisma.$executeRawUnsafe(statement);
}

beforeAll(async () => {
  if (onServer) await exec(`CREATE SCHEMA ${process.env.DATABASE_SCHEMA}`);
  await createSchema({ prisma, exec, close: () => prisma.$disconnect() });
  await seedCatalogue({ prisma, exec, close: () => prisma.$disconnect() }, 3);
});

afterAll(async () => {
  if (onServer) await exec(`DROP SCHEMA ${process.env.DATABASE_SCHEMA} CASCADE`);
  await prisma.$disconnect();
});

test('#11.8c a singleton client imported by the app is instrumented by swapping its module: budgets name the Prisma operation', async () => {
  await expect(request(app).get('/books')).toIssueAtMost(3);
  await expect(expect(request(app).get('/books')).toIssueAtMost(1)).rejects.toThrow(
    /Received: 3 queries, 2 over budget[\s\S]*SELECT [^\n]*"books"[^\n]*\n +sent by Book\.findMany/,
  );
});

import { PGlite } from '@electric-sql/pglite';
import { perfgateMatchers } from '@perfgate/core/matchers';
import { recordQueries, type Instrumentation, type ScopeResult } from '@perfgate/core';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instrumentPg } from '../src/pg.js';
import { instrumentPGlite } from '../src/pglite.js';
import { disposePrisma, instrumentPrisma } from '../src/prisma.js';
import { PrismaClient } from './prisma/generated/client.js';
import { openPostgres, type PostgresForTests } from './support/postgres.js';

expect.extend(perfgateMatchers);

const SCHEMA = `
  CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
  CREATE TABLE books (id serial PRIMARY KEY, title text NOT NULL, author_id int NOT NULL REFERENCES authors (id));
  CREATE TABLE reviews (id serial PRIMARY KEY, book_id int NOT NULL REFERENCES books (id), stars int NOT NULL);
  INSERT INTO authors (name) VALUES ('Ada'), ('Grace'), ('Edsger');
  INSERT INTO books (title, author_id) VALUES ('Notes', 1), ('Sketch', 1), ('COBOL', 2), ('GOTO', 3);
`;

interface Backend {
  /** A fresh client on this backend's database; `driver` instruments the driver under Prisma's adapter. */
  client(): PrismaClient;
  driver(): Instrumentation;
  close(): Promise<void>;
}

/** Prisma over pglite-prisma-adapter, on an embedded PGlite. */
async function pgliteBackend(): Promise<Backend> {
  const db = await PGlite.create();
  await db.exec(SCHEMA);
  return { client: () => new PrismaClient({ adapter: new PrismaPGlite(db) }), driver: () => instrumentPGlite(PGlite), close: () => db.close() };
}

/** Prisma over @prisma/adapter-pg on a pg pool: the real PostgreSQL of DATABASE_URL, else PGlite behind a socket. */
async function pgBackend(): Promise<Backend & { postgres: PostgresForTests }> {
  const postgres = await openPostgres();
  const pool = new pg.Pool({ ...postgres.config, max: 4 });
  await pool.query(SCHEMA);
  // Prisma names the schema in every statement; on the server each file has its own.
  const schema = postgres.kind === 'server' ? String(/search_path=(\w+)/.exec(String(postgres.config.options))?.[1]) : 'public';
  return {
    postgres,
    client: () => new PrismaClient({ adapter: new PrismaPg(pool, { schema }) }),
    driver: () => instrumentPg(pg),
    async close() {
      await pool.end();
      await postgres.close();
    },
  };
}

const labels = (result: ScopeResult) => result.queries.map((q) => q.label);
const sources = (result: ScopeResult) => new Set(result.queries.map((q) => q.source));

/** What a caller can observe of a Prisma error. */
function observable(error: unknown) {
  const e = error as Error & { code?: string; meta?: unknown };
  // Prisma's message quotes the calling line (different for each call): compare what it says after it.
  return { type: e.constructor.name, code: e.code, meta: e.meta, message: stripVTControlCharacters(e.message).split('\n').at(-1) };
}

describe.each([
  ['pglite-prisma-adapter on PGlite', pgliteBackend],
  ['@prisma/adapter-pg on pg', pgBackend],
] as const)('instrumentPrisma with %s', (_name, open) => {
  let backend: Backend;
  let prisma: PrismaClient;

  beforeAll(async () => {
    backend = await open();
    prisma = instrumentPrisma(backend.client());
  });

  afterAll(async () => {
    await prisma.$disconnect();
    disposePrisma(prisma);
    await backend.close();
  });

  test('records each statement of a known sequence once, labelled with its operation', async () => {
    const result = await recordQueries(async () => {
      await prisma.author.findMany({ include: { books: true } }); // 2 statements: authors, then their books
      await prisma.book.count();
      const created = await prisma.author.create({ data: { name: 'Barbara' } });
      await prisma.author.update({ where: { id: created.id }, data: { name: 'Barbara L.' } });
      await prisma.author.delete({ where: { id: created.id } });
      await prisma.$queryRaw`SELECT 1 AS one`;
    });
    expect(labels(result)).toEqual([
      'Author.findMany',
      'Author.findMany',
      'Book.count',
      'Author.create',
      ...labels(result).slice(4, -1).map(() => expect.stringMatching(/^Author\.(update|delete)$/)),
      '$queryRaw',
    ]);
    expect(result.queries.filter((q) => q.label === 'Author.update').length).toBeGreaterThan(0);
    expect(result.queries.filter((q) => q.label === 'Author.delete').length).toBeGreaterThan(0);
    expect(sources(result)).toEqual(new Set(['prisma']));
    expect(result.queries[1]!.shape).toMatch(/ FROM "\w+"\."books" WHERE "\w+"\."books"\."author_id" IN \(\.\.\.\)/);
    expect(result.queries.every((q) => typeof q.durationMs === 'number' && !q.failed)).toBe(true);
  });

  test('counts a statement once when the driver under the adapter is instrumented too', async () => {
    const sequence = async () => {
      await prisma.author.findMany({ include: { books: true } });
      await prisma.book.findFirst({ where: { title: 'GOTO' } });
    };
    const alone = await recordQueries(sequence);
    const driver = backend.driver();
    try {
      const layered = await recordQueries(sequence);
      expect(layered.count).toBe(alone.count);
      expect(layered.queries.map((q) => [q.source, q.label, q.shape])).toEqual(alone.queries.map((q) => [q.source, q.label, q.shape]));
    } finally {
      driver.dispose();
    }
  });

  test('records a failed statement as failed, and the error reaches the caller unchanged', async () => {
    const plain = backend.client();
    const uninstrumented = await plain.author.create({ data: { name: 'Ada' } }).catch((error: unknown) => error);
    await plain.$disconnect();
    let instrumented: unknown;
    const result = await recordQueries(async () => {
      instrumented = await prisma.author.create({ data: { name: 'Ada' } }).catch((error: unknown) => error);
    });
    expect(observable(instrumented)).toEqual(observable(uninstrumented));
    expect(observable(instrumented).code).toBe('P2002');
    expect(result.queries.filter((q) => q.failed).map((q) => q.label)).toEqual(['Author.create']);
  });

  test('records the statements of interactive and batch transactions', async () => {
    const driver = backend.driver();
    try {
      const interactive = await recordQueries(() =>
        prisma.$transaction(async (tx) => {
          const author = await tx.author.findFirstOrThrow({ where: { name: 'Grace' } });
          await tx.book.create({ data: { title: 'FLOW-MATIC', authorId: author.id } });
        }),
      );
      const statements = interactive.queries.map((q) => q.kind === 'other' ? q.sql.trim().toUpperCase() : q.label);
      expect(statements.filter((s) => s === 'BEGIN')).toHaveLength(1);
      expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(1);
      expect(statements).toContain('Author.findFirstOrThrow');
      expect(statements.filter((s) => s === 'Book.create').length).toBeGreaterThan(0);

      const rolledBack = await recordQueries(() =>
        prisma
          .$transaction(async (tx) => {
            await tx.book.deleteMany({ where: { title: 'FLOW-MATIC' } });
            throw new Error('changed my mind');
          })
          .catch((error: unknown) => error),
      );
      expect(rolledBack.value).toEqual(new Error('changed my mind'));
      expect(rolledBack.queries.map((q) => q.sql.trim().toUpperCase()).filter((s) => s === 'ROLLBACK')).toHaveLength(1);
      expect(await prisma.book.count({ where: { title: 'FLOW-MATIC' } })).toBe(1);

      // A batch runs as one request: its statements carry the label of the operation that started it (docs/adapters.md).
      const batch = await recordQueries(() => prisma.$transaction([prisma.author.count(), prisma.book.count()]));
      expect(batch.value).toEqual([3, 5]);
      const counts = batch.queries.filter((q) => q.kind === 'select');
      expect(counts.map((q) => q.shape)).toEqual([expect.stringContaining('"authors"'), expect.stringContaining('"books"')]);
      expect(counts.map((q) => q.label)).toEqual(['Author.count', 'Author.count']);
    } finally {
      driver.dispose();
    }
  });

  test('keeps concurrent scopes apart', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        recordQueries(async () => {
          for (let i = 0; i < n % 4; i++) await prisma.book.findMany({ where: { authorId: 1 + (i % 3) } });
        }),
      ),
    );
    expect(results.map((r) => r.count)).toEqual(results.map((_, n) => n % 4));
  });

  test('#11.8a a connect of n rows is one statement shape whatever n: toIssueConstantQueries passes', async () => {
    // Books 1 and 2 are Ada's already: connecting them again changes no row.
    const connectAdasBooks = (n: number) => prisma.author.update({ where: { id: 1 }, data: { books: { connect: [{ id: 1 }, { id: 2 }].slice(0, n) } } });
    await expect(connectAdasBooks).toIssueConstantQueries({ populate: () => undefined, scales: [1, 2] });
  });

  test('names the operation and the line of the loop in an N+1 failure', async () => {
    async function listBooksOneByOne() {
      const authors = await prisma.author.findMany();
      for (const author of authors) await prisma.book.findMany({ where: { authorId: author.id } });
    }
    const failure = await expect(listBooksOneByOne).toHaveNoNPlusOne().then(
      () => '',
      (error: Error) => stripVTControlCharacters(error.message),
    );
    expect(failure).toMatch(/3 × SELECT "\w+"\."books"\."id", /);
    // #11.12: the hint speaks Prisma, naming the model and the column compared per row.
    expect(failure).toContain('fix   load them with the query before (include: { … }) or in one Book.findMany({ where: { <field of author_id>: { in: ids } } })');
    expect(failure).toMatch(/\n +by {4}Book\.findMany\n +from {2}test\/prisma\.test\.ts:\d+:\d+ \(listBooksOneByOne\)/);
    const budget = await expect(listBooksOneByOne).toIssueAtMost(2).then(
      () => '',
      (error: Error) => stripVTControlCharacters(error.message),
    );
    expect(budget).toMatch(/3 × SELECT .*\n +sent by Book\.findMany · from test\/prisma\.test\.ts:\d+:\d+ \(listBooksOneByOne\)/);
  });
});

describe('instrumentPrisma lifecycle', () => {
  let db: PGlite;

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec(SCHEMA);
  });

  afterAll(() => db.close());

  test('dispose restores the adapter class and the factory exactly; the driver alone still counts the statements', async () => {
    const queryable = Object.getPrototypeOf(Object.getPrototypeOf(await new PrismaPGlite(db).connect())) as object;
    const original = ['queryRaw', 'executeRaw'].map((name) => Object.getOwnPropertyDescriptor(queryable, name));
    const factory = new PrismaPGlite(db);
    const base = new PrismaClient({ adapter: factory });
    const prisma = instrumentPrisma(base);
    const again = instrumentPrisma(base);
    const once = await recordQueries(() => again.author.count());
    expect(once.queries.map((q) => [q.source, q.label])).toEqual([['prisma', 'Author.count']]);
    expect(Object.hasOwn(factory, 'connect')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(queryable, 'queryRaw')).not.toEqual(original[0]);
    disposePrisma(again);
    disposePrisma(prisma);
    disposePrisma(prisma);
    expect(Object.hasOwn(factory, 'connect')).toBe(false);
    expect(['queryRaw', 'executeRaw'].map((name) => Object.getOwnPropertyDescriptor(queryable, name))).toEqual(original);
    expect((await recordQueries(() => prisma.author.count())).count).toBe(0);
    const driver = instrumentPGlite(PGlite);
    try {
      const byDriver = await recordQueries(() => prisma.author.count());
      expect(byDriver.queries.map((q) => [q.source, q.label])).toEqual([['pglite', undefined]]);
    } finally {
      driver.dispose();
      await base.$disconnect();
    }
  });

  test('rejects what is not a Prisma client with a driver adapter', () => {
    expect(() => instrumentPrisma({ $extends: () => ({}) })).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: instrumentPrisma: expected a Prisma 7 client created with a driver adapter (\`new PrismaClient({ adapter })\`); received an object.]`);
  });
});

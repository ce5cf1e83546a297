import { instrumentPrisma } from '@perfgate/orm-adapters/prisma';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type BooksQuery } from '../src/app.js';
import { listBooks } from '../src/catalogue.js';
import { openTestDatabase, type TestDatabase } from '../src/db.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { createSchema, resetCatalogue, seedCatalogue } from '../src/schema.js';

// `npm run demo` sets this to serve GET /books with the N+1 regression.
const booksQuery = (process.env.PERFGATE_DEMO_BOOKS_QUERY ?? 'include') as BooksQuery;

let database: TestDatabase;
/** The client the app uses, instrumented so failures name the Prisma operation and the line that called it. */
let prisma: PrismaClient;

beforeAll(async () => {
  database = await openTestDatabase();
  prisma = instrumentPrisma(database.prisma);
  await createSchema(database);
  await seedCatalogue(database, 3);
});

afterAll(() => database.close());

describe('GET /authors/:id', () => {
  test('loads the author and their book titles in two selects', async () => {
    await expect(request(createApp(prisma)).get('/authors/1')).toIssueExactly(2, { kind: 'select' });
  });
});

describe('GET /books', () => {
  test('issues at most 3 queries: books, then their authors and reviews', async () => {
    const req = request(createApp(prisma, { booksQuery })).get('/books');
    await expect(req).toIssueAtMost(3);

    const res = await req;
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(6);
    expect(res.body[0]).toEqual({ title: 'Book 0.0', author: 'Author 0', reviews: 2 });
  });

  test('does not grow with the catalogue', async () => {
    const app = createApp(prisma, { booksQuery });
    await expect(() => request(app).get('/books')).toIssueConstantQueries({
      populate: (authors) => resetCatalogue(database, authors),
      cleanup: () => resetCatalogue(database, 3),
      scales: [1, 4],
    });
  });
});

describe('listBooks()', () => {
  test('has no N+1', async () => {
    await expect(() => listBooks(prisma)).toHaveNoNPlusOne();
  });
});

import type { TestDatabase } from './db.js';

/** The tables of prisma/schema.prisma, in plain SQL. */
export async function createSchema(database: TestDatabase): Promise<void> {
  await database.exec(`
    CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
    CREATE TABLE books (id serial PRIMARY KEY, title text NOT NULL, author_id int NOT NULL REFERENCES authors (id));
    CREATE TABLE reviews (id serial PRIMARY KEY, book_id int NOT NULL REFERENCES books (id), stars int NOT NULL);
  `);
}

/** Adds `authors` authors with `booksEach` books each, and two reviews per book. */
export async function seedCatalogue(database: TestDatabase, authors: number, booksEach = 2): Promise<void> {
  for (let a = 0; a < authors; a++) {
    await database.prisma.author.create({
      data: {
        name: `Author ${a}`,
        books: { create: Array.from({ length: booksEach }, (_, b) => ({ title: `Book ${a}.${b}`, reviews: { create: [{ stars: 4 }, { stars: 5 }] } })) },
      },
    });
  }
}

/** Empties the catalogue and seeds `authors` authors again. */
export async function resetCatalogue(database: TestDatabase, authors: number): Promise<void> {
  await database.exec('DELETE FROM reviews; DELETE FROM books; DELETE FROM authors;');
  await seedCatalogue(database, authors);
}

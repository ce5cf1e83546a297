import express from 'express';
import { listBooks, listBooksOneByOne } from './catalogue.js';
import type { PrismaClient } from './generated/prisma/client.js';

export type BooksQuery = 'include' | 'one-by-one';

export interface AppOptions {
  /** Which implementation serves GET /books: the fix, or the N+1 regression. */
  readonly booksQuery?: BooksQuery;
}

export function createApp(prisma: PrismaClient, { booksQuery = 'include' }: AppOptions = {}): express.Express {
  const app = express();
  app.get('/books', async (_req, res) => {
    res.json(booksQuery === 'include' ? await listBooks(prisma) : await listBooksOneByOne(prisma));
  });
  app.get('/authors/:id', async (req, res) => {
    const author = await prisma.author.findUnique({ where: { id: Number(req.params.id) }, include: { books: { select: { title: true } } } });
    if (author === null) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(author);
  });
  return app;
}

import type { PrismaClient } from './generated/prisma/client.js';

export interface BookSummary {
  readonly title: string;
  readonly author: string;
  readonly reviews: number;
}

/** The fix: one `include` tree, which Prisma loads with one query per relation, whatever the number of books. */
export async function listBooks(prisma: PrismaClient): Promise<BookSummary[]> {
  const books = await prisma.book.findMany({ include: { author: true, reviews: true }, orderBy: { id: 'asc' } });
  return books.map((book) => ({ title: book.title, author: book.author.name, reviews: book.reviews.length }));
}

/** The regression: the author and the reviews fetched per book, in a loop (N+1). */
export async function listBooksOneByOne(prisma: PrismaClient): Promise<BookSummary[]> {
  const books = await prisma.book.findMany({ orderBy: { id: 'asc' } });
  const summaries: BookSummary[] = [];
  for (const book of books) {
    const author = await prisma.author.findUniqueOrThrow({ where: { id: book.authorId } });
    const reviews = await prisma.review.findMany({ where: { bookId: book.id } });
    summaries.push({ title: book.title, author: author.name, reviews: reviews.length });
  }
  return summaries;
}

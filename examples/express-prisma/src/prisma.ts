import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.js';

/**
 * The shape most apps have: one client, made when this module is first
 * imported, which every route imports (`import prisma from './prisma.js'`).
 * PostgreSQL at DATABASE_URL, in DATABASE_SCHEMA (default `public`);
 * embedded PGlite without a URL. test/singleton-client.spec.ts instruments it
 * as docs/adapters.md says.
 */
const url = process.env.DATABASE_URL;
const schema = process.env.DATABASE_SCHEMA ?? 'public';

const prisma = new PrismaClient({
  adapter:
    url === undefined || url === ''
      ? new PrismaPGlite(await PGlite.create())
      : new PrismaPg({ connectionString: url, options: `-c search_path=${schema}` }, { schema }),
});

export default prisma;

import type { QueryRecord } from '../record/query-record.js';

/** The query builders and ORMs whose words a fix hint can speak. */
export type Orm = 'knex' | 'prisma' | 'drizzle' | 'typeorm';

/** Adapters that are an ORM themselves: the query's `source` says it. */
const BY_SOURCE: Readonly<Record<string, Orm>> = { knex: 'knex', prisma: 'prisma' };

/** ORMs perfgate has no adapter for, told by their package's frames between the driver and the user's code. */
const BY_PACKAGE: ReadonlyArray<readonly [RegExp, Orm]> = [
  [/node_modules[\\/]drizzle-orm[\\/]/, 'drizzle'],
  [/node_modules[\\/]typeorm[\\/]/, 'typeorm'],
];

/** Which ORM sent these queries, when their adapter or a sampled stack says so. */
export function ormOf(queries: readonly QueryRecord[]): Orm | undefined {
  const first = queries[0];
  if (first === undefined) return undefined;
  const bySource = BY_SOURCE[first.source];
  if (bySource !== undefined) return bySource;
  const stack = queries.find((query) => typeof query.stack?.stack === 'string')?.stack?.stack;
  return stack === undefined ? undefined : BY_PACKAGE.find(([frames]) => frames.test(stack))?.[1];
}

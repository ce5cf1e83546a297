import type { QueryRecord } from '../record/query-record.js';

/** The query builders and ORMs whose words a fix hint can speak. */
export type Orm = 'knex' | 'prisma' | 'drizzle' | 'typeorm';

/** Adapters that are an ORM themselves: the query's `source` says it. */
const BY_SOURCE: Readonly<Record<string, Orm>> = { knex: 'knex', prisma: 'prisma' };

/**
 * ORMs perfgate has no adapter for, told by their frames between the driver
 * and the user's code: their package's folder, or their classes' names,
 * since a runner that applies the package's source maps (jest, for TypeORM)
 * prints `src/driver/postgres/PostgresQueryRunner.ts` without `node_modules`.
 */
const BY_FRAMES: ReadonlyArray<readonly [RegExp, Orm]> = [
  [/node_modules[\\/]drizzle-orm[\\/]|\bat (?:async )?(?:NodePg|Pg|MySql2?|SQLite|Libsql|PgLite)\w*(?:PreparedQuery|Session|SelectBase|InsertBase|UpdateBase|DeleteBase)\./, 'drizzle'],
  [/node_modules[\\/]typeorm[\\/]|\bat (?:async )?(?:\w+QueryRunner|(?:Select|Insert|Update|Delete|SoftDelete)QueryBuilder|EntityManager)\./, 'typeorm'],
];

/** Which ORM sent these queries, when their adapter or a sampled stack says so. */
export function ormOf(queries: readonly QueryRecord[]): Orm | undefined {
  const first = queries[0];
  if (first === undefined) return undefined;
  const bySource = BY_SOURCE[first.source];
  if (bySource !== undefined) return bySource;
  const stack = queries.find((query) => typeof query.stack?.stack === 'string')?.stack?.stack;
  return stack === undefined ? undefined : BY_FRAMES.find(([frames]) => frames.test(stack))?.[1];
}

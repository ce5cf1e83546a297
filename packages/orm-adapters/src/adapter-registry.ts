import type { Instrumentation } from '@perfgate/core/adapter';
import { instrumentKnex, type KnexModule } from './knex.js';
import { instrumentMysql, type MysqlModule } from './mysql.js';
import { instrumentMysql2, type Mysql2Module } from './mysql2.js';
import { instrumentPg, type PgModule } from './pg.js';
import { instrumentPGlite, type PGliteClass } from './pglite.js';

/** How the runners' automatic instrumentation finds one driver in the user's project and patches it. */
export interface AutoAdapter {
  /** The name the `adapters` option lists. */
  readonly name: string;
  /** The package the user installs, resolved from their project root. */
  readonly package: string;
  /** Patches the module that package exports (its ESM namespace or its CommonJS exports). */
  readonly apply: (module: unknown) => Instrumentation;
}

type Exports = Record<string, unknown> & { default?: Record<string, unknown> };

/** An export of either build: an ESM namespace may hold a CommonJS module's exports under `default`. */
function member(module: unknown, name: string): unknown {
  const exports = module as Exports | undefined;
  return exports?.[name] ?? exports?.default?.[name];
}

/** The exports an adapter reads, each picked from either build. */
const members = (module: unknown, names: readonly string[]): unknown => Object.fromEntries(names.map((name) => [name, member(module, name)]));

/**
 * Every driver perfgate instruments without the user writing code. Adding
 * one is its patch file (`src/<driver>.ts`) and a row here: the `adapters`
 * option's names, its validation and `'auto'` all derive from this list.
 * Prisma is absent: it is instrumented per client, with `instrumentPrisma`.
 */
export const ADAPTERS = [
  { name: 'pg', package: 'pg', apply: (module) => instrumentPg((member(module, 'Client') ? members(module, ['Client', 'Pool']) : module) as PgModule) },
  { name: 'pglite', package: '@electric-sql/pglite', apply: (module) => instrumentPGlite(member(module, 'PGlite') as PGliteClass) },
  { name: 'knex', package: 'knex', apply: (module) => instrumentKnex(members(module, ['Client']) as KnexModule) },
  // CommonJS only: the ESM import of it is the same module, so applying it for both formats patches once.
  { name: 'mysql2', package: 'mysql2', apply: (module) => instrumentMysql2(members(module, ['Connection', 'Pool', 'PoolCluster']) as Mysql2Module) },
  { name: 'mysql', package: 'mysql', apply: (module) => instrumentMysql(members(module, ['createConnection', 'createPool', 'createPoolCluster']) as MysqlModule) },
] as const satisfies readonly AutoAdapter[];

/** A name the `adapters` option accepts. */
export type AdapterName = (typeof ADAPTERS)[number]['name'];

/** The names, in the order `'auto'` tries them; the runners pass them to `resolvePerfgateOptions` so a misspelt one fails at the config. */
export const ADAPTER_NAMES: readonly AdapterName[] = ADAPTERS.map((adapter) => adapter.name);

/** The registry's row for a name, or undefined when no adapter has it. */
export function findAdapter(name: string): (typeof ADAPTERS)[number] | undefined {
  return ADAPTERS.find((adapter) => adapter.name === name);
}

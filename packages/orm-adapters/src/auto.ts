import { ADAPTER_NAMES } from '@perfgate/core/runner';
import { PerfgateError, type Instrumentation } from '@perfgate/core/adapter';
import { type AdapterName } from '@perfgate/core';
import { instrumentKnex, type KnexModule } from './knex.js';
import { instrumentMysql, type MysqlModule } from './mysql.js';
import { instrumentMysql2, type Mysql2Module } from './mysql2.js';
import { instrumentPg, type PgModule } from './pg.js';
import { instrumentPGlite, type PGliteClass } from './pglite.js';
import { importFromProject, type ImportModule, type ModuleFormat } from './resolve-from-project.js';

export { uninstrumentedDrivers, warnUninstrumentedDrivers } from './uninstrumented-drivers.js';

export interface InstrumentInstalledOptions {
  /** The project root the user's imports resolve from. */
  readonly root: string;
  /** `'auto'`: every adapter whose package resolves; a list: exactly those (an unresolvable one is an error). */
  readonly adapters: 'auto' | readonly AdapterName[];
  /** Which build of a dual package to patch: what the runner loads (`esm` for vitest, `cjs` for jest). */
  readonly formats: readonly ModuleFormat[];
  /** How the `esm` format is imported; the jest preset passes its own `import()`, which jest routes through its module registry. */
  readonly importModule?: ImportModule;
}

export interface InstalledInstrumentation extends Instrumentation {
  /** The adapters that found their package and were applied. */
  readonly instrumented: readonly AdapterName[];
}

const PACKAGES: Record<AdapterName, string> = { pg: 'pg', pglite: '@electric-sql/pglite', knex: 'knex', mysql2: 'mysql2', mysql: 'mysql' };

type Exports = Record<string, unknown> & { default?: Record<string, unknown> };

function member(module: unknown, name: string): unknown {
  const exports = module as Exports | undefined;
  return exports?.[name] ?? exports?.default?.[name];
}

async function apply(name: AdapterName, module: unknown): Promise<Instrumentation> {
  switch (name) {
    case 'pg':
      return instrumentPg((member(module, 'Client') ? { Client: member(module, 'Client'), Pool: member(module, 'Pool') } : module) as PgModule);
    case 'pglite':
      return instrumentPGlite(member(module, 'PGlite') as PGliteClass);
    case 'knex':
      return instrumentKnex({ Client: member(module, 'Client') } as KnexModule);
    case 'mysql2':
      // CommonJS only: the ESM import of it is the same module, so this patches once.
      return instrumentMysql2({ Connection: member(module, 'Connection'), Pool: member(module, 'Pool'), PoolCluster: member(module, 'PoolCluster') } as Mysql2Module);
    case 'mysql':
      // CommonJS only, as mysql2.
      return instrumentMysql({ createConnection: member(module, 'createConnection'), createPool: member(module, 'createPool'), createPoolCluster: member(module, 'createPoolCluster') } as MysqlModule);
  }
}

/**
 * Instruments the drivers a project has installed: what the runner plugins
 * call in each test worker, so users write no instrumentation code.
 */
export async function instrumentInstalledDrivers(options: InstrumentInstalledOptions): Promise<InstalledInstrumentation> {
  const names = options.adapters === 'auto' ? ADAPTER_NAMES : options.adapters;
  const handles: Instrumentation[] = [];
  const instrumented: AdapterName[] = [];
  for (const name of names) {
    let found = false;
    for (const format of options.formats) {
      const module = await importFromProject(options.root, PACKAGES[name], format, options.importModule);
      if (module === undefined) continue;
      handles.push(await apply(name, module));
      found = true;
    }
    if (found) instrumented.push(name);
    else if (options.adapters !== 'auto') {
      throw new PerfgateError('INVALID_OPTIONS', `perfgate options: "adapters" lists '${name}', but '${PACKAGES[name]}' cannot be resolved from ${options.root}. Install it there or remove it from "adapters".`);
    }
  }
  return {
    instrumented,
    dispose: () => handles.forEach((handle) => handle.dispose()),
  };
}

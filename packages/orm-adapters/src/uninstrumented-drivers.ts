import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Database drivers perfgate knows but cannot instrument, with what they are: a query they send is never counted. */
export const UNINSTRUMENTED_DRIVERS: Readonly<Record<string, string>> = {
  'pg-native': 'libpq bindings, behind `pg.native`',
  mariadb: 'the MariaDB connector',
  tedious: 'SQL Server',
  mssql: 'SQL Server',
  sqlite3: 'SQLite',
  'better-sqlite3': 'SQLite',
  postgres: 'postgres.js',
  oracledb: 'Oracle',
  '@libsql/client': 'libSQL / Turso',
  '@neondatabase/serverless': 'Neon over HTTP or WebSocket',
  '@planetscale/database': 'PlanetScale over HTTP',
};

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

type Manifest = Partial<Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, unknown>>>;

function installed(root: string, name: string): boolean {
  const require = createRequire(join(root, 'package.json'));
  for (const specifier of [name, `${name}/package.json`]) {
    try {
      require.resolve(specifier);
      return true;
    } catch {
      // not this entry: an ESM-only package may still resolve its package.json
    }
  }
  return false;
}

/**
 * The uninstrumentable drivers the project at `root` uses: named in its
 * package.json and installed. A driver only some dependency pulls in is not
 * the app's; whether a test loads one cannot be seen from the runner's main
 * process, where the warning is printed once per run.
 */
export function uninstrumentedDrivers(root: string): string[] {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return [];
  }
  const declared = new Set(DEPENDENCY_FIELDS.flatMap((field) => Object.keys(manifest[field] ?? {})));
  return Object.keys(UNINSTRUMENTED_DRIVERS).filter((name) => declared.has(name) && installed(root, name));
}

/** The warning for those drivers, or undefined when there are none. */
export function uninstrumentedDriversWarning(drivers: readonly string[]): string | undefined {
  if (drivers.length === 0) return undefined;
  const list = drivers.map((name) => `'${name}' (${UNINSTRUMENTED_DRIVERS[name] ?? 'a database driver'})`).join(', ');
  return `perfgate: ${list} ${drivers.length === 1 ? 'is' : 'are'} installed, and perfgate cannot instrument ${drivers.length === 1 ? 'it' : 'them'}: queries sent through ${drivers.length === 1 ? 'it' : 'them'} are not counted, so a query budget or N+1 check over them passes with 0. perfgate instruments pg, PGlite, knex, mysql2, mysql and Prisma 7 (see perfgate's docs/adapters.md).`;
}

const warnedRoots = new Set<string>();

/** Prints the warning once per project root in this process: what each runner's main process calls once per run. */
export function warnUninstrumentedDrivers(root: string, warn: (message: string) => void = console.warn): void {
  if (warnedRoots.has(root)) return;
  warnedRoots.add(root);
  const message = uninstrumentedDriversWarning(uninstrumentedDrivers(root));
  if (message !== undefined) warn(message);
}

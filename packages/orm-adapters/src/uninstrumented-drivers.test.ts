import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uninstrumentedDrivers, uninstrumentedDriversWarning, warnUninstrumentedDrivers } from './uninstrumented-drivers.js';

const projects: string[] = [];
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project declaring `declared` and having `installed` under node_modules (an ESM-only one resolves by its package.json alone). */
function project(declared: Record<string, Record<string, string>>, installed: Record<string, 'cjs' | 'esm-only'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-drivers-'));
  projects.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', ...declared }));
  for (const [name, kind] of Object.entries(installed)) {
    const at = join(dir, 'node_modules', name);
    mkdirSync(at, { recursive: true });
    const manifest = kind === 'cjs' ? { name, main: 'index.js' } : { name, type: 'module', exports: { '.': { import: './index.js' }, './package.json': './package.json' } };
    writeFileSync(join(at, 'package.json'), JSON.stringify(manifest));
    writeFileSync(join(at, 'index.js'), '');
  }
  return dir;
}

describe('uninstrumentedDrivers', () => {
  it('#16.2 lists the uninstrumentable drivers the project names in its package.json and has installed', () => {
    const root = project(
      { dependencies: { pg: '^8', 'better-sqlite3': '^11' }, devDependencies: { '@libsql/client': '^0.14' }, optionalDependencies: { 'pg-native': '^3' } },
      { pg: 'cjs', 'better-sqlite3': 'cjs', '@libsql/client': 'esm-only', 'pg-native': 'cjs', postgres: 'cjs' },
    );
    // postgres is installed but not the app's (a dependency pulled it in); pg is instrumented.
    expect(uninstrumentedDrivers(root)).toEqual(['pg-native', 'better-sqlite3', '@libsql/client']);
  });

  it('#16.2 ignores a declared driver that is not installed, and a project without package.json', () => {
    expect(uninstrumentedDrivers(project({ dependencies: { mariadb: '^3', tedious: '^18' } }, {}))).toEqual([]);
    expect(uninstrumentedDrivers(join(tmpdir(), 'perfgate-no-such-project'))).toEqual([]);
  });

  it('#16.2 names each driver and says its queries are not counted', () => {
    expect(uninstrumentedDriversWarning(['mariadb'])).toMatchInlineSnapshot(
      `"perfgate: 'mariadb' (the MariaDB connector) is installed, and perfgate cannot instrument it: queries sent through it are not counted, so a query budget or N+1 check over them passes with 0. perfgate instruments pg, PGlite, knex, mysql2, mysql and Prisma 7 (see perfgate's docs/adapters.md)."`,
    );
    expect(uninstrumentedDriversWarning(['pg-native', 'sqlite3'])).toMatchInlineSnapshot(
      `"perfgate: 'pg-native' (libpq bindings, behind \`pg.native\`), 'sqlite3' (SQLite) are installed, and perfgate cannot instrument them: queries sent through them are not counted, so a query budget or N+1 check over them passes with 0. perfgate instruments pg, PGlite, knex, mysql2, mysql and Prisma 7 (see perfgate's docs/adapters.md)."`,
    );
    expect(uninstrumentedDriversWarning([])).toBeUndefined();
  });

  it('#16.2 warns once per project root in a process, and not at all when there is nothing to say', () => {
    const root = project({ dependencies: { oracledb: '^6' } }, { oracledb: 'cjs' });
    const quiet = project({ dependencies: { pg: '^8' } }, { pg: 'cjs' });
    const warnings: string[] = [];
    for (let i = 0; i < 3; i++) {
      warnUninstrumentedDrivers(root, (message) => warnings.push(message));
      warnUninstrumentedDrivers(quiet, (message) => warnings.push(message));
    }
    expect(warnings).toEqual([expect.stringContaining("'oracledb' (Oracle) is installed")]);
  });
});

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runJest } from './support/run-jest.js';

const run = promisify(execFile);
const packages = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** The version this repo tested with, so npm can take it from its cache. */
async function installedVersion(name: string): Promise<string> {
  // Not every package exports ./package.json: walk up from its entry.
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}')) as { name?: string; version?: string };
    if (manifest.name === name && manifest.version) return manifest.version;
  }
  throw new Error(`cannot find the installed version of ${name}`);
}

let project: string;

/**
 * A user's project outside this repository: its own package.json depending
 * on the perfgate packages by path, jest, @swc/jest and PGlite from the
 * registry, and nothing else perfgate-specific but `preset: '@perfgate/jest'`.
 */
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'perfgate-jest-user-project-'));
  const manifest = {
    name: 'user-project',
    private: true,
    // PGlite's CommonJS build calls import(), which jest allows only with this flag (electric-sql/pglite#224).
    scripts: { test: 'NODE_OPTIONS=--experimental-vm-modules jest' },
    devDependencies: {
      '@perfgate/core': `file:${join(packages, 'core')}`,
      '@perfgate/orm-adapters': `file:${join(packages, 'orm-adapters')}`,
      '@perfgate/jest': `file:${join(packages, 'jest-preset')}`,
      '@electric-sql/pglite': await installedVersion('@electric-sql/pglite'),
      '@jest/globals': await installedVersion('@jest/globals'),
      '@swc/core': await installedVersion('@swc/core'),
      '@swc/jest': await installedVersion('@swc/jest'),
      jest: await installedVersion('jest'),
      typescript: await installedVersion('typescript'),
    },
  };
  await writeFile(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  await writeFile(
    join(project, 'jest.config.js'),
    "module.exports = { preset: '@perfgate/jest', transform: { '^.+\\\\.ts$': '@swc/jest' }, testTimeout: 60_000 };\n",
  );
  // preserveSymlinks: npm links `file:` packages; a registry install puts them in node_modules, where their
  // types resolve `@jest/expect` from the project (the copy its specs' `@jest/globals` uses), not from this repo.
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, preserveSymlinks: true, types: ['@perfgate/jest'] };
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['test'] }));
  await mkdir(join(project, 'test'));
  await writeFile(
    join(project, 'test', 'orders.test.ts'),
    `import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@jest/globals';

test('listing orders stays within budget', async () => {
  const db = await PGlite.create();
  await db.exec('CREATE TABLE orders (id int); CREATE TABLE items (order_id int);');
  await expect(async () => {
    await db.query('SELECT id FROM orders');
    for (const id of [1, 2, 3, 4]) await db.query('SELECT * FROM items WHERE order_id = $1', [id]);
  }).toIssueAtMost(2);
});
`,
  );
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: project });
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

test("gets the matchers from preset: '@perfgate/jest' alone and fails a broken budget with exit code 1", async () => {
  const { code, output } = await runJest(project, { bin: join(project, 'node_modules', 'jest', 'bin', 'jest.js') });
  expect(code).toBe(1);
  // The lines the vitest plugin's external-project test checks, word for word.
  expect(output).toContain('Received: 5 queries, 3 over budget');
  expect(output).toContain('4 × SELECT * FROM items WHERE order_id = ?');
  expect(output).toMatch(/Trace-id: [0-9a-f]{32}/);
}, 120_000);

test('the matchers type-check in the user’s specs', async () => {
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  await expect(run(process.execPath, [tsc, '-p', project], { cwd: project })).resolves.toBeDefined();
}, 120_000);

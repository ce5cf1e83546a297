import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runVitest } from './support/run-vitest.js';

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
 * on the perfgate packages by path, vitest and PGlite from the registry, and
 * nothing else perfgate-specific but `plugins: [perfgate()]`.
 */
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'perfgate-user-project-'));
  const manifest = {
    name: 'user-project',
    private: true,
    type: 'module',
    devDependencies: {
      '@perfgate/core': `file:${join(packages, 'core')}`,
      '@perfgate/orm-adapters': `file:${join(packages, 'orm-adapters')}`,
      '@perfgate/vitest': `file:${join(packages, 'vitest-plugin')}`,
      '@electric-sql/pglite': await installedVersion('@electric-sql/pglite'),
      typescript: await installedVersion('typescript'),
      vitest: await installedVersion('vitest'),
    },
  };
  await writeFile(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  await writeFile(
    join(project, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\nimport { perfgate } from '@perfgate/vitest';\n\nexport default defineConfig({ plugins: [perfgate()], test: { testTimeout: 60_000 } });\n",
  );
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true }, include: ['test', 'vitest.config.ts'] }),
  );
  await mkdir(join(project, 'test'));
  await writeFile(
    join(project, 'test', 'orders.test.ts'),
    `import { PGlite } from '@electric-sql/pglite';
import { expect, test } from 'vitest';

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
}, 180_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

test('gets the matchers from plugins: [perfgate()] alone and fails a broken budget with exit code 1', async () => {
  const { code, output } = await runVitest(project, {}, join(project, 'node_modules', 'vitest', 'vitest.mjs'));
  expect(code).toBe(1);
  expect(output).toContain('Received: 5 queries, 3 over budget');
  expect(output).toContain('4 × SELECT * FROM items WHERE order_id = ?');
  expect(output).toMatch(/Trace-id: [0-9a-f]{32}/);
}, 120_000);

test('the matchers type-check in the user’s specs', async () => {
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  await expect(run(process.execPath, [tsc, '-p', project], { cwd: project })).resolves.toBeDefined();
}, 120_000);

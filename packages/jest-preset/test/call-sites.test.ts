import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runJest } from './support/run-jest.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

// One copy for the file (inside the repo, so node_modules resolve): the runs write the allowlist.
let project: string;
beforeAll(async () => {
  project = await mkdtemp(join(fixtures, '.run-'));
  await cp(join(fixtures, 'call-sites'), project, { recursive: true });
  // A library as TypeORM ships: compiled JS under node_modules, a source map whose sources climb out of it into src/.
  const library = join(project, 'node_modules', 'mapped-orm');
  await mkdir(join(library, 'dist'), { recursive: true });
  await writeFile(join(library, 'package.json'), JSON.stringify({ name: 'mapped-orm', main: 'dist/runner.js' }));
  await writeFile(
    join(library, 'dist', 'runner.js'),
    [
      '"use strict";',
      'exports.insert = async function insert(record, name) {',
      '  await null;',
      "  return record({ sql: 'INSERT INTO tags (name) VALUES ($1)', values: [name], source: 'mapped-orm', dialect: 'postgres' });",
      '};',
      '//# sourceMappingURL=runner.js.map',
      '',
    ].join('\n'),
  );
  const map = { version: 3, file: 'runner.js', sources: ['../../../src/driver/runner.ts'], sourcesContent: ['x\n'.repeat(5)], names: [], mappings: 'AAAA;AACA;AACA;AACA;AACA' };
  await writeFile(join(library, 'dist', 'runner.js.map'), JSON.stringify(map));
});
afterAll(() => rm(project, { recursive: true, force: true }));

const jest = (args: string[] = []) => runJest(project, { args: ['--config', 'test/jest.config.js', ...args] });

// What vitest names natively (V8 keeps async functions), and so what an allowlist written under vitest holds.
const ENTRIES = [
  { shape: 'SELECT * FROM order_items WHERE order_id = ?', file: 'src/legacy.ts', function: 'listLegacyOrders' },
  { shape: 'INSERT INTO tags (name) VALUES (?)', file: 'src/tags.js', function: 'createTags' },
];

test('#11.9 #16.3 #16.8 jest -u keys findings as vitest does (es2015 generators, a source-mapped library) and writes beside package.json; the next run passes', async () => {
  const updated = await jest(['-u']);
  expect(updated.output).toContain('perfgate: added 2 N+1 entries to perfgate.allow.json:');
  expect(updated.code).toBe(0);
  await expect(readFile(join(project, 'test', 'perfgate.allow.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  const written = JSON.parse(await readFile(join(project, 'perfgate.allow.json'), 'utf8')) as { nPlusOne: unknown[] };
  expect(written.nPlusOne).toEqual(expect.arrayContaining(ENTRIES));
  expect(written.nPlusOne).toHaveLength(2);

  const again = await jest();
  expect(again.output).toMatch(/Tests: +2 passed, 2 total/);
  expect(again.code).toBe(0);
}, 180_000); // two jest runs, each minutes on a busy 2-core machine

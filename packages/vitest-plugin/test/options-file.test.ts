import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { perfgate } from '@perfgate/vitest';

// perfgate.config.* is the options file the jest preset reads too; perfgate() reads it when given no options.
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'perfgate-vitest-options-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

test('perfgate() with no options reads perfgate.config.* at the root', async () => {
  await writeFile(join(root, 'perfgate.config.mjs'), "export default { nPlusOne: 'warn', adapters: ['pglite'] };");
  const added = await perfgate().config({ root });
  expect(added.test.provide.perfgate.options).toMatchObject({ nPlusOne: 'warn', adapters: ['pglite'] });
});

test('options given to perfgate() win: the file is not read', async () => {
  await writeFile(join(root, 'perfgate.config.json'), '{ "nPlusOne": "nope" }');
  const added = await perfgate({ http: false }).config({ root });
  expect(added.test.provide.perfgate.options).toMatchObject({ http: false, nPlusOne: 'fail' });
});

test('a bad options file stops the run, naming the file and the option', async () => {
  await writeFile(join(root, 'perfgate.config.json'), '{ "adapter": ["pg"] }');
  await expect(perfgate().config({ root })).rejects.toThrow('perfgate options (perfgate.config.json): unknown option "adapter"; the options are');
});

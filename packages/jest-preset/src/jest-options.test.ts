import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePerfgateOptions } from '@perfgate/core/runner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jestConfigName, resolveJestOptions } from './jest-options.js';
import type { JestRun } from './jest-run.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'perfgate-jest-options-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const DEFAULTS = resolvePerfgateOptions(undefined, 'test');
const run = (optionsFile: JestRun['optionsFile']): JestRun => ({ update: { addNew: false, rewrite: false, ci: false, command: 'jest -u' }, v8Coverage: false, reportDir: '/tmp/none', optionsFile });

describe('resolveJestOptions', () => {
  it('takes globals.perfgate first, naming the jest config in its errors', async () => {
    await writeFile(join(root, 'jest.config.js'), 'module.exports = {};');
    await writeFile(join(root, 'perfgate.config.json'), '{ "nPlusOne": "off" }');
    await expect(resolveJestOptions(root, { nPlusOne: 'warn' }, undefined)).resolves.toEqual({ ...DEFAULTS, nPlusOne: 'warn' });
    await expect(resolveJestOptions(root, { nPlusOnes: 'warn' }, undefined)).rejects.toThrow(
      'perfgate options (globals.perfgate in jest.config.js): unknown option "nPlusOnes";',
    );
  });

  it('uses the options file the reporter loaded for this root, or its error', async () => {
    const options = { ...DEFAULTS, http: false };
    await expect(resolveJestOptions(root, undefined, run({ root, options }))).resolves.toBe(options);
    await expect(resolveJestOptions(root, undefined, run({ root, error: 'perfgate options (perfgate.config.mjs): boom' }))).rejects.toThrow('boom');
  });

  it("reads another project's options file itself", async () => {
    await writeFile(join(root, 'perfgate.config.json'), '{ "nPlusOneThreshold": 4 }');
    await expect(resolveJestOptions(root, undefined, run({ root: '/elsewhere', options: DEFAULTS }))).resolves.toEqual({ ...DEFAULTS, nPlusOneThreshold: 4 });
    await writeFile(join(root, 'perfgate.config.json'), '{ "nPlusOneThreshold": 1 }');
    await expect(resolveJestOptions(root, undefined, undefined)).rejects.toThrow('perfgate options (perfgate.config.json): "nPlusOneThreshold" must be a whole number, 2 or more; received number 1.');
  });

  it('is the defaults with neither', async () => {
    await expect(resolveJestOptions(root, undefined, undefined)).resolves.toEqual(DEFAULTS);
  });
});

describe('jestConfigName', () => {
  it('names the jest config file at the root, or says "the jest config"', async () => {
    expect(jestConfigName(root)).toBe('the jest config');
    await writeFile(join(root, 'jest.config.mjs'), 'export default {};');
    expect(jestConfigName(root)).toBe('jest.config.mjs');
  });
});

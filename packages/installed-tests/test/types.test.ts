import { beforeAll, describe, expect, test } from 'vitest';
import { installedProject, type InstalledProject } from './support/installed-project.js';

// tsc over the installed tarballs, as a user's editor and CI see them (workspace links resolve differently).
// One install, three tsconfigs: fixtures/types-node10/{vitest-node10,jest-nest,jest-node16}.
describe('types from the installed packages', () => {
  let project: InstalledProject;
  beforeAll(async () => {
    project = await installedProject('types-node10');
  });

  test('#11.11 moduleResolution "node" resolves every subpath (orm-adapters/prisma, core/matchers) and keeps the matchers', async () => {
    // skipLibCheck off: it hid a broken import in perfgate's own declarations. vitest's own declarations have node10
    // errors of their own (not perfgate's to fix), so only errors in the spec or in perfgate's files count.
    const { stdout } = await project.run('tsc', ['-p', 'vitest-node10', '--skipLibCheck', 'false']);
    expect(stdout).toContain('node_modules/vitest/'); // the check did run over the libraries
    expect(stdout.split('\n').filter((line) => /^(vitest-node10\/|node_modules\/@perfgate\/)/.test(line))).toEqual([]);
  });

  test('#16.11 the classic Nest tsconfig (module commonjs) with "types": ["jest", "@perfgate/jest"] keeps node, jest and the matchers', async () => {
    const nest = await project.run('tsc', ['-p', 'jest-nest']);
    expect(nest.stdout).toBe('');
    expect(nest.code).toBe(0);
    // A CommonJS project under node16 gets CommonJS declarations (.d.cts), not ES module ones it cannot require.
    const node16 = await project.run('tsc', ['-p', 'jest-node16']);
    expect(node16.stdout).toBe('');
    expect(node16.code).toBe(0);
  });
});

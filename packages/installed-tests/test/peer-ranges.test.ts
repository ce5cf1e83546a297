import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { installedProject, type InstalledProject } from './support/installed-project.js';

// Real `npm install`s (never --legacy-peer-deps, which drops peers silently): an ERESOLVE fails installedProject().
// `npm ls --all` exits non-zero on any invalid or missing dependency, peers included.
async function expectValidTree(project: InstalledProject): Promise<void> {
  const { code, stdout, stderr } = await project.run('npm', ['ls', '--all']);
  expect(stderr).toBe('');
  expect(stdout).not.toMatch(/\binvalid\b|UNMET (PEER )?DEPENDENCY/);
  expect(code).toBe(0);
}

describe('#16.6 peer ranges that block installs', () => {
  test('#16.6 TypeScript 4.9 + jest 29 (+ Prisma 4, as a Nest 8 app has) installs, type-checks and runs the preset', async () => {
    const project = await installedProject('jest29-ts49');
    await expectValidTree(project);
    const tsc = await project.run('tsc', ['-p', '.']);
    expect(tsc.stdout).toBe('');
    const jest = await project.run('jest', []);
    expect(jest.stderr).toMatch(/Tests: {7}1 passed, 1 total/);
    expect(jest.code).toBe(0);
  });

  test('#16.6 TypeORM 0.2 + mysql2 2 installs beside perfgate (mysql2 peer >=2 <4)', async () => {
    const project = await installedProject('typeorm02-mysql2v2');
    await expectValidTree(project);
    const mysql2 = JSON.parse(readFileSync(join(project.dir, 'node_modules', 'mysql2', 'package.json'), 'utf8')) as { version: string };
    expect(mysql2.version).toMatch(/^2\./);
  });

  test('#16.6 a jest-only project gets no vitest, a vitest-only project no jest', async () => {
    const jestOnly = await installedProject('jest-basic');
    expect(existsSync(join(jestOnly.dir, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(join(jestOnly.dir, 'node_modules', '@perfgate', 'jest'))).toBe(true);
    await expectValidTree(jestOnly);
    const vitestOnly = await installedProject('vitest-basic');
    expect(existsSync(join(vitestOnly.dir, 'node_modules', 'jest'))).toBe(false);
    expect(existsSync(join(vitestOnly.dir, 'node_modules', '@perfgate', 'vitest'))).toBe(true);
    await expectValidTree(vitestOnly);
  });
});

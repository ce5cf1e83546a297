import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ALLOWLIST, allowlistText, LEGACY_ENTRY as ENTRY, nPlusOneDebt } from '../../core/test/runner-scenarios/projects/n-plus-one-debt.js';
import { writeProject } from '../../core/test/runner-scenarios/index.js';
import { runVitest } from './support/run-vitest.js';
import { vitestScenarioRunner } from './support/vitest-scenario-runner.js';

// vitest's own flags and config shapes (file filters, projects, root, -u's value), on the scenario table's N+1 project.
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
// Child runs take seconds each, and more on a busy machine.
const CHILD_RUNS = { timeout: 180_000 };

// FIXTURE_EXTRA adds extra/ to the suite; FIXTURE_PROJECTS splits test/ and extra/ into two projects sharing one allowlist.
const config = `import { perfgate } from '@perfgate/vitest';
import { defineConfig } from 'vitest/config';

const include = process.env.FIXTURE_EXTRA ? ['test/**/*.spec.ts', 'extra/**/*.spec.ts'] : ['test/**/*.spec.ts'];
const projects = [
  { extends: true, test: { name: 'legacy', include: ['test/**/*.spec.ts'] } },
  { extends: true, test: { name: 'extra', include: ['extra/**/*.spec.ts'] } },
];
// A project's include is added to the root's (vite concatenates arrays): the root sets none then.
export default defineConfig({ plugins: [perfgate()], test: { hookTimeout: 60_000, testTimeout: 60_000, ...(process.env.FIXTURE_PROJECTS ? { projects } : { include }) } });
`;
// A spec with no N+1: run alone (a file filter, a project of its own), it must not make legacy.spec.ts's allowlist entry stale.
const plainSpec = "import { expect, test } from 'vitest';\n\ntest('adds up', () => {\n  expect(1 + 1).toBe(2);\n});\n";

// A copy of the project per test (inside the repo, so node_modules resolve): runs write files.
let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(fixtures, '.run-'));
  await writeProject(nPlusOneDebt, vitestScenarioRunner, project, { 'vitest.config.ts': config, 'extra/plain.spec.ts': plainSpec });
});
afterEach(() => rm(project, { recursive: true, force: true }));

const vitest = (env: Record<string, string>, args: string[] = []) => runVitest(project, env, undefined, args);
const allowlist = () => readFile(join(project, ALLOWLIST), 'utf8');
const withEntry = () => writeFile(join(project, ALLOWLIST), allowlistText(ENTRY));

describe('#11.5 a run that did not see every spec never calls an allowlist entry stale', () => {
  test('#11.5 CI=true with a file filter: the entry of a spec it did not run is not stale', CHILD_RUNS, async () => {
    await withEntry();
    const { code, output } = await vitest({ CI: 'true', FIXTURE_EXTRA: '1' }, ['extra/plain.spec.ts']);
    expect(output).toMatch(/1 passed/);
    expect(code).toBe(0);
    expect(output).not.toContain('stale');
  });

  test('#11.5 projects sharing one allowlist: -u adds the entry and calls nothing stale; CI=true then passes, nothing stale', CHILD_RUNS, async () => {
    const updated = await vitest({ FIXTURE_PROJECTS: '1' }, ['-u']);
    expect(updated.code).toBe(0);
    expect(updated.output).toContain(`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`);
    expect(updated.output).not.toContain('stale');
    expect(JSON.parse(await allowlist())).toEqual({ version: 1, nPlusOne: [ENTRY] });

    const ci = await vitest({ CI: 'true', FIXTURE_PROJECTS: '1' });
    expect(ci.output).toMatch(/\|legacy\| test\/legacy\.spec\.ts/);
    expect(ci.output).toMatch(/\|extra\| extra\/plain\.spec\.ts/);
    expect(ci.code).toBe(0);
    expect(ci.output).not.toContain('stale');
  });
});

test('#16.8 -u writes the allowlist beside package.json when vitest’s root is a subfolder', CHILD_RUNS, async () => {
  const config = [
    "import { perfgate } from '@perfgate/vitest';",
    "import { defineConfig } from 'vitest/config';",
    "export default defineConfig({ root: 'test', plugins: [perfgate()], test: { include: ['**/*.spec.ts'], hookTimeout: 60_000, testTimeout: 60_000 } });",
    '',
  ].join('\n');
  await writeFile(join(project, 'vitest.config.ts'), config);
  const updated = await vitest({}, ['-u']);
  expect(updated.output).toContain(`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`);
  expect(updated.code).toBe(0);
  expect(JSON.parse(await allowlist())).toEqual({ version: 1, nPlusOne: [ENTRY] });
  await expect(readFile(join(project, 'test', ALLOWLIST), 'utf8')).rejects.toThrow(/ENOENT/);
});

describe('#11.6 the update flag', () => {
  test('#11.6 `vitest run -u <file>`: perfgate says vitest took the file for the update type, writes nothing, and prints the command that works', CHILD_RUNS, async () => {
    const { code, output } = await vitest({ FIXTURE_EXTRA: '1' }, ['-u', 'extra/plain.spec.ts']);
    // vitest ran every spec: the N+1 in legacy.spec.ts fails, with the command that would accept it.
    expect(code).toBe(1);
    expect(output).toContain('run the tests with the update flag (vitest run extra/plain.spec.ts -u)');
    expect(output).toContain(
      'perfgate: vitest took "extra/plain.spec.ts" as the value of -u (vitest\'s -u [type] reads the next word; the types are all, new, none), ' +
        'so this run ran every spec and perfgate wrote nothing. To update from extra/plain.spec.ts alone: vitest run extra/plain.spec.ts -u',
    );
    await expect(allowlist()).rejects.toThrow(/ENOENT/);
  });

  test('#11.6 --update=new adds new allowlist entries', CHILD_RUNS, async () => {
    const { code, output } = await vitest({}, ['--update=new']);
    expect(code).toBe(0);
    expect(output).toContain(`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`);
    expect(JSON.parse(await allowlist())).toEqual({ version: 1, nPlusOne: [ENTRY] });
  });
});

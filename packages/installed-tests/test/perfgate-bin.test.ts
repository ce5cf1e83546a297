import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { installedProject } from './support/installed-project.js';

// `npx perfgate merge` as a user runs it: the bin comes with the runner package the project installed, and merges the
// reports of a suite run in two shards. The fixture's N+1 spec fails its shard; the merge reports the union either way.
const plainSpec = (api: string) => `import { expect, test } from '${api}';\n\ntest('adds up', () => {\n  expect(1 + 1).toBe(2);\n});\n`;

const RUNNERS = [
  { fixture: 'vitest-basic', pkg: '@perfgate/vitest', api: 'vitest', command: 'vitest', args: ['run'], env: {} },
  // PGlite loads its WebAssembly with import(), which jest allows only with vm modules.
  { fixture: 'jest-basic', pkg: '@perfgate/jest', api: '@jest/globals', command: 'jest', args: [], env: { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' } },
] as const;

describe.each(RUNNERS)('$fixture', ({ fixture, pkg, api, command, args, env }) => {
  test('#12.7 npx --no perfgate merge joins the two shards’ reports into the whole suite’s', async () => {
    const project = await installedProject(fixture, { env: { CI: 'true' } });
    await writeFile(join(project.dir, 'test', 'plain.spec.ts'), plainSpec(api));
    for (const shard of [1, 2]) {
      const run = await project.run(command, [...args, `--shard=${shard}/2`], { env });
      expect(run.stdout + run.stderr).toContain(`shard ${shard}/2`);
      await copyFile(join(project.dir, '.perfgate', 'report.json'), join(project.dir, `shard-${shard}.json`));
    }
    const merge = await project.run('npx', ['--no', 'perfgate', 'merge', '--json', 'shard-1.json', 'shard-2.json']);
    expect(merge.stderr).toContain('perfgate summary: 4 tests in 2 files');
    const outcome = JSON.parse(merge.stdout) as { exitCode: number; whole: boolean; shards: unknown[]; allowlists: { unlisted: unknown[] }[] };
    expect(outcome).toMatchObject({ whole: true, shards: [{ index: 1, count: 2 }, { index: 2, count: 2 }] });
    // The fixture's N+1 is in no allowlist: the merge job fails on it.
    expect(outcome.allowlists[0]?.unlisted).toHaveLength(1);
    expect(merge.code).toBe(1);
    expect(JSON.parse(await readFile(join(project.dir, '.perfgate', 'report.json'), 'utf8')).tests).toHaveLength(4);
    // The runner package's own bin, whichever package npm linked as `perfgate`.
    const own = await project.run('node', [join('node_modules', pkg, 'bin', 'perfgate.mjs'), '--version']);
    expect(own).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});

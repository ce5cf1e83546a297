import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { installedProject } from './support/installed-project.js';

// PGlite loads its WebAssembly with import(), which jest allows only with vm modules.
const VM_MODULES = { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' };
/** A spec with no query: run alone, it must not make the other spec's allowlist entry stale (jest's globals need no import). */
const PLAIN_SPEC = (imports: string) => `${imports}test('adds up', () => {\n  expect(1 + 1).toBe(2);\n});\n`;
const output = ({ stdout, stderr }: { stdout: string; stderr: string }) => `${stdout}\n${stderr}`;

describe('filtered runs and the update flag, installed from the packed tarballs', () => {
  test('#11.5 #11.6 vitest: -u <file> is said and writes nothing; <file> -u writes; a CI=true run of another file calls no entry stale', async () => {
    const project = await installedProject('vitest-basic');
    await writeFile(join(project.dir, 'test/plain.spec.ts'), PLAIN_SPEC("import { expect, test } from 'vitest';\n\n"));

    const swallowed = output(await project.run('vitest', ['run', '-u', 'test/orders.spec.ts']));
    expect(swallowed).toContain('perfgate: vitest took "test/orders.spec.ts" as the value of -u');
    expect(swallowed).toContain('To update from test/orders.spec.ts alone: vitest run test/orders.spec.ts -u');
    await expect(readFile(join(project.dir, 'perfgate.allow.json'), 'utf8')).rejects.toThrow(/ENOENT/);

    const updated = output(await project.run('vitest', ['run', 'test/orders.spec.ts', '-u']));
    expect(updated).toContain('perfgate: added 1 N+1 entry to perfgate.allow.json:');

    const filtered = await project.run('vitest', ['run', 'test/plain.spec.ts'], { env: { CI: 'true' } });
    expect(output(filtered)).toMatch(/Tests {2}1 passed \(1\)/);
    expect(output(filtered)).not.toContain('stale');
    expect(filtered.code).toBe(0);
  });

  test('#11.5 jest: a CI=true run of another file calls no entry stale', async () => {
    const project = await installedProject('jest-basic');
    await writeFile(join(project.dir, 'test/plain.spec.ts'), PLAIN_SPEC(''));
    const updated = output(await project.run('jest', ['-u', 'test/orders'], { env: VM_MODULES }));
    expect(updated).toContain('perfgate: added 1 N+1 entry to perfgate.allow.json:');

    const filtered = await project.run('jest', ['test/plain'], { env: { ...VM_MODULES, CI: 'true' } });
    expect(output(filtered)).toMatch(/Tests: +1 passed, 1 total/);
    expect(output(filtered)).not.toContain('stale');
    expect(filtered.code).toBe(0);
  });
});

import { describe, expect, test } from 'vitest';
import { installedProject, type RunResult } from './support/installed-project.js';

// PGlite loads its WebAssembly with import(), which jest allows only with vm modules.
const VM_MODULES = { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' };
const WITHOUT_PERFGATE = { WITHOUT_PERFGATE: '1' };
const WARNING = /^perfgate: 'postgres' \(postgres\.js\) is installed, and perfgate cannot instrument it: queries sent through it are not counted.*$/gm;

// perfgate's run summary (docs/report.md): its heading, indented rows, section heads and the blank lines between them.
const SUMMARY = /^perfgate summary: .*\n(?:(?:[ \t]+.*|Heaviest requests:|Allowlist .*|Baselines:|)\n)*/gm;

/** What the runner reported, without perfgate's warning and run summary, timings, dates and the project's temporary path. */
function report({ stdout, stderr }: RunResult): string {
  return `${stdout}\n${stderr}\n`
    .replace(WARNING, '')
    .replace(SUMMARY, '')
    .split('\n')
    .filter((line) => !/^\s*(RUN|Start at|Duration|Time:)\s/.test(line) && line.trim() !== '')
    .map((line) => line.replace(/\s*\(?\d+(\.\d+)?\s?m?s\)?$/, ''))
    .join('\n');
}

const warnings = ({ stdout, stderr }: RunResult) => `${stdout}\n${stderr}`.match(WARNING) ?? [];

describe(`drivers, installed from the packed tarballs (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite over a socket'})`, () => {
  test('#11.1 vitest: an unawaited failing pool.query is the same Unhandled Rejection and exit code with and without the plugin', async () => {
    const project = await installedProject('vitest-drivers');
    const withPlugin = await project.run('vitest', ['run', 'test/unawaited.spec.js']);
    const without = await project.run('vitest', ['run', 'test/unawaited.spec.js'], { env: WITHOUT_PERFGATE });
    expect(report(without)).toContain('⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯\nerror: relation "audit_log" does not exist\n ❯ node_modules/pg-pool/index.js:45:11');
    expect(report(without)).toMatch(/Errors {2}1 error/);
    expect([withPlugin.code, report(withPlugin)]).toEqual([without.code, report(without)]);
    expect(without.code).toBe(1);
    expect([warnings(withPlugin).length, warnings(without).length]).toEqual([1, 0]);
  });

  test('#11.1 jest: an unawaited failing pool.query fails the same test with the same error with and without the preset', async () => {
    const project = await installedProject('jest-drivers');
    const withPreset = await project.run('jest', ['test/unawaited.spec.js'], { env: VM_MODULES });
    const without = await project.run('jest', ['test/unawaited.spec.js'], { env: { ...VM_MODULES, ...WITHOUT_PERFGATE } });
    expect(report(without)).toContain('● POST /orders answers though its audit insert fails unawaited\n    error: relation "audit_log" does not exist\n      at node_modules/pg-pool/index.js:45:11');
    expect([withPreset.code, report(withPreset)]).toEqual([without.code, report(without)]);
    expect(without.code).toBe(1);
    expect([warnings(withPreset).length, warnings(without).length]).toEqual([1, 0]);
  });

  test('#11.2 #16.2 vitest: a QueryStream, a named statement by name and mysql queries are counted; an uninstrumentable driver is named once per run', async () => {
    const project = await installedProject('vitest-drivers');
    const run = await project.run('vitest', ['run', 'test/stream.spec.js', 'test/mysql.spec.js']);
    const output = report(run);
    expect(output).toContain('✓ test/stream.spec.js (2 tests)');
    expect(output).toMatch(/[✓↓] test\/mysql\.spec\.js \(1 test/);
    expect(output).toMatch(process.env.MYSQL_URL ? /Tests {2}3 passed \(3\)/ : /Tests {2}2 passed \| 1 skipped \(3\)/);
    expect(warnings(run)).toHaveLength(1);
    expect(run.code).toBe(0);
  });

  test('#11.2 #16.2 jest: a QueryStream and a named statement by name are counted; the uninstrumentable driver is named once', async () => {
    const project = await installedProject('jest-drivers');
    const run = await project.run('jest', ['test/stream.spec.js'], { env: VM_MODULES });
    expect(report(run)).toContain('✓ a QueryStream is one query\n  ✓ a named statement re-run by its name alone is a query');
    expect(warnings(run)).toHaveLength(1);
    expect(run.code).toBe(0);
  });
});

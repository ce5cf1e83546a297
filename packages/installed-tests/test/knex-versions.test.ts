import { isCI } from '@perfgate/core/runner';
import { expect, test } from 'vitest';
import { installedProject } from './support/installed-project.js';

// #16.5: the knex and mysql2 versions people run, each from the packed tarballs against the real servers.
// The fixture needs both: without them the test is skipped, saying so, except under CI, where it must run.
const missing = ['DATABASE_URL', 'MYSQL_URL'].filter((name) => !process.env[name]);
const skip = missing.length > 0 && !isCI();
const title = '#16.5 knex 0.20, 0.21, 2 and 3 over pg and mysql2, and mysql2 2 and 3, record every statement once; knex 0.19 is refused';

test.skipIf(skip)(skip ? `${title} (skipped: set ${missing.join(' and ')} to run)` : title, async () => {
  expect(missing, 'CI must run the installed knex and mysql2 tests: set DATABASE_URL and MYSQL_URL').toEqual([]);
  const project = await installedProject('knex-versions');
  const { code, stdout, stderr } = await project.run('vitest', ['run', '--reporter=verbose']);
  const output = stdout + stderr;
  for (const [name, version] of [['knex-0-20', '0.20.15'], ['knex-0-21', '0.21.21'], ['knex-2', '2.5.1'], ['knex', '3.']] as const) {
    for (const client of ['pg', 'mysql2']) {
      expect(output).toMatch(new RegExp(`✓ test/knex-versions\\.spec\\.js > ${name} > knex ${version.replace(/\./g, '\\.')}[\\d.]* over '${client}' > records each statement once`));
    }
  }
  expect(output).toContain('✓ test/knex-versions.spec.js > knex 0.19 is refused, naming its version and the supported range');
  expect(output).toContain('✓ test/mysql2-versions.spec.js > mysql2 > records query and execute');
  expect(output).toContain('✓ test/mysql2-versions.spec.js > mysql2-3 > records query and execute');
  expect(output).toMatch(/Tests {2}21 passed \(21\)/);
  expect(code, `the child run exited non-zero; its output ends:\n${output.slice(-4000)}`).toBe(0);
});

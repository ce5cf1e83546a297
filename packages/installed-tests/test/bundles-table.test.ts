import { expect, test } from 'vitest';
import { installedProject } from './support/installed-project.js';

test('#11.4 the bundles table runs from an installed @perfgate/vitest (its test file is not under node_modules)', async () => {
  const project = await installedProject('vitest-bundles');
  const { code, stdout, stderr } = await project.run('vitest', ['run']);
  const output = stdout + stderr;
  expect(output).toMatch(/✓ test\/home-page\.spec\.ts|✓ renders the greeting/);
  expect(output).toMatch(/FAIL .*perfgate bundle budgets > bundle home page\n/);
  expect(output).toContain("Error: expect(entry).toHaveBundleSizeAtMost('100 B')");
  expect(output).toMatch(/Tests {2}1 failed \| 1 passed \(2\)/);
  expect(code).toBe(1);
});

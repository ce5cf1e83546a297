import { expect, test } from 'vitest';
import { installedProject } from './support/installed-project.js';

test('#11.15 perfgate.config.mjs typed with definePerfgateConfig from @perfgate/vitest sets the options', async () => {
  const project = await installedProject('vitest-config-file');
  const { code, stdout, stderr } = await project.run('vitest', ['run']);
  const output = stdout + stderr;
  // nPlusOne: 'warn' from the file: the finding is printed and the test passes.
  expect(output).toContain('5 × SELECT sku FROM order_items WHERE order_id = ?');
  expect(output).toMatch(/Tests {2}1 passed \(1\)/);
  expect(code).toBe(0);
  // CommonJS config files (perfgate.config.cjs) get it with require().
  const required = await project.run('node', ['-e', "process.stdout.write(typeof require('@perfgate/core').definePerfgateConfig)"]);
  expect(required.stdout).toBe('function');
});

import { expect, test } from 'vitest';
import { installedProject } from './support/installed-project.js';

// #16.1: raw-body before 2.5 (body-parser 1.19: Express 4.17.1, Nest 8.0) called back from the request's `end`
// listener, outside the request's async context, and every query after body parsing went uncounted. The fixture
// holds each framework family once (old Express versions as npm aliases) and runs their POSTs under the plugin.
test('#16.1 Express 4.17.1, 4.18 and 5, Nest 8 and both Koa body parsers keep the request scope for JSON, urlencoded and raw bodies', async () => {
  const project = await installedProject('body-parsing');
  const { code, stdout, stderr } = await project.run('vitest', ['run', '--reporter=verbose']);
  const output = stdout + stderr;
  for (const name of ['Express 4.17.1', 'Express 4.18', 'Express 5', 'Koa + koa-bodyparser 4', 'Koa + @koa/bodyparser']) {
    for (const body of ['json', 'urlencoded', 'raw']) expect(output).toContain(`✓ test/body-parsing.spec.js > ${name}: a ${body} POST keeps its queries in the request scope`);
  }
  expect(output).toContain('✓ test/body-parsing.spec.js > Nest 8.0: a json POST keeps its queries in the request scope');
  expect(output).toContain('✓ test/body-parsing.spec.js > Nest 8.0: a urlencoded POST keeps its queries in the request scope');
  expect(output).toMatch(/Tests {2}17 passed \(17\)/);
  expect(code).toBe(0);
});

import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runJest } from './support/run-jest.js';

const ordersApi = fileURLToPath(new URL('./fixtures/orders-api', import.meta.url));

test('#11.13 an unawaited perfgate assertion fails its test, naming the matcher and line; #16.12 queries that escaped their scope are said', { timeout: 180_000 }, async () => {
  const { code, output } = await runJest(ordersApi, { env: { FIXTURE_ESCAPES: '1' } });
  expect(code).toBe(1);
  expect(output).toContain('● an assertion left unawaited');
  expect(output).toContain('PerfgateError: perfgate: an assertion was not awaited: still running when the test ended, so its verdict could not fail it:');
  expect(output).toContain('toIssueAtMost() at escapes/escapes.spec.ts:31:37');
  // toIssueAtMost(0) passed on a request whose one query ran in no scope: the pass is not silent.
  expect(output).toMatch(/✓ a request whose queries ran outside its scope/);
  expect(output).toContain('1 query ran outside any scope while this test ran — async context lost? They are counted in no scope.');
  expect(output).toContain('first: pglite SELECT id FROM orders WHERE id > ? from escapes/escapes.spec.ts:23:76');
  expect(output).toMatch(/Tests: +1 failed, 1 passed, 2 total/);
});

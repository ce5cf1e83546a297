import { afterEach, describe, expect, it } from 'vitest';
import { perfgateMatchers } from '../matchers/index.js';
import { TestSession } from './test-session.js';
import { stopScopeTracking } from '../../test/test-states.js';

const session = new TestSession();
expect.extend(session.assertions.wrap(perfgateMatchers));

const IDENTITY = { id: 'unit > test', file: 'unit.test.ts', name: 'test' };
afterEach(() => stopScopeTracking());

describe('TestSession', () => {
  it('#11.13 fails a test that left an assertion running, with the code the runner throws', async () => {
    const state = session.beforeTest(IDENTITY);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    void expect(() => released).toIssueAtMost(0);
    const { failure, warnings } = await session.afterTest(state);
    expect(warnings).toEqual([]);
    expect(failure?.code).toBe('UNAWAITED_ASSERTION');
    expect(failure?.message).toMatch(/^perfgate: an assertion was not awaited: still running when the test ended/);
    release();
  });

  it("#11.13 calls nothing unawaited at the end of a concurrent test: another test's awaited assertion may still run", async () => {
    const state = session.beforeTest(IDENTITY);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const other = expect(() => released).toIssueAtMost(0); // awaited by the test beside this one
    expect(await session.afterTest(state, { concurrent: true })).toEqual({ warnings: [] });
    release();
    await other;
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteOf } from '../../test/call-sites.js';
import { recorded } from '../../test/matcher-helpers.js';
import { perfgateMatchers } from '../matchers/index.js';
import { endTestState, startTestState, type TestState } from './test-state.js';
import { formatUnawaited, UnawaitedAssertions } from './unawaited-assertions.js';

const assertions = new UnawaitedAssertions();
expect.extend(assertions.wrap(perfgateMatchers));

/** Work that is still running when the check looks: a slow request, say. */
const slowWork = (release: Promise<void>) => () => release;

let state: TestState;
beforeEach(() => {
  state = startTestState({ id: 'test', file: 'test.ts', name: 'test' });
});
afterEach(() => endTestState(state));

describe('UnawaitedAssertions (#11.13)', () => {
  it('#11.13 an assertion still running at the end of the test is found, with its matcher and line', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    void expect(slowWork(released)).toIssueAtMost(0); // @unawaited
    const { file, line, column } = siteOf(import.meta.url, 'unawaited', 'toIssueAtMost(');
    expect(await assertions.take(state)).toEqual([{ matcher: 'toIssueAtMost', site: `${file}:${line}:${column}` }]);
    expect(await assertions.take(state)).toEqual([]);
    release();
  });

  it('#11.13 awaited, through Promise.all, or with .resolves / .rejects: nothing is reported', async () => {
    const result = await recorded(['SELECT 1']);
    await expect(result).toIssueAtMost(1);
    await Promise.all([expect(result).toIssueExactly(1), expect(result).toHaveNoNPlusOne()]);
    await expect(expect(result).toIssueAtMost(1)).resolves.toBeUndefined();
    await expect(expect(result).toIssueAtMost(0)).rejects.toThrow(/over budget/);
    await expect(result).not.toIssueAtMost(0);
    expect(await assertions.take(state)).toEqual([]);
  });

  it('#11.13 the runner gets the matcher\'s own promise: verdicts, rejections and the spec line in the stack are unchanged', async () => {
    const result = await recorded(['SELECT 1', 'SELECT 2']);
    const failure = await expect(result).toIssueAtMost(1).then(() => undefined, (error: unknown) => error as Error); // @awaited
    expect(failure?.message).toContain('expect(received).toIssueAtMost(1)');
    const { file, line } = siteOf(import.meta.url, 'awaited', 'await expect(');
    expect(failure?.stack).toContain(`${file}:${line}:`);
    await expect(expect(result).toIssueAtMost(-1)).rejects.toThrow(/the budget must be a whole number/);
  });

  it('#11.13 the failure names each assertion and where it was called', () => {
    expect(formatUnawaited([{ matcher: 'toIssueAtMost', site: 'test/orders.spec.ts:12:5' }, { matcher: 'toHaveNoNPlusOne', site: undefined }])).toMatchInlineSnapshot(`
      "perfgate: 2 assertions were not awaited: still running when the test ended, so their verdicts could not fail it:
        toIssueAtMost() at test/orders.spec.ts:12:5
        toHaveNoNPlusOne()
      perfgate matchers return a promise: write \`await expect(…).toIssueAtMost(…)\` (or return it from the test)."
    `);
  });
});

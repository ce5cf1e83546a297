import { describe, expect, it } from 'vitest';
import { siteOf } from '../../test/call-sites.js';
import { recorded } from '../../test/matcher-helpers.js';
import { perfgateMatchers } from '../matchers/index.js';
import { formatUnawaited, UnawaitedAssertions } from './unawaited-assertions.js';

const assertions = new UnawaitedAssertions();
expect.extend(assertions.wrap(perfgateMatchers));

/** Lets pending verdicts settle (a recorded result is judged in a few microtasks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('UnawaitedAssertions (#11.13)', () => {
  it('#11.13 an assertion nobody awaited is found, with its matcher, line and verdict', async () => {
    assertions.reset();
    const result = await recorded(['SELECT 1', 'SELECT 2']);
    expect(result).toIssueAtMost(0); // @unawaited
    await settle();
    const [found, ...rest] = assertions.take();
    expect(rest).toEqual([]);
    const { file, line, column } = siteOf(import.meta.url, 'unawaited', 'toIssueAtMost(');
    expect(found).toMatchObject({ matcher: 'toIssueAtMost', state: 'failed', site: `${file}:${line}:${column}` });
    expect(found!.failure).toContain('Received: 2 queries, 2 over budget');
    expect(assertions.take()).toEqual([]);
  });

  it('#11.13 awaited, returned through Promise.all, or checked with .resolves / .rejects: nothing is reported', async () => {
    assertions.reset();
    const result = await recorded(['SELECT 1']);
    await expect(result).toIssueAtMost(1);
    await Promise.all([expect(result).toIssueExactly(1), expect(result).toHaveNoNPlusOne()]);
    await expect(expect(result).toIssueAtMost(1)).resolves.toBeUndefined();
    await expect(expect(result).toIssueAtMost(0)).rejects.toThrow(/over budget/);
    await expect(result).not.toIssueAtMost(0);
    expect(assertions.take()).toEqual([]);
  });

  it('#11.13 the verdict of an awaited assertion is unchanged: a failure still fails', async () => {
    const result = await recorded(['SELECT 1', 'SELECT 2']);
    await expect(expect(result).toIssueAtMost(1)).rejects.toThrow('expect(received).toIssueAtMost(1)');
    await expect(expect(result).toIssueAtMost(-1)).rejects.toThrow(/the budget must be a whole number/);
  });

  it('#11.13 the failure names each assertion and what became of it', () => {
    expect(
      formatUnawaited([
        { matcher: 'toIssueAtMost', site: 'test/orders.spec.ts:12:5', state: 'pending' },
        { matcher: 'toHaveNoNPlusOne', site: undefined, state: 'failed', failure: 'expect(received).toHaveNoNPlusOne()\n\nReceived: 1 N+1' },
        { matcher: 'toIssueExactly', site: 'test/orders.spec.ts:14:5', state: 'passed' },
      ]),
    ).toMatchInlineSnapshot(`
      "perfgate: 3 assertions were not awaited, so their verdicts could not fail the test:
        toIssueAtMost() at test/orders.spec.ts:12:5: still running when the test ended
        toHaveNoNPlusOne(): it failed, unseen:
            expect(received).toHaveNoNPlusOne()

            Received: 1 N+1
        toIssueExactly() at test/orders.spec.ts:14:5: it passed, but nothing waited for it
      perfgate matchers return a promise: write \`await expect(…).toIssueAtMost(…)\` (or return it from the test)."
    `);
  });
});

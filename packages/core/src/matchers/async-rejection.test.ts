import { describe, expect, it } from 'vitest';
import { recorded } from '../../test/matcher-helpers.js';
import { rejectionOf } from '../../test/rejection-of.js';
import { perfgateMatchers } from './index.js';

expect.extend(perfgateMatchers);

type Matcher = keyof typeof perfgateMatchers;

/** One call per matcher with input it refuses, and the start of what it says. */
const BAD_INPUT: Record<Matcher, readonly [() => unknown, string]> = {
  toIssueAtMost: [() => expect(() => undefined).toIssueAtMost(-1), 'toIssueAtMost: the budget must be a whole number of queries'],
  toIssueExactly: [() => expect(() => undefined).toIssueExactly(1, { knd: 'select' } as never), 'toIssueExactly: unknown option "knd"'],
  toHaveNoNPlusOne: [() => expect(42).toHaveNoNPlusOne(), 'toHaveNoNPlusOne: expect() received number 42'],
  toIssueConstantQueries: [() => expect(() => undefined).toIssueConstantQueries({} as never), 'toIssueConstantQueries: needs { populate'],
  toAllocateAtMost: [() => expect(() => undefined).toAllocateAtMost('4 kilobytes' as never), 'toAllocateAtMost: the string "4 kilobytes" is not a size'],
  toMatchAllocationBaseline: [() => expect(() => undefined).not.toMatchAllocationBaseline(), 'toMatchAllocationBaseline: cannot be used with .not'],
  toHaveBundleSizeAtMost: [() => expect('src/login.js').toHaveBundleSizeAtMost('50' as never), 'toHaveBundleSizeAtMost: the budget: the string "50" has no unit'],
  toServeWithin: [() => expect(() => undefined).toServeWithin({ p99: 50 } as never), 'toServeWithin: "p99": number 50 is not a duration'],
  toMatchLatencyBaseline: [() => expect(() => undefined).toMatchLatencyBaseline({ rounds: 3 }), 'toMatchLatencyBaseline: option "rounds" must be'],
};

describe('#11.3 every perfgate matcher rejects its promise on bad input, never throws', () => {
  it.each(Object.keys(perfgateMatchers) as Matcher[])('%s returns a promise that rejects with the PerfgateError', async (matcher) => {
    const [assertion, message] = BAD_INPUT[matcher];
    const error = await rejectionOf(assertion);
    expect(error.name).toBe('PerfgateError');
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('so `.rejects` and Promise.all over many specs read the error like any failure', async () => {
    const result = await recorded(['SELECT 1']);
    await expect(expect(result).toIssueAtMost(-1)).rejects.toThrow('toIssueAtMost: the budget must be a whole number of queries, 0 or more; received number -1.');
    const settled = await Promise.allSettled([0, -1, 2].map((budget) => expect(result).toIssueAtMost(budget)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toContain('received number -1');
  });
});

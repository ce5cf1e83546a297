// Type tests for vitest 5 (its `Matchers<R, T>`): checked by check.mjs (npm run typecheck).
import { expect } from 'vitest';

export async function specs(): Promise<void> {
  await expect(() => Promise.resolve(1)).toIssueAtMost(3);
  await expect(() => undefined).not.toIssueExactly(2, { kind: 'select', match: /orders/ });

  // @ts-expect-error the budget is a number of queries
  await expect(() => undefined).toIssueAtMost('3');
  // @ts-expect-error no such option
  await expect(() => undefined).toIssueExactly(3, { nope: true });
}

// Type tests for vitest 3.2–4: checked by `tsc -p test/types/vitest4` (npm run typecheck).
import { recordQueries } from '@perfgate/vitest';
import request from 'supertest';
import { expect } from 'vitest';

declare const app: Parameters<typeof request>[0];

export async function specs(): Promise<void> {
  await expect(request(app).get('/orders')).toIssueAtMost(3);
  await expect(request(app).get('/orders')).not.toIssueAtMost(3);
  await expect(() => Promise.resolve(1)).toIssueExactly(2, { kind: 'select' });
  await expect(() => undefined).toIssueExactly(0, { kind: ['insert', 'update'], match: /orders/ });
  await expect(await recordQueries(() => 1)).toIssueAtMost(1, { match: 'orders' });

  // @ts-expect-error the budget is a number of queries
  await expect(() => undefined).toIssueAtMost('3');
  // @ts-expect-error no such statement kind
  await expect(() => undefined).toIssueAtMost(3, { kind: 'merge' });
  // @ts-expect-error no such option
  await expect(() => undefined).toIssueAtMost(3, { nope: true });

  // The assertion is a promise: it must be awaited.
  const pending: Promise<void> = expect(() => undefined).toIssueAtMost(1);
  await pending;
}

// Type tests for the global `expect` (@types/jest's `jest.Matchers<R, T>`):
// checked by `tsc -p test/types/global-expect` (npm run typecheck).
import request from 'supertest';

declare const app: Parameters<typeof request>[0];

export async function specs(): Promise<void> {
  await expect(request(app).get('/orders')).toIssueAtMost(3);
  await expect(request(app).get('/orders')).not.toIssueAtMost(3);
  await expect(() => Promise.resolve(1)).toIssueExactly(2, { kind: 'select' });
  await expect(() => undefined).toHaveNoNPlusOne({ threshold: 2 });
  await expect(() => undefined).toIssueConstantQueries({ populate: async () => {} });

  // @ts-expect-error the budget is a number of queries
  await expect(() => undefined).toIssueAtMost('3');
  // @ts-expect-error no such option
  await expect(() => undefined).toIssueExactly(3, { nope: true });

  const pending: Promise<void> = expect(() => undefined).toIssueAtMost(1);
  await pending;
}

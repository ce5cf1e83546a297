import type { QueryBudgetOptions } from './query-budget-matcher.js';
import type { NPlusOneOptions } from './to-have-no-n-plus-one.js';
import type { ConstantQueriesOptions } from './to-issue-constant-queries.js';

/**
 * Every perfgate matcher, for the per-runner type augmentations
 * (`@perfgate/vitest`, `@perfgate/jest`). Each returns a promise: always
 * `await` the assertion.
 */
export interface PerfgateMatchers {
  /**
   * Fails when the received unit of work issued more than `budget` queries.
   * Receives an unsent supertest request (sent with a `traceparent` header and
   * matched to its server scope by trace-id), a function (run in its own
   * scope), or the result of `recordQueries()`.
   *
   * @example
   * const req = request(app).get('/orders');
   * await expect(req).toIssueAtMost(3);
   * const res = await req; // the same response; superagent does not send twice
   *
   * @example
   * await expect(() => listOrders(db)).toIssueAtMost(1, { kind: 'select' });
   */
  toIssueAtMost(budget: number, options?: QueryBudgetOptions): Promise<void>;

  /**
   * Fails unless the received unit of work issued exactly `count` queries.
   *
   * @example
   * await expect(request(app).post('/orders').send(order)).toIssueExactly(2, { match: /insert into orders/i });
   */
  toIssueExactly(count: number, options?: QueryBudgetOptions): Promise<void>;

  /**
   * Fails when one statement shape runs from one call site with `threshold`
   * (default 3) or more different parameter sets, and names the line; the same
   * statement with the same parameters is reported as a duplicate.
   *
   * @example
   * await expect(request(app).get('/orders')).toHaveNoNPlusOne();
   */
  toHaveNoNPlusOne(options?: NPlusOneOptions): Promise<void>;

  /**
   * Runs the received work at each data size in `scales` (default [2, 5]),
   * after `populate(n)`, and fails when any statement's count grows with n.
   *
   * @example
   * await expect(() => request(app).get('/orders')).toIssueConstantQueries({ populate: (n) => seedOrders(db, n) });
   */
  toIssueConstantQueries(options: ConstantQueriesOptions): Promise<void>;
}

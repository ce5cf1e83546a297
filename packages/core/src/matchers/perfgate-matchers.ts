import type { ByteSize } from '../allocations/byte-size.js';
import type { MeasureOptions } from './allocation-matcher.js';
import type { QueryBudgetOptions } from './query-budget-matcher.js';
import type { NPlusOneOptions } from './to-have-no-n-plus-one.js';
import type { ConstantQueriesOptions } from './to-issue-constant-queries.js';
import type { BundleSizeOptions } from '../bundle/measure-bundle.js';
import type { LatencyBudget } from '../load/load-budget.js';
import type { AllocationBaselineOptions } from './to-match-allocation-baseline.js';
import type { LatencyBaselineOptions } from './to-match-latency-baseline.js';
import type { LoadTargetOptions } from './to-serve-within.js';

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

  /**
   * Fails when the received function allocates more than `budget` bytes per
   * call on the V8 heap: a number of bytes or a size such as '4 KiB' or
   * '2 kB'. The function (sync or async) is called many times; the figure is
   * the median of several samples. On failure the message names the
   * functions that allocated and saves a `.heapprofile` under `.perfgate/`.
   *
   * @example
   * await expect(() => logger.info('order placed', { id: 1 })).toAllocateAtMost('1 KiB');
   *
   * @example
   * await expect(() => 40 + 2).toAllocateAtMost(0);
   */
  toAllocateAtMost(budget: ByteSize, options?: MeasureOptions): Promise<void>;

  /**
   * Compares the bytes per call the received function allocates with the
   * figure recorded for this test in `__perfgate__/<spec file>.json` beside
   * the spec; fails when it rose by more than `tolerance` (10%) and `floor`
   * (64 B). A missing baseline is recorded (never under CI=true); the
   * update flag (`vitest -u`, `jest -u`) rewrites one that moved.
   *
   * @example
   * await expect(() => serialize(order)).toMatchAllocationBaseline();
   *
   * @example
   * await expect(() => serialize(bigOrder)).toMatchAllocationBaseline({ name: 'big order', tolerance: 0.05 });
   */
  toMatchAllocationBaseline(options?: AllocationBaselineOptions): Promise<void>;

  /**
   * Fails when a file is over `budget` compressed (brotli by default; 'gzip'
   * or 'raw' by option). Receives an entry file, which esbuild bundles and
   * minifies in memory, a list of entries, or a glob of built files measured
   * as they are. The message names each file over budget, by how much, and
   * the input modules that take the most room.
   *
   * @example
   * await expect('src/routes/orders.ts').toHaveBundleSizeAtMost('50 kB');
   *
   * @example
   * await expect('dist/assets/*.js').toHaveBundleSizeAtMost('120 kB', { compression: 'gzip' });
   */
  toHaveBundleSizeAtMost(budget: ByteSize, options?: BundleSizeOptions): Promise<void>;

  /**
   * Serves the received app on a loopback port (or takes an unsent supertest
   * request), drives it with autocannon and fails when p99 (or p50, or the
   * error rate) is over budget. Durations need their unit. Bounded (30 s,
   * 100,000 requests); the message says how many queries each request sent.
   *
   * @example
   * await expect(request(app).get('/orders')).toServeWithin({ p99: '50 ms', connections: 10, requests: 1000 });
   *
   * @example
   * await expect(app).toServeWithin({ p99: '80 ms', p50: '20 ms', errorRate: '1%', duration: '3 s' }, { request: { path: '/orders' } });
   */
  toServeWithin(budget: LatencyBudget, options?: LoadTargetOptions): Promise<void>;

  /**
   * Runs the same load scenario several rounds (5) and compares each round's
   * p99 with the rounds stored for this test in `__perfgate__/<spec>.json`,
   * per machine. Fails only when the median p99 rose beyond the tolerance
   * (25%) and floor (2 ms) AND a one-sided exact Mann–Whitney U test on the
   * rounds gives p ≤ 0.01; the message prints both. Written like the
   * allocation baselines: new ones at the end of the run, never under CI=true.
   *
   * @example
   * await expect(request(app).get('/orders')).toMatchLatencyBaseline({ requests: 300, connections: 8 });
   */
  toMatchLatencyBaseline(options?: LatencyBaselineOptions, target?: LoadTargetOptions): Promise<void>;
}

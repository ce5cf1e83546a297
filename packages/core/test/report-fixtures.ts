import { buildGateSummaries } from '../src/report/gate-summaries.js';
import { REPORT_VERSION, emptyTestFigures, type PerfgateReport, type QueryFigure, type ScopeFigure, type TestReport } from '../src/report/report-model.js';

/** The seeded N+1 every report test looks for: its shape, its line and its request's trace-id. */
export const SEEDED = {
  shape: 'SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1',
  before: 'SELECT "articles"."id", "articles"."title" FROM "articles" WHERE "articles"."id" = $1',
  callSite: { file: 'src/tags.service.ts', line: 42, column: 7, function: 'TagsService.findOrCreateOneByOne' },
  via: { file: 'src/articles.controller.ts', line: 18, column: 5, function: 'ArticlesController.create' },
  fixHint: 'load them in one query (WHERE "tags"."name" = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  count: 8,
} as const;

function seededScope(): ScopeFigure {
  const first: QueryFigure = { shape: SEEDED.before, startMs: 0.4, durationMs: 1.6, source: 'pg', callSite: { file: 'src/articles.service.ts', line: 12, column: 20 } };
  const loop: QueryFigure[] = Array.from({ length: SEEDED.count }, (_, i) => ({ shape: SEEDED.shape, startMs: 2.5 + i * 1.9, durationMs: 1.2 + (i % 3) * 0.3, source: 'pg', callSite: SEEDED.callSite }));
  const insert: QueryFigure = { shape: 'INSERT INTO "article_tags" ("article_id", "tag_id") VALUES (?, ?)', startMs: 18.6, durationMs: 2.1, source: 'pg', callSite: { file: 'src/articles.service.ts', line: 30, column: 9 } };
  const failed: QueryFigure = { shape: 'UPDATE "articles" SET "tag_count" = $1 WHERE "articles"."id" = $2', startMs: 21, durationMs: 0.8, source: 'pg', failed: true };
  const queries = [first, ...loop, insert, failed];
  return {
    traceId: SEEDED.traceId,
    spanId: '00f067aa0ba902b7',
    kind: 'request',
    name: 'POST /articles',
    method: 'POST',
    path: '/articles',
    startedAt: 1_780_000_000_000,
    durationMs: 24,
    queryCount: queries.length,
    shapes: [{ shape: SEEDED.shape, count: SEEDED.count, callSite: SEEDED.callSite }],
    queries,
    queriesOmitted: 0,
    findings: [{ type: 'n-plus-one', shape: SEEDED.shape, count: SEEDED.count, callSite: SEEDED.callSite, via: [SEEDED.via], fixHint: SEEDED.fixHint, allowlisted: false, distinctParameters: SEEDED.count, before: SEEDED.before }],
  };
}

function healthScope(): ScopeFigure {
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    kind: 'request',
    name: 'GET /health',
    startedAt: 1_780_000_000_100,
    durationMs: 3,
    queryCount: 1,
    shapes: [{ shape: 'SELECT ?', count: 1 }],
    queries: [{ shape: 'SELECT ?', startMs: 0.5, durationMs: 0.7, source: 'pg' }],
    queriesOmitted: 0,
    findings: [],
  };
}

function test(name: string, file: string, perfgate: TestReport['perfgate'], figures: Partial<TestReport>): TestReport {
  return { ...emptyTestFigures(), id: `${file} > ${name}`, file, name, perfgate, ...figures };
}

/** A run as a real one reads: a failing test with the seeded N+1, a passing one, and allocation, bundle and load figures. */
export function seededReport(): PerfgateReport {
  const tests = [
    test('health > answers without a database round trip', 'test/health.test.ts', 'pass', {
      scopes: [healthScope()],
      budgets: [{ matcher: 'toIssueAtMost', traceId: '0af7651916cd43dd8448eb211c80319c', expected: 1, actual: 1, pass: true, callSite: { file: 'test/health.test.ts', line: 9, column: 5 } }],
      allocations: [{ name: 'renderArticle', bytesPerOp: 8052.7, budgetBytes: 16_384, baselineBytes: 7900, pass: true, topAllocators: [{ name: 'JSON.stringify', bytes: 4100, site: { file: 'src/render.ts', line: 8 } }, { name: 'formatDate', bytes: 1200 }] }],
      bundles: [{ name: 'dist/client.js', bytes: 48_213, compression: 'gzip', budgetBytes: 51_200, pass: true, modules: [{ path: 'node_modules/preact/dist/preact.mjs', bytes: 10_400 }, { path: 'src/client/app.tsx', bytes: 3200 }] }],
      loads: [{ name: 'GET /articles', requests: 2000, p50Ms: 3.1, p99Ms: 11.7, budgetP99Ms: 50, baselineP99Ms: 10.9, queriesPerRequest: 2, pass: true }],
    }),
    test('articles > POST /articles tags the article', 'test/articles.test.ts', 'fail', { scopes: [seededScope()] }),
  ];
  return {
    version: REPORT_VERSION,
    tool: { name: 'perfgate', version: '0.1.0' },
    runner: 'vitest',
    root: '/home/dev/blog-api',
    startedAt: '2026-12-04T08:00:00.000Z',
    finishedAt: '2026-12-04T08:00:04.210Z',
    partial: [],
    gates: buildGateSummaries(tests),
    tests,
    allowlists: [{ path: 'perfgate-allowlist.json', matched: [], unlisted: [{ shape: SEEDED.shape, file: SEEDED.callSite.file, function: SEEDED.callSite.function }], added: [], stale: [] }],
    baselines: [],
  };
}

const ORDER_ITEMS = 'SELECT "items".* FROM "items" WHERE "items"."order_id" = $1';
const ORDERS_LOOP = { file: 'src/orders.ts', line: 31, column: 11, function: 'listOrders' } as const;

/** One of six requests a test made, each running the same N+1 loop a different number of times. */
function orderScope(i: number): ScopeFigure {
  const count = 3 + (i % 3);
  return {
    traceId: `${String(i).padStart(2, '0')}f7651916cd43dd8448eb211c80319c`,
    kind: 'request',
    name: `GET /orders/${i + 1}`,
    method: 'GET',
    path: `/orders/${i + 1}`,
    startedAt: 1_780_000_001_000 + i * 10,
    durationMs: 6,
    queryCount: count + 1,
    shapes: [{ shape: ORDER_ITEMS, count, callSite: ORDERS_LOOP }],
    queries: [],
    queriesOmitted: count + 1,
    findings: [{ type: 'n-plus-one', shape: ORDER_ITEMS, count, callSite: ORDERS_LOOP, fixHint: 'load them in one query (WHERE "items"."order_id" = ANY($1))', allowlisted: false, distinctParameters: count }],
  };
}

/**
 * Every summary section at once: the seeded run plus a test whose six
 * requests fold into one block, a 'warn' test, an allowlisted loop, failed
 * budget, allocation, bundle and load checks, allowlist news and baseline changes.
 */
export function busyReport(): PerfgateReport {
  const seeded = seededReport();
  const allowlistedScope: ScopeFigure = { ...orderScope(0), traceId: 'aaf7651916cd43dd8448eb211c80319c', name: 'GET /legacy', findings: [{ ...orderScope(0).findings[0]!, allowlisted: true }] };
  const tests = [
    ...seeded.tests,
    test('orders > lists each order', 'test/orders.test.ts', 'warn', { scopes: Array.from({ length: 6 }, (_, i) => orderScope(i)) }),
    test('orders > legacy export', 'test/orders.test.ts', 'pass', { scopes: [allowlistedScope] }),
    test('orders > stays within its budget', 'test/orders.test.ts', 'fail', {
      budgets: [{ matcher: 'toIssueAtMost', traceId: SEEDED.traceId, name: 'GET /orders', expected: 3, actual: 7, pass: false, callSite: { file: 'src/orders.ts', line: 12, column: 5, function: 'listOrders' } }],
      allocations: [{ name: 'renderOrder', bytesPerOp: 40_960, budgetBytes: 16_384, pass: false }],
      bundles: [{ name: 'dist/admin.js', bytes: 210_000, compression: 'brotli', budgetBytes: 200_000, pass: false }],
      loads: [{ name: 'GET /orders', requests: 500, p50Ms: 9, p99Ms: 84.5, baselineP99Ms: 40, pass: false }],
    }),
  ];
  return {
    ...seeded,
    partial: ['a shard'],
    shards: [{ index: 1, count: 2 }],
    gates: buildGateSummaries(tests),
    tests,
    allowlists: [
      {
        path: 'perfgate.allow.json',
        matched: [{ shape: ORDER_ITEMS, file: 'src/orders.ts', function: 'listOrders' }],
        unlisted: [{ shape: SEEDED.shape, file: SEEDED.callSite.file, function: SEEDED.callSite.function }],
        added: [],
        stale: [{ shape: 'SELECT * FROM "prices" WHERE "item_id" = $1', site: 'unknown' }],
      },
    ],
    baselines: [
      { file: 'perfgate.baselines.json', test: 'renders an article', runtime: 'node-20', metric: 'allocation', value: 9100, baseline: 7900, change: 'updated', written: true },
      { file: 'perfgate.baselines.json', test: 'GET /articles under load', runtime: 'linux-x64-2cpu', metric: 'latency', value: 6.2, baseline: 10.9, change: 'improved', rounds: [6.1, 6.2, 6.4], queriesPerRequest: 2, written: false },
      { file: 'perfgate.baselines.json', test: 'renders a comment', runtime: 'node-20', metric: 'allocation', value: 2048, change: 'new', written: false },
    ],
  };
}

/** A suite far larger than the page draws: `tests` tests, each with `scopes` requests of `queries` recorded queries. */
export function largeReport(tests: number, scopes: number, queries: number): PerfgateReport {
  const base = seededReport();
  const scope = seededScope();
  const many: ScopeFigure = { ...scope, queries: Array.from({ length: queries }, (_, i) => ({ ...scope.queries[i % scope.queries.length]!, startMs: i })), queryCount: queries };
  return {
    ...base,
    tests: Array.from({ length: tests }, (_, i) => test(`suite > case ${i}`, `test/case-${i % 50}.test.ts`, i % 7 === 0 ? 'fail' : 'pass', {
      scopes: Array.from({ length: scopes }, (_, j) => ({ ...many, traceId: `${i}-${j}` })),
      loads: [{ name: `GET /page/${i}`, requests: 100, p50Ms: 1, p99Ms: 2, pass: true }],
    })),
  };
}

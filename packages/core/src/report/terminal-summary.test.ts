import { describe, expect, it } from 'vitest';
import { busyReport, seededReport, SEEDED } from '../../test/report-fixtures.js';
import { buildGateSummaries } from './gate-summaries.js';
import type { PerfgateReport, TestReport } from './report-model.js';
import { formatTerminalSummary } from './terminal-summary.js';

function withTests(report: PerfgateReport, tests: TestReport[]): PerfgateReport {
  return { ...report, tests, gates: buildGateSummaries(tests), allowlists: [], baselines: [] };
}

describe('formatTerminalSummary', () => {
  it('shows the gates, the heaviest requests, the failing test with its loop line, and the allowlist news', () => {
    expect(formatTerminalSummary(seededReport(), { updateCommand: 'vitest -u' })).toMatchInlineSnapshot(`
      "perfgate summary: 2 tests in 2 files (vitest)

        gate         checked  failed  allowlisted
        queries            1       0            –
        n-plus-one         2       1            0
        allocations        1       0            –
        bundles            1       0            –
        latency            1       0            –

      Heaviest requests:
        11 queries  POST /articles  test/articles.test.ts > articles > POST /articles tags the article
           1 query  GET /health     test/health.test.ts > health > answers without a database round trip

      test/articles.test.ts > articles > POST /articles tags the article — fail
        POST /articles
          N+1 8 × SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1
              from src/tags.service.ts:42:7 (TagsService.findOrCreateOneByOne)

      Allowlist perfgate-allowlist.json: 0 matched, 1 new, 0 added
        new (not in the allowlist; vitest -u adds them):
          ? src/tags.service.ts (TagsService.findOrCreateOneByOne): SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LI…"
    `);
  });

  it('folds requests with the same findings into one block, says warn, and lists every failed check, allowlist and baseline change', () => {
    expect(formatTerminalSummary(busyReport(), { updateCommand: 'jest -u' })).toMatchInlineSnapshot(`
      "perfgate summary: 5 tests in 3 files (vitest; partial: a shard; shard 1/2)

        gate         checked  failed  allowlisted
        queries            2       1            –
        n-plus-one         9       7            1
        allocations        2       1            –
        bundles            2       1            –
        latency            2       1            –

      Heaviest requests:
        11 queries  POST /articles  test/articles.test.ts > articles > POST /articles tags the article
         6 queries  GET /orders/3   test/orders.test.ts > orders > lists each order
         6 queries  GET /orders/6   test/orders.test.ts > orders > lists each order
         5 queries  GET /orders/2   test/orders.test.ts > orders > lists each order
         5 queries  GET /orders/5   test/orders.test.ts > orders > lists each order

      test/articles.test.ts > articles > POST /articles tags the article — fail
        POST /articles
          N+1 8 × SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1
              from src/tags.service.ts:42:7 (TagsService.findOrCreateOneByOne)

      test/orders.test.ts > orders > lists each order — warn
        6 requests: GET /orders/1, GET /orders/2, GET /orders/3 and 3 more
          N+1 3–5 × SELECT "items".* FROM "items" WHERE "items"."order_id" = $1
              from src/orders.ts:31:11 (listOrders)

      test/orders.test.ts > orders > stays within its budget — fail
        toIssueAtMost(3): 7 queries in GET /orders, most from src/orders.ts:12:5 (listOrders)
        allocations renderOrder: 40,960 B (40 KiB) per call (budget 16,384 B (16 KiB))
        bundle dist/admin.js: 210,000 B (205.1 KiB) brotli (budget 200,000 B (195.3 KiB))
        latency GET /orders: p99 84.5 ms (baseline 40 ms)

      Allowlist perfgate.allow.json: 1 matched, 1 new, 0 added, 1 stale
        new (not in the allowlist; jest -u adds them):
          ? src/tags.service.ts (TagsService.findOrCreateOneByOne): SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LI…
        stale (no N+1 needed them; remove them if the N+1 is fixed):
          - site unknown (accepts this shape wherever no stack reaches your code): SELECT * FROM "prices" WHERE "item_id" = $1

      Baselines:
        ~ perfgate.baselines.json › renders an article (node-20): 7,900 B (7.7 KiB) per call → 9,100 B (8.9 KiB) per call — written
        ↓ perfgate.baselines.json › GET /articles under load (linux-x64-2cpu): p99 median 10.9 ms → p99 median 6.2 ms — improved beyond the tolerance
        + perfgate.baselines.json › renders a comment (node-20): 2,048 B (2 KiB) per call — not written"
    `);
  });

  it('says so when no perfgate check ran', () => {
    expect(formatTerminalSummary(withTests(seededReport(), []))).toMatchInlineSnapshot(`
      "perfgate summary: 0 tests in 0 files (vitest)

        no perfgate check ran"
    `);
  });

  it('leaves out an N+1 a passing .not.toHaveNoNPlusOne() asserted, and shows one a failing toHaveNoNPlusOne() found', () => {
    const seeded = seededReport().tests[1]!;
    const scope = { ...seeded.scopes[0]!, judgedBy: 'toHaveNoNPlusOne' };
    const asserted: TestReport = { ...seeded, name: 'asserts its N+1', perfgate: 'pass', scopes: [scope], budgets: [{ matcher: 'toHaveNoNPlusOne', traceId: SEEDED.traceId, negated: true, expected: 0, actual: 1, pass: true }] };
    const failed: TestReport = { ...asserted, name: 'has no N+1', perfgate: 'fail', budgets: [{ ...asserted.budgets[0]!, negated: false, pass: false }] };
    expect(formatTerminalSummary(withTests(seededReport(), [asserted, failed]))).toMatchInlineSnapshot(`
      "perfgate summary: 2 tests in 1 file (vitest)

        gate        checked  failed  allowlisted
        n-plus-one        2       1            0

      Heaviest requests:
        11 queries  POST /articles  test/articles.test.ts > asserts its N+1
        11 queries  POST /articles  test/articles.test.ts > has no N+1

      test/articles.test.ts > has no N+1 — fail
        POST /articles
          N+1 8 × SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1
              from src/tags.service.ts:42:7 (TagsService.findOrCreateOneByOne)"
    `);
  });

  it('names a missing and a regressed baseline', () => {
    const report: PerfgateReport = {
      ...withTests(seededReport(), []),
      baselines: [
        { file: 'perfgate.baselines.json', test: 'renders', runtime: 'node-20', metric: 'allocation', value: 4096, change: 'missing', written: false },
        { file: 'perfgate.baselines.json', test: 'GET /orders under load', runtime: 'ci-2cpu', metric: 'latency', value: 31, baseline: 20, change: 'regressed', rounds: [30, 31, 33], written: false },
      ],
    };
    expect(formatTerminalSummary(report).split('\n\n').at(-1)).toMatchInlineSnapshot(`
      "Baselines:
        ! perfgate.baselines.json › renders (node-20): 4,096 B (4 KiB) per call — no baseline, not written under CI
        ↑ perfgate.baselines.json › GET /orders under load (ci-2cpu): p99 median 20 ms → p99 median 31 ms — regressed beyond the tolerance"
    `);
  });
});

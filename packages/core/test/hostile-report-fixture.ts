import type { PerfgateReport, ScopeFigure, TestReport } from '../src/report/report-model.js';
import { seededReport } from './report-fixtures.js';

/**
 * Markup where a report holds the user's text: test names, statement shapes,
 * call sites, labels and fix hints. Each would fetch an address or run code
 * if the page printed it unescaped; the page must show it as text.
 */
export const HOSTILE = {
  testName: 'orders <img src="http://127.0.0.1:9/pixel.png" onerror="window.__pgInjected = 1"> lists',
  shape: `SELECT "o"."id" FROM "orders" AS "o" WHERE "o"."note" <> '</code><script>window.__pgInjected = 2</script>' AND "o"."n" < $1`,
  file: `src/"><iframe src="http://127.0.0.1:9/frame"></iframe>.ts`,
  label: `Order.findMany'><svg onload="window.__pgInjected = 3">`,
  fixHint: 'batch it <a href="http://127.0.0.1:9/link">here</a> & "now"',
  traceId: 'deadbeefdeadbeefdeadbeefdeadbeef',
} as const;

function hostileScope(): ScopeFigure {
  const callSite = { file: HOSTILE.file, line: 7, function: HOSTILE.label };
  const queries = Array.from({ length: 3 }, (_, i) => ({ shape: HOSTILE.shape, startMs: i, durationMs: 0.5, source: 'pg', label: HOSTILE.label, callSite }));
  return {
    traceId: HOSTILE.traceId,
    kind: 'request',
    name: `GET /orders?<b>bold</b>`,
    startedAt: 1_780_000_000_200,
    durationMs: 4,
    queryCount: queries.length,
    shapes: [{ shape: HOSTILE.shape, count: queries.length, callSite }],
    queries,
    queriesOmitted: 0,
    findings: [{ type: 'n-plus-one', shape: HOSTILE.shape, count: queries.length, callSite, fixHint: HOSTILE.fixHint, allowlisted: false, label: HOSTILE.label }],
  };
}

/** The seeded run plus one failing test whose every text is markup. */
export function hostileReport(): PerfgateReport {
  const base = seededReport();
  const hostile: TestReport = { ...base.tests[0]!, id: HOSTILE.testName, name: HOSTILE.testName, file: HOSTILE.file, perfgate: 'fail', scopes: [hostileScope()], budgets: [], allocations: [], bundles: [], loads: [] };
  return { ...base, tests: [...base.tests, hostile] };
}

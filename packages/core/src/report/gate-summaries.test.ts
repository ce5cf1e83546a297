import { describe, expect, it } from 'vitest';
import { seededReport, SEEDED } from '../../test/report-fixtures.js';
import { buildGateSummaries } from './gate-summaries.js';
import type { TestReport } from './report-model.js';

const seeded = seededReport().tests[1]!;
const nPlusOneScope = seeded.scopes[0]!;
const healthScope = seededReport().tests[0]!.scopes[0]!;
const row = (tests: TestReport[], gate: string) => buildGateSummaries(tests).find((g) => g.gate === gate);

describe('buildGateSummaries', () => {
  it('gives every gate a row, in one order', () => {
    expect(buildGateSummaries(seededReport().tests).map((g) => `${g.gate} ${g.checked}/${g.failed}/${g.allowlisted}`)).toMatchInlineSnapshot(`
      [
        "queries 1/0/0",
        "n-plus-one 2/1/0",
        "allocations 1/0/0",
        "bundles 1/0/0",
        "latency 1/0/0",
      ]
    `);
  });

  it("counts the gate's scopes: failed with an N+1 no entry covers, allowlisted when entries cover every one", () => {
    const allowlisted = { ...nPlusOneScope, traceId: 'a', findings: nPlusOneScope.findings.map((f) => ({ ...f, allowlisted: true })) };
    const duplicateOnly = { ...healthScope, traceId: 'b', findings: [{ ...nPlusOneScope.findings[0]!, type: 'duplicate' as const }] };
    expect(row([{ ...seeded, scopes: [nPlusOneScope, allowlisted, duplicateOnly, healthScope] }], 'n-plus-one')).toEqual({ gate: 'n-plus-one', checked: 4, failed: 1, allowlisted: 1 });
  });

  it("counts toHaveNoNPlusOne's scopes in the N+1 gate by its verdict, and a query budget's scopes not at all", () => {
    const judged = { ...nPlusOneScope, judgedBy: 'toHaveNoNPlusOne' };
    const budget = { matcher: 'toHaveNoNPlusOne', traceId: SEEDED.traceId, expected: 0, actual: 1 };
    const failing: TestReport = { ...seeded, scopes: [judged], budgets: [{ ...budget, pass: false }] };
    const asserted: TestReport = { ...seeded, scopes: [judged], budgets: [{ ...budget, negated: true, pass: true }] };
    const budgeted: TestReport = { ...seeded, scopes: [{ ...healthScope, judgedBy: 'toIssueAtMost' }], budgets: [{ matcher: 'toIssueAtMost', expected: 3, actual: 1, pass: true }] };
    expect(buildGateSummaries([failing, asserted, budgeted]).slice(0, 2)).toEqual([
      { gate: 'queries', checked: 1, failed: 0, allowlisted: 0 },
      { gate: 'n-plus-one', checked: 2, failed: 1, allowlisted: 0 },
    ]);
  });

  it('counts allocation, bundle and latency checks that failed', () => {
    const test: TestReport = {
      ...seeded,
      scopes: [],
      allocations: [{ name: 'a', bytesPerOp: 1, pass: true }, { name: 'b', bytesPerOp: 9, budgetBytes: 1, pass: false }],
      bundles: [{ name: 'dist/a.js', bytes: 9, compression: 'gzip', budgetBytes: 1, pass: false }],
      loads: [{ name: 'GET /', requests: 10, p50Ms: 1, p99Ms: 2, pass: true }],
    };
    expect(buildGateSummaries([test]).slice(2).map((g) => [g.gate, g.checked, g.failed])).toEqual([['allocations', 2, 1], ['bundles', 1, 1], ['latency', 1, 0]]);
  });
});

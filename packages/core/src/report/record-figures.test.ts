import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeAttribution } from '../../test/allocation-helpers.js';
import { recorded, TRACE_ID } from '../../test/matcher-helpers.js';
import { startScopeTracking, stopScopeTracking } from '../../test/test-states.js';
import { findRepeatedStatements } from '../analysis/n-plus-one.js';
import { setMeasuredGateSettings } from '../session/measured-gates.js';
import type { TestState } from '../session/test-state.js';
import { followFigures, recordAllocationCheck, recordBundleCheck, recordFigure, recordGateScope, recordLoadCheck, recordQueryCheck, type RecordedFigure } from './record-figures.js';
import type { LoadFigure } from './report-model.js';

const LOOP = Array.from({ length: 4 }, (_, i) => `SELECT * FROM items WHERE order_id = ${i + 1}`);
const LOAD: LoadFigure = { name: 'GET /orders', requests: 100, p50Ms: 1, p99Ms: 4, pass: true };

let state: TestState;
let restore: () => void;
beforeEach(() => {
  restore = setMeasuredGateSettings({ root: '/repo' });
  state = startScopeTracking('records');
});
afterEach(() => {
  stopScopeTracking();
  restore();
});

describe('recordFigure', () => {
  it("adds a figure to the current test and tells the test's listener", () => {
    const told: RecordedFigure[] = [];
    followFigures(state, (figure) => told.push(figure));
    recordLoadCheck(LOAD);
    expect(state.figures.loads).toEqual([LOAD]);
    expect(told).toEqual([{ kind: 'load', figure: LOAD }]);
  });

  it('drops a figure recorded outside every test, or after its test ended', () => {
    stopScopeTracking();
    recordLoadCheck(LOAD);
    expect(state.figures.loads).toEqual([]);
  });

  it("never lets a listener's failure reach the check", () => {
    followFigures(state, () => {
      throw new Error('annotate() called after the test finished');
    });
    expect(() => recordLoadCheck(LOAD)).not.toThrow();
    expect(state.figures.loads).toHaveLength(1);
  });
});

describe('recordQueryCheck', () => {
  it('records the judged scope and the budget, whose call site is where most of its queries came from', async () => {
    const result = await recorded(LOOP);
    recordQueryCheck(result, { matcher: 'toIssueAtMost', expected: 2, actual: 4, pass: false });
    const [budget] = state.figures.budgets;
    expect(budget).toMatchObject({ matcher: 'toIssueAtMost', traceId: TRACE_ID, name: 'listOrders', expected: 2, actual: 4, pass: false });
    expect(budget?.callSite).toEqual(state.figures.scopes[0]?.shapes[0]?.callSite);
    // The loop in test/matcher-helpers.ts sent them; the root is /repo, so the path stays absolute.
    expect(budget?.callSite).toMatchObject({ file: expect.stringMatching(/\/test\/matcher-helpers\.ts$/), line: expect.any(Number) });
    expect(state.figures.scopes.map((s) => [s.name, s.queryCount, s.judgedBy, s.shapes.map((shape) => `${shape.count} × ${shape.shape}`)])).toMatchInlineSnapshot(`
      [
        [
          "listOrders",
          4,
          "toIssueAtMost",
          [
            "4 × SELECT * FROM items WHERE order_id = ?",
          ],
        ],
      ]
    `);
  });

  it('keeps one figure per scope however many checks judged it, naming each, with the findings of the one that had them', async () => {
    const result = await recorded(LOOP);
    const findings = findRepeatedStatements(result.queries).nPlusOne;
    recordQueryCheck(result, { matcher: 'toIssueAtMost', expected: 9, actual: 4, pass: true });
    recordQueryCheck(result, { matcher: 'toHaveNoNPlusOne', expected: 0, actual: findings.length, pass: false }, findings);
    expect(state.figures.scopes).toHaveLength(1);
    expect(state.figures.scopes[0]).toMatchObject({ judgedBy: 'toIssueAtMost, toHaveNoNPlusOne', findings: [{ type: 'n-plus-one', count: 4, allowlisted: false, distinctParameters: 4 }] });
  });

  it('never keeps SQL text or parameter values, only shapes', async () => {
    recordQueryCheck(await recorded(["SELECT * FROM users WHERE email = 'alice@example.com'"]), { matcher: 'toIssueAtMost', expected: 1, actual: 1, pass: true });
    expect(JSON.stringify(state.figures)).not.toContain('alice');
  });
});

describe('recordGateScope', () => {
  it("records the gate's scope with each N+1 allowlisted or not", async () => {
    const result = await recorded(LOOP);
    const scope = state.scopes.at(-1)!;
    recordGateScope(state, scope, findRepeatedStatements(result.queries), () => true);
    expect(state.figures.scopes.map((s) => [s.judgedBy, s.findings.map((f) => [f.type, f.count, f.allowlisted])])).toEqual([[undefined, [['n-plus-one', 4, true]]]]);
  });
});

describe('recordAllocationCheck and recordBundleCheck', () => {
  it("records the figure with the top allocators per call, their sites relative to the root", () => {
    recordAllocationCheck({ name: 'formats a line', bytesPerOp: 5120, budgetBytes: 4096, pass: false }, fakeAttribution('/repo/.perfgate/heap.json'));
    expect(state.figures.allocations).toMatchInlineSnapshot(`
      [
        {
          "budgetBytes": 4096,
          "bytesPerOp": 5120,
          "name": "formats a line",
          "pass": false,
          "topAllocators": [
            {
              "bytes": 3645.2,
              "name": "formatLine",
              "site": {
                "column": 10,
                "file": "src/logger.ts",
                "line": 14,
              },
            },
            {
              "bytes": 1029.1,
              "name": "log",
              "site": {
                "column": 10,
                "file": "src/logger.ts",
                "line": 22,
              },
            },
            {
              "bytes": 445.4,
              "name": "(V8 API) (native)",
              "site": {
                "column": 10,
                "file": "src/logger.ts",
                "line": 14,
              },
            },
          ],
        },
      ]
    `);
  });

  it('records one figure per bundle file, its modules relative to the root', () => {
    const measured = { compression: 'gzip' as const, files: [{ file: 'dist/app.js', size: 2048, raw: 6000, inputs: [{ path: 'src/app.ts', bytes: 5000 }] }] };
    recordBundleCheck(measured, 1024, false, '/repo/web');
    expect(state.figures.bundles).toEqual([{ name: 'web/dist/app.js', bytes: 2048, compression: 'gzip', budgetBytes: 1024, pass: false, modules: [{ path: 'web/src/app.ts', bytes: 5000 }] }]);
  });
});

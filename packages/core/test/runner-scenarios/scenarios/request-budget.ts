import { escapesProject } from '../projects/escapes.js';
import { noInstrumentation } from '../projects/no-instrumentation.js';
import { ordersApi } from '../projects/orders-api.js';
import type { Scenario } from '../scenario.js';

const BUDGET = 'GET /orders stays within its query budget';

export const requestBudgetScenarios: Scenario[] = [
  {
    name: 'an N+1 endpoint fails its budget with exit code 1 and a precise message, printing no parameter value',
    project: ordersApi,
    steps: [
      {
        expect: {
          code: 1,
          failed: 1,
          failures: {
            [BUDGET]: [
              'expect(received).toIssueAtMost(2)',
              '',
              'Expected: at most 2 queries',
              'Received: 6 queries, 4 over budget',
              'Request:  GET /orders',
              'Trace-id: 0af7651916cd43dd8448eb211c80319c',
              '',
              'Statement shapes, most frequent first:',
              '  5 × SELECT * FROM order_items WHERE order_id = ?',
              '      from test/orders.spec.ts:26:42',
              '  1 × SELECT id FROM orders WHERE email <> ?',
            ].join('\n'),
          },
          // The spec line is shown (vitest's frame is the call's start, jest's through swc the matcher's), and no
          // parameter value (personal data) is printed.
          matches: [({ runner }) => new RegExp(`test/orders\\.spec\\.ts:32:${runner === 'vitest' ? 3 : 123}(?!\\d)`)],
          lacks: [/private-\d@example\.com/],
        },
      },
    ],
  },
  {
    name: 'the fixed endpoint passes',
    project: ordersApi,
    steps: [{ env: { FIXTURE_VARIANT: 'fixed' }, expect: { code: 0, passed: 1, failed: 0 } }],
  },
  {
    name: '#11.13 an unawaited perfgate assertion fails its test, naming the matcher and line; #16.12 queries that escaped their scope are said',
    project: escapesProject,
    steps: [
      {
        expect: {
          code: 1,
          // toIssueAtMost(0) passed on a request whose one query ran in no scope: the pass is not silent (below).
          passed: 1,
          failed: 1,
          failures: {
            'an assertion left unawaited': [
              'PerfgateError: perfgate: an assertion was not awaited: still running when the test ended, so its verdict could not fail it:',
              '  toIssueAtMost() at escapes/escapes.spec.ts:31:37',
              'perfgate matchers return a promise: write `await expect(…).toIssueAtMost(…)` (or return it from the test).',
            ].join('\n'),
          },
          contains: [
            'Outside every scope:\n' +
              '  1 query ran outside any scope while this test ran — async context lost? They are counted in no scope.\n' +
              '  first: pglite SELECT id FROM orders WHERE id > ? from escapes/escapes.spec.ts:23:76',
          ],
        },
      },
    ],
  },
  {
    name: 'adapters: [] and http: false turn the automatic wiring off',
    project: noInstrumentation,
    steps: [{ expect: { code: 0, passed: 2, failed: 0 } }],
  },
];

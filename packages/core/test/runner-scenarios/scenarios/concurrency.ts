import { ALLOWLIST } from '../projects/n-plus-one-debt.js';
import { concurrentTests } from '../projects/concurrent-tests.js';
import type { Scenario } from '../scenario.js';

export const concurrencyScenarios: Scenario[] = [
  {
    // Before per-test sessions, the N+1 test passed here and failed when run alone (#12.1).
    name: '#12.1 three concurrent tests, one with an N+1: that one fails, the others pass',
    project: concurrentTests,
    steps: [
      {
        expect: {
          code: 1,
          passed: 2,
          failed: 1,
          failures: {
            'three concurrent tests > a test with an N+1': ({ updateCommand }) =>
              [
                "PerfgateError: perfgate nPlusOne: 'fail' — N+1 in a scope this test created",
                '',
                'Function: oneByOne',
                'Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736',
                '',
                'N+1:',
                '  4 × SELECT ?::int',
                '      4 different parameter sets',
                '      from  test/concurrent.spec.ts:33:45 (oneByOne)',
                '      via   test/concurrent.spec.ts:35:5',
                '      fix   load them in one query (WHERE id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader',
                '',
                `Fix the loop, or assert on it with toHaveNoNPlusOne(). To accept it as known debt, run the tests with the update flag (${updateCommand})`,
                `to add it to ${ALLOWLIST}; it is never written under CI=true.`,
              ].join('\n'),
          },
          files: { [ALLOWLIST]: null },
        },
      },
    ],
  },
];

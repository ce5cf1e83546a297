import { join } from 'node:path';
import { ALLOWLIST, allowlistText, LEGACY_ENTRY, nPlusOneDebt } from '../projects/n-plus-one-debt.js';
import { SAME, type Scenario } from '../scenario.js';

const TEST = 'GET /legacy/orders answers';
const STALE = { shape: 'SELECT * FROM gone WHERE id = ?', file: 'src/gone.ts', function: 'gone' };
const CORRUPT = '{ "version": 1, "nPlusOne": [ oops ';

export const allowlistScenarios: Scenario[] = [
  {
    name: "nPlusOne: 'fail' (the default) fails the test that made the request, naming the loop and the update command",
    project: nPlusOneDebt,
    steps: [
      {
        expect: {
          code: 1,
          failed: 1,
          failures: {
            [TEST]: ({ updateCommand }) =>
              [
                "PerfgateError: perfgate nPlusOne: 'fail' — N+1 in a scope this test created",
                '',
                'Request:  GET /legacy/orders',
                'Trace-id: 0af7651916cd43dd8448eb211c80319c',
                '',
                'N+1:',
                '  4 × SELECT * FROM order_items WHERE order_id = ?',
                '      4 different parameter sets',
                '      from  src/legacy.ts:8:27 (listLegacyOrders)',
                '      via   test/legacy.spec.ts:18:82',
                '      after 1 × SELECT id FROM orders ORDER BY id',
                '      fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader',
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
  {
    name: 'the update flag writes the allowlist; then the suite passes; unchanged, it is not rewritten',
    project: nPlusOneDebt,
    steps: [
      { update: true, expect: { code: 0, passed: 1, contains: [`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`], files: { [ALLOWLIST]: allowlistText(LEGACY_ENTRY) } } },
      { expect: { code: 0, passed: 1, failed: 0, files: { [ALLOWLIST]: SAME } } },
    ],
  },
  {
    name: 'CI=true never writes the allowlist, even with the update flag, and a missing entry fails',
    project: nPlusOneDebt,
    steps: [{ ci: true, update: true, expect: { code: 1, failed: 1, contains: ['N+1 in a scope this test created', `to add it to ${ALLOWLIST}; it is never written under CI=true.`], files: { [ALLOWLIST]: null } } }],
  },
  {
    name: 'a corrupt allowlist is reported, naming the file, and left untouched',
    project: nPlusOneDebt,
    before: { [ALLOWLIST]: CORRUPT },
    steps: [{ update: true, expect: { code: 1, contains: [({ root }) => `${join(root, ALLOWLIST)} is not a valid allowlist: invalid JSON`], files: { [ALLOWLIST]: CORRUPT } } }],
  },
  {
    name: 'an entry no test needs any more is reported as stale, never removed',
    project: nPlusOneDebt,
    before: { [ALLOWLIST]: allowlistText(LEGACY_ENTRY, STALE) },
    steps: [
      {
        ci: true,
        expect: {
          code: 0,
          passed: 1,
          contains: [`perfgate: 1 entry in ${ALLOWLIST} matched no N+1 in this run (stale; remove them if the N+1 is fixed):`, '  - src/gone.ts (gone): SELECT * FROM gone WHERE id = ?'],
          files: { [ALLOWLIST]: SAME },
        },
      },
    ],
  },
  {
    name: "nPlusOne: 'warn' prints the finding and passes",
    project: { ...nPlusOneDebt, options: { nPlusOne: 'warn' } },
    steps: [{ expect: { code: 0, passed: 1, contains: ["perfgate nPlusOne: 'warn' — N+1 in a scope this test created"], files: { [ALLOWLIST]: null } } }],
  },
  {
    name: "nPlusOne: 'off' says nothing",
    project: { ...nPlusOneDebt, options: { nPlusOne: 'off' } },
    steps: [{ expect: { code: 0, passed: 1, lacks: ['N+1'] } }],
  },
];

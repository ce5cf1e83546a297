import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { allocationBaseline, BASELINE } from '../../core/test/runner-scenarios/projects/allocation-baseline.js';
import { ALLOWLIST, nPlusOneDebt } from '../../core/test/runner-scenarios/projects/n-plus-one-debt.js';
import { runScenario, type Scenario } from '../../core/test/runner-scenarios/index.js';
import { jestScenarioRunner } from './support/jest-scenario-runner.js';

// jest's own flag beside CI=true: `jest --ci` (vitest has none), on the scenario table's projects.
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

const ciFlag: Scenario[] = [
  {
    name: '#11.6 jest --ci never writes the allowlist, even with -u, and a missing entry fails, naming the flag seen',
    project: nPlusOneDebt,
    steps: [
      {
        update: true,
        args: ['--ci'],
        expect: {
          code: 1,
          failed: 1,
          contains: ['N+1 in a scope this test created', `to add it to ${ALLOWLIST}; it is never written under CI=true or --ci, and this run has --ci.`],
          files: { [ALLOWLIST]: null },
        },
      },
    ],
  },
  {
    name: 'jest --ci never writes an allocation baseline either',
    project: allocationBaseline,
    steps: [{ args: ['--ci'], expect: { code: 1, failed: 1, contains: ['and no baseline: CI=true never writes one'], files: { [BASELINE]: null } } }],
  },
];

describe('jest --ci', () => {
  for (const scenario of ciFlag) test(scenario.name, () => runScenario(scenario, jestScenarioRunner, fixtures));
});

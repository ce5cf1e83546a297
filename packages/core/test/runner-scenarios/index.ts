import type { Scenario } from './scenario.js';
import { allocationScenarios } from './scenarios/allocation-baseline.js';
import { allowlistScenarios } from './scenarios/allowlist.js';
import { concurrencyScenarios } from './scenarios/concurrency.js';
import { optionScenarios } from './scenarios/options.js';
import { reportScenarios } from './scenarios/report.js';
import { requestBudgetScenarios } from './scenarios/request-budget.js';
import { shardScenarios } from './scenarios/shards.js';

export { runScenario } from './run-scenario.js';
export type * from './scenario.js';
export { takeJsonResults } from './json-results.js';
export { writeProject } from './write-project.js';

/** Every scenario, as each runner package's scenarios.test.ts runs it. */
export const scenarios: readonly Scenario[] = [
  ...requestBudgetScenarios,
  ...concurrencyScenarios,
  ...allowlistScenarios,
  ...allocationScenarios,
  ...optionScenarios,
  ...shardScenarios,
  ...reportScenarios,
];

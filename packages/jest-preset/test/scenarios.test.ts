import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { runScenario, scenarios } from '../../core/test/runner-scenarios/index.js';
import { jestScenarioRunner } from './support/jest-scenario-runner.js';

// The end-to-end scenarios both runners share (packages/core/test/runner-scenarios), run through jest in child processes.
// Each scenario copies its project into fixtures/ (inside the repo, so node_modules resolve) and removes it after;
// scenarios run concurrently (maxConcurrency in vitest.config), as each mostly waits on its child run.
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe.concurrent('the scenario table under jest', () => {
  for (const scenario of scenarios) test(scenario.name, () => runScenario(scenario, jestScenarioRunner, fixtures));
});

import { neverRuns } from '../projects/no-instrumentation.js';
import type { Scenario } from '../scenario.js';

const OPTION_NAMES = '"adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist", "allocations", "latency", "bundles", "report"';

export const optionScenarios: Scenario[] = [
  {
    name: 'a misspelt option in the runner config stops the run, naming it and where it was set',
    project: { ...neverRuns, options: { adapter: ['pg'] } },
    steps: [{ expect: { code: 1, passed: 0, contains: [({ optionsSource }) => `perfgate options (${optionsSource}): unknown option "adapter"; the options are ${OPTION_NAMES}.`] } }],
  },
  {
    // The names come from @perfgate/orm-adapters' registry: core alone cannot list them.
    name: 'an adapter perfgate does not know stops the run, listing the ones it does',
    project: { ...neverRuns, options: { adapters: ['prisma'] } },
    steps: [
      {
        expect: {
          code: 1,
          passed: 0,
          contains: [({ optionsSource }) => `perfgate options (${optionsSource}): "adapters" lists the string "prisma"; the adapters are 'pg', 'pglite', 'knex', 'mysql2', 'mysql'.`],
        },
      },
    ],
  },
  {
    name: 'a bad value in perfgate.config.json stops the run, naming the file and the option',
    project: { ...neverRuns, files: { ...neverRuns.files, 'perfgate.config.json': '{ "nPlusOne": "error" }\n' } },
    steps: [{ expect: { code: 1, passed: 0, contains: [`perfgate options (perfgate.config.json): "nPlusOne" must be one of 'fail', 'warn', 'off'; received the string "error".`] } }],
  },
];

import { join } from 'node:path';
import { takeJsonResults, type Project, type ScenarioRunner } from '../../../core/test/runner-scenarios/index.js';
import { runJest } from './run-jest.js';

const RESULTS = '.results.json';

/** jest's side of the scenario table: `preset: '@perfgate/jest'` with `globals.perfgate`, specs through @swc/jest, `jest -u`. */
export const jestScenarioRunner: ScenarioRunner = {
  runner: 'jest',
  testApi: '@jest/globals',
  updateCommand: 'jest -u',
  runCommand: 'jest',
  optionsSource: 'globals.perfgate in jest.config.js',
  projectFiles: (project: Project) => {
    const config = {
      preset: '@perfgate/jest',
      transform: { '^.+\\.ts$': '@swc/jest' },
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
      testMatch: project.include.map((glob) => `<rootDir>/${glob}`),
      ...(project.options ? { globals: { perfgate: project.options } } : {}),
      testTimeout: 60_000,
    };
    return {
      // CommonJS, as most jest projects are.
      'package.json': `${JSON.stringify({ name: 'perfgate-scenario', private: true }, null, 2)}\n`,
      'jest.config.js': `/** @type {import('jest').Config} */\nmodule.exports = ${JSON.stringify(config, null, 2)};\n`,
    };
  },
  async run(dir, project, { update, ci, env, args = [] }) {
    // --maxWorkers=2: projects with two spec files run them in worker processes, as most suites do.
    const all = ['--maxWorkers=2', '--json', `--outputFile=${join(dir, RESULTS)}`, ...(update ? ['-u'] : []), ...args];
    // Only PGlite needs --experimental-vm-modules (electric-sql/pglite#224): other projects show the preset works without it.
    const { code, output } = await runJest(dir, { env: { ...env, ...(ci ? { CI: 'true' } : {}) }, args: all, vmModules: project.pglite });
    return { code, output, tests: await takeJsonResults(join(dir, RESULTS)) };
  },
};

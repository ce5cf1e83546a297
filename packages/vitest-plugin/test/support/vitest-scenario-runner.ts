import { join } from 'node:path';
import { takeJsonResults, type Project, type ScenarioRunner } from '../../../core/test/runner-scenarios/index.js';
import { runVitest } from './run-vitest.js';

const RESULTS = '.results.json';

/** vitest's side of the scenario table: `plugins: [perfgate(options)]`, `vitest run`, `-u`. */
export const vitestScenarioRunner: ScenarioRunner = {
  runner: 'vitest',
  testApi: 'vitest',
  updateCommand: 'vitest -u',
  runCommand: 'vitest run',
  optionsSource: 'perfgate() in the vitest config',
  projectFiles: (project: Project) => ({
    'package.json': `${JSON.stringify({ name: 'perfgate-scenario', private: true, type: 'module' }, null, 2)}\n`,
    'vitest.config.ts': [
      "import { perfgate } from '@perfgate/vitest';",
      "import { defineConfig } from 'vitest/config';",
      '',
      // The json reporter beside the default one: the scenario reads each test's outcome from it.
      `const test = { include: ${JSON.stringify(project.include)}, hookTimeout: 60_000, testTimeout: 60_000, reporters: ['default', 'json'], outputFile: { json: '${RESULTS}' } };`,
      `export default defineConfig({ plugins: [perfgate(${project.options ? JSON.stringify(project.options) : ''})], test });`,
      '',
    ].join('\n'),
  }),
  async run(dir, _project, { update, ci, env, args = [] }) {
    const { code, output } = await runVitest(dir, { ...env, ...(ci ? { CI: 'true' } : {}) }, undefined, [...(update ? ['-u'] : []), ...args]);
    return { code, output, tests: await takeJsonResults(join(dir, RESULTS)) };
  },
};

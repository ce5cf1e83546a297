import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults } from 'vitest/config';
import { ADAPTER_NAMES, warnUninstrumentedDrivers } from '@perfgate/orm-adapters/auto';
import { bundleBudgetsTestFile } from './bundle-budgets-file.js';
import { loadPerfgateConfigFile, resolvePerfgateOptions, type PerfgateOptions, type ResolvedPerfgateOptions, type WorkerRun } from '@perfgate/core/runner';

export {
  definePerfgateConfig,
  perfgateFastify,
  perfgateKoa,
  perfgateMiddleware,
  recordQueries,
  type PerfgateOptions,
  type QueryBudgetOptions,
  type ScopeResult,
} from '@perfgate/core';
export {
  bench,
  formatBenchTable,
  measureAllocations,
  type AllocationBaselineOptions,
  type AllocationMeasurement,
  type AllocationOptions,
  type BenchOptions,
  type BenchResult,
  type ByteSize,
  type MeasureOptions,
} from '@perfgate/core';

/** What the plugin hands its setup file in each test worker (`inject('perfgate')`). */
export interface PerfgateProvided {
  readonly options: ResolvedPerfgateOptions;
  /** The project root the user's imports resolve from. */
  readonly root: string;
}

/** Set by the plugin's global setup for each run: what the update flag lets the run write, where workers report. */
export type PerfgateRun = WorkerRun;

interface ConfigLike {
  readonly root?: string;
  readonly test?: { readonly root?: string; readonly include?: readonly string[] };
}

/** A vite plugin; typed structurally so perfgate does not pin a vite version. */
export interface PerfgateVitestPlugin {
  readonly name: 'perfgate:setup';
  config(config: ConfigLike): Promise<{ test: { setupFiles: string[]; globalSetup: string[]; include?: string[]; provide: { perfgate: PerfgateProvided } } }>;
}

const SETUP_FILE = fileURLToPath(new URL('./setup.js', import.meta.url));
const GLOBAL_SETUP_FILE = fileURLToPath(new URL('./global-setup.js', import.meta.url));

/**
 * Adds perfgate to vitest: registers the matchers, instruments the drivers
 * the project has installed and scopes every in-process HTTP request, in
 * each test worker. Without options it reads `perfgate.config.{js,cjs,mjs,json}`
 * at the project root (the file the jest preset reads too).
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { perfgate } from '@perfgate/vitest';
 * export default defineConfig({ plugins: [perfgate()] });
 */
export function perfgate(options?: PerfgateOptions): PerfgateVitestPlugin {
  // Options given here are checked at once; the options file needs the root, known in the config hook.
  const inline = options === undefined ? undefined : resolvePerfgateOptions(options, 'perfgate() in the vitest config', ADAPTER_NAMES);
  return {
    name: 'perfgate:setup',
    async config(config) {
      const root = resolve(config.test?.root ?? config.root ?? process.cwd());
      // Once per run, from the main process: queries sent through a driver perfgate cannot see are never counted.
      warnUninstrumentedDrivers(root);
      const resolved = inline ?? (await optionsFromFile(root));
      // The `bundles` table is checked by one generated test file, added to what the project includes
      // (returned arrays are concatenated with the user's, so the defaults are spelled out only when they are in use).
      const include = resolved.bundles.length === 0 ? undefined : [...(config.test?.include === undefined ? configDefaults.include : []), await bundleBudgetsTestFile(root)];
      return {
        test: { setupFiles: [SETUP_FILE], globalSetup: [GLOBAL_SETUP_FILE], ...(include && { include }), provide: { perfgate: { options: resolved, root } } },
      };
    },
  };
}

async function optionsFromFile(root: string): Promise<ResolvedPerfgateOptions> {
  const file = await loadPerfgateConfigFile(root);
  return resolvePerfgateOptions(file?.input, file?.where ?? 'perfgate() in the vitest config', ADAPTER_NAMES);
}

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePerfgateOptions, type PerfgateOptions, type ResolvedPerfgateOptions } from '@perfgate/core';

export {
  perfgateMiddleware,
  recordQueries,
  type PerfgateOptions,
  type QueryBudgetOptions,
  type ScopeResult,
} from '@perfgate/core';

/** What the plugin hands its setup file in each test worker (`inject('perfgate')`). */
export interface PerfgateProvided {
  readonly options: ResolvedPerfgateOptions;
  /** The project root the user's imports resolve from. */
  readonly root: string;
}

/** Set by the plugin's global setup for each run: whether the update flag is on (and CI off), where workers report. */
export interface PerfgateRun {
  readonly update: boolean;
  readonly reportDir: string;
}

interface ConfigLike {
  readonly root?: string;
  readonly test?: { readonly root?: string };
}

/** A vite plugin; typed structurally so perfgate does not pin a vite version. */
export interface PerfgateVitestPlugin {
  readonly name: 'perfgate:setup';
  config(config: ConfigLike): { test: { setupFiles: string[]; globalSetup: string[]; provide: { perfgate: PerfgateProvided } } };
}

const SETUP_FILE = fileURLToPath(new URL('./setup.js', import.meta.url));
const GLOBAL_SETUP_FILE = fileURLToPath(new URL('./global-setup.js', import.meta.url));

/**
 * Adds perfgate to vitest: registers the matchers, instruments the drivers
 * the project has installed and scopes every in-process HTTP request, in
 * each test worker.
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { perfgate } from '@perfgate/vitest';
 * export default defineConfig({ plugins: [perfgate()] });
 */
export function perfgate(options?: PerfgateOptions): PerfgateVitestPlugin {
  const resolved = resolvePerfgateOptions(options, 'perfgate() in the vitest config');
  return {
    name: 'perfgate:setup',
    config(config) {
      const root = resolve(config.test?.root ?? config.root ?? process.cwd());
      return { test: { setupFiles: [SETUP_FILE], globalSetup: [GLOBAL_SETUP_FILE], provide: { perfgate: { options: resolved, root } } } };
    },
  };
}

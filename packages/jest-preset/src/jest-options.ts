import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPerfgateConfigFile, PerfgateError, resolvePerfgateOptions, type ConfigFileAccess, type ResolvedPerfgateOptions } from '@perfgate/core/runner';
import { ADAPTER_NAMES } from '@perfgate/orm-adapters/auto';
import type { JestRun } from './jest-run.js';

const JEST_CONFIG_FILES = ['jest.config.js', 'jest.config.ts', 'jest.config.mjs', 'jest.config.cjs', 'jest.config.cts', 'jest.config.mts', 'jest.config.json'];

/** The file a user edits to change `globals.perfgate`, for messages. */
export function jestConfigName(rootDir: string, exists: (path: string) => boolean = existsSync): string {
  return JEST_CONFIG_FILES.find((name) => exists(join(rootDir, name))) ?? 'the jest config';
}

/**
 * The options of one jest project, validated by the same function as
 * vitest's: `globals.perfgate` in the jest config when it is set, otherwise
 * `perfgate.config.*` at the project root (loaded by the reporter for the
 * run's root, or here for another project's).
 */
export async function resolveJestOptions(rootDir: string, globals: unknown, run: JestRun | undefined, access?: ConfigFileAccess): Promise<ResolvedPerfgateOptions> {
  if (globals !== undefined) return resolvePerfgateOptions(globals, `globals.perfgate in ${jestConfigName(rootDir)}`, ADAPTER_NAMES);
  const preloaded = run?.optionsFile;
  if (preloaded?.root === rootDir) {
    if (preloaded.options === undefined) throw new PerfgateError('INVALID_OPTIONS', preloaded.error ?? 'perfgate options: not loaded.');
    return preloaded.options;
  }
  const file = await loadPerfgateConfigFile(rootDir, access);
  return resolvePerfgateOptions(file?.input, file?.where ?? `globals.perfgate in ${jestConfigName(rootDir)}`, ADAPTER_NAMES);
}

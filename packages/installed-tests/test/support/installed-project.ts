/**
 * `installedProject('vitest-basic')`: the fixture under `fixtures/<name>/` as a user's project with the packed
 * perfgate tarballs installed. Each call gets its own working copy (the fixture's files, with `node_modules` and
 * `package-lock.json` hard-linked from the cached install), so tests may write into it and run in parallel.
 * Never edit files inside `node_modules` in place: they are shared with the cache.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { PACKS_DIR } from '../../../../scripts/pack.mjs';
import { copyInstalled, TARBALLS_FOLDER } from './install-cache.js';
import { FIXTURES_DIR } from './paths.js';
import { cleanEnv, runCommand, type RunOptions, type RunResult } from './run-command.js';

export type { RunOptions, RunResult } from './run-command.js';

export interface InstalledProject {
  /** The working copy: run commands here, write files here. */
  readonly dir: string;
  /** Runs `command` in `dir` with `node_modules/.bin` on PATH; resolves with the exit code and the output without ANSI codes. */
  run(command: string, args?: readonly string[], options?: RunOptions): Promise<RunResult>;
}

export interface InstalledProjectOptions {
  /** Environment for every `run()` of this project (a `run()`'s own `env` wins). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

// `"@perfgate/vitest": "file:../../.packs/perfgate-vitest.tgz"` in a fixture: the tarball `npm run pack` made.
const PLACEHOLDER = /^file:(?:\.\.\/)*\.packs\/([\w.-]+\.tgz)$/;
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'overrides'] as const;

export async function installedProject(fixture: string, options: InstalledProjectOptions = {}): Promise<InstalledProject> {
  const fixtureDir = join(FIXTURES_DIR, fixture);
  if (!existsSync(join(fixtureDir, 'package.json'))) throw new Error(`installedProject: no fixture "${fixture}" (expected ${fixtureDir}/package.json)`);
  const { manifest, tarballs } = rewritePlaceholders(readFileSync(join(fixtureDir, 'package.json'), 'utf8'));
  const npmrcPath = join(fixtureDir, '.npmrc');
  const dir = mkdtempSync(join(inject('installedTestsRunDir'), `${fixture}-`));
  cpSync(fixtureDir, dir, { recursive: true, filter: (path) => !path.includes('node_modules') });
  writeFileSync(join(dir, 'package.json'), manifest);
  // Installed under one name, so fixtures that differ only in their name share an install.
  const installManifest = `${JSON.stringify({ ...JSON.parse(manifest), name: 'perfgate-installed-fixture' }, null, 2)}\n`;
  await copyInstalled({ manifest: installManifest, tarballs, npmrc: existsSync(npmrcPath) ? readFileSync(npmrcPath, 'utf8') : undefined }, dir);
  return {
    dir,
    run: (command, args = [], runOptions = {}) =>
      runCommand(dir, command, args, cleanEnv(dir, { ...options.env, ...runOptions.env }), runOptions.timeoutMs ?? 180_000),
  };
}

function rewritePlaceholders(text: string): { manifest: string; tarballs: string[] } {
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const tarballs = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = (pkg[field] ?? {}) as Record<string, unknown>;
    for (const [name, spec] of Object.entries(deps)) {
      const match = typeof spec === 'string' ? PLACEHOLDER.exec(spec) : null;
      if (!match?.[1]) continue;
      const tarball = join(PACKS_DIR, match[1]);
      if (!existsSync(tarball)) throw new Error(`installedProject: ${name} names ${match[1]}, which is not in .packs/ (npm run pack)`);
      tarballs.add(tarball);
      deps[name] = `file:${TARBALLS_FOLDER}/${match[1]}`;
    }
  }
  return { manifest: `${JSON.stringify(pkg, null, 2)}\n`, tarballs: [...tarballs].sort() };
}

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const jestBin = join(dirname(createRequire(import.meta.url).resolve('jest/package.json')), 'bin', 'jest.js');

export interface JestRun {
  readonly code: number | null;
  /** stdout and stderr, without colours. */
  readonly output: string;
}

export interface RunJestOptions {
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
  /** The jest to run: a user's project has its own. */
  readonly bin?: string;
  /**
   * `--experimental-vm-modules`: ESM test files need it, and so does PGlite in any
   * jest run (its CommonJS build calls `import()`; electric-sql/pglite#224).
   */
  readonly vmModules?: boolean;
}

/** Runs jest in `cwd` as a user would, in a child process with no colours and no inherited runner state. */
export function runJest(cwd: string, { env = {}, args = [], bin = jestBin, vmModules = true }: RunJestOptions = {}): Promise<JestRun> {
  // CI is left out too: each test says whether its run is a CI run.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TINYPOOL|JEST_|PERFGATE_JEST_RUN$|NODE_OPTIONS$|CI$|GITHUB_)/.test(key)));
  const nodeOptions = vmModules ? { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...nodeOptions, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

export interface VitestRun {
  readonly code: number | null;
  /** stdout and stderr, without colours. */
  readonly output: string;
}

/** Runs `vitest run` in `cwd` as a user would, in a child process with no colours and no inherited vitest worker state. */
export function runVitest(cwd: string, env: Record<string, string> = {}, bin = vitestBin, args: readonly string[] = []): Promise<VitestRun> {
  // CI is left out too: each test says whether its run is a CI run.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TINYPOOL|NODE_OPTIONS$|CI$|GITHUB_)/.test(key)));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'run', ...args], { cwd, env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export interface RunResult {
  /** The exit code; a process killed by a signal (or the timeout) reports -1. */
  readonly code: number;
  /** Without ANSI codes, so assertions read the text. */
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Added to the project's environment; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

// The parent's test runner and npm leave variables that would change the child's behaviour
// (npm_config_local_prefix points npm at the monorepo, VITEST_* make vitest think it is a worker).
// CI is left out too: .ci/run sets it, and each test says whether its child's run is a CI run.
const INHERITED_NOISE = /^(npm_(?!config_(cache|registry|userconfig|update_notifier)$)|VITEST|JEST_WORKER_ID$|NODE_ENV$|NODE_OPTIONS$|INIT_CWD$|TURBO_|CI$|GITHUB_ACTIONS$)/i;

export function cleanEnv(dir: string, env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!INHERITED_NOISE.test(key)) merged[key] = value;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  // npm's update check would outlive the command and keep the test worker from exiting.
  merged.npm_config_update_notifier ??= 'false';
  merged.PATH = [join(dir, 'node_modules', '.bin'), merged.PATH].join(delimiter);
  return merged;
}

/** Runs `command` in `dir` and collects its output; never rejects on a non-zero exit (that is often the point). */
export function runCommand(dir: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) }));
  });
}

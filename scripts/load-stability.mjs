#!/usr/bin/env node
// `node scripts/load-stability.mjs [runs]` (after a build): how often the latency
// baseline check of examples/load-api passes on unchanged code. In a copy of the
// example outside the repository (so no machine-specific baseline can be committed
// by accident), it records a baseline once, then runs the check `runs` times (20
// by default), each in a vitest run of its own under CI=true (compare, never
// write), and prints each run's median p99 and Mann–Whitney p, then "N of 20 passed".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples', 'load-api');
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const runs = Number(process.argv[2] ?? 20);
const MARK = 'perfgate-stability ';

// The check is the example's, unchanged; this setup file only prints its message when it passes too.
// (In a hook: the plugin's own setup file, which registers the matchers, may be imported after this one.)
const FIGURES_SETUP = `import { beforeAll, expect } from 'vitest';
import { perfgateMatchers } from '@perfgate/core/matchers';

beforeAll(() => {
  expect.extend({
    async toMatchLatencyBaseline(received, ...args) {
      const result = await perfgateMatchers.toMatchLatencyBaseline.call(this, received, ...args);
      console.log(${JSON.stringify(MARK)} + JSON.stringify({ pass: result.pass, message: result.message() }));
      return result;
    },
  });
});
`;

const CONFIG = `import { defineConfig, mergeConfig } from 'vitest/config';
import latency from './vitest.latency.config.ts';

export default mergeConfig(latency, defineConfig({ test: { setupFiles: ['./stability-figures.setup.mjs'] } }));
`;

function copyExample() {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-load-stability-'));
  for (const entry of ['src', 'test', 'package.json', 'vitest.latency.config.ts']) {
    cpSync(join(example, entry), join(dir, entry), { recursive: true, filter: (path) => !path.includes('__perfgate__') });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'stability-figures.setup.mjs'), FIGURES_SETUP);
  writeFileSync(join(dir, 'vitest.stability.config.ts'), CONFIG);
  return dir;
}

/** One vitest run of the check; `ci` decides whether it may write the baseline. */
function runCheck(dir, ci) {
  // Embedded PGlite, as the demo: whatever the shell has set.
  const { DATABASE_URL: _pg, MYSQL_URL: _mysql, CI: _ci, ...inherited } = process.env;
  const env = { ...inherited, ...(ci && { CI: 'true' }) };
  const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.stability.config.ts'], { cwd: dir, env, encoding: 'utf8' });
  const output = stripVTControlCharacters(result.stdout + result.stderr);
  const line = output.split('\n').find((text) => text.startsWith(MARK));
  const figures = line === undefined ? undefined : JSON.parse(line.slice(MARK.length));
  return { code: result.status, output, figures: figures && { pass: figures.pass, message: stripVTControlCharacters(figures.message) } };
}

/** `median 121 ms (baseline 114 ms, +6%), rounds 290, 130, 121, 99, 104 ms, Mann–Whitney U = 14, p = 0.35` */
function summarise(message) {
  const received = /Received: p99 median ([\d,.]+ m?s), ([+−][\d,.]+ m?s) \(([+−]\d+%)\); Mann–Whitney U = ([\d.]+), p = ([\d.e-]+)/.exec(message);
  const rounds = /Rounds: +baseline ([^;]+); now (.+)/.exec(message);
  if (received === null || rounds === null) return message.split('\n').slice(0, 3).join(' | ');
  return `median ${received[1]} (${received[2]}, ${received[3]}), rounds ${rounds[2]}, Mann–Whitney U = ${received[4]}, p = ${received[5]}`;
}

const dir = copyExample();
try {
  console.log(`examples/load-api copied to ${dir}`);
  const created = runCheck(dir, false);
  const file = join(dir, 'test', '__perfgate__', 'latency-baseline.spec.ts.json');
  if (created.code !== 0 || !existsSync(file)) {
    process.stdout.write(created.output);
    throw new Error('the first run did not record a baseline: see its output above');
  }
  const written = created.output.split('\n').find((text) => text.trimStart().startsWith('+ '));
  console.log(`baseline recorded (CI unset): ${written?.trim() ?? readFileSync(file, 'utf8')}`);

  let passed = 0;
  for (let run = 1; run <= runs; run++) {
    const { code, output, figures } = runCheck(dir, true);
    if (figures === undefined) {
      process.stdout.write(output);
      throw new Error(`run ${run} printed no figures: see its output above`);
    }
    const ok = code === 0 && figures.pass;
    passed += ok ? 1 : 0;
    console.log(`run ${String(run).padStart(2)}: ${ok ? 'pass' : 'FAIL'}  ${summarise(figures.message)}`);
  }
  console.log(`\n${passed} of ${runs} passed`);
  process.exitCode = passed === runs ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

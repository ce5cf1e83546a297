#!/usr/bin/env node
// The real-driver group's comparison with one process per mode: nothing is
// patched and unpatched inside a measured process, so no mode pays for the
// one before it (the in-process group's artefact, docs/performance.md).
//   node scripts/bench/real-driver-processes.mjs [rounds] [pg|pglite] [tests]
// Each round runs one child per (workload, mode), in a new random order;
// a child sets up the app, warms up in its mode, then measures `tests` tests
// (CPU time, user + sys of the child, per query) and prints one JSON line.
// The figure is the median over rounds of each child's ratio to the
// "without perfgate" child of its round and workload. pg needs DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './real-modes.mjs';

const [roundsArg = '9', driverName = 'pg', testsArg = '300'] = process.argv.slice(2);
const CHILD = fileURLToPath(new URL('./real-driver-child.mjs', import.meta.url));
/** Mode indexes of real-modes.mjs's MODES: without, instrumented with no scope, request scopes, the defaults. */
const MODE_INDEXES = [0, 3, 4, 6];
const WORKLOAD_INDEXES = [0, 1];

if (driverName === 'pg' && !process.env.DATABASE_URL) throw new Error('real-driver-processes: pg needs DATABASE_URL');

function runChild(workload, mode) {
  const child = spawnSync(process.execPath, [CHILD, driverName, String(mode), String(workload), testsArg], { encoding: 'utf8', env: process.env });
  if (child.status !== 0) throw new Error(`real-driver-processes: child ${driverName} mode ${mode} workload ${workload} failed (${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}


const results = new Map();
for (let round = 0; round < Number(roundsArg); round++) {
  const jobs = WORKLOAD_INDEXES.flatMap((workload) => MODE_INDEXES.map((mode) => ({ workload, mode })));
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }
  for (const { workload, mode } of jobs) {
    const result = runChild(workload, mode);
    const key = `${workload}:${mode}`;
    if (!results.has(key)) results.set(key, []);
    results.get(key)[round] = result;
  }
  process.stderr.write(`round ${round + 1} of ${roundsArg} done\n`);
}

console.log(`real-driver, one process per mode: ${driverName}, ${roundsArg} rounds, ${testsArg} tests per child, node ${process.version}`);
for (const workload of WORKLOAD_INDEXES) {
  const base = results.get(`${workload}:0`);
  console.log(`\n${base[0].workload} workload`);
  console.log(['mode', 'CPU per query (median)', 'ratio to without (median)', 'ratios min–max'].join(' | '));
  for (const mode of MODE_INDEXES) {
    const runs = results.get(`${workload}:${mode}`);
    const ratios = runs.map((run, round) => run.cpuNsPerQuery / base[round].cpuNsPerQuery).sort((a, b) => a - b);
    const cpu = median(runs.map((run) => run.cpuNsPerQuery));
    console.log([runs[0].mode, `${(cpu / 1000).toFixed(1)} µs`, mode === 0 ? '' : `${median(ratios).toFixed(3)}×`, mode === 0 ? '' : `${ratios[0].toFixed(3)}–${ratios.at(-1).toFixed(3)}`].join(' | '));
  }
}

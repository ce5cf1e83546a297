// Accuracy of measureAllocations: bytes per call of known allocations against
// their true size, each measured in PROCESSES separate processes (the spread
// between processes is what a baseline must survive), the time each
// measurement took, and mitata's heap figure for the same functions, run side
// by side in a process of its own with default flags.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ASYNC_CASE, CASES } from './allocation-cases.mjs';

export const name = 'allocations';
export const description = 'bytes per call of known allocations (measureAllocations, the median of its samples) against their true size';

/** Separate processes each case is measured in. */
export const PROCESSES = 5;
/** The targets: within 1% of the true size, under 1% spread across processes, each measurement under 2 s. */
export const TARGET_ERROR = 0.01;
export const TARGET_SPREAD = 0.01;
export const TARGET_MS = 2_000;

const child = fileURLToPath(new URL('./allocation-cases.mjs', import.meta.url));
// Default flags in every child: no --expose-gc (perfgate needs none; mitata's figure is the one users get).
const measureIn = (tool) => JSON.parse(execFileSync(process.execPath, [child, tool], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }));

const bytes = (n) => (n === null || n === undefined ? 'n/a' : `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} B`);
const percent = (share) => `${share >= 0 ? '+' : '−'}${Math.abs(share * 100).toFixed(2)}%`;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

export async function run(bench) {
  const runs = Array.from({ length: PROCESSES }, () => measureIn('perfgate'));
  const mitata = measureIn('mitata');
  const names = [...CASES.map((c) => c.name), ASYNC_CASE.name];
  const truths = Object.fromEntries([...CASES, ASYNC_CASE].map((c) => [c.name, c.truth]));
  const rows = [];
  const vmRows = [];
  let worst = { error: 0, spread: 0, ms: 0 };
  for (const name of names) {
    const figures = runs.map((r) => r[name].main.bytes);
    const mid = median(figures);
    const truth = truths[name];
    const error = truth === 0 ? mid : (mid - truth) / truth;
    const spread = mid === 0 ? Math.max(...figures) - Math.min(...figures) : (Math.max(...figures) - Math.min(...figures)) / mid;
    const ms = Math.max(...runs.map((r) => r[name].main.ms));
    if (name !== ASYNC_CASE.name) worst = { error: Math.max(worst.error, truth === 0 ? 0 : Math.abs(error)), spread: Math.max(worst.spread, truth === 0 ? 0 : spread), ms: Math.max(worst.ms, ms) };
    rows.push([
      name,
      bytes(truth),
      bytes(mid),
      truth === 0 ? `${bytes(mid)} off` : percent(error),
      `${bytes(Math.min(...figures))} … ${bytes(Math.max(...figures))}`,
      truth === 0 || mid === 0 ? bytes(Math.max(...figures) - Math.min(...figures)) : percent(spread).replace('+', ''),
      `${Math.round(ms)} ms`,
      name in mitata ? bytes(mitata[name]) : '—',
    ]);
    const vm = median(runs.map((r) => r[name].vm.bytes));
    vmRows.push([name, bytes(truth), bytes(vm), truth === 0 ? `${bytes(vm)} off` : percent((vm - truth) / truth)]);
  }
  bench.note(`Each case measured in ${PROCESSES} separate processes (default flags); "measured" is the median of the ${PROCESSES} processes' figures, each the median of its samples.`);
  bench.note(
    `Sync cases: worst error ${percent(worst.error).replace('+', '')} (target ${TARGET_ERROR * 100}%), worst spread ${percent(worst.spread).replace('+', '')} (target ${TARGET_SPREAD * 100}%), slowest measurement ${Math.round(worst.ms)} ms (target ${TARGET_MS} ms).`,
  );
  bench.note("mitata: its heap figure (bench() + run(), default flags: no --expose-gc), in a process of its own. True sizes: 64-bit V8 without pointer compression (see allocation-cases.mjs).");
  bench.table(
    'main context (node, vitest):',
    ['case', 'true size', 'measured', 'error', `range over ${PROCESSES} processes`, 'spread', 'slowest', "mitata's heap"],
    rows,
  );
  bench.table('inside a vm context (as jest runs a test file), median of the same processes:', ['case', 'true size', 'measured', 'error'], vmRows);
}

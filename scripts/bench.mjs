#!/usr/bin/env node
// `npm run bench` (builds first) or `node scripts/bench.mjs [--json] [group…]`:
// measures perfgate's overhead against the BUILT packages. Each group is a
// module under scripts/bench/ exporting `name`, `description` and
// `run(bench)`; add a group by adding it to GROUPS. Always exits 0 unless a
// benchmark breaks: the numbers are for reading, not a gate.
// See docs/performance.md for the procedure and the figures.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// mitata collects garbage between cases when it can; without a gc function
// it falls back to allocating 1 GiB. It looks for one when it is imported.
if (typeof globalThis.gc !== 'function') {
  setFlagsFromString('--expose-gc');
  globalThis.gc = runInNewContext('gc');
}

const GROUPS = ['./bench/recorder.mjs', './bench/analysis.mjs', './bench/allocations.mjs', './bench/real-driver.mjs', './bench/primitives.mjs', './bench/run-report.mjs'];

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));

const { likelyOptimisedOut, measureCase, noopCase, MIN_SAMPLES, MIN_TIME_MS, TARGET_SAMPLE_NS, WARMUP_MS } = await import('./bench/measure.mjs');
const { formatJson, formatNs, formatText, machine } = await import('./bench/report.mjs');

const log = (line) => {
  if (!json) process.stderr.write(`${line}\n`);
};

const available = await Promise.all(GROUPS.map((path) => import(path)));
const unknown = only.filter((name) => !available.some((group) => group.name === name));
if (unknown.length > 0) throw new Error(`no bench group named ${unknown.join(', ')} (groups: ${available.map((g) => g.name).join(', ')})`);

const groups = [];
for (const group of available) {
  if (only.length > 0 && !only.includes(group.name)) continue;
  const result = { name: group.name, description: group.description, notes: [], cases: [], derived: [], tables: [] };
  const empty = await noopCase();
  await group.run({
    async case(name, spec) {
      log(`${group.name}: ${name}…`);
      const measured = await measureCase(spec);
      const warning = likelyOptimisedOut(measured, empty) ? 'indistinguishable from an empty function' : undefined;
      result.cases.push({ name, ...measured, ...(warning && { warning }) });
      return measured;
    },
    derive(name, { medianNs, minNs }, how, targetNs) {
      result.derived.push({ name, medianNs, minNs, how, ...(targetNs !== undefined && { targetNs, withinTarget: medianNs <= targetNs }) });
    },
    note(text) {
      result.notes.push(text);
    },
    table(title, header, rows) {
      result.tables.push({ title, header, rows });
    },
  });
  groups.push(result);
}

const procedure =
  `wall time (performance.now); warm-up ${WARMUP_MS} ms; samples of ~${formatNs(TARGET_SAMPLE_NS)} (small operations batched); ` +
  `at least ${MIN_SAMPLES} samples and ${MIN_TIME_MS} ms per case, then the 2 lowest and 2 highest samples dropped; times are per iteration; the figure quoted is the median`;
const report = { machine: machine(), procedure, groups };
process.stdout.write(`${json ? formatJson(report) : formatText(report)}\n`);

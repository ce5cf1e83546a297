import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PerfgateError } from '../errors.js';
import { resolvePerfgateOptions } from '../options/perfgate-options.js';
import { startQuery } from '../record/recorder.js';
import type { TestReport } from '../report/report-model.js';
import { recordQueries } from '../scope/record-queries.js';
import { REPORT_KINDS } from './run-session.js';
import { resolveUpdateMode } from './update-mode.js';
import { WorkerSession } from './worker-session.js';
import { loadWorkerReports } from './worker-reports.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Four `SELECT $1::int` in a loop, yielding between them so tests beside it interleave. */
async function nPlusOne(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    startQuery({ sql: 'SELECT $1::int', values: [i], source: 'test', dialect: 'postgres' });
    await tick();
  }
}

async function clean(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    startQuery({ sql: `SELECT ${i} AS n${i}`, source: 'test', dialect: 'postgres' });
    await tick();
  }
}

const identity = (name: string) => ({ id: `unit > ${name}`, file: 'unit.test.ts', name });

let root: string;
let worker: WorkerSession;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'perfgate-worker-'));
  worker = new WorkerSession();
  expect.extend(worker.matchers());
  const update = resolveUpdateMode({ requested: undefined, ciEnv: false, command: 'vitest -u' });
  const options = resolvePerfgateOptions({ http: false, nPlusOneThreshold: 3 }, 'the test');
  worker.start({ root, options, run: { update, reportDir: root, v8Coverage: false }, update, runCommand: 'vitest run' });
});
afterEach(() => {
  worker.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('WorkerSession', () => {
  it('#12.1 three concurrent tests, one with an N+1: that one fails, the others pass, and the run gets each test’s report', async () => {
    const tests = { 'with an N+1': nPlusOne, 'clean one': clean, 'clean two': clean };
    const ends = await Promise.all(
      Object.entries(tests).map(async ([name, work]) => {
        const state = worker.beforeTest(identity(name));
        await worker.runTest(state, () => recordQueries(work));
        return worker.afterTest(state, { concurrent: true });
      }),
    );
    expect(ends.map(({ error }) => (error as PerfgateError | undefined)?.code)).toEqual(['N_PLUS_ONE', undefined, undefined]);
    expect(ends[0]!.error!.stack).toBe(`PerfgateError: ${ends[0]!.error!.message}`);
    expect(ends.map(({ report }) => [report.name, report.perfgate, report.scopes.length])).toEqual([
      ['with an N+1', 'fail', 1],
      ['clean one', 'pass', 1],
      ['clean two', 'pass', 1],
    ]);
    await worker.finish();
    const saved = (await loadWorkerReports<TestReport[]>(root, REPORT_KINDS.tests)).flat();
    expect(saved.map((test) => test.name)).toEqual(['with an N+1', 'clean one', 'clean two']);
  });

  it('#12.1 a test that fails alone fails beside others (run judged, without each-hooks)', async () => {
    const alone = await worker.runJudged(identity('alone'), () => recordQueries(nPlusOne)).catch((error: PerfgateError) => error.code);
    const beside = await Promise.all([
      worker.runJudged(identity('n+1'), () => recordQueries(nPlusOne)).catch((error: PerfgateError) => error.code),
      worker.runJudged(identity('clean'), () => recordQueries(clean)).then(() => 'pass'),
    ]);
    expect([alone, ...beside]).toEqual(['N_PLUS_ONE', 'N_PLUS_ONE', 'pass']);
  });

  it("#12.2 a judged test's own error is rethrown untouched, before perfgate's", async () => {
    const own = new TypeError('the test broke');
    await expect(
      worker.runJudged(identity('broken'), async () => {
        await recordQueries(nPlusOne);
        throw own;
      }),
    ).rejects.toBe(own);
  });

  it("#12.5 each figure a test records while it runs is told as one line, to that test's annotations only", async () => {
    const lines: Record<string, string[]> = { a: [], b: [] };
    await Promise.all(
      (['a', 'b'] as const).map(async (name) => {
        const state = worker.beforeTest(identity(name), (line) => lines[name]!.push(line));
        await worker.runTest(state, () => (name === 'a' ? expect(() => recordQueries(clean)).toIssueAtMost(4) : clean()));
        await worker.afterTest(state, { concurrent: true });
      }),
    );
    expect(lines.a).toEqual([expect.stringMatching(/^perfgate toIssueAtMost\(4\): 4 queries in .*: pass$/)]);
    expect(lines.b).toEqual([]);
  });
});

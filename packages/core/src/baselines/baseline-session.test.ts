import { describe, expect, it } from 'vitest';
import { EMPTY_BASELINES, serializeBaselines, withBaselines } from './baseline-file.js';
import { BaselineSession, type BaselineSessionOptions } from './baseline-session.js';

const SPEC = '/repo/test/logger.spec.ts';
const FILE = '/repo/test/__perfgate__/logger.spec.ts.json';
const LIMITS = { tolerance: 0.1, floorBytes: 64 };
const LATENCY_LIMITS = { tolerance: 0.25, floorMs: 2 };
const STORED = serializeBaselines(
  withBaselines(EMPTY_BASELINES, [
    { metric: 'bytes/op', runtime: 'node20-x64', test: 'formats a line', value: 1_000 },
    { metric: 'p99 ms', runtime: 'node20-x64-2cpu', test: 'formats a line', value: 10, rounds: [10, 10, 11, 9, 10], queriesPerRequest: 2 },
  ]),
);

function session(options: Partial<BaselineSessionOptions> = {}, text: string | null = STORED) {
  const reads: string[] = [];
  const readFile = (path: string) => {
    reads.push(path);
    if (text === null) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };
  return { reads, baselines: new BaselineSession({ update: false, ci: false, writable: true, runtime: 'node20-x64', readFile, ...options }) };
}

const check = (baselines: BaselineSession, bytesPerOp: number, test = 'formats a line') => baselines.checkAllocation({ specPath: SPEC, test, bytesPerOp, ...LIMITS });
const checkLatency = (baselines: BaselineSession, rounds: number[], test = 'formats a line') =>
  baselines.checkLatency({ specPath: SPEC, test, machine: 'node20-x64-2cpu', rounds, queriesPerRequest: 2, ...LATENCY_LIMITS });

describe('BaselineSession', () => {
  it('passes within the tolerance, reports nothing, and reads each file once for every metric', () => {
    const { baselines, reads } = session();
    expect(check(baselines, 1_050)).toEqual({ verdict: { kind: 'within', baseline: 1_000 }, file: FILE });
    expect(check(baselines, 990).verdict.kind).toBe('within');
    expect(checkLatency(baselines, [11, 10, 9, 10, 10]).verdict.kind).toBe('within');
    expect(reads).toEqual([FILE]);
    expect(baselines.report()).toEqual({ entries: [] });
  });

  it('fails a regression, keeping it only for `perfgate merge --update` (the run never writes it)', () => {
    const { baselines } = session();
    expect(check(baselines, 1_500).verdict).toEqual({ kind: 'regressed', baseline: 1_000 });
    expect(baselines.report().entries).toEqual([{ metric: 'bytes/op', runtime: 'node20-x64', test: 'formats a line', value: 1_500, file: FILE, change: 'regressed', was: 1_000 }]);
  });

  it('reports an improvement so the run can suggest tightening it', () => {
    const { baselines } = session();
    expect(check(baselines, 500).verdict).toEqual({ kind: 'improved', baseline: 1_000 });
    expect(baselines.report().entries).toEqual([{ metric: 'bytes/op', runtime: 'node20-x64', test: 'formats a line', value: 500, file: FILE, change: 'improved', was: 1_000 }]);
  });

  it('on the update flag, accepts a figure outside the tolerance and keeps it to write', () => {
    const { baselines } = session({ update: true });
    expect(check(baselines, 1_500).verdict).toEqual({ kind: 'updated', baseline: 1_000 });
    expect(check(baselines, 1_020).verdict.kind).toBe('within');
    expect(baselines.report().entries).toEqual([{ metric: 'bytes/op', runtime: 'node20-x64', test: 'formats a line', value: 1_500, file: FILE, change: 'updated', was: 1_000 }]);
  });

  it('records a new test, or a new runtime, to be written', () => {
    const { baselines } = session();
    expect(check(baselines, 300, 'writes an order').verdict).toEqual({ kind: 'new' });
    const other = session({ runtime: 'node22-arm64' }).baselines;
    expect(check(other, 1_000).verdict).toEqual({ kind: 'new' });
    expect(other.report().entries).toEqual([{ metric: 'bytes/op', runtime: 'node22-arm64', test: 'formats a line', value: 1_000, file: FILE, change: 'new' }]);
  });

  it('judges latency rounds against the stored rounds, keeping the rounds and queries of a regression', () => {
    const { baselines } = session();
    const { verdict } = checkLatency(baselines, [40, 41, 42, 43, 44]);
    expect(verdict.kind).toBe('regressed');
    expect('comparison' in verdict && verdict.comparison).toMatchObject({ baselineMedian: 10, median: 42, u: 25 });
    expect(baselines.report().entries).toEqual([
      { metric: 'p99 ms', runtime: 'node20-x64-2cpu', test: 'formats a line', value: 42, rounds: [40, 41, 42, 43, 44], queriesPerRequest: 2, file: FILE, change: 'regressed', was: 10 },
    ]);
  });

  it('fails a missing baseline under CI, and when nothing in the run can write it, keeping it for a merge', () => {
    const ci = session({ ci: true }, null).baselines;
    expect(check(ci, 300).verdict).toEqual({ kind: 'missing', reason: 'ci' });
    expect(ci.report().entries.map((entry) => entry.change)).toEqual(['missing']);
    expect(check(session({ writable: false }, null).baselines, 300).verdict).toEqual({ kind: 'missing', reason: 'no-writer' });
    expect(checkLatency(session({ ci: true }, null).baselines, [1, 1, 1, 1, 1]).verdict).toEqual({ kind: 'missing', reason: 'ci' });
  });

  it('judges against a version 1 file’s bytesPerOp and latency sections', () => {
    const version1 = JSON.stringify({ version: 1, bytesPerOp: { 'node20-x64': { 'formats a line': 1_000 } }, latency: { 'node20-x64-2cpu': { 'formats a line': { p99Ms: [10, 10, 11, 9, 10] } } } });
    const { baselines } = session({}, version1);
    expect(check(baselines, 1_020).verdict).toEqual({ kind: 'within', baseline: 1_000 });
    expect(checkLatency(baselines, [40, 41, 42, 43, 44]).verdict.kind).toBe('regressed');
  });

  it('lets a corrupt file’s error through', () => {
    expect(() => check(session({}, '{').baselines, 300)).toThrow(`perfgate: ${FILE} is not a valid baseline file: invalid JSON`);
  });
});

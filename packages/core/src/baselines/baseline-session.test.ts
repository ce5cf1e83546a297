import { describe, expect, it } from 'vitest';
import { serializeBaselines, withBaselines, EMPTY_BASELINES } from './allocation-baselines.js';
import { BaselineSession, type BaselineSessionOptions } from './baseline-session.js';

const SPEC = '/repo/test/logger.spec.ts';
const FILE = '/repo/test/__perfgate__/logger.spec.ts.json';
const LIMITS = { tolerance: 0.1, floorBytes: 64 };
const STORED = serializeBaselines(withBaselines(EMPTY_BASELINES, [{ runtime: 'node20-x64', test: 'formats a line', bytesPerOp: 1_000 }]));

function session(options: Partial<BaselineSessionOptions> = {}, text: string | null = STORED) {
  const reads: string[] = [];
  const readFile = (path: string) => {
    reads.push(path);
    if (text === null) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };
  return { reads, baselines: new BaselineSession({ update: false, ci: false, writable: true, runtime: 'node20-x64', readFile, ...options }) };
}

const check = (baselines: BaselineSession, bytesPerOp: number, test = 'formats a line') => baselines.check({ specPath: SPEC, test, bytesPerOp, ...LIMITS });

describe('BaselineSession', () => {
  it('passes within the tolerance, reports nothing, and reads each file once', () => {
    const { baselines, reads } = session();
    expect(check(baselines, 1_050)).toEqual({ verdict: { kind: 'within', baseline: 1_000 }, file: FILE });
    expect(check(baselines, 990).verdict.kind).toBe('within');
    expect(reads).toEqual([FILE]);
    expect(baselines.report()).toEqual({ entries: [] });
  });

  it('fails a regression, and keeps nothing to write without the update flag', () => {
    const { baselines } = session();
    expect(check(baselines, 1_500).verdict).toEqual({ kind: 'regressed', baseline: 1_000 });
    expect(baselines.report().entries).toEqual([]);
  });

  it('reports an improvement so the run can suggest tightening it', () => {
    const { baselines } = session();
    expect(check(baselines, 500).verdict).toEqual({ kind: 'improved', baseline: 1_000 });
    expect(baselines.report().entries).toEqual([{ file: FILE, runtime: 'node20-x64', test: 'formats a line', bytesPerOp: 500, baseline: 1_000, change: 'improved' }]);
  });

  it('on the update flag, accepts a figure outside the tolerance and keeps it to write', () => {
    const { baselines } = session({ update: true });
    expect(check(baselines, 1_500).verdict).toEqual({ kind: 'updated', baseline: 1_000 });
    expect(check(baselines, 1_020).verdict.kind).toBe('within');
    expect(baselines.report().entries).toEqual([{ file: FILE, runtime: 'node20-x64', test: 'formats a line', bytesPerOp: 1_500, baseline: 1_000, change: 'updated' }]);
  });

  it('records a new test, or a new runtime, to be written', () => {
    const { baselines } = session();
    expect(check(baselines, 300, 'writes an order').verdict).toEqual({ kind: 'new' });
    const other = session({ runtime: 'node22-arm64' }).baselines;
    expect(check(other, 1_000).verdict).toEqual({ kind: 'new' });
    expect(other.report().entries).toEqual([{ file: FILE, runtime: 'node22-arm64', test: 'formats a line', bytesPerOp: 1_000, change: 'new' }]);
  });

  it('fails a missing baseline under CI, and when nothing in the run can write it', () => {
    expect(check(session({ ci: true }, null).baselines, 300).verdict).toEqual({ kind: 'missing', reason: 'ci' });
    expect(check(session({ writable: false }, null).baselines, 300).verdict).toEqual({ kind: 'missing', reason: 'no-writer' });
  });

  it('lets a corrupt file’s error through', () => {
    expect(() => check(session({}, '{').baselines, 300)).toThrow(`perfgate: ${FILE} is not a valid allocation baseline file: invalid JSON`);
  });
});

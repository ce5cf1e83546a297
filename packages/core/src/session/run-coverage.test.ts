import { describe, expect, it } from 'vitest';
import { isPartialRun, partialRunReasons, type RunCoverage } from './run-coverage.js';

describe('the partial-run rule (#11.5)', () => {
  it('#11.5 a run with any filter, a shard, changed files, some projects or an early stop is partial', () => {
    const keys: Array<keyof RunCoverage> = ['fileFilter', 'nameFilter', 'shard', 'changedOnly', 'projectSubset', 'stoppedEarly'];
    for (const key of keys) expect(isPartialRun({ [key]: true }), key).toBe(true);
    expect(partialRunReasons({ fileFilter: true, stoppedEarly: true })).toEqual(['a file filter', 'the run stopped early']);
  });

  it('#11.5 a run that saw the whole suite is not', () => {
    expect(isPartialRun({})).toBe(false);
    expect(isPartialRun({ fileFilter: false, nameFilter: false, shard: false, changedOnly: false, projectSubset: false, stoppedEarly: false })).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLatency, median } from './latency-change.js';

const limits = { tolerance: 0.25, floorMs: 2 };

describe('compareLatency', () => {
  it('calls a regression only when the median rose past tolerance and floor and every round moved', () => {
    expect(compareLatency([10, 10, 11, 10, 10], [30, 31, 29, 30, 32], limits)).toMatchObject({ change: 'regressed', baselineMedian: 10, median: 30, limit: 12.5, u: 25, p: 1 / 252 });
    // One slow round on a busy machine moves the median a little and leaves the ranks mixed.
    expect(compareLatency([10, 10, 11, 10, 10], [10, 11, 40, 10, 11], limits).change).toBe('within');
    // Every round a little slower, but within the tolerance.
    expect(compareLatency([10, 10, 10, 10, 10], [12, 12, 12, 12, 12], limits).change).toBe('within');
    // Past 25% but not past the 2 ms floor (autocannon counts whole milliseconds).
    expect(compareLatency([3, 3, 3, 3, 3], [5, 5, 5, 5, 5], limits).change).toBe('within');
    expect(compareLatency([30, 31, 29, 30, 32], [10, 10, 11, 10, 10], limits).change).toBe('improved');
  });

  it('never calls identical or overlapping samples a change', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 3, maxLength: 6 }), (rounds) => {
        expect(compareLatency(rounds, rounds, limits).change).toBe('within');
        expect(compareLatency(rounds, [...rounds].reverse(), limits).change).toBe('within');
      }),
    );
  });

  it('takes the middle of an odd sample and the mean of the middle two of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mannWhitneyGreater } from './mann-whitney.js';

describe('mannWhitneyGreater', () => {
  it('gives the textbook exact p for complete separation: 1 / C(10, 5)', () => {
    expect(mannWhitneyGreater([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toEqual({ u: 25, p: 1 / 252 });
    expect(mannWhitneyGreater([6, 7, 8, 9, 10], [1, 2, 3, 4, 5])).toEqual({ u: 0, p: 1 });
  });

  it('counts ties as one half and never finds a difference between equal samples', () => {
    expect(mannWhitneyGreater([3, 3, 3], [3, 3, 3])).toEqual({ u: 4.5, p: 1 });
    expect(mannWhitneyGreater([1, 2], [2, 3]).u).toBe(3.5);
  });

  it('agrees with counting pairs, and its p is a probability that falls as `after` rises', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: 1, max: 10 }), (before, after, shift) => {
        const { u, p } = mannWhitneyGreater(before, after);
        let pairs = 0;
        for (const a of after) for (const b of before) pairs += a > b ? 1 : a === b ? 0.5 : 0;
        expect(u).toBeCloseTo(pairs, 9);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(mannWhitneyGreater(before, after.map((a) => a + shift)).p).toBeLessThanOrEqual(p);
      }),
    );
  });
});

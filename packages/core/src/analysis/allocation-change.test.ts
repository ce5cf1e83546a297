import { describe, expect, it } from 'vitest';
import { baselineLimit, compareWithBaseline, DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE } from './allocation-change.js';

const LIMITS = { tolerance: DEFAULT_ALLOCATION_TOLERANCE, floorBytes: DEFAULT_ALLOCATION_FLOOR_BYTES };

describe('compareWithBaseline', () => {
  it('defaults to 10% and 64 B', () => {
    expect(LIMITS).toEqual({ tolerance: 0.1, floorBytes: 64 });
  });

  it('counts a rise only when it exceeds both the tolerance and the floor', () => {
    expect(compareWithBaseline(12_000, 8_000, LIMITS)).toBe('regressed'); // +50%
    expect(compareWithBaseline(8_800, 8_000, LIMITS)).toBe('within'); // +10% exactly
    expect(compareWithBaseline(8_801, 8_000, LIMITS)).toBe('regressed');
    expect(compareWithBaseline(80, 40, LIMITS)).toBe('within'); // +100%, but 40 B is under the floor
    expect(compareWithBaseline(105, 40, LIMITS)).toBe('regressed'); // +65 B
    expect(compareWithBaseline(64, 0, LIMITS)).toBe('within');
    expect(compareWithBaseline(64.1, 0, LIMITS)).toBe('regressed');
  });

  it('reports a fall beyond both as an improvement', () => {
    expect(compareWithBaseline(4_000, 8_000, LIMITS)).toBe('improved');
    expect(compareWithBaseline(7_300, 8_000, LIMITS)).toBe('within');
    expect(compareWithBaseline(0, 40, LIMITS)).toBe('within');
    expect(compareWithBaseline(0, 100, LIMITS)).toBe('improved');
  });

  it('gives the highest passing figure', () => {
    expect(baselineLimit(8_000, LIMITS)).toBe(8_800);
    expect(baselineLimit(40, LIMITS)).toBe(104);
    expect(baselineLimit(40, { tolerance: 0, floorBytes: 0 })).toBe(40);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads a number and a unit', () => {
    expect(parseDuration('50 ms', 'p99')).toBe(50);
    expect(parseDuration('1.5s', 'p99')).toBe(1500);
    expect(parseDuration('800 µs', 'p99')).toBeCloseTo(0.8);
    expect(parseDuration(' 250us ', 'p99')).toBeCloseTo(0.25);
  });

  it('round-trips every whole number of milliseconds in each unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (ms) => {
        expect(parseDuration(`${ms} ms`, 'x')).toBe(ms);
        expect(parseDuration(`${ms / 1000} s`, 'x')).toBeCloseTo(ms, 6);
        expect(parseDuration(`${ms * 1000} us`, 'x')).toBeCloseTo(ms, 6);
      }),
    );
  });

  it('refuses a bare number and anything else, naming where it was', () => {
    expect(thrownBy(() => parseDuration(200, 'toServeWithin: p99'))).toMatchInlineSnapshot(`[PerfgateError: toServeWithin: p99: number 200 is not a duration; write a number and a unit: '50 ms', '1.5 s', '800 µs' (units µs, us, ms, s).]`);
    expect(thrownBy(() => parseDuration('200', 'toServeWithin: p99')).message).toContain('"200" is not a duration');
    expect(thrownBy(() => parseDuration('2 min', 'toServeWithin: p99')).message).toContain('"2 min" is not a duration');
  });
});

describe('formatDuration', () => {
  it('prints milliseconds, seconds past 10 s', () => {
    expect([formatDuration(0.25), formatDuration(12), formatDuration(12.345), formatDuration(25_000)]).toEqual(['0.25 ms', '12 ms', '12.3 ms', '25 s']);
  });
});

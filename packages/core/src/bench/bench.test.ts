import { describe, expect, it, vi } from 'vitest';
import { fakeMeasurement } from '../../test/allocation-helpers.js';
import { bench, formatBenchTable, noOpWarning, type BenchResult } from './bench.js';
import { formatTime } from './time-per-op.js';

const result = (name: string, medianNs: number, bytesPerOp: number, warning?: string): BenchResult => ({
  name,
  time: { minNs: medianNs * 0.9, medianNs, p99Ns: medianNs * 1.5, meanNs: medianNs, samples: 40, batch: 256 },
  bytesPerOp,
  allocations: fakeMeasurement(bytesPerOp),
  ...(warning !== undefined && { warning }),
});

describe('bench', () => {
  it('measures time and bytes per call in one result, and prints it as a table', async () => {
    const printed: string[] = [];
    const { name, time, bytesPerOp, allocations, warning } = await bench('new Array(1000)', () => new Array(1000), { print: (text) => printed.push(text) });
    expect(name).toBe('new Array(1000)');
    expect(bytesPerOp).toBeGreaterThan(8_000);
    expect(allocations.bytesPerOp).toBe(bytesPerOp);
    expect(time.minNs).toBeGreaterThan(0);
    expect(time.minNs).toBeLessThanOrEqual(time.medianNs);
    expect(time.medianNs).toBeLessThanOrEqual(time.p99Ns);
    expect(time.samples).toBeGreaterThanOrEqual(12);
    expect(warning).toBeUndefined();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^benchmark +time\/call \(median\) +min … p99 +bytes\/call \(median\)\n[- ]+\nnew Array\(1000\) +\d/);
  });

  it('prints to the console by default, and nothing when asked', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await bench('sums', () => [1, 2].length, { print: false });
      expect(log).not.toHaveBeenCalled();
      await bench('sums', () => [1, 2].length);
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]![0]).toMatch(/\nsums +\d/);
    } finally {
      log.mockRestore();
    }
  });

  it('awaits an async function’s calls', async () => {
    const { allocations } = await bench('awaits', async () => [1, 2, 3], { print: false });
    expect(allocations.async).toBe(true);
  });
});

describe('noOpWarning', () => {
  const time = (meanNs: number) => ({ minNs: meanNs, medianNs: meanNs, p99Ns: meanNs, meanNs, samples: 40, batch: 1024 });
  it('warns when the mean time is under 1.42 times an empty function’s and nothing was allocated', () => {
    expect(noOpWarning(time(1.4), time(1), 0)).toBe('indistinguishable from an empty function: V8 may have removed the work; return its result from the function');
    expect(noOpWarning(time(1.42), time(1), 0)).toBeUndefined();
    expect(noOpWarning(time(1.0), time(1), 40)).toBeUndefined(); // it allocated: the work ran
  });
});

describe('formatBenchTable', () => {
  it('aligns the columns and lists the warnings under the table', () => {
    expect(formatBenchTable([result('format a log line', 812.4, 456.1), result('noop', 0.4, 0, 'indistinguishable from an empty function')])).toMatchInlineSnapshot(`
      "benchmark          time/call (median)            min … p99  bytes/call (median)
      -----------------  ------------------  -------------------  -------------------
      format a log line              812 ns     731 ns … 1.22 µs              456.1 B
      noop                         0.400 ns  0.360 ns … 0.600 ns                  0 B
      ! noop: indistinguishable from an empty function"
    `);
  });

  it('formats times from nanoseconds to seconds', () => {
    expect([12.34, 4_560, 1_234_000, 2_500_000_000].map(formatTime)).toEqual(['12.3 ns', '4.56 µs', '1.23 ms', '2.50 s']);
  });
});

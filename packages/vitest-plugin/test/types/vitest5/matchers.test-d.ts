// Type tests for vitest 5 (its `Matchers<R, T>`): checked by check.mjs (npm run typecheck).
import { expect } from 'vitest';

export async function specs(): Promise<void> {
  await expect(() => Promise.resolve(1)).toIssueAtMost(3);
  await expect(() => undefined).not.toIssueExactly(2, { kind: 'select', match: /orders/ });

  // Allocation gates: a budget in bytes or a size string, and a baseline.
  await expect(() => new Array(10)).toAllocateAtMost('4 KiB');
  await expect(async () => [1]).not.toAllocateAtMost(1024, { samples: 9, iterations: 1000 });
  await expect(() => undefined).toMatchAllocationBaseline();
  await expect(() => undefined).toMatchAllocationBaseline({ tolerance: 0.2, floor: '128 B', name: 'big order' });
  // @ts-expect-error not a size: the units are B, kB, KiB, MB, MiB, GB, GiB
  await expect(() => undefined).toAllocateAtMost('4 kilobytes');
  // @ts-expect-error no such option
  await expect(() => undefined).toMatchAllocationBaseline({ tolerence: 0.2 });

  // Bundle and load gates: sizes and durations with their units.
  await expect('src/routes/orders.ts').toHaveBundleSizeAtMost('50 kB', { compression: 'gzip' });
  await expect(['dist/*.js']).not.toHaveBundleSizeAtMost(1024, { bundle: false });
  await expect(() => undefined).toServeWithin({ p99: '50 ms', p50: '10 ms', errorRate: '1%', connections: 4, requests: 200 }, { request: { path: '/orders' } });
  await expect(() => undefined).toMatchLatencyBaseline({ tolerance: 0.3, rounds: 5, duration: '2 s' });
  // @ts-expect-error no such compression
  await expect('src/a.ts').toHaveBundleSizeAtMost('50 kB', { compression: 'zstd' });
  // @ts-expect-error a duration needs its unit
  await expect(() => undefined).toServeWithin({ p99: 50 });

  // @ts-expect-error the budget is a number of queries
  await expect(() => undefined).toIssueAtMost('3');
  // @ts-expect-error no such option
  await expect(() => undefined).toIssueExactly(3, { nope: true });
}

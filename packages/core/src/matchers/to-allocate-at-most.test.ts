import { afterEach, describe, expect, it } from 'vitest';
import { fakeAllocations } from '../../test/allocation-helpers.js';
import { failureMessage } from '../../test/matcher-helpers.js';
import { rejectionOf } from '../../test/rejection-of.js';
import { PerfgateError } from '../errors.js';
import { perfgateMatchers } from './index.js';

expect.extend(perfgateMatchers);

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

function formatLine(): string {
  return `${Date.now()} info order placed`;
}

describe('toAllocateAtMost', () => {
  it('passes at or under the budget, in bytes or a size string', async () => {
    const fake = fakeAllocations([4_096, 40, 0]);
    undo = fake.undo;
    await expect(formatLine).toAllocateAtMost('4 KiB');
    await expect(formatLine).toAllocateAtMost(40);
    await expect(formatLine).toAllocateAtMost(0);
    expect(fake.measured).toEqual([formatLine, formatLine, formatLine]);
    expect(fake.attributed).toEqual([]);
  });

  it('fails over the budget, saying by how much, who allocated, and where the heap profile is', async () => {
    const fake = fakeAllocations([5_120.3]);
    undo = fake.undo;
    expect(await failureMessage(expect(formatLine).toAllocateAtMost('4 KiB'))).toMatchInlineSnapshot(`
      "expect(received).toAllocateAtMost('4 KiB')

      Expected: at most 4,096 B (4 KiB) per call
      Received: 5,120.3 B (5 KiB) per call, 1,024.3 B over budget (+25.0%)
      Samples:  median of 3 samples × 4,537 calls: 5,120.1–5,121 B
      Function: formatLine

      Allocated by (sampling heap profile of 4,537 calls, 3,981 samples; each function's own bytes):
         71.2%  3,645.2 B per call  formatLine  src/logger.ts:14
         20.1%  1,029.1 B per call  log  src/logger.ts:22
          8.7%    445.4 B per call  (V8 API) (native), called from formatLine  src/logger.ts:14

      Heap profile:
        .perfgate/to-allocate-at-most.test.ts/toallocateatmost-fails-over-the-budget-saying-by-how-much-who-allocated-and-wher.heapprofile
        open it in Chrome DevTools (Memory › Load profile) or at https://www.speedscope.app"
    `);
  });

  it('fails under .not at or under the budget, without profiling', async () => {
    const fake = fakeAllocations([312]);
    undo = fake.undo;
    expect(await failureMessage(expect(formatLine).not.toAllocateAtMost(1_000))).toMatchInlineSnapshot(`
      "expect(received).not.toAllocateAtMost(1000)

      Expected: more than 1,000 B per call
      Received: 312 B per call
      Samples:  median of 3 samples × 4,537 calls: 311.8–312.7 B
      Function: formatLine"
    `);
    expect(fake.attributed).toEqual([]);
  });

  it('passes under .not over the budget', async () => {
    undo = fakeAllocations([2_000]).undo;
    await expect(formatLine).not.toAllocateAtMost('1 kB');
  });

  it('measures for real: an allocation-free function stays within 0 B, an array of 1,000 does not', async () => {
    let n = 0;
    await expect(() => ++n).toAllocateAtMost(0);
    await expect(() => new Array(1000)).not.toAllocateAtMost('4 KiB');
  });

  it('rejects what it cannot measure, a bad budget and unknown options, before measuring', async () => {
    const notAFunction = await rejectionOf(() => expect(Promise.resolve(1)).toAllocateAtMost(10));
    expect(notAFunction).toBeInstanceOf(PerfgateError);
    expect(notAFunction.message).toMatchInlineSnapshot(
      `"toAllocateAtMost: expect() received a promise (already running, so perfgate cannot scope it); pass the function to measure, such as \`expect(() => serialize(order)).toAllocateAtMost(…)\`; it is called many times."`,
    );
    expect((await rejectionOf(() => expect(formatLine).toAllocateAtMost('4 kilobytes' as never))).message).toMatch(/^toAllocateAtMost: the string "4 kilobytes" is not a size in bytes/);
    expect((await rejectionOf(() => expect(formatLine).toAllocateAtMost(10, { sample: 3 } as never))).message).toMatchInlineSnapshot(
      `"toAllocateAtMost: unknown option "sample"; the options are "iterations", "samples"."`,
    );
    expect((await rejectionOf(() => expect(formatLine).toAllocateAtMost(10, { samples: 0 }))).message).toMatchInlineSnapshot(
      `"toAllocateAtMost: option "samples" must be a whole number, 1 or more; received number 0."`,
    );
  });
});

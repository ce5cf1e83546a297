import { describe, expect, it } from 'vitest';
import { measureAllocations } from './measure-allocations.js';

// Sizes on 64-bit V8 without pointer compression (Node's default build):
// a JSArray is 32 B and its FixedArray backing store 16 B + 8 B per slot.
const ARRAY_1000 = 32 + 16 + 8 * 1000; // 8,048 B
// An object literal with two in-object properties: map, properties, elements + 2 slots.
const PAIR = 24 + 2 * 8; // 40 B
const pointerCompression = Number((process.config.variables as unknown as Record<string, unknown>).v8_enable_pointer_compression) === 1;

const within = (measured: number, truth: number, share: number) => expect(Math.abs(measured - truth)).toBeLessThanOrEqual(truth * share);

let counter = 0;

describe.skipIf(pointerCompression)('measureAllocations (64-bit, no pointer compression)', () => {
  it('measures new Array(1000) of holes within 1% of its 8,048 B', async () => {
    const { bytesPerOp } = await measureAllocations(() => new Array(1000));
    within(bytesPerOp, ARRAY_1000, 0.01);
  });

  it('measures a small object within 1% of its 40 B', async () => {
    const { bytesPerOp } = await measureAllocations(() => ({ id: ++counter, ok: true }));
    within(bytesPerOp, PAIR, 0.01);
  });
});

describe('measureAllocations', () => {
  it('measures ~0 B per call for a function that allocates nothing', async () => {
    const { bytesPerOp, samples } = await measureAllocations(() => ++counter);
    expect(bytesPerOp).toBe(0);
    for (const sample of samples) expect(Math.abs(sample)).toBeLessThan(0.5);
  });

  it('counts what an async function allocates after its awaited work', async () => {
    const before = await measureAllocations(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return counter;
    });
    const after = await measureAllocations(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return new Array(1000);
    });
    expect(after.async).toBe(true);
    // The difference is the array, give or take the promise machinery of resuming after an await (docs/allocations.md).
    within(after.bytesPerOp - before.bytesPerOp, pointerCompression ? ARRAY_1000 / 2 : ARRAY_1000, 0.05);
  });

  it('reports the median of its samples, and the procedure it followed', async () => {
    const result = await measureAllocations(() => [counter], { samples: 5, iterations: 1_000 });
    expect(result).toMatchObject({ statistic: 'median', iterations: 1_000, async: false, method: 'v8.GCProfiler' });
    expect(result.samples).toHaveLength(5);
    expect(result.bytesPerOp).toBe(Math.round([...result.samples].sort((a, b) => a - b)[2]! * 10) / 10);
    expect(result.warmupCalls).toBeGreaterThan(1);
    expect(result.overheadBytes).toBeGreaterThan(0);
  });

  it('lets the function’s error through, sync or async', async () => {
    const failure = new Error('boom');
    await expect(
      measureAllocations(() => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    let calls = 0;
    await expect(measureAllocations(async () => (++calls > 3 ? Promise.reject(failure) : calls))).rejects.toBe(failure);
  });
});

/**
 * The loops a measurement runs. Each result goes to a sink the engine must
 * keep, so V8 cannot delete the work; the empty loops are the same code
 * without the call, so their allocation is the harness's own.
 */
let sink: unknown;

/** Keeps `value` where V8 cannot prove it unused. */
export function keep(value: unknown): void {
  sink = value;
}

export function runSync(fn: () => unknown, calls: number): void {
  for (let i = 0; i < calls; i++) sink = fn();
}

export async function runAsync(fn: () => unknown, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) sink = await fn();
}

const SETTLED: Promise<undefined> = Promise.resolve(undefined);

/** What `runAsync` allocates for itself: one `await` of a settled promise per call. */
export async function runAsyncEmpty(calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) sink = await SETTLED;
}

/**
 * `runSync` and `runAsync` for the heap profiler, whose call site has seen
 * many functions: V8 inlines a function only into a call site that has seen
 * few, and the sampling heap profiler charges an inlined function's
 * allocations to the function it was inlined into — here, the loop.
 */
export function runSyncNotInlined(fn: () => unknown, calls: number): void {
  for (let i = 0; i < calls; i++) sink = fn();
}

export async function runAsyncNotInlined(fn: () => unknown, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) sink = await fn();
}

let primed = false;

/** Makes the profiler's loops see six different functions, in rounds (V8 allocates a function's feedback only after its first few calls). */
export async function primeNotInlined(): Promise<void> {
  if (primed) return;
  primed = true;
  const distinct = [() => 1, () => 2, () => 3, () => 4, () => 5, () => 6];
  for (let round = 0; round < 4; round++) {
    for (const fn of distinct) {
      runSyncNotInlined(fn, 2);
      await runAsyncNotInlined(fn, 2);
    }
  }
}

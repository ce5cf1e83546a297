import { collectGarbage } from './collect-garbage.js';
import { asyncLoop, isThenable, syncLoop, type MeasuredLoop } from './measured-loop.js';
import { keep } from './run-calls.js';
import { median } from '../analysis/median.js';

/** Samples taken by default; the median is reported. */
export const ALLOCATION_SAMPLES = 7;
/**
 * A sample makes enough calls to last ALLOCATION_SAMPLE_MS and to allocate
 * ALLOCATION_SAMPLE_BYTES, whichever takes more, but no more than fill
 * ALLOCATION_SAMPLE_MAX_MS: a window's own noise (a few hundred bytes, and
 * V8's page-sized steps for large objects) is then spread thin.
 */
export const ALLOCATION_SAMPLE_MS = 10;
export const ALLOCATION_SAMPLE_BYTES = 16 * 2 ** 20;
export const ALLOCATION_SAMPLE_MAX_MS = 50;
/** Warm-up lasts at least this long… */
export const ALLOCATION_WARMUP_MIN_MS = 100;
/** …and ends when two windows in a row agree within this share of bytes per call (or ALLOCATION_STABLE_BYTES)… */
export const ALLOCATION_STABLE_SHARE = 0.005;
export const ALLOCATION_STABLE_BYTES = 1;
/** …or after this long, whether they agree or not. */
export const ALLOCATION_WARMUP_MAX_MS = 500;
/** Empty windows measured to find the harness's own allocation; the least is taken (its noise only adds). */
const OVERHEAD_WINDOWS = 3;

export interface AllocationOptions {
  /** Calls per sample. Default: as many as fill ALLOCATION_SAMPLE_MS, at least 1. */
  readonly iterations?: number;
  /** Samples to take (the median is reported). Default ALLOCATION_SAMPLES. */
  readonly samples?: number;
}

export interface AllocationMeasurement {
  /** Bytes allocated per call on the V8 heap: the median of the samples, to 0.1 B, never below 0. */
  readonly bytesPerOp: number;
  /** The statistic `bytesPerOp` is. */
  readonly statistic: 'median';
  /** Each sample's bytes per call (net of the harness's own allocation), in the order taken. */
  readonly samples: readonly number[];
  /** Calls per sample. */
  readonly iterations: number;
  /** Calls made before the first sample, to warm up. */
  readonly warmupCalls: number;
  /** The function returned a promise, which each call awaited. */
  readonly async: boolean;
  /** Bytes an empty window of the same loop allocated, subtracted from each sample. */
  readonly overheadBytes: number;
  /** How the bytes were counted: the used-heap delta plus what each collection freed, from `v8.GCProfiler`. */
  readonly method: 'v8.GCProfiler';
}

function stable(previous: number | undefined, current: number): boolean {
  return previous !== undefined && Math.abs(current - previous) <= Math.max(ALLOCATION_STABLE_BYTES, ALLOCATION_STABLE_SHARE * previous);
}

/** Calls per sample, from the fastest warm-up window (the least disturbed by collections) and its bytes per call. */
function callsPerSample(msPerCall: number, bytesPerCall: number): number {
  const forTime = ALLOCATION_SAMPLE_MS / msPerCall;
  const forBytes = bytesPerCall > 0 ? ALLOCATION_SAMPLE_BYTES / bytesPerCall : 0;
  return Math.max(1, Math.min(Math.ceil(Math.max(forTime, forBytes)), Math.floor(ALLOCATION_SAMPLE_MAX_MS / msPerCall)));
}

/**
 * Calls the loop in windows of doubling size until V8 has optimised it —
 * judged by the bytes per call settling, since optimisation is what changes
 * them (escape analysis removes allocations, feedback and code stop being
 * allocated) — and returns the calls per sample.
 */
async function warmUp(loop: MeasuredLoop, fixedCalls: number | undefined): Promise<{ calls: number; warmupCalls: number }> {
  const start = performance.now();
  let calls = 1;
  let warmupCalls = 0;
  let previous: number | undefined;
  let fastest = Number.POSITIVE_INFINITY;
  for (;;) {
    collectGarbage('minor');
    const { bytes, ms } = await loop.window(calls);
    warmupCalls += calls;
    const perCall = bytes / calls;
    fastest = Math.min(fastest, Math.max(ms, 1e-3) / calls);
    const elapsed = performance.now() - start;
    if ((elapsed >= ALLOCATION_WARMUP_MIN_MS && stable(previous, perCall)) || elapsed >= ALLOCATION_WARMUP_MAX_MS) {
      return { calls: fixedCalls ?? callsPerSample(fastest, Math.max(0, perCall)), warmupCalls };
    }
    previous = perCall;
    if (ms < ALLOCATION_SAMPLE_MS) calls *= 2;
  }
}

/**
 * Measures the bytes `fn` allocates on the V8 heap per call, synchronous or
 * async (each call's promise is awaited, so what it allocates after an
 * `await` counts).
 *
 * Procedure: one call to tell sync from async; warm-up until the figure
 * settles (optimised); the harness's own allocation measured with an empty
 * loop; then `samples` windows of `iterations` calls, the first after a full
 * garbage collection and each later one after a young-generation
 * collection, so no garbage from before a window is freed inside it. Each
 * window counts the used-heap delta plus what every collection in it freed
 * (`v8.GCProfiler`). The median of the samples is reported.
 *
 * @example
 * const { bytesPerOp } = await measureAllocations(() => serialize(order));
 */
export async function measureAllocations(fn: () => unknown, options: AllocationOptions = {}): Promise<AllocationMeasurement> {
  const first = fn();
  const isAsync = isThenable(first);
  keep(isAsync ? await first : first);
  const loop = isAsync ? asyncLoop(fn) : syncLoop(fn);
  const { calls, warmupCalls } = await warmUp(loop, options.iterations);
  const sampleCount = options.samples ?? ALLOCATION_SAMPLES;

  const overheads: number[] = [];
  for (let i = 0; i < OVERHEAD_WINDOWS; i++) {
    collectGarbage('minor');
    overheads.push((await loop.empty(calls)).bytes);
  }
  const overheadBytes = Math.min(...overheads);

  const samples: number[] = [];
  for (let i = 0; i < sampleCount; i++) {
    collectGarbage(i === 0 ? 'major' : 'minor');
    const { bytes } = await loop.window(calls);
    samples.push((bytes - overheadBytes) / calls);
  }
  return {
    // To 0.1 B: what is left of the harness's own bytes after subtracting them is a few thousandths.
    bytesPerOp: Math.max(0, Math.round(median(samples) * 10) / 10),
    statistic: 'median',
    samples,
    iterations: calls,
    warmupCalls: warmupCalls + 1,
    async: isAsync,
    overheadBytes,
    method: 'v8.GCProfiler',
  };
}

import { keep } from '../allocations/run-calls.js';

/** Calls made before timing, at least this long, so V8 has optimised the function. */
export const BENCH_WARMUP_MS = 100;
/** A sample lasts about this long: faster functions run in batches (a power of two), slower ones once. */
export const BENCH_SAMPLE_NS = 500_000;
/** At least this many samples… */
export const BENCH_MIN_SAMPLES = 12;
/** …and this much measured time. */
export const BENCH_MIN_TIME_MS = 300;
/** Samples dropped at each end before the statistics, as mitata does. */
export const BENCH_TRIMMED = 2;

export interface TimePerOp {
  readonly minNs: number;
  /** The figure quoted. */
  readonly medianNs: number;
  readonly p99Ns: number;
  readonly meanNs: number;
  /** Samples kept (after trimming). */
  readonly samples: number;
  /** Calls per sample. */
  readonly batch: number;
}

async function timeCalls(fn: () => unknown, calls: number, isAsync: boolean): Promise<number> {
  const t0 = performance.now();
  if (isAsync) for (let i = 0; i < calls; i++) keep(await fn());
  else for (let i = 0; i < calls; i++) keep(fn());
  return (performance.now() - t0) * 1e6;
}

/**
 * Time per call, measured as mitata measures it: warm-up, batches of calls
 * long enough for the clock, at least BENCH_MIN_SAMPLES samples and
 * BENCH_MIN_TIME_MS of measured time, the BENCH_TRIMMED lowest and highest
 * samples dropped, and percentiles of the rest. Each result goes to a sink.
 * An async function's calls are awaited one after another.
 */
export async function timePerOp(fn: () => unknown, isAsync: boolean): Promise<TimePerOp> {
  let warmCalls = 0;
  let warmNs = 0;
  const warmEnd = performance.now() + BENCH_WARMUP_MS;
  while (performance.now() < warmEnd) {
    warmNs += await timeCalls(fn, 16, isAsync);
    warmCalls += 16;
  }
  const estimate = warmNs / warmCalls;
  const batch = estimate >= BENCH_SAMPLE_NS ? 1 : 2 ** Math.ceil(Math.log2(BENCH_SAMPLE_NS / Math.max(estimate, 1)));
  const samples: number[] = [];
  let spentNs = 0;
  while (samples.length < BENCH_MIN_SAMPLES + 2 * BENCH_TRIMMED || spentNs < BENCH_MIN_TIME_MS * 1e6) {
    const ns = await timeCalls(fn, batch, isAsync);
    spentNs += ns;
    samples.push(ns / batch);
  }
  const kept = samples.sort((a, b) => a - b).slice(BENCH_TRIMMED, samples.length - BENCH_TRIMMED);
  const at = (q: number) => kept[Math.min(kept.length - 1, Math.floor(q * kept.length))]!;
  return { minNs: kept[0]!, medianNs: at(0.5), p99Ns: at(0.99), meanNs: kept.reduce((sum, ns) => sum + ns, 0) / kept.length, samples: kept.length, batch };
}

/** `12.3 ns`, `4.56 µs`, `1.23 ms`, `1.2 s`. */
export function formatTime(ns: number): string {
  const [value, unit] = ns < 1e3 ? [ns, 'ns'] : ns < 1e6 ? [ns / 1e3, 'µs'] : ns < 1e9 ? [ns / 1e6, 'ms'] : [ns / 1e9, 's'];
  return `${value.toPrecision(3)} ${unit}`;
}

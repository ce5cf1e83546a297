// The measuring procedure every benchmark group uses (docs/performance.md,
// "Procedure"): warm up until optimised, batch small operations so a sample
// is long enough for the clock, take at least MIN_SAMPLES samples and
// MIN_TIME_MS of measured time, let mitata trim the 2 lowest and 2 highest
// samples, and report percentiles of what is left. The quoted statistic is
// the median; min, p99 and mean are kept to show the spread and the share
// of garbage collection (which lands in a few samples, so in the mean).
import { do_not_optimize, measure } from 'mitata';

/** Time spent calling a case before measuring it, so V8 has optimised it. */
export const WARMUP_MS = 300;
/** Calls made while warming up, at least, however slow the case is. */
export const MIN_WARMUP_CALLS = 20;
/** Samples taken of each case, at least. */
export const MIN_SAMPLES = 50;
/** Measured time per case, at least. */
export const MIN_TIME_MS = 1_000;
/** Operations shorter than this are batched so that one sample lasts about this long. */
export const TARGET_SAMPLE_NS = 1_000_000;
/** A case whose mean is under this multiple of an empty function's was likely optimised away (mitata's own rule). */
export const OPTIMISED_OUT_RATIO = 1.42;

/** Calls `run` (with a fresh `prepare()` argument if given) for WARMUP_MS; returns the mean time per call in ns. */
function warmUp(run, prepare) {
  let calls = 0;
  let spent = 0;
  const end = performance.now() + WARMUP_MS;
  while (calls < MIN_WARMUP_CALLS || performance.now() < end) {
    const input = prepare?.();
    const t0 = performance.now();
    do_not_optimize(run(input));
    spent += performance.now() - t0;
    calls++;
  }
  return (spent * 1e6) / calls;
}

/** Iterations per sample: a power of two, at least 4 (mitata unrolls batches by 4), or 1 for slow operations. */
function batchFor(nsPerCall) {
  if (nsPerCall * 4 >= TARGET_SAMPLE_NS) return 1;
  return 2 ** Math.ceil(Math.log2(TARGET_SAMPLE_NS / Math.max(nsPerCall, 1)));
}

/**
 * Measures one case. `run` is the timed operation; its return value goes to
 * a sink. With `prepare`, each sample gets a fresh `prepare()` result that is
 * built outside the timed region (and such cases are never batched).
 */
export async function measureCase({ run, prepare }) {
  const estimate = warmUp(run, prepare);
  const batch = prepare === undefined ? batchFor(estimate) : 1;
  const options = {
    min_samples: MIN_SAMPLES,
    min_cpu_time: MIN_TIME_MS * 1e6,
    batch_samples: Math.max(batch, 4),
    // mitata batches an operation faster than batch_threshold: force our choice either way.
    batch_threshold: batch > 1 ? Number.POSITIVE_INFINITY : 0,
    // What prepare() allocated is collected before each sample, untimed, so a
    // sample does not pay for the garbage of the one before.
    inner_gc: prepare !== undefined,
  };
  const stats =
    prepare === undefined
      ? await measure(() => do_not_optimize(run()), options)
      : await measure(function* () {
          yield { [0]: prepare, bench: (input) => do_not_optimize(run(input)) };
        }, options);
  return { batch, samples: stats.samples.length, minNs: stats.min, medianNs: stats.p50, p99Ns: stats.p99, meanNs: stats.avg };
}

let noop;
/** An empty function measured the same way: the floor below which a result means nothing was measured. */
export async function noopCase() {
  noop ??= await measureCase({ run: () => undefined });
  return noop;
}

export function likelyOptimisedOut(result, empty) {
  return result.meanNs < OPTIMISED_OUT_RATIO * empty.meanNs;
}

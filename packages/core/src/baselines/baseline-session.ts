import { compareWithBaseline, type ChangeLimits } from '../analysis/allocation-change.js';
import { compareLatency, median, type LatencyComparison, type LatencyLimits } from '../load/latency-change.js';
import { baselinePathFor, findBaseline, readBaselines, type BaselineFile, type BaselineRecord, type LatencyBaseline } from './baseline-file.js';

export interface BaselineSessionOptions {
  /** The runner's update flag is on and CI is not: figures outside the tolerance are accepted and rewritten. */
  readonly update: boolean;
  /** CI=true (or jest --ci): nothing is written, so a missing baseline fails. */
  readonly ci: boolean;
  /** The runner's main process collects this worker's report and writes the files (the plugin's global setup, the preset's reporter). */
  readonly writable: boolean;
  /** The runtime allocation figures are recorded for: runtimeKey(). */
  readonly runtime: string;
  readonly readFile?: (path: string) => string;
}

type Missing = { readonly kind: 'missing'; readonly reason: 'ci' | 'no-writer' };

/** What an allocation check found, for the matcher's verdict and message: `baseline` in bytes per call. */
export type AllocationVerdict = { readonly kind: 'new' } | Missing | { readonly kind: 'within' | 'improved' | 'regressed' | 'updated'; readonly baseline: number };

/** What a latency check found: the verdict, and the comparison when there was a baseline. */
export type LatencyVerdict =
  | { readonly kind: 'new' }
  | Missing
  | { readonly kind: 'within' | 'improved' | 'regressed' | 'updated'; readonly baseline: LatencyBaseline; readonly comparison: LatencyComparison };

/**
 * A figure the run writes (new, updated), reports (improved), or that
 * `perfgate merge --update` of CI shards would write (missing: no baseline
 * and nothing here could write one; regressed: beyond the tolerance without
 * the update flag), from one worker (JSON-serialisable). Its `metric` says
 * what `value` is.
 */
export type BaselineEntry = BaselineRecord & {
  /** Absolute path of the baseline file. */
  readonly file: string;
  readonly change: 'new' | 'updated' | 'improved' | 'missing' | 'regressed';
  /** The stored value it replaces or beat. */
  readonly was?: number;
};

/** What a worker hands its runner's main process, under the worker-report kind `baselines`. */
export interface BaselineReport {
  readonly entries: readonly BaselineEntry[];
}

export interface AllocationCheck extends ChangeLimits {
  readonly specPath: string;
  readonly test: string;
  readonly bytesPerOp: number;
}

export interface LatencyCheck extends LatencyLimits {
  readonly specPath: string;
  readonly test: string;
  /** The machine the figures belong to: latency does not travel between machines. */
  readonly machine: string;
  /** The p99 of each round, in ms, and the queries each request sent. */
  readonly rounds: readonly number[];
  readonly queriesPerRequest?: number | undefined;
}

/**
 * The baselines of one test worker, every metric through one store: reads
 * each spec's file once (a corrupt one throws, naming it), judges figures
 * against it, and keeps what the run's main process must write or report.
 * Workers never write.
 */
export class BaselineSession {
  readonly options: BaselineSessionOptions;
  readonly #files = new Map<string, BaselineFile>();
  readonly #entries = new Map<string, BaselineEntry>();

  constructor(options: BaselineSessionOptions) {
    this.options = options;
  }

  #read(file: string): BaselineFile {
    let baselines = this.#files.get(file);
    if (baselines === undefined) {
      baselines = readBaselines(file, this.options.readFile);
      this.#files.set(file, baselines);
    }
    return baselines;
  }

  /**
   * The verdict on a figure, the same for every metric: `change` is the
   * comparison with the stored figure `was`, undefined when there is none;
   * `found` shapes the verdict of a figure that had one. Keeps what the
   * main process must write or report.
   */
  #judge<V>(
    record: BaselineRecord,
    file: string,
    was: number | undefined,
    change: 'within' | 'improved' | 'regressed' | undefined,
    found: (kind: 'within' | 'improved' | 'regressed' | 'updated') => V,
  ): V | { readonly kind: 'new' } | Missing {
    const keep = (kind: BaselineEntry['change']) => this.#entries.set(`${file}\u0000${record.metric}\u0000${record.test}`, { ...record, file, change: kind, ...(was !== undefined && { was }) });
    if (change === undefined) {
      if (this.options.ci || !this.options.writable) {
        keep('missing');
        return { kind: 'missing', reason: this.options.ci ? 'ci' : 'no-writer' };
      }
      keep('new');
      return { kind: 'new' };
    }
    if (change === 'within') return found('within');
    if (this.options.update && this.options.writable) {
      keep('updated');
      return found('updated');
    }
    keep(change);
    return found(change);
  }

  /** Judges bytes per call against the stored figure, within the tolerance and floor. */
  checkAllocation({ specPath, test, bytesPerOp, tolerance, floorBytes }: AllocationCheck): { readonly verdict: AllocationVerdict; readonly file: string } {
    const file = baselinePathFor(specPath);
    const { runtime } = this.options;
    const baseline = findBaseline(this.#read(file), 'bytes/op', runtime, test)?.value;
    const change = baseline === undefined ? undefined : compareWithBaseline(bytesPerOp, baseline, { tolerance, floorBytes });
    const verdict = this.#judge({ metric: 'bytes/op', runtime, test, value: bytesPerOp }, file, baseline, change, (kind) => ({ kind, baseline: baseline! }));
    return { verdict, file };
  }

  /** Judges a load test's p99 rounds against the stored rounds: the same flow as bytes, with its own metric. */
  checkLatency({ specPath, test, machine, rounds, queriesPerRequest, ...limits }: LatencyCheck): { readonly verdict: LatencyVerdict; readonly file: string } {
    const file = baselinePathFor(specPath);
    const baseline = findBaseline(this.#read(file), 'p99 ms', machine, test);
    const comparison = baseline === undefined ? undefined : compareLatency(baseline.rounds, rounds, limits);
    const record: BaselineRecord = { metric: 'p99 ms', runtime: machine, test, value: median(rounds), rounds, ...(queriesPerRequest !== undefined && { queriesPerRequest }) };
    const verdict = this.#judge(record, file, baseline?.value, comparison?.change, (kind) => ({ kind, baseline: baseline!, comparison: comparison! }));
    return { verdict, file };
  }

  report(): BaselineReport {
    return { entries: [...this.#entries.values()] };
  }
}

import { compareWithBaseline, type ChangeLimits } from '../analysis/allocation-change.js';
import { compareLatency, median, type LatencyComparison, type LatencyLimits } from '../load/latency-change.js';
import { baselinePathFor, readBaselines, type BaselineFile, type LatencyBaseline } from './allocation-baselines.js';

export interface BaselineSessionOptions {
  /** The runner's update flag is on and CI is not: figures outside the tolerance are accepted and rewritten. */
  readonly update: boolean;
  /** CI=true (or jest --ci): nothing is written, so a missing baseline fails. */
  readonly ci: boolean;
  /** The runner's main process collects this worker's report and writes the files (the plugin's global setup, the preset's reporter). */
  readonly writable: boolean;
  /** The runtime figures are recorded for: runtimeKey(). */
  readonly runtime: string;
  readonly readFile?: (path: string) => string;
}

/** What a check found, for the matcher's verdict and message. */
export type BaselineVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'missing'; readonly reason: 'ci' | 'no-writer' }
  | { readonly kind: 'within' | 'improved' | 'regressed' | 'updated'; readonly baseline: number };

/** A figure the run should write (new, updated) or report (improved), from one worker (JSON-serialisable). */
export interface BaselineEntry {
  /** Absolute path of the baseline file. */
  readonly file: string;
  readonly runtime: string;
  readonly test: string;
  readonly bytesPerOp: number;
  readonly baseline?: number;
  readonly change: 'new' | 'updated' | 'improved';
  /** A latency baseline (toMatchLatencyBaseline): `bytesPerOp` and `baseline` are then the median p99s, in ms. */
  readonly latency?: LatencyBaseline;
}

/** What a latency check found: the verdict, and the comparison when there was a baseline. */
export type LatencyVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'missing'; readonly reason: 'ci' | 'no-writer' }
  | { readonly kind: 'within' | 'improved' | 'regressed' | 'updated'; readonly baseline: LatencyBaseline; readonly comparison: LatencyComparison };

export interface LatencyCheck extends LatencyLimits {
  readonly specPath: string;
  readonly test: string;
  /** The machine the figures belong to: latency does not travel between machines. */
  readonly machine: string;
  readonly measured: LatencyBaseline;
}

export interface BaselineReport {
  readonly entries: readonly BaselineEntry[];
}

export interface BaselineCheck extends ChangeLimits {
  readonly specPath: string;
  readonly test: string;
  readonly bytesPerOp: number;
}

/**
 * The allocation baselines of one test worker: reads each spec's file once
 * (a corrupt one throws, naming it), judges figures against it, and keeps
 * what the run's main process must write or report. Workers never write.
 */
export class BaselineSession {
  readonly options: BaselineSessionOptions;
  readonly #files = new Map<string, BaselineFile>();
  readonly #entries = new Map<string, BaselineEntry>();

  constructor(options: BaselineSessionOptions) {
    this.options = options;
  }

  check({ specPath, test, bytesPerOp, tolerance, floorBytes }: BaselineCheck): { readonly verdict: BaselineVerdict; readonly file: string } {
    const file = baselinePathFor(specPath);
    let baselines = this.#files.get(file);
    if (baselines === undefined) {
      baselines = readBaselines(file, this.options.readFile);
      this.#files.set(file, baselines);
    }
    const { runtime } = this.options;
    const baseline = baselines.bytesPerOp[runtime]?.[test];
    const keep = (change: BaselineEntry['change']) => this.#entries.set(`${file}\u0000${test}`, { file, runtime, test, bytesPerOp, ...(baseline !== undefined && { baseline }), change });
    if (baseline === undefined) {
      if (this.options.ci || !this.options.writable) return { verdict: { kind: 'missing', reason: this.options.ci ? 'ci' : 'no-writer' }, file };
      keep('new');
      return { verdict: { kind: 'new' }, file };
    }
    const change = compareWithBaseline(bytesPerOp, baseline, { tolerance, floorBytes });
    if (change === 'within') return { verdict: { kind: 'within', baseline }, file };
    if (this.options.update && this.options.writable) {
      keep('updated');
      return { verdict: { kind: 'updated', baseline }, file };
    }
    if (change === 'improved') keep('improved');
    return { verdict: { kind: change, baseline }, file };
  }

  #read(file: string): BaselineFile {
    let baselines = this.#files.get(file);
    if (baselines === undefined) {
      baselines = readBaselines(file, this.options.readFile);
      this.#files.set(file, baselines);
    }
    return baselines;
  }

  /** Judges a load test's p99 rounds against the stored rounds: the same flow as bytes, on its own section of the file. */
  checkLatency({ specPath, test, machine, measured, ...limits }: LatencyCheck): { readonly verdict: LatencyVerdict; readonly file: string } {
    const file = baselinePathFor(specPath);
    const baseline = this.#read(file).latency?.[machine]?.[test];
    const keep = (change: BaselineEntry['change']) =>
      this.#entries.set(`${file}\u0000latency\u0000${test}`, {
        file,
        runtime: machine,
        test,
        bytesPerOp: median(measured.p99Ms),
        ...(baseline !== undefined && { baseline: median(baseline.p99Ms) }),
        change,
        latency: measured,
      });
    if (baseline === undefined) {
      if (this.options.ci || !this.options.writable) return { verdict: { kind: 'missing', reason: this.options.ci ? 'ci' : 'no-writer' }, file };
      keep('new');
      return { verdict: { kind: 'new' }, file };
    }
    const comparison = compareLatency(baseline.p99Ms, measured.p99Ms, limits);
    if (comparison.change === 'within') return { verdict: { kind: 'within', baseline, comparison }, file };
    if (this.options.update && this.options.writable) {
      keep('updated');
      return { verdict: { kind: 'updated', baseline, comparison }, file };
    }
    if (comparison.change === 'improved') keep('improved');
    return { verdict: { kind: comparison.change, baseline, comparison }, file };
  }

  report(): BaselineReport {
    return { entries: [...this.#entries.values()] };
  }
}

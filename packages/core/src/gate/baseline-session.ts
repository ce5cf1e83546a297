import { compareWithBaseline, type ChangeLimits } from '../analysis/allocation-change.js';
import { baselinePathFor, readBaselines, type BaselineFile } from './allocation-baselines.js';

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

  report(): BaselineReport {
    return { entries: [...this.#entries.values()] };
  }
}

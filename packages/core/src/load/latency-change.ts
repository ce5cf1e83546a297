import { median } from '../analysis/median.js';
import { mannWhitneyGreater } from './mann-whitney.js';

export { median };

/** How far the median p99 may rise, as a share of the baseline's: 25%. */
export const DEFAULT_LATENCY_TOLERANCE = 0.25;
/** Changes of the median p99 under this many ms never count: twice autocannon's 1 ms resolution. */
export const DEFAULT_LATENCY_FLOOR_MS = 2;
/** The one-sided Mann–Whitney p-value at or under which the rounds show a real difference. */
export const LATENCY_ALPHA = 0.01;
/** Rounds of the scenario per check: with 5 against 5, complete separation gives p = 1/252 ≈ 0.004. */
export const DEFAULT_LATENCY_ROUNDS = 5;

export interface LatencyLimits {
  readonly tolerance: number;
  readonly floorMs: number;
}

export interface LatencyComparison {
  readonly change: 'within' | 'regressed' | 'improved';
  readonly baselineMedian: number;
  readonly median: number;
  /** The highest median p99 the tolerance and floor allow. */
  readonly limit: number;
  /** Mann–Whitney U of the new rounds over the baseline's, and its one-sided p (new > baseline). */
  readonly u: number;
  readonly p: number;
  /** The same test the other way (new < baseline), for improvements. */
  readonly pLower: number;
}


/**
 * A regression needs both: the median p99 rose by more than the tolerance
 * and the floor, and the rounds tell the two runs apart (one-sided exact
 * Mann–Whitney U, p ≤ LATENCY_ALPHA). A slower round or two on a busy
 * machine moves the median a little and leaves the ranks mixed; a real
 * regression moves every round.
 */
export function compareLatency(baseline: readonly number[], rounds: readonly number[], { tolerance, floorMs }: LatencyLimits): LatencyComparison {
  const baselineMedian = median(baseline);
  const now = median(rounds);
  const allowed = Math.max(tolerance * baselineMedian, floorMs);
  const { u, p } = mannWhitneyGreater(baseline, rounds);
  const pLower = mannWhitneyGreater(rounds, baseline).p;
  const change = now - baselineMedian > allowed && p <= LATENCY_ALPHA ? 'regressed' : baselineMedian - now > allowed && pLower <= LATENCY_ALPHA ? 'improved' : 'within';
  return { change, baselineMedian, median: now, limit: baselineMedian + allowed, u, p, pLower };
}

import type { ScopeResult } from '../scope/scope-result.js';
import { tallyQueries } from './query-budget.js';

export interface ShapeGrowth {
  readonly shape: string;
  /** Count at each scale, in the order of `scales`. */
  readonly counts: readonly number[];
}

export interface GrowthAnalysis {
  readonly scales: readonly number[];
  /** Shapes that ran more often at the largest scale than at the smallest. */
  readonly grew: readonly ShapeGrowth[];
  readonly constant: readonly ShapeGrowth[];
  /** Queries in all, per scale. */
  readonly totals: readonly number[];
}

/**
 * Compares per-shape query counts of the same work at increasing data sizes:
 * a shape whose count rises with n is a loop over the data.
 * `results[i]` is the run at `scales[i]`; scales are ascending.
 */
export function analyseGrowth(scales: readonly number[], results: readonly ScopeResult[]): GrowthAnalysis {
  const counts = new Map<string, number[]>();
  results.forEach((result, i) => {
    for (const { shape, count } of tallyQueries(result).shapes) {
      let row = counts.get(shape);
      if (row === undefined) counts.set(shape, (row = scales.map(() => 0)));
      row[i] = count;
    }
  });
  const grew: ShapeGrowth[] = [];
  const constant: ShapeGrowth[] = [];
  for (const [shape, row] of counts) (row.at(-1)! > row[0]! ? grew : constant).push({ shape, counts: row });
  grew.sort((a, b) => b.counts.at(-1)! - b.counts[0]! - (a.counts.at(-1)! - a.counts[0]!));
  return { scales, grew, constant, totals: results.map((r) => r.count) };
}

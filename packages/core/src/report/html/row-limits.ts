/**
 * How much of a run the page draws. A report of a large suite holds more
 * than a browser can show usefully; the page keeps the first rows (problems
 * first) and says how many it left out — report.json has them all.
 */
export const MAX_TESTS = 400;
export const MAX_SCOPES_PER_TEST = 25;
/** Requests over the whole page: past it, a test lists how many it ran. Keeps a large suite's page a few megabytes. */
export const MAX_SCOPES = 2_000;
export const MAX_FINDINGS_PER_SCOPE = 20;
export const MAX_QUERIES_PER_WATERFALL = 120;
/** Waterfall rows over the whole page: past it, a request lists its N+1 groups without the waterfall. */
export const MAX_WATERFALL_ROWS = 4_000;
export const MAX_FIGURE_ROWS = 200;
export const MAX_TOP_ALLOCATORS = 10;
export const MAX_BUNDLE_MODULES = 25;

export interface Capped<T> {
  readonly shown: readonly T[];
  readonly omitted: number;
}

export function capRows<T>(rows: readonly T[], max: number): Capped<T> {
  return { shown: rows.slice(0, max), omitted: Math.max(0, rows.length - max) };
}

/** A page-wide allowance of rows, spent as sections draw them. */
export class RowBudget {
  constructor(private left: number) {}

  /** How many of `wanted` rows may be drawn (0 once the allowance is spent). */
  take(wanted: number): number {
    const granted = Math.min(wanted, this.left);
    this.left -= granted;
    return granted;
  }
}

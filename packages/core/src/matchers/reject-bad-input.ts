import type { MatcherResult } from './matcher-context.js';

/**
 * Starts a matcher whose checks throw on bad input: the error rejects the
 * returned promise instead (`await expect(…).rejects`, `Promise.all` see it
 * like any failure), its stack still cut at the matcher. Not an `async`
 * function: the promise of a run is the one it was, so a failure's async
 * stack still reaches the spec's `await` line.
 */
export function rejectBadInput(start: () => Promise<MatcherResult>): Promise<MatcherResult> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}

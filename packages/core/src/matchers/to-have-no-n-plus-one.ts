import { DEFAULT_N_PLUS_ONE_THRESHOLD, findRepeatedStatements, type DuplicatesMode } from '../analysis/n-plus-one.js';
import { exemptFromGate } from '../session/n-plus-one-gate.js';
import { formatFailure, plural } from '../message/format-failure.js';
import { findingLines } from '../message/repeat-findings.js';
import { outsideScopeSections } from '../session/outside-scopes.js';
import { recordQueryCheck } from '../report/record-figures.js';
import { checkOptions, oneOf, wholeNumberFrom } from './check-options.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { rejectBadInput } from './reject-bad-input.js';
import { resolveReceived } from './resolve-received.js';

export interface NPlusOneOptions {
  /** Different parameter sets of one statement from one call site that make an N+1. Default 3. */
  readonly threshold?: number;
  /** The same statement run again with the same parameters: `'report'` (default) lists them in messages, `'fail'` fails on them, `'off'` ignores them. */
  readonly duplicates?: DuplicatesMode;
}

const CHECKS = { threshold: wholeNumberFrom(2), duplicates: oneOf('fail', 'report', 'off') };

/**
 * Fails when one statement shape runs from one call site with `threshold`
 * or more different parameter sets — an N+1 — and names the line.
 *
 * @example
 * await expect(request(app).get('/orders')).toHaveNoNPlusOne();
 */
export function toHaveNoNPlusOne(this: MatcherContext, received: unknown, options?: NPlusOneOptions): Promise<MatcherResult> {
  const context = this;
  return rejectBadInput(() => {
    const { threshold = DEFAULT_N_PLUS_ONE_THRESHOLD, duplicates: mode = 'report' } = checkOptions<NPlusOneOptions>('toHaveNoNPlusOne', options, CHECKS, toHaveNoNPlusOne);
    return Promise.resolve(resolveReceived('toHaveNoNPlusOne', received, toHaveNoNPlusOne)).then((result) => {
      exemptFromGate(result);
      const { nPlusOne, duplicates } = findRepeatedStatements(result.queries, { threshold, overflow: result.overflow });
      const shownDuplicates = mode === 'off' ? [] : duplicates;
      const pass = nPlusOne.length === 0 && (mode !== 'fail' || duplicates.length === 0);
      const problems = [
        nPlusOne.length > 0 ? `${plural(nPlusOne.length, 'N+1 pattern', 'N+1 patterns')} (${plural(nPlusOne.reduce((s, f) => s + f.count, 0), 'query', 'queries')})` : undefined,
        mode === 'fail' && duplicates.length > 0 ? plural(duplicates.length, 'duplicated statement', 'duplicated statements') : undefined,
      ].filter((p) => p !== undefined);
      recordQueryCheck(result, { matcher: 'toHaveNoNPlusOne', expected: 0, actual: nPlusOne.length, pass: pass !== (context.isNot === true), negated: context.isNot === true }, [...nPlusOne, ...shownDuplicates]);
      return {
        pass,
        message: () =>
          formatFailure({
            hint: context.utils.matcherHint('toHaveNoNPlusOne', 'received', '', { isNot: context.isNot, promise: context.promise }),
            rows: [
              ['Expected', context.isNot ? 'an N+1 pattern' : `no statement run ${threshold} or more times from one call site with different parameters${mode === 'fail' ? ', and no duplicates' : ''}`],
              ['Received', problems.length > 0 ? problems.join(', ') : 'none'],
              [result.kind === 'request' ? 'Request' : 'Function', result.name],
              ['Trace-id', result.traceId],
            ],
            sections: [
              { title: 'N+1', lines: nPlusOne.flatMap(findingLines) },
              { title: 'Duplicates (same statement, same parameters)', lines: shownDuplicates.flatMap(findingLines) },
              ...outsideScopeSections(),
            ],
          }),
      };
    });
  });
}

import { tallyQueries, type QueryFilter, type QueryTally } from '../analysis/query-budget.js';
import { perfgateError, describe } from '../errors.js';
import { exemptFromGate } from '../gate/n-plus-one-gate.js';
import { clip, formatFailure, plural } from '../message/format-failure.js';
import type { ScopeResult } from '../scope/scope-result.js';
import type { StatementKind } from '../sql/fingerprint-sql.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { resolveReceived } from './resolve-received.js';

/** Options of `toIssueAtMost` and `toIssueExactly`. */
export type QueryBudgetOptions = QueryFilter;

const KINDS: readonly StatementKind[] = ['select', 'insert', 'update', 'delete', 'other'];
const OPTION_NAMES = ['kind', 'match'];

/** Statement shapes listed in a message before the rest are summarised. */
export const MAX_SHAPES_IN_MESSAGE = 10;

export function checkBudget(matcher: string, budget: unknown, stackFrom: Function): asserts budget is number {
  if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 0) {
    throw perfgateError('INVALID_BUDGET', [matcher, budget], stackFrom);
  }
}

export function checkBudgetOptions(matcher: string, options: unknown, stackFrom: Function): QueryFilter {
  if (options === undefined) return {};
  const fail = (detail: string) => perfgateError('INVALID_OPTIONS', [matcher, detail], stackFrom);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw fail(`options must be an object like { kind: 'select' }; received ${describe(options)}.`);
  }
  const unknown = Object.keys(options).filter((key) => !OPTION_NAMES.includes(key));
  if (unknown.length > 0) {
    throw fail(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; the options are ${OPTION_NAMES.map((k) => `"${k}"`).join(', ')}.`);
  }
  const { kind, match } = options as Record<string, unknown>;
  const kinds = kind === undefined ? [] : Array.isArray(kind) ? kind : [kind];
  const badKind = kinds.find((k) => !KINDS.includes(k as StatementKind));
  if (badKind !== undefined || (Array.isArray(kind) && kind.length === 0)) {
    throw fail(`option "kind" must be one of ${KINDS.map((k) => `'${k}'`).join(', ')} or an array of them; received ${describe(badKind ?? kind)}.`);
  }
  if (match !== undefined && typeof match !== 'string' && !(match instanceof RegExp)) {
    throw fail(`option "match" must be a string or a RegExp; received ${describe(match)}.`);
  }
  return options as QueryFilter;
}

function describeFilter(filter: QueryFilter): string {
  const kinds = filter.kind === undefined ? '' : `${(typeof filter.kind === 'string' ? [filter.kind] : filter.kind).join('/')} `;
  const match = filter.match === undefined ? '' : ` matching ${typeof filter.match === 'string' ? JSON.stringify(filter.match) : String(filter.match)}`;
  return `${kinds}queries${match}`;
}

function count(n: number, filter: QueryFilter): string {
  const noun = describeFilter(filter);
  return n === 1 ? `1 ${noun.replace(/queries/, 'query')}` : plural(n, noun, noun);
}

function shapeLines(tally: QueryTally): string[] {
  const shown = tally.shapes.slice(0, MAX_SHAPES_IN_MESSAGE);
  const width = String(shown[0]?.count ?? 0).length;
  const lines = shown.map(({ count, shape }) => `${String(count).padStart(width)} × ${clip(shape)}`);
  const rest = tally.shapes.slice(MAX_SHAPES_IN_MESSAGE);
  if (rest.length > 0) {
    lines.push(`… ${plural(rest.length, 'more shape', 'more shapes')} (${plural(rest.reduce((s, r) => s + r.count, 0), 'query', 'queries')})`);
  }
  if (tally.unshaped > 0) lines.push(`${plural(tally.unshaped, 'query', 'queries')} past the record limit, shape not kept`);
  return lines;
}

export interface BudgetVerdict {
  readonly pass: boolean;
  /** The `Expected:` row as the assertion reads (`at most 3 queries`). */
  readonly expected: string;
  /** The `Expected:` row under `.not`. */
  readonly expectedNot: string;
  /** Said after the received count when the assertion failed (`4 over budget`). */
  readonly excess?: string | undefined;
}

/** Builds the message of a query-budget assertion, for both `.not` and not. */
export function budgetMessage(context: MatcherContext, matcher: string, budget: number, filter: QueryFilter, result: ScopeResult, tally: QueryTally, verdict: BudgetVerdict): string {
  const filtered = filter.kind !== undefined || filter.match !== undefined;
  const received = count(tally.counted, filter) + (!context.isNot && verdict.excess ? `, ${verdict.excess}` : '');
  const rows: Array<[string, string]> = [
    ['Expected', context.isNot ? verdict.expectedNot : verdict.expected],
    ['Received', received],
  ];
  if (filtered) rows.push(['In scope', plural(tally.total, 'query', 'queries')]);
  rows.push([result.kind === 'request' ? 'Request' : 'Function', result.name], ['Trace-id', result.traceId]);
  const lines = shapeLines(tally);
  return formatFailure({
    hint: context.utils.matcherHint(matcher, 'received', String(budget), { isNot: context.isNot, promise: context.promise }),
    rows,
    sections: [
      lines.length > 0
        ? { title: 'Statement shapes, most frequent first', lines }
        : { title: 'Statement shapes', lines: [filtered ? 'none matched the filter' : 'no query was recorded in this scope'] },
    ],
  });
}

/** Runs a query-budget matcher: validates input at once, then judges the scope when it is ready. */
export function runBudgetMatcher(
  context: MatcherContext,
  matcher: string,
  stackFrom: Function,
  received: unknown,
  budget: unknown,
  options: unknown,
  judge: (counted: number, budget: number) => BudgetVerdict,
): Promise<MatcherResult> {
  checkBudget(matcher, budget, stackFrom);
  const filter = checkBudgetOptions(matcher, options, stackFrom);
  const evaluate = (result: ScopeResult): MatcherResult => {
    const tally = tallyQueries(result, filter);
    const verdict = judge(tally.counted, budget);
    // A negated or failing budget is what the spec is about: the N+1 gate leaves that scope to it.
    if (!verdict.pass || context.isNot) exemptFromGate(result.traceId);
    return {
      pass: verdict.pass,
      // No actual/expected: a diff of two counts adds nothing to the aligned rows.
      message: () => budgetMessage(context, matcher, budget, filter, result, tally, verdict),
    };
  };
  // Always a promise, so every perfgate assertion reads the same: `await expect(…)…`.
  return Promise.resolve(resolveReceived(matcher, received, stackFrom)).then(evaluate);
}

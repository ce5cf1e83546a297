import { tallyQueries, type QueryFilter, type QueryTally, type ShapeCount } from '../analysis/query-budget.js';
import { perfgateError } from '../errors.js';
import { exemptFromGate } from '../session/n-plus-one-gate.js';
import { clipShapes } from '../message/clip-shape.js';
import { formatFailure, plural } from '../message/format-failure.js';
import { formatCallSite } from '../record/call-site.js';
import { outsideScopeSections } from '../session/outside-scopes.js';
import { recordQueryCheck } from '../report/record-figures.js';
import type { ScopeResult } from '../scope/scope-result.js';
import type { StatementKind } from '../sql/fingerprint-sql.js';
import { checkOptions, type OptionChecks } from './check-options.js';
import { rejectBadInput } from './reject-bad-input.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { resolveReceived } from './resolve-received.js';

/** Options of `toIssueAtMost` and `toIssueExactly`. */
export type QueryBudgetOptions = QueryFilter;

const KINDS: readonly StatementKind[] = ['select', 'insert', 'update', 'delete', 'other'];

/** Statement shapes listed in a message before the rest are summarised. */
export const MAX_SHAPES_IN_MESSAGE = 10;

export function checkBudget(matcher: string, budget: unknown, stackFrom: Function): asserts budget is number {
  if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 0) {
    throw perfgateError('INVALID_BUDGET', [matcher, budget], stackFrom);
  }
}

const BUDGET_OPTION_CHECKS: OptionChecks = {
  kind: (kind) => {
    const kinds = Array.isArray(kind) ? kind : [kind];
    const culprit = kinds.find((k) => !KINDS.includes(k as StatementKind));
    if (culprit === undefined && kinds.length > 0) return undefined;
    return { problem: `must be one of ${KINDS.map((k) => `'${k}'`).join(', ')} or an array of them`, culprit: culprit ?? kind };
  },
  match: (match) => (typeof match === 'string' || match instanceof RegExp ? undefined : 'must be a string or a RegExp'),
};

export function checkBudgetOptions(matcher: string, options: unknown, stackFrom: Function): QueryFilter {
  return checkOptions<QueryFilter>(matcher, options, BUDGET_OPTION_CHECKS, stackFrom, "{ kind: 'select' }");
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

/** Under a shape: what sent it (the ORM operation) and where from, when known (`from`, never a leading `at`, which jest reads as a stack). */
function shapeDetail({ labels, sampled }: ShapeCount): string | undefined {
  const site = sampled?.callSites[0];
  const parts = [labels.length > 0 ? `sent by ${labels.join(', ')}` : undefined, site === undefined ? undefined : `from ${formatCallSite(site)}`];
  const detail = parts.filter((part) => part !== undefined).join(' · ');
  return detail === '' ? undefined : detail;
}

function shapeLines(tally: QueryTally): string[] {
  const shown = tally.shapes.slice(0, MAX_SHAPES_IN_MESSAGE);
  const width = (shown[0]?.count ?? 0).toLocaleString('en-US').length;
  const clipped = clipShapes(shown.map((entry) => entry.shape));
  const lines = shown.flatMap((entry, i) => {
    const head = `${entry.count.toLocaleString('en-US').padStart(width)} × `;
    const detail = shapeDetail(entry);
    return detail === undefined ? [`${head}${clipped[i]}`] : [`${head}${clipped[i]}`, `${' '.repeat(head.length)}${detail}`];
  });
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
      ...outsideScopeSections(),
    ],
  });
}

/** Runs a query-budget matcher: validates input before any work (bad input rejects), then judges the scope when it is ready. */
export function runBudgetMatcher(
  context: MatcherContext,
  matcher: string,
  stackFrom: Function,
  received: unknown,
  budget: unknown,
  options: unknown,
  judge: (counted: number, budget: number) => BudgetVerdict,
): Promise<MatcherResult> {
  return rejectBadInput(() => {
    checkBudget(matcher, budget, stackFrom);
    const filter = checkBudgetOptions(matcher, options, stackFrom);
    const evaluate = (result: ScopeResult): MatcherResult => {
      const tally = tallyQueries(result, filter);
      const verdict = judge(tally.counted, budget);
      // A negated or failing budget is what the spec is about: the N+1 gate leaves that scope to it.
      if (!verdict.pass || context.isNot) exemptFromGate(result);
      const negated = context.isNot === true;
      recordQueryCheck(result, { matcher, expected: budget, actual: tally.counted, pass: verdict.pass !== negated, negated, ...((filter.kind !== undefined || filter.match !== undefined) && { filter: describeFilter(filter) }) });
      return {
        pass: verdict.pass,
        // No actual/expected: a diff of two counts adds nothing to the aligned rows.
        message: () => budgetMessage(context, matcher, budget, filter, result, tally, verdict),
      };
    };
    // Always a promise, so every perfgate assertion reads the same: `await expect(…)…`.
    return Promise.resolve(resolveReceived(matcher, received, stackFrom)).then(evaluate);
  });
}

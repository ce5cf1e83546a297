// Recording overhead per query: the stub driver outside any scope, inside a
// scope with call-site attribution off, and on for three workloads.
import { captureStack } from '@perfgate/core/adapter';
import { createScope, endTestState, getRuntime, runInScope, startTestState } from '@perfgate/core/runner';
import { atDepth, bareQuery, issueFromLibrary, LIBRARY_N_PLUS_ONE, QUERIES_PER_SCOPE, STACK_DEPTH, stubQuery, WORKLOADS } from './stub-driver.mjs';
import { issue } from './user-code.mjs';

export const name = 'recorder';
export const description = `one iteration = ${QUERIES_PER_SCOPE} stub queries issued by user code ${STACK_DEPTH} frames deep (in a new scope where stated); ns per query = (iteration − empty iteration) / ${QUERIES_PER_SCOPE}`;

/** The issue's budget for one query with attribution on. */
export const TARGET_NS_PER_QUERY = 1_500;

const TRACE_ID = 'be0c4b1e0c4b1e0c4b1e0c4b1e0c4b1e';
const nothing = () => undefined;

/** One scope, opened and closed the way runInNewScope does (without freezing a result). */
function inNewScope(body) {
  const scope = createScope({ kind: 'function', name: 'bench', traceId: TRACE_ID });
  runInScope(scope, () => atDepth(STACK_DEPTH, body));
  scope.close();
  return scope;
}

/**
 * Refuses to measure a workload whose scope would not sample the stacks its
 * name promises. Each capture after a statement's first takes only the
 * frames its call site needs (learnt once per statement).
 */
function checkWorkload(label, workload) {
  const scope = inNewScope(() => issue(workload, stubQuery));
  const stacks = scope.queries.filter((q) => q.stack !== undefined).length;
  if (scope.count !== QUERIES_PER_SCOPE || stacks !== workload.stacks) {
    throw new Error(`bench workload "${label}": ${scope.count} queries and ${stacks} stacks, expected ${QUERIES_PER_SCOPE} and ${workload.stacks}`);
  }
}

/** Per query, from both statistics: (iteration − empty iteration) / QUERIES_PER_SCOPE. */
const perQuery = (iteration, empty) => ({
  medianNs: (iteration.medianNs - empty.medianNs) / QUERIES_PER_SCOPE,
  minNs: (iteration.minNs - empty.minNs) / QUERIES_PER_SCOPE,
});
const minus = (a, b) => ({ medianNs: a.medianNs - b.medianNs, minNs: a.minNs - b.minNs });
const fmt = (ns) => `${Math.round(ns)} ns`;

export async function run(bench) {
  const settings = getRuntime().settings;
  const saved = settings.callSites;
  const nPlusOne = WORKLOADS['N+1 loop'];

  // Before any scope has run, so AsyncLocalStorage has not yet installed its promise hook.
  const emptyUnscoped = await bench.case('empty iteration, no scope', { run: () => atDepth(STACK_DEPTH, nothing) });
  const bare = await bench.case('bare stub (no perfgate), before any scope', { run: () => atDepth(STACK_DEPTH, () => issue(nPlusOne, bareQuery)) });
  const disabled = await bench.case('stub, no scope active', { run: () => atDepth(STACK_DEPTH, () => issue(nPlusOne, stubQuery)) });

  try {
    const empty = await bench.case('empty scope', { run: () => inNewScope(nothing) });
    const bareInScope = await bench.case('bare stub (no perfgate) in a scope', { run: () => inNewScope(() => issue(nPlusOne, bareQuery)) });

    settings.callSites = false;
    const off = await bench.case('scope, attribution off, N+1 loop', { run: () => inNewScope(() => issue(nPlusOne, stubQuery)) });

    settings.callSites = true;
    const on = {};
    for (const [label, workload] of Object.entries(WORKLOADS)) {
      checkWorkload(label, workload);
      on[label] = await bench.case(`scope, attribution on, ${label}`, { run: () => inNewScope(() => issue(workload, stubQuery)) });
    }
    // The same loop issued from library code: no stack reaches a user frame, so after a few
    // full captures the recorder stops capturing that statement (MISSES_BEFORE_GIVING_UP).
    const library = await bench.case('scope, attribution on, N+1 loop from library code', { run: () => inNewScope(() => issueFromLibrary(LIBRARY_N_PLUS_ONE, stubQuery)) });

    const capture = await bench.case(`captureStack() at depth ${STACK_DEPTH}`, { run: () => atDepth(STACK_DEPTH, captureStack) });
    const format = await bench.case(`captureStack().stack at depth ${STACK_DEPTH}`, { run: () => atDepth(STACK_DEPTH, () => captureStack().stack) });
    const bareAfter = await bench.case('bare stub (no perfgate), no scope, after scopes ran', { run: () => atDepth(STACK_DEPTH, () => issue(nPlusOne, bareQuery)) });
    // Between a test's requests: the runner tracks the test's scopes, all closed, so each query outside them checks that none is open (#16.12).
    const untracked = await bench.case('stub, no scope active, after scopes ran', { run: () => atDepth(STACK_DEPTH, () => issue(nPlusOne, stubQuery)) });
    // A running test (the runner's beforeEach started it) that created one scope, now closed.
    const test = startTestState({ id: 'bench', file: 'bench', name: 'bench' });
    inNewScope(nothing);
    const tracking = await bench.case("stub, no scope active, a test's closed scopes tracked", { run: () => atDepth(STACK_DEPTH, () => issue(nPlusOne, stubQuery)) });
    endTestState(test);

    const bareCost = perQuery(bare, emptyUnscoped);
    const bareInScopeCost = perQuery(bareInScope, empty);
    const disabledCost = perQuery(disabled, emptyUnscoped);
    const offCost = perQuery(off, empty);
    bench.derive('bare stub (no perfgate), before any scope', bareCost, 'the driver call alone: a resolved promise');
    bench.derive('bare stub (no perfgate), after scopes ran', perQuery(bareAfter, emptyUnscoped), "every promise pays AsyncLocalStorage's hook once a scope has run (Node 20)");
    bench.derive('bare stub (no perfgate), in a scope', bareInScopeCost, 'the baseline for recording in a scope');
    bench.derive('stub, no scope active', disabledCost, `disabled overhead: ${fmt(minus(disabledCost, bareCost).medianNs)} over the bare stub`);
    const trackingCost = perQuery(tracking, emptyUnscoped);
    bench.derive("stub, no scope active, a test's closed scopes tracked", trackingCost, `the outside-scope check: ${fmt(minus(trackingCost, perQuery(untracked, emptyUnscoped)).medianNs)} over no scope active after scopes ran`);
    bench.derive('stub in a scope, attribution off', offCost, `recording: ${fmt(minus(offCost, bareInScopeCost).medianNs)} over the bare stub in a scope`);
    for (const [label, workload] of Object.entries(WORKLOADS)) {
      const cost = perQuery(on[label], empty);
      const verdict = cost.medianNs <= TARGET_NS_PER_QUERY ? 'within' : 'OVER';
      const how = `recording: ${fmt(minus(cost, bareInScopeCost).medianNs)}; ${workload.stacks} stacks per ${QUERIES_PER_SCOPE} queries; ${verdict} the ${fmt(TARGET_NS_PER_QUERY)} target`;
      bench.derive(`stub in a scope, attribution on, ${label}`, cost, how, TARGET_NS_PER_QUERY);
    }
    const libraryCost = perQuery(library, empty);
    bench.derive('stub in a scope, attribution on, N+1 loop from library code', libraryCost, `recording: ${fmt(minus(libraryCost, bareInScopeCost).medianNs)}; no user frame in reach: captures stop after the first misses`, TARGET_NS_PER_QUERY);
    bench.derive('one captureStack()', capture, `raw frames only, ${STACK_DEPTH} frames deep`);
    bench.derive('reading its .stack', minus(format, capture), 'formatting, paid once per sampled stack when analysed');
  } finally {
    settings.callSites = saved;
  }
}

import { emptyTestFigures, type TestFigures, type TestReport } from '../report/report-model.js';
import { getRuntime } from '../runtime.js';
import type { Scope } from '../scope/scope.js';
import type { OutsideScopeTally } from './outside-scopes.js';
import type { PendingAssertion } from './unawaited-assertions.js';

/** Which test, as the runner names it. */
export interface TestIdentity {
  /** The runner's own id when it has one, else `file > name`. */
  readonly id: string;
  readonly file: string;
  /** Describe blocks and the test's name, joined with ` > `. */
  readonly name: string;
}

/**
 * What perfgate saw during one test, and only that test: the scopes it
 * created, the ones a matcher judged, its queries outside every scope, its
 * unawaited assertions and its figures. Concurrent tests each have their own,
 * so one test's end never drains another's scopes.
 */
export class TestState {
  readonly identity: TestIdentity;
  /** Scopes created while the test ran, oldest first (nested ones too). */
  readonly scopes: Scope[] = [];
  /** Scopes a matcher judged: the N+1 gate leaves them, and scopes nested in them, alone. */
  readonly exempt = new Set<Scope>();
  /** Trace-ids exempted by a caller that holds no scope (a load run's requests). */
  readonly exemptTraces = new Set<string>();
  readonly outside: OutsideScopeTally = { count: 0, firstOpen: 0 };
  /** perfgate assertions called in this test, for the unawaited check at its end. */
  readonly assertions: PendingAssertion[] = [];
  readonly figures: TestFigures = emptyTestFigures();
  /** The test body ran in its own async context: what it did is known to be its own, even beside concurrent tests. */
  isolated = false;
  /** Set when the test's verdict was taken: work it left running records into no test. */
  ended = false;

  constructor(identity: TestIdentity) {
    this.identity = identity;
  }

  /** What the worker hands the run's report once the test ended. */
  report(perfgate: TestReport['perfgate']): TestReport {
    return { ...this.identity, ...this.figures, perfgate };
  }
}

/** The test the calling code runs for: its own async context's, else the test the runner started last. */
export function currentTestState(): TestState | undefined {
  const { tests } = getRuntime();
  const state = tests.storage.getStore() ?? tests.current;
  return state?.ended === false ? state : undefined;
}

/** A new test, current for code outside every test's async context until the next one starts (the runner's beforeEach). */
export function startTestState(identity: TestIdentity): TestState {
  const state = new TestState(identity);
  getRuntime().tests.current = state;
  return state;
}

/**
 * Runs `fn` (the test body, or the runner's whole test with its hooks) as
 * `state`'s: `AsyncLocalStorage.run`, never `enterWith`, so the state ends
 * with `fn`'s async context and never leaks into the runner's.
 */
export function runInTestState<T>(state: TestState, fn: () => T): T {
  state.isolated = true;
  return getRuntime().tests.storage.run(state, fn);
}

/** The test ended: nothing more is recorded into it. */
export function endTestState(state: TestState): void {
  if (state.ended) return;
  state.ended = true;
  const { tests } = getRuntime();
  if (state.scopes.length > 0) tests.scoped--;
  if (tests.current === state) tests.current = undefined;
}

/** A scope was created: it belongs to the current test, if any. */
export function registerScope(scope: Scope): void {
  const state = currentTestState();
  if (state === undefined) return;
  if (state.scopes.push(scope) === 1) getRuntime().tests.scoped++;
}

import { getRuntime } from '../src/runtime.js';
import type { Scope } from '../src/scope/scope.js';
import { currentTestState, endTestState, startTestState, type TestState } from '../src/session/test-state.js';

/** The runner's part in unit tests: one test at a time, as a runner's beforeEach/afterEach would start and end it. */
export function startScopeTracking(name = 'test'): TestState {
  stopScopeTracking();
  return startTestState({ id: `unit > ${name}`, file: 'unit.test.ts', name });
}

/** Ends the current test: from here no test records anything. */
export function stopScopeTracking(): void {
  const current = getRuntime().tests.current;
  if (current !== undefined) endTestState(current);
}

/** The current test's scopes so far, which it then forgets (its exemptions stay). */
export function drainTrackedScopes(): Scope[] {
  const state = currentTestState();
  if (state === undefined || state.scopes.length === 0) return [];
  getRuntime().tests.scoped--;
  return state.scopes.splice(0);
}

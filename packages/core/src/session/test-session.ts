import type { GateSession } from './gate-session.js';
import { outsideScopeSection, type FailureSection } from '../message/format-failure.js';
import { outsideScopeNote } from './outside-scopes.js';
import { endTestState, startTestState, type TestIdentity, type TestState } from './test-state.js';
import { formatUnawaited, UnawaitedAssertions } from './unawaited-assertions.js';

/** What the runner does when a test ends: print the warnings, and fail the test with `failure` when there is one. */
export interface TestOutcome {
  readonly warnings: readonly string[];
  readonly failure?: { readonly code: 'UNAWAITED_ASSERTION' | 'N_PLUS_ONE'; readonly message: string } | undefined;
}

function sectionText({ title, lines }: FailureSection): string {
  return [`${title}:`, ...lines.map((line) => `  ${line}`)].join('\n');
}

/**
 * perfgate around each test, the same for every runner: `beforeTest` gives
 * the test its own state, into which its scopes, exemptions, queries outside
 * every scope and assertions go; `afterTest` judges that state alone (the N+1
 * gate, when it is on, and the assertions nobody awaited) and ends it.
 */
export class TestSession {
  readonly assertions = new UnawaitedAssertions();
  /** The N+1 gate, when it is on (jest sets it once the options are loaded, after the matchers are registered). */
  gate: GateSession | undefined;

  constructor(gate?: GateSession) {
    this.gate = gate;
  }

  beforeTest(identity: TestIdentity): TestState {
    return startTestState(identity);
  }

  /**
   * `concurrent`: the test ran beside others. Unless its body ran in its own async context, which test
   * a running assertion belongs to is not known then, so none is called unawaited.
   */
  async afterTest(state: TestState, { concurrent = false }: { readonly concurrent?: boolean } = {}): Promise<TestOutcome> {
    try {
      const note = outsideScopeNote(state);
      const outside = note === undefined ? undefined : sectionText(outsideScopeSection(note));
      const unawaited = concurrent && !state.isolated ? [] : await this.assertions.take(state);
      state.figures.outsideScopes = state.outside.count;
      const failures = unawaited.length === 0 ? [] : [formatUnawaited(unawaited)];
      const warnings: string[] = [];
      // A corrupt allowlist throws here, naming the file: the runner fails the test with it.
      const verdict = this.gate?.afterTest(state) ?? { outcome: 'pass' as const };
      const said = verdict.outcome === 'pass' ? undefined : [verdict.message, outside].filter((part) => part !== undefined).join('\n\n');
      if (verdict.outcome === 'fail') failures.push(said!);
      else if (verdict.outcome === 'warn') warnings.push(said!);
      else if (outside !== undefined) warnings.push(`perfgate: the gates passed this test, but could not see every query.\n\n${outside}`);
      if (failures.length === 0) return { warnings };
      return { warnings, failure: { code: unawaited.length > 0 ? 'UNAWAITED_ASSERTION' : 'N_PLUS_ONE', message: failures.join('\n\n') } };
    } finally {
      endTestState(state);
    }
  }
}

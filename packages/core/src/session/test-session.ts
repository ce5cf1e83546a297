import type { GateSession } from './gate-session.js';
import { drainTrackedScopes, startScopeTracking } from './n-plus-one-gate.js';
import { outsideScopeSection, type FailureSection } from '../message/format-failure.js';
import { outsideScopeNote } from './outside-scopes.js';
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
 * perfgate around each test, the same for every runner: the runner's
 * `beforeEach` calls `beforeTest`, its `afterEach` calls `afterTest` and acts
 * on the outcome. It tracks the scopes the test creates (for the N+1 gate,
 * when it is on, and for queries that escape every scope) and the perfgate
 * assertions nobody awaited.
 */
export class TestSession {
  readonly assertions = new UnawaitedAssertions();
  /** The N+1 gate, when it is on (jest sets it once the options are loaded, after the matchers are registered). */
  gate: GateSession | undefined;

  constructor(gate?: GateSession) {
    this.gate = gate;
  }

  beforeTest(): void {
    startScopeTracking();
    this.assertions.reset();
  }

  /**
   * `concurrent`: the test ran beside others (vitest's `test.concurrent`), whose awaited assertions may
   * still be running; which test an assertion belongs to is not known then, so none is called unawaited.
   */
  async afterTest({ concurrent = false }: { readonly concurrent?: boolean } = {}): Promise<TestOutcome> {
    const note = outsideScopeNote();
    const outside = note === undefined ? undefined : sectionText(outsideScopeSection(note));
    const unawaited = concurrent ? [] : await this.assertions.take();
    const failures = unawaited.length === 0 ? [] : [formatUnawaited(unawaited)];
    const warnings: string[] = [];
    // A corrupt allowlist throws here, naming the file: the runner fails the test with it.
    const verdict = this.gate?.afterTest() ?? (drainTrackedScopes(), { outcome: 'pass' as const });
    const said = verdict.outcome === 'pass' ? undefined : [verdict.message, outside].filter((part) => part !== undefined).join('\n\n');
    if (verdict.outcome === 'fail') failures.push(said!);
    else if (verdict.outcome === 'warn') warnings.push(said!);
    else if (outside !== undefined) warnings.push(`perfgate: the gates passed this test, but could not see every query.\n\n${outside}`);
    if (failures.length === 0) return { warnings };
    return { warnings, failure: { code: unawaited.length > 0 ? 'UNAWAITED_ASSERTION' : 'N_PLUS_ONE', message: failures.join('\n\n') } };
  }
}

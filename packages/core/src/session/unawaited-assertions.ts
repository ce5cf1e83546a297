import { captureStack, formatCallSite, userFrames, type CapturedStack } from '../record/call-site.js';
import { currentTestState, type TestState } from './test-state.js';

/** A perfgate assertion still running when its test ended: nobody awaited it. */
export interface UnawaitedAssertion {
  readonly matcher: string;
  /** `test/orders.spec.ts:12:5`, when the call came from the user's code. */
  readonly site: string | undefined;
}

/** An assertion called during a test, kept in that test's state. */
export interface PendingAssertion {
  readonly matcher: string;
  /** Formatted only for an assertion found unawaited: reading a stack costs as much again as capturing it. */
  readonly stack: CapturedStack;
  readonly result: PromiseLike<unknown>;
}

/** Frames kept when an assertion is called: enough to get through the runner's expect into the spec. */
const ASSERTION_FRAMES = 20;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function siteOf(stack: CapturedStack): string | undefined {
  const frame = userFrames(stack, 1)[0];
  return frame === undefined ? undefined : formatCallSite(frame);
}

/**
 * Finds perfgate assertions nobody awaited: `expect(req).toIssueAtMost(0)`
 * without `await` lets the test end before the verdict, which then fails
 * nothing. Neither vitest 4 nor jest 30 checks this for custom async matchers.
 *
 * A test that awaited an assertion (or returned it, or passed it to
 * `Promise.all`) cannot end before its verdict; one still running when the
 * test ends was not awaited. The matcher's promise is handed to the runner
 * unchanged: wrapping the promise the user awaits would cut the `await` out
 * of the async stack trace that points a failure at the spec's line. (An
 * unawaited assertion that settled before its test ended is not seen; if it
 * failed, the runner reports the rejection nobody handled.)
 */
export class UnawaitedAssertions {
  /** The matchers, each registering its promise with the check of the test that called it; for `expect.extend`. */
  wrap<T extends object>(matchers: T): T {
    const wrapped: Record<string, Function> = {};
    for (const [name, matcher] of Object.entries(matchers) as Array<[string, Function]>) {
      const watch = (result: PromiseLike<unknown>) => this.#watch(name, result, wrapped[name]!);
      wrapped[name] = {
        // A named function: runners print it in stacks.
        [name](this: unknown, ...args: unknown[]): unknown {
          const result: unknown = Reflect.apply(matcher, this, args);
          if (isThenable(result)) watch(result);
          return result;
        },
      }[name]!;
    }
    return wrapped as T;
  }

  /**
   * The assertions of `state`'s test still running now, at its end; the check then forgets them all.
   * Asynchronous: a promise's state is only seen through a reaction, and one added while the test
   * ran would break the async stack traces that name the spec's line and a finding's `via` (V8
   * follows a promise's reactions only while it has one). Added now, each reaction on a settled
   * promise runs within the next microtasks.
   */
  async take(state: TestState): Promise<UnawaitedAssertion[]> {
    const pending = state.assertions.splice(0);
    const settled = new Set<PendingAssertion>();
    const seen = (p: PendingAssertion) => () => void settled.add(p);
    for (const p of pending) p.result.then(seen(p), seen(p));
    await Promise.resolve();
    await Promise.resolve();
    return pending.filter((p) => !settled.has(p)).map(({ matcher, stack }) => ({ matcher, site: siteOf(stack) }));
  }

  #watch(matcher: string, result: PromiseLike<unknown>, calledAs: Function): void {
    currentTestState()?.assertions.push({ matcher, stack: captureStack(calledAs, ASSERTION_FRAMES), result });
  }
}

/** The end-of-test failure: each assertion still running, and where it was called. */
export function formatUnawaited(unawaited: readonly UnawaitedAssertion[]): string {
  const one = unawaited.length === 1;
  return [
    `perfgate: ${one ? 'an assertion was' : `${unawaited.length} assertions were`} not awaited: still running when the test ended, so ${one ? 'its verdict' : 'their verdicts'} could not fail it:`,
    ...unawaited.map(({ matcher, site }) => `  ${matcher}()${site === undefined ? '' : ` at ${site}`}`),
    'perfgate matchers return a promise: write `await expect(…).toIssueAtMost(…)` (or return it from the test).',
  ].join('\n');
}

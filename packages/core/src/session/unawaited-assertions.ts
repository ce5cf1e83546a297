import { captureStack, formatCallSite, userFrames, type CapturedStack } from '../record/call-site.js';

/** A perfgate assertion whose promise nobody awaited, as the end-of-test check reports it. */
export interface UnawaitedAssertion {
  readonly matcher: string;
  /** `test/orders.spec.ts:12:5`, when the call came from the user's code. */
  readonly site: string | undefined;
  /** Whether the verdict came before the test ended, and what it was. */
  readonly state: 'pending' | 'passed' | 'failed';
  /** The assertion's own failure message, when it failed. */
  readonly failure?: string | undefined;
}

interface Pending {
  readonly matcher: string;
  /** Formatted only for an assertion found unawaited: reading a stack costs as much again as capturing it. */
  readonly stack: CapturedStack;
  state: UnawaitedAssertion['state'];
  failure?: string;
  observed: boolean;
}

/** The promise the user holds: what `await`, `Promise.all` and `.resolves` call. */
interface WatchedPromise {
  then(onFulfilled?: ((value: unknown) => unknown) | null, onRejected?: ((reason: unknown) => unknown) | null): Promise<unknown>;
  catch(onRejected?: ((reason: unknown) => unknown) | null): WatchedPromise;
  finally(onFinally?: (() => void) | null): WatchedPromise;
}

/** What the matcher hands the runner, whose `then` makes the promise the user holds. */
interface RunnerThenable {
  then(onFulfilled?: ((value: unknown) => unknown) | null, onRejected?: ((reason: unknown) => unknown) | null): WatchedPromise;
}

/** Frames kept when an assertion is called: enough to get through the runner's expect into the spec. */
const ASSERTION_FRAMES = 20;

function siteOf(stack: CapturedStack): string | undefined {
  const frame = userFrames(stack, 1)[0];
  return frame === undefined ? undefined : formatCallSite(frame);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Finds perfgate assertions that were never awaited: `expect(req).toIssueAtMost(0)`
 * without `await` would otherwise pass, its verdict landing after the test
 * (or never). Neither vitest 4 nor jest 30 checks this for custom async matchers.
 *
 * The runner wraps the matcher's promise in its own (`result.then(judge)`):
 * the thenable handed to the runner returns, from that `then`, a watched
 * promise — the one the user holds (jest adds a `.catch`, watched too).
 * Awaiting it, returning it, `Promise.all`, `.resolves`: each calls `then`,
 * which marks it observed. One left unobserved when the test ends was not
 * awaited. The same device as vitest's own check for `expect(…).resolves`.
 */
export class UnawaitedAssertions {
  #pending: Pending[] = [];

  /** The matchers, each returning a watched promise; for `expect.extend`. */
  wrap<T extends object>(matchers: T): T {
    const wrapped: Record<string, Function> = {};
    for (const [name, matcher] of Object.entries(matchers) as Array<[string, Function]>) {
      const watch = (result: PromiseLike<unknown>) => this.#watch(name, result, wrapped[name]!);
      wrapped[name] = {
        // A named function: runners print it in stacks.
        [name](this: unknown, ...args: unknown[]): unknown {
          const result: unknown = Reflect.apply(matcher, this, args);
          return isThenable(result) ? watch(result) : result;
        },
      }[name]!;
    }
    return wrapped as T;
  }

  /** Forgets what earlier tests and hooks left (the runner calls it before each test). */
  reset(): void {
    this.#pending = [];
  }

  /** The assertions of this test nobody awaited, which the check then forgets. */
  take(): UnawaitedAssertion[] {
    const unawaited = this.#pending.filter((p) => !p.observed).map(({ matcher, stack, state, failure }) => ({ matcher, site: siteOf(stack), state, failure }));
    this.#pending = [];
    return unawaited;
  }

  #watch(matcher: string, result: PromiseLike<unknown>, calledAs: Function): RunnerThenable {
    const stack = captureStack(calledAs, ASSERTION_FRAMES);
    const track = (promise: Promise<unknown>): WatchedPromise => {
      const pending: Pending = { matcher, stack, state: 'pending', observed: false };
      this.#pending.push(pending);
      // Handled here, so an unawaited failure is reported once, by the end-of-test check, not as a stray rejection.
      promise.then(
        () => void (pending.state = 'passed'),
        (error: unknown) => {
          pending.state = 'failed';
          pending.failure = error instanceof Error ? error.message : String(error);
        },
      );
      const observed = () => void (pending.observed = true);
      return {
        then: (onFulfilled, onRejected) => (observed(), promise.then(onFulfilled, onRejected)),
        catch: (onRejected) => (observed(), track(promise.catch(onRejected))),
        finally: (onFinally) => (observed(), track(promise.finally(onFinally))),
      };
    };
    // The runner's own `then` (its verdict) is not the user's await: only what it returns is watched.
    return { then: (onFulfilled, onRejected) => track(Promise.resolve(result).then(onFulfilled, onRejected)) };
  }
}

/** The end-of-test failure: each unawaited assertion, where, and what its verdict was. */
export function formatUnawaited(unawaited: readonly UnawaitedAssertion[]): string {
  const one = unawaited.length === 1;
  const lines = unawaited.flatMap(({ matcher, site, state, failure }) => {
    const verdict = state === 'pending' ? 'still running when the test ended' : state === 'failed' ? 'it failed, unseen:' : 'it passed, but nothing waited for it';
    const head = `  ${matcher}()${site === undefined ? '' : ` at ${site}`}: ${verdict}`;
    return failure === undefined ? [head] : [head, ...failure.split('\n').map((line) => (line === '' ? '' : `      ${line}`))];
  });
  return [
    `perfgate: ${one ? 'an assertion was' : `${unawaited.length} assertions were`} not awaited, so ${one ? 'its verdict' : 'their verdicts'} could not fail the test:`,
    ...lines,
    'perfgate matchers return a promise: write `await expect(…).toIssueAtMost(…)` (or return it from the test).',
  ].join('\n');
}

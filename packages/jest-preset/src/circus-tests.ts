/**
 * jest-circus's tests translated into perfgate's worker session. jest runs no
 * beforeEach/afterEach for concurrent tests (jest-circus `getEachHooksForTest`),
 * so each test function is wrapped where jest defines it, in circus's
 * `add_test` event: it runs in its own test state, and a concurrent one is
 * judged when it settles. The event, not the `test`/`it` globals: tests
 * imported from `@jest/globals` are jest's own functions, never the globals.
 */
import type { Circus } from '@jest/types';
import type { TestIdentity, TestState, WorkerSession } from '@perfgate/core/runner';

/** Where jest-circus (27 to 30) keeps its event handlers, on the test file's global. */
const EVENT_HANDLERS = Symbol.for('EVENT_HANDLERS');

type TestFn = (this: unknown, ...args: unknown[]) => unknown;

export function identityOf(test: Circus.TestEntry, file: string): TestIdentity {
  const names: string[] = [];
  for (let block = test.parent; block.parent !== undefined; block = block.parent) names.unshift(block.name);
  const name = [...names, test.name].join(' > ');
  return { id: `${file} > ${name}`, file, name };
}

/** A done-callback test as a promise, for a judge that waits for its end. */
function settled(fn: TestFn, self: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => void fn.call(self, (reason?: unknown) => (reason ? reject(reason) : resolve(undefined))));
}

/**
 * Follows the tests of this test file. `started` is told each test that runs
 * with jest's hooks (not concurrent), whose afterEach the caller judges it in.
 * False when the runner is not jest-circus (jest-jasmine2).
 */
export function followCircusTests(worker: WorkerSession, file: string, started: (state: TestState) => void): boolean {
  let serial: TestState | undefined;
  const wrap = (test: Circus.TestEntry): void => {
    const fn = test.fn as TestFn;
    // jest runs generator functions through `co`: left as they are, found as the test started last.
    if (Object.prototype.toString.call(fn) === '[object GeneratorFunction]') return;
    const identity = identityOf(test, file);
    const run = test.concurrent
      ? (self: unknown) => worker.runJudged(identity, () => (fn.length > 0 ? settled(fn, self) : fn.call(self)))
      : (self: unknown, args: unknown[]) => (serial === undefined ? Reflect.apply(fn, self, args) : worker.runTest(serial, () => Reflect.apply(fn, self, args)));
    // The same `length`: jest passes `done` to a function that declares it.
    test.fn = (fn.length > 0 && !test.concurrent
      ? function perfgateTest(this: unknown, done: unknown) {
          return run(this, [done]);
        }
      : function perfgateTest(this: unknown) {
          return run(this, []);
        }) as Circus.TestFn;
  };
  const handler: Circus.EventHandler = (event, state) => {
    if (event.name === 'add_test') {
      const test = state.currentDescribeBlock.children.at(-1);
      if (test?.type === 'test' && test.fn === event.fn) wrap(test);
    } else if (event.name === 'test_started' && !event.test.concurrent) {
      serial = worker.beforeTest(identityOf(event.test, file));
      started(serial);
    }
  };
  const holder = globalThis as { [EVENT_HANDLERS]?: Circus.EventHandler[] };
  holder[EVENT_HANDLERS]?.push(handler);
  return holder[EVENT_HANDLERS] !== undefined;
}

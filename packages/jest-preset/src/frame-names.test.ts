import { afterEach, expect, it } from 'vitest';
import { keepFunctionNames } from './frame-names.js';

// A formatter like jest's: source-mapped locations, each frame named after the call on its line.
type Prepare = (error: Error, frames: NodeJS.CallSite[]) => unknown;
const jestLike: Prepare = (error, frames) => [`${String(error)}`, ...frames.map((frame) => `    at called (mapped.ts:${frame.getLineNumber()}:1)`)].join('\n');

const original = Error.prepareStackTrace;
afterEach(() => {
  Error.prepareStackTrace = original;
});

function listLegacyOrders(): { stack?: string } {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder);
  return holder;
}

it('puts V8’s function names back on stacks captured on plain objects, keeping the mapped locations', () => {
  Error.prepareStackTrace = jestLike;
  const undo = keepFunctionNames();
  const [, top] = listLegacyOrders().stack!.split('\n');
  expect(top).toMatch(/^ {4}at listLegacyOrders \(mapped\.ts:\d+:1\)$/);
  // An error keeps the formatter's names.
  expect(new Error('x').stack!.split('\n')[1]).toMatch(/^ {4}at called \(mapped\.ts:\d+:1\)$/);
  undo();
  expect(Error.prepareStackTrace).toBe(jestLike);
});

it('leaves an anonymous function unnamed, as vitest does, where V8 would say Object.<anonymous>', () => {
  Error.prepareStackTrace = jestLike;
  const undo = keepFunctionNames();
  const make = (): (() => { stack?: string }) =>
    function () {
      const holder: { stack?: string } = {};
      Error.captureStackTrace(holder);
      return holder;
    };
  const anonymous = make();
  const [, top] = anonymous.call({}).stack!.split('\n');
  undo();
  expect(top).toMatch(/^ {4}at mapped\.ts:\d+:1$/);
});

it('formats frames itself when no formatter is installed anywhere', () => {
  Reflect.deleteProperty(Error, 'prepareStackTrace');
  const undo = keepFunctionNames();
  const stack = listLegacyOrders().stack!;
  undo();
  // In vitest the worker's Error may have a formatter of its own: either way the function is named.
  expect(stack).toMatch(/\n {4}at listLegacyOrders \(/);
});

/** What `fn` throws synchronously; fails the test when it returns instead (a returned promise is not a throw). */
export function thrownBy(fn: () => unknown): Error {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-error: ${String(error)}`);
  }
  if (result instanceof Promise) result.catch(() => undefined);
  throw new Error(`expected a synchronous throw; got ${result instanceof Promise ? 'a promise' : String(result)}`);
}

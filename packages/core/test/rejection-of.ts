/**
 * What an assertion rejects with. Fails the test when it throws
 * synchronously instead (a perfgate matcher always returns a promise, even
 * on bad input) or when its promise resolves.
 */
export async function rejectionOf(assertion: () => unknown): Promise<Error> {
  let result: unknown;
  try {
    result = assertion();
  } catch (error) {
    throw new Error(`expected a rejected promise; the assertion threw synchronously: ${String(error)}`);
  }
  if (!(result instanceof Promise)) throw new Error(`expected a promise; got ${String(result)}`);
  try {
    await result;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-error: ${String(error)}`);
  }
  throw new Error('expected the promise to reject; it resolved');
}

/**
 * The message a matcher rejects with, checked to be a PerfgateError with
 * `code` whose stack is cut at the matcher: no perfgate source frame sits
 * above the user's `expect` line.
 */
export async function perfgateRejectionOf(assertion: () => unknown, code: string): Promise<string> {
  const error = await rejectionOf(assertion);
  if (error.name !== 'PerfgateError' || (error as Error & { code?: unknown }).code !== code) {
    throw new Error(`expected a PerfgateError ${code}; got ${error.name} ${String((error as Error & { code?: unknown }).code)}: ${error.message}`);
  }
  const perfgateFrame = /src\/(errors|matchers\/[a-z-]+|analysis\/[a-z-]+)\.ts/.exec(error.stack ?? '');
  if (perfgateFrame !== null) throw new Error(`the stack of ${code} shows perfgate's own ${perfgateFrame[0]}:\n${error.stack}`);
  return error.message;
}

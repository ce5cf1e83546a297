/**
 * What an assertion rejects with, as `Name: message`, for an inline snapshot
 * that reads the same under vitest and jest: their `toThrowErrorMatchingInlineSnapshot`
 * differ (vitest pins `[PerfgateError: …]`, jest only the message), a string does not.
 * A synchronous throw fails: perfgate matchers reject their promise, even on bad input.
 */
export async function rejectionMessage(assertion: () => unknown): Promise<string> {
  let result: unknown;
  try {
    result = assertion();
  } catch (error) {
    throw new Error(`expected a rejected promise; the assertion threw synchronously: ${String(error)}`);
  }
  try {
    await result;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : `a non-error: ${String(error)}`;
  }
  throw new Error('expected the assertion to reject');
}

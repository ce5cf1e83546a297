/**
 * What `fn` throws synchronously, as `Name: message`, for an inline snapshot
 * that reads the same under vitest and jest: their `toThrowErrorMatchingInlineSnapshot`
 * differ (vitest pins `[PerfgateError: …]`, jest only the message), a string does not.
 */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : `a non-error: ${String(error)}`;
  }
  throw new Error('expected a synchronous throw');
}

import { stripVTControlCharacters } from 'node:util';

/**
 * The message `assertion` failed with, ready for an inline snapshot: no
 * colours, and `<trace-id>` for the random trace-ids. Its `await` is the
 * frame a finding's `via` line names when the scenario called no helper.
 */
export async function failureMessage(assertion: PromiseLike<unknown>): Promise<string> {
  try {
    await assertion;
  } catch (error) {
    return stripVTControlCharacters(error instanceof Error ? error.message : String(error)).replace(/[0-9a-f]{32}/g, '<trace-id>');
  }
  throw new Error('expected the assertion to fail');
}

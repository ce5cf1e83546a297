import { stripVTControlCharacters } from 'node:util';
import { startQuery } from '../src/record/recorder.js';
import { recordQueries } from '../src/scope/record-queries.js';
import type { ScopeResult } from '../src/scope/scope-result.js';

/**
 * Awaits an assertion and, when it fails, takes the colours out of its message,
 * so inline snapshots pin the text whatever the terminal.
 */
export async function withoutColours(assertion: Promise<unknown>): Promise<void> {
  try {
    await assertion;
  } catch (error) {
    if (error instanceof Error) error.message = stripVTControlCharacters(error.message);
    throw error;
  }
}

export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** The result of a function that sent `sqls`, with a fixed trace-id so messages are stable. */
export function recorded(sqls: readonly string[], name = 'listOrders'): Promise<ScopeResult<void>> {
  return recordQueries(
    () => {
      for (const sql of sqls) startQuery({ sql, source: 'test', dialect: 'postgres' });
    },
    { traceId: TRACE_ID, name },
  );
}

/**
 * The message an assertion failed with, colours taken out and random
 * trace-ids replaced, for inline snapshots; fails the test when it passes.
 */
export async function failureMessage(assertion: Promise<unknown>): Promise<string> {
  try {
    await assertion;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return stripVTControlCharacters(error.message).replace(/\b[0-9a-f]{32}\b/g, (id) => (id === TRACE_ID ? id : '<trace-id>'));
  }
  throw new Error('expected the assertion to fail');
}

/**
 * jest names each stack frame after the call on its line (`query` for
 * `await db.query(…)`), where V8 — and so vitest — names the enclosing
 * function (`listLegacyOrders`). perfgate keys allowlist entries and call
 * sites on that function, so for stacks captured on plain objects (perfgate's
 * call-site samples, `Error.captureStackTrace(holder)`) this keeps jest's
 * source-mapped locations and puts V8's names back. Errors keep jest's names.
 */
import vm from 'node:vm';
import { isNativeError } from 'node:util/types';

type PrepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/** `name (location)` or just `location`, as V8 and jest print a frame. */
function splitFrame(text: string): { name: string; location: string } {
  const open = text.lastIndexOf(' (');
  return text.endsWith(')') && open !== -1 ? { name: text.slice(0, open), location: text.slice(open + 2, -1) } : { name: '', location: text };
}

function renameFrame(line: string, frame: NodeJS.CallSite | undefined): string {
  const match = /^(\s*at )(.*)$/.exec(line);
  if (match === null || frame === undefined) return line;
  const { location } = splitFrame(match[2]!);
  // An anonymous function has no name; V8 prints `Object.<anonymous>` when jest calls a test with a receiver, vitest's calls have none.
  const name = frame.getFunctionName() ? splitFrame(frame.toString()).name : '';
  return `${match[1]}${name === '' ? location : `${name} (${location})`}`;
}

/**
 * Formats stacks of this test file's realm through jest's formatter, with
 * V8's function names. jest installs its formatter on the worker's own
 * `Error` (node falls back to it when a realm has none), so that is the one
 * called; returns the undo.
 */
export function keepFunctionNames(): () => void {
  const workerError = vm.runInThisContext('Error') as ErrorConstructor;
  const previous = Error.prepareStackTrace;
  const prepare: PrepareStackTrace = (error, frames) => {
    const worker = workerError.prepareStackTrace === prepare ? undefined : workerError.prepareStackTrace; // one realm, outside jest
    const jest = (previous ?? worker) as PrepareStackTrace | undefined;
    if (jest === undefined) return `${String(error)}${frames.map((frame) => `\n    at ${frame.toString()}`).join('')}`;
    const text = jest(error, frames);
    if (isNativeError(error) || typeof text !== 'string') return text;
    const lines = text.split('\n');
    const offset = lines.length - frames.length;
    return lines.map((line, i) => (i < offset ? line : renameFrame(line, frames[i - offset]))).join('\n');
  };
  Error.prepareStackTrace = prepare;
  return () => {
    if (Error.prepareStackTrace === prepare) Error.prepareStackTrace = previous;
  };
}

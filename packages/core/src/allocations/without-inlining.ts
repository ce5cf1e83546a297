import { setFlagsFromString } from 'node:v8';
import type { ProtocolSession } from './inspector-session.js';

/**
 * Throws away every function V8 has optimised. Starting precise coverage
 * does that (an optimised function would not count its calls); stopping it
 * at once leaves coverage as it was. Not while a coverage tool is recording:
 * stopping would discard its counts.
 */
async function deoptimiseAll(session: ProtocolSession): Promise<void> {
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
  await session.post('Profiler.stopPreciseCoverage');
  await session.post('Profiler.disable');
}

/**
 * Runs `work` with TurboFan's inlining off and no optimised code left from
 * before, then deoptimises again so later measurements get V8's usual code.
 * The sampling heap profiler charges an inlined function's allocations to
 * the function it was inlined into; without inlining each function shows
 * its own. With `coverage` (V8 coverage is being recorded) the code is left
 * as it is, and inlined functions stay merged into their callers.
 */
export async function withoutInlining<T>(session: ProtocolSession, coverage: boolean, work: () => Promise<T>): Promise<T> {
  // A user who started node with --no-turbo-inlining keeps it off.
  const restore = !process.execArgv.includes('--no-turbo-inlining');
  if (coverage) return work();
  setFlagsFromString('--no-turbo-inlining');
  try {
    await deoptimiseAll(session);
    return await work();
  } finally {
    if (restore) setFlagsFromString('--turbo-inlining');
    await deoptimiseAll(session);
  }
}

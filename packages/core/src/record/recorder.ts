import { performance } from 'node:perf_hooks';
import { getRuntime } from '../runtime.js';
import { CAPTURED_FRAMES, captureStack, framesNeeded, type CapturedStack } from './call-site.js';
import { QueryRecord, type QueryInput } from './query-record.js';
import { repeatKey } from './repeat-key.js';
import { noteOutsideScope } from '../session/outside-scopes.js';
import { evictOldest } from '../evict-oldest.js';

/**
 * Which run of a statement in a scope gets a stack: the 3rd to 8th, then the
 * 16th, 32nd, 64th…, and the 2nd only when it repeats the 1st exactly (a
 * duplicate, reported with its line). A statement that runs once or twice
 * costs no stack (with an N+1 threshold of 2, `settings.sampleSecondRun`
 * samples every 2nd run); a loop of 100 captures 9. Short loops (the usual N+1 in a
 * test) are sampled densely, so two loops running one statement are told
 * apart; runs without a stack take the site of a sampled neighbour (see
 * analysis/n-plus-one.ts). Costs: docs/performance.md.
 */
export function samplesCallSite(occurrence: number, sampleSecond = false): boolean {
  if (occurrence === 2) return sampleSecond;
  return occurrence >= 3 && (occurrence <= SAMPLED_DENSELY || (occurrence & (occurrence - 1)) === 0);
}

/** Every run from the 3rd up to this one gets a stack. */
export const SAMPLED_DENSELY = 8;

function sameValues(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Statement (by repeat key) → frames its captures need, learnt from its first captures; 0: stop capturing. */
const framesByStatement = new Map<string, number>();
/** Statement → full captures so far that reached no user code. */
const misses = new Map<string, number>();
export const LEARNT_STATEMENTS = 5_000;
/** Full captures of a statement that reach no user code before perfgate stops capturing it (an ORM that builds queries lazily). */
export const MISSES_BEFORE_GIVING_UP = 3;

function learn(key: string, frames: number): void {
  if (framesByStatement.size >= LEARNT_STATEMENTS) evictOldest(framesByStatement);
  framesByStatement.set(key, frames);
  misses.delete(key);
}

/**
 * Stack walks cost per frame (V8 translates each optimised frame), and the
 * call site is usually a few frames above the driver. The first capture of
 * a statement in the process takes `CAPTURED_FRAMES` and is formatted at
 * once to find how deep its call site and caller are; later captures of that
 * statement, in any scope, take only that many frames (plus a margin). A
 * statement whose full captures never reach user code stops being captured:
 * its call site is reported unknown either way.
 */
function sampleStack(key: string): CapturedStack | undefined {
  const learnt = framesByStatement.get(key);
  if (learnt === 0) return undefined;
  if (learnt !== undefined) return captureStack(startQuery, learnt);
  const stack = captureStack(startQuery, CAPTURED_FRAMES);
  const needed = framesNeeded(stack);
  if (needed !== undefined) learn(key, needed);
  else {
    const missed = (misses.get(key) ?? 0) + 1;
    if (missed >= MISSES_BEFORE_GIVING_UP) learn(key, 0);
    else {
      if (misses.size >= LEARNT_STATEMENTS) misses.clear();
      misses.set(key, missed);
    }
  }
  return stack;
}

/**
 * Whether a query sent now would be recorded (a scope is active) or noted
 * (a running test has scopes open, so a query outside them may be one whose
 * context a library lost). An adapter that finds it false can hand the call
 * straight to the driver: `startQuery` would do nothing with it.
 */
export function isRecording(): boolean {
  const runtime = getRuntime();
  return runtime.tests.scoped > 0 || runtime.storage.getStore() !== undefined;
}

/**
 * Records a query into the current scope and each enclosing one. Returns
 * undefined, having done nothing else, when no scope is active: the cost of an
 * instrumented driver outside perfgate scopes is one AsyncLocalStorage read
 * (and, in a test that opened scopes, a check that none is open).
 */
export function startQuery(input: QueryInput): QueryRecord | undefined {
  const runtime = getRuntime();
  const scope = runtime.storage.getStore();
  if (scope === undefined) {
    // While a running test has created a scope, a query outside all of them may be one whose context a library lost.
    if (runtime.tests.scoped > 0) noteOutsideScope(input, startQuery);
    return undefined;
  }
  // An outer layer recorded this query already: every driver call under it (a pool, then its
  // client) is that query, counted once.
  const outer = runtime.layersInUse ? runtime.layer.getStore() : undefined;
  if (outer !== undefined) {
    outer.claimed = true;
    return undefined;
  }
  const record = new QueryRecord(input, scope.traceId, performance.now());
  if (runtime.settings.callSites) {
    const key = repeatKey(input.sql);
    const repeats = scope.repeats.get(key);
    if (repeats === undefined) scope.repeats.set(key, { count: 1, firstSql: input.sql, firstValues: input.values });
    else {
      const occurrence = ++repeats.count;
      const second = occurrence === 2 && (runtime.settings.sampleSecondRun || (input.sql === repeats.firstSql && sameValues(input.values, repeats.firstValues)));
      if (samplesCallSite(occurrence, second)) record.stack = input.stack ?? sampleStack(key);
    }
  }
  for (let s: typeof scope | undefined = scope; s !== undefined; s = s.parent) s.add(record);
  return record;
}

/**
 * Runs `fn` — the call an outer layer (a pool, an ORM) makes into the driver
 * for `record` — so that the driver's own instrumentation, at every level
 * under it (Prisma's adapter → pg's pool → pg's client), does not count the
 * query again. The outer layer records (with the caller's stack, which is
 * gone by the time a pool hands the query to a connection) and finishes it.
 */
export function runAsOuterLayer<T>(record: QueryRecord | undefined, fn: () => T): T {
  if (record === undefined) return fn();
  const runtime = getRuntime();
  runtime.layersInUse = true;
  return runtime.layer.run({ claimed: false }, fn);
}

/**
 * Calls a driver method for a recorded query and finishes the record when it
 * throws or its returned promise settles. The caller gets its own synchronous
 * error, a non-promise result as is, and for a promise one derived from the
 * driver's (`.then` of it, so of its class): it settles with the same value or
 * the same error object, and is unhandled exactly when the caller leaves it
 * unhandled. Handing back the driver's own promise after attaching handlers
 * to it would mark it handled, and an unawaited failing query would no longer
 * raise the runner's "Unhandled Rejection".
 */
export function callRecorded<T>(record: QueryRecord, call: () => T): T {
  let result: T;
  try {
    result = call();
  } catch (error) {
    finishQuery(record, error);
    throw error;
  }
  if (typeof result !== 'object' || result === null || typeof (result as { then?: unknown }).then !== 'function') return result;
  return (result as unknown as PromiseLike<unknown>).then(
    (value) => {
      finishQuery(record);
      return value;
    },
    (error: unknown) => {
      finishQuery(record, error);
      throw error;
    },
  ) as T;
}

/** Marks a query answered (or failed) and stores its duration. */
export function finishQuery(record: QueryRecord | undefined, error?: unknown): void {
  if (record === undefined) return;
  record.durationMs = performance.now() - record.startedAt;
  if (error !== undefined && error !== null) record.failed = true;
}

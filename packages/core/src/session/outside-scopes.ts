import { captureStack, userFrames, formatCallSite, type CapturedStack } from '../record/call-site.js';
import type { QueryInput } from '../record/query-record.js';
import { currentTestState, type TestState } from './test-state.js';
import { fingerprintSql } from '../sql/fingerprint-sql.js';
import { outsideScopeSection, type FailureSection, type OutsideScopeNote } from '../message/format-failure.js';

/**
 * Queries recorded outside every scope while one of the test's scopes was
 * open: a library that lost the async context (an old body parser, a pool
 * that runs callbacks in its own context) would otherwise make them vanish
 * from the request they belong to, and a budget pass with 0.
 */
export interface OutsideScopeTally {
  count: number;
  /** Tracked scopes before this index are all closed (closing is final): the check is amortised O(1). */
  firstOpen: number;
  first?: { readonly input: Pick<QueryInput, 'sql' | 'dialect' | 'source' | 'label'>; readonly stack: CapturedStack | undefined } | undefined;
  /**
   * The parameters of the last query counted: an outer layer (pg's Pool.query) hands its driver
   * (the pool's client) the same array, and with no scope open no layer marks the inner call.
   */
  lastValues?: readonly unknown[] | undefined;
}

/** Frames kept for the first such query of a test: enough to get through a driver into the caller. */
const OUTSIDE_FRAMES = 30;

/**
 * Called by the recorder for a query with no scope, only while a running
 * test has created a scope. Background work the user starts on purpose,
 * with none of the test's scopes open, is not counted.
 */
export function noteOutsideScope(input: QueryInput, skipAbove: Function): void {
  const state = currentTestState();
  if (state === undefined) return;
  const { scopes: tracked, outside } = state;
  while (outside.firstOpen < tracked.length && tracked[outside.firstOpen]!.closed) outside.firstOpen++;
  if (outside.firstOpen === tracked.length) return;
  if (input.values !== undefined && input.values === outside.lastValues) return;
  outside.lastValues = input.values;
  outside.count++;
  if (outside.first === undefined) {
    const { sql, dialect, source, label } = input;
    outside.first = { input: { sql, dialect, source, label }, stack: input.stack ?? captureStack(skipAbove, OUTSIDE_FRAMES) };
  }
}

/** What this test has seen outside every scope so far, for a verdict's message; undefined when nothing. */
export function outsideScopeNote(state: TestState | undefined = currentTestState()): OutsideScopeNote | undefined {
  const outside = state?.outside;
  if (outside === undefined || outside.count === 0 || outside.first === undefined) return undefined;
  const { input, stack } = outside.first;
  const site = userFrames(stack, 1)[0];
  return {
    count: outside.count,
    source: input.label === undefined ? input.source : `${input.source} (${input.label})`,
    shape: fingerprintSql(input.sql, input.dialect).shape,
    site: site === undefined ? undefined : formatCallSite(site),
  };
}

/** The section a budget or N+1 matcher's message adds when this test's queries escaped every scope (none otherwise). */
export function outsideScopeSections(): FailureSection[] {
  const note = outsideScopeNote();
  return note === undefined ? [] : [outsideScopeSection(note)];
}

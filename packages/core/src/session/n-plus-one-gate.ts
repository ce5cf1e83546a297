import { findRepeatedStatements, type RepeatFinding } from '../analysis/n-plus-one.js';
import { formatFailure } from '../message/format-failure.js';
import { findingLines } from '../message/repeat-findings.js';
import { getRuntime } from '../runtime.js';
import { neverWrittenUnder } from './update-mode.js';
import type { Scope } from '../scope/scope.js';
import { allowEntryOf, ALLOWLIST_FILE, type AllowEntry, type Allowlist } from '../allowlist/allowlist.js';
import { AllowlistIndex } from '../allowlist/allowlist-match.js';

export type NPlusOneMode = 'fail' | 'warn' | 'off';

export interface ScopeFinding {
  readonly scope: Scope;
  readonly finding: RepeatFinding;
  readonly entry: AllowEntry;
  /** Why no allowlist entry matched, when one nearly did; what accepting an unknown site means. */
  readonly notes?: readonly string[];
}

export interface GateResult {
  /** Findings the allowlist does not cover. */
  readonly unlisted: readonly ScopeFinding[];
  /** Allowlist entries that matched a finding (still-needed debt). */
  readonly matched: readonly AllowEntry[];
}

/** Starts collecting the scopes created from now on (the runner calls it before each test). */
export function startScopeTracking(): void {
  const runtime = getRuntime();
  runtime.tracked = [];
  runtime.exempt.clear();
  runtime.outside = { count: 0, firstOpen: 0 };
}

/** The scopes created since tracking started, which tracking then forgets. */
export function drainTrackedScopes(): Scope[] {
  const runtime = getRuntime();
  const scopes = runtime.tracked ?? [];
  runtime.tracked = [];
  return scopes;
}

/**
 * A perfgate matcher that judged a scope takes it over: the gate leaves
 * alone scopes an N+1 matcher checked, and scopes whose assertion was
 * negated or failed (the spec is about them).
 */
export function exemptFromGate(traceId: string): void {
  const runtime = getRuntime();
  if (runtime.tracked !== undefined) runtime.exempt.add(traceId);
}

/** A scope a matcher judged, or nested in one (the matcher saw its queries too). */
function isExempt(scope: Scope, exempt: ReadonlySet<string>): boolean {
  for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) if (exempt.has(s.traceId)) return true;
  return false;
}

/**
 * Checks each scope's own queries (not those of scopes nested in it, which
 * are checked on their own) for N+1 patterns the allowlist does not cover.
 */
export function checkScopes(scopes: readonly Scope[], allowlist: Allowlist, threshold?: number): GateResult {
  const runtime = getRuntime();
  const allowed = new AllowlistIndex(allowlist);
  const unlisted: ScopeFinding[] = [];
  const matched: AllowEntry[] = [];
  for (const scope of scopes) {
    if (isExempt(scope, runtime.exempt)) continue;
    const own = scope.queries.filter((q) => q.traceId === scope.traceId);
    for (const finding of findRepeatedStatements(own, { threshold, overflow: scope.overflow }).nPlusOne) {
      const entry = allowEntryOf(finding);
      const listed = allowed.find(entry);
      if (listed === undefined) unlisted.push({ scope, finding, entry, notes: allowed.whyUnlisted(entry) });
      else matched.push(listed);
    }
  }
  return { unlisted, matched };
}

/** The gate's failure: the same finding lines as `toHaveNoNPlusOne`, per scope, and how to accept them. */
export function formatGateFailure(unlisted: readonly ScopeFinding[], mode: NPlusOneMode, allowlistPath = ALLOWLIST_FILE, updateCommand = 'vitest -u', blockedBy?: string): string {
  const byScope = new Map<Scope, ScopeFinding[]>();
  for (const found of unlisted) byScope.set(found.scope, [...(byScope.get(found.scope) ?? []), found]);
  const parts = [...byScope].map(([scope, findings]) =>
    formatFailure({
      hint: `perfgate nPlusOne: '${mode}' — N+1 in a scope this test created`,
      rows: [
        [scope.kind === 'request' ? 'Request' : 'Function', scope.name],
        ['Trace-id', scope.traceId],
      ],
      sections: [
        { title: 'N+1', lines: findings.map(({ finding }) => finding).flatMap(findingLines) },
        { title: 'Allowlist', lines: findings.flatMap(({ notes = [] }) => notes) },
      ],
    }),
  );
  parts.push(
    `Fix the loop, or assert on it with toHaveNoNPlusOne(). To accept it as known debt, run the tests with the update flag (${updateCommand})\n` +
      `to add it to ${allowlistPath}; ${neverWrittenUnder(blockedBy)}.`,
  );
  return parts.join('\n\n');
}

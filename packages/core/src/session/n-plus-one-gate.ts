import { findRepeatedStatements, type RepeatFinding } from '../analysis/n-plus-one.js';
import { formatFailure } from '../message/format-failure.js';
import { findingLines } from '../message/repeat-findings.js';
import { scopesOfResult, type ScopeResult } from '../scope/scope-result.js';
import { currentTestState, type TestState } from './test-state.js';
import { neverWrittenUnder } from './update-mode.js';
import type { Scope } from '../scope/scope.js';
import type { QueryRecord } from '../record/query-record.js';
import { allowEntryOf, ALLOWLIST_FILE, type AllowEntry, type Allowlist } from '../allowlist/allowlist.js';
import { AllowlistIndex } from '../allowlist/allowlist-match.js';
import { recordGateScope } from '../report/record-figures.js';

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

/**
 * A perfgate matcher that judged a scope takes it over: the gate leaves
 * alone scopes an N+1 matcher checked, and scopes whose assertion was
 * negated or failed (the spec is about them). A result exempts the very
 * scopes it was made of, so another request that happens to share its
 * trace-id is still gated; a bare trace-id (a load run's requests) exempts
 * every scope of that trace.
 */
export function exemptFromGate(judged: ScopeResult | string, state: TestState | undefined = currentTestState()): void {
  if (state === undefined) return;
  const scopes = typeof judged === 'string' ? undefined : scopesOfResult(judged);
  if (scopes === undefined) state.exemptTraces.add(typeof judged === 'string' ? judged : judged.traceId);
  else for (const scope of scopes) state.exempt.add(scope);
}

/** A scope a matcher judged, or nested in one (the matcher saw its queries too). */
function isExempt(scope: Scope, state: TestState | undefined): boolean {
  if (state === undefined) return false;
  for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) if (state.exempt.has(s) || state.exemptTraces.has(s.traceId)) return true;
  return false;
}

/** The index of an allowlist, built once per allowlist (the gate runs after every test with the same one). */
const indexes = new WeakMap<Allowlist, { readonly entries: readonly AllowEntry[]; readonly length: number; readonly index: AllowlistIndex }>();

function indexOf(allowlist: Allowlist): AllowlistIndex {
  const known = indexes.get(allowlist);
  // The entries are read-only by type; an array replaced or grown since is indexed again.
  if (known !== undefined && known.entries === allowlist.nPlusOne && known.length === allowlist.nPlusOne.length) return known.index;
  const index = new AllowlistIndex(allowlist);
  indexes.set(allowlist, { entries: allowlist.nPlusOne, length: allowlist.nPlusOne.length, index });
  return index;
}

/** The scope's queries without those of scopes nested in it (each is checked on its own): a record carries its innermost scope's trace-id. No copy when nothing is nested. */
function ownQueries(scope: Scope): readonly QueryRecord[] {
  const { queries, traceId } = scope;
  for (let i = 0; i < queries.length; i++) if (queries[i]!.traceId !== traceId) return queries.filter((q) => q.traceId === traceId);
  return queries;
}

/**
 * Checks each scope's own queries (not those of scopes nested in it, which
 * are checked on their own) for N+1 patterns the allowlist does not cover.
 */
export function checkScopes(scopes: readonly Scope[], allowlist: Allowlist, threshold?: number, state: TestState | undefined = currentTestState()): GateResult {
  const allowed = indexOf(allowlist);
  const unlisted: ScopeFinding[] = [];
  const matched: AllowEntry[] = [];
  for (const scope of scopes) {
    if (isExempt(scope, state)) continue;
    const own = ownQueries(scope);
    const analysis = findRepeatedStatements(own, { threshold, overflow: scope.overflow });
    const listedHere = new Set<RepeatFinding>();
    for (const finding of analysis.nPlusOne) {
      const entry = allowEntryOf(finding);
      const listed = allowed.find(entry);
      if (listed === undefined) unlisted.push({ scope, finding, entry, notes: allowed.whyUnlisted(entry) });
      else {
        matched.push(listed);
        listedHere.add(finding);
      }
    }
    // Every scope the gate checked is a figure of its test, passing or not.
    if (state !== undefined) recordGateScope(state, scope, analysis, (finding) => listedHere.has(finding));
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

import { relative, sep } from 'node:path';
import { allowKey, type AllowEntry } from '../allowlist/allowlist.js';
import type { AllowlistUpdate } from '../allowlist/allowlist-update.js';
import type { BaselineEntry } from '../baselines/baseline-session.js';
import type { GateReport } from '../session/gate-session.js';
import type { AllowlistFigure, BaselineFigure } from './report-model.js';

/** A path as the report stores it: relative to the root, `/` separators on every OS. */
export function reportPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

const unique = (entries: readonly AllowEntry[]) => [...new Map(entries.map((e) => [allowKey(e), e])).values()];

/** One allowlist's figure: what the workers matched and could not match, and what the run's update wrote or found stale. */
export function allowlistFigure(path: string, reports: readonly GateReport[], update: Pick<AllowlistUpdate, 'added' | 'stale'>): AllowlistFigure {
  const matched = unique(reports.flatMap((r) => r.matched));
  const known = new Set([...matched, ...update.added].map(allowKey));
  // Older workers (and update runs) report no `unlisted`: then every finding the allowlist lacked is in `added`.
  const unlisted = unique(reports.flatMap((r) => [...(r.unlisted ?? []), ...r.added])).filter((e) => !known.has(allowKey(e)));
  return { path, matched, unlisted, added: [...update.added], stale: [...update.stale] };
}

/** The baseline figures workers reported; `written` where the run wrote them (new or updated, never under CI, never into a corrupt file). */
export function baselineFigures(root: string, entries: readonly BaselineEntry[], ci: boolean, unwritable: ReadonlySet<string>): BaselineFigure[] {
  return entries.map((entry) => ({
    file: reportPath(root, entry.file),
    test: entry.test,
    runtime: entry.runtime,
    metric: entry.metric === 'p99 ms' ? 'latency' : 'allocation',
    value: entry.value,
    ...(entry.was !== undefined && { baseline: entry.was }),
    change: entry.change,
    ...(entry.metric === 'p99 ms' && { rounds: [...entry.rounds], ...(entry.queriesPerRequest !== undefined && { queriesPerRequest: entry.queriesPerRequest }) }),
    written: !ci && (entry.change === 'new' || entry.change === 'updated') && !unwritable.has(entry.file),
  }));
}

import type { AllowEntry } from '../allowlist/allowlist.js';
import type { BaselineFigure, PerfgateReport } from '../report/report-model.js';

/** `perfgate merge`'s exit codes: machines branch on them. */
export const MERGE_EXIT = {
  /** Merged; nothing to act on. */
  ok: 0,
  /** Something to act on: stale allowlist entries, N+1s no entry covers, baselines missing or regressed and not written. */
  pending: 1,
  /** A report, allowlist or baseline file perfgate could not read or write, or a bad option. */
  error: 2,
} as const;

/** What `--json` prints: the merged run's open items, paths relative to the root. */
export interface MergeOutcome {
  readonly exitCode: (typeof MERGE_EXIT)[keyof typeof MERGE_EXIT];
  readonly shards: readonly { readonly index: number; readonly count: number }[];
  /** Every shard was there and none was partial otherwise: only then are entries called stale. */
  readonly whole: boolean;
  readonly partial: readonly string[];
  /** The report files written. */
  readonly files: readonly string[];
  readonly allowlists: readonly { readonly path: string; readonly added: readonly AllowEntry[]; readonly unlisted: readonly AllowEntry[]; readonly stale: readonly AllowEntry[] }[];
  readonly baselines: { readonly written: readonly BaselineFigure[]; readonly pending: readonly BaselineFigure[] };
  readonly errors: readonly string[];
}

/** A baseline a test failed on (none, or beyond the tolerance) that nothing has written yet. */
const isPending = (figure: BaselineFigure) => (figure.change === 'missing' || figure.change === 'regressed') && !figure.written;

/**
 * The open items of a merged (and maybe updated) report. Findings no entry
 * covers count unless every test holding one only warned (the gate's 'warn'
 * mode): a warn-mode suite's merge does not fail on what its tests let pass.
 */
export function mergeOutcome(report: PerfgateReport, files: readonly string[], errors: readonly string[], whole: boolean): MergeOutcome {
  const holders = report.tests.filter((test) => test.scopes.some((scope) => scope.findings.some((f) => f.type === 'n-plus-one' && !f.allowlisted)));
  const warnOnly = holders.length > 0 && holders.every((test) => test.perfgate === 'warn');
  const allowlists = report.allowlists.map(({ path, added, unlisted, stale }) => ({ path, added, unlisted, stale }));
  const pending = report.baselines.filter(isPending);
  const open = allowlists.some((a) => a.stale.length > 0 || (!warnOnly && a.unlisted.length > 0)) || pending.length > 0;
  return {
    exitCode: errors.length > 0 ? MERGE_EXIT.error : open ? MERGE_EXIT.pending : MERGE_EXIT.ok,
    shards: report.shards ?? [],
    whole,
    partial: report.partial,
    files,
    allowlists,
    baselines: { written: report.baselines.filter((f) => f.written), pending },
    errors,
  };
}

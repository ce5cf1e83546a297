import { resolve } from 'node:path';
import { formatBytes } from '../allocations/byte-size.js';
import { describeEntry, finishAllowlistRun } from '../allowlist/allowlist-update.js';
import type { BaselineEntry } from '../baselines/baseline-session.js';
import { finishBaselineRun } from '../baselines/baseline-update.js';
import { formatDuration } from '../load/duration.js';
import type { UpdateMode } from '../session/update-mode.js';
import type { MergedReports } from './merge-reports.js';
import type { AllowlistFigure, BaselineFigure, PerfgateReport } from './report-model.js';

export interface MergeUpdateOptions {
  readonly merged: MergedReports;
  /** Where the reports' root-relative paths point on this machine: the checkout the merge runs in. */
  readonly root: string;
  readonly update: UpdateMode;
  /** The flag as given (`--update` is 'all', `--update=new`), whether or not CI lets it write. */
  readonly requested: 'all' | 'new' | 'none';
  readonly readFile?: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly makeDirectory: (path: string) => void;
}

export interface MergeUpdate {
  /** The merged report with what this step found: stale entries over the union, the entries and figures it wrote. */
  readonly report: PerfgateReport;
  readonly lines: readonly string[];
  /** Files that could not be updated (a corrupt allowlist or baseline): the merge fails. */
  readonly errors: readonly string[];
}

/**
 * What the unsharded run's main process does at its end, over the union of
 * the shards: each allowlist and baseline file is updated (or, without the
 * update flag or under CI, what would be written is said) by the run
 * session's own functions, and stale entries are looked for only when the
 * union is the whole suite.
 */
export function applyMergeUpdate(options: MergeUpdateOptions): MergeUpdate {
  const { merged, update } = options;
  const lines: string[] = [];
  const errors: string[] = [];
  const wouldWrite = update.blockedBy === undefined ? 'with --update, perfgate merge would' : `${update.blockedBy}: nothing is written; without it, perfgate merge --update would`;
  if (!merged.whole) lines.push(`perfgate merge: the union is part of the suite (${merged.report.partial.join('; ')}), so no allowlist entry is called stale.`);
  const allowlists = merged.report.allowlists.map((figure): AllowlistFigure => {
    try {
      const result = finishAllowlistRun({
        path: resolve(options.root, figure.path),
        name: figure.path,
        update: update.addNew,
        partial: !merged.whole,
        reports: [{ matched: figure.matched, added: [...figure.added, ...figure.unlisted] }],
        readFile: options.readFile,
        writeFile: options.writeFile,
      });
      lines.push(...result.lines);
      if (!update.addNew && result.added.length > 0) {
        lines.push(`perfgate: ${wouldWrite} add ${result.added.length} N+1 ${result.added.length === 1 ? 'entry' : 'entries'} to ${figure.path}:`);
        for (const entry of result.added) lines.push(`  + ${describeEntry(entry)}`);
      }
      // Against this checkout's allowlist: what the merge wrote, what the file still lacks, what no test of the union needed.
      return { ...figure, unlisted: update.addNew ? [] : result.added, added: update.addNew ? result.added : [], stale: result.stale };
    } catch (failure) {
      errors.push((failure as Error).message);
      return figure;
    }
  });
  const planned = merged.report.baselines.map((figure) => ({ figure, plan: planOf(figure, update) }));
  const written = finishBaselineRun({
    reports: [{ entries: planned.flatMap(({ figure, plan }) => (plan === undefined ? [] : [entryOf(figure, plan, options.root)])) }],
    root: options.root,
    ci: update.ci,
    updateCommand: update.command,
    readFile: options.readFile,
    writeFile: options.writeFile,
    makeDirectory: options.makeDirectory,
  });
  lines.push(...written.lines);
  errors.push(...written.errors);
  if (!update.addNew) {
    // What the update flag would write: under CI what was asked for (and refused), else what `--update` writes.
    const asked = { addNew: true, rewrite: options.requested !== 'new' };
    // Improvements are listed by finishBaselineRun already, with the command that tightens them.
    const would = merged.report.baselines.filter((figure) => figure.change !== 'improved' && planOf(figure, asked) !== undefined);
    if (would.length > 0) lines.push(`perfgate: ${wouldWrite} write ${would.length} baseline${would.length === 1 ? '' : 's'}:`);
    for (const figure of would) lines.push(`  ${figure.change === 'missing' || figure.change === 'new' ? '+' : '~'} ${figure.file} › ${figure.test} (${figure.runtime}): ${figureText(figure)}`);
  }
  // finishBaselineRun names each file it could not update in its error.
  const failed = (file: string) => written.errors.some((error) => error.includes(resolve(options.root, file)));
  const baselines = planned.map(({ figure, plan }): BaselineFigure => ({ ...figure, written: figure.written || (!update.ci && (plan === 'new' || plan === 'updated') && !failed(figure.file)) }));
  return { report: { ...merged.report, allowlists, baselines }, lines, errors };
}

/** What `-u` does with a shard's figure: writes a missing one, rewrites a moved one (`--update=new` only adds), else reports an improvement. */
function planOf(figure: BaselineFigure, update: Pick<UpdateMode, 'addNew' | 'rewrite'>): BaselineEntry['change'] | undefined {
  if (figure.change === 'missing' || figure.change === 'new') return update.addNew ? 'new' : undefined;
  if (update.rewrite) return 'updated';
  return figure.change === 'improved' ? 'improved' : undefined;
}

function entryOf(figure: BaselineFigure, change: BaselineEntry['change'], root: string): BaselineEntry {
  const common = { file: resolve(root, figure.file), change, runtime: figure.runtime, test: figure.test, ...(figure.baseline !== undefined && { was: figure.baseline }) };
  if (figure.metric === 'latency') {
    return { ...common, metric: 'p99 ms', value: figure.value, rounds: figure.rounds ?? [figure.value], ...(figure.queriesPerRequest !== undefined && { queriesPerRequest: figure.queriesPerRequest }) };
  }
  return { ...common, metric: 'bytes/op', value: figure.value };
}

function figureText(figure: BaselineFigure): string {
  const was = (format: (value: number) => string) => (figure.baseline === undefined ? '' : `${format(figure.baseline)} → `);
  return figure.metric === 'latency' ? `${was(formatDuration)}p99 median ${formatDuration(figure.value)}` : `${was(formatBytes)}${formatBytes(figure.value)} per call`;
}

import { dirname, relative, sep } from 'node:path';
import { formatBytes } from '../allocations/byte-size.js';
import { formatDuration } from '../load/duration.js';
import { readBaselines, serializeBaselines, withBaselines, type BaselineMetric, type BaselineRecord } from './baseline-file.js';
import type { BaselineEntry, BaselineReport } from './baseline-session.js';

export interface BaselineUpdateOptions {
  readonly reports: readonly BaselineReport[];
  /** Paths in the summary are shown relative to this. */
  readonly root: string;
  /** CI=true or jest --ci: nothing is written, whatever the workers asked. */
  readonly ci: boolean;
  /** How the user turns the update flag on, for the improvement note: `vitest -u`, `jest -u`. */
  readonly updateCommand: string;
  readonly readFile?: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly makeDirectory: (path: string) => void;
}

export interface BaselineUpdate {
  /** Lines for the run summary. */
  readonly lines: readonly string[];
  /** Files that could not be updated (corrupt): the run must fail. */
  readonly errors: readonly string[];
}

/** How the summary names and prints each metric. */
const METRIC_TEXT: Record<BaselineMetric, { readonly noun: string; readonly value: (value: number) => string; readonly figure: (value: number) => string }> = {
  'bytes/op': { noun: 'allocation', value: formatBytes, figure: (value) => `${formatBytes(value)} per call` },
  'p99 ms': { noun: 'latency', value: formatDuration, figure: (value) => `p99 median ${formatDuration(value)}` },
};

const rounds = (entry: BaselineEntry) => (entry.metric === 'p99 ms' ? ` (rounds ${entry.rounds.join(', ')} ms)` : '');

/** The record an entry carries, without what only the run needs: a written file holds figures, not paths. */
function recordOf({ file: _file, change: _change, was: _was, ...record }: BaselineEntry): BaselineRecord {
  return record as BaselineRecord;
}

const percent = (from: number, to: number) => (from === 0 ? '' : ` (${to >= from ? '+' : '−'}${Math.abs(((to - from) / from) * 100).toFixed(1)}%)`);

/**
 * Runs once per test run, in the runner's main process, after every worker
 * reported: writes the new and updated figures into each spec's baseline
 * file (one write per file, never under CI), and lists the figures that
 * improved beyond their tolerance so their baselines can be tightened. A
 * corrupt file is reported and left untouched.
 */
export function finishBaselineRun(options: BaselineUpdateOptions): BaselineUpdate {
  const show = (path: string) => relative(options.root, path).split(sep).join('/');
  const byFile = new Map<string, BaselineEntry[]>();
  for (const entry of options.reports.flatMap((report) => report.entries)) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  const lines: string[] = [];
  const errors: string[] = [];
  const improved: BaselineEntry[] = [];
  for (const [file, entries] of byFile) {
    // Missing and regressed figures already failed their test; only `perfgate merge --update` writes them.
    const written = options.ci ? [] : entries.filter((entry) => entry.change === 'new' || entry.change === 'updated');
    improved.push(...entries.filter((entry) => entry.change === 'improved'));
    if (written.length === 0) continue;
    let existing;
    try {
      existing = readBaselines(file, options.readFile);
    } catch (error) {
      errors.push((error as Error).message);
      continue;
    }
    const text = serializeBaselines(withBaselines(existing, written.map(recordOf)));
    options.makeDirectory(dirname(file));
    options.writeFile(file, text);
    const kind = [...new Set(written.map((entry) => entry.metric))].sort().map((metric) => METRIC_TEXT[metric].noun).join(' and ');
    lines.push(`perfgate: wrote ${written.length} ${kind} baseline${written.length === 1 ? '' : 's'} to ${show(file)}:`);
    for (const entry of written) {
      const text = METRIC_TEXT[entry.metric];
      const was = entry.was === undefined ? '' : `${text.value(entry.was)} → `;
      lines.push(`  ${entry.change === 'new' ? '+' : '~'} ${entry.test} (${entry.runtime}): ${was}${text.figure(entry.value)}${entry.was === undefined ? '' : percent(entry.was, entry.value)}${rounds(entry)}`);
    }
  }
  if (improved.length > 0) {
    lines.push(`perfgate: ${improved.length} baseline${improved.length === 1 ? '' : 's'} improved beyond the tolerance; tighten ${improved.length === 1 ? 'it' : 'them'} with the update flag (${options.updateCommand}):`);
    for (const entry of improved) {
      const text = METRIC_TEXT[entry.metric];
      lines.push(`  ↓ ${show(entry.file)} › ${entry.test} (${entry.runtime}): ${text.value(entry.was ?? 0)} → ${text.figure(entry.value)}${percent(entry.was ?? 0, entry.value)}`);
    }
  }
  return { lines, errors };
}

import { dirname, relative, sep } from 'node:path';
import { formatBytes } from '../allocations/byte-size.js';
import { formatDuration } from '../load/duration.js';
import { readBaselines, serializeBaselines, withBaselines } from './allocation-baselines.js';
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

/** A figure as the summary prints it: bytes per call, or a latency baseline's median p99 and rounds. */
function figure(entry: BaselineEntry, value: number): string {
  return entry.latency === undefined ? `${formatBytes(value)} per call` : `p99 median ${formatDuration(value)}`;
}

const rounds = (entry: BaselineEntry) => (entry.latency === undefined ? '' : ` (rounds ${entry.latency.p99Ms.join(', ')} ms)`);

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
    const written = options.ci ? [] : entries.filter((entry) => entry.change !== 'improved');
    improved.push(...entries.filter((entry) => entry.change === 'improved'));
    if (written.length === 0) continue;
    let existing;
    try {
      existing = readBaselines(file, options.readFile);
    } catch (error) {
      errors.push((error as Error).message);
      continue;
    }
    const text = serializeBaselines(withBaselines(existing, written));
    options.makeDirectory(dirname(file));
    options.writeFile(file, text);
    const kind = written.every((entry) => entry.latency !== undefined) ? 'latency' : written.every((entry) => entry.latency === undefined) ? 'allocation' : 'allocation and latency';
    lines.push(`perfgate: wrote ${written.length} ${kind} baseline${written.length === 1 ? '' : 's'} to ${show(file)}:`);
    for (const entry of written) {
      const was = entry.baseline === undefined ? '' : `${entry.latency === undefined ? formatBytes(entry.baseline) : formatDuration(entry.baseline)} → `;
      lines.push(`  ${entry.change === 'new' ? '+' : '~'} ${entry.test} (${entry.runtime}): ${was}${figure(entry, entry.bytesPerOp)}${entry.baseline === undefined ? '' : percent(entry.baseline, entry.bytesPerOp)}${rounds(entry)}`);
    }
  }
  if (improved.length > 0) {
    lines.push(`perfgate: ${improved.length} baseline${improved.length === 1 ? '' : 's'} improved beyond the tolerance; tighten ${improved.length === 1 ? 'it' : 'them'} with the update flag (${options.updateCommand}):`);
    for (const entry of improved) {
      const was = entry.latency === undefined ? formatBytes(entry.baseline ?? 0) : formatDuration(entry.baseline ?? 0);
      lines.push(`  ↓ ${show(entry.file)} › ${entry.test} (${entry.runtime}): ${was} → ${figure(entry, entry.bytesPerOp)}${percent(entry.baseline ?? 0, entry.bytesPerOp)}`);
    }
  }
  return { lines, errors };
}

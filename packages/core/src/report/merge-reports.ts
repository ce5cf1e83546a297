import { allowKey, type AllowEntry } from '../allowlist/allowlist.js';
import { perfgateError } from '../errors.js';
import { SHARD_REASON } from '../session/run-coverage.js';
import { buildGateSummaries } from './gate-summaries.js';
import { REPORT_VERSION, type AllowlistFigure, type BaselineFigure, type PerfgateReport } from './report-model.js';

/** A report as read from disk: `file` names it in errors. */
export interface ReportInput {
  readonly file: string;
  readonly report: PerfgateReport;
}

export interface MergedReports {
  /** The union: tests joined and sorted, gate counts recomputed, allowlist and baseline figures joined; stale left to the update step. */
  readonly report: PerfgateReport;
  /**
   * Every shard 1..n of n is present and no shard was partial for another
   * reason (a filter, bail): only then may the union call an entry stale.
   */
  readonly whole: boolean;
}

type Shard = { readonly index: number; readonly count: number };

/**
 * Joins the reports of one sharded run (`--shard=k/n` on each machine) into
 * the report the unsharded run would have written. Pure: the allowlist and
 * baseline files are read and written by the update step, with the same
 * functions the run session uses. Refuses what cannot be one run: another
 * report version, another runner or project root, a shard given twice,
 * shards of different splits.
 */
export function mergeReports(inputs: readonly ReportInput[], context: MergeContext): MergedReports {
  if (inputs.length === 0) throw perfgateError('NO_REPORTS', []);
  checkOneRun(inputs, context);
  const shards = checkShards(inputs);
  const count = shards[0]?.count;
  const missing = count === undefined ? [] : range(count).filter((index) => !shards.some((shard) => shard.index === index));
  const otherReasons = unique(inputs.flatMap(({ report }) => report.partial.filter((reason) => reason !== SHARD_REASON)));
  const partial = [...otherReasons, ...(missing.length > 0 ? [`${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} of ${count} missing`] : [])];
  const reports = inputs.map(({ report }) => report);
  const tests = reports.flatMap((r) => r.tests).sort((a, b) => order(a.file, b.file) || order(a.name, b.name) || order(a.id, b.id));
  const report: PerfgateReport = {
    version: REPORT_VERSION,
    tool: { name: 'perfgate', version: context.toolVersion },
    runner: inputs[0]!.report.runner,
    root: context.root,
    startedAt: reports.map((r) => r.startedAt).sort()[0]!,
    finishedAt: reports.map((r) => r.finishedAt).sort().at(-1)!,
    ...(shards.length > 0 && { shards }),
    partial,
    // Recomputed from the tests, as the unsharded run computes them.
    gates: buildGateSummaries(tests),
    tests,
    allowlists: joinAllowlists(reports.flatMap((r) => r.allowlists)),
    baselines: joinBaselines(reports.flatMap((r) => r.baselines)),
  };
  return { report, whole: partial.length === 0 };
}

export interface MergeContext {
  /** The checkout the merge runs in: the merged report's root (its paths stay relative). */
  readonly root: string;
  readonly toolVersion: string;
  /** Shards checked out at different paths on different machines (self-hosted runners): roots are not compared. */
  readonly allowMixedRoots?: boolean | undefined;
}

/** The checks that make the inputs one run: one report version, one runner, one project root. */
function checkOneRun(inputs: readonly ReportInput[], context: MergeContext): void {
  const first = inputs[0]!;
  for (const { file, report } of inputs) {
    if (report.version !== REPORT_VERSION) {
      throw perfgateError('INVALID_REPORT', [file, `is a version ${String(report.version)} report; this perfgate (${context.toolVersion}) merges version ${REPORT_VERSION}. Run every shard and the merge with one perfgate version`]);
    }
    if (report.runner !== first.report.runner) {
      throw perfgateError('INVALID_REPORT', [file, `is a ${report.runner} run, but ${first.file} is a ${first.report.runner} run; merge the shards of one runner’s run`]);
    }
    if (report.root !== first.report.root && context.allowMixedRoots !== true) {
      throw perfgateError('INVALID_REPORT', [
        file,
        `was run in ${report.root}, but ${first.file} in ${first.report.root}: two projects’ reports do not merge. If they are one project checked out at different paths on different machines, pass --allow-mixed-roots`,
      ]);
    }
  }
}

/** The shards the inputs hold, sorted; an unsharded report is the whole run and merges with nothing. */
function checkShards(inputs: readonly ReportInput[]): Shard[] {
  const seen = new Map<number, string>();
  let split: { readonly count: number; readonly file: string } | undefined;
  for (const { file, report } of inputs) {
    const shards = report.shards ?? [];
    if (shards.length === 0 && report.partial.includes(SHARD_REASON)) {
      throw perfgateError('INVALID_REPORT', [file, 'is from a run with --shard but does not say which shard (no "shards"); the perfgate that wrote it is older than the merge: run the shards with this version']);
    }
    if (shards.length === 0 && inputs.length > 1) {
      throw perfgateError('INVALID_REPORT', [file, 'is not a shard’s report (the run had no --shard), so it already holds the whole suite; merge the reports of one run’s shards (--shard=1/n … n/n)']);
    }
    for (const shard of shards) {
      if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 1 || shard.index > shard.count) {
        throw perfgateError('INVALID_REPORT', [file, `names shard ${JSON.stringify(shard)}, which is not k/n with 1 ≤ k ≤ n`]);
      }
      split ??= { count: shard.count, file };
      if (shard.count !== split.count) {
        throw perfgateError('INVALID_REPORT', [file, `holds shard ${shard.index}/${shard.count}, but ${split.file} is from a run split in ${split.count}; merge the shards of one run`]);
      }
      const other = seen.get(shard.index);
      if (other !== undefined) throw perfgateError('INVALID_REPORT', [file, `holds shard ${shard.index}/${shard.count}, which ${other} holds too; pass each shard’s report once`]);
      seen.set(shard.index, file);
    }
  }
  return [...seen.keys()].sort((a, b) => a - b).map((index) => ({ index, count: split!.count }));
}

/** One figure per allowlist path; stale is recomputed over the union by the update step, never taken from a shard. */
function joinAllowlists(figures: readonly AllowlistFigure[]): AllowlistFigure[] {
  const byPath = new Map<string, AllowlistFigure[]>();
  for (const figure of figures) byPath.set(figure.path, [...(byPath.get(figure.path) ?? []), figure]);
  return [...byPath].map(([path, list]) => ({
    path,
    matched: joinEntries(list.flatMap((f) => f.matched)),
    unlisted: without(joinEntries(list.flatMap((f) => f.unlisted)), list.flatMap((f) => [...f.matched, ...f.added])),
    added: joinEntries(list.flatMap((f) => f.added)),
    stale: [],
  }));
}

/** A finding one shard could not match but another's allowlist held (or one wrote) is not unlisted in the union. */
function without(entries: readonly AllowEntry[], known: readonly AllowEntry[]): AllowEntry[] {
  const keys = new Set(known.map(allowKey));
  return entries.filter((entry) => !keys.has(allowKey(entry)));
}

function joinEntries(entries: readonly AllowEntry[]): AllowEntry[] {
  return [...new Map(entries.map((entry) => [allowKey(entry), entry])).values()];
}

/** A figure checked on two machines (the same test under two runtimes) is two figures; the same one twice is one. */
function joinBaselines(figures: readonly BaselineFigure[]): BaselineFigure[] {
  return [...new Map(figures.map((f) => [[f.file, f.metric, f.runtime, f.test].join('\u0000'), f])).values()];
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
const unique = (words: readonly string[]) => [...new Set(words)];

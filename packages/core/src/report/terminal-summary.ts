import { describeEntry } from '../allowlist/allowlist-update.js';
import { formatBytes } from '../allocations/byte-size.js';
import { formatDuration } from '../load/duration.js';
import { clipShape } from '../message/clip-shape.js';
import { foldedNames } from '../message/fold-requests.js';
import { plural } from '../message/format-failure.js';
import type { BaselineFigure, PerfgateReport, TestReport } from './report-model.js';
import { isQueryBudget } from './check-verdicts.js';
import { countRange, foldedFindings, formatBaselineValue, formatSourceLine, heaviestScopes, needsBlock } from './summary-parts.js';

export interface TerminalSummaryOptions {
  /** How the user turns the update flag on, for the allowlist lines: `vitest -u`, `jest -u`. */
  readonly updateCommand?: string;
}

/** Right-aligned number columns under their headers. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function gateLines(report: PerfgateReport): string[] {
  const rows = report.gates.filter((g) => g.checked > 0).map((g) => [g.gate, String(g.checked), String(g.failed), g.gate === 'n-plus-one' ? String(g.allowlisted) : '–']);
  if (rows.length === 0) return ['  no perfgate check ran'];
  return table(['gate', 'checked', 'failed', 'allowlisted'], rows);
}

function testBlock(test: TestReport): string[] {
  const lines = [`${test.file} > ${test.name}${test.perfgate === 'pass' ? '' : ` — ${test.perfgate}`}`];
  for (const group of foldedFindings(test)) {
    lines.push(`  ${foldedNames(group.all.map((s) => s.name), group.first.kind, `${group.first.kind}s`)}`);
    group.findings.forEach((finding, i) => {
      lines.push(`    N+1 ${countRange(group, i)} ${clipShape(finding.shape)}`);
      lines.push(`        from ${formatSourceLine(finding.callSite)}`);
    });
  }
  for (const b of test.budgets.filter((b) => !b.pass && isQueryBudget(b))) {
    const counted = b.filter === undefined ? plural(b.actual, 'query', 'queries') : `${b.actual} ${b.filter}`;
    lines.push(`  ${b.negated ? '.not.' : ''}${b.matcher}(${b.expected}): ${counted}${b.name === undefined ? '' : ` in ${b.name}`}${b.callSite === undefined ? '' : `, most from ${formatSourceLine(b.callSite)}`}`);
  }
  for (const a of test.allocations.filter((a) => !a.pass)) {
    const limit = a.budgetBytes ?? a.baselineBytes;
    lines.push(`  allocations ${a.name}: ${formatBytes(a.bytesPerOp)} per call${limit === undefined ? '' : ` (${a.budgetBytes === undefined ? 'baseline' : 'budget'} ${formatBytes(limit)})`}`);
  }
  for (const b of test.bundles.filter((b) => !b.pass)) {
    lines.push(`  bundle ${b.name}: ${formatBytes(b.bytes)} ${b.compression}${b.budgetBytes === undefined ? '' : ` (budget ${formatBytes(b.budgetBytes)})`}`);
  }
  for (const l of test.loads.filter((l) => !l.pass)) {
    const limit = l.budgetP99Ms ?? l.baselineP99Ms;
    lines.push(`  latency ${l.name}: p99 ${formatDuration(l.p99Ms)}${limit === undefined ? '' : ` (${l.budgetP99Ms === undefined ? 'baseline' : 'budget'} ${formatDuration(limit)})`}`);
  }
  return lines;
}

const BASELINE_MARKS: Record<BaselineFigure['change'], string> = { new: '+', updated: '~', improved: '↓', regressed: '↑', missing: '!' };

function baselineLine(b: BaselineFigure): string {
  const was = b.baseline === undefined ? '' : `${formatBaselineValue(b, b.baseline)} → `;
  const what =
    b.change === 'improved'
      ? 'improved beyond the tolerance'
      : b.change === 'regressed'
        ? 'regressed beyond the tolerance'
        : b.change === 'missing'
          ? 'no baseline, not written under CI'
          : b.written
            ? 'written'
            : 'not written';
  return `  ${BASELINE_MARKS[b.change]} ${b.file} › ${b.test} (${b.runtime}): ${was}${formatBaselineValue(b, b.value)} — ${what}`;
}

/**
 * The run's summary as the terminal shows it, after the runner's own: one
 * table of the gates, the heaviest requests, one block per test perfgate
 * has something to say about (requests with the same findings folded), and
 * what the allowlists and baselines need. Printed in 'warn' mode too.
 */
export function formatTerminalSummary(report: PerfgateReport, options: TerminalSummaryOptions = {}): string {
  const files = new Set(report.tests.map((t) => t.file)).size;
  const scope = [report.runner, ...report.partial.map((reason) => `partial: ${reason}`), ...(report.shards ?? []).map((s) => `shard ${s.index}/${s.count}`)];
  const parts: string[][] = [[`perfgate summary: ${plural(report.tests.length, 'test', 'tests')} in ${plural(files, 'file', 'files')} (${scope.join('; ')})`, '', ...gateLines(report)]];
  const heavy = heaviestScopes(report.tests);
  if (heavy.length > 0) {
    const rows = heavy.map(({ scope: s, test }) => [plural(s.queryCount, 'query', 'queries'), s.name, `${test.file} > ${test.name}`]);
    const width = rows.map((r) => r.map((c) => c.length)).reduce((w, r) => w.map((x, i) => Math.max(x, r[i]!)), [0, 0, 0]);
    parts.push(['Heaviest requests:', ...rows.map((r) => `  ${r[0]!.padStart(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]}`)]);
  }
  for (const test of report.tests.filter(needsBlock)) parts.push(testBlock(test));
  for (const list of report.allowlists) {
    // Stale entries are looked for only over a whole CI or update run: a count of none elsewhere would claim a check that never ran.
    const counts = [`${list.matched.length} matched`, `${list.unlisted.length} new`, `${list.added.length} added`, ...(list.stale.length > 0 ? [`${list.stale.length} stale`] : [])];
    const lines = [`Allowlist ${list.path}: ${counts.join(', ')}`];
    if (list.unlisted.length > 0) lines.push(`  new (not in the allowlist; ${options.updateCommand ?? 'the update flag'} adds them):`, ...list.unlisted.map((e) => `    ? ${describeEntry(e)}`));
    if (list.stale.length > 0) lines.push('  stale (no N+1 needed them; remove them if the N+1 is fixed):', ...list.stale.map((e) => `    - ${describeEntry(e)}`));
    parts.push(lines);
  }
  if (report.baselines.length > 0) parts.push(['Baselines:', ...report.baselines.map(baselineLine)]);
  return parts.map((lines) => lines.join('\n')).join('\n\n');
}

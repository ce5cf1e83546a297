import { describeEntry } from '../allowlist/allowlist-update.js';
import { clipShape } from '../message/clip-shape.js';
import { foldedNames } from '../message/fold-requests.js';
import { plural } from '../message/format-failure.js';
import type { PerfgateReport } from './report-model.js';
import { isQueryBudget } from './check-verdicts.js';
import { countRange, foldedFindings, formatBaselineValue, formatSourceLine, heaviestScopes } from './summary-parts.js';

/** Text inside a markdown table cell: pipes escaped, one line. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
}

const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;

/**
 * The run's report as markdown for `$GITHUB_STEP_SUMMARY`: the gates
 * table, every N+1 the allowlist lacks (no cap: annotations stop at ten),
 * the heaviest requests, the allowlists and the baselines.
 */
export function formatStepSummary(report: PerfgateReport): string {
  const out: string[] = ['## perfgate', ''];
  const scope = [report.runner, ...report.partial.map((r) => `partial: ${r}`), ...(report.shards ?? []).map((s) => `shard ${s.index}/${s.count}`)];
  out.push(`${plural(report.tests.length, 'test', 'tests')} (${scope.join('; ')})`, '');
  out.push('| Gate | Checked | Failed | Allowlisted |', '| --- | ---: | ---: | ---: |');
  for (const g of report.gates) out.push(row([g.gate, String(g.checked), String(g.failed), g.gate === 'n-plus-one' ? String(g.allowlisted) : '–']));
  const findings = report.tests.flatMap((test) =>
    foldedFindings(test).flatMap((group) =>
      group.findings.map((f, i) => row([`${test.file} > ${test.name}`, foldedNames(group.all.map((s) => s.name)), `${countRange(group, i)} ${clipShape(f.shape)}`, formatSourceLine(f.callSite)])),
    ),
  );
  const budgets = report.tests.flatMap((test) => test.budgets.filter((b) => !b.pass && isQueryBudget(b)).map((b) => row([`${test.file} > ${test.name}`, `${b.negated ? '.not.' : ''}${b.matcher}(${b.expected})`, String(b.actual), formatSourceLine(b.callSite)])));
  if (findings.length > 0) out.push('', '### N+1 loops not in the allowlist', '', '| Test | Requests | Statement | Loop |', '| --- | --- | --- | --- |', ...findings);
  if (budgets.length > 0) out.push('', '### Over the query budget', '', '| Test | Budget | Queries | Most from |', '| --- | --- | ---: | --- |', ...budgets);
  const heavy = heaviestScopes(report.tests);
  if (heavy.length > 0) out.push('', '### Heaviest requests', '', '| Queries | Request | Test |', '| ---: | --- | --- |', ...heavy.map(({ scope, test }) => row([String(scope.queryCount), scope.name, `${test.file} > ${test.name}`])));
  for (const list of report.allowlists) {
    out.push('', `### Allowlist ${code(list.path)}`, '', `${list.matched.length} matched, ${list.unlisted.length} new, ${list.added.length} added${list.stale.length > 0 ? `, ${list.stale.length} stale` : ''}`);
    if (list.unlisted.length > 0) out.push('', 'New (not in the allowlist):', '', ...list.unlisted.map((e) => `- ${code(describeEntry(e))}`));
    if (list.stale.length > 0) out.push('', 'Stale (no N+1 needed them):', '', ...list.stale.map((e) => `- ${code(describeEntry(e))}`));
  }
  if (report.baselines.length > 0) {
    out.push('', '### Baselines', '', '| File | Test | Runtime | Change | Value | Baseline | Written |', '| --- | --- | --- | --- | ---: | ---: | --- |');
    for (const b of report.baselines) out.push(row([b.file, b.test, b.runtime, b.change, formatBaselineValue(b, b.value), b.baseline === undefined ? '' : formatBaselineValue(b, b.baseline), b.written ? 'yes' : 'no']));
  }
  return `${out.join('\n')}\n`;
}

import type { ScopeFigure } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { findingsHtml } from './findings.js';
import { formatCount, formatMs } from './format-figures.js';
import type { RowBudget } from './row-limits.js';
import { waterfallHtml } from './waterfall.js';

/**
 * The request's trace-id, where a log line or a trace viewer finds it. Issue
 * #15's `traceUrl` becomes a link here, and only here.
 */
export function traceHtml(scope: Pick<ScopeFigure, 'traceId' | 'spanId'>): string {
  const span = scope.spanId === undefined ? '' : ` <span class="muted">span ${escapeHtml(scope.spanId)}</span>`;
  return `<span class="trace">trace-id <code>${escapeHtml(scope.traceId)}</code>${span}</span>`;
}

export function hasOpenFinding(scope: ScopeFigure): boolean {
  return scope.findings.some((f) => !f.allowlisted);
}

function findingBadges(scope: ScopeFigure): string {
  const groups = scope.findings.filter((f) => f.type === 'n-plus-one' && !f.allowlisted).length;
  const duplicates = scope.findings.filter((f) => f.type === 'duplicate' && !f.allowlisted).length;
  const debt = scope.findings.filter((f) => f.allowlisted).length;
  return [
    groups > 0 ? `<span class="badge n-plus-one">${formatCount(groups)} N+1</span>` : '',
    duplicates > 0 ? `<span class="badge duplicate">${formatCount(duplicates)} duplicate</span>` : '',
    debt > 0 ? `<span class="badge allowlisted">${formatCount(debt)} allowlisted</span>` : '',
  ].join('');
}

/** One request (or function scope): its headline, its N+1 groups, then the waterfall of its queries. */
export function scopeHtml(scope: ScopeFigure, budget: RowBudget): string {
  const duration = scope.durationMs === undefined ? '' : ` · ${escapeHtml(formatMs(scope.durationMs))}`;
  const judged = scope.judgedBy === undefined ? '' : ` · judged by <code>${escapeHtml(scope.judgedBy)}</code>`;
  return (
    `<details class="scope"${hasOpenFinding(scope) ? ' open' : ''}><summary>` +
    `<span class="kind">${escapeHtml(scope.kind)}</span> <strong>${escapeHtml(scope.name)}</strong> · ${formatCount(scope.queryCount)} ${scope.queryCount === 1 ? 'query' : 'queries'}${duration} ${findingBadges(scope)} ${traceHtml(scope)}${judged}` +
    `</summary>${findingsHtml(scope.findings)}${waterfallHtml(scope, budget)}</details>`
  );
}

import type { AllowlistFigure, PerfgateReport } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { formatCount } from './format-figures.js';

function totals(report: PerfgateReport): string {
  const scopes = report.tests.flatMap((t) => t.scopes);
  const groups = scopes.flatMap((s) => s.findings).filter((f) => f.type === 'n-plus-one' && !f.allowlisted).length;
  const failed = report.tests.filter((t) => t.perfgate === 'fail').length;
  const outside = report.tests.reduce((sum, t) => sum + t.outsideScopes, 0);
  // [name, count, whether a count above 0 is bad news]
  const figures: [string, number, boolean][] = [
    ['tests', report.tests.length, false],
    ['failed by perfgate', failed, true],
    ['requests and scopes', scopes.length, false],
    ['queries', scopes.reduce((sum, s) => sum + s.queryCount, 0), false],
    ['N+1 groups', groups, true],
    ['queries outside scopes', outside, true],
  ];
  const items = figures.map(([name, n, bad]) => `<div${bad && n > 0 ? ' class="bad"' : ''}><dt>${escapeHtml(name)}</dt><dd>${formatCount(n)}</dd></div>`);
  return `<dl class="totals">${items.join('')}</dl>`;
}

function gatesHtml(report: PerfgateReport): string {
  if (report.gates.length === 0) return '';
  const rows = report.gates.map((g) => `<tr${g.failed > 0 ? ' class="bad"' : ''}><td>${escapeHtml(g.gate)}</td><td class="num">${formatCount(g.checked)}</td><td class="num">${formatCount(g.failed)}</td><td class="num">${formatCount(g.allowlisted)}</td></tr>`).join('');
  return `<table class="figures gates"><thead><tr><th>gate</th><th>checked</th><th>failed</th><th>allowlisted</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function allowlistHtml(list: AllowlistFigure): string {
  const counts = `${formatCount(list.matched.length)} matched, ${formatCount(list.unlisted.length)} unlisted, ${formatCount(list.added.length)} added, ${formatCount(list.stale.length)} stale`;
  return `<li>allowlist <code>${escapeHtml(list.path)}</code>: ${counts}</li>`;
}

/** Partial runs and unseen queries said up front: a gate never passes silently. */
function notesHtml(report: PerfgateReport): string {
  const notes = report.partial.map((why) => `<li class="warn-note">partial run: ${escapeHtml(why)}</li>`);
  const shards = report.shards ?? [];
  if (shards.length > 0) notes.push(`<li>shards ${shards.map((s) => `${formatCount(s.index)}/${formatCount(s.count)}`).join(', ')}</li>`);
  notes.push(...report.allowlists.map(allowlistHtml));
  return notes.length === 0 ? '' : `<ul class="notes">${notes.join('')}</ul>`;
}

/** The page's head: which run this is, its totals, the gates' verdicts. */
export function runSummaryHtml(report: PerfgateReport): string {
  const meta = `${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} · ${escapeHtml(report.runner)} · ${escapeHtml(report.startedAt)} → ${escapeHtml(report.finishedAt)}`;
  return `<header><h1>perfgate report</h1><p class="muted">${meta}<br><code>${escapeHtml(report.root)}</code></p>${totals(report)}${gatesHtml(report)}${notesHtml(report)}</header>`;
}

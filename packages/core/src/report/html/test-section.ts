import type { BudgetFigure, ScopeFigure, TestReport } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, omittedHtml, sourceLineHtml, verdictHtml } from './format-figures.js';
import { capRows, MAX_SCOPES, MAX_SCOPES_PER_TEST, MAX_TESTS, RowBudget } from './row-limits.js';
import { hasOpenFinding, scopeHtml } from './scope-section.js';

const VERDICT_ORDER: Readonly<Record<TestReport['perfgate'], number>> = { fail: 0, warn: 1, pass: 2 };

export function hasProblem(test: TestReport): boolean {
  return test.perfgate !== 'pass' || test.outsideScopes > 0 || test.scopes.some(hasOpenFinding);
}

/** Failed tests first, then warned, then ones with findings; the run's order within each. */
export function testsInPageOrder(tests: readonly TestReport[]): TestReport[] {
  const rank = (t: TestReport): number => (VERDICT_ORDER[t.perfgate] ?? 2) * 2 + (hasProblem(t) ? 0 : 1);
  return tests.map((test, i) => ({ test, i })).sort((a, b) => rank(a.test) - rank(b.test) || a.i - b.i).map(({ test }) => test);
}

/** At most `max` scopes, those with findings kept first, shown in the order they ran. */
function pickScopes(scopes: readonly ScopeFigure[], max: number): ScopeFigure[] {
  if (scopes.length <= max) return [...scopes];
  const kept = scopes.map((scope, i) => ({ scope, i })).sort((a, b) => Number(hasOpenFinding(b.scope)) - Number(hasOpenFinding(a.scope)) || a.i - b.i);
  return kept.slice(0, max).sort((a, b) => a.i - b.i).map(({ scope }) => scope);
}

function budgetsHtml(budgets: readonly BudgetFigure[]): string {
  if (budgets.length === 0) return '';
  const rows = budgets
    .map((b) => `<tr><td><code>${escapeHtml(`${b.negated === true ? '.not.' : ''}${b.matcher}`)}</code>${b.name === undefined ? '' : ` ${escapeHtml(b.name)}`}${b.filter === undefined ? '' : ` <span class="muted">${escapeHtml(b.filter)}</span>`}</td><td class="num">${formatCount(b.expected)}</td><td class="num">${formatCount(b.actual)}</td><td>${verdictHtml(b.pass)}</td><td>${sourceLineHtml(b.callSite)}</td><td>${b.traceId === undefined ? '' : `<code>${escapeHtml(b.traceId)}</code>`}</td></tr>`)
    .join('');
  return `<table class="figures"><thead><tr><th>query budget</th><th>expected</th><th>actual</th><th></th><th>call site</th><th>trace-id</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The words the page's filter box matches: name, file and every trace-id, so a trace-id from a log finds its test. */
function searchText(test: TestReport): string {
  return [test.name, test.file, ...test.scopes.map((s) => s.traceId)].join(' ').toLowerCase();
}

function testHtml(test: TestReport, rows: RowBudget, scopeBudget: RowBudget): string {
  const problem = hasProblem(test);
  const scopes = pickScopes(test.scopes, scopeBudget.take(Math.min(test.scopes.length, MAX_SCOPES_PER_TEST)));
  const outside = test.outsideScopes > 0 ? `<p class="warn-note">${formatCount(test.outsideScopes)} ${test.outsideScopes === 1 ? 'query' : 'queries'} ran outside every scope while this test's scopes were open: perfgate could not judge them.</p>` : '';
  const nothing = test.scopes.length === 0 && test.budgets.length === 0 ? '<p class="muted">perfgate saw no requests in this test.</p>' : '';
  return (
    `<details class="test ${escapeHtml(test.perfgate)}${problem ? ' has-problem' : ''}" data-search="${escapeHtml(searchText(test))}"${problem ? ' open' : ''}>` +
    `<summary><span class="badge ${escapeHtml(test.perfgate)}">${escapeHtml(test.perfgate)}</span> <strong>${escapeHtml(test.name)}</strong> <span class="muted">${escapeHtml(test.file)} · ${formatCount(test.scopes.length)} ${test.scopes.length === 1 ? 'scope' : 'scopes'}</span></summary>` +
    `${outside}${budgetsHtml(test.budgets)}${scopes.map((s) => scopeHtml(s, rows)).join('')}${omittedHtml(test.scopes.length - scopes.length, 'requests')}${nothing}</details>`
  );
}

/** Tests → requests → waterfalls, problems first, bounded: `rows` is the page's allowance of waterfall rows. */
export function testsSectionHtml(tests: readonly TestReport[], rows: RowBudget): string {
  if (tests.length === 0) return '<section id="tests"><h2>Tests</h2><p class="muted">This run reported no tests.</p></section>';
  const { shown, omitted } = capRows(testsInPageOrder(tests), MAX_TESTS);
  const scopeBudget = new RowBudget(MAX_SCOPES);
  return `<section id="tests"><h2>Tests</h2>${shown.map((t) => testHtml(t, rows, scopeBudget)).join('')}${omittedHtml(omitted, 'tests')}</section>`;
}

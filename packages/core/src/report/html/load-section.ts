import type { LoadFigure, TestReport } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatMs, verdictHtml } from './format-figures.js';
import { figureSectionHtml, measuredIn, optionalCell, testCell, type Measured } from './figure-table.js';

function row({ test, figure }: Measured<LoadFigure>): string {
  return (
    `<tr>${testCell(test)}<td><code>${escapeHtml(figure.name)}</code></td><td class="num">${formatCount(figure.requests)}</td>` +
    `<td class="num">${escapeHtml(formatMs(figure.p50Ms))}</td><td class="num">${escapeHtml(formatMs(figure.p99Ms))}</td>` +
    `${optionalCell(figure.budgetP99Ms, formatMs)}${optionalCell(figure.baselineP99Ms, formatMs)}` +
    `${optionalCell(figure.queriesPerRequest, formatCount)}<td>${verdictHtml(figure.pass)}</td></tr>`
  );
}

/** Latency percentiles under load against budget and baseline, and the queries each request issued. */
export function loadSectionHtml(tests: readonly TestReport[]): string {
  return figureSectionHtml('load', 'Load', ['test', 'target', 'requests', 'p50', 'p99', 'p99 budget', 'p99 baseline', 'queries / request', ''], measuredIn(tests, (t) => t.loads), row);
}

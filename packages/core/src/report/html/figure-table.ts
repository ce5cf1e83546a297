import type { TestReport } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { omittedHtml } from './format-figures.js';
import { capRows, MAX_FIGURE_ROWS } from './row-limits.js';

/** One figure with the test that measured it. */
export interface Measured<F> {
  readonly test: TestReport;
  readonly figure: F;
}

export function measuredIn<F>(tests: readonly TestReport[], pick: (test: TestReport) => readonly F[]): Measured<F>[] {
  return tests.flatMap((test) => pick(test).map((figure) => ({ test, figure })));
}

/**
 * A figures section (allocations, bundles, load): a heading, a table of at
 * most MAX_FIGURE_ROWS rows, failures first, and a note of what it left out.
 * Rows are markup already; the caller escapes what it puts in them.
 */
export function figureSectionHtml<F extends { readonly pass: boolean }>(id: string, title: string, head: readonly string[], rows: readonly Measured<F>[], row: (m: Measured<F>) => string): string {
  if (rows.length === 0) return '';
  const ordered = [...rows].sort((a, b) => Number(a.figure.pass) - Number(b.figure.pass));
  const { shown, omitted } = capRows(ordered, MAX_FIGURE_ROWS);
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2><table class="figures"><thead><tr>${th}</tr></thead><tbody>${shown.map(row).join('')}</tbody></table>${omittedHtml(omitted, 'rows')}</section>`;
}

/** A cell naming the test a figure came from. */
export function testCell(test: TestReport): string {
  return `<td class="test-name" title="${escapeHtml(test.file)}">${escapeHtml(test.name)}</td>`;
}

/** A number cell, or an empty one when the figure has no such value. */
export function optionalCell(value: number | undefined, format: (n: number) => string): string {
  return `<td class="num">${value === undefined ? '' : escapeHtml(format(value))}</td>`;
}

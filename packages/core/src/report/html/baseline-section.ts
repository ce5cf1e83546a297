import { formatBytes } from '../../allocations/byte-size.js';
import type { BaselineFigure } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { formatMs, omittedHtml } from './format-figures.js';
import { capRows, MAX_FIGURE_ROWS } from './row-limits.js';

/** Changes that failed their test, drawn first. */
const FAILED: ReadonlySet<BaselineFigure['change']> = new Set(['missing', 'regressed']);

function valueText(figure: BaselineFigure, value: number | undefined): string {
  if (value === undefined) return '';
  return figure.metric === 'allocation' ? formatBytes(value) : formatMs(value);
}

function row(figure: BaselineFigure): string {
  const bad = FAILED.has(figure.change) ? ' class="bad"' : '';
  return (
    `<tr${bad}><td>${escapeHtml(figure.test)}</td><td><code>${escapeHtml(figure.file)}</code></td><td>${escapeHtml(figure.metric)}</td><td>${escapeHtml(figure.runtime)}</td>` +
    `<td class="num">${escapeHtml(valueText(figure, figure.value))}</td><td class="num">${escapeHtml(valueText(figure, figure.baseline))}</td>` +
    `<td>${escapeHtml(figure.change)}</td><td>${figure.written ? 'written' : 'not written'}</td></tr>`
  );
}

/** The baseline figures this run added, changed, found improved, missing or regressed. */
export function baselineSectionHtml(baselines: readonly BaselineFigure[]): string {
  if (baselines.length === 0) return '';
  const ordered = [...baselines].sort((a, b) => Number(FAILED.has(b.change)) - Number(FAILED.has(a.change)));
  const { shown, omitted } = capRows(ordered, MAX_FIGURE_ROWS);
  const head = ['test', 'file', 'metric', 'runtime', 'measured', 'baseline', 'change', ''].map((h) => `<th>${h}</th>`).join('');
  return `<section id="baselines"><h2>Baselines</h2><table class="figures"><thead><tr>${head}</tr></thead><tbody>${shown.map(row).join('')}</tbody></table>${omittedHtml(omitted, 'baseline figures')}</section>`;
}

import { formatBytes } from '../../allocations/byte-size.js';
import type { BundleFigure, TestReport } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, omittedHtml, verdictHtml } from './format-figures.js';
import { figureSectionHtml, measuredIn, optionalCell, testCell, type Measured } from './figure-table.js';
import { capRows, MAX_BUNDLE_MODULES } from './row-limits.js';

/** The bundle's largest modules, each with a bar of its share of the bundle; open when the bundle is over budget. */
function modulesHtml(figure: BundleFigure): string {
  if (figure.modules === undefined || figure.modules.length === 0) return '';
  const total = figure.modules.reduce((sum, m) => sum + Math.max(0, m.bytes), 0) || 1;
  const { shown, omitted } = capRows([...figure.modules].sort((a, b) => b.bytes - a.bytes), MAX_BUNDLE_MODULES);
  const items = shown
    .map((m) => `<li><span class="share"><span style="width:${Number(((Math.max(0, m.bytes) / total) * 100).toFixed(2))}%"></span></span><span class="num">${escapeHtml(formatBytes(m.bytes))}</span> <code>${escapeHtml(m.path)}</code></li>`)
    .join('');
  return `<details class="modules"${figure.pass ? '' : ' open'}><summary>${formatCount(figure.modules.length)} modules</summary><ol>${items}</ol>${omittedHtml(omitted, 'modules')}</details>`;
}

function row({ test, figure }: Measured<BundleFigure>): string {
  return (
    `<tr>${testCell(test)}<td><code>${escapeHtml(figure.name)}</code>${modulesHtml(figure)}</td><td class="num">${escapeHtml(formatBytes(figure.bytes))}</td>` +
    `<td>${escapeHtml(figure.compression)}</td>${optionalCell(figure.budgetBytes, formatBytes)}<td>${verdictHtml(figure.pass)}</td></tr>`
  );
}

/** Bundle sizes against their budgets, with the modules that make them up. */
export function bundleSectionHtml(tests: readonly TestReport[]): string {
  return figureSectionHtml('bundles', 'Bundles', ['test', 'bundle', 'size', 'compression', 'budget', ''], measuredIn(tests, (t) => t.bundles), row);
}

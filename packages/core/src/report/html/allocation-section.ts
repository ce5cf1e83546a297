import { formatBytes } from '../../allocations/byte-size.js';
import type { AllocationFigure, TestReport } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { omittedHtml, sourceLineHtml, verdictHtml } from './format-figures.js';
import { figureSectionHtml, measuredIn, optionalCell, testCell, type Measured } from './figure-table.js';
import { capRows, MAX_TOP_ALLOCATORS } from './row-limits.js';

/** The functions that allocated most; open when the figure failed, since they are what to change. */
function topAllocatorsHtml(figure: AllocationFigure): string {
  if (figure.topAllocators === undefined || figure.topAllocators.length === 0) return '';
  const { shown, omitted } = capRows([...figure.topAllocators].sort((a, b) => b.bytes - a.bytes), MAX_TOP_ALLOCATORS);
  const items = shown.map((a) => `<li><span class="num">${escapeHtml(formatBytes(a.bytes))}</span> <code>${escapeHtml(a.name)}</code> ${a.site === undefined ? '' : sourceLineHtml(a.site)}</li>`).join('');
  return `<details class="allocators"${figure.pass ? '' : ' open'}><summary>top allocators</summary><ol>${items}</ol>${omittedHtml(omitted, 'allocators')}</details>`;
}

function row({ test, figure }: Measured<AllocationFigure>): string {
  return (
    `<tr>${testCell(test)}<td><code>${escapeHtml(figure.name)}</code>${topAllocatorsHtml(figure)}</td><td class="num">${escapeHtml(formatBytes(figure.bytesPerOp))}</td>` +
    `${optionalCell(figure.budgetBytes, formatBytes)}${optionalCell(figure.baselineBytes, formatBytes)}<td>${verdictHtml(figure.pass)}</td></tr>`
  );
}

/** Bytes per operation against budget and baseline, each with the functions that allocated most. */
export function allocationSectionHtml(tests: readonly TestReport[]): string {
  return figureSectionHtml('allocations', 'Allocations', ['test', 'measured', 'per op', 'budget', 'baseline', ''], measuredIn(tests, (t) => t.allocations), row);
}

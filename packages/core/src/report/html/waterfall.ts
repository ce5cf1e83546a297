import { clipShape } from '../../message/clip-shape.js';
import type { ScopeFigure } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatMs, omittedHtml, sourceLineText } from './format-figures.js';
import { MAX_QUERIES_PER_WATERFALL, type RowBudget } from './row-limits.js';
import { waterfallGeometry, type WaterfallBar } from './waterfall-geometry.js';

/** Characters of a shape in a waterfall row's label; the row's tooltip holds the whole shape. */
const LABEL_SHAPE_WIDTH = 90;

const GROUP_TITLE: Readonly<Record<WaterfallBar['group'], string>> = {
  'n-plus-one': 'N+1 group',
  duplicate: 'duplicate',
  allowlisted: 'allowlisted (known debt)',
  plain: '',
};

/** Percentages to 3 decimals: stable text, no `1e-7%`. */
function pct(n: number): string {
  return `${Number(n.toFixed(3))}%`;
}

function rowHtml(bar: WaterfallBar, index: number): string {
  const { query } = bar;
  const site = query.callSite === undefined ? '' : `<span class="site">${escapeHtml(sourceLineText(query.callSite))}</span>`;
  const time = query.durationMs === undefined ? 'time unknown' : formatMs(query.durationMs);
  const title = [GROUP_TITLE[bar.group], query.label, `at ${formatMs(query.startMs)}, ${time}`, query.shape].filter((t) => t !== undefined && t !== '').join('\n');
  const failed = query.failed === true ? ' failed' : '';
  return (
    `<div class="wf-row ${bar.group}${failed}" title="${escapeHtml(title)}">` +
    `<span class="wf-label"><span class="wf-i">${index + 1}</span><code>${escapeHtml(clipShape(query.shape, LABEL_SHAPE_WIDTH))}</code>${site}</span>` +
    `<span class="wf-track"><span class="bar ${bar.group}${failed}" style="left:${pct(bar.left)};width:${pct(bar.width)}"></span></span>` +
    `<span class="wf-ms">${escapeHtml(time)}${query.failed === true ? ' · failed' : ''}</span></div>`
  );
}

/**
 * A request's queries as bars on a time axis from its start, N+1 groups in
 * the highlight colour. Draws at most MAX_QUERIES_PER_WATERFALL rows, and
 * none once the page's row budget is spent.
 */
export function waterfallHtml(scope: ScopeFigure, budget: RowBudget): string {
  if (scope.queries.length === 0) return scope.queryCount === 0 ? '<p class="muted">No queries.</p>' : omittedHtml(scope.queryCount, 'queries (none recorded)');
  const drawn = budget.take(Math.min(scope.queries.length, MAX_QUERIES_PER_WATERFALL));
  if (drawn === 0) return `<p class="omitted">Waterfall left out: the page already draws its most rows (report.json has every recorded query).</p>`;
  const geometry = waterfallGeometry(scope, scope.queries.slice(0, drawn));
  const ticks = geometry.ticks.map((t) => `<span class="tick" style="left:${pct(t.left)}">${escapeHtml(formatMs(t.ms))}</span>`).join('');
  const rows = geometry.bars.map(rowHtml).join('');
  const notRecorded = scope.queriesOmitted > 0 ? `<p class="omitted">… ${formatCount(scope.queriesOmitted)} more queries ran past the record limit (counted, not recorded)</p>` : '';
  return (
    `<div class="wf" aria-label="${escapeHtml(`queries of ${scope.name} on a time axis`)}">` +
    `<div class="wf-row wf-axis"><span class="wf-label">${formatCount(scope.queryCount)} queries over ${escapeHtml(formatMs(geometry.extentMs))}</span><span class="wf-track">${ticks}</span><span class="wf-ms"></span></div>` +
    `${rows}</div>${omittedHtml(scope.queries.length - drawn, 'recorded queries')}${notRecorded}`
  );
}

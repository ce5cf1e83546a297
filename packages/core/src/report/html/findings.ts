import { clipShape } from '../../message/clip-shape.js';
import type { FindingFigure } from '../report-model.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, omittedHtml, sourceLineHtml } from './format-figures.js';
import { capRows, MAX_FINDINGS_PER_SCOPE } from './row-limits.js';

/** A shape in a finding wraps over lines, so it keeps far more than a terminal line; IN lists are collapsed already. */
const FINDING_SHAPE_WIDTH = 600;

function findingHtml(finding: FindingFigure): string {
  const kind = finding.type === 'n-plus-one' ? 'N+1' : 'duplicate';
  const debt = finding.allowlisted ? ' <span class="badge allowlisted">allowlisted</span>' : '';
  const via = (finding.via ?? []).map((site) => `<div class="finding-line"><span class="key">via</span> ${sourceLineHtml(site)}</div>`).join('');
  const details = [
    finding.distinctParameters === undefined ? '' : `<div class="finding-line">${formatCount(finding.distinctParameters)} different parameter sets</div>`,
    finding.pastRecordLimit === undefined ? '' : `<div class="finding-line">${formatCount(finding.pastRecordLimit)} runs past the record limit (maxQueriesPerScope): counted, without parameters or call site</div>`,
    finding.label === undefined ? '' : `<div class="finding-line"><span class="key">by</span> <code>${escapeHtml(finding.label)}</code></div>`,
  ].join('');
  const before = finding.before === undefined ? '' : `<div class="finding-line"><span class="key">after</span> 1 × <code>${escapeHtml(clipShape(finding.before, FINDING_SHAPE_WIDTH))}</code></div>`;
  const fix = finding.fixHint === undefined ? '' : `<div class="finding-line fix"><span class="key">fix</span> ${escapeHtml(finding.fixHint)}</div>`;
  return (
    `<li class="finding ${finding.allowlisted ? 'allowlisted' : finding.type}">` +
    `<div class="finding-head"><span class="badge ${finding.type}">${kind}</span>${debt} <strong>${formatCount(finding.count)} ×</strong> <code class="shape">${escapeHtml(clipShape(finding.shape, FINDING_SHAPE_WIDTH))}</code></div>` +
    `${details}<div class="finding-line"><span class="key">from</span> ${sourceLineHtml(finding.callSite)}</div>${via}${before}${fix}</li>`
  );
}

/** A scope's N+1 groups and duplicates: what repeated, how often, the user's line that looped, and how to batch it. */
export function findingsHtml(findings: readonly FindingFigure[]): string {
  if (findings.length === 0) return '';
  const { shown, omitted } = capRows(findings, MAX_FINDINGS_PER_SCOPE);
  return `<ul class="findings">${shown.map(findingHtml).join('')}</ul>${omittedHtml(omitted, 'findings')}`;
}

import type { PerfgateReport } from '../report-model.js';
import { allocationSectionHtml } from './allocation-section.js';
import { baselineSectionHtml } from './baseline-section.js';
import { bundleSectionHtml } from './bundle-section.js';
import { escapeHtml } from './escape-html.js';
import { loadSectionHtml } from './load-section.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { MAX_WATERFALL_ROWS, RowBudget } from './row-limits.js';
import { runSummaryHtml } from './run-summary.js';
import { testsSectionHtml } from './test-section.js';

/** The page may load nothing: no script, style, image, font or frame from anywhere, only what it holds. */
const CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

const LEGEND =
  '<div class="legend"><span><span class="bar n-plus-one"></span>N+1 group</span><span><span class="bar duplicate"></span>duplicate</span>' +
  '<span><span class="bar allowlisted"></span>allowlisted</span><span><span class="bar"></span>query</span><span><span class="bar failed"></span>failed</span></div>';

function navHtml(sections: readonly { readonly id: string; readonly title: string }[]): string {
  const links = sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join(' ');
  return (
    `<nav>${links}<input id="pg-filter" type="search" placeholder="filter by test, file or trace-id" aria-label="filter tests">` +
    '<label><input id="pg-only-problems" type="checkbox"> only problems</label>' +
    '<button id="pg-expand" type="button">expand all</button><button id="pg-collapse" type="button">collapse all</button>' +
    `<span id="pg-count" class="muted"></span>${LEGEND}</nav>`
  );
}

/**
 * The run's report as one self-contained HTML page: tests → requests → a
 * waterfall of their queries, N+1 groups highlighted with their call sites
 * and fix hints, then allocations, bundles, load and baselines. A pure function of the
 * report; every text from the run is escaped, and the page fetches nothing.
 */
export function renderHtml(report: PerfgateReport): string {
  const budget = new RowBudget(MAX_WATERFALL_ROWS);
  const figures = [
    { id: 'allocations', title: 'Allocations', html: allocationSectionHtml(report.tests) },
    { id: 'bundles', title: 'Bundles', html: bundleSectionHtml(report.tests) },
    { id: 'load', title: 'Load', html: loadSectionHtml(report.tests) },
    { id: 'baselines', title: 'Baselines', html: baselineSectionHtml(report.baselines) },
  ].filter((s) => s.html !== '');
  const sections = [{ id: 'tests', title: 'Tests', html: testsSectionHtml(report.tests, budget) }, ...figures];
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>perfgate report</title>' +
    `<style>${PAGE_STYLE}</style></head><body>${runSummaryHtml(report)}${navHtml(sections)}` +
    `<main>${sections.map((s) => s.html).join('')}</main>` +
    `<footer>Written by ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} from report.json (report version ${escapeHtml(report.version)}).</footer>` +
    `<script>${PAGE_SCRIPT}</script></body></html>\n`
  );
}

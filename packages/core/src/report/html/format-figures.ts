import type { SourceLine } from '../report-model.js';
import { escapeHtml } from './escape-html.js';

// Made once: `toLocaleString` builds a formatter per call, which was most of
// the time a page of a large suite took to render. Index: fraction digits.
const UP_TO_DIGITS = [0, 1, 2].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));

/** `12 ms`, `3.4 ms`, `0.25 ms`: enough digits to tell short queries apart. */
export function formatMs(ms: number): string {
  const digits = Math.abs(ms) >= 100 ? 0 : Math.abs(ms) >= 1 ? 1 : 2;
  return `${UP_TO_DIGITS[digits]!.format(ms)} ms`;
}

/** `6,600`; a fraction (queries per request) to two digits. */
export function formatCount(n: number): string {
  return UP_TO_DIGITS[2]!.format(n);
}

/** `src/tags.service.ts:42:7`, the form editors and terminals open. */
export function sourceLineText(site: SourceLine): string {
  return `${site.file}:${site.line}${site.column === undefined ? '' : `:${site.column}`}`;
}

/** A call site as markup: file:line, then the enclosing function when known. */
export function sourceLineHtml(site: SourceLine | undefined): string {
  if (site === undefined) return '<span class="muted">call site unknown</span>';
  const fn = site.function === undefined ? '' : ` <span class="fn">(${escapeHtml(site.function)})</span>`;
  return `<code class="site">${escapeHtml(sourceLineText(site))}</code>${fn}`;
}

/** `… 12 more requests not shown (report.json has them)`, or nothing. */
export function omittedHtml(omitted: number, what: string): string {
  if (omitted <= 0) return '';
  return `<p class="omitted">… ${formatCount(omitted)} more ${escapeHtml(what)} not shown (report.json has them)</p>`;
}

export function verdictHtml(pass: boolean): string {
  return pass ? '<span class="badge pass">pass</span>' : '<span class="badge fail">fail</span>';
}

import { describe, expect, it } from 'vitest';
import { HOSTILE, hostileReport } from '../../../test/hostile-report-fixture.js';
import { SEEDED, largeReport, seededReport } from '../../../test/report-fixtures.js';
import { escapeHtml } from './escape-html.js';
import { renderHtml } from './render-html.js';
import { MAX_SCOPES, MAX_TESTS, MAX_WATERFALL_ROWS } from './row-limits.js';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('renderHtml', () => {
  it("shows the seeded N+1's shape, its line, its fix and the trace-id of its request", () => {
    const html = renderHtml(seededReport());
    expect(html).toContain(`<code class="shape">${escapeHtml(SEEDED.shape)}</code>`);
    expect(html).toContain(`<code class="site">${SEEDED.callSite.file}:${SEEDED.callSite.line}:${SEEDED.callSite.column}</code> <span class="fn">(${SEEDED.callSite.function})</span>`);
    expect(html).toContain(escapeHtml(SEEDED.fixHint));
    expect(html).toContain(`trace-id <code>${SEEDED.traceId}</code>`);
    expect(count(html, /<span class="bar n-plus-one" style=/g)).toBe(SEEDED.count);
  });

  it('gives every request its trace-id', () => {
    const report = seededReport();
    const html = renderHtml(report);
    for (const scope of report.tests.flatMap((t) => t.scopes)) expect(html).toContain(`trace-id <code>${escapeHtml(scope.traceId)}</code>`);
  });

  it('shows top allocators, bundle modules and load percentiles', () => {
    const html = renderHtml(seededReport());
    expect(html).toContain('<code>JSON.stringify</code> <code class="site">src/render.ts:8</code>');
    expect(html).toContain('<code>node_modules/preact/dist/preact.mjs</code>');
    expect(html).toMatch(/<td class="num">3\.1 ms<\/td><td class="num">11\.7 ms<\/td>/);
  });

  it('puts a failed test first and opens it', () => {
    const html = renderHtml(seededReport());
    const failed = html.indexOf('<details class="test fail has-problem"');
    expect(failed).toBeGreaterThan(-1);
    expect(failed).toBeLessThan(html.indexOf('<details class="test pass'));
    expect(html.slice(failed, html.indexOf('>', failed))).toContain(' open');
  });

  it('is one file: its style and script inline, nothing to fetch, and a policy that forbids fetching', () => {
    const html = renderHtml(seededReport());
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/\ssrc=|<link|@import|url\(|href="(?!#)/i);
    expect(count(html, /<script>/g)).toBe(1);
    expect(count(html, /<style>/g)).toBe(1);
  });

  it("prints the user's markup as text", () => {
    const html = renderHtml(hostileReport());
    expect(html).not.toMatch(/<(img|iframe|svg)\b|<a href="http/);
    expect(count(html, /<script/g)).toBe(1);
    expect(html).toContain(escapeHtml(HOSTILE.testName));
    expect(html).toContain(escapeHtml(HOSTILE.fixHint));
  });

  it('draws a suite far larger than a page can hold within its limits, and says what it left out', () => {
    const html = renderHtml(largeReport(MAX_TESTS + 50, 30, 10));
    expect(count(html, /<details class="test /g)).toBe(MAX_TESTS);
    expect(count(html, /<details class="scope"/g)).toBe(MAX_SCOPES);
    expect(count(html, /<div class="wf-row (?!wf-axis)/g)).toBe(MAX_WATERFALL_ROWS);
    expect(html).toContain('… 50 more tests not shown (report.json has them)');
    expect(html).toContain('… 5 more requests not shown (report.json has them)');
    expect(html).toContain('… 30 more requests not shown (report.json has them)');
    expect(html).toContain('Waterfall left out: the page already draws its most rows');
  });

  it('says when a run reported no tests', () => {
    expect(renderHtml({ ...seededReport(), tests: [], gates: [] })).toContain('<p class="muted">This run reported no tests.</p>');
  });
});

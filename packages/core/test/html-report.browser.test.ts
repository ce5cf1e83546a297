import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/report/html/render-html.js';
import type { PerfgateReport } from '../src/report/report-model.js';
import { HOSTILE, hostileReport } from './hostile-report-fixture.js';
import { RUN_ITEMS_SHAPE, RUN_TRACE_ID, RUN_VALUE_PREFIX, runWithHtmlReport } from './html-report-run.js';
import { SEEDED, seededReport } from './report-fixtures.js';

// Debian's chromium: .ci/run installs it. Missing, this suite fails: a
// report that was never opened in a browser is not a checked report.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** Artifacts for a person to look at (gitignored); docs/images/report-html.png is a copy of report.png. */
const RESULTS = join(import.meta.dirname, '..', 'test-results');

let launched: Promise<Browser> | undefined;

/** Launched by the first test that needs it, so a missing browser fails every test rather than skipping them. */
function browser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.`);
  launched ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return launched;
}

afterAll(async () => {
  await (await launched)?.close();
});

interface OpenedReport {
  readonly page: Page;
  /** Every URL the page asked for, the report's own file included. */
  readonly requests: string[];
  readonly errors: string[];
  readonly url: string;
}

/**
 * Writes the report's page to a file and opens it as a user does, with the
 * page's Content-Security-Policy bypassed: what is checked is that the page
 * references nothing outside itself, not that the policy blocks it. Any
 * request past the file is aborted, never sent.
 */
async function openReport(report: PerfgateReport | string, name: string): Promise<OpenedReport> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.html`);
  writeFileSync(file, typeof report === 'string' ? report : renderHtml(report));
  const url = pathToFileURL(file).href;
  const context = await (await browser()).newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  // A wait that never ends is a failure: say so in seconds, not at the test's timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors, url };
}

describe('report.html in Chromium', () => {
  it('shows the seeded N+1 with its shape, its line and the trace-id, fetching nothing', async () => {
    const { page, requests, errors, url } = await openReport(seededReport(), 'report');
    const failing = page.locator('details.test.fail');
    expect(await failing.count()).toBe(1);
    const finding = failing.locator('li.finding.n-plus-one');
    expect(await finding.isVisible()).toBe(true);
    expect(await finding.locator('code.shape').textContent()).toBe(SEEDED.shape);
    expect(await finding.locator('code.site').first().textContent()).toBe(`${SEEDED.callSite.file}:${SEEDED.callSite.line}:${SEEDED.callSite.column}`);
    expect(await finding.locator('.fix').textContent()).toContain(SEEDED.fixHint);
    expect(await failing.locator('.trace code', { hasText: SEEDED.traceId }).isVisible()).toBe(true);

    // The loop's bars are drawn highlighted, one per query, each later than the one before.
    const bars = failing.locator('.wf-track .bar.n-plus-one');
    expect(await bars.count()).toBe(SEEDED.count);
    const lefts = await bars.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
    expect(lefts.every((left, i) => i === 0 || left > lefts[i - 1]!)).toBe(true);

    await page.screenshot({ path: join(RESULTS, 'report.png'), fullPage: true });
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the page a run writes, with its N+1 at the loop line and its trace-id, and no parameter value', async () => {
    const run = await runWithHtmlReport();
    expect(run.errors).toEqual([]);
    expect(run.html).toBeDefined();
    expect(run.html).not.toContain(RUN_VALUE_PREFIX);
    const { page, requests, errors, url } = await openReport(run.html!, 'report-run');
    const finding = page.locator('details.test.fail li.finding.n-plus-one');
    expect(await finding.locator('code.shape').textContent()).toBe(RUN_ITEMS_SHAPE);
    expect(await finding.locator('code.site').first().textContent()).toBe(`${run.loop.file}:${run.loop.line}:${run.loop.column}`);
    expect(await page.locator('details.test.fail .trace code', { hasText: RUN_TRACE_ID }).isVisible()).toBe(true);
    expect(await page.locator('details.test.fail .wf-track .bar.n-plus-one').count()).toBe(5);
    await page.screenshot({ path: join(RESULTS, 'report-run.png'), fullPage: true });
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("finds a test by a request's trace-id with the page's own script", async () => {
    const { page, errors } = await openReport(seededReport(), 'report-filter');
    await page.fill('#pg-filter', SEEDED.traceId);
    const shown = await page.locator('details.test:not([hidden]) > summary strong').allTextContents();
    expect(shown).toEqual(['articles > POST /articles tags the article']);
    expect(await page.locator('#pg-count').textContent()).toBe('1 of 2 tests shown');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the user's markup as text: nothing runs, nothing is fetched", async () => {
    const { page, requests, errors, url } = await openReport(hostileReport(), 'report-hostile');
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => (globalThis as { __pgInjected?: number }).__pgInjected)).toBeUndefined();
    expect(await page.locator('body img, body iframe, body svg, body a[href^="http"], main script').count()).toBe(0);
    const hostile = page.locator('details.test', { hasText: 'orders <img' });
    expect(await hostile.locator('> summary strong').textContent()).toBe(HOSTILE.testName);
    expect(await hostile.locator('code.shape').textContent()).toBe(HOSTILE.shape);
    expect(await hostile.locator('.fix').textContent()).toBe(`fix ${HOSTILE.fixHint}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

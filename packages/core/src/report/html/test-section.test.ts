import { describe, expect, it } from 'vitest';
import { SEEDED, seededReport } from '../../../test/report-fixtures.js';
import { emptyTestFigures, type ScopeFigure, type TestReport } from '../report-model.js';
import { RowBudget } from './row-limits.js';
import { testsInPageOrder, testsSectionHtml } from './test-section.js';

const seededScope = (): ScopeFigure => seededReport().tests.flatMap((t) => t.scopes).find((s) => s.traceId === SEEDED.traceId)!;
const clean = (traceId: string): ScopeFigure => ({ ...seededScope(), traceId, findings: [] });
const test = (name: string, perfgate: TestReport['perfgate'], scopes: ScopeFigure[] = []): TestReport => ({ ...emptyTestFigures(), id: name, file: 'a.test.ts', name, perfgate, scopes });

describe('testsInPageOrder', () => {
  it('puts failed tests first, then warned, then passing ones with findings, keeping the run order within each', () => {
    const tests = [test('pass 1', 'pass'), test('warn', 'warn'), test('pass with debt', 'pass', [seededScope()]), test('fail 1', 'fail'), test('pass 2', 'pass'), test('fail 2', 'fail')];
    expect(testsInPageOrder(tests).map((t) => t.name)).toEqual(['fail 1', 'fail 2', 'warn', 'pass with debt', 'pass 1', 'pass 2']);
  });
});

describe('testsSectionHtml', () => {
  it('keeps the requests with findings when a test ran more than the page shows, in the order they ran', () => {
    const scopes = [...Array.from({ length: 30 }, (_, i) => clean(`clean-${i}`)), { ...seededScope(), traceId: 'the-loop' }];
    const html = testsSectionHtml([test('many requests', 'fail', scopes)], new RowBudget(10_000));
    const shown = [...html.matchAll(/trace-id <code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(shown).toEqual([...Array.from({ length: 24 }, (_, i) => `clean-${i}`), 'the-loop']);
    expect(html).toContain('… 6 more requests not shown (report.json has them)');
  });

  it('says when queries ran outside every scope, and when a test opened none', () => {
    const html = testsSectionHtml([{ ...test('unseen', 'warn'), outsideScopes: 3 }], new RowBudget(10));
    expect(html).toContain("3 queries ran outside every scope while this test's scopes were open: perfgate could not judge them.");
    expect(html).toContain('perfgate saw no requests in this test.');
  });

  it('draws no waterfall once the page has drawn its most rows, and still lists the findings', () => {
    const html = testsSectionHtml([test('late', 'fail', [seededScope()])], new RowBudget(0));
    expect(html).toContain('<li class="finding n-plus-one">');
    expect(html).toContain('Waterfall left out');
    expect(html).not.toContain('class="wf"');
  });
});

import { describe, expect, it } from 'vitest';
import { busyReport, seededReport, SEEDED } from '../../test/report-fixtures.js';
import { annotationCommands, escapeData, escapeProperty, formatAnnotation, reportAnnotations, type Annotation } from './github-actions.js';
import type { PerfgateReport, ScopeFigure } from './report-model.js';

/** A report whose one failing test ran `loops` different N+1 loops, each from its own line. */
function manyLoops(loops: number): PerfgateReport {
  const report = seededReport();
  const seeded = report.tests[1]!;
  const scopes: ScopeFigure[] = Array.from({ length: loops }, (_, i) => ({
    ...seeded.scopes[0]!,
    findings: [{ ...seeded.scopes[0]!.findings[0]!, callSite: { file: 'src/loops.ts', line: 10 + i } }],
  }));
  return { ...report, tests: [{ ...seeded, scopes }] };
}

describe('escapes', () => {
  it("escapes a message's %, CR and LF, and a property's : and , too", () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('src/a,b.ts: x')).toBe('src/a%2Cb.ts%3A x');
  });

  it('formats one workflow command', () => {
    const annotation: Annotation = { level: 'error', file: 'src/a.ts', line: 3, column: 9, title: 'perfgate: N+1 query loop', message: 'line one\nline two' };
    expect(formatAnnotation(annotation)).toMatchInlineSnapshot(`"::error file=src/a.ts,line=3,col=9,title=perfgate%3A N+1 query loop::line one%0Aline two"`);
  });
});

describe('reportAnnotations', () => {
  it('annotates the loop line and the over-budget call site, relative to the workspace, once per line however many requests ran it', () => {
    const commands = annotationCommands(reportAnnotations(busyReport(), '/home/dev'));
    expect(commands).toMatchInlineSnapshot(`
      [
        "::error file=blog-api/src/tags.service.ts,line=42,col=7,title=perfgate%3A N+1 query loop::SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1 runs once per item%0Afix: load them in one query (WHERE "tags"."name" = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader%0Ain POST /articles",
        "::error file=blog-api/src/orders.ts,line=12,col=5,title=perfgate%3A over the query budget (toIssueAtMost)::7 queries where the budget is 3; most of them from this line, in GET /orders (orders > stays within its budget)",
        "::warning file=blog-api/src/orders.ts,line=31,col=11,title=perfgate%3A N+1 query loop::SELECT "items".* FROM "items" WHERE "items"."order_id" = $1 runs once per item%0Afix: load them in one query (WHERE "items"."order_id" = ANY($1))%0Ain 6 requests: GET /orders/1, GET /orders/2, GET /orders/3 and 3 more",
      ]
    `);
  });

  it('annotates nothing for a passing run, a loop without a known line, or an allowlisted loop', () => {
    const report = seededReport();
    const seeded = report.tests[1]!;
    const scope = seeded.scopes[0]!;
    const unknownSite = { ...scope, findings: [{ ...scope.findings[0]!, callSite: undefined }] };
    const allowlisted = { ...scope, findings: [{ ...scope.findings[0]!, allowlisted: true }] };
    expect(reportAnnotations({ ...report, tests: [report.tests[0]!, { ...seeded, scopes: [unknownSite, allowlisted] }] })).toEqual([]);
  });

  it('never names the spec line: the loop is where the finding points', () => {
    const [annotation] = reportAnnotations(seededReport());
    expect(annotation).toMatchObject({ file: SEEDED.callSite.file, line: SEEDED.callSite.line, level: 'error' });
  });
});

describe('annotationCommands', () => {
  it('prints at most 10 errors, then one warning saying the step summary holds the rest', () => {
    const commands = annotationCommands(reportAnnotations(manyLoops(12)));
    expect(commands).toHaveLength(11);
    expect(commands.filter((c) => c.startsWith('::error '))).toHaveLength(10);
    expect(commands.at(-1)).toMatchInlineSnapshot(`"::warning title=perfgate%3A more findings::2 more findings are in the step summary (GitHub shows 10 annotations of each kind per step)."`);
  });

  it('prints all of them when they fit', () => {
    expect(annotationCommands(reportAnnotations(manyLoops(10)))).toHaveLength(10);
  });
});

import { describe, expect, it } from 'vitest';
import { busyReport, seededReport } from '../../test/report-fixtures.js';
import { figureLine } from './figure-lines.js';

const [health, articles] = seededReport().tests;
const failing = busyReport().tests.at(-1)!;

describe('figureLine', () => {
  it('says what each check measured and its verdict, one line each', () => {
    const lines = [
      figureLine({ kind: 'budget', figure: { ...health!.budgets[0]!, name: 'GET /health' } }),
      figureLine({ kind: 'budget', figure: { ...failing.budgets[0]!, negated: true, filter: 'select queries' } }),
      figureLine({ kind: 'scope', figure: articles!.scopes[0]! }),
      figureLine({ kind: 'allocation', figure: health!.allocations[0]! }),
      figureLine({ kind: 'allocation', figure: failing.allocations[0]! }),
      figureLine({ kind: 'bundle', figure: failing.bundles[0]! }),
      figureLine({ kind: 'load', figure: health!.loads[0]! }),
    ];
    expect(lines).toMatchInlineSnapshot(`
      [
        "perfgate toIssueAtMost(1): 1 query in GET /health (trace-id 0af7651916cd43dd8448eb211c80319c): pass",
        "perfgate .not.toIssueAtMost(3): 7 select queries in GET /orders (trace-id 4bf92f3577b34da6a3ce929d0e0e4736): FAIL",
        "perfgate POST /articles (trace-id 4bf92f3577b34da6a3ce929d0e0e4736), 11 queries: N+1: 8 × SELECT "tags"."id", … FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1 from src/tags.service.ts:42 (TagsService.findOrCreateOneByOne); fix: load them in one query (WHERE "tags"."name" = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader",
        "perfgate allocations of renderArticle: 8,052.7 B (7.9 KiB) per call, budget 16,384 B (16 KiB): pass; most by JSON.stringify 4,100 B (4 KiB), formatDate 1,200 B (1.2 KiB)",
        "perfgate allocations of renderOrder: 40,960 B (40 KiB) per call, budget 16,384 B (16 KiB): FAIL",
        "perfgate bundle dist/admin.js: 210,000 B (205.1 KiB) brotli, budget 200,000 B (195.3 KiB): FAIL",
        "perfgate load GET /articles: 2,000 requests, p50 3.1 ms, p99 11.7 ms (budget 50 ms), 2 queries per request: pass",
      ]
    `);
  });

  it('says nothing of a scope without findings: its query count is on its budget line', () => {
    expect(figureLine({ kind: 'scope', figure: health!.scopes[0]! })).toBeUndefined();
  });
});

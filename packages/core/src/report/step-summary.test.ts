import { describe, expect, it } from 'vitest';
import { busyReport, seededReport } from '../../test/report-fixtures.js';
import { formatStepSummary } from './step-summary.js';

describe('formatStepSummary', () => {
  it('is the gates table, the N+1s not in the allowlist, the budgets over, the heaviest requests, the allowlists and the baselines', () => {
    expect(formatStepSummary(busyReport())).toMatchInlineSnapshot(`
      "## perfgate

      5 tests (vitest; partial: a shard; shard 1/2)

      | Gate | Checked | Failed | Allowlisted |
      | --- | ---: | ---: | ---: |
      | queries | 2 | 1 | – |
      | n-plus-one | 9 | 7 | 1 |
      | allocations | 2 | 1 | – |
      | bundles | 2 | 1 | – |
      | latency | 2 | 1 | – |

      ### N+1 loops not in the allowlist

      | Test | Requests | Statement | Loop |
      | --- | --- | --- | --- |
      | test/articles.test.ts > articles > POST /articles tags the article | POST /articles | 8 × SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1 | src/tags.service.ts:42:7 (TagsService.findOrCreateOneByOne) |
      | test/orders.test.ts > orders > lists each order | 6 requests: GET /orders/1, GET /orders/2, GET /orders/3 and 3 more | 3–5 × SELECT "items".* FROM "items" WHERE "items"."order_id" = $1 | src/orders.ts:31:11 (listOrders) |

      ### Over the query budget

      | Test | Budget | Queries | Most from |
      | --- | --- | ---: | --- |
      | test/orders.test.ts > orders > stays within its budget | toIssueAtMost(3) | 7 | src/orders.ts:12:5 (listOrders) |

      ### Heaviest requests

      | Queries | Request | Test |
      | ---: | --- | --- |
      | 11 | POST /articles | test/articles.test.ts > articles > POST /articles tags the article |
      | 6 | GET /orders/3 | test/orders.test.ts > orders > lists each order |
      | 6 | GET /orders/6 | test/orders.test.ts > orders > lists each order |
      | 5 | GET /orders/2 | test/orders.test.ts > orders > lists each order |
      | 5 | GET /orders/5 | test/orders.test.ts > orders > lists each order |

      ### Allowlist \`perfgate.allow.json\`

      1 matched, 1 new, 0 added, 1 stale

      New (not in the allowlist):

      - \`src/tags.service.ts (TagsService.findOrCreateOneByOne): SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LI…\`

      Stale (no N+1 needed them):

      - \`site unknown (accepts this shape wherever no stack reaches your code): SELECT * FROM "prices" WHERE "item_id" = $1\`

      ### Baselines

      | File | Test | Runtime | Change | Value | Baseline | Written |
      | --- | --- | --- | --- | ---: | ---: | --- |
      | perfgate.baselines.json | renders an article | node-20 | updated | 9,100 B (8.9 KiB) per call | 7,900 B (7.7 KiB) per call | yes |
      | perfgate.baselines.json | GET /articles under load | linux-x64-2cpu | improved | p99 median 6.2 ms | p99 median 10.9 ms | no |
      | perfgate.baselines.json | renders a comment | node-20 | new | 2,048 B (2 KiB) per call |  | no |
      "
    `);
  });

  it('keeps a cell on one line and its pipes escaped', () => {
    const report = seededReport();
    const test = { ...report.tests[1]!, name: 'a | b\nc' };
    const table = formatStepSummary({ ...report, tests: [test], allowlists: [] });
    expect(table.split('\n').find((line) => line.startsWith('| test/articles'))).toMatchInlineSnapshot(`"| test/articles.test.ts > a \\| b c | POST /articles | 8 × SELECT "tags"."id", "tags"."name" FROM "tags" WHERE "tags"."name" = $1 AND "tags"."weight" <> $2 LIMIT 1 | src/tags.service.ts:42:7 (TagsService.findOrCreateOneByOne) |"`);
  });
});

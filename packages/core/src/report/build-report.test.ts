import { describe, expect, it } from 'vitest';
import { busyReport } from '../../test/report-fixtures.js';
import { buildReport, type ReportInputs } from './build-report.js';

const inputs: ReportInputs = {
  runner: 'jest',
  toolVersion: '1.2.3',
  root: '/repo',
  startedAt: new Date('2026-12-04T08:00:00Z'),
  finishedAt: new Date('2026-12-04T08:00:02.5Z'),
  coverage: { shard: true, nameFilter: true },
  shard: { index: 2, count: 3 },
  tests: [...busyReport().tests].reverse(),
  allowlists: [
    { path: 'b/perfgate.allow.json', matched: [], unlisted: [], added: [], stale: [] },
    { path: 'a/perfgate.allow.json', matched: [], unlisted: [], added: [], stale: [] },
  ],
  baselines: [],
};

describe('buildReport', () => {
  it('is version 1, names the tool, the shard and why the run was partial', () => {
    const { tests: _, gates: __, ...head } = buildReport(inputs);
    expect(head).toMatchInlineSnapshot(`
      {
        "allowlists": [
          {
            "added": [],
            "matched": [],
            "path": "a/perfgate.allow.json",
            "stale": [],
            "unlisted": [],
          },
          {
            "added": [],
            "matched": [],
            "path": "b/perfgate.allow.json",
            "stale": [],
            "unlisted": [],
          },
        ],
        "baselines": [],
        "finishedAt": "2026-12-04T08:00:02.500Z",
        "partial": [
          "a test name filter",
          "a shard",
        ],
        "root": "/repo",
        "runner": "jest",
        "shards": [
          {
            "count": 3,
            "index": 2,
          },
        ],
        "startedAt": "2026-12-04T08:00:00.000Z",
        "tool": {
          "name": "perfgate",
          "version": "1.2.3",
        },
        "version": 1,
      }
    `);
  });

  it('sorts tests by file and name and allowlists by path, whatever order the workers finished in', () => {
    const report = buildReport(inputs);
    expect(report.tests.map((t) => `${t.file} > ${t.name}`)).toMatchInlineSnapshot(`
      [
        "test/articles.test.ts > articles > POST /articles tags the article",
        "test/health.test.ts > health > answers without a database round trip",
        "test/orders.test.ts > orders > legacy export",
        "test/orders.test.ts > orders > lists each order",
        "test/orders.test.ts > orders > stays within its budget",
      ]
    `);
    expect(buildReport({ ...inputs, tests: busyReport().tests }).tests).toEqual(report.tests);
  });

  it('counts the gates from the tests', () => {
    expect(buildReport(inputs).gates).toEqual(busyReport().gates);
  });
});

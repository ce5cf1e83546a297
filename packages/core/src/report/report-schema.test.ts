import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { busyReport, largeReport, seededReport, SEEDED } from '../../test/report-fixtures.js';
import { reportSchema as schema, schemaErrors as errorsOf, SCHEMA_URL } from '../../test/report-schema-validator.js';
import { buildReport } from './build-report.js';
import { REPORT_SCHEMA_ID, serializeReport } from './json-report.js';
import { REPORT_VERSION, type PerfgateReport } from './report-model.js';

/** Every optional field present, at every depth: a field added to the model breaks this fixture's type until it is added here and to the schema. */
type Complete<T> = T extends readonly (infer U)[] ? readonly Complete<U>[] : T extends object ? { readonly [K in keyof T]-?: Complete<Exclude<T[K], undefined>> } : T;

const site = { file: 'src/orders.ts', line: 31, column: 11, function: 'listOrders' };
const complete: Complete<PerfgateReport> = {
  version: REPORT_VERSION,
  tool: { name: 'perfgate', version: '0.1.0' },
  runner: 'vitest',
  root: '/ci/work/app',
  startedAt: '2026-12-04T08:00:00.000Z',
  finishedAt: '2026-12-04T08:00:04.210Z',
  shards: [{ index: 1, count: 2 }, { index: 2, count: 2 }],
  partial: [],
  gates: [{ gate: 'n-plus-one', checked: 1, failed: 1, allowlisted: 0 }],
  tests: [
    {
      id: 'test/orders.test.ts > lists',
      file: 'test/orders.test.ts',
      name: 'orders > lists',
      perfgate: 'fail',
      outsideScopes: 2,
      scopes: [
        {
          traceId: SEEDED.traceId,
          spanId: '00f067aa0ba902b7',
          kind: 'request',
          name: 'GET /orders',
          method: 'GET',
          path: '/orders',
          startedAt: 1_780_000_000_000,
          durationMs: 12,
          queryCount: 4,
          shapes: [{ shape: 'SELECT ?', count: 4, callSite: site }],
          queries: [{ shape: 'SELECT ?', startMs: 0.5, durationMs: 0.3, failed: true, source: 'pg', label: 'Order.findMany', callSite: site }],
          queriesOmitted: 3,
          findings: [{ type: 'n-plus-one', shape: 'SELECT ?', count: 4, callSite: site, via: [site], fixHint: 'batch it', allowlisted: false, distinctParameters: 4, pastRecordLimit: 1, label: 'Order.findMany', before: 'SELECT ?' }],
          judgedBy: 'toHaveNoNPlusOne',
        },
      ],
      budgets: [{ matcher: 'toIssueAtMost', traceId: SEEDED.traceId, name: 'GET /orders', filter: 'select queries', negated: false, expected: 3, actual: 4, pass: false, callSite: site }],
      allocations: [{ name: 'render', bytesPerOp: 100, budgetBytes: 64, baselineBytes: 90, pass: false, topAllocators: [{ name: 'JSON.stringify', bytes: 80, site }] }],
      bundles: [{ name: 'dist/app.js', bytes: 2048, compression: 'gzip', budgetBytes: 1024, pass: false, modules: [{ path: 'src/app.ts', bytes: 2000 }] }],
      loads: [{ name: 'GET /orders', requests: 100, p50Ms: 2, p99Ms: 9, budgetP99Ms: 10, baselineP99Ms: 8, queriesPerRequest: 4, pass: true }],
    },
  ],
  allowlists: [{ path: 'perfgate.allow.json', matched: [{ shape: 'SELECT ?', file: 'src/orders.ts', function: 'listOrders' }], unlisted: [{ shape: 'SELECT ?', site: 'unknown' }], added: [], stale: [] }],
  baselines: [{ file: 'perfgate.baselines.json', test: 'GET /orders', runtime: 'linux-x64', metric: 'latency', value: 9, baseline: 8, change: 'regressed', rounds: [9, 9.1], queriesPerRequest: 4, written: false }],
};

describe('schema/report.schema.json', () => {
  it('is the schema report.json names', () => {
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    expect(JSON.parse(serializeReport(seededReport())).$schema).toBe(REPORT_SCHEMA_ID);
  });

  it('ships in the package as @perfgate/core/report.schema.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema');
    expect(realpathSync(createRequire(import.meta.url).resolve('@perfgate/core/report.schema.json'))).toBe(realpathSync(fileURLToPath(SCHEMA_URL)));
  });

  it('accepts every fixture report as written to report.json', () => {
    for (const report of [seededReport(), busyReport(), largeReport(3, 2, 5), complete as PerfgateReport]) {
      expect(errorsOf(serializeReport(report))).toEqual([]);
    }
  });

  it('accepts a report buildReport made from nothing', () => {
    const report = buildReport({
      runner: 'jest',
      toolVersion: '0.1.0',
      root: '/repo',
      startedAt: new Date(0),
      finishedAt: new Date(1),
      coverage: { fileFilter: true },
      tests: [],
      allowlists: [],
      baselines: [],
    });
    expect(errorsOf(serializeReport(report))).toEqual([]);
  });

  it('rejects a field it does not know, so a query carrying its parameter values never validates', () => {
    const report = seededReport();
    const scope = report.tests[1]!.scopes[0]!;
    const leaky = { ...report, tests: [{ ...report.tests[1]!, scopes: [{ ...scope, queries: [{ ...scope.queries[0]!, values: ['alice@example.com'] }] }] }] };
    expect(errorsOf(leaky).map((e) => `${e.instancePath} ${e.message}`)).toMatchInlineSnapshot(`
      [
        "/tests/0/scopes/0/queries/0 must NOT have additional properties",
      ]
    `);
  });

  it('rejects another version and a missing field, naming where', () => {
    const { baselines: _, ...withoutBaselines } = seededReport();
    expect(errorsOf({ ...withoutBaselines, version: 2 }).map((e) => `${e.instancePath || '/'} ${e.message}`)).toMatchInlineSnapshot(`
      [
        "/ must have required property 'baselines'",
        "/version must be equal to constant",
      ]
    `);
  });
});

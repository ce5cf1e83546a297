import { expect } from 'vitest';
import type { PerfgateReport } from '../../../src/report/report-model.js';
import { schemaErrors } from '../../report-schema-validator.js';
import { ALLOWLIST, nPlusOneDebt } from '../projects/n-plus-one-debt.js';
import type { ProjectDir, Scenario } from '../scenario.js';

const STEP_SUMMARY = 'step-summary.md';
const GITHUB = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: STEP_SUMMARY };
const LOOP_FINDING = ['  GET /legacy/orders', '    N+1 4 × SELECT * FROM order_items WHERE order_id = ?', '        from src/legacy.ts:8:27 (listLegacyOrders)'].join('\n');
const GATES = ['  gate        checked  failed  allowlisted', '  n-plus-one        1       1            0'].join('\n');
const ANNOTATION = (level: 'error' | 'warning') => `::${level} file=src/legacy.ts,line=8,col=27,title=perfgate%3A N+1 query loop::SELECT * FROM order_items WHERE order_id = ? runs once per item%0Afix: `;

/** report.json is valid against the shipped schema and holds the request's N+1 at its loop line; the step summary has the gates table. */
async function checkReportFiles(project: ProjectDir): Promise<void> {
  const text = await project.read('.perfgate/report.json');
  expect(schemaErrors(text)).toEqual([]);
  const report = JSON.parse(text) as PerfgateReport;
  expect(report.tests.flatMap((t) => t.scopes)).toMatchObject([
    { traceId: '0af7651916cd43dd8448eb211c80319c', name: 'GET /legacy/orders', findings: [{ type: 'n-plus-one', count: 4, callSite: { file: 'src/legacy.ts', line: 8, column: 27 } }] },
  ]);
  expect(await project.read(STEP_SUMMARY)).toContain('| n-plus-one | 1 | 1 | 0 |');
}

export const reportScenarios: Scenario[] = [
  {
    name: "#12.6 'warn' mode: the run's summary shows the N+1 at its loop line, and GitHub gets a warning there and the step summary",
    project: { ...nPlusOneDebt, options: { nPlusOne: 'warn' } },
    steps: [
      {
        env: GITHUB,
        expect: {
          code: 0,
          passed: 1,
          contains: [
            ({ runner }) => `perfgate summary: 1 test in 1 file (${runner})\n\n${GATES}`,
            `test/legacy.spec.ts > GET /legacy/orders answers — warn\n${LOOP_FINDING}`,
            ANNOTATION('warning'),
          ],
          lacks: ['::error '],
          check: (_run, project) => checkReportFiles(project),
        },
      },
    ],
  },
  {
    name: '#12.6 under CI on GitHub Actions: an ::error at the N+1 loop line (not the spec line), the report files written, nothing else',
    project: nPlusOneDebt,
    steps: [
      {
        ci: true,
        env: GITHUB,
        expect: {
          code: 1,
          failed: 1,
          contains: [ANNOTATION('error'), `test/legacy.spec.ts > GET /legacy/orders answers — fail\n${LOOP_FINDING}`],
          lacks: ['file=test/legacy.spec.ts'],
          files: { [ALLOWLIST]: null },
          check: (_run, project) => checkReportFiles(project),
        },
      },
    ],
  },
];

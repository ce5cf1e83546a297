import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { allocationBaseline, BASELINE, BASELINE_KEY as KEY, baselineText, RUNTIME } from '../projects/allocation-baseline.js';
import { SAME, type ProjectDir, type Scenario } from '../scenario.js';

const CORRUPT = '{ "version": 1, "bytesPerOp": { oops';
/** The stored bytes per call: a run writes version 2; the version 1 files `before` stores still load. */
async function stored(project: ProjectDir): Promise<number | undefined> {
  const file = JSON.parse(await project.read(BASELINE)) as StoredBaselines;
  if (file.version === 1) return file.bytesPerOp[RUNTIME]?.[KEY];
  return file.baselines.find((entry) => entry.metric === 'bytes/op' && entry.runtime === RUNTIME && entry.test === KEY)?.value;
}
type StoredBaselines =
  | { readonly version: 1; readonly bytesPerOp: Record<string, Record<string, number>> }
  | { readonly version: 2; readonly baselines: ReadonlyArray<{ metric: string; runtime: string; test: string; value: number }> };
/** `new Array(n)` is 8n + 48 B on 64-bit Node; created through V8's Array builtin or in jest's vm context, ~3% more (docs/allocations.md, "Accuracy"). */
const expectBytesNear = async (project: ProjectDir, bytes: number) => expect(Math.abs((await stored(project))! - bytes)).toBeLessThan(bytes * 0.04);
const buildRowsLine = async (project: ProjectDir) => (await project.read('src/rows.ts')).split('\n').findIndex((line) => line.startsWith('export function buildRows')) + 1;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PROFILE = '.perfgate/rows.spec.ts/rows-stay-at-their-allocation-baseline.heapprofile';

export const allocationScenarios: Scenario[] = [
  {
    name: 'toMatchAllocationBaseline: new → written once at the end of the run; unchanged → passes and is not rewritten',
    project: allocationBaseline,
    steps: [
      {
        expect: {
          code: 0,
          passed: 3,
          contains: [`perfgate: wrote 1 allocation baseline to ${BASELINE}:\n  + ${KEY} (${RUNTIME}): 8,`],
          check: (_, project) => expectBytesNear(project, 8_048),
        },
      },
      { expect: { code: 0, passed: 3, lacks: ['perfgate: wrote'], files: { [BASELINE]: SAME } } },
    ],
  },
  {
    name: 'toMatchAllocationBaseline: +50% fails with the figures, the functions that allocated and the saved heap profile; the update flag accepts it',
    project: allocationBaseline,
    before: { [BASELINE]: baselineText(8_048) },
    steps: [
      {
        env: { FIXTURE_ROWS: '1500' },
        expect: {
          code: 1,
          failed: 1,
          matches: [
            /Expected: at most 8,852\.8 B \(8\.6 KiB\) per call: the baseline 8,048 B \(7\.9 KiB\) \+ 10%, changes under 64 B ignored/,
            // 1,500 slots: 12,048 B, plus V8's page-end waste for objects of this size (docs/allocations.md, "Accuracy").
            /Received: 12,\d{3}(\.\d)? B \(1[12](\.\d)? KiB\) per call, \+4,\d{3}(\.\d)? B \(\+(49|5\d)\.\d%\) against the baseline/,
            /Heap profile:\n +\.perfgate\/rows\.spec\.ts\/rows-stay-at-their-allocation-baseline\.heapprofile\n/,
          ],
          files: { [BASELINE]: SAME },
          async check(run, project) {
            const allocatedBy = `Allocated by \\(sampling heap profile of [\\d,]+ calls, [\\d,]+ samples; each function's own bytes\\):\\n +\\d+\\.\\d% +[\\d,.]+ B per call +buildRows +src/rows\\.ts:${await buildRowsLine(project)}\\n`;
            expect(run.output).toMatch(new RegExp(allocatedBy));
            const profile = JSON.parse(await project.read(PROFILE)) as { head: { callFrame: { functionName: string } } };
            expect(profile.head.callFrame.functionName).toBe('(root)');
          },
        },
      },
      {
        env: { FIXTURE_ROWS: '1500' },
        update: true,
        expect: {
          code: 0,
          matches: [new RegExp(`perfgate: wrote 1 allocation baseline to ${BASELINE}:\\n  ~ ${KEY} \\(${RUNTIME}\\): 8,048 B \\(7\\.9 KiB\\) → 12,`)],
          check: (_, project) => expectBytesNear(project, 12_048),
        },
      },
    ],
  },
  {
    name: 'toMatchAllocationBaseline: an improvement passes and is reported, so the baseline can be tightened',
    project: allocationBaseline,
    before: { [BASELINE]: baselineText(16_000) },
    steps: [
      {
        expect: {
          code: 0,
          passed: 3,
          contains: [
            ({ updateCommand }) => `perfgate: 1 baseline improved beyond the tolerance; tighten it with the update flag (${updateCommand}):`,
            `  ↓ ${BASELINE} › ${KEY} (${RUNTIME}): 16,000 B (15.6 KiB) → 8,`,
          ],
          files: { [BASELINE]: SAME },
        },
      },
    ],
  },
  {
    name: 'toMatchAllocationBaseline: CI=true never writes: a missing baseline fails, saying how to create it, even with the update flag',
    project: allocationBaseline,
    steps: [
      {
        ci: true,
        update: true,
        expect: {
          code: 1,
          failed: 1,
          contains: ['and no baseline: CI=true never writes one', ({ runCommand }) => `run the suite without CI=true (${runCommand}), which writes new baselines, and commit ${BASELINE}`],
          files: { [BASELINE]: null },
          check: async (_, project) => expect(await readdir(join(project.root, 'test'))).toEqual(['budget.spec.ts', 'rows.spec.ts']),
        },
      },
    ],
  },
  {
    name: 'toMatchAllocationBaseline: a corrupt baseline file is reported, naming it and the JSON error, and left untouched',
    project: allocationBaseline,
    before: { [BASELINE]: CORRUPT },
    steps: [
      {
        update: true,
        expect: {
          code: 1,
          matches: [({ root }) => new RegExp(`${escapeRegExp(join(root, BASELINE))} is not a valid baseline file: invalid JSON \\(.+\\)\\. It was left as it is`)],
          files: { [BASELINE]: CORRUPT },
        },
      },
    ],
  },
];

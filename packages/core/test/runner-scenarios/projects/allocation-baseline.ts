import type { Project } from '../scenario.js';

// toMatchAllocationBaseline over two spec files, so both runners use worker processes. FIXTURE_ROWS seeds a regression.
const rows = `// FIXTURE_ROWS seeds a regression: 1,500 slots instead of 1,000 is about +50% bytes per call.
const SIZE = Number(process.env.FIXTURE_ROWS ?? 1000);

export function buildRows(): unknown[] {
  return new Array(SIZE);
}
`;

const rowsSpec = `import { expect, test } from '@runner';
import { buildRows } from '../src/rows.js';

test('rows stay at their allocation baseline', async () => {
  await expect(buildRows).toMatchAllocationBaseline();
});
`;

const budgetSpec = `import { expect, test } from '@runner';

// A second test file, so the runner runs them in worker processes rather than in its own.
test('runs in a worker process', () => {
  expect(typeof process.send).toBe('function');
});

let n = 0;
test('counting allocates nothing', async () => {
  await expect(() => ++n).toAllocateAtMost(0);
});
`;

export const allocationBaseline: Project = {
  files: { 'src/rows.ts': rows, 'test/rows.spec.ts': rowsSpec, 'test/budget.spec.ts': budgetSpec },
  include: ['test/**/*.spec.ts'],
  options: { adapters: [], http: false, nPlusOne: 'off' },
  pglite: false,
};

export const BASELINE = 'test/__perfgate__/rows.spec.ts.json';
export const BASELINE_KEY = 'rows stay at their allocation baseline';
export const RUNTIME = `node${process.versions.node.split('.')[0]}-${process.arch}`;
export const baselineText = (bytes: number) => `${JSON.stringify({ version: 1, bytesPerOp: { [RUNTIME]: { [BASELINE_KEY]: bytes } } }, null, 2)}\n`;

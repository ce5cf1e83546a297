import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runJest } from './support/run-jest.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const BASELINE = 'test/__perfgate__/rows.spec.ts.json';
const KEY = 'rows stay at their allocation baseline';
const RUNTIME = `node${process.versions.node.split('.')[0]}-${process.arch}`;

// Each test gets its own copy of the fixture (inside the repo, so node_modules resolve): runs write files.
let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(fixtures, '.run-'));
  await cp(join(fixtures, 'allocation-baseline'), project, { recursive: true });
});
afterEach(() => rm(project, { recursive: true, force: true }));

// CommonJS through @swc/jest, without --experimental-vm-modules: the setup the preset must work in with no flag.
const jest = (env: Record<string, string> = {}, args: string[] = []) => runJest(project, { env, args: ['--maxWorkers=2', ...args], vmModules: false });
const baselineText = () => readFile(join(project, BASELINE), 'utf8');
const exists = () => baselineText().then(() => true, () => false);
const stored = async () => (JSON.parse(await baselineText()) as { bytesPerOp: Record<string, Record<string, number>> }).bytesPerOp[RUNTIME]?.[KEY];
async function store(text: string | number): Promise<void> {
  await mkdir(dirname(join(project, BASELINE)), { recursive: true });
  await writeFile(join(project, BASELINE), typeof text === 'string' ? text : `${JSON.stringify({ version: 1, bytesPerOp: { [RUNTIME]: { [KEY]: text } } }, null, 2)}\n`);
}
/** The 1-based line where `function buildRows` starts in the fixture's source. */
const buildRowsLine = async () => (await readFile(join(project, 'src/rows.ts'), 'utf8')).split('\n').findIndex((line) => line.startsWith('export function buildRows')) + 1;

describe('toMatchAllocationBaseline under jest (worker processes, CommonJS)', () => {
  test('new → written once at the end of the run; unchanged → passes and is not rewritten', async () => {
    const first = await jest();
    expect(first.output).toMatch(/Tests: +3 passed, 3 total/);
    expect(first.code).toBe(0);
    expect(first.output).toContain(`perfgate: wrote 1 allocation baseline to ${BASELINE}:\n  + ${KEY} (${RUNTIME}): 8,`);
    // new Array(1000) is 8,048 B on 64-bit Node; in jest's vm context V8 leaves ~3% more (docs/allocations.md, "Accuracy").
    const bytes = await stored();
    expect(Math.abs(bytes! - 8_048)).toBeLessThan(8_048 * 0.04);

    const before = await baselineText();
    const again = await jest();
    expect(again.code).toBe(0);
    expect(again.output).not.toContain('perfgate: wrote');
    expect(await baselineText()).toBe(before);
  });

  test('+50% → fails with the figures, the functions that allocated and the saved heap profile; -u accepts it', async () => {
    await store(8_048);
    const { code, output } = await jest({ FIXTURE_ROWS: '1500' });
    expect(code).toBe(1);
    expect(output).toMatch(/Expected: at most 8,852\.8 B \(8\.6 KiB\) per call: the baseline 8,048 B \(7\.9 KiB\) \+ 10%, changes under 64 B ignored/);
    // 1,500 slots: 12,048 B, plus V8's page-end waste for objects of this size (docs/allocations.md, "Accuracy").
    expect(output).toMatch(/Received: 12,\d{3}(\.\d)? B \(1[12](\.\d)? KiB\) per call, \+4,\d{3}(\.\d)? B \(\+(49|5\d)\.\d%\) against the baseline/);
    expect(output).toMatch(new RegExp(`Allocated by \\(sampling heap profile of [\\d,]+ calls, [\\d,]+ samples; each function's own bytes\\):\\n +\\d+\\.\\d% +[\\d,.]+ B per call +buildRows +src/rows\\.ts:${await buildRowsLine()}\\n`));
    expect(output).toMatch(/Heap profile:\n +\.perfgate\/rows\.spec\.ts\/rows-stay-at-their-allocation-baseline\.heapprofile\n/);
    const profile = JSON.parse(await readFile(join(project, '.perfgate/rows.spec.ts/rows-stay-at-their-allocation-baseline.heapprofile'), 'utf8')) as { head: { callFrame: { functionName: string } } };
    expect(profile.head.callFrame.functionName).toBe('(root)');
    expect(await stored()).toBe(8_048);

    const accepted = await jest({ FIXTURE_ROWS: '1500' }, ['-u']);
    expect(accepted.code).toBe(0);
    expect(accepted.output).toMatch(new RegExp(`perfgate: wrote 1 allocation baseline to ${BASELINE}:\\n  ~ ${KEY} \\(${RUNTIME}\\): 8,048 B \\(7\\.9 KiB\\) → 12,`));
    expect(Math.abs((await stored())! - 12_048)).toBeLessThan(12_048 * 0.04);
  });

  test('an improvement passes and is reported, so the baseline can be tightened', async () => {
    await store(16_000);
    const { code, output } = await jest();
    expect(code).toBe(0);
    expect(output).toContain('perfgate: 1 baseline improved beyond the tolerance; tighten it with the update flag (jest -u):');
    expect(output).toContain(`  ↓ ${BASELINE} › ${KEY} (${RUNTIME}): 16,000 B (15.6 KiB) → 8,`);
    expect(await stored()).toBe(16_000);
  });

  test('CI=true never writes: a missing baseline fails, saying how to create it, even with -u', async () => {
    const { code, output } = await jest({ CI: 'true' }, ['-u']);
    expect(code).toBe(1);
    expect(output).toContain('and no baseline: CI=true never writes one');
    expect(output).toContain(`run the suite without CI=true (jest), which writes new baselines, and commit ${BASELINE}`);
    expect(await exists()).toBe(false);
    expect(await readdir(join(project, 'test'))).toEqual(['budget.spec.ts', 'rows.spec.ts']);
  });

  test('jest --ci never writes either', async () => {
    const { code, output } = await jest({}, ['--ci']);
    expect(code).toBe(1);
    expect(output).toContain('and no baseline: CI=true never writes one');
    expect(await exists()).toBe(false);
  });

  test('a corrupt baseline file is reported, naming it and the JSON error, and left untouched', async () => {
    await store('{ "version": 1, "bytesPerOp": { oops');
    const { code, output } = await jest({}, ['-u']);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`${join(project, BASELINE).replaceAll('.', '\\.')} is not a valid allocation baseline file: invalid JSON \\(.+\\)\\. It was left as it is`));
    expect(await baselineText()).toBe('{ "version": 1, "bytesPerOp": { oops');
  });
});

import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeAllocations } from '../../test/allocation-helpers.js';
import { failureMessage } from '../../test/matcher-helpers.js';
import { rejectionOf } from '../../test/rejection-of.js';
import { PerfgateError } from '../errors.js';
import { baselinePathFor, EMPTY_BASELINES, serializeBaselines, withBaselines } from '../baselines/baseline-file.js';
import { BaselineSession, type BaselineSessionOptions } from '../baselines/baseline-session.js';
import { perfgateMatchers } from './index.js';

expect.extend(perfgateMatchers);

const SPEC = fileURLToPath(import.meta.url);
const FILE = baselinePathFor(SPEC);
const SUITE = 'toMatchAllocationBaseline';

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
  vi.unstubAllEnvs();
});

function serialize(): string {
  return '{"id":1}';
}

/** Fake figures, and a session whose baseline file holds `stored` (test name → bytes) for node20-x64. */
function setup(figures: readonly number[], stored: Record<string, number> | string | null, options: Partial<BaselineSessionOptions> = {}) {
  const text = typeof stored === 'string' || stored === null ? stored : serializeBaselines(withBaselines(EMPTY_BASELINES, Object.entries(stored).map(([test, value]) => ({ metric: 'bytes/op' as const, runtime: 'node20-x64', test, value }))));
  const reads: string[] = [];
  const readFile = (path: string) => {
    reads.push(path);
    if (text === null) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };
  const baselines = new BaselineSession({ update: false, ci: false, writable: true, runtime: 'node20-x64', readFile, ...options });
  const fake = fakeAllocations(figures, { baselines, updateCommand: 'vitest -u', runCommand: 'vitest run', root: '/repo' });
  undo = fake.undo;
  return { ...fake, baselines, reads };
}

describe(SUITE, () => {
  it('passes within the tolerance of the figure stored under the test’s name', async () => {
    const { baselines, reads } = setup([1_080], { [`${SUITE} passes within the tolerance of the figure stored under the test’s name`]: 1_000 });
    await expect(serialize).toMatchAllocationBaseline();
    expect(reads).toEqual([FILE]);
    expect(baselines.report().entries).toEqual([]);
  });

  it('fails a rise beyond the tolerance, with who allocated and how to accept it', async () => {
    const { attributed } = setup([1_500], { [`${SUITE} fails a rise beyond the tolerance, with who allocated and how to accept it`]: 1_000 });
    const message = (await failureMessage(expect(serialize).toMatchAllocationBaseline())).replaceAll(FILE, '<baseline file>');
    expect(message).toMatchInlineSnapshot(`
      "expect(received).toMatchAllocationBaseline()

      Expected: at most 1,100 B (1.1 KiB) per call: the baseline 1,000 B + 10%, changes under 64 B ignored
      Received: 1,500 B (1.5 KiB) per call, +500 B (+50.0%) against the baseline
      Samples:  median of 3 samples × 4,537 calls: 1,499.8–1,500.7 B
      Function: serialize
      Baseline: <baseline file> › "toMatchAllocationBaseline fails a rise beyond the tolerance, with who allocated and how to accept it" (node20-x64)

      Allocated by (sampling heap profile of 4,537 calls, 3,981 samples; each function's own bytes):
         71.2%  3,645.2 B per call  formatLine  src/logger.ts:14
         20.1%  1,029.1 B per call  log  src/logger.ts:22
          8.7%    445.4 B per call  (V8 API) (native), called from formatLine  src/logger.ts:14

      Heap profile:
        .perfgate/to-match-allocation-baseline.test.ts/tomatchallocationbaseline-fails-a-rise-beyond-the-tolerance-with-who-allocated-a.heapprofile
        open it in Chrome DevTools (Memory › Load profile) or at https://www.speedscope.app

      To accept the new figure:
        run the tests with the update flag (vitest -u) and commit <baseline file>; it is never written under CI=true"
    `);
    expect(attributed.map((path) => basename(path))).toEqual(['tomatchallocationbaseline-fails-a-rise-beyond-the-tolerance-with-who-allocated-a.heapprofile']);
  });

  it('takes the tolerance and the floor from its options', async () => {
    const test = `${SUITE} takes the tolerance and the floor from its options`;
    setup([1_300, 1_300, 1_300], { [test]: 1_000 });
    await expect(serialize).toMatchAllocationBaseline({ tolerance: 0.5 });
    await expect(serialize).toMatchAllocationBaseline({ floor: '1 KiB' });
    await expect(expect(serialize).toMatchAllocationBaseline({ tolerance: 0.2, floor: 100 })).rejects.toThrow(/the baseline 1,000 B \+ 20%, changes under 100 B ignored/);
  });

  it('records a new figure for the run to write, and passes', async () => {
    const { baselines } = setup([312], null);
    await expect(serialize).toMatchAllocationBaseline({ name: 'small order' });
    expect(baselines.report().entries).toEqual([{ metric: 'bytes/op', runtime: 'node20-x64', test: `${SUITE} records a new figure for the run to write, and passes: small order`, value: 312, file: FILE, change: 'new' }]);
  });

  it('fails a missing baseline under CI, saying how to create it', async () => {
    setup([312], null, { ci: true });
    const message = (await failureMessage(expect(serialize).toMatchAllocationBaseline())).replaceAll(FILE, '<baseline file>');
    expect(message).toMatchInlineSnapshot(`
      "expect(received).toMatchAllocationBaseline()

      Expected: a baseline for this test in <baseline file> (node20-x64)
      Received: 312 B per call, and no baseline: CI=true never writes one
      Samples:  median of 3 samples × 4,537 calls: 311.8–312.7 B
      Function: serialize
      Baseline: <baseline file> › "toMatchAllocationBaseline fails a missing baseline under CI, saying how to create it" (node20-x64)

      To create it:
        run the suite without CI=true (vitest run), which writes new baselines, and commit <baseline file>"
    `);
  });

  it('fails a missing baseline when no perfgate runner wiring can write it', async () => {
    vi.stubEnv('CI', '');
    const fake = fakeAllocations([312], { baselines: undefined });
    undo = fake.undo;
    const message = await failureMessage(expect(serialize).toMatchAllocationBaseline());
    expect(message).toContain('Received: 312 B per call, and no baseline: nothing in this run writes one');
    expect(message).toContain('run the suite with the @perfgate/vitest plugin or the @perfgate/jest preset and its reporter, which write new baselines');
  });

  it('cannot be negated, and rejects bad input before measuring', async () => {
    setup([], {});
    const negated = await rejectionOf(() => expect(serialize).not.toMatchAllocationBaseline());
    expect(negated).toBeInstanceOf(PerfgateError);
    expect(negated.message).toMatchInlineSnapshot(`"toMatchAllocationBaseline: cannot be used with .not: a baseline is a figure to stay near; to forbid allocating, use .toAllocateAtMost(0)."`);
    expect((await rejectionOf(() => expect({}).toMatchAllocationBaseline())).message).toMatch(/^toMatchAllocationBaseline: expect\(\) received an object; pass the function to measure/);
    expect((await rejectionOf(() => expect(serialize).toMatchAllocationBaseline({ tolerance: '10%' } as never))).message).toMatchInlineSnapshot(
      `"toMatchAllocationBaseline: option "tolerance" must be a share, 0 or more (0.1 is 10%); received the string "10%"."`,
    );
    expect((await rejectionOf(() => expect(serialize).toMatchAllocationBaseline({ floor: 'lots' } as never))).message).toMatchInlineSnapshot(
      `"toMatchAllocationBaseline: option "floor" must be a number of bytes or a size such as '64 B'; received the string "lots"."`,
    );
  });

  it('reports a corrupt baseline file, naming it', async () => {
    setup([312], '{ "version": 1, ');
    await expect(expect(serialize).toMatchAllocationBaseline()).rejects.toThrow(`perfgate: ${FILE} is not a valid baseline file: invalid JSON`);
  });
});

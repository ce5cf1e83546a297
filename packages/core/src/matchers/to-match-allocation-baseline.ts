import { bytesOf, exactBytes, formatBytes, type ByteSize } from '../allocations/byte-size.js';
import { runtimeKey } from '../allocations/runtime-key.js';
import { baselineLimit } from '../analysis/allocation-change.js';
import { perfgateError } from '../errors.js';
import { measuredGateSettings } from '../session/measured-gates.js';
import { BaselineSession, type AllocationVerdict } from '../baselines/baseline-session.js';
import { attributionSections, samplesRow, showPath } from '../message/allocation-sections.js';
import { formatFailure, type FailureSection } from '../message/format-failure.js';
import { isCI } from '../options/is-ci.js';
import { attribute, checkMeasured, functionName, measure, MEASURE_OPTION_CHECKS, testNameOf, type MeasureOptions, type TestMatcherContext } from './allocation-matcher.js';
import { checkOptions } from './check-options.js';
import { recordAllocationCheck } from '../report/record-figures.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { rejectBadInput } from './reject-bad-input.js';

export interface AllocationBaselineOptions extends MeasureOptions {
  /** How far the figure may rise above its baseline, as a share. Default: the `allocations.tolerance` option, 0.1 (10%). */
  readonly tolerance?: number;
  /** Changes smaller than this never count. Default: the `allocations.floor` option, 64 B. */
  readonly floor?: ByteSize;
  /** Tells apart two baselines in one test: the key becomes `<test name>: <name>`. */
  readonly name?: string;
}

const CHECKS = {
  ...MEASURE_OPTION_CHECKS,
  tolerance: (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'must be a share, 0 or more (0.1 is 10%)'),
  floor: (value: unknown) => (bytesOf(value) === undefined ? "must be a number of bytes or a size such as '64 B'" : undefined),
  name: (value: unknown) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'),
};

function advice(verdict: AllocationVerdict, file: string, updateCommand: string, runCommand: string): FailureSection[] {
  if (verdict.kind === 'regressed') return [{ title: 'To accept the new figure', lines: [`run the tests with the update flag (${updateCommand}) and commit ${file}; it is never written under CI=true`] }];
  if (verdict.kind !== 'missing') return [];
  return verdict.reason === 'ci'
    ? [{ title: 'To create it', lines: [`run the suite without CI=true (${runCommand}), which writes new baselines, and commit ${file}`] }]
    : [{ title: 'To create it', lines: ['run the suite with the @perfgate/vitest plugin or the @perfgate/jest preset and its reporter, which write new baselines'] }];
}

/**
 * Compares the bytes the received function allocates per call with the
 * figure stored for this test in `__perfgate__/<spec>.json` beside the
 * spec, and fails when it rose by more than the tolerance and the floor. A
 * new baseline is written at the end of the run (never under CI); the
 * update flag rewrites figures outside the tolerance.
 *
 * @example
 * await expect(() => serialize(order)).toMatchAllocationBaseline();
 */
export function toMatchAllocationBaseline(this: MatcherContext, received: unknown, options?: AllocationBaselineOptions): Promise<MatcherResult> {
  return rejectBadInput(() => {
    const context = this as TestMatcherContext;
    if (context.isNot) {
      throw perfgateError('INVALID_OPTIONS', ['toMatchAllocationBaseline', 'cannot be used with .not: a baseline is a figure to stay near; to forbid allocating, use .toAllocateAtMost(0).'], toMatchAllocationBaseline);
    }
    checkMeasured('toMatchAllocationBaseline', received, toMatchAllocationBaseline);
    const checked = checkOptions<AllocationBaselineOptions>('toMatchAllocationBaseline', options, CHECKS, toMatchAllocationBaseline, '{ tolerance: 0.2 }');
    const settings = measuredGateSettings();
    const testName = testNameOf(context);
    if (context.testPath === undefined || testName === undefined) throw perfgateError('NO_TEST_FILE', ['toMatchAllocationBaseline'], toMatchAllocationBaseline);
    const test = checked.name === undefined ? testName : `${testName}: ${checked.name}`;
    const limits = { tolerance: checked.tolerance ?? settings.allocations.tolerance, floorBytes: checked.floor === undefined ? settings.allocations.floorBytes : bytesOf(checked.floor)! };
    const session = settings.baselines ?? new BaselineSession({ update: false, ci: isCI(), writable: false, runtime: runtimeKey() });
    const specPath = context.testPath;
    return measure(received, checked).then(async (measurement) => {
      const { bytesPerOp } = measurement;
      const { verdict, file } = session.checkAllocation({ specPath, test, bytesPerOp, ...limits });
      const pass = verdict.kind !== 'missing' && verdict.kind !== 'regressed';
      const attribution = verdict.kind === 'regressed' ? await attribute(received, measurement, context, test) : undefined;
      recordAllocationCheck({ name: test, bytesPerOp, ...('baseline' in verdict && { baselineBytes: verdict.baseline }), pass }, attribution);
      const shown = showPath(file, settings.root);
      const runtime = session.options.runtime;
      const baseline = 'baseline' in verdict ? verdict.baseline : undefined;
      const change = baseline === undefined ? '' : `, ${bytesPerOp >= baseline ? '+' : '−'}${exactBytes(Math.abs(bytesPerOp - baseline))}${baseline > 0 ? ` (${bytesPerOp >= baseline ? '+' : '−'}${((Math.abs(bytesPerOp - baseline) / baseline) * 100).toFixed(1)}%)` : ''} against the baseline`;
      return {
        pass,
        message: () =>
          formatFailure({
            hint: context.utils.matcherHint('toMatchAllocationBaseline', 'received', '', { isNot: context.isNot, promise: context.promise }),
            rows: [
              [
                'Expected',
                baseline === undefined
                  ? `a baseline for this test in ${shown} (${runtime})`
                  : `at most ${formatBytes(baselineLimit(baseline, limits))} per call: the baseline ${formatBytes(baseline)} + ${(limits.tolerance * 100).toFixed(0)}%, changes under ${formatBytes(limits.floorBytes)} ignored`,
              ],
              ['Received', `${formatBytes(bytesPerOp)} per call${change}${verdict.kind === 'missing' ? (verdict.reason === 'ci' ? ', and no baseline: CI=true never writes one' : ', and no baseline: nothing in this run writes one') : ''}`],
              ['Samples', samplesRow(measurement)],
              ['Function', functionName(received)],
              ['Baseline', `${shown} › ${JSON.stringify(test)} (${runtime})`],
            ],
            sections: [...(attribution === undefined ? [] : attributionSections(attribution, settings.root)), ...advice(verdict, shown, settings.updateCommand, settings.runCommand)],
          }),
      };
    });
  });
}

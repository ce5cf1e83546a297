import { exactBytes, formatBytes, parseByteSize, type ByteSize } from '../allocations/byte-size.js';
import { formatFailure } from '../message/format-failure.js';
import { attributionSections, samplesRow } from '../message/allocation-sections.js';
import { measuredGateSettings } from '../session/measured-gates.js';
import { attribute, checkMeasured, functionName, measure, MEASURE_OPTION_CHECKS, testNameOf, type MeasureOptions, type TestMatcherContext } from './allocation-matcher.js';
import { checkOptions } from './check-options.js';
import { recordAllocationCheck } from '../report/record-figures.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { rejectBadInput } from './reject-bad-input.js';

/**
 * Passes when the received function allocates `budget` bytes per call or
 * fewer on the V8 heap (the median of several samples). On failure it runs
 * the function again under the sampling heap profiler and names the
 * functions that allocated.
 *
 * @example
 * await expect(() => logger.info('order placed', { id: 1 })).toAllocateAtMost('1 KiB');
 */
export function toAllocateAtMost(this: MatcherContext, received: unknown, budget: ByteSize, options?: MeasureOptions): Promise<MatcherResult> {
  return rejectBadInput(() => {
    checkMeasured('toAllocateAtMost', received, toAllocateAtMost);
    const limit = parseByteSize(budget, 'toAllocateAtMost', toAllocateAtMost);
    const measureOptions = checkOptions<MeasureOptions>('toAllocateAtMost', options, MEASURE_OPTION_CHECKS, toAllocateAtMost, '{ samples: 9 }');
    const context = this as TestMatcherContext;
    return measure(received, measureOptions).then(async (measurement) => {
      const { bytesPerOp } = measurement;
      const pass = bytesPerOp <= limit;
      // Only a gate that failed as written needs to say where the bytes came from.
      const attribution = pass || context.isNot ? undefined : await attribute(received, measurement, context, testNameOf(context) ?? functionName(received));
      const over = bytesPerOp - limit;
      recordAllocationCheck({ name: testNameOf(context) ?? functionName(received), bytesPerOp, budgetBytes: limit, pass: pass !== (context.isNot === true) }, attribution);
      return {
        pass,
        message: () =>
          formatFailure({
            hint: context.utils.matcherHint('toAllocateAtMost', 'received', typeof budget === 'string' ? `'${budget}'` : String(budget), { isNot: context.isNot, promise: context.promise }),
            rows: [
              ['Expected', `${context.isNot ? 'more than' : 'at most'} ${formatBytes(limit)} per call`],
              ['Received', `${formatBytes(bytesPerOp)} per call${!context.isNot && over > 0 ? `, ${exactBytes(over)} over budget${limit > 0 ? ` (+${((over / limit) * 100).toFixed(1)}%)` : ''}` : ''}`],
              ['Samples', samplesRow(measurement)],
              ['Function', functionName(received)],
            ],
            sections: attribution === undefined ? [] : attributionSections(attribution, measuredGateSettings().root),
          }),
      };
    });
  });
}

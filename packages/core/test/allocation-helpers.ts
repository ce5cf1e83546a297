import type { Attribution } from '../src/allocations/attribute-allocations.js';
import type { AllocationMeasurement } from '../src/allocations/measure-allocations.js';
import { setMeasuredGateSettings, type AllocationSettings, type MeasuredGateChanges } from '../src/session/measured-gates.js';

/** A measurement with fixed figures, so messages are stable. */
export function fakeMeasurement(bytesPerOp: number, samples: readonly number[] = [bytesPerOp - 0.2, bytesPerOp, bytesPerOp + 0.7]): AllocationMeasurement {
  return { bytesPerOp, statistic: 'median', samples, iterations: 4_537, warmupCalls: 28_673, async: false, overheadBytes: 680, method: 'v8.GCProfiler' };
}

/** The attribution of a logger whose formatLine allocates most, saved where the matcher asked. */
export function fakeAttribution(file: string): Attribution {
  return {
    calls: 4_537,
    samples: 3_981,
    inliningOff: true,
    file,
    allocators: [
      { name: 'formatLine', location: { file: '/repo/src/logger.ts', line: 14, column: 10 }, bytes: 4_537 * 3_645.2, share: 0.712 },
      { name: 'log', location: { file: '/repo/src/logger.ts', line: 22, column: 10 }, bytes: 4_537 * 1_029.1, share: 0.201 },
      { name: '(V8 API)', location: undefined, caller: { name: 'formatLine', location: { file: '/repo/src/logger.ts', line: 14, column: 10 } }, bytes: 4_537 * 445.4, share: 0.087 },
    ],
  };
}

/**
 * Makes the allocation matchers see `bytesPerOp` (one figure per call of
 * the matcher, in order) under the project root `/repo`; returns the calls
 * made to the fakes and the undo.
 */
export function fakeAllocations(figures: readonly number[], settings: MeasuredGateChanges = {}) {
  const measured: Array<() => unknown> = [];
  const attributed: string[] = [];
  const allocations: Partial<AllocationSettings> = {
    reportDir: '/repo/.perfgate',
    measure: async (fn) => {
      measured.push(fn);
      const bytes = figures[measured.length - 1];
      if (bytes === undefined) throw new Error('more measurements than figures');
      return fakeMeasurement(bytes);
    },
    attribute: async (_fn, _measurement, options) => {
      attributed.push(options.file);
      return fakeAttribution(options.file);
    },
  };
  const undo = setMeasuredGateSettings({ root: '/repo', ...settings, allocations: { ...allocations, ...settings.allocations } });
  return { measured, attributed, undo };
}
